"""Network analysis: the graph read with SPARQL into NetworkX, its projections and measures.

Stage ``analyse``.  Three SPARQL queries read the whole graph as rows (the links, the nodes'
attributes, the dated events); everything else is computed on NetworkX graphs:

- the **bipartite graph** of *actors* (``bipartite=0``: states and organisations) and *processes*
  (``bipartite=1``: consultation mechanisms, joint programmes, organisations that have members,
  declarations and meetings);
- its **projections**: actors linked by the processes they share, processes linked by the
  actors they share, each edge weighted by the number shared (``weight``), Jaccard's index
  (``jaccard``) and Newman's collaboration weight (``newman``: each shared neighbour of degree
  *k* adds 1/(*k* − 1));
- **snapshots** as of a date.  The measures computed on these graphs are in
  :mod:`mig_graph.network.measures`.

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
- A state that belongs *in respect of* a territory (France for Réunion) is the member: the edge
  joins the state, and the territory's IRI is kept in the edge attribute ``in_respect_of``.
- Only nodes with at least one link are in the graphs: a process without known members or
  participants does not appear (it still appears in :attr:`AnalysisGraphs.timeline`).
- Two nodes are joined by one edge.  When several links join them (IOM organised, co-chaired and
  closed the 2009 global meeting), multi-valued attributes are space-separated sorted lists:
  ``role``, ``relation``, ``sources`` (the IRIs of the sources that state the links; not named
  ``source``, which Cytoscape.js, D3 and edge lists use for an edge's end), ``in_respect_of``;
  ``start`` is the earliest beginning and ``end`` the latest end, both ISO dates of the
  precision the data gives (``2014-02``).  Every attribute is a string, an integer, a float
  or a boolean; an unknown value is ``""``.
- Dates: a membership's interval, or the process's own interval when the membership has none
  (MiDIOCC's members from March 2020); a participation has its meeting's dates; a signature
  its date.  When a fact has several recorded dates (a recorded conflict), the earliest start
  and the latest end are kept.
- **As of** a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, taken as the whole period it
  denotes): a membership counts when its interval overlaps that period; a participation or a
  signature counts once it has happened (the network accumulates meetings and signatures);
  undated links count at every date.

Node attributes: ``iri``, ``kind`` (the first of :data:`KINDS` among the node's classes),
``kinds`` (all of them), ``side``, ``bipartite``, ``label_en``, ``label_fr``, ``acronym_en``,
``acronym_fr``, ``iso_alpha2``, ``iso_alpha3``, ``wikidata``, ``start``, ``end`` (the node's
own interval: establishment, meeting dates, a document's date) and ``part_of`` (the IRI of the
series, process or organisation it belongs to).  Node identifiers are the IRIs without the
``…/id/`` base (``state/FRA``, ``process/midiocc``).

Cost (``benchmarks/analysis.py``): the rows are read straight from Oxigraph when the dataset is
stored there, as strings (turning them into rdflib terms took four times as long as the SPARQL
itself).  The projections are computed with NumPy from dense incidence matrices (thousands of
processes by hundreds of actors: a few MiB), and only when used (:class:`AnalysisGraphs`): the
measures of :mod:`mig_graph.network.measures` that the report shows are computed from the bipartite
graph, without the dense process projection of a graph of many meetings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
import pyoxigraph as ox
from rdflib import Dataset

from mig_graph.namespaces import ID, MG, PREFIXES
from mig_graph.records.dates import PartialDate, parse_date
from mig_graph.store import oxigraph_of

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "SEED",
    "AnalysisGraphs",
    "LinkRow",
    "TimelineEvent",
    "actor_projection",
    "bipartite_graph",
    "display_name",
    "incidence_matrix",
    "is_active",
    "node_id",
    "process_projection",
    "read_graphs",
    "read_links",
    "read_node_attributes",
    "read_timeline",
    "sides",
    "snapshot",
]

SEED = 42
"""The seed of every randomised algorithm (Louvain, sampled betweenness, layouts)."""

_ORG = "http://www.w3.org/ns/org#"

KINDS: tuple[tuple[str, str], ...] = (
    (str(MG.State), "state"),
    (str(MG.JointProgramme), "joint-programme"),
    (str(MG.Declaration), "declaration"),
    (str(MG.Meeting), "meeting"),
    (str(MG.MeetingSeries), "meeting-series"),
    (str(MG.GlobalProcess), "global-process"),
    (str(MG.InterRegionalForum), "inter-regional-forum"),
    (str(MG.RegionalConsultativeProcess), "regional-consultative-process"),
    (str(MG.ConsultationMechanism), "consultation-mechanism"),
    (str(MG.IntergovernmentalOrganisation), "intergovernmental-organisation"),
    (str(MG.UNSystemOrganisation), "un-system-organisation"),
    (str(MG.RegionalOrganisation), "regional-organisation"),
    (str(MG.OrganisationSystem), "organisation-system"),
    (str(MG.GovernmentBody), "government-body"),
    (str(MG.GovernmentAgency), "government-agency"),
    (str(MG.AcademicInstitution), "academic-institution"),
    (_ORG + "FormalOrganization", "organisation"),
    (str(MG.Document), "document"),
)
"""(class IRI, kind) in order of precedence: a node's ``kind`` is the first that applies.

