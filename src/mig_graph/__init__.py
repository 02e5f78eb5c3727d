"""mig-graph: a knowledge graph of global migration governance."""

from importlib.metadata import version

__version__ = version("mig-graph")
