"""The dataset as a schema.org ``Dataset`` (JSON-LD), for Google Dataset Search and other harvesters.

It is read from the VoID/DCAT description (:func:`mig_graph.publish.catalog.describe_dataset`), so
the landing page, ``void.ttl`` and ``dcat.ttl`` never disagree: the name and alternate name are
the English and French ``dcterms:title``, the description ``dcterms:description``, the licence,
version, dates, creator, keywords and coverage their DCAT counterparts, and each
``dcat:Distribution`` a ``DataDownload`` with its URL, media type and size.
``isAccessibleForFree`` is true when ``dcterms:accessRights`` is the EU authority list's
``PUBLIC``.
"""

from __future__ import annotations

from typing import Any

from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from mig_graph.publish.catalog import DATASET, PUBLIC_ACCESS

__all__ = ["SCHEMA_CONTEXT", "schema_org_dataset"]

SCHEMA_CONTEXT = "https://schema.org/"
_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
_OWL_VERSION = URIRef("http://www.w3.org/2002/07/owl#versionInfo")


def _text(graph: Graph, subject: URIRef, predicate: URIRef, language: str = "en") -> str | None:
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and value.language in {language, None}:
            return str(value)
    return None


def _required(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    value = _text(graph, subject, predicate)
    if value is None:
        raise ValueError(f"the DCAT description has no {predicate} of {subject}")
    return value


def _download(graph: Graph, node: URIRef) -> dict[str, Any]:
    media = str(graph.value(node, DCAT.mediaType))
    return {
        "@type": "DataDownload",
        "name": _required(graph, node, DCTERMS.title),
        "contentUrl": str(graph.value(node, DCAT.downloadURL)),
        "encodingFormat": media.removeprefix(_MEDIA_TYPES),
        "contentSize": f"{int(graph.value(node, DCAT.byteSize))} B",
    }


def schema_org_dataset(description: Graph, dataset: URIRef = DATASET) -> dict[str, Any]:
    """The schema.org ``Dataset`` of a VoID/DCAT description, as a JSON-LD document.

    Parameters
    ----------
    description : Graph
        A description made by :func:`~mig_graph.publish.catalog.describe_dataset`.
    dataset : URIRef
        The dataset it describes.

    Returns
    -------
    dict
        JSON-LD with ``"@context": "https://schema.org/"``; distributions in the order of their URLs.

    Raises
    ------
    ValueError
        When the description lacks a title or a description.
    """
    creator = description.value(dataset, DCTERMS.creator)
    document: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Dataset",
        "@id": str(dataset),
        "identifier": str(dataset),
        "name": _required(description, dataset, DCTERMS.title),
        "alternateName": _text(description, dataset, DCTERMS.title, "fr"),
        "description": _required(description, dataset, DCTERMS.description),
        "url": str(description.value(dataset, DCAT.landingPage)),
        "license": str(description.value(dataset, DCTERMS.license)),
        "isAccessibleForFree": description.value(dataset, DCTERMS.accessRights) == PUBLIC_ACCESS,
        "version": str(description.value(dataset, URIRef(f"{DCAT}version")) or ""),
        "datePublished": str(description.value(dataset, DCTERMS.issued)),
        "dateModified": str(description.value(dataset, DCTERMS.modified)),
        "keywords": sorted(str(k) for k in description.objects(dataset, DCAT.keyword)),
        "creator": {
            "@type": "Organization",
            "@id": str(creator),
            "name": str(description.value(creator, FOAF.name)),
            "url": str(creator),
        },
    }
    if not document["version"]:
        document["version"] = str(description.value(dataset, _OWL_VERSION))
    spatial = description.value(dataset, DCTERMS.spatial)
    if spatial is not None:
        document["spatialCoverage"] = {"@type": "Place", "name": _text(description, spatial, SKOS.prefLabel)}
    temporal = description.value(dataset, DCTERMS.temporal)
    if temporal is not None and (description.value(temporal, RDF.type) == DCTERMS.PeriodOfTime):
        start = description.value(temporal, DCAT.startDate)
        end = description.value(temporal, DCAT.endDate)
        document["temporalCoverage"] = f"{start}/{end}"
    downloads = sorted(description.objects(dataset, DCAT.distribution), key=str)
    document["distribution"] = [_download(description, node) for node in downloads]
    return {key: value for key, value in document.items() if value is not None}
