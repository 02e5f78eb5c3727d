"""The export tests' graphs: each of the seed graph's three analysis graphs in turn."""

from __future__ import annotations

import networkx as nx
import pytest

GRAPHS = ("bipartite", "actors", "processes")


@pytest.fixture(scope="module", params=GRAPHS)
def graph(request, graphs) -> nx.Graph:
    return getattr(graphs, request.param)
