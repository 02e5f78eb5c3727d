"""mig_graph.network.graphs on the seed graph: every expected value below is derived by hand from data/*.yaml.

Links (bipartite edges), by hand:

- memberships (22): IOM in the UN system (1); COM, MDG, MUS, SYC and FRA (for Réunion) in MiDIOCC
  (5) and in the IOC (5); the joint programme: UNDP and IOM implementing partners (2), SDC funder
  (1), BGD, JAM, MDA, TUN target governments from 2011 (4), ECU, KGZ, MAR, SRB from 2014-02 (4);
- participations (45 actor–meeting pairs): the 5 IOC states at the MiDIOCC consultative meeting;
  Seychelles hosting the 34th IOC council (the IOC, a process here, organising it is dropped);
  24 states and 10 organisations in Lima (Brunson McKinley, a person, dropped); the UN
  organising the High-level Dialogue; Thailand, IOM and the Thai foreign ministry at the 2009
  global meeting (13 RCPs and 2 speakers dropped; IOM's 3 roles merged); IOM hosting IDM 2024;
- signatures (24): the Lima countries sign the Lima Declaration.

Nodes: 11 processes; 47 actors = 34 states (5 IOC + 24 Lima + BGD, KGZ, MDA, SRB, TUN) and 13
organisations (IOM, UNDP, SDC, the UN, the Thai ministry, 8 other organisations in Lima).
"""

from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import pytest

from mig_graph.network.graphs import (
    LinkRow,
    actor_projection,
    bipartite_graph,
    is_active,
    process_projection,
    read_graphs,
    snapshot,
)
from mig_graph.network.measures import (
    brokers,
    centralities,
    change_between,
    communities,
    overlap_matrix,
    processes_per_actor,
    projection_centralities,
    projection_size,
)

COI_STATES = {"state/COM", "state/FRA", "state/MDG", "state/MUS", "state/SYC"}
LIMA_CODES = "DZA BOL BRA COL CHN DOM ECU EGY SLV PHL GTM IND IDN JAM MAR MEX NGA PAK PRY PER LKA ZAF THA VNM"
LIMA_STATES = {f"state/{code}" for code in LIMA_CODES.split(" ")}
PHASE_1 = {"state/BGD", "state/JAM", "state/MDA", "state/TUN"}
PHASE_2 = {"state/ECU", "state/KGZ", "state/MAR", "state/SRB"}
PROGRAMME = "programme/mainstreaming-migration"
LIMA_MEETING = "meeting/lima-ministerial-2006"
LIMA_DECLARATION = "document/lima-declaration-2006"
PROCESSES = {
    "org/coi",
    "org/un-system",
    "process/midiocc",
    PROGRAMME,
    LIMA_MEETING,
    LIMA_DECLARATION,
    "meeting/midiocc-consultative-meeting",
    "meeting/coi-council-34",
    "meeting/un-hld-2006",
    "meeting/global-rcp-meeting-2009",
    "meeting/idm-2024-new-york",
}


def sides(graph: nx.Graph) -> tuple[set[str], set[str]]:
    actors = {node for node, side in graph.nodes(data="bipartite") if side == 0}
    return actors, set(graph) - actors


def test_bipartite_graph_has_the_nodes_and_links_counted_by_hand(graphs):
    bipartite = graphs.bipartite
    actors, processes = sides(bipartite)
    assert processes == PROCESSES
    assert len(actors) == 47
    assert sum(node.startswith("state/") for node in actors) == 34
    assert bipartite.number_of_nodes() == 58
    assert bipartite.number_of_edges() == 91
    relations = Counter(relation for _, _, relation in bipartite.edges(data="relation"))
    assert relations == {"membership": 22, "participation": 45, "signature": 24}
    assert nx.is_bipartite(bipartite)


def test_projections_have_the_edges_counted_by_hand(graphs):
    # actors: IOC clique C(5,2) = 10; Lima (34 actors) C(34,2) = 561 and programme (11) C(11,2) = 55
    # sharing C(5,2) = 10 pairs (UNDP, IOM, ECU, JAM, MAR); the 2009 meeting adds THA–ministry and
    # IOM–ministry: 10 + 561 + 55 - 10 + 2 = 618.
    assert (graphs.actors.number_of_nodes(), graphs.actors.number_of_edges()) == (47, 618)
    # processes: 6 pairs among the 4 IOC processes, 13 among the 6 linked through Lima and IOM.
    assert (graphs.processes.number_of_nodes(), graphs.processes.number_of_edges()) == (11, 19)
    assert graphs.actors.degree("org/united-nations") == 0
    assert graphs.processes.degree("meeting/un-hld-2006") == 0


