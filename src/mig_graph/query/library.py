"""Stage 4, query: the SPARQL query library, its parameters, and running queries here or remotely.

A library query is a ``queries/NAME.rq`` file whose header says what it does::

    # title: Members of a process
    # description: …
    # param process (entity): the process, by acronym, id or IRI. Default: midiocc
    # view: map

A parameter is bound by adding ``VALUES ?name { … }`` at the top of the query's
``WHERE`` clause, so the same text runs on any SPARQL 1.1 store; an optional
parameter left out stays a free variable.  Entity parameters accept an ISO
3166-1 alpha-3 code, an acronym, a label, an id (``process/midiocc``) or an IRI,
resolved against the graph the query runs on.  The ``view`` line (optional) names the
result view the endpoint's query page opens the rows in (one of :data:`VIEWS`); the page reads
the same ``#view:`` comment in any query, as Wikidata's query service reads ``#defaultView:``.
Queries run on the embedded
store, or on a remote endpoint through SPARQLWrapper.
"""

from __future__ import annotations

import re
import time
import urllib.error
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from mig_graph import paths
from mig_graph.errors import InputError, Location
from mig_graph.namespaces import ID

__all__ = [
    "VIEWS",
    "LibraryQuery",
    "Parameter",
    "QueryResult",
    "RemoteError",
    "bind_parameters",
    "library",
    "load_query",
    "parse_query_text",
    "run_local",
    "run_query",
    "run_remote",
]

USER_AGENT = f"mig-graph/{version('mig-graph')} (+https://w3id.org/mig-graph/)"
_HEADER = re.compile(r"^#\s*(title|description|view):\s*(.+)$")

VIEWS = ("table", "map", "timeline", "bar")
"""The result views of the query page: a table, a world map coloured by state, a timeline, a bar chart."""
_PARAM = re.compile(
    r"^#\s*param\s+(\w+)\s*\((entity|year|string)(?:,\s*\?(\w+))?\):\s*(.+?)(?:\s+Default:\s*(\S+))?\s*$"
)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Parameter:
    """A query parameter: ``entity`` (resolved to an IRI), ``year`` or ``string`` (a literal).

    It binds the variable ``?name``, or the one its header names (``(entity, ?within)``).
    """

    name: str
    kind: str
    description: str
    default: str | None = None
    variable: str = ""


@dataclass(frozen=True)
class LibraryQuery:
    """A SPARQL query with its title, description and parameters."""

    name: str
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = ()
    path: Path | None = None
    view: str = "table"


@dataclass
class QueryResult:
    """What a query returned: rows of a SELECT, the boolean of an ASK, or a graph."""

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


class RemoteError(Exception):
    """A remote endpoint failed or refused a query (message says which and why)."""


