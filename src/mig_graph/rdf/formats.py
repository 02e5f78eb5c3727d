"""The one table of formats: RDF files read, documents published and offered, SPARQL results answered.

Built on pyoxigraph's :class:`~pyoxigraph.RdfFormat` and :class:`~pyoxigraph.QueryResultsFormat`,
which know each format's file extension, media type and format IRI; the store, the site, the
``.htaccess`` rules, dereferencing and the endpoint all read their formats here.

>>> [document.file_extension for document in DOCUMENT_FORMATS]
['ttl', 'jsonld', 'nt', 'rdf']
>>> media_type(ox.QueryResultsFormat.CSV)
'text/csv'
"""

from __future__ import annotations

import pyoxigraph as ox

__all__ = [
    "DOCUMENT_FORMATS",
    "HTML_MEDIA_TYPE",
    "RDF_FORMATS",
    "RESULTS_FORMATS",
    "document_offers",
    "format_iri",
    "media_type",
    "results_offers",
]

Format = ox.RdfFormat | ox.QueryResultsFormat

HTML_MEDIA_TYPE = "text/html"
"""The media type of the site's pages and the endpoint's query page."""

DOCUMENT_FORMATS: tuple[ox.RdfFormat, ...] = (
    ox.RdfFormat.TURTLE,
    ox.RdfFormat.JSON_LD,
    ox.RdfFormat.N_TRIPLES,
    ox.RdfFormat.RDF_XML,
)
"""The formats of a published description (an entity's, the ontology's, a CONSTRUCT's result), in the
order they are offered: the first is preferred when an ``Accept`` header ranks several equally."""

RESULTS_FORMATS: tuple[ox.QueryResultsFormat, ...] = (
    ox.QueryResultsFormat.JSON,
    ox.QueryResultsFormat.XML,
    ox.QueryResultsFormat.CSV,
    ox.QueryResultsFormat.TSV,
)
"""The formats of SELECT and ASK results, in the order they are offered."""

_RESULTS_ALIASES = ("application/json", "application/xml", "text/xml")
"""Generic media types a client may ask results in (answered in JSON or XML, under that type)."""

_READ_EXTENSIONS = ("ttl", "nt", "nq", "trig", "rdf", "owl", "xml", "jsonld")

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    f".{extension}": ox.RdfFormat.from_extension("rdf" if extension == "owl" else extension)
    for extension in _READ_EXTENSIONS
}
"""The RDF files the project reads, by extension (``.owl`` and ``.xml`` are RDF/XML)."""

_W3C_FORMAT_IRIS = {ox.RdfFormat.JSON_LD: "http://www.w3.org/ns/formats/JSON-LD"}
"""Where pyoxigraph's format IRI is not the one of the W3C's list of formats (``ns/formats/``)."""


def media_type(fmt: Format) -> str:
    """The bare media type of a format, without parameters.

    >>> media_type(ox.RdfFormat.TURTLE)
    'text/turtle'
    """
    return fmt.media_type.split(";")[0].strip()


def format_iri(fmt: Format) -> str:
    """The format's IRI in the W3C's list of formats, as a service description names it.

    >>> format_iri(ox.RdfFormat.JSON_LD)
    'http://www.w3.org/ns/formats/JSON-LD'
    >>> format_iri(ox.QueryResultsFormat.JSON)
    'http://www.w3.org/ns/formats/SPARQL_Results_JSON'
    """
    return _W3C_FORMAT_IRIS.get(fmt, fmt.iri)  # type: ignore[call-overload]


def document_offers(*, html: bool = False) -> tuple[tuple[str, ox.RdfFormat | None], ...]:
    """``(media type, format)`` offers of a description for :func:`mig_graph.rdf.negotiation.negotiate`;
    with ``html``, the HTML page first, as ``(text/html, None)``.

    >>> [media for media, _ in document_offers(html=True)][:2]
    ['text/html', 'text/turtle']
    """
    offers = tuple((media_type(fmt), fmt) for fmt in DOCUMENT_FORMATS)
    return ((HTML_MEDIA_TYPE, None), *offers) if html else offers


def results_offers() -> tuple[tuple[str, ox.QueryResultsFormat], ...]:
    """``(media type, format)`` offers of SELECT and ASK results, the generic JSON and XML types last.

    >>> results_offers()[-1][0]
    'text/xml'
    """
    offers = tuple((media_type(fmt), fmt) for fmt in RESULTS_FORMATS)
    aliases = tuple((alias, ox.QueryResultsFormat.from_media_type(alias)) for alias in _RESULTS_ALIASES)
    return offers + aliases  # type: ignore[return-value]
