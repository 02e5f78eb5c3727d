"""Stage 8, publish: write the linked-data site (pages, per-entity RDF, dumps, VoID/DCAT, ontology docs).

Identifiers are slash IRIs answered with ``303 See Other``: ``…/id/process/midiocc`` redirects to
the document ``…/id/process/midiocc.html`` (or ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf`` by
content negotiation).  A node whose IRI extends an entity's (``…/midiocc/interval/2020-03--``)
is described on that entity's page.  Only files whose content changed are rewritten, and the
new site replaces the old one in one step (:mod:`mig_graph.publish.sitefiles`, :mod:`mig_graph.folderswap`).

The graph is read from its Oxigraph store by index lookups, one entity at a time (the dumps one
subject at a time, in :mod:`mig_graph.publish.dumps`), so a large graph is never held twice in memory.
A large graph's entities (in chunks) and dumps are written by worker processes forked from the
command, one per usable core, which inherit the store (an in-memory store can be shared no other way).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from mig_graph import paths
from mig_graph.compile.compiler import VOCABULARY_GRAPH
from mig_graph.folderswap import replaced_folder
from mig_graph.namespaces import BASE, ID, PREFIXES, bind_prefixes, compact
from mig_graph.publish import dumps
from mig_graph.publish.catalog import DatasetVersion, Distribution, dataset_version, describe_dataset
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

__all__ = ["ENTITY_FORMATS", "ENTITY_MODES", "PARALLEL_FROM", "PublishReport", "entities_of", "publish"]

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
    workers: int | None = None,
) -> PublishReport:
    """Write the whole site into ``out_dir``; return what was produced and rewritten.

    The site is written into a staging folder beside ``out_dir`` and swapped in when complete
    (:func:`mig_graph.folderswap.replaced_folder`), so ``out_dir`` always holds a whole site, old or
    new, whose ``SHA256SUMS`` match its dumps.  The graph is read from its Oxigraph store one entity
    at a time, never copied whole.  With ``entities="none"`` the entities' pages and RDF files are
    not written (``serve`` renders them from the store on request); the rest of the site is.

    With ``workers`` above 1 (default: the usable cores, for a graph of :data:`PARALLEL_FROM`
    entities or more) the entities' files and the dumps are written by that many worker processes
    forked from this one, each reading its copy of the store, while this one writes the rest; the
    files are the same, byte for byte, as one process writes.
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
        count = _workers(workers, len(described))
        with _forked_writers(count, files, store, described, nodes, labels, release) as writers:
            writers.start(entities == "static", progress)
            index_entries = _index_entries(store, described, labels)
            _write_vocabularies(files, store, dataset, release)
            _write_ontology(files, release)
            distributions, triples = writers.finish()
        pause_for_tests("publish:writing")
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


def _workers(asked: int | None, entities: int) -> int:
    """How many processes write the entities and dumps: ``asked``, else the usable cores for a large graph."""
    if asked is not None:
        return max(1, asked)
    if entities < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


PARALLEL_FROM = 2_000
"""Entities from which ``publish`` forks worker processes by default (fewer are written faster in one)."""

_CHUNK = 256  # entities a worker writes per task


@dataclass
class _Job:
    """What the forked workers read: set in the parent before they are forked, inherited by them."""

    root: Path
    previous: Path
    store: ox.Store
    entities: list[tuple[str, list[str]]]
    nodes: list[dumps.Subject]
    labels: Labels
    release: DatasetVersion


_JOB: _Job | None = None


def _entity_chunk(bounds: tuple[int, int]) -> tuple[list[str], int]:
    """Write the files of the job's entities ``bounds[0]:bounds[1]`` (in a worker); their paths and
    how many were written."""
    assert _JOB is not None
    files = SiteFiles(_JOB.root, _JOB.previous, record=True)
    for iri, dependents in _JOB.entities[bounds[0] : bounds[1]]:
        _write_entity(files, _JOB.store, _JOB.labels, iri, dependents, _JOB.release.version)
    return files.recorded, files.written


def _dump_job() -> tuple[list[Distribution], int, list[str], int]:
    """Write the dumps (in a worker): their distributions and triples, the files' paths, how many
    were written."""
    assert _JOB is not None
    files = SiteFiles(_JOB.root, _JOB.previous, record=True)
    distributions, triples = dumps.write_dumps(files, _JOB.store, _JOB.nodes, _JOB.release)
    return distributions, triples, files.recorded, files.written


def _write_entity(
    files: SiteFiles, store: ox.Store, labels: Labels, iri: str, dependents: list[str], version: str
) -> None:
    documents, _ = entity_documents(store, labels, iri, dependents, version)
    for path, text in documents.items():
        files.write(path, text)


class _Writers:
    """The entities' files and the dumps, written here (one worker) or by forked worker processes
    while this process writes the rest of the site."""

    def __init__(self, pool: Pool | None, files: SiteFiles, job: _Job) -> None:
        self.pool = pool
        self.files = files
        self.job = job
        self.chunks: Iterable[tuple[list[str], int]] = ()
        self.dumped: AsyncResult | None = None

    def start(self, entities: bool, progress: bool) -> None:
        """Begin with the dumps (the longest task), then the entities in chunks; with no worker
        process, write the entities now (the dumps at the end)."""
        count = len(self.job.entities) if entities else 0
        bounds = [(start, min(start + _CHUNK, count)) for start in range(0, count, _CHUNK)]
        if self.pool is None:
            self.chunks = map(self._chunk_here, bounds)
        else:
            self.dumped = self.pool.apply_async(_dump_job)
            self.chunks = self.pool.imap_unordered(_entity_chunk, bounds)
        if progress:
            from rich.progress import track

            self.chunks = track(self.chunks, total=len(bounds), description="entity pages", transient=True)
        if self.pool is None:
            for _ in self.chunks:
                pass

    def _chunk_here(self, bounds: tuple[int, int]) -> tuple[list[str], int]:
        job = self.job
        for iri, dependents in job.entities[bounds[0] : bounds[1]]:
            _write_entity(self.files, job.store, job.labels, iri, dependents, job.release.version)
        return [], 0

    def finish(self) -> tuple[list[Distribution], int]:
        """Wait for the workers; the dumps' distributions and the number of triples."""
        if self.pool is None:
            return dumps.write_dumps(self.files, self.job.store, self.job.nodes, self.job.release)
        for relatives, written in self.chunks:
            self.files.adopt(relatives, written)
        assert self.dumped is not None
        distributions, triples, relatives, written = self.dumped.get()
        self.files.adopt(relatives, written)
        return distributions, triples


@contextlib.contextmanager
def _forked_writers(
    workers: int,
    files: SiteFiles,
    store: ox.Store,
    entities: dict[str, list[str]],
    nodes: list[dumps.Subject],
    labels: Labels,
    release: DatasetVersion,
) -> Iterator[_Writers]:
    """Writers of the entities and dumps: ``workers`` processes forked with the job, or this one."""
    global _JOB
    job = _Job(files.root, files.previous, store, list(entities.items()), nodes, labels, release)
    if workers <= 1:
        yield _Writers(None, files, job)
        return
    _JOB = job
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield _Writers(pool, files, job)
    finally:
        _JOB = None


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
