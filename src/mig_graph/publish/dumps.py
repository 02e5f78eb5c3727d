"""The downloads of the published site: whole-graph dumps streamed from the Oxigraph store.

The graph is never copied into rdflib: every dump is written one subject at a time, from index
lookups.  The N-Triples and N-Quads dumps are the store's quads as rdflib writes them, in sorted
lines, gzipped.  The Turtle and JSON-LD dumps are made of small rdflib graphs of one subject's
triples each, in the order and form rdflib gives the whole graph: subjects by the number of
references to them (Turtle) or by compact identifier (JSON-LD).  No node is nested in another:
the graph has no blank nodes and no RDF lists, every resource being named by an IRI.
"""

from __future__ import annotations

import hashlib
import io
import json
import posixpath
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.plugins.shared.jsonld.context import Context
from rdflib.plugins.stores.memory import Memory

from mig_graph.namespaces import PREFIXES, bind_prefixes
from mig_graph.publish.catalog import DatasetVersion, Distribution
from mig_graph.publish.pages import render_downloads
from mig_graph.publish.sitefiles import SiteFiles
from mig_graph.rdf.formats import media_type
from mig_graph.rdf.terms import from_oxigraph
from mig_graph.rdf.writers import jsonld_context, jsonld_nodes

__all__ = ["Subject", "subjects", "write_dumps"]

Subject = ox.NamedNode | ox.BlankNode
_DEFAULT = ox.DefaultGraph()
_BATCH = 10_000
_FORGET_EVERY = 1_000


def subjects(store: ox.Store) -> list[Subject]:
    """Every subject of the default graph (the union of the sources), once."""
    return [row[0] for row in store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }")]


def write_dumps(
    files: SiteFiles, store: ox.Store, nodes: list[Subject], release: DatasetVersion
) -> tuple[list[Distribution], int]:
    """Versioned dumps with their SHA-256 sums and a download page.

    ``nodes`` are the subjects of the default graph.  Returns the distributions and the number of triples.
    """
    name = f"mig-graph-{release.version}"
    whole = bind_prefixes(Graph())  # stays empty: its prefixes and names serve every part
    dumps: list[tuple[str, Callable[[BinaryIO], object], str, str]] = [
        (
            f"{name}.ttl",
            lambda out: _turtle(out, store, nodes, whole),
            media_type(ox.RdfFormat.TURTLE),
            "Turtle dump",
        ),
        (
            f"{name}.nt.gz",
            lambda out: _gzipped(out, store, nodes, named=False),
            "application/gzip",
            "N-Triples dump, gzipped",
        ),
        (
            f"{name}.nq.gz",
            lambda out: _gzipped(out, store, nodes, named=True),
            "application/gzip",
            "N-Quads dump with a named graph per source, gzipped",
        ),
        (
            f"{name}.jsonld",
            lambda out: _jsonld(out, store, nodes, whole, "context.jsonld"),
            media_type(ox.RdfFormat.JSON_LD),
            "JSON-LD dump",
        ),
        (
            "context.jsonld",
            lambda out: out.write(jsonld_context().encode("utf-8")),
            media_type(ox.RdfFormat.JSON_LD),
            "JSON-LD context of the dump",
        ),
    ]
    distributions, sums, results = [], [], {}
    for file_name, produce, media, title in dumps:
        path, results[file_name] = files.write_stream(f"dumps/{file_name}", produce)
        with path.open("rb") as handle:
            sums.append(f"{hashlib.file_digest(handle, 'sha256').hexdigest()}  {file_name}")
        distributions.append(Distribution(f"dumps/{file_name}", media, path.stat().st_size, title))
    files.write("dumps/SHA256SUMS", "\n".join(sums) + "\n")
    listed = (
        (posixpath.basename(d.path), d.media_type, d.byte_size, line.split()[0])
        for d, line in zip(distributions, sums, strict=True)
    )
    files.write("dumps/index.html", render_downloads(listed, release.version, release.modified))
    return distributions, int(results[f"{name}.nt.gz"])


