"""The command line: thin commands, each calling one stage."""

from mig_graph.cli.main import cli, main

__all__ = ["cli", "main"]
