"""The report's plots: Matplotlib figures of the network, the overlap, memberships and the timeline.

Drawn on Matplotlib's Agg and SVG canvases (no GUI backend) and deterministic: seeded layout,
fixed SVG ids (``svg.hashsalt``), no creation dates.  A large network is not drawn whole:
beyond :data:`NETWORK_LIMIT` nodes the network plot shows the nodes with most links and the
links between them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import networkx as nx
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import MaxNLocator

from mig_graph.network import (
    KIND_COLOURS,
    KIND_LABELS,
    TimelineEvent,
    display_name,
    distinct_names,
    layout,
    most_linked,
    overlap_matrix,
)
from mig_graph.records.dates import PartialDate
from mig_graph.report.messages import TEXT

__all__ = [
    "HEATMAP_SIZE",
    "MEMBERSHIP_BARS",
    "NETWORK_LIMIT",
    "NODE_SIZE_DEGREE",
    "kind_name",
    "largest_processes",
    "membership_bar_width",
    "plot_memberships",
    "plot_network",
    "plot_overlap",
    "plot_timeline",
    "save_figure",
    "state_memberships",
]

HEATMAP_SIZE = 25
"""Processes (those with most members) in the overlap heatmap."""
NETWORK_LIMIT = 300
"""Nodes in the network plot: a larger network is drawn as its nodes with most links."""
NODE_SIZE_DEGREE = 50
"""Nodes of up to this many links are drawn at a size set by their degree alone; when some
node has more, sizes are scaled so that the largest is drawn at this degree's size."""
MEMBERSHIP_BARS = 30
"""Bars of the memberships plot: beyond, each bar counts the states of several numbers of processes."""

_RC = {"svg.hashsalt": "mig-graph", "svg.fonttype": "path", "font.family": "DejaVu Sans", "font.size": 9}
_SAVE_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def kind_name(kind: str, lang: str) -> str:
    """The name of node kind ``kind`` in ``lang`` (the kind itself when it has none).

    >>> kind_name("meeting", "fr"), kind_name("unheard-of", "en")
    ('réunion', 'unheard-of')
    """
    return KIND_LABELS.get(kind, {}).get(lang, kind)


