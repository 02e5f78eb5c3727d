"""The landing page's schema.org Dataset: parsed with rdflib, checked against the properties Google
Dataset Search requires and recommends, and equal to the VoID/DCAT facts it is built from."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from mig_graph.publish.catalog import dataset_version
from mig_graph.publish.site import publish

SCHEMA = Namespace("https://schema.org/")
DATASET = URIRef("https://w3id.org/mig-graph/dataset")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
REQUIRED = ("name", "description")
"""Google's required Dataset properties."""
RECOMMENDED_GIVEN = (
    "alternateName",
    "creator",
    "distribution",
    "identifier",
    "isAccessibleForFree",
    "keywords",
    "license",
    "spatialCoverage",
    "temporalCoverage",
    "url",
    "version",
)
"""Google's recommended Dataset properties this dataset states (it has no DOI yet for ``sameAs``, no
funder, no publication to give as ``citation``)."""


class _JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.documents: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._inside:
            self.documents.append("")

    def handle_endtag(self, tag):
        self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.documents[-1] += data


@pytest.fixture(scope="module")
def site(tmp_path_factory, store) -> Path:
    out = tmp_path_factory.mktemp("site")
    publish(store, out)
    return out


@pytest.fixture(scope="module")
def landing(site) -> dict:
    parser = _JsonLd()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    (document,) = parser.documents
    return json.loads(document)


@pytest.fixture(scope="module")
def parsed(landing) -> Graph:
    """The JSON-LD read by rdflib; schema.org's context (a remote document) given as its vocabulary."""
    assert landing["@context"] == "https://schema.org/"
    local = {**landing, "@context": {"@vocab": "https://schema.org/"}}
    return Graph().parse(data=json.dumps(local), format="json-ld")


def test_the_landing_page_has_every_required_and_recommended_property(parsed):
    assert (DATASET, RDF.type, SCHEMA.Dataset) in parsed
    for name in (*REQUIRED, *RECOMMENDED_GIVEN):
        assert parsed.value(DATASET, SCHEMA[name]) is not None, name
    description = str(parsed.value(DATASET, SCHEMA.description))
    assert 50 <= len(description) <= 5000  # Google's bounds
    for download in parsed.objects(DATASET, SCHEMA.distribution):
        assert parsed.value(download, RDF.type) == SCHEMA.DataDownload
        assert parsed.value(download, SCHEMA.contentUrl) is not None
        assert parsed.value(download, SCHEMA.encodingFormat) is not None


def test_its_values_are_the_facts_of_void_and_dcat(landing, site):
    version = dataset_version()
    dcat = Graph().parse(site / "dcat.ttl")
    assert landing["name"] == "mig-graph: global migration governance"
    assert landing["alternateName"] == "mig-graph : gouvernance mondiale des migrations"
    assert landing["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert landing["isAccessibleForFree"] is True
    assert landing["version"] == version.version
    assert (landing["datePublished"], landing["dateModified"]) == (version.issued, version.modified)
    assert landing["creator"] == {
        "@id": "https://w3id.org/mig-graph/",
        "@type": "Organization",
        "name": "mig-graph developers",
        "url": "https://w3id.org/mig-graph/",
    }
    assert landing["spatialCoverage"] == {"@type": "Place", "name": "World"}
    temporal = dcat.value(DATASET, URIRef("http://purl.org/dc/terms/temporal"))
    start, end = dcat.value(temporal, DCAT.startDate), dcat.value(temporal, DCAT.endDate)
    assert landing["temporalCoverage"] == f"{start}/{end}"
    assert sorted(landing["keywords"]) == sorted(str(k) for k in dcat.objects(DATASET, DCAT.keyword))
    dumps = {
        download["contentUrl"].rsplit("/", 1)[1]: (download["encodingFormat"], download["contentSize"])
        for download in landing["distribution"]
    }
    name = f"mig-graph-{version.version}"
    assert dumps == {
        file: (media, f"{(site / 'dumps' / file).stat().st_size} B")
        for file, media in {
            f"{name}.ttl": "text/turtle",
            f"{name}.nt.gz": "application/gzip",
            f"{name}.nq.gz": "application/gzip",
            f"{name}.jsonld": "application/ld+json",
            "context.jsonld": "application/ld+json",
        }.items()
    }


def test_the_period_is_the_first_and_last_date_of_the_graph(site):
    """The seeds' first date is IOM's founding year (1951, MiDIOCC's seed), the last the date of IOM's
    press release on the 2024 International Dialogue on Migration (2024-11-25); each keeps its precision."""
    dcat = Graph().parse(site / "dcat.ttl")
    temporal = dcat.value(DATASET, URIRef("http://purl.org/dc/terms/temporal"))
    start = dcat.value(temporal, DCAT.startDate)
    end = dcat.value(temporal, DCAT.endDate)
    assert isinstance(start, Literal)
    assert (start.n3(), end.n3()) == (
        '"1951"^^<http://www.w3.org/2001/XMLSchema#gYear>',
        '"2024-11-25"^^<http://www.w3.org/2001/XMLSchema#date>',
    )
