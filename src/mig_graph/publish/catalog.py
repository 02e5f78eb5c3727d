"""Describe the dataset for catalogues: VoID (statistics, partitions, dumps) and DCAT (distributions).

The dataset's version and release date are the first heading of ``data/CHANGELOG.md``.  The facts
every description shares (titles, description, creator, licence, keywords, coverage) are stated
here once: the VoID/DCAT graph holds them, and the schema.org description of the landing page
(:mod:`mig_graph.publish.schema_org`) and the citation files of a release are read from it or
from these constants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import OWL, RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from mig_graph import paths
from mig_graph.namespaces import BASE, ID, PREFIXES
from mig_graph.rdf.formats import media_type
from mig_graph.records.dates import PartialDate

__all__ = [
    "CREATOR",
    "DATASET",
    "DESCRIPTION",
    "KEYWORDS",
    "LICENCE",
    "TITLES",
    "DatasetVersion",
    "Distribution",
    "dataset_version",
    "describe_dataset",
    "temporal_coverage",
]

DATASET = URIRef(f"{BASE}dataset")
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
TITLES = {
    "en": "mig-graph: global migration governance",
    "fr": "mig-graph : gouvernance mondiale des migrations",
}
DESCRIPTION = (
    "Inter-State consultation mechanisms on migration (regional consultative processes, "
    "inter-regional forums, global processes), their members, meetings, declarations and "
    "programmes, with the source of every fact."
)
CREATOR = "mig-graph developers"
KEYWORDS = (
    "migration governance",
    "regional consultative processes",
    "inter-State consultation mechanisms",
    "international organisations",
    "memberships",
    "network analysis",
    "linked open data",
    "knowledge graph",
)
PUBLIC_ACCESS = URIRef("http://publications.europa.eu/resource/authority/access-right/PUBLIC")
"""The EU access-rights authority list's ``PUBLIC`` (DCAT-AP): anyone may download the dataset, free."""
SPATIAL = {"en": "World", "fr": "Monde"}
"""The area covered: the mechanisms of every world region and their member states."""
VOCABULARIES = (
    "https://w3id.org/mig-graph/ontology#",
    "http://www.w3.org/ns/org#",
    "http://www.w3.org/2006/time#",
    "http://www.w3.org/ns/prov#",
    "http://www.w3.org/2004/02/skos/core#",
    "http://purl.org/dc/terms/",
    "https://schema.org/",
    "http://xmlns.com/foaf/0.1/",
)
_DUMP_MEDIA_TYPES = {
    *(media_type(fmt) for fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.JSON_LD)),
    "application/gzip",  # the gzipped N-Triples and N-Quads
}
EXAMPLES = ("process/midiocc", "meeting/lima-ministerial-2006", "state/MAR")
_HEADING = re.compile(r"^##\s+(\d+\.\d+\.\d+)\s+—\s+(\d{4}-\d{2}-\d{2})", re.MULTILINE)


@dataclass(frozen=True)
class DatasetVersion:
    """The release: version and date, from the data changelog (the first is the newest)."""

    version: str
    issued: str
    modified: str


@dataclass(frozen=True)
class Distribution:
    """One published file: its site-relative path, media type and size in bytes."""

    path: str
    media_type: str
    byte_size: int
    title: str


def dataset_version(changelog: Path | None = None) -> DatasetVersion:
    """Version and dates from ``data/CHANGELOG.md``."""
    text = (changelog or paths.data_dir() / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = _HEADING.findall(text)
    if not releases:
        raise ValueError("data/CHANGELOG.md has no '## X.Y.Z — YYYY-MM-DD' heading")
    return DatasetVersion(version=releases[0][0], issued=releases[-1][1], modified=releases[0][1])


_STATISTICS = """
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
       (COUNT(DISTINCT ?o) AS ?objects)
WHERE { ?s ?p ?o }
"""
_ENTITIES = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), ?base)) }"
_CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"
_PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p"
_DATES = """
PREFIX time: <http://www.w3.org/2006/time#>
SELECT DISTINCT ?date WHERE { ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?date }
"""


