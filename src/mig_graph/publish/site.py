"""Stage 8, publish: write the linked-data site (pages, per-entity RDF, dumps, VoID/DCAT, ontology docs).

Identifiers are slash IRIs answered with ``303 See Other``: ``…/id/process/midiocc`` redirects to
the document ``…/id/process/midiocc.html`` (or ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf`` by
content negotiation).  A node whose IRI extends an entity's (``…/midiocc/interval/2020-03--``)
is described on that entity's page.  Only files whose content changed are rewritten, and the
new site replaces the old one in one step (:mod:`mig_graph.publish.sitefiles`, :mod:`mig_graph.folderswap`).

The graph is read from its Oxigraph store by index lookups, one entity at a time (the dumps one
subject at a time, in :mod:`mig_graph.publish.dumps`), so a large graph is never held twice in memory.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, URIRef
from rdflib.term import Node

from mig_graph import paths
from mig_graph.compile.compiler import VOCABULARY_GRAPH
from mig_graph.folderswap import replaced_folder
from mig_graph.namespaces import BASE, ID, MG, PREFIXES, bind_prefixes, compact
from mig_graph.publish import dumps
from mig_graph.publish.catalog import DatasetVersion, dataset_version, describe_dataset
from mig_graph.publish.pages import (
    EntityView,
    Labels,
    page_path,
    render_entity,
    render_index,
)
from mig_graph.publish.schema_org import schema_org_dataset
from mig_graph.publish.sitefiles import SiteFiles
from mig_graph.publish.termpages import render_ontology, render_scheme
from mig_graph.query.summary import class_counts
from mig_graph.rdf.formats import DOCUMENT_FORMATS, media_type
from mig_graph.rdf.terms import from_oxigraph, to_oxigraph
from mig_graph.rdf.writers import jsonld_text, sorted_lines
from mig_graph.store import in_memory, oxigraph_store
from mig_graph.testpause import pause_for_tests

__all__ = ["ENTITY_FORMATS", "PublishReport", "publish"]

ENTITY_FORMATS: tuple[ox.RdfFormat, ...] = DOCUMENT_FORMATS
"""The formats of each entity's description beside its page (the table of :mod:`mig_graph.rdf.formats`)."""
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


def _serialise(graph: Graph, fmt: ox.RdfFormat) -> str:
    """Deterministic text of a graph: rdflib's Turtle, sorted N-Triples, sorted JSON-LD, sorted RDF/XML."""
    if fmt == ox.RdfFormat.JSON_LD:
        return jsonld_text(graph, PREFIXES)
    if fmt == ox.RdfFormat.RDF_XML:
        ordered = sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))
        prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix}
        data = ox.serialize(
            [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in ordered],
            format=ox.RdfFormat.RDF_XML,
            prefixes=prefixes,
        )
        return data.decode("utf-8")
    if fmt == ox.RdfFormat.N_TRIPLES:
        return sorted_lines(graph.serialize(format="nt"))
    return graph.serialize(format="turtle")


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


def _describe(store: ox.Store, subjects: list[str]) -> tuple[Graph, dict[tuple[Node, Node, Node], list[str]]]:
    """An entity's triples (its own and its dependent nodes'), and the sources that state each."""
    description = bind_prefixes(Graph())
    sources: dict[tuple[Node, Node, Node], list[str]] = defaultdict(list)
    for subject in subjects:
        node = URIRef(subject)
        for quad in store.quads_for_pattern(ox.NamedNode(subject), None, None, None):
            triple = (node, from_oxigraph(quad.predicate), from_oxigraph(quad.object))
            if isinstance(quad.graph_name, ox.DefaultGraph):
                description.add(triple)
            elif quad.graph_name.value != str(VOCABULARY_GRAPH):
                sources[triple].append(quad.graph_name.value)
    return description, sources


def _incoming(graph: Graph, iri: str, labels: Labels) -> list[tuple[str, str, str]]:
    """Links to an entity from other entities' nodes (or from outside ``id/``), with their reading."""
    links = set()
    for subject, predicate in graph.subject_predicates(URIRef(iri)):
        owner = labels.owners.get(str(subject))
        if owner != iri and predicate != RDF.type:
            links.add((str(predicate), owner or str(subject), _summary(graph, subject, labels)))
    return sorted(links)


