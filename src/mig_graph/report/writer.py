"""The analysis report: the tables and plots a researcher would put in a paper.

Stage ``analyse``: :func:`write_report` takes the graphs of
:func:`mig_graph.analysis.read_graphs` and writes, in English or French,

- ``report.md``, Markdown, its figures linked from ``figures/``;
- ``report.html``, one self-contained page (figures embedded as SVG data URIs, no network);
- ``figures/<name>.png`` and ``.svg``: the bipartite network, the process-overlap heatmap, the
  distribution of memberships per state and the timeline of meetings and establishments.

Tables: the size of each graph; actors by number of processes; degree, strength, betweenness and
eigenvector centrality in both projections; brokers; Louvain communities of actors; the
overlap of the processes with most members.  Plots are drawn with Matplotlib's Agg and SVG
canvases (no GUI backend), and are deterministic: seeded layout, fixed SVG ids
(``svg.hashsalt``), no creation dates.  Betweenness is exact up to 1,000 nodes and estimated
from 100 seeded sources beyond.

A large network is not drawn whole: beyond :data:`NETWORK_LIMIT` nodes the network plot shows
the nodes with most links and the links between them, and the report says so; the tables are
always computed on the whole graphs (the projections' measures without building them, see
:mod:`mig_graph.network`).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib
import networkx as nx
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from mig_graph.network import (
    KIND_COLOURS,
    KIND_LABELS,
    AnalysisGraphs,
    TimelineEvent,
    brokers,
    communities,
    display_name,
    layout,
    most_linked,
    overlap_matrix,
    processes_per_actor,
    projection_centralities,
    projection_size,
)
from mig_graph.records.dates import PartialDate

__all__ = [
    "LANGUAGES",
    "TEXT",
    "plot_memberships",
    "plot_network",
    "plot_overlap",
    "plot_timeline",
    "write_report",
]

LANGUAGES = ("en", "fr")
TOP = 15
"""Rows in the ranked tables."""
HEATMAP_SIZE = 25
"""Processes (those with most members) in the overlap heatmap."""
OVERLAP_TABLE_SIZE = 10
EXACT_BETWEENNESS_LIMIT = 1000
NETWORK_LIMIT = 300
"""Nodes in the network plot: a larger network is drawn as its nodes with most links."""
NODE_SIZE_DEGREE = 50
"""Nodes of up to this many links are drawn at a size set by their degree alone; when some
node has more, sizes are scaled so that the largest is drawn at this degree's size."""
MEMBERSHIP_BARS = 30
"""Bars of the memberships plot: beyond, each bar counts the states of several numbers of processes."""
BETWEENNESS_SAMPLE = 100

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Network analysis of migration governance",
        "as_of": "Snapshot as of {date}: memberships current then, meetings and signatures up to then.",
        "all_dates": "All dates: every membership, meeting and signature recorded.",
        "roles": "Links with the roles: {roles}.",
        "summary": "The graphs",
        "summary_text": (
            "Actors (states and organisations) are linked to the processes they take part in "
            "(consultation mechanisms, programmes, organisations with members, declarations, meetings). "
            "Two actors are linked when they share a process, two processes when they share an actor."
        ),
        "graph": "graph",
        "nodes": "nodes",
        "edges": "edges",
        "density": "density",
        "components": "components",
        "bipartite": "actors and processes (bipartite)",
        "actors": "actors (shared processes)",
        "processes": "processes (shared actors)",
        "network_title": "Actors and processes",
        "network_caption": "The bipartite network; colours by kind, size by number of links.",
        "network_title_subset": "Actors and processes: the {shown} with most links (of {total})",
        "network_subset": (
            "The bipartite network has {total} nodes, too many to draw legibly: the figure shows the "
            "{shown} nodes with most links (ties broken by identifier) and the {edges} links between "
            "them. The tables are computed on the whole network."
        ),
        "network_caption_subset": (
            "The {shown} nodes of the bipartite network with most links, of {total}, and the links "
            "between them; colours by kind, size by number of links."
        ),
        "top_actors": "Actors by number of processes",
        "rank": "rank",
        "actor": "actor",
        "process": "process",
        "kind": "kind",
        "processes_count": "processes",
        "memberships_title": "Memberships per state",
        "memberships_caption": "How many states take part in 1, 2, 3… processes.",
        "memberships_caption_binned": (
            "How many states take part in 1 to {width}, {next} to {twice}… processes (bars of {width})."
        ),
        "memberships_x": "number of processes",
        "memberships_y": "number of states",
        "centrality_actors": "Central actors (actor projection)",
        "centrality_processes": "Central processes (process projection)",
        "centrality_text": (
            "Degree: neighbours in the projection; strength: sum of the weights (shared processes or "
            "actors); betweenness: share of shortest paths through the node (hops, normalised{sample}); "
            "eigenvector: weighted eigenvector centrality within the node's connected component "
            "(1 for the most central node of each component). Ordered by degree."
        ),
        "sampled": ", estimated from {k} sources",
        "node": "node",
        "degree": "degree",
        "strength": "strength",
        "betweenness": "betweenness",
        "eigenvector": "eigenvector",
        "brokers": "Brokers",
        "brokers_text": (
            "Actors whose removal disconnects processes (pairs of processes separated) or removes the "
            "only member two processes share (sole links)."
        ),
        "no_brokers": "No actor disconnects or is the sole link between processes.",
        "cut_vertex": "cut vertex",
        "separated": "process pairs separated",
        "sole_links": "sole links",
        "yes": "yes",
        "no": "no",
        "communities": "Communities of actors",
        "communities_text": (
            "Louvain communities of the actor projection (weights: shared processes; seed 42)."
        ),
        "community": "community",
        "size": "size",
        "members": "members",
        "overlap": "Overlap of processes",
        "overlap_text": "Members shared by the processes with most members (diagonal: number of members).",
        "overlap_title": "Members shared by processes",
        "overlap_caption": "Members shared by the {n} processes with most members.",
        "overlap_bar": "shared members",
        "timeline": "Timeline",
        "timeline_title": "Meetings and establishments",
        "timeline_caption": "Dated meetings and establishments of processes, programmes and organisations.",
        "meeting": "meetings",
        "establishment": "establishments",
        "year": "year",
        "count": "number",
        "nothing": "Nothing to show.",
        "more": "… (+{n})",
    },
    "fr": {
        "title": "Analyse de réseau de la gouvernance des migrations",
        "as_of": (
            "État au {date} : adhésions en cours à cette date, réunions et signatures jusqu'à cette date."
        ),
        "all_dates": "Toutes dates : chaque adhésion, réunion et signature enregistrée.",
        "roles": "Liens ayant les rôles : {roles}.",
        "summary": "Les graphes",
        "summary_text": (
            "Les acteurs (États et organisations) sont reliés aux processus auxquels ils prennent part "
            "(mécanismes de consultation, programmes, organisations à membres, déclarations, réunions). "
            "Deux acteurs sont reliés s'ils partagent un processus, deux processus s'ils partagent un acteur."
        ),
        "graph": "graphe",
        "nodes": "nœuds",
        "edges": "liens",
        "density": "densité",
        "components": "composantes",
        "bipartite": "acteurs et processus (biparti)",
        "actors": "acteurs (processus partagés)",
        "processes": "processus (acteurs partagés)",
        "network_title": "Acteurs et processus",
        "network_caption": "Le réseau biparti ; couleurs par type, taille selon le nombre de liens.",
        "network_title_subset": "Acteurs et processus : les {shown} ayant le plus de liens (sur {total})",
        "network_subset": (
            "Le réseau biparti compte {total} nœuds, trop pour être dessinés lisiblement : la figure "
            "montre les {shown} nœuds ayant le plus de liens (à égalité, par ordre d'identifiant) et les "
            "{edges} liens entre eux. Les tableaux portent sur tout le réseau."
        ),
        "network_caption_subset": (
            "Les {shown} nœuds du réseau biparti ayant le plus de liens, sur {total}, et les liens "
            "entre eux ; couleurs par type, taille selon le nombre de liens."
        ),
        "top_actors": "Acteurs par nombre de processus",
        "rank": "rang",
        "actor": "acteur",
        "process": "processus",
        "kind": "type",
        "processes_count": "processus",
        "memberships_title": "Adhésions par État",
        "memberships_caption": "Combien d'États prennent part à 1, 2, 3… processus.",
        "memberships_caption_binned": (
            "Combien d'États prennent part à 1 à {width}, {next} à {twice}… processus (barres de {width})."
        ),
        "memberships_x": "nombre de processus",
        "memberships_y": "nombre d'États",
        "centrality_actors": "Acteurs centraux (projection des acteurs)",
        "centrality_processes": "Processus centraux (projection des processus)",
        "centrality_text": (
            "Degré : voisins dans la projection ; force : somme des poids (processus ou acteurs "
            "partagés) ; intermédiarité : part des plus courts chemins passant par le nœud (en sauts, "
            "normalisée{sample}) ; vecteur propre : centralité de vecteur propre pondérée dans la "
            "composante connexe du nœud (1 pour le nœud le plus central de chaque composante). "
            "Classés par degré."
        ),
        "sampled": ", estimée à partir de {k} sources",
        "node": "nœud",
        "degree": "degré",
        "strength": "force",
        "betweenness": "intermédiarité",
        "eigenvector": "vecteur propre",
        "brokers": "Intermédiaires",
        "brokers_text": (
            "Acteurs dont le retrait déconnecte des processus (paires de processus séparées) ou supprime le "
            "seul membre commun de deux processus (liens uniques)."
        ),
        "no_brokers": "Aucun acteur ne déconnecte de processus ni n'en est le seul lien.",
        "cut_vertex": "point d'articulation",
        "separated": "paires de processus séparées",
        "sole_links": "liens uniques",
        "yes": "oui",
        "no": "non",
        "communities": "Communautés d'acteurs",
        "communities_text": (
            "Communautés de Louvain de la projection des acteurs (poids : processus partagés ; graine 42)."
        ),
        "community": "communauté",
        "size": "taille",
        "members": "membres",
        "overlap": "Chevauchement des processus",
        "overlap_text": (
            "Membres communs aux processus ayant le plus de membres (diagonale : nombre de membres)."
        ),
        "overlap_title": "Membres communs aux processus",
        "overlap_caption": "Membres communs aux {n} processus ayant le plus de membres.",
        "overlap_bar": "membres communs",
        "timeline": "Chronologie",
        "timeline_title": "Réunions et créations",
        "timeline_caption": ("Réunions datées et créations de processus, de programmes et d'organisations."),
        "meeting": "réunions",
        "establishment": "créations",
        "year": "année",
        "count": "nombre",
        "nothing": "Rien à montrer.",
        "more": "… (+{n})",
    },
}
"""Every string of the report and its plots, in English and French."""