def temporal_coverage(graph: Graph) -> tuple[str, str] | None:
    """The first and the last date the graph records, each of its own precision (``1945``,
    ``2026-05``); ``None`` for a graph without dates.

    >>> from rdflib import Namespace
    >>> TIME = Namespace("http://www.w3.org/2006/time#")
    >>> graph = Graph()
    >>> _ = graph.add((URIRef("https://example.org/a"), TIME.inXSDgYear, Literal("1996", datatype=XSD.gYear)))
    >>> day = Literal("2019-08-26", datatype=XSD.date)
    >>> _ = graph.add((URIRef("https://example.org/b"), TIME.inXSDDate, day))
    >>> temporal_coverage(graph)
    ('1996', '2019-08-26')
    """
    dates = sorted({str(row[0]) for row in graph.query(_DATES)})
    if not dates:
        return None
    first = min(dates, key=lambda date: (PartialDate(date).earliest, date))
    last = max(dates, key=lambda date: (PartialDate(date).latest, date))
    return first, last


def _number(value) -> Literal:
    return Literal(int(str(value)), datatype=XSD.integer)


def describe_dataset(
    graph: Graph,
    distributions: list[Distribution],
    *,
    site_url: str = BASE,
    version: DatasetVersion | None = None,
) -> Graph:
    """VoID and DCAT description of ``graph`` and its published files.

    Parameters
    ----------
    graph : Graph
        The published graph (the union of the sources), for its statistics and partitions.
    distributions : list of Distribution
        The published dumps.
    site_url : str
        Where the site is published.
    version : DatasetVersion, optional
        The release; by default the newest of the data changelog.

    Returns
    -------
    Graph
        The description.
    """
    release = version or dataset_version()
    description = Graph()
    for prefix, namespace in {**PREFIXES, "void": str(VOID), "dcat": str(DCAT)}.items():
        description.bind(prefix, namespace)
    dataset = DATASET
    _describe_release(description, dataset, release, site_url)
    _add_coverage(description, dataset, graph)
    _add_statistics(description, dataset, graph)
    _add_distributions(description, dataset, distributions, site_url)
    return description


def _describe_release(description: Graph, dataset: URIRef, release: DatasetVersion, site_url: str) -> None:
    """The dataset's titles, licence, publisher, dates, version, identifiers and vocabularies."""
    description.add((dataset, RDF.type, VOID.Dataset))
    description.add((dataset, RDF.type, DCAT.Dataset))
    for language, title in TITLES.items():
        description.add((dataset, DCTERMS.title, Literal(title, lang=language)))
    description.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    description.add((dataset, DCTERMS.license, LICENCE))
    description.add((dataset, DCTERMS.publisher, URIRef(f"{BASE}")))
    description.add((URIRef(f"{BASE}"), RDF.type, FOAF.Organization))
    description.add((URIRef(f"{BASE}"), FOAF.name, Literal(CREATOR)))
    description.add((dataset, DCTERMS.creator, URIRef(f"{BASE}")))
    description.add((dataset, DCTERMS.accessRights, PUBLIC_ACCESS))
    for keyword in KEYWORDS:
        description.add((dataset, DCAT.keyword, Literal(keyword, lang="en")))
    description.add((dataset, DCTERMS.issued, Literal(release.issued, datatype=XSD.date)))
    description.add((dataset, DCTERMS.modified, Literal(release.modified, datatype=XSD.date)))
    description.add((dataset, OWL.versionInfo, Literal(release.version)))
    description.add((dataset, URIRef(f"{DCAT}version"), Literal(release.version)))  # DCAT 3
    description.add((dataset, VOID.uriSpace, Literal(str(ID))))
    description.add((dataset, VOID.sparqlEndpoint, URIRef(f"{site_url}sparql")))
    description.add((dataset, DCAT.landingPage, URIRef(site_url)))
    for vocabulary in VOCABULARIES:
        description.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for example in EXAMPLES:
        description.add((dataset, VOID.exampleResource, ID[example]))


