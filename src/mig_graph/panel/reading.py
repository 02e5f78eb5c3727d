"""What the panels are made of, read from the graph: the states' memberships of consultation
mechanisms, the mechanisms' own intervals, and the years a source lists all of a mechanism's
members (``mg:listsAllMembersOf``, dated by the source's ``dcterms:date`` or ``mg:notBefore``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import Dataset

from mig_graph.namespaces import PREFIXES
from mig_graph.network import LinkRow, Scope, node_id, read_links, read_node_attributes
from mig_graph.network.read import select_rows
from mig_graph.records.dates import PartialDate

__all__ = ["COMPLETE_LISTS", "PanelInput", "read_panel_input"]

COMPLETE_LISTS = (
    "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
    + """
SELECT DISTINCT ?mechanism ?source ?date WHERE {
  ?source mg:listsAllMembersOf ?mechanism .
  OPTIONAL { ?source dcterms:date ?published }
  OPTIONAL { ?source mg:notBefore ?notBefore }
  BIND(STR(COALESCE(?published, ?notBefore)) AS ?date)
}
"""
)
"""The sources that list all of a mechanism's members, with their date (``""``: undated)."""


@dataclass(frozen=True)
class PanelInput:
    """The memberships of states in consultation mechanisms, and what is known of each."""

    links: Mapping[tuple[str, str], tuple[LinkRow, ...]]
    """(state, mechanism) → the state's memberships of it (node identifiers)."""
    states: Mapping[str, Mapping[str, Any]]
    """State identifier → its attributes (``iso_alpha3``, labels…)."""
    mechanisms: Mapping[str, Mapping[str, Any]]
    """Mechanism identifier → its attributes (``start``, ``end``, labels…)."""
    complete_lists: Mapping[str, tuple[tuple[int, str], ...]]
    """Mechanism identifier → (year, source IRI) of each dated source listing all its members."""


def read_panel_input(dataset: Dataset) -> PanelInput:
    """The memberships of states in consultation mechanisms (the default scope of the network).

    Parameters
    ----------
    dataset
        The graph, in Oxigraph or in memory.

    Returns
    -------
    PanelInput
        Every membership of a state in a mechanism, whatever its date; the mechanisms that have
        at least one state member (of any role), with their intervals; their complete lists.
    """
    scope = Scope()
    rows = [row for row in read_links(dataset) if row.relation == "membership"]
    attributes = read_node_attributes(dataset, {row.actor for row in rows} | {row.process for row in rows})
    kept = [
        row
        for row in rows
        if scope.keeps_actor(attributes.get(row.actor, {}))
        and scope.keeps_process(row.relation, attributes.get(row.process, {}))
    ]
    links: dict[tuple[str, str], list[LinkRow]] = defaultdict(list)
    for row in kept:
        links[row.actor, row.process].append(row)
    mechanisms = sorted({row.process for row in kept})
    complete: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row in select_rows(dataset, COMPLETE_LISTS):
        mechanism = node_id(row["mechanism"])
        if mechanism in mechanisms and row["date"]:
            complete[mechanism].append((PartialDate(row["date"]).earliest.year, row["source"]))
    return PanelInput(
        links={pair: tuple(found) for pair, found in sorted(links.items())},
        states={state: attributes[state] for state in sorted({row.actor for row in kept})},
        mechanisms={mechanism: attributes[mechanism] for mechanism in mechanisms},
        complete_lists={
            mechanism: tuple(sorted(set(found))) for mechanism, found in sorted(complete.items())
        },
    )