def parse_query_file(path: Path) -> LibraryQuery:
    """Read a ``.rq`` file and its header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read query: {error.strerror}", Location(path, 0)) from None
    return parse_query_text(text, path.stem, path)


def parse_query_text(text: str, name: str = "query", path: Path | None = None) -> LibraryQuery:
    """A query from its text, with the parameters its header declares (if it has one).

    >>> query = parse_query_text("# param year (year): a year\\nSELECT ?y WHERE { }")
    >>> [(parameter.name, parameter.kind) for parameter in query.parameters]
    [('year', 'year')]
    """
    headers: dict[str, str] = {}
    parameters: list[Parameter] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if match := _HEADER.match(line):
            headers[match.group(1)] = match.group(2).strip()
        elif match := _PARAM.match(line):
            parameter, kind, variable, description, default = match.groups()
            parameters.append(Parameter(parameter, kind, description.strip(), default, variable or parameter))
    view = headers.get("view", "table").lower()
    if view not in VIEWS:
        raise InputError(
            f"unknown view {view!r}; the views are: {', '.join(VIEWS)}", Location(path or Path(name), 0)
        )
    return LibraryQuery(
        view=view,
        name=name,
        title=headers.get("title", name),
        description=headers.get("description", ""),
        text=text,
        parameters=tuple(parameters),
        path=path,
    )


def library(directory: Path | None = None) -> dict[str, LibraryQuery]:
    """The query library: every ``*.rq`` of the queries folder, by name."""
    folder = directory or paths.queries_dir()
    return {path.stem: parse_query_file(path) for path in sorted(folder.glob("*.rq"))}


def load_query(name_or_path: str) -> LibraryQuery:
    """A library query by name, or any ``.rq`` file by path."""
    queries = library()
    if name_or_path in queries:
        return queries[name_or_path]
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.exists():
        if not path.is_file():
            raise InputError("no such query file", Location(path, 0))
        return parse_query_file(path)
    raise InputError(f"unknown query {name_or_path!r}; the library has: {', '.join(queries)}")


# -- parameters -------------------------------------------------------------------

_RESOLVE = """
PREFIX mg: <https://w3id.org/mig-graph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?rank WHERE {
  { ?entity mg:iso3166Alpha3 ?code . FILTER(UCASE(STR(?code)) = UCASE(?wanted)) BIND(1 AS ?rank) }
  UNION { ?entity ?p ?o . FILTER(STR(?entity) IN (?asId, ?asIri)) BIND(2 AS ?rank) }
  UNION { ?entity mg:acronym ?name . FILTER(LCASE(STR(?name)) = LCASE(?wanted)) BIND(3 AS ?rank) }
  UNION { ?entity rdfs:label|skos:altLabel ?name .
          FILTER(LCASE(STR(?name)) = LCASE(?wanted)) BIND(4 AS ?rank) }
  UNION { ?entity ?p ?o .
          FILTER(STRENDS(STR(?entity), CONCAT("/", ?wanted)) && STRSTARTS(STR(?entity), ?base))
          BIND(5 AS ?rank) }
} ORDER BY ?rank ?entity
"""


def _sparql_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def resolve_entity(value: str, run: Callable[[str], QueryResult]) -> URIRef:
    """An IRI for an ISO alpha-3 code, an acronym, a label, an id or an IRI, looked up in the graph."""
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    wanted = _sparql_string(value)
    query = (
        _RESOLVE.replace("?wanted", wanted)
        .replace("?asId", _sparql_string(f"{ID}{value}"))
        .replace("?asIri", wanted)
        .replace("?base", _sparql_string(str(ID)))
    )
    rows = run(query).rows
    if not rows:
        raise InputError(
            f"no entity matches {value!r} (give an ISO alpha-3 code, an acronym, an id or an IRI)"
        )
    best = min(int(str(row[1])) for row in rows)
    matches = sorted({str(row[0]) for row in rows if int(str(row[1])) == best})
    if len(matches) > 1:
        raise InputError(f"{value!r} is ambiguous: {', '.join(matches)}; give the IRI")
    return URIRef(matches[0])


def bind_parameters(query: LibraryQuery, values: Mapping[str, str], resolve: Callable[[str], URIRef]) -> str:
    """The query text with ``VALUES`` for each given (or defaulted) parameter."""
    declared = {parameter.name: parameter for parameter in query.parameters}
    unknown = sorted(set(values) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise InputError(f"unknown parameter {', '.join(unknown)} for {query.name}; it takes: {known}")
    clauses = []
    for name, parameter in declared.items():
        value = values.get(name, parameter.default)
        if value is None:
            continue
        if parameter.kind == "entity":
            term = f"<{resolve(value)}>"
        elif parameter.kind == "year" and not re.fullmatch(r"\d{4}", value):
            raise InputError(f"parameter {name} expects a year (YYYY), got {value!r}")
        else:
            term = _sparql_string(value)
        clauses.append(f"VALUES ?{parameter.variable} {{ {term} }}")
    if not clauses:
        return query.text
    match = _WHERE.search(query.text)
    if match is None:
        raise InputError(f"query {query.name} has parameters but no WHERE clause to bind them in")
    return query.text[: match.end()] + "\n  " + "\n  ".join(clauses) + query.text[match.end() :]


# -- running ----------------------------------------------------------------------


def run_local(dataset: Dataset, text: str) -> QueryResult:
    """Run a query on the embedded store (SPARQL evaluated by Oxigraph).

    On Oxigraph the rows are read straight from its results, without rdflib's result objects,
    so that a query of a few milliseconds costs little more than in Oxigraph itself.
    """
    from mig_graph.store import oxigraph_of

    store = oxigraph_of(dataset)
    if store is None:
        return _run_rdflib(dataset, text)
    import pyoxigraph as ox

    from mig_graph.rdf.terms import from_oxigraph

    prefixes = {prefix: str(namespace) for prefix, namespace in dataset.namespaces() if prefix}
    try:
        result = store.query(text, prefixes=prefixes)
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(result))
        if isinstance(result, ox.QueryTriples):
            graph = Graph()
            graph.addN(
                (from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object), graph)
                for t in result
            )
            return QueryResult("graph", graph=graph)
        variables = [variable.value for variable in result.variables]
        rows = [
            tuple(None if term is None else from_oxigraph(term) for term in solution) for solution in result
        ]
    except (SyntaxError, ValueError, OSError) as error:
        raise InputError(f"query failed: {error}") from None
    return QueryResult("select", variables=variables, rows=rows)


def _run_rdflib(dataset: Dataset, text: str) -> QueryResult:
    """Run a query with rdflib's own engine (a dataset on one of rdflib's stores)."""
    try:
        result = dataset.query(text)
    except Exception as error:  # the parsers raise several types; all mean a bad query
        raise InputError(f"query failed: {error}") from None
    if result.type == "ASK":
        return QueryResult("ask", boolean=bool(result.askAnswer))
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        graph = Graph()
        for triple in result:
            graph.add(triple)
        return QueryResult("graph", graph=graph)
    variables = [str(variable) for variable in result.vars]
    rows = [
        tuple(row[variable] if variable in row.labels else None for variable in variables) for row in result
    ]
    return QueryResult("select", variables=variables, rows=rows)


def run_remote(
    endpoint: str,
    text: str,
    *,
    timeout: float = 60.0,
    retries: int = 3,
    default_graphs: Sequence[str] = (),
) -> QueryResult:
    """Run a query on a SPARQL 1.1 endpoint, retrying on 429/503 as Retry-After asks.

    ``default_graphs`` are sent as the protocol's ``default-graph-uri`` parameters: the query's
    default graph is then their merge (on a store that holds the union in a named graph).
    """
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint, agent=USER_AGENT)
    for graph in default_graphs:
        client.addParameter("default-graph-uri", graph)
    client.setQuery(text)
    client.setTimeout(int(timeout))
    client.setMethod("POST")
    is_graph = client.queryType in {"CONSTRUCT", "DESCRIBE"}
    client.setReturnFormat(TURTLE if is_graph else JSON)
    for attempt in range(retries + 1):
        try:
            response = client.query()
            break
        except urllib.error.HTTPError as error:
            if error.code in {429, 503} and attempt < retries:
                time.sleep(_retry_after(error.headers.get("Retry-After"), attempt))
                continue
            body = error.read().decode("utf-8", "replace")[:500]
            raise RemoteError(f"{endpoint} answered HTTP {error.code}: {body or error.reason}") from None
        except SPARQLWrapperException as error:
            raise RemoteError(f"{endpoint} refused the query: {error}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise RemoteError(f"cannot reach {endpoint}: {reason}") from None
    if is_graph:
        graph = Graph().parse(data=response.convert(), format="turtle")
        return QueryResult("graph", graph=graph)
    document = response.convert()
    if "boolean" in document:
        return QueryResult("ask", boolean=bool(document["boolean"]))
    variables = list(document["head"]["vars"])
    rows = [
        tuple(_term(binding.get(variable)) for variable in variables)
        for binding in document["results"]["bindings"]
    ]
    return QueryResult("select", variables=variables, rows=rows)


def run_query(
    name_or_path: str | LibraryQuery,
    values: Mapping[str, str] | None = None,
    *,
    dataset: Dataset | None = None,
    endpoint: str | None = None,
    default_graphs: Sequence[str] = (),
) -> QueryResult:
    """Load a library query (or file), or take the query given, bind its parameters and run it
    here or on ``endpoint`` (with ``default_graphs`` as its ``default-graph-uri``)."""
    query = name_or_path if isinstance(name_or_path, LibraryQuery) else load_query(name_or_path)
    if endpoint is not None:

        def run(text: str) -> QueryResult:
            return run_remote(endpoint, text, default_graphs=default_graphs)

    else:
        if dataset is None:
            from mig_graph.store import open_dataset

            dataset = open_dataset()
        store = dataset

        def run(text: str) -> QueryResult:
            return run_local(store, text)

    text = bind_parameters(query, values or {}, lambda value: resolve_entity(value, run))
    return run(text)


def _retry_after(header: str | None, attempt: int) -> float:
    """Seconds to wait: the Retry-After header's delay (capped at 60 s), else exponential back-off."""
    if header and header.strip().isdigit():
        return min(float(header.strip()), 60.0)
    return min(2.0**attempt, 30.0)


def _term(binding: Mapping[str, str] | None) -> Node | None:
    """An rdflib term from a SPARQL JSON results binding."""
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if "xml:lang" in binding:
        return Literal(value, lang=binding["xml:lang"])
    if "datatype" in binding:
        return Literal(value, datatype=URIRef(binding["datatype"]))
    return Literal(value)
