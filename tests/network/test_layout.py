"""mig_graph.network.layout: positions that repeat, inside the drawing, and a fixed colour per kind."""

from __future__ import annotations

import networkx as nx

from mig_graph.network import KIND_COLOURS, KINDS, layout, most_linked


def test_layout_of_the_actor_projection_repeats_and_stays_inside(graphs):
    positions = layout(graphs.actors)
    assert positions == layout(graphs.actors)
    assert list(positions) != [] and set(positions) == set(graphs.actors)
    assert all(40 <= x <= 960 and 40 <= y <= 960 for x, y in positions.values())


def test_most_linked_keeps_the_graph_order(graphs):
    top = most_linked(graphs.actors, 5)
    assert list(top) == [node for node in graphs.actors if node in top]
    assert "org/iom" in top and top.number_of_nodes() == 5


def test_every_kind_has_its_own_colour():
    assert list(KIND_COLOURS) == [kind for _, kind in KINDS]
    assert len(set(KIND_COLOURS.values())) == len(KIND_COLOURS)
    assert most_linked(nx.Graph(), 3).number_of_nodes() == 0
