"""Reading the graph with SPARQL: the links, the nodes' attributes and the dated events, as rows.

How the graph is read (the decisions a reader of the results needs):

- A link is an ``org:Membership`` (actor ``org:member`` of the process ``org:organization``), an
  ``mg:Participation`` in a meeting (participation in a session counts for its meeting), or an
  ``mg:Signature`` of a declaration (role ``signatory``).  Its role is the last segment of the
  role concept's IRI (``member``, ``target-government``, ``funder``, ``participant``, ``host``…).
- Actors are ``mg:State`` and ``org:FormalOrganization`` nodes.  People are left out, and so are
  processes taking part in meetings (the RCPs at their 2009 global meeting): both ends would be
  processes.  An organisation that has members (the Indian Ocean Commission, the UN system) is a
  process; its own participations (the Commission organising its council session) are dropped
  for the same reason.
- A state that belongs *in respect of* a territory (France for Réunion) is the member: the link
  joins the state, and the territory's IRI is kept in ``in_respect_of``.
- Dates: a membership's own interval, ended by its mechanism's end when it states none (a
  membership never outlasts its mechanism; it no longer takes the mechanism's start: a founding
  member's start is stated in its record), where its end comes from (``end_kind``), and what the
  sources support when no start or end is stated: ``confirmed_from`` (the earliest dated source
  that states it) and ``confirmed_until`` (``mg:confirmedUntil``, the latest); a participation
  has its meeting's dates; a signature its date.  When a fact has several recorded dates (a
  recorded conflict), the earliest start and the latest end are kept.

Node attributes: ``iri``, ``kind`` (the first of :data:`~mig_graph.network.labels.KINDS` among
the node's classes), ``kinds`` (all of them), ``label_en``, ``label_fr``, ``acronym_en``,
``acronym_fr``, ``iso_alpha2``, ``iso_alpha3``, ``wikidata``, ``start``, ``end`` (the node's own
interval: establishment, meeting dates, a document's date) and ``part_of`` (the IRI of the
series, process or organisation it belongs to).

Cost (``benchmarks/analysis.py``): the rows are read straight from Oxigraph when the dataset is
stored there, as strings (turning them into rdflib terms took four times as long as the SPARQL
itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from sys import intern
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset

from mig_graph.network import sparql
from mig_graph.network.labels import KINDS, NODE_FIELDS, node_id, node_iri
from mig_graph.network.periods import earliest_date, latest_date
from mig_graph.records.dates import PartialDate
from mig_graph.store import oxigraph_of

__all__ = [
    "ONE_HOLDER_ROLES",
    "LinkRow",
    "TimelineEvent",
    "read_links",
    "read_node_attributes",
    "read_timeline",
    "select_rows",
    "with_successions",
]


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One link read from the graph: an actor's membership, participation or signature (with
    ``__slots__``: a reading holds one per link, 150,000 in a graph of a million quads)."""

    relation: str
    actor: str
    process: str
    role: str
    start: str
    end: str
    sources: str
    in_respect_of: str
    end_kind: str = ""
    confirmed_from: str = ""
    confirmed_until: str = ""
    succeeded_at: str = ""


@dataclass(frozen=True)
class TimelineEvent:
    """A dated meeting or establishment (of a process, programme or organisation)."""

    date: str
    category: str
    node: str
    attributes: Mapping[str, Any]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def select_rows(dataset: Dataset, query: str) -> Iterator[dict[str, str]]:
    """The rows of a SELECT query, each value as its text (an IRI, a literal's lexical form; ``""``
    when unbound).

    A dataset stored in Oxigraph (:func:`mig_graph.store.open_dataset`) is queried directly:
    turning Oxigraph's answers into rdflib terms, only to read their text, takes four times as
    long as the query itself.  Any other dataset is queried through rdflib.
    """
    store = oxigraph_of(dataset)
    if store is not None:
        solutions = store.query(query, use_default_graph_as_union=dataset.default_union)
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError("not a SELECT query")
        names = [variable.value for variable in solutions.variables]
        for solution in solutions:
            yield {
                name: "" if term is None else term.value for name, term in zip(names, solution, strict=True)
            }
        return
    result = dataset.query(query)
    names = [str(variable) for variable in result.vars or ()]
    for row in result:
        yield {name: _text(value) for name, value in zip(names, row, strict=True)}


