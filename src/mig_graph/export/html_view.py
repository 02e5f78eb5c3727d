"""The offline HTML view: one self-contained page (no network access) drawing the graph.

Colours by kind, labels in English or French, filters by process and role, a year slider that
keeps the links active in that year (the rule of :func:`mig_graph.network.is_active`, in
JavaScript).  Labels are placed largest node first, each only where it overlaps no other label
and no other node or, failing that, no node as large (the rest show on hover); filtering to a
process zooms to it and its neighbours; a button saves the picture as drawn as an SVG file.  The
page is the template ``network_view.html.j2`` on the base layout; its data goes through the
``json_script`` filter.  The layout is seeded, so the same graph gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes
from mig_graph.network import KIND_COLOURS, KIND_LABELS, display_name, distinct_names
from mig_graph.network.layout import FALLBACK_COLOUR, NodeDrawing, drawing
from mig_graph.rendering import render

__all__ = ["SINK", "view_data", "write_html"]

_LANGUAGES = ("en", "fr")


def _view_node(
    graph: nx.Graph, node: str, data: dict[str, Any], drawn: NodeDrawing, short: dict[str, str]
) -> dict[str, Any]:
    """A node as the view's script reads it: position, radius, colour, kind, links, labels in
    both languages."""
    return {
        "id": node,
        "x": drawn.x,
        "y": drawn.y,
        "r": drawn.radius,
        "colour": drawn.colour,
        "side": data.get("side", ""),
        "kind": data.get("kind", ""),
        "iri": data.get("iri", ""),
        "wikidata": data.get("wikidata", ""),
        "label": {lang: display_name(data, lang, short=False) for lang in _LANGUAGES},
        "short": short,
        "degree": graph.degree(node),
    }


def view_data(graph: nx.Graph) -> dict[str, Any]:
    """The data the view draws: nodes (seeded positions, radii and colours of
    :func:`mig_graph.network.layout.drawing`), edges, kind colours, roles, years.

    Parameters
    ----------
    graph : networkx.Graph
        An analysis graph.

    Returns
    -------
    dict
        ``name``, ``nodes``, ``edges``, ``colours`` (kind → colour), ``kinds`` (the kinds
        present in the colours' order: the legend's, as ``json_script`` sorts keys), ``roles``
        (sorted) and ``years`` (first and last, or empty when nothing is dated).
    """
    drawn = drawing(graph)
    attributes = [data for _, data in graph.nodes(data=True)]
    shorts = {lang: distinct_names(attributes, lang, limit=32) for lang in _LANGUAGES}
    nodes = [
        _view_node(graph, node, data, drawn[node], {lang: shorts[lang][index] for lang in _LANGUAGES})
        for index, (node, data) in enumerate(graph.nodes(data=True))
    ]
    edges = [
        {
            "source": u,
            "target": v,
            "role": data.get("role", ""),
            "relation": data.get("relation", ""),
            "start": data.get("start", ""),
            "end": data.get("end", ""),
            "weight": data.get("weight", 1),
        }
        for u, v, data in graph.edges(data=True)
    ]
    years = [int(edge[key][:4]) for edge in edges for key in ("start", "end") if edge[key]]
    order = list(KIND_COLOURS)
    kinds = sorted(
        {node["kind"] for node in nodes}, key=lambda kind: (order.index(kind) if kind in order else 99, kind)
    )
    return {
        "name": str(graph.graph.get("name", "")),
        "nodes": nodes,
        "edges": edges,
        "colours": {kind: KIND_COLOURS.get(kind, FALLBACK_COLOUR) for kind in kinds},
        "kinds": kinds,
        "roles": sorted({role for edge in edges for role in edge["role"].split()}),
        "years": [min(years), max(years)] if years else [],
    }


def write_html(graph: nx.Graph, path: Path, *, title: str | None = None) -> Path:
    """A self-contained interactive page (inline script and data, no network access).

    Parameters
    ----------
    graph : networkx.Graph
        An analysis graph.
    path : pathlib.Path
        The file written.
    title : str or None
        The page's title; by default ``mig-graph: <graph name>``.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    check_attributes(graph)
    page = render(
        "network_view.html.j2",
        lang="en",
        title=title or f"mig-graph: {graph.graph.get('name', 'network')}",
        graph_data=view_data(graph),
        kind_names=KIND_LABELS,
    )
    path.write_text(page, encoding="utf-8")
    return path


SINK = Sink("html", ".html", write_html)
