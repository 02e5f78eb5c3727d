"""Stage 8, publish: write the linked-data site (pages, per-entity RDF, dumps, VoID/DCAT, ontology docs).

Identifiers are slash IRIs answered with ``303 See Other``: ``…/id/process/midiocc`` redirects to
the document ``…/id/process/midiocc.html`` (or ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf`` by
content negotiation).  A node whose IRI extends an entity's (``…/midiocc/interval/2020-03--``)
is described on that entity's page.  Only files whose content changed are rewritten.
"""

from __future__ import annotations

import gzip
import hashlib
import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from mig_graph import paths
from mig_graph.build import jsonld_context, jsonld_text, sorted_lines
from mig_graph.catalog import DatasetVersion, Distribution, dataset_version, describe_dataset
from mig_graph.compiler import VOCABULARY_GRAPH
from mig_graph.namespaces import BASE, ID, MG, PREFIXES
from mig_graph.pages import (
    EntityView,
    Labels,
    html_page,
    page_path,
    render_entity,
    render_index,
    render_ontology,
    render_scheme,
)
from mig_graph.store import in_memory, simple_literal
from mig_graph.summary import class_counts, compact

__all__ = ["ENTITY_FORMATS", "PublishReport", "publish"]

ENTITY_FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
    "nt": ("nt", "application/n-triples"),
    "rdf": ("xml", "application/rdf+xml"),
}
N_ARY = {
    str(URIRef("http://www.w3.org/ns/org#Membership")): (
        "http://www.w3.org/ns/org#organization",
        "http://www.w3.org/ns/org#role",
    ),
    str(MG.Participation): (str(MG.inEvent), str(MG.participationRole)),
    str(MG.Signature): (str(MG.signedDocument), ""),
    str(MG.Tenure): (str(MG.heldPost), ""),
}


@dataclass(frozen=True)
class PublishReport:
    """Files the run produced, how many it (re)wrote, and the dataset version."""

    files: int
    written: int
    removed: int
    version: str