MiDIOCC, typed both inter-regional forum and regional consultative process (a recorded
conflict), is an ``inter-regional-forum`` with ``kinds`` listing both.
"""

KIND_LABELS: dict[str, dict[str, str]] = {
    "state": {"en": "state", "fr": "État"},
    "joint-programme": {"en": "joint programme", "fr": "programme conjoint"},
    "declaration": {"en": "declaration", "fr": "déclaration"},
    "meeting": {"en": "meeting", "fr": "réunion"},
    "meeting-series": {"en": "meeting series", "fr": "série de réunions"},
    "global-process": {"en": "global process", "fr": "processus mondial"},
    "inter-regional-forum": {"en": "inter-regional forum", "fr": "forum interrégional"},
    "regional-consultative-process": {
        "en": "regional consultative process",
        "fr": "processus consultatif régional",
    },
    "consultation-mechanism": {"en": "consultation mechanism", "fr": "mécanisme de consultation"},
    "intergovernmental-organisation": {
        "en": "intergovernmental organisation",
        "fr": "organisation intergouvernementale",
    },
    "un-system-organisation": {
        "en": "UN system organisation",
        "fr": "organisation du système des Nations Unies",
    },
    "regional-organisation": {"en": "regional organisation", "fr": "organisation régionale"},
    "organisation-system": {"en": "organisation system", "fr": "système d'organisations"},
    "government-body": {"en": "government body", "fr": "organe gouvernemental"},
    "government-agency": {"en": "government agency", "fr": "agence gouvernementale"},
    "academic-institution": {"en": "academic institution", "fr": "établissement universitaire"},
    "organisation": {"en": "organisation", "fr": "organisation"},
    "document": {"en": "document", "fr": "document"},
}
"""English and French names of the kinds, for legends and tables."""

_PREFIXES = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
_DATE_PATH = "(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)"

_LINKS = (
    _PREFIXES
    + f"""
SELECT ?relation ?actor ?process ?roleIri ?start ?end ?respect
       (GROUP_CONCAT(DISTINCT STR(?source); separator=" ") AS ?sources)
WHERE {{
  {{
    ?link a org:Membership ; org:member ?actor ; org:organization ?process .
    BIND("membership" AS ?relation)
    OPTIONAL {{ ?link org:role ?roleIri }}
    OPTIONAL {{ ?link org:memberDuring/time:hasBeginning/{_DATE_PATH} ?ownStart }}
    OPTIONAL {{ ?link org:memberDuring/time:hasEnd/{_DATE_PATH} ?ownEnd }}
    OPTIONAL {{ ?process time:hasTime/time:hasBeginning/{_DATE_PATH} ?processStart }}
    OPTIONAL {{ ?process time:hasTime/time:hasEnd/{_DATE_PATH} ?processEnd }}
    BIND(COALESCE(?ownStart, ?processStart) AS ?start)
    BIND(COALESCE(?ownEnd, ?processEnd) AS ?end)
    OPTIONAL {{ ?link mg:inRespectOf ?respect }}
  }} UNION {{
    ?link a mg:Participation ; mg:participant ?actor ; mg:inEvent ?event .
    BIND("participation" AS ?relation)
    OPTIONAL {{ ?link mg:participationRole ?roleIri }}
    OPTIONAL {{ ?event a mg:Session ; schema:superEvent ?meeting }}
    BIND(COALESCE(?meeting, ?event) AS ?process)
    OPTIONAL {{ ?process time:hasTime/time:hasBeginning/{_DATE_PATH} ?start }}
    OPTIONAL {{ ?process time:hasTime/time:hasEnd/{_DATE_PATH} ?end }}
  }} UNION {{
    ?link a mg:Signature ; mg:signatory ?actor ; mg:signedDocument ?process .
    BIND("signature" AS ?relation)
    OPTIONAL {{ ?link mg:signedOn/{_DATE_PATH} ?start }}
    BIND(?start AS ?end)
  }}
  FILTER EXISTS {{ ?actor a ?actorClass . VALUES ?actorClass {{ mg:State org:FormalOrganization }} }}
  MINUS {{ ?anyMembership org:organization ?actor }}
  OPTIONAL {{ ?link prov:wasDerivedFrom ?source }}
}}
GROUP BY ?relation ?actor ?process ?roleIri ?start ?end ?respect
"""
)

_NODE_ATTRIBUTES = (
    _PREFIXES
    + f"""
