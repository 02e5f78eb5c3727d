"""mig_graph.network.labels: kinds, their names in both languages, and display names of seed nodes."""

from __future__ import annotations

from mig_graph.network import KIND_LABELS, KINDS, display_name, node_id, node_iri


def test_every_kind_has_an_english_and_a_french_name():
    assert [kind for _, kind in KINDS] == list(KIND_LABELS)
    assert all(set(names) == {"en", "fr"} and all(names.values()) for names in KIND_LABELS.values())


def test_node_iri_inverts_node_id(graphs):
    for node, iri in graphs.bipartite.nodes(data="iri"):
        assert (node_id(iri), node_iri(node)) == (node, iri)


def test_display_names_of_seed_nodes(graphs):
    nodes = graphs.bipartite.nodes
    assert display_name(nodes["state/ECU"]) == "ECU"
    assert display_name(nodes["state/ECU"], "fr", short=False) == "Équateur"
    assert display_name(nodes["process/midiocc"]) == "MiDIOCC"