def test_ecuador_jamaica_and_morocco_signed_in_lima_and_are_target_governments(graphs):
    bipartite = graphs.bipartite
    for state in ("state/ECU", "state/JAM", "state/MAR"):
        assert state in LIMA_STATES
        assert bipartite.edges[state, LIMA_DECLARATION]["role"] == "signatory"
        assert bipartite.edges[state, LIMA_DECLARATION]["start"] == "2006-05"
        assert bipartite.edges[state, LIMA_MEETING]["role"] == "participant"
        assert bipartite.edges[state, LIMA_MEETING]["start"] == "2006-05-15"
        assert bipartite.edges[state, PROGRAMME]["role"] == "target-government"
    assert bipartite.edges["state/JAM", PROGRAMME]["start"] == "2011"
    assert bipartite.edges["state/ECU", PROGRAMME]["start"] == "2014-02"
    assert set(bipartite[LIMA_DECLARATION]) == LIMA_STATES
    assert {actor for actor in bipartite[PROGRAMME] if actor.startswith("state/")} == PHASE_1 | PHASE_2
    assert set(bipartite[PROGRAMME]) & set(bipartite[LIMA_DECLARATION]) == {
        "state/ECU",
        "state/JAM",
        "state/MAR",
    }


def test_the_five_ioc_states_link_midiocc_and_the_commission(graphs):
    assert set(graphs.bipartite["process/midiocc"]) == COI_STATES
    assert set(graphs.bipartite["org/coi"]) == COI_STATES
    edge = graphs.processes.edges["process/midiocc", "org/coi"]
    assert (edge["weight"], edge["jaccard"]) == (5, 1.0)
    france = graphs.bipartite.edges["state/FRA", "process/midiocc"]
    assert france["in_respect_of"] == "https://w3id.org/mig-graph/id/territory/REU"
    assert france["start"] == "2020-03"  # the process's own start: the membership has no date
    assert graphs.bipartite.nodes["org/coi"]["side"] == "process"


def test_actor_weights_are_shared_processes_jaccard_and_newman(graphs):
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
    edge = graphs.processes.edges[LIMA_MEETING, LIMA_DECLARATION]
    assert (edge["weight"], edge["jaccard"]) == (24, pytest.approx(24 / 34))
    edge = graphs.processes.edges[PROGRAMME, LIMA_MEETING]
    assert (edge["weight"], edge["jaccard"]) == (5, pytest.approx(5 / 40))


def test_processes_per_actor(graphs):
    counts = dict(processes_per_actor(graphs.bipartite))
    assert counts["org/iom"] == 5  # UN system, programme, Lima, 2009 global meeting, IDM 2024
    assert counts["state/SYC"] == 4  # MiDIOCC, IOC, consultative meeting, 34th council
    assert counts["state/FRA"] == counts["state/ECU"] == counts["state/THA"] == 3
    assert counts["state/BOL"] == counts["org/undp"] == 2
    assert counts["state/BGD"] == counts["org/sdc"] == counts["org/united-nations"] == 1
    assert processes_per_actor(graphs.bipartite)[:2] == [("org/iom", 5), ("state/SYC", 4)]
    assert sum(counts.values()) == graphs.bipartite.number_of_edges()


def test_people_processes_as_participants_and_membership_bodies_acts_are_left_out(graphs):
    assert not any(node.startswith("person/") for node in graphs.bipartite)
    assert "process/puebla-process" not in graphs.bipartite
    assert set(graphs.bipartite["meeting/coi-council-34"]) == {"state/SYC"}
    assert set(graphs.bipartite["meeting/global-rcp-meeting-2009"]) == {
        "state/THA",
        "org/iom",
        "org/thailand-mfa",
    }


def test_several_links_between_two_nodes_are_one_edge_with_merged_attributes(graphs):
    edge = graphs.bipartite.edges["org/iom", "meeting/global-rcp-meeting-2009"]
    assert edge["role"] == "closing-speaker co-chair organiser"
    assert (edge["start"], edge["end"]) == ("2009-06-04", "2009-06-05")
    assert edge["sources"] == "https://w3id.org/mig-graph/id/source/seed-001"
    # the consultative meeting is dated 2019 and 2020 (a recorded conflict): both are covered
    edge = graphs.bipartite.edges["state/SYC", "meeting/midiocc-consultative-meeting"]
    assert (edge["start"], edge["end"]) == ("2019-08-26", "2020-08-28")


