"""GEXF 1.2 (Gephi); on the bipartite graph, dynamic: each edge lives from its start (and, for a
membership, until its end), each node from its first edge's start.

Every node carries the view's picture in GEXF's viz namespace: ``viz:position`` (the seeded
layout, y pointing up as Gephi reads it), ``viz:color`` (its kind's colour) and ``viz:size``
(its radius), so that Gephi opens the picture the view and the report draw.

The file is streamed (:func:`gexf_lines`): each node and edge is written as it is read.  The
attribute declarations come before the nodes, so a first pass over the attributes finds them
(their ids in the order first met, nodes' then edges', as NetworkX's ``GEXFWriter`` numbers
them); a node's interval is read from its edges in the graph, without a copy of the graph.  The
document is the one NetworkX's writer gives for the same graph, but for the creator
(``mig-graph``); output is deterministic: GEXF's ``lastmodifieddate`` is left out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes, staged_files
from mig_graph.export.xmltext import empty, escape_attribute, opening
from mig_graph.network import display_name
from mig_graph.network.layout import NodeDrawing, drawing
from mig_graph.records.dates import PartialDate

__all__ = ["SINK", "GexfEdge", "GexfNode", "gexf_declarations", "gexf_lines", "write_gexf"]

_GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
_VIZ_NAMESPACE = f"{_GEXF_NAMESPACE}/viz"
_SCHEMA_LOCATION = f"{_GEXF_NAMESPACE} {_GEXF_NAMESPACE}/gexf.xsd"
_XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_TIME_FORMATS = {str: "date", float: "double", int: "long"}
_EDGE_ELEMENT_KEYS = ("label", "weight", "type", "start", "end")
"""Edge attributes GEXF writes on the element itself, in this order (as NetworkX does)."""


@dataclass(frozen=True)
class GexfNode:
    """A node as written: its identifier, label, interval (``start``, ``end`` or neither), picture
    and attributes (``attvalues``)."""

    node: str
    label: str
    spell: Mapping[str, str]
    drawn: NodeDrawing
    attributes: Mapping[str, Any]


@dataclass(frozen=True)
class GexfEdge:
    """An edge as written: its ends, its element's attributes (``label``, ``weight``, ``type``,
    ``start``, ``end``) and its other attributes (``attvalues``)."""

    source: str
    target: str
    element: Mapping[str, Any]
    attributes: Mapping[str, Any]


@cache
def _spell(start: str, end: str) -> tuple[tuple[str, str], ...]:
    """GEXF ``start``/``end`` (xsd:date): the first day of the start, the last day of the end."""
    spell = []
    if start:
        spell.append(("start", PartialDate(start).earliest.isoformat()))
    if end:
        spell.append(("end", PartialDate(end).latest.isoformat()))
    return tuple(spell)


def _edge_spell(data: Mapping[str, Any]) -> dict[str, str]:
    """An edge's interval: from its start; a membership until its end, a participation or
    signature from then on (as in :func:`mig_graph.network.is_active`)."""
    end = data["end"] if "membership" in data["relation"].split() else ""
    return dict(_spell(data["start"], end))


def _dated(graph: nx.Graph) -> bool:
    """Whether the graph is written dynamic: it has edges, each with a start and a relation."""
    return graph.number_of_edges() > 0 and all(
        "start" in data and "relation" in data for _, _, data in graph.edges(data=True)
    )


def _dynamic_nodes(graph: nx.Graph, drawn: Mapping[str, NodeDrawing]) -> Iterator[GexfNode]:
    """The nodes with GEXF time intervals: the dates themselves move to ``date_start``/``date_end``;
    a node lives from the earliest start of its edges, if all are dated, until the latest end,
    if all end."""
    for node, data in graph.nodes(data=True):
        record = {key: value for key, value in data.items() if key not in ("start", "end")}
        record.update(date_start=data["start"], date_end=data["end"])
        spells = [_edge_spell(edge) for _, _, edge in graph.edges(node, data=True)]
        starts = [spell.get("start", "") for spell in spells]
        ends = [spell.get("end", "") for spell in spells]
        spell = {}
        if starts and "" not in starts:
            spell["start"] = min(starts)
        if ends and "" not in ends:
            spell["end"] = max(ends)
        yield GexfNode(node, display_name(data, short=False), spell, drawn[node], record)


def _dynamic_edges(graph: nx.Graph) -> Iterator[GexfEdge]:
    for u, v, data in graph.edges(data=True):
        record = {key: value for key, value in data.items() if key not in ("start", "end")}
        record.update(date_start=data["start"], date_end=data["end"])
        yield _edge(u, v, {**record, **_edge_spell(data)})


def _static_nodes(graph: nx.Graph, drawn: Mapping[str, NodeDrawing]) -> Iterator[GexfNode]:
    """The nodes with a label and their dates as ``date_start``/``date_end``."""
    for node, data in graph.nodes(data=True):
        record = {key: value for key, value in data.items() if key not in ("start", "end", "label")}
        record.update({f"date_{key}": data[key] for key in ("start", "end") if key in data})
        yield GexfNode(node, display_name(data, short=False), {}, drawn[node], record)


def _static_edges(graph: nx.Graph) -> Iterator[GexfEdge]:
    for u, v, data in graph.edges(data=True):
        yield _edge(u, v, data)


def _edge(u: str, v: str, data: Mapping[str, Any]) -> GexfEdge:
    element = {key: data[key] for key in _EDGE_ELEMENT_KEYS if key in data}
    attributes = {key: value for key, value in data.items() if key not in _EDGE_ELEMENT_KEYS}
    return GexfEdge(u, v, element, attributes)


def _type(value: object) -> str:
    try:
        return _TYPES[type(value)]
    except KeyError:
        raise TypeError(f"GEXF cannot write a {type(value).__name__} value") from None


def gexf_declarations(
    nodes: Iterable[GexfNode], edges: Iterable[GexfEdge]
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], str]:
    """The attributes to declare and the time format, from one pass over the nodes and edges.

    Parameters
    ----------
    nodes, edges
        The nodes and edges as written (any iterables, read once).

    Returns
    -------
    tuple
        The node attributes and the edge attributes (title → ``(id, type)``, ids numbered in the
        order first met, nodes' first; the type is the first value's) and the time format
        (``date``, ``double`` or ``long``; ``""`` when no node or edge has an interval).

    Examples
    --------
    >>> drawn = NodeDrawing(1.0, 2.0, 4.0, "#000000")
    >>> gexf_declarations([GexfNode("a", "A", {}, drawn, {"kind": "state"})],
    ...                   [GexfEdge("a", "b", {"start": "2014-02-01"}, {"weight_share": 0.5})])
    ({'kind': ('0', 'string')}, {'weight_share': ('1', 'double')}, 'date')
    """
    declared: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]] = ({}, {})
    timeformat = ""
    for scope, items in enumerate((nodes, edges)):
        for item in items:
            times = (
                item.spell.values()
                if isinstance(item, GexfNode)
                else (item.element[key] for key in ("start", "end") if key in item.element)
            )
            for value in times:
                timeformat = _TIME_FORMATS.get(type(value), timeformat)
            for title, value in item.attributes.items():
                if title not in declared[scope]:
                    number = len(declared[0]) + len(declared[1])
                    declared[scope][str(title)] = (str(number), _type(value))
    return declared[0], declared[1], timeformat


def _value(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and not math.isfinite(value):
        return {"inf": "INF", "-inf": "-INF"}.get(str(value), "NaN")
    return str(value)


def _attvalues(depth: int, ids: Mapping[str, tuple[str, str]], attributes: Mapping[str, Any]) -> str:
    if not attributes:
        return ""
    pad = "  " * (depth + 1)
    values = "".join(
        f'{pad}<attvalue for="{ids[str(title)][0]}" value="{escape_attribute(_value(value))}" />\n'
        for title, value in attributes.items()
    )
    return f"{'  ' * depth}<attvalues>\n{values}{'  ' * depth}</attvalues>\n"


def _viz(drawn: NodeDrawing) -> str:
    """A node's ``viz`` elements: colour, size, position (y up)."""
    red, green, blue = drawn.rgb
    return (
        empty(4, "viz:color", {"r": str(red), "g": str(green), "b": str(blue), "a": "1.0"})
        + empty(4, "viz:size", {"value": str(drawn.radius)})
        + empty(4, "viz:position", {"x": str(drawn.x), "y": str(drawn.y_up), "z": "0.0"})
    )