def _clipped(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _empty(figure: Figure, lang: str) -> Figure:
    """The figure saying there is nothing to show."""
    axes = figure.axes[0] if figure.axes else figure.add_subplot()
    axes.text(0.5, 0.5, TEXT[lang]["nothing"], ha="center", va="center", transform=axes.transAxes)
    axes.set_axis_off()
    return figure


def plot_network(graph: nx.Graph, lang: str = "en", *, limit: int = NETWORK_LIMIT) -> Figure:
    """The graph drawn with the seeded layout, coloured by kind, sized by degree.

    A graph of more than ``limit`` nodes is drawn as its ``limit`` nodes with most links and the
    links between them (:func:`mig_graph.network.most_linked`; the title says so): thousands of
    nodes and their links would only cover each other.

    Parameters
    ----------
    graph : networkx.Graph
        The bipartite graph (or a projection), nodes with ``kind`` and labels.
    lang : str
        ``"en"`` or ``"fr"``: the title, labels and legend.
    limit : int
        The most nodes drawn.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, not yet saved.
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
    _draw_nodes_and_links(axes, graph, drawn, positions, lang)
    _kind_legend(figure, drawn, lang)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    axes.set_xlim(min(xs) - 20, max(xs) + 120)
    axes.set_ylim(min(ys) - 20, max(ys) + 20)
    axes.set_aspect("equal")
    return figure


def _draw_nodes_and_links(
    axes: Axes, graph: nx.Graph, drawn: nx.Graph, positions: dict[str, tuple[float, float]], lang: str
) -> None:
    """The links, the nodes (sized by their degree in ``graph``) and the labels of the most linked."""
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
    names = distinct_names([graph.nodes[node] for node in labelled], lang, limit=30)
    for node, name in zip(labelled, names, strict=True):
        x, y = positions[node]
        axes.annotate(
            name,
            (x, y),
            xytext=(4, 3),
            textcoords="offset points",
            fontsize=6.5,
            zorder=3,
        )


def _kind_legend(figure: Figure, drawn: nx.Graph, lang: str) -> None:
    """A legend entry for each kind of node drawn, in the order of the colours."""
    kinds = [
        kind for kind in KIND_COLOURS if any(data.get("kind") == kind for _, data in drawn.nodes(data=True))
    ]
    handles = [
        Line2D([], [], marker="o", linestyle="", color=KIND_COLOURS[kind], label=kind_name(kind, lang))
        for kind in kinds
    ]
    figure.legend(handles=handles, loc="outside right upper", fontsize=7, frameon=False)


def largest_processes(bipartite: nx.Graph, count: int) -> list[str]:
    """The ``count`` processes with most members (ties by identifier)."""
    processes = [node for node, side in bipartite.nodes(data="bipartite") if side == 1]
    return sorted(processes, key=lambda node: (-bipartite.degree(node), node))[:count]


def plot_overlap(bipartite: nx.Graph, lang: str = "en", *, size: int = HEATMAP_SIZE) -> Figure:
    """Heatmap of the members shared by the ``size`` processes with most members.

    Parameters
    ----------
    bipartite : networkx.Graph
        The bipartite graph of actors and processes.
    lang : str
        ``"en"`` or ``"fr"``.
    size : int
        How many processes.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, not yet saved.
    """
    chosen = largest_processes(bipartite, size)
    figure = Figure(figsize=(9, 8), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(TEXT[lang]["overlap_title"])
    if not chosen:
        return _empty(figure, lang)
    matrix = overlap_matrix(bipartite, chosen)
    image = axes.imshow(matrix.shared, cmap="Blues", interpolation="nearest")
    names = distinct_names([bipartite.nodes[node] for node in chosen], lang, limit=40)
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


def state_memberships(bipartite: nx.Graph) -> list[int]:
    """The number of processes of each state."""
    return [bipartite.degree(node) for node, kind in bipartite.nodes(data="kind") if kind == "state"]


def membership_bar_width(counts: Sequence[int]) -> int:
    """How many numbers of processes each bar of the memberships plot covers (1 up to
    :data:`MEMBERSHIP_BARS` bars).

    >>> membership_bar_width([1, 2, 30]), membership_bar_width([61]), membership_bar_width([])
    (1, 3, 1)
    """
    return max(1, math.ceil(max(counts, default=0) / MEMBERSHIP_BARS))


def plot_memberships(bipartite: nx.Graph, lang: str = "en") -> Figure:
    """Bar chart: number of states by number of processes they take part in; when states take
    part in more than :data:`MEMBERSHIP_BARS` processes, each bar covers several numbers.

    Parameters
    ----------
    bipartite : networkx.Graph
        The bipartite graph of actors and processes.
    lang : str
        ``"en"`` or ``"fr"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, not yet saved.
    """
    figure = Figure(figsize=(7, 4), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(TEXT[lang]["memberships_title"])
    counts = state_memberships(bipartite)
    if not counts:
        return _empty(figure, lang)
    width = membership_bar_width(counts)
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
    the number of each per year.

    Parameters
    ----------
    events : sequence of TimelineEvent
        The dated meetings and establishments, in date order.
    lang : str
        ``"en"`` or ``"fr"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, not yet saved.
    """
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


def save_figure(figure: Figure, folder: Path, stem: str) -> tuple[list[Path], bytes]:
    """Save ``figure`` as ``folder/stem.png`` and ``.svg``, without dates or software names.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure of this module.
    folder : pathlib.Path
        The figures' folder, created if missing.
    stem : str
        The files' name without suffix.

    Returns
    -------
    tuple[list[pathlib.Path], bytes]
        The two paths written, and the SVG's bytes (for the HTML report to embed).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with matplotlib.rc_context(_RC):
        for fmt in ("png", "svg"):
            path = folder / f"{stem}.{fmt}"
            figure.savefig(path, format=fmt, dpi=150, metadata=_SAVE_METADATA[fmt])
            written.append(path)
    return written, written[1].read_bytes()
