"""mig_graph.network.overlap: members shared by the seed graph's processes, by hand."""

from __future__ import annotations

import pytest

from mig_graph.network import overlap_matrix


def test_overlap_matrix(graphs, seed_nodes):
    chosen = ["process/midiocc", "org/coi", seed_nodes.lima_meeting, seed_nodes.programme]
    matrix = overlap_matrix(graphs.bipartite, chosen)
    assert matrix.shared.tolist() == [[5, 5, 0, 0], [5, 5, 0, 0], [0, 0, 34, 5], [0, 0, 5, 11]]
    assert matrix.jaccard[0, 1] == 1.0
    assert matrix.jaccard[2, 3] == pytest.approx(5 / 40)
    full = overlap_matrix(graphs.bipartite)
    assert full.nodes == tuple(sorted(seed_nodes.processes))
    assert int(full.shared.trace()) == graphs.bipartite.number_of_edges()
