"""mig_graph.network.graphs on the seed graph: readings as of a date and with some roles (see conftest)."""

from __future__ import annotations

import pytest

from mig_graph.network import parse_scope, read_graphs, snapshot


def test_as_of_2012_counts_only_what_the_sources_support_then(seed_dataset, graphs, seed_nodes):
    """At the end of 2012: the phase-one target governments (from 2011) are of unknown status,
    their only source being confirmed for 2011; phase two begins in February 2014; MiDIOCC's
    members date from its creation (March 2020) and the Commission's members are confirmed only in
    March 2020. IOM's membership of the UN system, stated by seeds dated before and after 2012,
    is the one membership left."""
    then = read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012")
    unknown = {(link.actor, link.process) for link in then.unknown}
    assert {(state, seed_nodes.programme) for state in seed_nodes.phase_1} <= unknown
    assert not {(state, seed_nodes.programme) for state in seed_nodes.phase_2} & unknown
    assert seed_nodes.programme not in then.bipartite
    assert "process/midiocc" not in then.bipartite
    assert {("state/COM", "org/coi"), ("state/FRA", "org/coi")} <= unknown
    assert len(then.unknown) == then.bipartite.graph["unknown_status_links"] == 12
    assert seed_nodes.lima_declaration in then.bipartite  # signed in 2006
    memberships = [
        (u, v) for u, v, data in then.bipartite.edges(data=True) if data["relation"] == "membership"
    ]
    assert memberships == [("org/iom", "org/un-system")]
    # 1 membership + 38 participations (Lima 34, HLD 1, 2009 meeting 3) + 24 signatures
    assert (then.bipartite.number_of_nodes(), then.bipartite.number_of_edges()) == (41, 63)
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
