"""mig_graph.network.read on the seed graph: which nodes are read, their attributes, the timeline."""

from __future__ import annotations

from collections import Counter

from mig_graph.network import read_links


def test_people_processes_as_participants_and_membership_bodies_acts_are_left_out(graphs):
    assert not any(node.startswith("person/") for node in graphs.bipartite)
    assert "process/puebla-process" not in graphs.bipartite
    assert set(graphs.bipartite["meeting/coi-council-34"]) == {"state/SYC"}
    assert set(graphs.bipartite["meeting/global-rcp-meeting-2009"]) == {
        "state/THA",
        "org/iom",
        "org/thailand-mfa",
    }


def test_signatures_have_the_role_signatory_and_the_date_of_signing(seed_dataset, seed_nodes):
    signatures = [row for row in read_links(seed_dataset) if row.relation == "signature"]
    assert len(signatures) == 24
    assert {row.role for row in signatures} == {"signatory"}
    assert {row.process for row in signatures} == {seed_nodes.lima_declaration}
    assert {(row.start, row.end) for row in signatures} == {("2006-05", "2006-05")}


def test_node_attributes(graphs, seed_nodes):
    ecuador = graphs.bipartite.nodes["state/ECU"]
    assert ecuador["iri"] == "https://w3id.org/mig-graph/id/state/ECU"
    assert (ecuador["kind"], ecuador["label_en"], ecuador["label_fr"]) == ("state", "Ecuador", "Équateur")
    assert (ecuador["iso_alpha2"], ecuador["iso_alpha3"]) == ("EC", "ECU")
    assert ecuador["wikidata"] == "http://www.wikidata.org/entity/Q736"
    midiocc = graphs.bipartite.nodes["process/midiocc"]
    assert midiocc["kind"] == "inter-regional-forum"
    assert midiocc["kinds"] == "inter-regional-forum regional-consultative-process consultation-mechanism"
    assert (midiocc["acronym_en"], midiocc["start"], midiocc["end"]) == ("MiDIOCC", "2020-03", "")
    lima = graphs.bipartite.nodes[seed_nodes.lima_meeting]
    assert lima["part_of"] == "https://w3id.org/mig-graph/id/series/high-emigration-ministerial-meetings"
    assert graphs.bipartite.nodes["org/iom"]["kind"] == "intergovernmental-organisation"
    for graph in (graphs.bipartite, graphs.actors, graphs.processes):
        values = [value for _, data in graph.nodes(data=True) for value in data.values()]
        values += [value for _, _, data in graph.edges(data=True) for value in data.values()]
        assert {type(value) for value in values} <= {str, int, float, bool}


def test_timeline(graphs, seed_nodes):
    assert [(event.date, event.category, event.node) for event in graphs.timeline][:4] == [
        ("1951", "establishment", "org/iom"),
        ("2001", "establishment", "process/idm"),
        ("2006-05-15", "meeting", seed_nodes.lima_meeting),
        ("2006-09", "meeting", "meeting/un-hld-2006"),
    ]
    assert Counter(event.category for event in graphs.timeline) == {"meeting": 8, "establishment": 4}
    assert graphs.timeline[-1].attributes["label_en"].startswith("International Dialogue on Migration 2024")