def read_links(dataset: Dataset) -> list[LinkRow]:
    """Every actor–process link of the graph, one row per link and date (SPARQL).

    Parameters
    ----------
    dataset
        The graph, in Oxigraph or in memory (its default graph the union of the named graphs).

    Returns
    -------
    list of LinkRow
        Node identifiers (:func:`~mig_graph.network.labels.node_id`), the role's last IRI
        segment (``signatory`` for a signature), ISO dates, sorted space-separated source IRIs;
        each text interned (the same node, role, date or sources in many links is one string,
        shared by the links and the graph's edges).
    """
    return with_successions(
        LinkRow(
            relation=intern(row["relation"]),
            actor=intern(node_id(row["actor"])),
            process=intern(node_id(row["process"])),
            role=intern("signatory" if row["relation"] == "signature" else row["roleIri"].rsplit("/", 1)[-1]),
            start=intern(row["start"]),
            end=intern(row["end"]),
            sources=intern(" ".join(sorted(row["sources"].split()))),
            in_respect_of=intern(row["respect"]),
            end_kind=intern(row["endKind"]),
            confirmed_from=intern(earliest_date(row["sourceDates"].split())),
            confirmed_until=intern(latest_date(row["confirmedUntil"].split())),
        )
        for row in select_rows(dataset, sparql.LINKS)
    )


ONE_HOLDER_ROLES = frozenset({"chair"})
"""Roles one member holds at a time (co-chairs have their own role, ``co-chair``)."""


def with_successions(links: Iterable[LinkRow]) -> list[LinkRow]:
    """The links, each term of a one-holder role given ``succeeded_at``: the start of the next
    term of that role in the same process (the next chair's term ends the previous one's).

    Parameters
    ----------
    links
        Links as read.

    Returns
    -------
    list of LinkRow
        The same links, in the same order; ``succeeded_at`` set where a later term of the same
        role and process has a stated start after this term's start and this term has no end
        before it.

    Examples
    --------
    >>> first = LinkRow("membership", "state/A", "process/p", "chair", "2009", "", "", "")
    >>> second = LinkRow("membership", "state/B", "process/p", "chair", "2010-12", "", "", "")
    >>> [link.succeeded_at for link in with_successions([first, second])]
    ['2010-12', '']
    """
    links = list(links)
    starts: dict[tuple[str, str], list[str]] = {}
    for link in links:
        if link.relation == "membership" and link.role in ONE_HOLDER_ROLES and link.start:
            starts.setdefault((link.process, link.role), []).append(link.start)
    result = []
    for link in links:
        later = [
            start
            for start in starts.get((link.process, link.role), ())
            if link.start and PartialDate(start).earliest > PartialDate(link.start).latest
        ]
        following = earliest_date(later)
        if following and not (link.end and PartialDate(link.end).latest < PartialDate(following).earliest):
            link = replace(link, succeeded_at=following)
        result.append(link)
    return result


def read_node_attributes(dataset: Dataset, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The attributes of the given nodes (SPARQL), without ``side``/``bipartite``.

    Parameters
    ----------
    dataset
        The graph.
    nodes
        Node identifiers (or IRIs).

    Returns
    -------
    dict
        Node identifier → its attributes (see the module's notes); a node the graph does not
        describe gets ``kind`` ``"other"``.
    """
    wanted = sorted(set(nodes))
    if not wanted:
        return {}
    values = " ".join(f"<{node_iri(node)}>" for node in wanted)
    attributes: dict[str, dict[str, Any]] = {}
    for row in select_rows(dataset, sparql.NODE_ATTRIBUTES % values):
        types = set(row["types"].split())
        kinds = [kind for iri, kind in KINDS if iri in types]
        record: dict[str, Any] = {"iri": row["node"], "kind": kinds[0] if kinds else "other"}
        record["kinds"] = " ".join(kinds)
        for field in NODE_FIELDS:
            record[field] = row[field]
        record["start"] = earliest_date(row["starts"].split())
        record["end"] = latest_date(row["ends"].split())
        attributes[node_id(row["node"])] = record
    return attributes


def read_timeline(dataset: Dataset) -> tuple[TimelineEvent, ...]:
    """Dated meetings and establishments, in date order (SPARQL).

    Parameters
    ----------
    dataset
        The graph.

    Returns
    -------
    tuple of TimelineEvent
        By earliest date, then node; a node that is both a meeting and something established
        (a meeting series, an organisation) is listed once, as a meeting.
    """
    found = [
        (node_id(row["entity"]), row["category"], earliest_date(row["starts"].split()))
        for row in select_rows(dataset, sparql.TIMELINE)
    ]
    attributes = read_node_attributes(dataset, (node for node, _, _ in found))
    events = {
        (node, category): TimelineEvent(date, category, node, attributes.get(node, {}))
        for node, category, date in found
    }
    # a meeting series or organisation that is also a meeting is listed once, as a meeting
    kept = [
        event
        for (node, category), event in events.items()
        if category == "meeting" or (node, "meeting") not in events
    ]
    return tuple(sorted(kept, key=lambda event: (PartialDate(event.date).earliest, event.node)))
