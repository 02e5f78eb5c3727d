"""mig_graph.network.change: what the seed graph gained since 2012, by hand."""

from __future__ import annotations

from mig_graph.network import change_between, parse_scope, read_graphs


def test_change_between_2012_and_today(seed_dataset, graphs, seed_nodes):
    change = change_between(
        read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012").bipartite, graphs.bipartite
    )
    assert not change.removed_edges and not change.removed_nodes
    # the 12 links of unknown status at the end of 2012 (see test_graphs) are gained, with the 16
    # that began later
    assert len(change.added_edges) == 91 - 63
    assert {
        (state, seed_nodes.programme) for state in seed_nodes.phase_1 | seed_nodes.phase_2
    } <= change.added_edges
    assert change.added_nodes == {
        "meeting/coi-council-34",
        "meeting/idm-2024-new-york",
        "meeting/midiocc-consultative-meeting",
        "org/coi",
        "org/sdc",
        "process/midiocc",
        "programme/mainstreaming-migration",
        *(f"state/{code}" for code in ("BGD", "COM", "FRA", "KGZ", "MDA", "MDG", "MUS", "SRB", "SYC", "TUN")),
    }
    assert change.processes_per_actor["state/ECU"] == (2, 3)
    assert change.processes_per_actor["state/KGZ"] == (0, 1)
    assert change.processes_per_actor["state/SYC"] == (0, 4)