def _add_coverage(description: Graph, dataset: URIRef, graph: Graph) -> None:
    """The area covered, and the period from the first to the last date the graph records."""
    spatial = URIRef(f"{BASE}dataset/spatial")
    description.add((dataset, DCTERMS.spatial, spatial))
    description.add((spatial, RDF.type, DCTERMS.Location))
    for language, name in SPATIAL.items():
        description.add((spatial, SKOS.prefLabel, Literal(name, lang=language)))
    period = temporal_coverage(graph)
    if period is None:
        return
    temporal = URIRef(f"{BASE}dataset/temporal")
    description.add((dataset, DCTERMS.temporal, temporal))
    description.add((temporal, RDF.type, DCTERMS.PeriodOfTime))
    for predicate, date in zip((DCAT.startDate, DCAT.endDate), period, strict=True):
        description.add((temporal, predicate, Literal(date, datatype=PartialDate(date).datatype)))


def _add_statistics(description: Graph, dataset: URIRef, graph: Graph) -> None:
    """VoID statistics of the graph: sizes, then a partition per class and per property."""
    (statistics,) = graph.query(_STATISTICS)
    description.add((dataset, VOID.triples, _number(statistics[0])))
    description.add((dataset, VOID.distinctSubjects, _number(statistics[1])))
    description.add((dataset, VOID.properties, _number(statistics[2])))
    description.add((dataset, VOID.distinctObjects, _number(statistics[3])))
    (entities,) = graph.query(_ENTITIES.replace("?base", f'"{ID}"'))
    description.add((dataset, VOID.entities, _number(entities[0])))
    classes = list(graph.query(_CLASSES))
    description.add((dataset, VOID.classes, _number(len(classes))))
    for cls, count in classes:
        partition = URIRef(f"{BASE}dataset/class/{_local(cls)}")
        description.add((dataset, VOID.classPartition, partition))
        description.add((partition, VOID["class"], cls))
        description.add((partition, VOID.entities, _number(count)))
    for prop, count in graph.query(_PROPERTIES):
        partition = URIRef(f"{BASE}dataset/property/{_local(prop)}")
        description.add((dataset, VOID.propertyPartition, partition))
        description.add((partition, VOID.property, prop))
        description.add((partition, VOID.triples, _number(count)))


def _add_distributions(
    description: Graph, dataset: URIRef, distributions: list[Distribution], site_url: str
) -> None:
    """A DCAT distribution per published file, the dumps also as VoID data dumps."""
    for distribution in distributions:
        url = URIRef(site_url + distribution.path)
        node = URIRef(f"{BASE}dataset/distribution/{distribution.path.rsplit('/', 1)[-1]}")
        description.add((dataset, DCAT.distribution, node))
        description.add((node, RDF.type, DCAT.Distribution))
        description.add((node, DCTERMS.title, Literal(distribution.title, lang="en")))
        description.add((node, DCAT.downloadURL, url))
        description.add(
            (
                node,
                DCAT.mediaType,
                URIRef(f"https://www.iana.org/assignments/media-types/{distribution.media_type}"),
            )
        )
        description.add(
            (node, DCAT.byteSize, Literal(distribution.byte_size, datatype=XSD.nonNegativeInteger))
        )
        description.add((node, DCTERMS.license, LICENCE))
        if distribution.media_type in _DUMP_MEDIA_TYPES:
            description.add((dataset, VOID.dataDump, url))


def _local(iri) -> str:
    """A readable, path-safe name for a class or property partition."""
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace):
            return f"{prefix}-{text[len(namespace) :]}"
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
