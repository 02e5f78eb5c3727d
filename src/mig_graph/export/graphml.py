"""GraphML (yEd, Gephi, igraph, NetworkX), attributes typed string/int/double/boolean."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes

__all__ = ["SINK", "write_graphml"]


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """GraphML with typed attribute keys (``attr.type`` string, int, double or boolean).

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
    nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return path


SINK = Sink("graphml", ".graphml", write_graphml)