def _nt(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    literal = from_oxigraph(term)  # rdflib's lexical form of typed values
    encoded = str(literal).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if literal.language:
        return f'"{encoded}"@{literal.language}'
    if isinstance(literal, Literal) and literal.datatype is not None:
        return f'"{encoded}"^^<{literal.datatype}>'
    return f'"{encoded}"'


def _row(terms: Iterable[ox.NamedNode | ox.BlankNode | ox.Literal]) -> str:
    """One N-Triples (or N-Quads) line, without its newline, as rdflib writes it."""
    return " ".join(_nt(term) for term in terms) + " ."


def _gzipped(out: BinaryIO, store: ox.Store, nodes: list[Subject], *, named: bool) -> int:
    """The triples of the default graph (or, ``named``, the quads of the source graphs) as sorted
    lines, each once, gzipped; return the number of lines.

    Lines are sorted one subject at a time: every line of a subject starts with the subject's term
    and a space, so taking the subjects in the order of that prefix sorts the whole file.  The gzip
    header is zlib's (no name, no time), as ``gzip.compress(…, mtime=0)`` writes it.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    count, batch = 0, []
    for node in sorted(nodes, key=lambda node: _nt(node) + " "):
        quads = store.quads_for_pattern(node, None, None, None if named else _DEFAULT)
        if named:
            rows = {
                _row((q.subject, q.predicate, q.object, q.graph_name))
                for q in quads
                if not isinstance(q.graph_name, ox.DefaultGraph)
            }
        else:
            rows = {_row((q.subject, q.predicate, q.object)) for q in quads}
        batch.extend(sorted(rows))
        count += len(rows)
        if len(batch) >= _BATCH:
            out.write(compressor.compress(("\n".join(batch) + "\n").encode("utf-8")))
            batch.clear()
    out.write(compressor.compress(("\n".join(batch) + "\n" if batch or not count else "").encode("utf-8")))
    out.write(compressor.flush())
    return count


def _part(store: ox.Store, whole: Graph, subject: Subject, number: int) -> Graph:
    """The triples of one subject (the ``number``-th written) as a part of ``whole``: a graph of
    their own, with the prefixes and the namespace manager of ``whole``, as one graph would have."""
    bindings = Memory()
    for prefix, namespace in whole.store.namespaces():
        bindings.bind(prefix, namespace)
    part = Graph(store=bindings, namespace_manager=whole.namespace_manager)
    if number % _FORGET_EVERY == 0:  # the cache of prefixed names would grow with every IRI of the graph
        whole.namespace_manager.reset()
    node = from_oxigraph(subject)
    for quad in store.quads_for_pattern(subject, None, None, _DEFAULT):
        part.add((node, from_oxigraph(quad.predicate), from_oxigraph(quad.object)))
    return part


def _turtle_order(store: ox.Store, nodes: list[Subject]) -> Iterator[Subject]:
    """rdflib's order of subjects: classes first, then blank or not, references to it, then IRI."""
    is_class = (ox.NamedNode(RDF.type), ox.NamedNode(RDFS.Class), _DEFAULT)
    classes = {quad.subject for quad in store.quads_for_pattern(None, *is_class)}
    yield from sorted(classes, key=lambda node: node.value)
    ranked = sorted(
        (
            isinstance(node, ox.BlankNode),
            sum(1 for _ in store.quads_for_pattern(None, None, node, _DEFAULT)),
            node.value,
            node,
        )
        for node in nodes
        if node not in classes
    )
    for *_, node in ranked:
        yield node


def _turtle(out: BinaryIO, store: ox.Store, nodes: list[Subject], whole: Graph) -> None:
    """The default graph as rdflib's Turtle, one subject at a time.

    The statements go to a temporary file first: the ``@prefix`` lines before them list only the
    prefixes they use.
    """
    prefixes: dict[str, str] = {}
    with tempfile.TemporaryFile() as body:
        for number, node in enumerate(_turtle_order(store, nodes)):
            serializer = TurtleSerializer(_part(store, whole, node, number))
            text = io.BytesIO()
            serializer.serialize(text)
            prefixes.update((prefix, str(namespace)) for prefix, namespace in serializer.namespaces.items())
            # the "@prefix" lines, then "\n<subject> … .\n", then the document's final "\n"
            body.write(text.getvalue().split(b"\n", len(serializer.namespaces))[-1][:-1])
        for prefix, namespace in sorted(prefixes.items()):
            out.write(f"@prefix {prefix}: <{namespace}> .\n".encode())
        body.seek(0)
        while chunk := body.read(1 << 20):
            out.write(chunk)
    out.write(b"\n")


def _jsonld(out: BinaryIO, store: ox.Store, nodes: list[Subject], whole: Graph, context: str) -> None:
    """The default graph as :func:`mig_graph.build.jsonld_text` writes it, one node at a time.

    ``context`` is the address the document's ``@context`` names.
    """
    shrink = Context(PREFIXES).shrink_iri
    ordered = sorted(
        (shrink(node.value) if isinstance(node, ox.NamedNode) else f"_:{node.value}", node.value, node)
        for node in nodes
    )
    out.write(('{\n "@context": ' + json.dumps(context) + ',\n "@graph": [').encode())
    for number, (identifier, _, node) in enumerate(ordered):
        (description,) = jsonld_nodes(_part(store, whole, node, number))
        description.pop("@context", None)  # the context of a one-node document
        if description.get("@id") != identifier:
            raise ValueError(f"JSON-LD node {description.get('@id')!r}, expected {identifier!r}")
        text = json.dumps(description, indent=1, sort_keys=True, ensure_ascii=False)
        lines = "\n".join(f"  {line}" for line in text.split("\n"))
        out.write((("," if number else "") + "\n" + lines).encode())
    out.write(("\n ]\n}\n" if ordered else "]\n}\n").encode())
