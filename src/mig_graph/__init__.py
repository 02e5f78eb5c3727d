"""mig-graph: a knowledge graph of global migration governance."""

__version__ = "0.1.0"
