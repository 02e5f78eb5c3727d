"""Stage 8, export: the networks written for other tools (GraphML, GEXF, Cytoscape.js, D3, CSV,
an offline HTML view), one module per format behind the sink registry."""

from mig_graph.export.csv_tables import write_csv
from mig_graph.export.cytoscape import write_cytoscape
from mig_graph.export.d3 import write_d3
from mig_graph.export.gexf import write_gexf
from mig_graph.export.graphml import write_graphml
from mig_graph.export.html_view import write_html
from mig_graph.export.registry import FORMATS, SINKS, SUFFIXES, export_graph
from mig_graph.export.sink import Sink

__all__ = [
    "FORMATS",
    "SINKS",
    "SUFFIXES",
    "Sink",
    "export_graph",
    "write_csv",
    "write_cytoscape",
    "write_d3",
    "write_gexf",
    "write_graphml",
    "write_html",
]