def _declarations(scope: str, declared: Mapping[str, tuple[str, str]]) -> str:
    if not declared:
        return ""
    lines = "".join(
        empty(3, "attribute", {"id": number, "title": title, "type": kind})
        for title, (number, kind) in declared.items()
    )
    return opening(2, "attributes", {"mode": "static", "class": scope}) + lines + "    </attributes>\n"


def gexf_lines(
    graph: Mapping[str, str],
    declarations: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], str],
    nodes: Iterable[GexfNode],
    edges: Iterable[GexfEdge],
) -> Iterator[str]:
    """The document's text, a node or an edge at a time (nothing is held but the current one).

    Parameters
    ----------
    graph
        The graph element's ``name`` and ``mode`` (``static`` or ``dynamic``; a graph with
        intervals is written dynamic).
    declarations
        The attributes and the time format (:func:`gexf_declarations`).
    nodes, edges
        The nodes and edges as written (any iterables, read once).

    Yields
    ------
    str
        The head and the declarations, then each node's and each edge's lines, then the end.
    """
    node_ids, edge_ids, timeformat = declarations
    yield opening(
        0,
        "gexf",
        {
            "xmlns:viz": _VIZ_NAMESPACE,
            "xmlns": _GEXF_NAMESPACE,
            "xmlns:xsi": _XSI_NAMESPACE,
            "xsi:schemaLocation": _SCHEMA_LOCATION,
            "version": "1.2",
        },
    )
    yield "  <meta>\n    <creator>mig-graph</creator>\n  </meta>\n"
    element = {"defaultedgetype": "undirected", "mode": graph["mode"], "name": graph["name"]}
    if timeformat:
        element.update(mode="dynamic", timeformat=timeformat)
    yield opening(1, "graph", element)
    yield _declarations("edge", edge_ids) + _declarations("node", node_ids)  # NetworkX's order
    yield opening(2, "nodes")
    wrote_nodes = False
    for item in nodes:
        wrote_nodes = True
        node = {"id": str(item.node), "label": item.label, **item.spell}
        yield opening(3, "node", node) + _viz(item.drawn) + _attvalues(4, node_ids, item.attributes)
        yield "      </node>\n"
    yield "    </nodes>\n" if wrote_nodes else empty(2, "nodes")
    yield opening(2, "edges")
    wrote_edges = False
    for number, item in enumerate(edges):
        wrote_edges = True
        ends = {"source": str(item.source), "target": str(item.target), "id": str(number)}
        ends.update((key, str(value)) for key, value in item.element.items())
        values = _attvalues(4, edge_ids, item.attributes)
        yield opening(3, "edge", ends) + values + "      </edge>\n" if values else empty(3, "edge", ends)
    yield "    </edges>\n" if wrote_edges else empty(2, "edges")
    yield "  </graph>\n</gexf>\n"


def write_gexf(graph: nx.Graph, path: Path) -> Path:
    """GEXF 1.2 (``1.2draft``), dynamic when the edges have dates (the bipartite graph), each
    node with its ``viz:position``, ``viz:color`` and ``viz:size``, streamed to a temporary file
    renamed to ``path`` when complete.

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
    drawn = drawing(graph)
    dated = _dated(graph)
    node_items: Callable[[nx.Graph, Mapping[str, NodeDrawing]], Iterator[GexfNode]]
    node_items, edge_items = (_dynamic_nodes, _dynamic_edges) if dated else (_static_nodes, _static_edges)
    declarations = gexf_declarations(node_items(graph, drawn), edge_items(graph))
    head = {"name": str(graph.graph.get("name", "")), "mode": "dynamic" if dated else "static"}
    with staged_files([path]) as (staged,), staged.open("w", encoding="utf-8", newline="\n") as stream:
        stream.writelines(gexf_lines(head, declarations, node_items(graph, drawn), edge_items(graph)))
    return path


SINK = Sink("gexf", ".gexf", write_gexf)
