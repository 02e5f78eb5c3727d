"""mig_graph.network.graphs on the seed graph: readings as of a date and with some roles (see conftest)."""

from __future__ import annotations

import pytest

from mig_graph.network import parse_scope, read_graphs, snapshot


def test_as_of_2012_keeps_phase_one_target_governments_only(seed_dataset, graphs, seed_nodes):
    then = read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012")
    programme = set(then.bipartite[seed_nodes.programme])
    assert programme >= seed_nodes.phase_1
    assert not seed_nodes.phase_2 & programme
    assert "process/midiocc" not in then.bipartite  # its members date from its creation, 2020-03
    assert "org/coi" in then.bipartite  # undated memberships count at every date
    assert seed_nodes.lima_declaration in then.bipartite  # signed in 2006
    # 13 memberships + 38 participations (Lima 34, HLD 1, 2009 meeting 3) + 24 signatures
    assert (then.bipartite.number_of_nodes(), then.bipartite.number_of_edges()) == (52, 75)
    assert set(then.bipartite.edges()) == set(snapshot(graphs.bipartite, "2012").edges())
    assert [event.date for event in then.timeline][-1] == "2011"
    assert then.bipartite.graph["as_of"] == "2012"


def test_roles_filter_and_bad_dates(seed_dataset, node_sides):
    members = read_graphs(seed_dataset, scope=parse_scope("all"), roles={"member"})
    assert members.bipartite.number_of_edges() == 11
    assert node_sides(members.bipartite)[1] == {"org/un-system", "process/midiocc", "org/coi"}
    assert members.roles == frozenset({"member"})
    assert members.bipartite.graph["roles"] == "member"
    with pytest.raises(ValueError):
        read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012-13")
