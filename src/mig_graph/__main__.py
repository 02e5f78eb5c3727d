"""``python -m mig_graph``: the same as the ``mig-graph`` command."""

from mig_graph.cli import main

main()
