"""The network commands: ``analyse`` (measures and a report) and ``export`` (for other tools)."""

from __future__ import annotations

from pathlib import Path

import click

from mig_graph.cli.inputs import (
    StageChoice,
    analysis_options,
    console,
    graph_input,
    guarded,
    read_analysis_graphs,
)

__all__ = ["analyse", "export"]


@click.command()
@graph_input
@analysis_options
@click.option("--lang", type=StageChoice("mig_graph.report", "LANGUAGES"), default="en", show_default=True)
@click.option(
    "--compare",
    "compare_date",
    help="Add a section on what changed since this date (YYYY, YYYY-MM or YYYY-MM-DD).",
)
@click.option(
    "--out",
    "out_dir",
    default=Path("analysis"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
)
def analyse(
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    as_of: str | None,
    roles: tuple[str, ...],
    include: tuple[str, ...],
    lang: str,
    compare_date: str | None,
    out_dir: Path,
) -> None:
    """Cross-process membership: NetworkX graphs, measures and a report (Markdown, HTML, plots)."""
    from mig_graph.report import write_report

    graphs = read_analysis_graphs(rdf_files, store_path, as_of, roles, include)
    compare = (
        read_analysis_graphs(rdf_files, store_path, compare_date, roles, include) if compare_date else None
    )
    written = guarded(lambda: write_report(graphs, out_dir, lang=lang, as_of=as_of, compare=compare))
    bipartite = graphs.bipartite
    console().print(
        f"{bipartite.number_of_nodes()} nodes and {bipartite.number_of_edges()} links; "
        f"{len(written)} files in {out_dir}/ (open {out_dir / 'report.html'})",
        soft_wrap=True,
    )


@click.command()
@graph_input
@analysis_options
@click.option("--format", "fmt", required=True, type=StageChoice("mig_graph.export", "SINKS"))
@click.option(
    "--graph",
    "which",
    type=click.Choice(["bipartite", "actors", "processes"]),
    default="bipartite",
    show_default=True,
)
@click.option(
    "--out", "out_path", type=click.Path(path_type=Path), help="File (folder for csv); default by format."
)
def export(
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    as_of: str | None,
    roles: tuple[str, ...],
    include: tuple[str, ...],
    fmt: str,
    which: str,
    out_path: Path | None,
) -> None:
    """Export a network for Gephi, yEd, igraph, Cytoscape.js, D3, spreadsheets or the browser.

    With ``--as-of``, the links whose status is unknown at that date are not in the network; they
    are listed in ``NAME.unknown-status.csv`` beside it (``unknown-status.csv`` in a CSV folder).
    """
    from mig_graph.export import SUFFIXES, export_graph

    graphs = read_analysis_graphs(rdf_files, store_path, as_of, roles, include)
    target = out_path or Path(f"{which}{SUFFIXES[fmt]}" if SUFFIXES[fmt] else f"{which}-csv")
    written = guarded(lambda: export_graph(getattr(graphs, which), fmt, target))
    if as_of is not None:
        from mig_graph.network import write_links

        sidecar = (
            target / "unknown-status.csv"
            if target.is_dir()
            else target.with_name(f"{target.stem}.unknown-status.csv")
        )
        written = [*written, write_links(graphs.unknown, sidecar)]
    graph = getattr(graphs, which)
    console().print(
        f"{which}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges → "
        + ", ".join(str(path) for path in written),
        soft_wrap=True,
    )