class _Writer:
    """Writes a file only if its bytes changed; remembers every path it produced."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.produced: set[Path] = set()
        self.written = 0

    def write(self, relative: str, content: str | bytes) -> Path:
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self.root / relative
        self.produced.add(path)
        if path.is_file() and path.read_bytes() == data:
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        self.written += 1
        return path

    def remove_stale(self, folders: Iterable[str]) -> int:
        """Delete files of earlier runs that this run did not produce (entities that disappeared)."""
        removed = 0
        for folder in folders:
            for path in (self.root / folder).rglob("*"):
                if path.is_file() and path not in self.produced:
                    path.unlink()
                    removed += 1
        return removed


def _bind(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def _serialise(graph: Graph, fmt: str) -> str:
    """Deterministic text of a graph: sorted N-Triples, sorted JSON-LD, streamed sorted RDF/XML."""
    if fmt == "json-ld":
        return jsonld_text(graph, PREFIXES)
    if fmt == "xml":
        import pyoxigraph

        ordered = sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))
        prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}
        data = pyoxigraph.serialize(
            [pyoxigraph.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in ordered],
            format=pyoxigraph.RdfFormat.RDF_XML,
            prefixes=prefixes,
        )
        return data.decode("utf-8")
    text = graph.serialize(format=fmt)
    if fmt == "nt":
        return sorted_lines(text)
    return text


def _ox(term: Node):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    return pyoxigraph.BlankNode(str(term))


def _owners(subjects: set[str]) -> dict[str, str]:
    """Each subject under ``id/`` mapped to the entity whose page describes it (itself or an ancestor)."""
    owners: dict[str, str] = {}
    for subject in sorted(subjects, key=len):
        parent = subject
        owner = subject
        while "/" in parent[len(str(ID)) :]:
            parent = parent.rsplit("/", 1)[0]
            if parent in owners:
                owner = owners[parent]
                break
        owners[subject] = owner
    return owners


def _labels(graph: Graph) -> Labels:
    labels = Labels()
    for predicate in (SKOS.prefLabel, RDFS.label):
        for subject, label in graph.subject_objects(predicate):
            table = {"en": labels.english, "fr": labels.french}.get(getattr(label, "language", None))
            if table is not None:
                table.setdefault(str(subject), str(label))
    for instant, unit in graph.subject_objects(MG.precision):
        labels.precision[str(instant)] = {"unitYear": "year", "unitMonth": "month", "unitDay": "day"}.get(
            str(unit).rsplit("#", 1)[1], ""
        )
    return labels


def _summary(graph: Graph, node: Node, labels: Labels) -> str:
    """A short reading of an n-ary relation: "member — MiDIOCC"."""
    for cls in graph.objects(node, RDF.type):
        if str(cls) in N_ARY:
            target_predicate, role_predicate = N_ARY[str(cls)]
            target = graph.value(node, URIRef(target_predicate))
            role = graph.value(node, URIRef(role_predicate)) if role_predicate else None
            role_text = labels.of(str(role)) if role is not None else ""
            target_text = labels.of(str(target)) if target is not None else ""
            return " — ".join(part for part in (role_text, target_text) if part)
    return ""


def publish(
    dataset: Dataset,
    out_dir: Path,
    *,
    site_url: str = BASE,
    version: DatasetVersion | None = None,
    progress: bool = False,
) -> PublishReport:
    """Write the whole site into ``out_dir``; return what was produced and rewritten."""
    release = version or dataset_version()
    writer = _Writer(out_dir)
    graph = _bind(in_memory(dataset.default_graph))
    labels = _labels(graph)
    term_labels = _labels(Graph().parse(paths.ontology_file(), format="turtle"))
    labels.english.update(term_labels.english)
    labels.french.update(term_labels.french)

    subjects = {str(s) for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(str(ID))}
    owners = _owners(subjects)
    labels.owners = owners
    descriptions: dict[str, Graph] = defaultdict(lambda: _bind(Graph()))
    incoming: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for s, p, o in graph:
        owner = owners.get(str(s))
        if owner is not None:
            descriptions[owner].add((s, p, o))
        target = owners.get(str(o)) if isinstance(o, URIRef) else None
        if target is not None and target != owner and str(o) == target and p != RDF.type:
            source = owner or str(s)
            incoming[target].add((str(p), source, _summary(graph, s, labels)))
    sources: dict[tuple[Node, Node, Node], list[str]] = defaultdict(list)
    for s, p, o, context in dataset.quads((None, None, None, None)):
        name = getattr(context, "identifier", context)
        if name is not None and name != VOCABULARY_GRAPH and name != dataset.default_graph.identifier:
            sources[(s, p, simple_literal(o))].append(str(name))

    entities = sorted(descriptions)
    iterator: Iterable[str] = entities
    if progress:
        from rich.progress import track

        iterator = track(entities, description="entity pages", transient=True)
    index_entries = []
    for iri in iterator:
        description = descriptions[iri]
        kinds = sorted(compact(str(k)) for k in graph.objects(URIRef(iri), RDF.type))
        page = page_path(iri)
        assert page is not None
        stem = page[: -len(".html")]
        jsonld = _serialise(description, "json-ld")
        view = EntityView(iri, description, sources, sorted(incoming.get(iri, ())), kinds, release.version)
        writer.write(page, render_entity(view, labels, jsonld))
        writer.write(f"{stem}.jsonld", jsonld)
        for extension, (fmt, _) in ENTITY_FORMATS.items():
            if extension != "jsonld":
                writer.write(f"{stem}.{extension}", _serialise(description, fmt))
        main_kind = next((k for k in kinds if k.startswith("mg:") and k != "mg:ConsultationMechanism"), None)
        index_entries.append(
            (
                iri,
                main_kind or (kinds[0] if kinds else "resource"),
                labels.of(iri),
                labels.french.get(iri, ""),
            )
        )

    _write_vocabularies(writer, dataset, release)
    _write_ontology(writer, release)
    distributions = _write_dumps(writer, dataset, graph, release)
    description = describe_dataset(graph, distributions, site_url=site_url, version=release)
    void = description.serialize(format="turtle")
    writer.write("void.ttl", void)
    writer.write(".well-known/void", void)
    writer.write("dcat.ttl", void)
    writer.write(
        "index.html",
        render_index(
            class_counts(graph),
            [entry for entry in index_entries if not entry[0].startswith(str(ID["instant/"]))],
            len(graph),
            release.version,
        ),
    )
    writer.write(".htaccess", _htaccess(site_url))
    removed = writer.remove_stale(["id", "vocab", "dumps", "ontology"])
    return PublishReport(len(writer.produced), writer.written, removed, release.version)


def _write_vocabularies(writer: _Writer, dataset: Dataset, release: DatasetVersion) -> None:
    vocabulary = in_memory(dataset.graph(VOCABULARY_GRAPH))
    schemes = {str(s).rsplit("/", 1)[1] for s in vocabulary.subjects(RDF.type, SKOS.ConceptScheme)}
    for scheme in sorted(schemes):
        writer.write(f"vocab/{scheme}.html", render_scheme(scheme, vocabulary, release.version))
    writer.write("vocab/vocabularies.ttl", paths.vocabularies_file().read_text(encoding="utf-8"))


def _write_ontology(writer: _Writer, release: DatasetVersion) -> None:
    from rdflib.compare import to_canonical_graph

    # canonical blank-node labels (owl:unionOf lists), so that the files are the same on every run
    ontology = _bind(Graph())
    ontology += to_canonical_graph(Graph().parse(paths.ontology_file(), format="turtle"))
    writer.write("ontology/index.html", render_ontology(ontology, release.version))
    writer.write("ontology/mig-graph.ttl", paths.ontology_file().read_text(encoding="utf-8"))
    writer.write("ontology/mig-graph.rdf", _serialise(ontology, "xml"))
    writer.write("ontology/mig-graph.jsonld", _serialise(ontology, "json-ld"))
    writer.write("ontology/mig-graph.nt", _serialise(ontology, "nt"))


def _gzip(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=0)


def _write_dumps(
    writer: _Writer, dataset: Dataset, graph: Graph, release: DatasetVersion
) -> list[Distribution]:
    """Versioned dumps with their SHA-256 sums and a download page."""
    name = f"mig-graph-{release.version}"
    quads = Dataset()
    for context in dataset.graphs():
        if context.identifier != dataset.default_graph.identifier and len(context):
            target = quads.graph(context.identifier)
            target += in_memory(context)
    nquads = sorted_lines(quads.serialize(format="nquads"))
    files = [
        (f"{name}.ttl", _serialise(graph, "turtle"), "text/turtle", "Turtle dump"),
        (f"{name}.nt.gz", _gzip(_serialise(graph, "nt")), "application/gzip", "N-Triples dump, gzipped"),
        (
            f"{name}.nq.gz",
            _gzip(nquads),
            "application/gzip",
            "N-Quads dump with a named graph per source, gzipped",
        ),
        (f"{name}.jsonld", jsonld_text(graph, "context.jsonld"), "application/ld+json", "JSON-LD dump"),
        ("context.jsonld", jsonld_context(), "application/ld+json", "JSON-LD context of the dump"),
    ]
    distributions, sums = [], []
    for file_name, content, media_type, title in files:
        path = writer.write(f"dumps/{file_name}", content)
        data = path.read_bytes()
        sums.append(f"{hashlib.sha256(data).hexdigest()}  {file_name}")
        distributions.append(Distribution(f"dumps/{file_name}", media_type, len(data), title))
    writer.write("dumps/SHA256SUMS", "\n".join(sums) + "\n")
    rows = "".join(
        f'<tr><td><a href="{posixpath.basename(d.path)}">{posixpath.basename(d.path)}</a></td>'
        f"<td>{d.media_type}</td><td>{d.byte_size}</td><td>{line.split()[0]}</td></tr>"
        for d, line in zip(distributions, sums, strict=True)
    )
    body = (
        f"<h1>Downloads, version {release.version}</h1><p>Released {release.modified}. Licence CC BY 4.0. "
        'Checksums in <a href="SHA256SUMS">SHA256SUMS</a>.</p>'
        f"<table><tr><th>file</th><th>media type</th><th>bytes</th><th>SHA-256</th></tr>{rows}</table>"
    )
    writer.write("dumps/index.html", html_page("Downloads", body, "dumps/index.html", release.version))
    return distributions


def _htaccess(site_url: str) -> str:
    """Apache rewrite rules, in the form the w3id.org repository accepts, for https://w3id.org/mig-graph/."""
    lines = [
        "# Content negotiation for https://w3id.org/mig-graph/ (place as mig-graph/.htaccess in the",
        "# w3id.org repository). Identifiers answer 303 See Other with the document in the requested format.",
        "Options +FollowSymLinks",
        "RewriteEngine on",
        "",
    ]
    for pattern, target in (("^id/(.+)$", "id/$1"), ("^ontology$", "ontology/mig-graph")):
        for extension, (_, media_type) in ENTITY_FORMATS.items():
            accept = media_type.replace("+", "\\+")
            lines.append(f"RewriteCond %{{HTTP_ACCEPT}} {accept}")
            lines.append(f"RewriteRule {pattern} {site_url}{target}.{extension} [R=303,L]")
        html_target = "id/$1.html" if pattern.startswith("^id") else "ontology/index.html"
        lines.append(f"RewriteRule {pattern} {site_url}{html_target} [R=303,L]")
        lines.append("")
    lines += [
        "RewriteRule ^vocab/([^/]+)/(.+)$ " + site_url + "vocab/$1.html#$2 [R=303,L,NE]",
        "RewriteRule ^\\.well-known/void$ " + site_url + ".well-known/void [R=302,L]",
        "RewriteRule ^(.*)$ " + site_url + "$1 [R=302,L]",
        "",
    ]
    return "\n".join(lines)
