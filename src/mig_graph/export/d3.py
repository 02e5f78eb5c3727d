"""D3 node-link JSON: ``nodes`` (``id`` and attributes) and ``links`` (``source``, ``target``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes, json_text

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
    path.write_text(json_text(nx.node_link_data(graph, edges="links")), encoding="utf-8")
    return path


SINK = Sink("d3", ".json", write_d3)
