"""mig_graph.network.community: seeded Louvain communities of the seed graph's actors."""

from __future__ import annotations

from mig_graph.network import communities


def test_communities_are_reproducible(graphs, seed_nodes):
    found = communities(graphs.actors)
    assert found == communities(graphs.actors)
    assert frozenset(seed_nodes.coi_states) in found
    assert frozenset({"org/united-nations"}) in found
    assert sorted(node for part in found for node in part) == sorted(graphs.actors)