SELECT ?node
       (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?types)
       (MIN(STR(?labelEn)) AS ?label_en) (MIN(STR(?labelFr)) AS ?label_fr)
       (MIN(STR(?acronymEn)) AS ?acronym_en) (MIN(STR(?acronymFr)) AS ?acronym_fr)
       (MIN(STR(?alpha2)) AS ?iso_alpha2) (MIN(STR(?alpha3)) AS ?iso_alpha3)
       (MIN(STR(?wd)) AS ?wikidata) (MIN(STR(?partOf)) AS ?part_of)
       (GROUP_CONCAT(DISTINCT STR(?start); separator=" ") AS ?starts)
       (GROUP_CONCAT(DISTINCT STR(?end); separator=" ") AS ?ends)
WHERE {{
  VALUES ?node {{ %s }}
  OPTIONAL {{ ?node a ?type }}
  OPTIONAL {{ ?node rdfs:label ?labelEn FILTER(LANG(?labelEn) = "en") }}
  OPTIONAL {{ ?node rdfs:label ?labelFr FILTER(LANG(?labelFr) = "fr") }}
  OPTIONAL {{ ?node mg:acronym ?acronymEn FILTER(LANG(?acronymEn) = "en") }}
  OPTIONAL {{ ?node mg:acronym ?acronymFr FILTER(LANG(?acronymFr) = "fr") }}
  OPTIONAL {{ ?node mg:iso3166Alpha2 ?alpha2 }}
  OPTIONAL {{ ?node mg:iso3166Alpha3 ?alpha3 }}
  OPTIONAL {{ ?node mg:wikidata ?wd }}
  OPTIONAL {{ ?node schema:superEvent|org:subOrganizationOf|org:unitOf|dcterms:isPartOf ?partOf }}
  OPTIONAL {{ ?node time:hasTime/time:hasBeginning/{_DATE_PATH}|dcterms:date ?start }}
  OPTIONAL {{ ?node time:hasTime/time:hasEnd/{_DATE_PATH}|dcterms:date ?end }}
}}
GROUP BY ?node
"""
)

_TIMELINE = (
    _PREFIXES
    + f"""
SELECT ?entity ?category (GROUP_CONCAT(DISTINCT STR(?start); separator=" ") AS ?starts)
WHERE {{
  ?entity time:hasTime/time:hasBeginning/{_DATE_PATH} ?start .
  {{ ?entity a mg:Meeting . BIND("meeting" AS ?category) }}
  UNION
  {{
    ?entity a ?class .
    VALUES ?class {{ mg:ConsultationMechanism mg:JointProgramme mg:MeetingSeries org:FormalOrganization }}
    BIND("establishment" AS ?category)
  }}
}}
GROUP BY ?entity ?category
"""
)

_NODE_FIELDS = (
    "label_en",
    "label_fr",
    "acronym_en",
    "acronym_fr",
    "iso_alpha2",
    "iso_alpha3",
    "wikidata",
    "part_of",
)


@dataclass(frozen=True)
class LinkRow:
    """One link read from the graph: an actor's membership, participation or signature."""

    relation: str
    actor: str
    process: str
    role: str
    start: str
    end: str
    sources: str
    in_respect_of: str


@dataclass(frozen=True)
class TimelineEvent:
    """A dated meeting or establishment (of a process, programme or organisation)."""

    date: str
    category: str
    node: str
    attributes: Mapping[str, Any]


