"""Stage 8, report: the network analysis written as Markdown and HTML, with plots."""

from mig_graph.report.messages import LANGUAGES, TEXT
from mig_graph.report.plots import plot_memberships, plot_network, plot_overlap, plot_timeline
from mig_graph.report.writer import write_report

__all__ = [
    "LANGUAGES",
    "TEXT",
    "plot_memberships",
    "plot_network",
    "plot_overlap",
    "plot_timeline",
    "write_report",
]