def test_node_attributes(graphs):
    ecuador = graphs.bipartite.nodes["state/ECU"]
    assert ecuador["iri"] == "https://w3id.org/mig-graph/id/state/ECU"
    assert (ecuador["kind"], ecuador["label_en"], ecuador["label_fr"]) == ("state", "Ecuador", "Équateur")
    assert (ecuador["iso_alpha2"], ecuador["iso_alpha3"]) == ("EC", "ECU")
    assert ecuador["wikidata"] == "http://www.wikidata.org/entity/Q736"
    midiocc = graphs.bipartite.nodes["process/midiocc"]
    assert midiocc["kind"] == "inter-regional-forum"
    assert midiocc["kinds"] == "inter-regional-forum regional-consultative-process consultation-mechanism"
    assert (midiocc["acronym_en"], midiocc["start"], midiocc["end"]) == ("MiDIOCC", "2020-03", "")
    lima = graphs.bipartite.nodes[LIMA_MEETING]
    assert lima["part_of"] == "https://w3id.org/mig-graph/id/series/high-emigration-ministerial-meetings"
    assert graphs.bipartite.nodes["org/iom"]["kind"] == "intergovernmental-organisation"
    for graph in (graphs.bipartite, graphs.actors, graphs.processes):
        values = [value for _, data in graph.nodes(data=True) for value in data.values()]
        values += [value for _, _, data in graph.edges(data=True) for value in data.values()]
        assert {type(value) for value in values} <= {str, int, float, bool}


def test_as_of_2012_keeps_phase_one_target_governments_only(seed_dataset, graphs):
    then = read_graphs(seed_dataset, as_of="2012")
    programme = set(then.bipartite[PROGRAMME])
    assert programme >= PHASE_1
    assert not PHASE_2 & programme
    assert "process/midiocc" not in then.bipartite  # its members date from its creation, 2020-03
    assert "org/coi" in then.bipartite  # undated memberships count at every date
    assert LIMA_DECLARATION in then.bipartite  # signed in 2006
    # 13 memberships + 38 participations (Lima 34, HLD 1, 2009 meeting 3) + 24 signatures
    assert (then.bipartite.number_of_nodes(), then.bipartite.number_of_edges()) == (52, 75)
    assert set(then.bipartite.edges()) == set(snapshot(graphs.bipartite, "2012").edges())
    assert [event.date for event in then.timeline][-1] == "2011"


def test_is_active_reads_dates_as_periods():
    assert is_active("membership", "2014-02", "", "2014")
    assert not is_active("membership", "2014-02", "", "2014-01")
    assert is_active("membership", "2011", "2013", "2013-12-31")
    assert not is_active("membership", "2011", "2013", "2014")
    assert is_active("signature", "2006-05", "2006-05", "2030")
    assert not is_active("participation", "2024-05-21", "2024-05-22", "2024-05-20")
    assert is_active("membership", "", "", "1900")


def test_roles_filter_and_bad_dates(seed_dataset):
    members = read_graphs(seed_dataset, roles={"member"})
    assert members.bipartite.number_of_edges() == 11
    assert sides(members.bipartite)[1] == {"org/un-system", "process/midiocc", "org/coi"}
    assert members.roles == frozenset({"member"})
    with pytest.raises(ValueError):
        read_graphs(seed_dataset, as_of="2012-13")


def test_brokers(graphs):
    # IOM alone links the UN system and IDM 2024 to the rest: 15 process pairs before, 6 after;
    # it is the only shared member of 8 pairs.  Seychelles alone links the 34th council (3 pairs).
    # Thailand alone links the declaration and the 2009 meeting (IOM also links the meetings).
    assert [(b.actor, b.cut_vertex, b.separated_pairs, b.sole_links) for b in brokers(graphs.bipartite)] == [
        ("org/iom", True, 9, 8),
        ("state/SYC", True, 3, 3),
        ("state/THA", False, 0, 1),
    ]


def test_centralities(graphs):
    table = {row.node: row for row in centralities(graphs.actors)}
    assert table["state/ECU"].degree == 39  # 33 others in Lima + 10 in the programme - 4 in both
    assert table["org/iom"].degree == 40  # + the Thai ministry at the 2009 meeting
    assert table["state/ECU"].strength == 33 + 23 + 10  # the other members of each of its processes
    for state in ("state/ECU", "state/JAM", "state/MAR"):
        assert table[state].eigenvector == pytest.approx(1.0)  # most central of the main component
    for state in COI_STATES:  # a clique on its own: all equal, no shortest path through them
        assert table[state].eigenvector == pytest.approx(1.0)
        assert table[state].betweenness == 0.0
    assert table["org/united-nations"].eigenvector == 0.0
    assert centralities(graphs.actors)[0].node == "org/iom"
    sampled = centralities(graphs.actors, betweenness_sample=10)
    assert sampled == centralities(graphs.actors, betweenness_sample=10)


