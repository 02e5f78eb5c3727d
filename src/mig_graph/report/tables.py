"""The report's content as blocks (headings, paragraphs, tables, figures), in one language.

Tables: the size of each graph; actors by number of processes; degree, strength, betweenness and
eigenvector centrality in both projections; brokers; Louvain communities of actors; the overlap
of the processes with most members.  They are always computed on the whole graphs (the
projections' measures without building them).  Betweenness is exact up to
:data:`EXACT_BETWEENNESS_LIMIT` nodes and estimated from :data:`BETWEENNESS_SAMPLE` seeded
sources beyond.  The templates ``report.md.j2`` and ``report.html.j2`` lay the blocks out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import networkx as nx

from mig_graph.network import (
    INCLUSIONS,
    AnalysisGraphs,
    Scope,
    brokers,
    change_between,
    communities,
    display_name,
    most_linked,
    overlap_matrix,
    processes_per_actor,
    projection_centralities,
    projection_size,
    sides,
)
from mig_graph.report.messages import TEXT
from mig_graph.report.plots import (
    HEATMAP_SIZE,
    NETWORK_LIMIT,
    kind_name,
    largest_processes,
    membership_bar_width,
    state_memberships,
)
from mig_graph.report.worldmap import mechanisms_per_state, members_per_mechanism, unmapped

__all__ = [
    "BETWEENNESS_SAMPLE",
    "EXACT_BETWEENNESS_LIMIT",
    "OVERLAP_TABLE_SIZE",
    "TOP",
    "Block",
    "Figure",
    "Heading",
    "Paragraph",
    "Table",
    "is_number",
    "report_blocks",
]

TOP = 15
"""Rows in the ranked tables."""
OVERLAP_TABLE_SIZE = 10
"""Processes (those with most members) in the overlap table."""
EXACT_BETWEENNESS_LIMIT = 1000
"""Projections of up to this many nodes get exact betweenness; larger ones a seeded estimate."""
BETWEENNESS_SAMPLE = 100
"""Sources of the estimated betweenness."""


def is_number(text: str) -> bool:
    """Whether a cell reads as a number (right-aligned in the report's tables).

    >>> is_number("0.250"), is_number("12"), is_number("IOM")
    (True, True, False)
    """
    try:
        float(text)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Heading:
    """A section heading."""

    text: str
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Table:
    """A table of text cells; columns of numbers only are right-aligned."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    kind: ClassVar[str] = "table"

    @property
    def numeric_columns(self) -> tuple[bool, ...]:
        """For each column, whether every cell is a number (Markdown's alignment row)."""
        return tuple(all(is_number(row[i]) for row in self.rows) for i in range(len(self.headers)))

    @property
    def typed_rows(self) -> tuple[tuple[tuple[str, bool], ...], ...]:
        """The rows as (cell, is a number) pairs (HTML's ``class="number"``)."""
        return tuple(tuple((cell, is_number(cell)) for cell in row) for row in self.rows)


@dataclass(frozen=True)
class Figure:
    """A figure of ``figures/<stem>.png|svg`` and its caption."""

    stem: str
    caption: str
    kind: ClassVar[str] = "figure"


Block = Heading | Paragraph | Table | Figure
"""A block of the report."""


def _name(attributes: dict[str, Any], lang: str) -> str:
    label, short = display_name(attributes, lang, short=False), display_name(attributes, lang)
    return label if short == label else f"{label} ({short})"


def _number(value: float) -> str:
    return f"{value:.3f}"


def _graph_table(graphs: AnalysisGraphs, text: dict[str, str]) -> Table:
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
    return Table(
        (text["graph"], text["nodes"], text["edges"], text["density"], text["components"]), tuple(rows)
    )


def _centrality_table(bipartite: nx.Graph, side: int, lang: str) -> tuple[Table, int | None]:
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
    return Table(headers, rows), sample


def _members(graph: nx.Graph, part: frozenset[str], lang: str, limit: int = 25) -> str:
    names = sorted(display_name(graph.nodes[node], lang) for node in part)
    shown = ", ".join(names[:limit])
    return shown + (" " + TEXT[lang]["more"].format(n=len(names) - limit) if len(names) > limit else "")


def _scope_paragraphs(scope: Scope, text: dict[str, str]) -> list[Block]:
    """What the network links, and the wider readings left out (each by its ``--include`` name)."""
    included = scope.included
    actors = [text["scope_states"]] + ([text["scope_organisations"]] if "organisations" in included else [])
    processes = [text["scope_mechanisms"]] + [
        text[f"scope_{name}"] for name in INCLUSIONS if name in included and name != "organisations"
    ]
    paragraphs: list[Block] = [
        Paragraph(text["summary_text"].format(actors=", ".join(actors), processes="; ".join(processes)))
    ]
    left_out = [name for name in INCLUSIONS if name not in included]
    if left_out:
        paragraphs.append(Paragraph(text["not_included"].format(names=", ".join(left_out))))
    return paragraphs


def _unknown_paragraphs(graphs: AnalysisGraphs, lang: str, as_of: str | None) -> list[Block]:
    """How many links have an unknown status as of the date, by process (never counted)."""
    if not graphs.unknown:
        return []
    text = TEXT[lang]
    by_process: dict[str, int] = {}
    for link in graphs.unknown:
        by_process[link.process] = by_process.get(link.process, 0) + 1
    names = [f"{process.rsplit('/', 1)[-1]} ({n})" for process, n in sorted(by_process.items())]
    return [
        Paragraph(
            text["unknown_status"].format(n=len(graphs.unknown), date=as_of or "", processes=", ".join(names))
        )
    ]


def _summary_section(graphs: AnalysisGraphs, lang: str, as_of: str | None) -> list[Block]:
    text = TEXT[lang]
    blocks: list[Block] = [Paragraph(text["as_of"].format(date=as_of) if as_of else text["all_dates"])]
    blocks += _unknown_paragraphs(graphs, lang, as_of)
    if graphs.roles is not None:
        blocks.append(Paragraph(text["roles"].format(roles=", ".join(sorted(graphs.roles)))))
    blocks += [Heading(text["summary"]), *_scope_paragraphs(graphs.scope, text), _graph_table(graphs, text)]
    total = graphs.bipartite.number_of_nodes()
    if total <= NETWORK_LIMIT:
        return [*blocks, Figure("network", text["network_caption"])]
    drawn = most_linked(graphs.bipartite, NETWORK_LIMIT)
    counts = {"shown": len(drawn), "total": total, "edges": drawn.number_of_edges()}
    return [
        *blocks,
        Paragraph(text["network_subset"].format(**counts)),
        Figure("network", text["network_caption_subset"].format(**counts)),
    ]


def _memberships_caption(bipartite: nx.Graph, text: dict[str, str]) -> str:
    width = membership_bar_width(state_memberships(bipartite))
    if width == 1:
        return text["memberships_caption"]
    return text["memberships_caption_binned"].format(width=width, next=width + 1, twice=2 * width)


def _actors_section(bipartite: nx.Graph, lang: str) -> list[Block]:
    text = TEXT[lang]
    rows = tuple(
        (
            str(rank),
            _name(bipartite.nodes[actor], lang),
            kind_name(bipartite.nodes[actor]["kind"], lang),
            str(n),
        )
        for rank, (actor, n) in enumerate(processes_per_actor(bipartite)[:TOP], start=1)
    )
    return [
        Heading(text["top_actors"]),
        Table((text["rank"], text["actor"], text["kind"], text["processes_count"]), rows),
        Figure("memberships", _memberships_caption(bipartite, text)),
    ]


def _map_section(bipartite: nx.Graph, lang: str) -> list[Block]:
    """The world map of mechanisms per state, and the member states of each mechanism."""
    text = TEXT[lang]
    rows = tuple(
        (_name(bipartite.nodes[node], lang), kind_name(bipartite.nodes[node]["kind"], lang), str(n))
        for node, n in members_per_mechanism(bipartite)[:TOP]
    )
    missing = unmapped(mechanisms_per_state(bipartite))
    caption = text["map_caption"] + (
        " " + text["map_unmapped"].format(codes=", ".join(missing)) if missing else ""
    )
    blocks: list[Block] = [Heading(text["map_heading"]), Figure("worldmap", caption)]
    if rows:
        blocks.append(Table((text["mechanism"], text["kind"], text["member_states"]), rows))
    return blocks


def _centrality_section(graphs: AnalysisGraphs, lang: str) -> list[Block]:
    text = TEXT[lang]
    actor_table, actor_sample = _centrality_table(graphs.bipartite, 0, lang)
    process_table, process_sample = _centrality_table(graphs.bipartite, 1, lang)
    sample = actor_sample or process_sample
    return [
        Heading(text["centrality_actors"]),
        Paragraph(text["centrality_text"].format(sample=text["sampled"].format(k=sample) if sample else "")),
        actor_table,
        Heading(text["centrality_processes"]),
        process_table,
    ]


def _brokers_section(graphs: AnalysisGraphs, lang: str) -> list[Block]:
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
        Heading(text["brokers"]),
        Paragraph(text["brokers_text"]),
        Table(headers, rows) if rows else Paragraph(text["no_brokers"]),
    ]


