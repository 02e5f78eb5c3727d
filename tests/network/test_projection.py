"""mig_graph.network.projection: the projections' edges and weights, counted by hand (see conftest)."""

from __future__ import annotations

import pytest

from mig_graph.network import (
    LinkRow,
    actor_projection,
    bipartite_graph,
    incidence_matrix,
    process_projection,
    projection_size,
)


def test_projections_have_the_edges_counted_by_hand(graphs):
    # actors: IOC clique C(5,2) = 10; Lima (34 actors) C(34,2) = 561 and programme (11) C(11,2) = 55
    # sharing C(5,2) = 10 pairs (UNDP, IOM, ECU, JAM, MAR); the 2009 meeting adds THA–ministry and
    # IOM–ministry: 10 + 561 + 55 - 10 + 2 = 618.
    assert (graphs.actors.number_of_nodes(), graphs.actors.number_of_edges()) == (47, 618)
    # processes: 6 pairs among the 4 IOC processes, 13 among the 6 linked through Lima and IOM.
    assert (graphs.processes.number_of_nodes(), graphs.processes.number_of_edges()) == (11, 19)
    assert graphs.actors.degree("org/united-nations") == 0
    assert graphs.processes.degree("meeting/un-hld-2006") == 0


def test_actor_weights_are_shared_processes_jaccard_and_newman(graphs, seed_nodes):
    edge = graphs.actors.edges["state/ECU", "state/JAM"]
    # Lima meeting (34 actors), Lima declaration (24), programme (11); ECU and JAM have only those.
    assert (edge["weight"], edge["jaccard"]) == (3, 1.0)
    assert edge["newman"] == pytest.approx(1 / 33 + 1 / 23 + 1 / 10)
    edge = graphs.actors.edges["state/ECU", "state/BGD"]
    assert (edge["weight"], edge["jaccard"], edge["newman"]) == (
        1,
        pytest.approx(1 / 3),
        pytest.approx(1 / 10),
    )
    edge = graphs.actors.edges["org/iom", "org/undp"]  # IOM: 5 processes, UNDP: 2, both in both
    assert (edge["weight"], edge["jaccard"]) == (2, pytest.approx(2 / 5))
    edge = graphs.processes.edges[seed_nodes.lima_meeting, seed_nodes.lima_declaration]
    assert (edge["weight"], edge["jaccard"]) == (24, pytest.approx(24 / 34))
    edge = graphs.processes.edges[seed_nodes.programme, seed_nodes.lima_meeting]
    assert (edge["weight"], edge["jaccard"]) == (5, pytest.approx(5 / 40))


def test_projection_nodes_count_their_neighbours(graphs, seed_nodes):
    assert graphs.actors.nodes["org/iom"]["processes"] == 5
    assert graphs.processes.nodes[seed_nodes.lima_meeting]["members"] == 34
    assert graphs.actors.nodes["state/ECU"]["label_en"] == "Ecuador"


def test_projections_of_a_hand_made_graph():
    rows = [
        LinkRow("membership", actor, process, "member", "", "", "", "")
        for actor, process in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]
    ]
    bipartite = bipartite_graph(rows)
    assert sorted(actor_projection(bipartite).edges(data="weight")) == [("state/A", "state/B", 1)]
    assert process_projection(bipartite).edges["process/p", "process/q"]["newman"] == 1.0
    matrix = incidence_matrix(bipartite, ["process/q", "process/p"], ["state/A", "state/B"])
    assert matrix.tolist() == [[0, 1], [1, 1]]


@pytest.mark.parametrize("seed", range(6))
def test_projection_size_without_the_projection(seed, graphs, random_graph):
    bipartite = graphs.bipartite if seed == 0 else random_graph(seed)
    for side, projection in ((0, actor_projection(bipartite)), (1, process_projection(bipartite))):
        assert projection_size(bipartite, side) == (
            projection.number_of_nodes(),
            projection.number_of_edges(),
        )
