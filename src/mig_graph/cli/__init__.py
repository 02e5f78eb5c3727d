"""The command line: thin commands, each calling one stage."""

from mig_graph.cli.commands import cli, main

__all__ = ["cli", "main"]
