"""mig_graph.network.change: what the seed graph gained since 2012, by hand."""

from __future__ import annotations

from mig_graph.network import change_between, parse_scope, read_graphs


def test_change_between_2012_and_today(seed_dataset, graphs, seed_nodes):
    change = change_between(
        read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012").bipartite, graphs.bipartite
    )
    assert not change.removed_edges and not change.removed_nodes
    assert len(change.added_edges) == 91 - 75
    assert {(state, seed_nodes.programme) for state in seed_nodes.phase_2} <= change.added_edges
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
