"""GEXF 1.2 (Gephi); on the bipartite graph, dynamic: each edge lives from its start (and, for a
membership, until its end), each node from its first edge's start.

Every node carries the view's picture in GEXF's viz namespace: ``viz:position`` (the seeded
layout, y pointing up as Gephi reads it), ``viz:color`` (its kind's colour) and ``viz:size``
(its radius), so that Gephi opens the picture the view and the report draw.

Output is deterministic: GEXF's ``lastmodifieddate`` is left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes
from mig_graph.network import display_name
from mig_graph.network.layout import NodeDrawing, drawing
from mig_graph.records.dates import PartialDate

__all__ = ["SINK", "write_gexf"]


def _spell(start: str, end: str) -> dict[str, str]:
    """GEXF ``start``/``end`` (xsd:date): the first day of the start, the last day of the end."""
    spell = {}
    if start:
        spell["start"] = PartialDate(start).earliest.isoformat()
    if end:
        spell["end"] = PartialDate(end).latest.isoformat()
    return spell


def _dynamic_copy(graph: nx.Graph) -> nx.Graph:
    """The graph with GEXF time intervals: the dates themselves move to ``date_start``/``date_end``.

    An edge lives from its start; a membership until its end, a participation or signature
    from then on (as in :func:`mig_graph.network.is_active`).  A node lives from the earliest
    start of its edges, if all are dated, until the latest end, if all end.
    """
    dynamic = nx.Graph()
    dynamic.graph.update(graph.graph, mode="dynamic")
    for node, data in graph.nodes(data=True):
        record = {key: value for key, value in data.items() if key not in ("start", "end")}
        record.update(date_start=data["start"], date_end=data["end"], label=display_name(data, short=False))
        dynamic.add_node(node, **record)
    for u, v, data in graph.edges(data=True):
        end = data["end"] if "membership" in data["relation"].split() else ""
        record = {key: value for key, value in data.items() if key not in ("start", "end")}
        record.update(date_start=data["start"], date_end=data["end"], **_spell(data["start"], end))
        dynamic.add_edge(u, v, **record)
    for node, data in dynamic.nodes(data=True):
        spells = [dynamic.edges[node, other] for other in dynamic[node]]
        starts = [spell.get("start", "") for spell in spells]
        ends = [spell.get("end", "") for spell in spells]
        if starts and "" not in starts:
            data["start"] = min(starts)
        if ends and "" not in ends:
            data["end"] = max(ends)
    return dynamic


def _static_copy(graph: nx.Graph) -> nx.Graph:
    """The graph with a ``label`` per node and its dates as ``date_start``/``date_end``."""
    written = graph.copy()
    for _, data in written.nodes(data=True):
        data["label"] = display_name(data, short=False)
        for key in ("start", "end"):
            if key in data:
                data[f"date_{key}"] = data.pop(key)
    return written


def _viz(drawn: NodeDrawing) -> dict[str, dict[str, float] | float]:
    """A node's ``viz`` attribute as NetworkX writes it: position (y up), colour and size."""
    red, green, blue = drawn.rgb
    return {
        "position": {"x": drawn.x, "y": drawn.y_up, "z": 0.0},
        "color": {"r": red, "g": green, "b": blue, "a": 1.0},
        "size": drawn.radius,
    }


def write_gexf(graph: nx.Graph, path: Path) -> Path:
    """GEXF 1.2 (``1.2draft``), dynamic when the edges have dates (the bipartite graph), each
    node with its ``viz:position``, ``viz:color`` and ``viz:size``.

    Parameters
    ----------
    graph : networkx.Graph
        An analysis graph.
    path : pathlib.Path
        The file written.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    check_attributes(graph)
    dated = graph.number_of_edges() > 0 and all(
        "start" in data and "relation" in data for _, _, data in graph.edges(data=True)
    )
    written = _dynamic_copy(graph) if dated else _static_copy(graph)
    for node, drawn in drawing(graph).items():
        written.nodes[node]["viz"] = _viz(drawn)
    text = "\n".join(nx.generate_gexf(written, encoding="utf-8", version="1.2draft"))
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


SINK = Sink("gexf", ".gexf", write_gexf)