def test_communities_are_reproducible(graphs):
    found = communities(graphs.actors)
    assert found == communities(graphs.actors)
    assert frozenset(COI_STATES) in found
    assert frozenset({"org/united-nations"}) in found
    assert sorted(node for part in found for node in part) == sorted(graphs.actors)


def test_overlap_matrix(graphs):
    matrix = overlap_matrix(graphs.bipartite, ["process/midiocc", "org/coi", LIMA_MEETING, PROGRAMME])
    assert matrix.shared.tolist() == [[5, 5, 0, 0], [5, 5, 0, 0], [0, 0, 34, 5], [0, 0, 5, 11]]
    assert matrix.jaccard[0, 1] == 1.0
    assert matrix.jaccard[2, 3] == pytest.approx(5 / 40)
    full = overlap_matrix(graphs.bipartite)
    assert full.nodes == tuple(sorted(PROCESSES))
    assert int(full.shared.trace()) == graphs.bipartite.number_of_edges()


def test_change_between_2012_and_today(seed_dataset, graphs):
    change = change_between(read_graphs(seed_dataset, as_of="2012").bipartite, graphs.bipartite)
    assert not change.removed_edges and not change.removed_nodes
    assert len(change.added_edges) == 91 - 75
    assert {(state, PROGRAMME) for state in PHASE_2} <= change.added_edges
    assert change.added_nodes == {
        "state/KGZ",
        "state/SRB",
        "process/midiocc",
        "meeting/midiocc-consultative-meeting",
        "meeting/coi-council-34",
        "meeting/idm-2024-new-york",
    }
    assert change.processes_per_actor["state/ECU"] == (2, 3)
    assert change.processes_per_actor["state/KGZ"] == (0, 1)
    assert change.processes_per_actor["state/SYC"] == (1, 4)


def test_timeline(graphs):
    assert [(event.date, event.category, event.node) for event in graphs.timeline][:4] == [
        ("1951", "establishment", "org/iom"),
        ("2001", "establishment", "process/idm"),
        ("2006-05-15", "meeting", LIMA_MEETING),
        ("2006-09", "meeting", "meeting/un-hld-2006"),
    ]
    assert Counter(event.category for event in graphs.timeline) == {"meeting": 8, "establishment": 4}
    assert graphs.timeline[-1].attributes["label_en"].startswith("International Dialogue on Migration 2024")


def test_projections_of_a_hand_made_graph():
    from mig_graph.network.graphs import LinkRow

    rows = [
        LinkRow("membership", actor, process, "member", "", "", "", "")
        for actor, process in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]
    ]
    bipartite = bipartite_graph(rows)
    assert sorted(actor_projection(bipartite).edges(data="weight")) == [("state/A", "state/B", 1)]
    assert process_projection(bipartite).edges["process/p", "process/q"]["newman"] == 1.0


def random_bipartite(seed: int, actors: int = 30, processes: int = 25) -> nx.Graph:
    rng = random.Random(seed)
    rows = [
        LinkRow("membership", f"state/{a:02d}", f"process/{p:02d}", "member", "", "", "", "")
        for a in range(actors)
        for p in range(processes)
        if rng.random() < 0.06
    ]
    return bipartite_graph(rows)


@pytest.mark.parametrize("seed", range(6))
def test_centralities_are_networkx_values(seed):
    projection = actor_projection(random_bipartite(seed))
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
def test_projection_measures_without_the_projection(seed, graphs):
    bipartite = graphs.bipartite if seed == 0 else random_bipartite(seed)
    for side, projection in ((0, actor_projection(bipartite)), (1, process_projection(bipartite))):
        assert projection_size(bipartite, side) == (
            projection.number_of_nodes(),
            projection.number_of_edges(),
        )
        for sample in (None, 5):
            expected = centralities(projection, betweenness_sample=sample)
            found = projection_centralities(bipartite, side, betweenness_sample=sample)
            assert [row.node for row in found] == [row.node for row in expected]
            for row, other in zip(found, expected, strict=True):
                assert (row.degree, row.strength) == (other.degree, other.strength)
                assert row.betweenness == pytest.approx(other.betweenness, abs=1e-12)
                assert row.eigenvector == pytest.approx(other.eigenvector, abs=1e-12)


@pytest.mark.parametrize("seed", range(1, 6))
def test_brokers_by_removing_each_actor(seed):
    bipartite = random_bipartite(seed)

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
