"""The analysis report: the tables and plots a researcher would put in a paper.

Stage ``analyse``: :func:`write_report` takes the graphs of :func:`mig_graph.network.read_graphs`
and writes, in English or French,

- ``report.md``, Markdown, its figures linked from ``figures/`` (template ``report.md.j2``);
- ``report.html``, one self-contained page (figures embedded as SVG data URIs, no network;
  template ``report.html.j2``, on the base layout);
- ``measures.csv``: every actor and process with its measures (:mod:`mig_graph.report.measures_file`);
- ``figures/<name>.png`` and ``.svg``: the bipartite network, the process-overlap heatmap, the
  distribution of memberships per state and the timeline of meetings and establishments
  (:mod:`mig_graph.report.plots`), and the world map of mechanisms per state
  (:mod:`mig_graph.report.worldmap`).

The content is in :mod:`mig_graph.report.tables`, its strings in ``messages/<lang>.toml``.
"""

from __future__ import annotations

import base64
from pathlib import Path

from mig_graph.network import AnalysisGraphs, write_links
from mig_graph.rendering import render
from mig_graph.report.measures_file import write_measures
from mig_graph.report.messages import LANGUAGES, TEXT
from mig_graph.report.plots import (
    plot_memberships,
    plot_network,
    plot_overlap,
    plot_timeline,
    save_figure,
)
from mig_graph.report.tables import report_blocks
from mig_graph.report.worldmap import mechanisms_per_state, plot_world_map

__all__ = ["write_report"]


def write_report(
    graphs: AnalysisGraphs,
    out_dir: Path,
    *,
    lang: str = "en",
    as_of: str | None = None,
    compare: AnalysisGraphs | None = None,
) -> list[Path]:
    """Write ``report.md``, ``report.html``, ``measures.csv`` and ``figures/*.png|svg`` into ``out_dir``.

    Parameters
    ----------
    graphs : AnalysisGraphs
        The graphs of :func:`mig_graph.network.read_graphs`.
    out_dir : pathlib.Path
        The report's folder, created if missing.
    lang : str
        ``"en"`` or ``"fr"``.
    as_of : str or None
        The snapshot's date, only stated in the report (the snapshot is taken when reading the
        graphs); by default the graphs' own.

    Returns
    -------
    list[pathlib.Path]
        ``report.md``, ``report.html``, ``measures.csv``, ``unknown-status.csv`` (for a snapshot
        as of a date: the links of unknown status then, not counted), then each figure's PNG
        and SVG.

    Raises
    ------
    ValueError
        For a language other than those of :data:`mig_graph.report.LANGUAGES`.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    as_of = as_of if as_of is not None else graphs.as_of
    out_dir.mkdir(parents=True, exist_ok=True)
    plots = {
        "network": plot_network(graphs.bipartite, lang),
        "memberships": plot_memberships(graphs.bipartite, lang),
        "overlap": plot_overlap(graphs.bipartite, lang),
        "worldmap": plot_world_map(mechanisms_per_state(graphs.bipartite), lang),
        "timeline": plot_timeline(graphs.timeline, lang),
    }
    written: list[Path] = []
    svgs: dict[str, str] = {}
    for stem, figure in plots.items():
        paths, svg = save_figure(figure, out_dir / "figures", stem)
        svgs[stem] = base64.b64encode(svg).decode("ascii")
        written += paths
    context = {
        "title": TEXT[lang]["title"],
        "lang": lang,
        "blocks": report_blocks(graphs, lang, as_of, compare),
    }
    markdown, page = out_dir / "report.md", out_dir / "report.html"
    markdown.write_text(render("report.md.j2", **context), encoding="utf-8")
    page.write_text(render("report.html.j2", figures=svgs, **context), encoding="utf-8")
    measures = write_measures(graphs, out_dir / "measures.csv")
    unknown = out_dir / "unknown-status.csv"
    if graphs.as_of is not None:
        write_links(graphs.unknown, unknown)
        return [markdown, page, measures, unknown, *written]
    unknown.unlink(missing_ok=True)
    return [markdown, page, measures, *written]