def publish(
    dataset: Dataset,
    out_dir: Path,
    *,
    site_url: str = BASE,
    version: DatasetVersion | None = None,
    progress: bool = False,
) -> PublishReport:
    """Write the whole site into ``out_dir``; return what was produced and rewritten.

    The site is written into a staging folder beside ``out_dir`` and swapped in when complete
    (:func:`mig_graph.folderswap.replaced_folder`), so ``out_dir`` always holds a whole site, old or
    new, whose ``SHA256SUMS`` match its dumps.  The graph is read from its Oxigraph store one entity
    at a time, never copied whole.
    """
    release = version or dataset_version()
    store = oxigraph_store(dataset)
    graph = dataset.default_graph  # rdflib's view of the store, for lookups
    labels = _labels(graph)
    term_labels = _labels(Graph().parse(paths.ontology_file(), format="turtle"))
    labels.english.update(term_labels.english)
    labels.french.update(term_labels.french)
    nodes = dumps.subjects(store)
    labels.owners = _owners(
        {node.value for node in nodes if isinstance(node, ox.NamedNode) and node.value.startswith(str(ID))}
    )

    with replaced_folder(out_dir, "publish") as staging:
        files = SiteFiles(staging, previous=out_dir)
        index_entries = _write_entities(files, store, graph, labels, release, progress)
        pause_for_tests("publish:writing")
        _write_vocabularies(files, dataset, release)
        _write_ontology(files, release)
        distributions, triples = dumps.write_dumps(files, store, nodes, release)
        description = describe_dataset(graph, distributions, site_url=site_url, version=release)
        void = description.serialize(format="turtle")
        files.write("void.ttl", void)
        files.write(".well-known/void", void)
        files.write("dcat.ttl", void)
        listed = [entry for entry in index_entries if not entry[0].startswith(str(ID["instant/"]))]
        pieces = render_index(
            class_counts(graph), listed, triples, release.version, schema_org_dataset(description)
        )
        files.write_stream(
            "index.html", lambda out: out.writelines(piece.encode("utf-8") for piece in pieces)
        )
        files.write(".htaccess", _htaccess(site_url))
        stale = files.carry_over(["id", "vocab", "dumps", "ontology"])
    return PublishReport(len(files.produced), files.written, stale, release.version)


def _write_entities(
    files: SiteFiles, store: ox.Store, graph: Graph, labels: Labels, release: DatasetVersion, progress: bool
) -> list[tuple[str, str, str, str]]:
    """One page and four RDF files per entity; return the index entries (IRI, kind, labels)."""
    members: dict[str, list[str]] = defaultdict(list)
    for subject in sorted(labels.owners):
        members[labels.owners[subject]].append(subject)
    entities = sorted(members)
    iterator: Iterable[str] = entities
    if progress:
        from rich.progress import track

        iterator = track(entities, description="entity pages", transient=True)
    index_entries = []
    for iri in iterator:
        description, sources = _describe(store, members[iri])
        kinds = sorted(compact(str(k)) for k in description.objects(URIRef(iri), RDF.type))
        page = page_path(iri)
        assert page is not None
        stem = page[: -len(".html")]
        jsonld = _serialise(description, ox.RdfFormat.JSON_LD)
        view = EntityView(iri, description, sources, _incoming(graph, iri, labels), kinds, release.version)
        files.write(page, render_entity(view, labels, jsonld))
        for fmt in ENTITY_FORMATS:
            text = jsonld if fmt == ox.RdfFormat.JSON_LD else _serialise(description, fmt)
            files.write(f"{stem}.{fmt.file_extension}", text)
        main_kind = next((k for k in kinds if k.startswith("mg:") and k != "mg:ConsultationMechanism"), None)
        index_entries.append(
            (
                iri,
                sys.intern(main_kind or (kinds[0] if kinds else "resource")),  # one string per kind
                labels.of(iri),
                labels.french.get(iri, ""),
            )
        )
    return index_entries


def _write_vocabularies(files: SiteFiles, dataset: Dataset, release: DatasetVersion) -> None:
    # a view of the named graph; dataset.graph() would add it, which a read-only store refuses
    vocabulary = in_memory(Graph(store=dataset.store, identifier=VOCABULARY_GRAPH))
    schemes = {str(s).rsplit("/", 1)[1] for s in vocabulary.subjects(RDF.type, SKOS.ConceptScheme)}
    for scheme in sorted(schemes):
        files.write(f"vocab/{scheme}.html", render_scheme(scheme, vocabulary, release.version))
    files.write("vocab/vocabularies.ttl", paths.vocabularies_file().read_text(encoding="utf-8"))


def _write_ontology(files: SiteFiles, release: DatasetVersion) -> None:
    from rdflib.compare import to_canonical_graph

    # canonical blank-node labels (owl:unionOf lists), so that the files are the same on every run
    ontology = bind_prefixes(Graph())
    ontology += to_canonical_graph(Graph().parse(paths.ontology_file(), format="turtle"))
    files.write("ontology/index.html", render_ontology(ontology, release.version))
    for fmt in ENTITY_FORMATS:
        text = (
            paths.ontology_file().read_text(encoding="utf-8")  # the curated file itself, comments and all
            if fmt == ox.RdfFormat.TURTLE
            else _serialise(ontology, fmt)
        )
        files.write(f"ontology/mig-graph.{fmt.file_extension}", text)


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
        for fmt in ENTITY_FORMATS:
            accept = media_type(fmt).replace("+", "\\+")
            lines.append(f"RewriteCond %{{HTTP_ACCEPT}} {accept}")
            lines.append(f"RewriteRule {pattern} {site_url}{target}.{fmt.file_extension} [R=303,L]")
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
