"""mig_graph.network.brokers: the seed graph's brokers by hand; random graphs', by removing each actor."""

from __future__ import annotations

import networkx as nx
import pytest

from mig_graph.network import brokers, process_projection


def test_brokers(graphs):
    # IOM alone links the UN system and IDM 2024 to the rest: 15 process pairs before, 6 after;
    # it is the only shared member of 8 pairs.  Seychelles alone links the 34th council (3 pairs).
    # Thailand alone links the declaration and the 2009 meeting (IOM also links the meetings).
    assert [(b.actor, b.cut_vertex, b.separated_pairs, b.sole_links) for b in brokers(graphs.bipartite)] == [
        ("org/iom", True, 9, 8),
        ("state/SYC", True, 3, 3),
        ("state/THA", False, 0, 1),
    ]


@pytest.mark.parametrize("seed", range(1, 6))
def test_brokers_by_removing_each_actor(seed, random_graph):
    bipartite = random_graph(seed)

    def connected_process_pairs(graph: nx.Graph) -> int:
        counts = [
            sum(graph.nodes[node]["bipartite"] for node in part) for part in nx.connected_components(graph)
        ]
        return sum(count * (count - 1) // 2 for count in counts)

    processes = process_projection(bipartite)
    expected = {}
    for actor, side in bipartite.nodes(data="bipartite"):
        if side == 1:
            continue
        rest = bipartite.copy()
        rest.remove_node(actor)
        separated = connected_process_pairs(bipartite) - connected_process_pairs(rest)
        sole = sum(
            1
            for p, q, weight in processes.edges(data="weight")
            if weight == 1 and actor in bipartite[p] and actor in bipartite[q]
        )
        if separated or sole:
            expected[actor] = (separated, sole)
    found = {row.actor: (row.separated_pairs, row.sole_links) for row in brokers(bipartite)}
    assert found == expected
    assert {row.actor for row in brokers(bipartite) if row.cut_vertex} == {
        actor for actor in nx.articulation_points(bipartite) if bipartite.nodes[actor]["bipartite"] == 0
    }
