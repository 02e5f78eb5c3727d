"""Deterministic RDF writers: sorted line-based RDF, TriG and JSON-LD in a stable order."""

from __future__ import annotations

import json

from rdflib import Dataset, Graph

from mig_graph.namespaces import PREFIXES, bind_prefixes

__all__ = ["jsonld_context", "jsonld_nodes", "jsonld_text", "sorted_lines", "trig_text"]


def sorted_lines(text: str) -> str:
    """Line-based RDF (N-Triples, N-Quads) in a stable order, each line once."""
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n"


def trig_text(dataset: Dataset) -> str:
    """TriG with graphs and triples in a stable order."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(context) == 0 or str(context.identifier).startswith("urn:x-rdflib:"):
            continue
        body = Graph()
        bind_prefixes(body)
        for triple in context:
            body.add(triple)
        lines = body.serialize(format="turtle").splitlines()
        prefixes.update(line for line in lines if line.startswith("@prefix"))
        statements = [f"    {line}" if line else "" for line in lines if not line.startswith("@prefix")]
        blocks.append(f"<{context.identifier}> {{\n" + "\n".join(statements).strip("\n") + "\n}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def jsonld_context() -> str:
    """The standalone JSON-LD context file: the project's prefixes."""
    return json.dumps({"@context": PREFIXES}, indent=2, sort_keys=True) + "\n"


def jsonld_text(graph: Graph, context: str | dict) -> str:
    """JSON-LD compacted with the project's prefixes, nodes and values in a stable order.

    ``context`` is what the document's ``@context`` says: the address of a context file, or the
    context itself (a standalone document).
    """
    compact = {"@context": context, "@graph": jsonld_nodes(graph)}
    return json.dumps(compact, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def jsonld_nodes(graph: Graph) -> list[dict]:
    """The JSON-LD nodes of a graph, compacted with the project's prefixes, in a stable order."""
    document = json.loads(graph.serialize(format="json-ld", context=PREFIXES, auto_compact=True))
    nodes = document.get("@graph", [document])
    for node in nodes:
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
    return sorted(nodes, key=lambda node: node.get("@id", ""))
