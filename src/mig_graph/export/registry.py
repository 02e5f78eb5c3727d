"""The sink registry: each export format by name (the CLI's ``--format`` choices), as KGX's sinks.

``graphml``  GraphML (yEd, Gephi, igraph, NetworkX), attributes typed
``gexf``     GEXF 1.2 (Gephi), dynamic on the bipartite graph
``cyjs``     Cytoscape.js elements JSON
``d3``       D3 node-link JSON
``csv``      ``nodes.csv`` and ``edges.csv`` in a folder
``html``     one self-contained page drawing the graph

A new format is a module with a writer and its ``SINK``, listed in :data:`SINKS`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from mig_graph.export import csv_tables, cytoscape, d3, gexf, graphml, html_view
from mig_graph.export.sink import Sink

__all__ = ["FORMATS", "SINKS", "SUFFIXES", "export_graph"]

SINKS: dict[str, Sink] = {
    sink.name: sink
    for sink in (graphml.SINK, gexf.SINK, cytoscape.SINK, d3.SINK, csv_tables.SINK, html_view.SINK)
}
"""Format name → sink, in the order the CLI lists them."""

FORMATS: dict[str, Callable[[nx.Graph, Path], Path | list[Path]]] = {
    name: sink.writer for name, sink in SINKS.items()
}
"""Format name → writer.  ``csv`` writes into a folder; the others write one file."""

SUFFIXES: dict[str, str] = {name: sink.suffix for name, sink in SINKS.items()}
"""The usual file name ending of each format (``csv``: a folder), for default output names."""


def export_graph(graph: nx.Graph, fmt: str, out_path: Path) -> list[Path]:
    """Write ``graph`` in format ``fmt`` (a key of :data:`SINKS`) to ``out_path``.

    Parameters
    ----------
    graph : networkx.Graph
        An analysis graph.
    fmt : str
        A format name of :data:`SINKS`.
    out_path : pathlib.Path
        A file, or for a folder format (``csv``) a folder.  The parent folder is created.

    Returns
    -------
    list[pathlib.Path]
        The files written.

    Raises
    ------
    ValueError
        For an unknown format.
    """
    try:
        sink = SINKS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(SINKS)}") from None
    if not sink.folder:
        out_path.parent.mkdir(parents=True, exist_ok=True)
    written = sink.writer(graph, out_path)
    return written if isinstance(written, list) else [written]
