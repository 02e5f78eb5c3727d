"""Write query results in the SPARQL 1.1 result formats (CSV, TSV, JSON), as Turtle, or as a table.

The same writers serve results from the embedded store and from remote endpoints,
so both give the same bytes for the same answers.
"""

from __future__ import annotations

import csv
import io
import json

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from mig_graph.query.library import QueryResult

__all__ = ["FORMATS", "render"]

FORMATS = ("table", "csv", "tsv", "json", "turtle")


def render(result: QueryResult, fmt: str) -> str:
    """The result in ``fmt`` (one of :data:`FORMATS`); graphs only as Turtle, rows not as Turtle."""
    if result.kind == "graph":
        if fmt not in {"turtle", "table"}:
            raise ValueError(f"a CONSTRUCT or DESCRIBE result is a graph: use --format turtle, not {fmt}")
        return result.graph.serialize(format="turtle") if result.graph is not None else ""
    if fmt == "turtle":
        raise ValueError("SELECT and ASK results are tables: use --format table, csv, tsv or json")
    writer = {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt]
    return writer(result)


def _simple(term: Node) -> Node:
    """RDF 1.1: a literal typed xsd:string is the simple literal; write it the short way."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def _plain(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if result.kind == "ask":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
    else:
        writer.writerow(result.variables)
        writer.writerows([_plain(term) for term in row] for row in result.rows)
    return buffer.getvalue()


def _tsv(result: QueryResult) -> str:
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{variable}" for variable in result.variables)]
    lines += ["\t".join("" if term is None else _simple(term).n3() for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    encoded = {"type": "literal", "value": str(term)}
    if term.language:
        encoded["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        encoded["datatype"] = str(term.datatype)
    return encoded


def _json(result: QueryResult) -> str:
    if result.kind == "ask":
        document: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {
                variable: _json_term(term)
                for variable, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in result.rows
        ]
        document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table

    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    table = Table(*result.variables, caption=f"{len(result.rows)} rows")
    for row in result.rows:
        table.add_row(*(_plain(term) for term in row))
    console = Console(file=io.StringIO(), width=200, record=True)
    console.print(table)
    return console.export_text()
