"""D3 node-link JSON: ``nodes`` (``id`` and attributes) and ``links`` (``source``, ``target``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from mig_graph.export.sink import Sink, Streamed, check_attributes, write_json_streamed

__all__ = ["SINK", "write_d3"]


def write_d3(graph: nx.Graph, path: Path) -> Path:
    """D3 node-link JSON: ``nodes`` (``id`` and attributes) and ``links`` (``source``, ``target``).

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
    # NetworkX's node_link_data(graph, edges="links"), its node and link lists made one at a time
    document = {
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "graph": graph.graph,
        "nodes": Streamed({**data, "id": node} for node, data in graph.nodes(data=True)),
        "links": Streamed({**data, "source": u, "target": v} for u, v, data in graph.edges(data=True)),
    }
    return write_json_streamed(document, path)


SINK = Sink("d3", ".json", write_d3)