def _communities_section(actors: nx.Graph, lang: str) -> list[Block]:
    text = TEXT[lang]
    rows = tuple(
        (str(index), str(len(part)), _members(actors, part, lang))
        for index, part in enumerate(communities(actors)[:TOP], start=1)
    )
    return [
        Heading(text["communities"]),
        Paragraph(text["communities_text"]),
        Table((text["community"], text["size"], text["members"]), rows),
    ]


def _overlap_section(bipartite: nx.Graph, lang: str) -> list[Block]:
    text = TEXT[lang]
    blocks: list[Block] = [Heading(text["overlap"]), Paragraph(text["overlap_text"])]
    chosen = largest_processes(bipartite, OVERLAP_TABLE_SIZE)
    if chosen:
        shared = overlap_matrix(bipartite, chosen).shared
        rows = tuple(
            (str(i + 1), _name(bipartite.nodes[node], lang), *(str(int(value)) for value in shared[i]))
            for i, node in enumerate(chosen)
        )
        blocks.append(Table(("", text["process"], *(str(i) for i in range(1, len(chosen) + 1))), rows))
    shown = len(largest_processes(bipartite, HEATMAP_SIZE))
    return [*blocks, Figure("overlap", text["overlap_caption"].format(n=shown))]


def _change_section(
    before: AnalysisGraphs, after: AnalysisGraphs, lang: str, as_of: str | None
) -> list[Block]:
    """What changed between the comparison date and the report's snapshot (``--compare``)."""
    text = TEXT[lang]
    change = change_between(before.bipartite, after.bipartite)
    processes_before = set(sides(before.bipartite)[1])
    processes_after = set(sides(after.bipartite)[1])
    counts = {
        "before": before.as_of or "",
        "after": as_of or text["all_dates_short"],
        "gained": len(change.added_edges),
        "lost": len(change.removed_edges),
        "new_processes": len(processes_after - processes_before),
        "ended_processes": len(processes_before - processes_after),
    }
    blocks: list[Block] = [
        Heading(text["change"].format(**counts)),
        Paragraph(text["change_text"].format(**counts)),
    ]
    graphs = {0: before.bipartite, 1: after.bipartite}
    changed = sorted(
        change.processes_per_actor.items(), key=lambda item: (-abs(item[1][1] - item[1][0]), item[0])
    )
    rows = tuple(
        (
            _name((graphs[1].nodes[actor] if actor in graphs[1] else graphs[0].nodes[actor]), lang),
            str(then),
            str(now),
            f"{now - then:+d}",
        )
        for actor, (then, now) in changed[:TOP]
    )
    if rows:
        blocks.append(Table((text["actor"], counts["before"], counts["after"], text["difference"]), rows))
    return blocks


