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
from rdflib import Dataset, Graph

from mig_graph import paths
from mig_graph.compile.compiler import VOCABULARY_GRAPH
from mig_graph.folderswap import replaced_folder
from mig_graph.namespaces import BASE, ID, PREFIXES, bind_prefixes, compact
from mig_graph.publish import dumps
from mig_graph.publish.catalog import DatasetVersion, dataset_version, describe_dataset
from mig_graph.publish.describe import serialise
from mig_graph.publish.entities import entity_documents
from mig_graph.publish.htaccess import htaccess
from mig_graph.publish.labels import Labels, read_labels
from mig_graph.publish.pages import render_index
from mig_graph.publish.schema_org import schema_org_dataset
from mig_graph.publish.sitefiles import SiteFiles
from mig_graph.publish.termpages import render_ontology, render_scheme
from mig_graph.query.summary import class_counts
from mig_graph.rdf.formats import DOCUMENT_FORMATS
from mig_graph.rdf.resolution import owner
from mig_graph.rdf.terms import to_oxigraph
from mig_graph.rdf.writers import jsonld_text
from mig_graph.store import oxigraph_store
from mig_graph.testpause import pause_for_tests

__all__ = ["ENTITY_FORMATS", "ENTITY_MODES", "PublishReport", "entities_of", "publish"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SCHEME = "http://www.w3.org/2004/02/skos/core#ConceptScheme"
_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"

_TYPE = ox.NamedNode(_RDF_TYPE)
ENTITY_MODES = ("static", "none")
"""What ``publish`` does with the entities: write their pages and RDF files, or leave them to ``serve``."""

ENTITY_FORMATS: tuple[ox.RdfFormat, ...] = DOCUMENT_FORMATS
"""The formats of each entity's description beside its page (the table of :mod:`mig_graph.rdf.formats`)."""


@dataclass(frozen=True)
class PublishReport:
    """Files the run produced, how many it (re)wrote, and the dataset version."""

    files: int
    written: int
    removed: int
    version: str


def _ontology_text(graph: Graph, fmt: ox.RdfFormat) -> str:
    """The ontology's documents: JSON-LD compacted with the project's prefixes, the others by pyoxigraph."""
    if fmt == ox.RdfFormat.JSON_LD:
        return jsonld_text(graph, PREFIXES)
    ordered = sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))
    return serialise([ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in ordered], fmt)


def publish(
    dataset: Dataset,
    out_dir: Path,
    *,
    site_url: str = BASE,
    version: DatasetVersion | None = None,
    progress: bool = False,
    entities: str = "static",
) -> PublishReport:
    """Write the whole site into ``out_dir``; return what was produced and rewritten.

    The site is written into a staging folder beside ``out_dir`` and swapped in when complete
    (:func:`mig_graph.folderswap.replaced_folder`), so ``out_dir`` always holds a whole site, old or
    new, whose ``SHA256SUMS`` match its dumps.  The graph is read from its Oxigraph store one entity
    at a time, never copied whole.  With ``entities="none"`` the entities' pages and RDF files are
    not written (``serve`` renders them from the store on request); the rest of the site is.
    """
    if entities not in ENTITY_MODES:
        raise ValueError(f"entities must be one of {', '.join(ENTITY_MODES)}, not {entities!r}")
    release = version or dataset_version()
    store = oxigraph_store(dataset)
    graph = dataset.default_graph  # rdflib's view of the store, for the counts and VoID
    labels = read_labels(store)
    nodes = dumps.subjects(store)

    with replaced_folder(out_dir, "publish") as staging:
        files = SiteFiles(staging, previous=out_dir)
        described = entities_of(nodes)
        if entities == "static":
            _write_entities(files, store, described, labels, release, progress)
        index_entries = _index_entries(store, described, labels)
        pause_for_tests("publish:writing")
        _write_vocabularies(files, store, dataset, release)
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
        files.write(".htaccess", htaccess(site_url))
        stale = files.carry_over(["id", "vocab", "dumps", "ontology"])
    return PublishReport(len(files.produced), files.written, stale, release.version)


def entities_of(nodes: Iterable[ox.NamedNode | ox.BlankNode]) -> dict[str, list[str]]:
    """The graph's entities under ``id/``, each with its dependent nodes (the rule table's owners)."""
    members: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        if isinstance(node, ox.NamedNode) and node.value.startswith(str(ID)):
            entity = owner(node.value)
            members[entity]  # an entity with no statement of its own still has a page
            if entity != node.value:
                members[entity].append(node.value)
    return {entity: sorted(members[entity]) for entity in sorted(members)}


def _write_entities(
    files: SiteFiles,
    store: ox.Store,
    entities: dict[str, list[str]],
    labels: Labels,
    release: DatasetVersion,
    progress: bool,
) -> None:
    """The pages (one per language) and four RDF files of each entity."""
    iterator: Iterable[str] = entities
    if progress:
        from rich.progress import track

        iterator = track(list(entities), description="entity pages", transient=True)
    for iri in iterator:
        documents, _ = entity_documents(store, labels, iri, entities[iri], release.version)
        for path, text in documents.items():
            files.write(path, text)


def _index_entries(
    store: ox.Store, entities: dict[str, list[str]], labels: Labels
) -> list[tuple[str, str, str, str]]:
    """The index's entries: each entity's IRI, main kind, English and French labels."""
    entries = []
    for iri in entities:
        kinds = sorted(
            compact(quad.object.value)
            for quad in store.quads_for_pattern(ox.NamedNode(iri), _TYPE, None, ox.DefaultGraph())
        )
        main_kind = next((k for k in kinds if k.startswith("mg:") and k != "mg:ConsultationMechanism"), None)
        entries.append(
            (
                iri,
                sys.intern(main_kind or (kinds[0] if kinds else "resource")),  # one string per kind
                labels.of(iri, "en"),
                labels.by_language["fr"].get(iri, ""),
            )
        )
    return entries


def _write_vocabularies(files: SiteFiles, store: ox.Store, dataset: Dataset, release: DatasetVersion) -> None:
    """A page and four RDF documents per controlled list (the list and its concepts), and the file
    of all the lists."""
    from mig_graph.store import in_memory

    # a view of the named graph; dataset.graph() would add it, which a read-only store refuses
    vocabulary = in_memory(Graph(store=dataset.store, identifier=VOCABULARY_GRAPH))
    graph = ox.NamedNode(str(VOCABULARY_GRAPH))
    schemes = sorted(
        quad.subject.value
        for quad in store.quads_for_pattern(None, ox.NamedNode(_RDF_TYPE), ox.NamedNode(_SCHEME), graph)
    )
    for scheme in schemes:
        name = scheme.rsplit("/", 1)[1]
        files.write(f"vocab/{name}.html", render_scheme(name, vocabulary, release.version))
        concepts = store.quads_for_pattern(None, ox.NamedNode(_IN_SCHEME), ox.NamedNode(scheme), graph)
        members = [ox.NamedNode(scheme), *sorted((quad.subject for quad in concepts), key=lambda n: n.value)]
        triples = sorted(
            {
                ox.Triple(q.subject, q.predicate, q.object)
                for m in members
                for q in store.quads_for_pattern(m, None, None, graph)
            },
            key=lambda t: (t.subject.value, t.predicate.value, str(t.object)),
        )
        for fmt in DOCUMENT_FORMATS:
            files.write(f"vocab/{name}.{fmt.file_extension}", serialise(triples, fmt))
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
            else _ontology_text(ontology, fmt)
        )
        files.write(f"ontology/mig-graph.{fmt.file_extension}", text)
