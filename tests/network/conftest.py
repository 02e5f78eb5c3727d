"""The network tests' shared facts: the seed graph's nodes as derived by hand from data/*.yaml,
and random bipartite graphs on which the NumPy measures are checked against NetworkX.

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
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx
import pytest

from mig_graph.network import LinkRow, bipartite_graph

LIMA_CODES = "DZA BOL BRA COL CHN DOM ECU EGY SLV PHL GTM IND IDN JAM MAR MEX NGA PAK PRY PER LKA ZAF THA VNM"


@dataclass(frozen=True)
class SeedNodes:
    """Nodes of the seed graph that the tests name."""

    coi_states: frozenset[str] = frozenset({"state/COM", "state/FRA", "state/MDG", "state/MUS", "state/SYC"})
    lima_states: frozenset[str] = frozenset(f"state/{code}" for code in LIMA_CODES.split(" "))
    phase_1: frozenset[str] = frozenset({"state/BGD", "state/JAM", "state/MDA", "state/TUN"})
    phase_2: frozenset[str] = frozenset({"state/ECU", "state/KGZ", "state/MAR", "state/SRB"})
    programme: str = "programme/mainstreaming-migration"
    lima_meeting: str = "meeting/lima-ministerial-2006"
    lima_declaration: str = "document/lima-declaration-2006"

    @property
    def processes(self) -> frozenset[str]:
        """The 11 processes of the bipartite graph."""
        return frozenset(
            {
                "org/coi",
                "org/un-system",
                "process/midiocc",
                self.programme,
                self.lima_meeting,
                self.lima_declaration,
                "meeting/midiocc-consultative-meeting",
                "meeting/coi-council-34",
                "meeting/un-hld-2006",
                "meeting/global-rcp-meeting-2009",
                "meeting/idm-2024-new-york",
            }
        )


@pytest.fixture(scope="session")
def seed_nodes() -> SeedNodes:
    """The seed graph's nodes that the tests name."""
    return SeedNodes()


@pytest.fixture(scope="session")
def node_sides() -> Callable[[nx.Graph], tuple[set[str], set[str]]]:
    """The actors and the processes of a bipartite graph, as sets."""

    def sides(graph: nx.Graph) -> tuple[set[str], set[str]]:
        actors = {node for node, side in graph.nodes(data="bipartite") if side == 0}
        return actors, set(graph) - actors

    return sides


def random_bipartite(seed: int, actors: int = 30, processes: int = 25) -> nx.Graph:
    rng = random.Random(seed)
    rows = [
        LinkRow("membership", f"state/{a:02d}", f"process/{p:02d}", "member", "", "", "", "")
        for a in range(actors)
        for p in range(processes)
        if rng.random() < 0.06
    ]
    return bipartite_graph(rows)


@pytest.fixture(scope="session")
def random_graph() -> Callable[[int], nx.Graph]:
    """A random bipartite graph of 30 actors and 25 processes, each pair linked with probability 0.06."""
    return random_bipartite
