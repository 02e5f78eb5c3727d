"""mig_graph.network.bipartite on the seed graph: nodes, edges and their merged attributes (see conftest)."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from mig_graph.network import LinkRow, bipartite_graph, processes_per_actor, sides, snapshot


def test_bipartite_graph_has_the_nodes_and_links_counted_by_hand(graphs, seed_nodes, node_sides):
    bipartite = graphs.bipartite
    actors, processes = node_sides(bipartite)
    assert processes == seed_nodes.processes
    assert len(actors) == 47
    assert sum(node.startswith("state/") for node in actors) == 34
    assert bipartite.number_of_nodes() == 58
    assert bipartite.number_of_edges() == 91
    relations = Counter(relation for _, _, relation in bipartite.edges(data="relation"))
    assert relations == {"membership": 22, "participation": 45, "signature": 24}
    assert nx.is_bipartite(bipartite)
    assert sides(bipartite) == (sorted(actors), sorted(processes))


def test_ecuador_jamaica_and_morocco_signed_in_lima_and_are_target_governments(graphs, seed_nodes):
    bipartite = graphs.bipartite
    programme, declaration = seed_nodes.programme, seed_nodes.lima_declaration
    for state in ("state/ECU", "state/JAM", "state/MAR"):
        assert state in seed_nodes.lima_states
        assert bipartite.edges[state, declaration]["role"] == "signatory"
        assert bipartite.edges[state, declaration]["start"] == "2006-05"
        assert bipartite.edges[state, seed_nodes.lima_meeting]["role"] == "participant"
        assert bipartite.edges[state, seed_nodes.lima_meeting]["start"] == "2006-05-15"
        assert bipartite.edges[state, programme]["role"] == "target-government"
    assert bipartite.edges["state/JAM", programme]["start"] == "2011"
    assert bipartite.edges["state/ECU", programme]["start"] == "2014-02"
    assert set(bipartite[declaration]) == seed_nodes.lima_states
    assert {actor for actor in bipartite[programme] if actor.startswith("state/")} == (
        seed_nodes.phase_1 | seed_nodes.phase_2
    )
    assert set(bipartite[programme]) & set(bipartite[declaration]) == {
        "state/ECU",
        "state/JAM",
        "state/MAR",
    }


def test_the_five_ioc_states_link_midiocc_and_the_commission(graphs, seed_nodes):
    assert set(graphs.bipartite["process/midiocc"]) == seed_nodes.coi_states
    assert set(graphs.bipartite["org/coi"]) == seed_nodes.coi_states
    edge = graphs.processes.edges["process/midiocc", "org/coi"]
    assert (edge["weight"], edge["jaccard"]) == (5, 1.0)
    france = graphs.bipartite.edges["state/FRA", "process/midiocc"]
    assert france["in_respect_of"] == "https://w3id.org/mig-graph/id/territory/REU"
    assert france["start"] == "2020-03"  # the process's own start: the membership has no date
    assert graphs.bipartite.nodes["org/coi"]["side"] == "process"


def test_several_links_between_two_nodes_are_one_edge_with_merged_attributes(graphs):
    edge = graphs.bipartite.edges["org/iom", "meeting/global-rcp-meeting-2009"]
    assert edge["role"] == "closing-speaker co-chair organiser"
    assert (edge["start"], edge["end"]) == ("2009-06-04", "2009-06-05")
    assert edge["sources"] == "https://w3id.org/mig-graph/id/source/seed-001"
    # the consultative meeting is dated 2019 and 2020 (a recorded conflict): both are covered
    edge = graphs.bipartite.edges["state/SYC", "meeting/midiocc-consultative-meeting"]
    assert (edge["start"], edge["end"]) == ("2019-08-26", "2020-08-28")


def test_an_undated_link_beside_a_dated_one_leaves_the_edge_undated():
    rows = [
        LinkRow("membership", "state/A", "process/p", "member", "2011", "2013", "s/1", ""),
        LinkRow("participation", "state/A", "process/p", "host", "", "2015", "s/2 s/1", ""),
    ]
    edge = bipartite_graph(rows).edges["state/A", "process/p"]
    assert edge == {
        "role": "host member",
        "relation": "membership participation",
        "start": "",
        "end": "2015",
        "sources": "s/1 s/2",
        "in_respect_of": "",
        "end_kind": "",
        "confirmed_from": "",
        "confirmed_until": "",
        "succeeded_at": "",
    }


def test_processes_per_actor(graphs):
    counts = dict(processes_per_actor(graphs.bipartite))
    assert counts["org/iom"] == 5  # UN system, programme, Lima, 2009 global meeting, IDM 2024
    assert counts["state/SYC"] == 4  # MiDIOCC, IOC, consultative meeting, 34th council
    assert counts["state/FRA"] == counts["state/ECU"] == counts["state/THA"] == 3
    assert counts["state/BOL"] == counts["org/undp"] == 2
    assert counts["state/BGD"] == counts["org/sdc"] == counts["org/united-nations"] == 1
    assert processes_per_actor(graphs.bipartite)[:2] == [("org/iom", 5), ("state/SYC", 4)]
    assert sum(counts.values()) == graphs.bipartite.number_of_edges()


def test_snapshot_keeps_the_graph_attributes_and_adds_the_date(graphs):
    then = snapshot(graphs.bipartite, "2012")
    assert then.graph == {**graphs.bipartite.graph, "as_of": "2012"}
    assert (then.number_of_nodes(), then.number_of_edges()) == (41, 63)
