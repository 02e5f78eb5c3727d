"""Cytoscape.js elements JSON (``{"elements": {"nodes": [...], "edges": [...]}}``).

Each node has the view's picture: ``position`` (the seeded layout, y down as Cytoscape draws it),
and in its ``data`` its ``color`` (``#rrggbb``, its kind's colour) and ``size`` (its radius), for a
style such as ``background-color: data(color)``.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from mig_graph.export.sink import Sink, Streamed, check_attributes, write_json_streamed
from mig_graph.network import display_name
from mig_graph.network.layout import drawing

__all__ = ["SINK", "write_cytoscape"]


def write_cytoscape(graph: nx.Graph, path: Path) -> Path:
    """Cytoscape.js elements JSON: nodes ``{"data": {"id", "label", "color", "size", …},
    "position": {"x", "y"}, "classes": kind}``,
    edges ``{"data": {"id", "source", "target", …}}``; load with ``cy.json(…)`` or
    ``cytoscape({elements: json.elements})``.

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
    nodes = (
        {
            "data": {
                "id": node,
                "label": display_name(data, short=False),
                "color": drawn[node].colour,
                "size": drawn[node].radius,
                **data,
            },
            "position": {"x": drawn[node].x, "y": drawn[node].y},
            "classes": data.get("kind", ""),
        }
        for node, data in graph.nodes(data=True)
    )
    edges = (
        {"data": {"id": f"e{index}", "source": u, "target": v, **data}}
        for index, (u, v, data) in enumerate(graph.edges(data=True))
    )
    document = {
        "format_version": "1.0",
        "generated_by": "mig-graph",
        "target_cytoscapejs_version": "~3",
        "data": dict(graph.graph),
        "elements": {"nodes": Streamed(nodes), "edges": Streamed(edges)},
    }
    return write_json_streamed(document, path)


SINK = Sink("cyjs", ".cyjs", write_cytoscape)