@dataclass(frozen=True)
class AnalysisGraphs:
    """The graphs of one reading (and the dated events, for the timeline).

    The projections :attr:`actors` and :attr:`processes` are computed when first used: the
    process projection of thousands of meetings that share states is dense (tens of millions
    of edges), and the report's measures are computed from :attr:`bipartite` without it.
    """

    bipartite: nx.Graph
    timeline: tuple[TimelineEvent, ...]
    as_of: str | None = None
    roles: frozenset[str] | None = None

    @cached_property
    def actors(self) -> nx.Graph:
        """The actor projection (:func:`actor_projection`)."""
        return actor_projection(self.bipartite)

    @cached_property
    def processes(self) -> nx.Graph:
        """The process projection (:func:`process_projection`)."""
        return process_projection(self.bipartite)


# -- reading


def node_id(iri: str) -> str:
    """The node identifier of an IRI: the path under the project's ``id/`` base.

    >>> node_id("https://w3id.org/mig-graph/id/state/FRA")
    'state/FRA'
    >>> node_id("http://example.org/x")
    'http://example.org/x'
    """
    base = str(ID)
    return iri[len(base) :] if iri.startswith(base) else iri


def _iri(node: str) -> str:
    return node if "://" in node else str(ID) + node


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _select(dataset: Dataset, query: str) -> Iterator[dict[str, str]]:
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


def _earliest(dates: Iterable[str]) -> str:
    known = [date for date in dates if date]
    return min(known, key=lambda date: (PartialDate(date).earliest, date)) if known else ""


def _latest(dates: Iterable[str]) -> str:
    known = [date for date in dates if date]
    return max(known, key=lambda date: (PartialDate(date).latest, date)) if known else ""


def read_links(dataset: Dataset) -> list[LinkRow]:
    """Every actor–process link of the graph, one row per link and date (SPARQL)."""
    return [
        LinkRow(
            relation=row["relation"],
            actor=node_id(row["actor"]),
            process=node_id(row["process"]),
            role="signatory" if row["relation"] == "signature" else row["roleIri"].rsplit("/", 1)[-1],
            start=row["start"],
            end=row["end"],
            sources=" ".join(sorted(row["sources"].split())),
            in_respect_of=row["respect"],
        )
        for row in _select(dataset, _LINKS)
    ]


