"""mig_graph.network.centrality: the seed graph's values by hand, NetworkX's values on random graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from mig_graph.network import actor_projection, centralities, process_projection, projection_centralities


def test_centralities(graphs, seed_nodes):
    table = {row.node: row for row in centralities(graphs.actors)}
    assert table["state/ECU"].degree == 39  # 33 others in Lima + 10 in the programme - 4 in both
    assert table["org/iom"].degree == 40  # + the Thai ministry at the 2009 meeting
    assert table["state/ECU"].strength == 33 + 23 + 10  # the other members of each of its processes
    for state in ("state/ECU", "state/JAM", "state/MAR"):
        assert table[state].eigenvector == pytest.approx(1.0)  # most central of the main component
    for state in seed_nodes.coi_states:  # a clique on its own: all equal, no shortest path through them
        assert table[state].eigenvector == pytest.approx(1.0)
        assert table[state].betweenness == 0.0
    assert table["org/united-nations"].eigenvector == 0.0
    assert centralities(graphs.actors)[0].node == "org/iom"
    sampled = centralities(graphs.actors, betweenness_sample=10)
    assert sampled == centralities(graphs.actors, betweenness_sample=10)


def test_centralities_of_an_empty_graph():
    assert centralities(nx.Graph()) == []


@pytest.mark.parametrize("seed", range(6))
def test_centralities_are_networkx_values(seed, random_graph):
    projection = actor_projection(random_graph(seed))
    eigenvector = dict.fromkeys(projection, 0.0)
    for part in nx.connected_components(projection):
        if len(part) > 1:
            found = nx.eigenvector_centrality(projection.subgraph(part), weight="weight", max_iter=1000)
            eigenvector.update({node: value / max(found.values()) for node, value in found.items()})
    for sample in (None, 7):
        betweenness = nx.betweenness_centrality(projection, k=sample, seed=42 if sample else None)
        for row in centralities(projection, betweenness_sample=sample):
            assert row.betweenness == pytest.approx(betweenness[row.node], abs=1e-12)
            assert row.eigenvector == pytest.approx(eigenvector[row.node], abs=1e-12)
            assert row.strength == projection.degree(row.node, weight="weight")


@pytest.mark.parametrize("seed", range(6))
def test_projection_centralities_without_the_projection(seed, graphs, random_graph):
    bipartite = graphs.bipartite if seed == 0 else random_graph(seed)
    for side, projection in ((0, actor_projection(bipartite)), (1, process_projection(bipartite))):
        for sample in (None, 5):
            expected = centralities(projection, betweenness_sample=sample)
            found = projection_centralities(bipartite, side, betweenness_sample=sample)
            assert [row.node for row in found] == [row.node for row in expected]
            for row, other in zip(found, expected, strict=True):
                assert (row.degree, row.strength) == (other.degree, other.strength)
                assert row.betweenness == pytest.approx(other.betweenness, abs=1e-12)
                assert row.eigenvector == pytest.approx(other.eigenvector, abs=1e-12)