def report_blocks(
    graphs: AnalysisGraphs, lang: str, as_of: str | None, compare: AnalysisGraphs | None = None
) -> list[Block]:
    """The report's blocks, in order: summary, actors, the world map, centralities, brokers,
    communities, overlap, change since the comparison date (when given), timeline.

    Parameters
    ----------
    graphs : AnalysisGraphs
        The bipartite graph, its projections and the timeline.
    lang : str
        ``"en"`` or ``"fr"``.
    as_of : str or None
        The snapshot's date as stated in the report (``None``: all dates).
    compare : AnalysisGraphs or None
        The same reading as of an earlier date: the report gains the section on what changed.

    Returns
    -------
    list[Block]
        Headings, paragraphs, tables and figures (figures by stem; the plots are drawn apart).
    """
    text = TEXT[lang]
    return [
        *_summary_section(graphs, lang, as_of),
        *_actors_section(graphs.bipartite, lang),
        *_map_section(graphs.bipartite, lang),
        *_centrality_section(graphs, lang),
        *_brokers_section(graphs, lang),
        *_communities_section(graphs.actors, lang),
        *_overlap_section(graphs.bipartite, lang),
        *(_change_section(compare, graphs, lang, as_of) if compare is not None else []),
        Heading(text["timeline"]),
        Figure("timeline", text["timeline_caption"]),
    ]