_RC = {"svg.hashsalt": "mig-graph", "svg.fonttype": "path", "font.family": "DejaVu Sans", "font.size": 9}
_SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


# -- blocks of the report, rendered to Markdown and to HTML


@dataclass(frozen=True)
class _Heading:
    text: str


@dataclass(frozen=True)
class _Paragraph:
    text: str


@dataclass(frozen=True)
class _Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class _Figure:
    stem: str
    caption: str


_Block = _Heading | _Paragraph | _Table | _Figure


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(title: str, blocks: Sequence[_Block]) -> str:
    lines = [f"# {title}", ""]
    for block in blocks:
        if isinstance(block, _Heading):
            lines += [f"## {block.text}", ""]
        elif isinstance(block, _Paragraph):
            lines += [block.text, ""]
        elif isinstance(block, _Table):
            numeric = [all(_is_number(row[i]) for row in block.rows) for i in range(len(block.headers))]
            lines.append("| " + " | ".join(_markdown_cell(header) for header in block.headers) + " |")
            lines.append("|" + "|".join("---:" if right else "---" for right in numeric) + "|")
            lines += ["| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in block.rows]
            lines.append("")
        else:
            lines += [
                f"![{block.caption}](figures/{block.stem}.png)",
                "",
                f"*{block.caption}* ([SVG](figures/{block.stem}.svg))",
                "",
            ]
    return "\n".join(lines)


_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 60em;
       margin: 2em auto; padding: 0 1em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 10px; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #999; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0 2em; } figure img { max-width: 100%; height: auto; }
figcaption { color: #555; font-style: italic; }
"""


def _html(title: str, lang: str, blocks: Sequence[_Block], figures: dict[str, bytes]) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    for block in blocks:
        if isinstance(block, _Heading):
            parts.append(f"<h2>{html.escape(block.text)}</h2>")
        elif isinstance(block, _Paragraph):
            parts.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, _Table):
            parts.append("<table><thead><tr>")
            parts += [f"<th>{html.escape(header)}</th>" for header in block.headers]
            parts.append("</tr></thead><tbody>")
            for row in block.rows:
                cells = "".join(
                    f'<td class="number">{html.escape(cell)}</td>'
                    if _is_number(cell)
                    else f"<td>{html.escape(cell)}</td>"
                    for cell in row
                )
                parts.append(f"<tr>{cells}</tr>")
            parts.append("</tbody></table>")
        else:
            encoded = base64.b64encode(figures[block.stem]).decode("ascii")
            parts.append(
                f'<figure><img src="data:image/svg+xml;base64,{encoded}" alt="{html.escape(block.caption)}">'
                f"<figcaption>{html.escape(block.caption)}</figcaption></figure>"
            )
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# -- plots


def _kind_name(kind: str, lang: str) -> str:
    return KIND_LABELS.get(kind, {}).get(lang, kind)


def _clipped(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _empty(figure: Figure, lang: str) -> Figure:
    axes = figure.axes[0] if figure.axes else figure.add_subplot()
    axes.text(0.5, 0.5, TEXT[lang]["nothing"], ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()
    return figure


def plot_network(graph: nx.Graph, lang: str = "en", *, limit: int = NETWORK_LIMIT) -> Figure:
    """The graph drawn with the seeded layout, coloured by kind, sized by degree.

    A graph of more than ``limit`` nodes is drawn as its ``limit`` nodes with most links and the
    links between them (:func:`mig_graph.drawing.most_linked`; the title says so): thousands of
    nodes and their links would only cover each other.
    """
    text = TEXT[lang]
    figure = Figure(figsize=(11, 9), layout="constrained")
    axes = figure.add_subplot()
    drawn = graph if graph.number_of_nodes() <= limit else most_linked(graph, limit)
    if drawn is graph:
        axes.set_title(text["network_title"])
    else:
        axes.set_title(text["network_title_subset"].format(shown=len(drawn), total=len(graph)))
    axes.set_axis_off()
    if graph.number_of_nodes() == 0:
        return _empty(figure, lang)
    positions = {node: (x, 1000 - y) for node, (x, y) in layout(drawn).items()}
    top = max(degree for _, degree in graph.degree())
    scale = NODE_SIZE_DEGREE / top if top > NODE_SIZE_DEGREE else 1.0
    segments = [(positions[u], positions[v]) for u, v in drawn.edges()]
    axes.add_collection(LineCollection(segments, colors="#999999", linewidths=0.6, alpha=0.5, zorder=1))
    nodes = list(drawn)
    axes.scatter(
        [positions[node][0] for node in nodes],
        [positions[node][1] for node in nodes],
        s=[16 + 10 * (graph.degree(node) * scale) ** 0.5 * 4 for node in nodes],
        c=[KIND_COLOURS.get(graph.nodes[node].get("kind", ""), "#444444") for node in nodes],
        edgecolors="white",
        linewidths=0.6,
        zorder=2,
    )
    labelled = nodes if len(nodes) <= 80 else sorted(nodes, key=lambda node: (-graph.degree(node), node))[:40]
    for node in labelled:
        x, y = positions[node]
        axes.annotate(
            _clipped(display_name(graph.nodes[node], lang)),
            (x, y),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=6.5,
            zorder=3,
        )
    kinds = [
        kind for kind in KIND_COLOURS if any(data.get("kind") == kind for _, data in drawn.nodes(data=True))
    ]
    handles = [
        Line2D([], [], marker="o", linestyle="", color=KIND_COLOURS[kind], label=_kind_name(kind, lang))
        for kind in kinds
    ]
    figure.legend(handles=handles, loc="outside right upper", fontsize=7, frameon=False)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    axes.set_xlim(min(xs) - 20, max(xs) + 120)
    axes.set_ylim(min(ys) - 20, max(ys) + 20)
    axes.set_aspect("equal")
    return figure


def _largest_processes(bipartite: nx.Graph, count: int) -> list[str]:
    processes = [node for node, side in bipartite.nodes(data="bipartite") if side == 1]
    return sorted(processes, key=lambda node: (-bipartite.degree(node), node))[:count]


def plot_overlap(bipartite: nx.Graph, lang: str = "en", *, size: int = HEATMAP_SIZE) -> Figure:
    """Heatmap of the members shared by the ``size`` processes with most members."""
    chosen = _largest_processes(bipartite, size)
    figure = Figure(figsize=(9, 8), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(TEXT[lang]["overlap_title"])
    if not chosen:
        return _empty(figure, lang)
    matrix = overlap_matrix(bipartite, chosen)
    image = axes.imshow(matrix.shared, cmap="Blues", interpolation="nearest")
    names = [_clipped(display_name(bipartite.nodes[node], lang), 40) for node in chosen]
    axes.set_xticks(range(len(chosen)), names, rotation=60, ha="right", fontsize=7)
    axes.set_yticks(range(len(chosen)), names, fontsize=7)
    if len(chosen) <= 15:
        top = matrix.shared.max() or 1
        for i in range(len(chosen)):
            for j in range(len(chosen)):
                value = int(matrix.shared[i, j])
                colour = "white" if value > top / 2 else "#222222"
                axes.text(j, i, str(value), ha="center", va="center", fontsize=7, color=colour)
    figure.colorbar(image, ax=axes, shrink=0.7, label=TEXT[lang]["overlap_bar"])
    return figure


def _state_memberships(bipartite: nx.Graph) -> list[int]:
    return [bipartite.degree(node) for node, kind in bipartite.nodes(data="kind") if kind == "state"]


def _membership_bar_width(counts: Sequence[int]) -> int:
    """How many numbers of processes each bar of the memberships plot covers (1 up to
    :data:`MEMBERSHIP_BARS` bars)."""
    return max(1, math.ceil(max(counts, default=0) / MEMBERSHIP_BARS))


def plot_memberships(bipartite: nx.Graph, lang: str = "en") -> Figure:
    """Bar chart: number of states by number of processes they take part in; when states take
    part in more than :data:`MEMBERSHIP_BARS` processes, each bar covers several numbers."""
    figure = Figure(figsize=(7, 4), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(TEXT[lang]["memberships_title"])
    counts = _state_memberships(bipartite)
    if not counts:
        return _empty(figure, lang)
    width = _membership_bar_width(counts)
    if width == 1:
        values = range(1, max(counts) + 1)
        tally = Counter(counts)
        axes.bar(values, [tally[value] for value in values], color=KIND_COLOURS["state"])
        axes.set_xticks(list(values) if len(values) <= 30 else axes.get_xticks())
    else:  # bar i counts the states in i·width + 1 to (i + 1)·width processes
        tally = Counter((count - 1) // width for count in counts)
        bars = range(max(tally) + 1)
        lefts = [bar * width + 0.5 for bar in bars]
        heights = [tally[bar] for bar in bars]
        axes.bar(lefts, heights, width=width, align="edge", color=KIND_COLOURS["state"], edgecolor="white")
        axes.set_xlim(0, lefts[-1] + width + 0.5)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(TEXT[lang]["memberships_x"])
    axes.set_ylabel(TEXT[lang]["memberships_y"])
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def plot_timeline(events: Sequence[TimelineEvent], lang: str = "en") -> Figure:
    """Meetings and establishments in time: one labelled row per event (up to 40 events), else
    the number of each per year."""
    text = TEXT[lang]
    colours = {"meeting": KIND_COLOURS["meeting"], "establishment": KIND_COLOURS["joint-programme"]}
    rows = len(events) if len(events) <= 40 else 0
    figure = Figure(figsize=(9, 2 + 0.28 * rows if rows else 4.5), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(text["timeline_title"])
    if not events:
        return _empty(figure, lang)
    if rows:
        ordered = list(reversed(events))
        dates = [dt.datetime.combine(PartialDate(event.date).earliest, dt.time()) for event in ordered]
        axes.hlines(range(rows), min(dates), dates, color="#dddddd", linewidth=0.8, zorder=1)
        axes.scatter(dates, range(rows), c=[colours[event.category] for event in ordered], s=28, zorder=2)
        labels = [
            f"{_clipped(display_name(event.attributes, lang, short=False), 48)} ({event.date})"
            for event in ordered
        ]
        axes.set_yticks(range(rows), labels, fontsize=7)
        axes.set_ylim(-0.7, rows - 0.3)
    else:
        tally = Counter((event.category, int(event.date[:4])) for event in events)
        years = sorted({year for _, year in tally})
        bottom = [0] * len(years)
        for category in ("establishment", "meeting"):
            heights = [tally[category, year] for year in years]
            axes.bar(years, heights, bottom=bottom, color=colours[category])
            bottom = [low + high for low, high in zip(bottom, heights, strict=True)]
        axes.set_ylabel(text["count"])
    handles = [
        Line2D(
            [], [], marker="o" if rows else "s", linestyle="", color=colours[category], label=text[category]
        )
        for category in ("meeting", "establishment")
    ]
    figure.legend(handles=handles, loc="outside right upper", fontsize=7, frameon=False)
    axes.set_xlabel(text["year"])
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _save(figure: Figure, folder: Path, stem: str) -> tuple[list[Path], bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with matplotlib.rc_context(_RC):
        for fmt in ("png", "svg"):
            path = folder / f"{stem}.{fmt}"
            figure.savefig(path, format=fmt, dpi=150, metadata=_SAVE_METADATA[fmt])
            written.append(path)
    return written, written[1].read_bytes()


# -- tables


def _name(attributes: dict[str, Any], lang: str) -> str:
    label, short = display_name(attributes, lang, short=False), display_name(attributes, lang)
    return label if short == label else f"{label} ({short})"


def _number(value: float) -> str:
    return f"{value:.3f}"


def _graph_table(graphs: AnalysisGraphs, text: dict[str, str]) -> _Table:
    bipartite = graphs.bipartite
    # every component of the bipartite graph has actors and processes, so each projection has
    # as many components; their sizes are counted without building them
    components = nx.number_connected_components(bipartite) if bipartite.number_of_nodes() else 0
    sizes = {
        "bipartite": (bipartite.number_of_nodes(), bipartite.number_of_edges()),
        "actors": projection_size(bipartite, 0),
        "processes": projection_size(bipartite, 1),
    }
    rows = []
    for key, (nodes, edges) in sizes.items():
        density = 2 * edges / (nodes * (nodes - 1)) if nodes > 1 else 0.0
        rows.append((text[key], str(nodes), str(edges), _number(density), str(components)))
    return _Table(
        (text["graph"], text["nodes"], text["edges"], text["density"], text["components"]), tuple(rows)
    )


def _centrality_table(bipartite: nx.Graph, side: int, lang: str) -> tuple[_Table, int | None]:
    text = TEXT[lang]
    size = sum(1 for _, value in bipartite.nodes(data="bipartite") if value == side)
    sample = BETWEENNESS_SAMPLE if size > EXACT_BETWEENNESS_LIMIT else None
    rows = tuple(
        (
            _name(bipartite.nodes[row.node], lang),
            str(row.degree),
            f"{row.strength:g}",
            _number(row.betweenness),
            _number(row.eigenvector),
        )
        for row in projection_centralities(bipartite, side, betweenness_sample=sample)[:TOP]
    )
    headers = (text["node"], text["degree"], text["strength"], text["betweenness"], text["eigenvector"])
    return _Table(headers, rows), sample


def _members(graph: nx.Graph, part: frozenset[str], lang: str, limit: int = 25) -> str:
    names = sorted(display_name(graph.nodes[node], lang) for node in part)
    shown = ", ".join(names[:limit])
    return shown + (" " + TEXT[lang]["more"].format(n=len(names) - limit) if len(names) > limit else "")


def _summary_section(graphs: AnalysisGraphs, lang: str, as_of: str | None) -> list[_Block]:
    text = TEXT[lang]
    blocks: list[_Block] = [_Paragraph(text["as_of"].format(date=as_of) if as_of else text["all_dates"])]
    if graphs.roles is not None:
        blocks.append(_Paragraph(text["roles"].format(roles=", ".join(sorted(graphs.roles)))))
    blocks += [_Heading(text["summary"]), _Paragraph(text["summary_text"]), _graph_table(graphs, text)]
    total = graphs.bipartite.number_of_nodes()
    if total <= NETWORK_LIMIT:
        return [*blocks, _Figure("network", text["network_caption"])]
    drawn = most_linked(graphs.bipartite, NETWORK_LIMIT)
    counts = {"shown": len(drawn), "total": total, "edges": drawn.number_of_edges()}
    return [
        *blocks,
        _Paragraph(text["network_subset"].format(**counts)),
        _Figure("network", text["network_caption_subset"].format(**counts)),
    ]


def _memberships_caption(bipartite: nx.Graph, text: dict[str, str]) -> str:
    width = _membership_bar_width(_state_memberships(bipartite))
    if width == 1:
        return text["memberships_caption"]
    return text["memberships_caption_binned"].format(width=width, next=width + 1, twice=2 * width)


def _actors_section(bipartite: nx.Graph, lang: str) -> list[_Block]:
    text = TEXT[lang]
    rows = tuple(
        (
            str(rank),
            _name(bipartite.nodes[actor], lang),
            _kind_name(bipartite.nodes[actor]["kind"], lang),
            str(n),
        )
        for rank, (actor, n) in enumerate(processes_per_actor(bipartite)[:TOP], start=1)
    )
    return [
        _Heading(text["top_actors"]),
        _Table((text["rank"], text["actor"], text["kind"], text["processes_count"]), rows),
        _Figure("memberships", _memberships_caption(bipartite, text)),
    ]


def _centrality_section(graphs: AnalysisGraphs, lang: str) -> list[_Block]:
    text = TEXT[lang]
    actor_table, actor_sample = _centrality_table(graphs.bipartite, 0, lang)
    process_table, process_sample = _centrality_table(graphs.bipartite, 1, lang)
    sample = actor_sample or process_sample
    return [
        _Heading(text["centrality_actors"]),
        _Paragraph(text["centrality_text"].format(sample=text["sampled"].format(k=sample) if sample else "")),
        actor_table,
        _Heading(text["centrality_processes"]),
        process_table,
    ]


def _brokers_section(graphs: AnalysisGraphs, lang: str) -> list[_Block]:
    text = TEXT[lang]
    found = brokers(graphs.bipartite)[:TOP]
    rows = tuple(
        (
            _name(graphs.bipartite.nodes[row.actor], lang),
            text["yes"] if row.cut_vertex else text["no"],
            str(row.separated_pairs),
            str(row.sole_links),
        )
        for row in found
    )
    headers = (text["actor"], text["cut_vertex"], text["separated"], text["sole_links"])
    return [
        _Heading(text["brokers"]),
        _Paragraph(text["brokers_text"]),
        _Table(headers, rows) if rows else _Paragraph(text["no_brokers"]),
    ]


def _communities_section(actors: nx.Graph, lang: str) -> list[_Block]:
    text = TEXT[lang]
    rows = tuple(
        (str(index), str(len(part)), _members(actors, part, lang))
        for index, part in enumerate(communities(actors)[:TOP], start=1)
    )
    return [
        _Heading(text["communities"]),
        _Paragraph(text["communities_text"]),
        _Table((text["community"], text["size"], text["members"]), rows),
    ]


def _overlap_section(bipartite: nx.Graph, lang: str) -> list[_Block]:
    text = TEXT[lang]
    blocks: list[_Block] = [_Heading(text["overlap"]), _Paragraph(text["overlap_text"])]
    chosen = _largest_processes(bipartite, OVERLAP_TABLE_SIZE)
    if chosen:
        shared = overlap_matrix(bipartite, chosen).shared
        rows = tuple(
            (str(i + 1), _name(bipartite.nodes[node], lang), *(str(int(value)) for value in shared[i]))
            for i, node in enumerate(chosen)
        )
        blocks.append(_Table(("", text["process"], *(str(i) for i in range(1, len(chosen) + 1))), rows))
    shown = len(_largest_processes(bipartite, HEATMAP_SIZE))
    return [*blocks, _Figure("overlap", text["overlap_caption"].format(n=shown))]


def _blocks(graphs: AnalysisGraphs, lang: str, as_of: str | None) -> list[_Block]:
    text = TEXT[lang]
    return [
        *_summary_section(graphs, lang, as_of),
        *_actors_section(graphs.bipartite, lang),
        *_centrality_section(graphs, lang),
        *_brokers_section(graphs, lang),
        *_communities_section(graphs.actors, lang),
        *_overlap_section(graphs.bipartite, lang),
        _Heading(text["timeline"]),
        _Figure("timeline", text["timeline_caption"]),
    ]


def write_report(
    graphs: AnalysisGraphs, out_dir: Path, *, lang: str = "en", as_of: str | None = None
) -> list[Path]:
    """Write ``report.md``, ``report.html`` and ``figures/*.png|svg`` into ``out_dir``; the paths.

    ``as_of`` (default: the graphs' own date) is only stated in the report; the snapshot is
    taken when reading the graphs.  ``lang`` is ``"en"`` or ``"fr"``.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    as_of = as_of if as_of is not None else graphs.as_of
    out_dir.mkdir(parents=True, exist_ok=True)
    figures_dir = out_dir / "figures"
    plots = {
        "network": plot_network(graphs.bipartite, lang),
        "memberships": plot_memberships(graphs.bipartite, lang),
        "overlap": plot_overlap(graphs.bipartite, lang),
        "timeline": plot_timeline(graphs.timeline, lang),
    }
    written: list[Path] = []
    svgs: dict[str, bytes] = {}
    for stem, figure in plots.items():
        paths, svgs[stem] = _save(figure, figures_dir, stem)
        written += paths
    title = TEXT[lang]["title"]
    blocks = _blocks(graphs, lang, as_of)
    markdown, page = out_dir / "report.md", out_dir / "report.html"
    markdown.write_text(_markdown(title, blocks), encoding="utf-8")
    page.write_text(_html(title, lang, blocks, svgs), encoding="utf-8")
    return [markdown, page, *written]
