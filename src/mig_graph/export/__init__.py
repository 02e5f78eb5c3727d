"""Stage 8, export: the networks written for other tools (GraphML, GEXF, Cytoscape.js, D3, CSV,
an offline HTML view)."""

from mig_graph.export.formats import (
    FORMATS,
    SUFFIXES,
    export_graph,
    write_csv,
    write_cytoscape,
    write_d3,
    write_gexf,
    write_graphml,
    write_html,
)

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "export_graph",
    "write_csv",
    "write_cytoscape",
    "write_d3",
    "write_gexf",
    "write_graphml",
    "write_html",
]