def read_node_attributes(dataset: Dataset, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The attributes of the given nodes (SPARQL), without ``side``/``bipartite``."""
    wanted = sorted(set(nodes))
    if not wanted:
        return {}
    values = " ".join(f"<{_iri(node)}>" for node in wanted)
    attributes: dict[str, dict[str, Any]] = {}
    for row in _select(dataset, _NODE_ATTRIBUTES % values):
        types = set(row["types"].split())
        kinds = [kind for iri, kind in KINDS if iri in types]
        record: dict[str, Any] = {"iri": row["node"], "kind": kinds[0] if kinds else "other"}
        record["kinds"] = " ".join(kinds)
        for field in _NODE_FIELDS:
            record[field] = row[field]
        record["start"] = _earliest(row["starts"].split())
        record["end"] = _latest(row["ends"].split())
        attributes[node_id(row["node"])] = record
    return attributes


def read_timeline(dataset: Dataset) -> tuple[TimelineEvent, ...]:
    """Dated meetings and establishments, in date order (SPARQL)."""
    found = [
        (node_id(row["entity"]), row["category"], _earliest(row["starts"].split()))
        for row in _select(dataset, _TIMELINE)
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


def is_active(relation: str, start: str, end: str, as_of: str | None) -> bool:
    """Whether a link counts as of a date (see the module's notes).

    >>> is_active("membership", "2014-02", "", "2012")
    False
    >>> is_active("membership", "2011", "2013", "2013-06")
    True
    >>> is_active("participation", "2006-05-15", "2006-05-16", "2012")
    True
    """
    if as_of is None:
        return True
    period = parse_date(as_of)
    if start and PartialDate(start).earliest > period.latest:
        return False
    memberships = "membership" in relation.split()
    return not (memberships and end and PartialDate(end).latest < period.earliest)


def _merged_edges(rows: Iterable[LinkRow]) -> dict[tuple[str, str], dict[str, Any]]:
    grouped: dict[tuple[str, str], list[LinkRow]] = defaultdict(list)
    for row in rows:
        grouped[row.actor, row.process].append(row)
    edges = {}
    for pair, links in sorted(grouped.items()):
        if len(links) == 1:
            (link,) = links
            edges[pair] = {
                "role": link.role,
                "relation": link.relation,
                "start": link.start,
                "end": link.end,
                "sources": link.sources,
                "in_respect_of": link.in_respect_of,
            }
            continue
        starts = [link.start for link in links]
        ends = [link.end for link in links]
        edges[pair] = {
            "role": " ".join(sorted({link.role for link in links if link.role})),
            "relation": " ".join(sorted({link.relation for link in links})),
            "start": "" if "" in starts else _earliest(starts),
            "end": "" if "" in ends else _latest(ends),
            "sources": " ".join(sorted({iri for link in links for iri in link.sources.split()})),
            "in_respect_of": " ".join(sorted({link.in_respect_of for link in links} - {""})),
        }
    return edges


def bipartite_graph(
    rows: Iterable[LinkRow], attributes: Mapping[str, Mapping[str, Any]] | None = None
) -> nx.Graph:
    """The actor–process graph of some links; nodes get ``attributes`` and their side.

    >>> row = LinkRow("membership", "state/A", "process/p", "member", "2011", "", "", "")
    >>> graph = bipartite_graph([row])
    >>> graph.nodes["state/A"]["side"], graph.edges["state/A", "process/p"]["start"]
    ('actor', '2011')
    """
    edges = _merged_edges(rows)
    attributes = attributes or {}
    graph = nx.Graph(name="actors and processes")
    actors = sorted({actor for actor, _ in edges})
    processes = sorted({process for _, process in edges})
    for side, nodes in ((0, actors), (1, processes)):
        for node in nodes:
            record = {"iri": _iri(node), "kind": "", "kinds": ""} | {
                field: "" for field in (*_NODE_FIELDS, "start", "end")
            }
            record.update(attributes.get(node, {}))
            record.update(side=("actor", "process")[side], bipartite=side)
            graph.add_node(node, **record)
    graph.add_edges_from((actor, process, data) for (actor, process), data in edges.items())
    return graph


def snapshot(bipartite: nx.Graph, as_of: str) -> nx.Graph:
    """The bipartite graph as of a date: its active edges and the nodes they join."""
    parse_date(as_of)
    kept = [
        (u, v)
        for u, v, data in bipartite.edges(data=True)
        if is_active(data["relation"], data["start"], data["end"], as_of)
    ]
    ends = {node for edge in kept for node in edge}
    graph = nx.Graph()
    graph.graph.update(bipartite.graph, as_of=as_of)
    graph.add_nodes_from((node, data) for node, data in bipartite.nodes(data=True) if node in ends)
    graph.add_edges_from((u, v, bipartite.edges[u, v]) for u, v in kept)
    return graph


def read_graphs(
    dataset: Dataset, *, as_of: str | None = None, roles: Iterable[str] | None = None
) -> AnalysisGraphs:
    """Read the graph: the bipartite graph of the links active ``as_of`` with one of ``roles``
    (all when ``None``), its two projections and the timeline up to ``as_of``.

    Raises ``ValueError`` when ``as_of`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    """
    if as_of is not None:
        parse_date(as_of)
    role_set = frozenset(roles) if roles is not None else None
    rows = [
        row
        for row in read_links(dataset)
        if (role_set is None or row.role in role_set) and is_active(row.relation, row.start, row.end, as_of)
    ]
    attributes = read_node_attributes(dataset, {row.actor for row in rows} | {row.process for row in rows})
    bipartite = bipartite_graph(rows, attributes)
    bipartite.graph.update(as_of=as_of or "", roles=" ".join(sorted(role_set or ())))
    timeline = read_timeline(dataset)
    if as_of is not None:
        limit = parse_date(as_of).latest
        timeline = tuple(event for event in timeline if PartialDate(event.date).earliest <= limit)
    return AnalysisGraphs(
        bipartite=bipartite,
        timeline=timeline,
        as_of=as_of,
        roles=role_set,
    )


# -- projections


def sides(bipartite: nx.Graph) -> tuple[list[str], list[str]]:
    actors = sorted(node for node, side in bipartite.nodes(data="bipartite") if side == 0)
    processes = sorted(node for node, side in bipartite.nodes(data="bipartite") if side == 1)
    return actors, processes


def incidence_matrix(bipartite: nx.Graph, rows: list[str], columns: list[str]) -> np.ndarray:
    """0/1 matrix: ``rows`` × ``columns``, 1 where they are linked; every neighbour of a row must
    be a column (dense: thousands of rows by hundreds of columns take a few MiB)."""
    column_index = {node: j for j, node in enumerate(columns)}
    adjacency = bipartite.adj
    neighbours = [adjacency.get(node, {}) for node in rows]
    degrees = [len(linked) for linked in neighbours]
    j = np.fromiter(
        (column_index[other] for linked in neighbours for other in linked), dtype=np.int64, count=sum(degrees)
    )
    matrix = np.zeros((len(rows), len(columns)), dtype=np.int32)
    matrix[np.repeat(np.arange(len(rows)), degrees), j] = 1
    return matrix


def _projection(bipartite: nx.Graph, side: int) -> nx.Graph:
    actors, processes = sides(bipartite)
    nodes, others = (actors, processes) if side == 0 else (processes, actors)
    incidence = incidence_matrix(bipartite, nodes, others)
    shared = incidence @ incidence.T
    degree = incidence.sum(axis=1)
    other_degree = incidence.sum(axis=0)
    inverse = np.divide(1.0, other_degree - 1, out=np.zeros(len(others)), where=other_degree > 1)
    newman = (incidence * inverse) @ incidence.T
    graph = nx.Graph(name=("actors", "processes")[side])
    count = "processes" if side == 0 else "members"
    graph.add_nodes_from(
        (node, {**bipartite.nodes[node], count: int(degree[i])}) for i, node in enumerate(nodes)
    )
    upper_i, upper_j = np.nonzero(np.triu(shared, 1))
    weights = shared[upper_i, upper_j]
    jaccard = weights / (degree[upper_i] + degree[upper_j] - weights)
    graph.add_edges_from(
        (nodes[i], nodes[j], {"weight": w, "jaccard": jac, "newman": new})
        for i, j, w, jac, new in zip(
            upper_i.tolist(),
            upper_j.tolist(),
            weights.tolist(),
            jaccard.tolist(),
            newman[upper_i, upper_j].tolist(),
            strict=True,
        )
    )
    return graph


def actor_projection(bipartite: nx.Graph) -> nx.Graph:
    """Actors linked by the processes they share (every actor, isolated or not).

    Edge attributes: ``weight`` (processes shared), ``jaccard`` (shared / processes of either),
    ``newman`` (Newman's collaboration weight).  Node attribute ``processes``: how many.

    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> edge = actor_projection(bipartite_graph(rows)).edges["state/A", "state/B"]
    >>> edge["weight"], edge["jaccard"], edge["newman"]
    (1, 0.5, 1.0)
    """
    return _projection(bipartite, 0)


def process_projection(bipartite: nx.Graph) -> nx.Graph:
    """Processes linked by the actors they share (every process, isolated or not).

    Edge attributes as in :func:`actor_projection`; node attribute ``members``.

    >>> rows = [LinkRow("membership", a, p, "member", "", "", "", "")
    ...         for a, p in [("state/A", "process/p"), ("state/B", "process/p"), ("state/B", "process/q")]]
    >>> edge = process_projection(bipartite_graph(rows)).edges["process/p", "process/q"]
    >>> edge["weight"], edge["jaccard"]
    (1, 0.5)
    """
    return _projection(bipartite, 1)


def display_name(attributes: Mapping[str, Any], lang: str = "en", *, short: bool = True) -> str:
    """A node's name for tables and plots: its acronym or ISO alpha-3 code (``short``), else its
    label, in ``lang`` with the other language as fallback.

    >>> display_name({"label_en": "France", "label_fr": "France", "iso_alpha3": "FRA"})
    'FRA'
    >>> display_name({"label_en": "Lima Declaration", "label_fr": "Déclaration de Lima"}, "fr")
    'Déclaration de Lima'
    """
    other = "fr" if lang == "en" else "en"
    if short:
        for key in (f"acronym_{lang}", f"acronym_{other}", "iso_alpha3"):
            if attributes.get(key):
                return str(attributes[key])
    label = attributes.get(f"label_{lang}") or attributes.get(f"label_{other}") or attributes.get("iri", "")
    return str(label)
