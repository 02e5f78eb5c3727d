"""Where each IRI the graph mints is described: the one table of rules that ``serve`` and the
``.htaccess`` both read.

An IRI under the base is answered ``303 See Other`` with the document that describes it, in the
format the ``Accept`` header prefers: an entity (``id/process/midiocc``) by its own page and RDF
files; a dependent node, whose IRI extends its entity's by one of :data:`DEPENDENT_SEGMENTS`
(``id/process/midiocc/interval/2020-03--``), by its entity's documents, the page at the node's
anchor; a concept of a controlled list (``vocab/role/member``) by its list's page at the
concept's anchor and its list's RDF files; a list (``vocab/role``) by its own; the ontology
(``ontology``, a hash namespace) by its documentation and files. A path ending in a document's
extension is a document, served as it is.

>>> resolve("id/process/midiocc/interval/2020-03--").page
'id/process/midiocc.html#interval/2020-03--'
>>> resolve("id/process/midiocc").document("ttl")
'id/process/midiocc.ttl'
>>> resolve("vocab/role/member").page, resolve("vocab/role/member").document("nt")
('vocab/role.html#member', 'vocab/role.nt')
>>> resolve("id/process/midiocc.ttl") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pyoxigraph as ox

from mig_graph.namespaces import BASE
from mig_graph.rdf.formats import DOCUMENT_FORMATS, document_offers

__all__ = [
    "DEPENDENT_SEGMENTS",
    "DOCUMENT_EXTENSIONS",
    "LANGUAGES",
    "OFFERS",
    "RULES",
    "Resolution",
    "Rule",
    "is_document",
    "owner",
    "resolve",
]

DEPENDENT_SEGMENTS: tuple[str, ...] = (
    "interval",
    "count",
    "claim",
    "session",
    "objective",
    "result",
    "track",
    "conclusion",
    "phase",
    "provision",
)
"""The segments by which a dependent node's IRI extends its entity's (``…/interval/2020-03--``)."""

DEPENDENT_LEAVES: tuple[str, ...] = ("end-derivation",)
"""Dependent nodes named by one last segment (a membership's ``…/end-derivation``)."""

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""The languages of the entity pages: ``X.html`` in the first, ``X.fr.html`` in the others."""

OFFERS: tuple[tuple[str, str], ...] = (
    *((media, "html" if fmt is None else fmt.file_extension) for media, fmt in document_offers(html=True)),
    ("application/json", ox.RdfFormat.JSON_LD.file_extension),
)
"""``(media type, extension)`` of a described resource's documents, the page first; plain JSON is
answered with JSON-LD."""

DOCUMENT_EXTENSIONS: tuple[str, ...] = ("html", *(fmt.file_extension for fmt in DOCUMENT_FORMATS))

_DOCUMENT = re.compile(r"\.(?:" + "|".join(DOCUMENT_EXTENSIONS) + r")$")


@dataclass(frozen=True)
class Rule:
    """One rule: a pattern on the path below the base, and the page and the documents it names.

    Templates use ``$1``, ``$2`` for the pattern's groups (as Apache's ``RewriteRule`` does) and
    ``{ext}`` for the document's extension.
    """

    name: str
    pattern: str
    page: str
    document: str

    def expand(self, match: re.Match[str], template: str) -> str:
        """The template with the match's groups in place of ``$1``, ``$2``…"""
        return re.sub(r"\$(\d)", lambda group: match.group(int(group.group(1))), template)


_DEPENDENT = "|".join(DEPENDENT_SEGMENTS)
_LEAVES = "|".join(DEPENDENT_LEAVES)

RULES: tuple[Rule, ...] = (
    Rule(
        "dependent node", rf"^id/(.+?)/((?:{_DEPENDENT})/.+|(?:{_LEAVES}))$", "id/$1.html#$2", "id/$1.{ext}"
    ),
    Rule("entity", r"^id/(.+)$", "id/$1.html", "id/$1.{ext}"),
    Rule("concept", r"^vocab/([^/]+)/([^/]+)$", "vocab/$1.html#$2", "vocab/$1.{ext}"),
    Rule("controlled list", r"^vocab/([^/]+)$", "vocab/$1.html", "vocab/$1.{ext}"),
    Rule("ontology", r"^ontology$", "ontology/index.html", "ontology/mig-graph.{ext}"),
)
"""The rules, in the order they are tried (the first that matches decides)."""

_COMPILED = tuple((rule, re.compile(rule.pattern)) for rule in RULES)


@dataclass(frozen=True)
class Resolution:
    """What a path resolves to: its page (with the anchor of a dependent node or a concept) and the
    template of its documents."""

    rule: Rule
    page: str
    document_template: str

    def document(self, extension: str) -> str:
        """The site path of the document in ``extension`` (``html`` gives the page)."""
        if extension == "html":
            return self.page
        return self.document_template.replace("{ext}", extension)

    @property
    def described_by(self) -> str:
        """The site path of the page that describes the resource, without its anchor."""
        return self.page.partition("#")[0]


def is_document(path: str) -> bool:
    """Whether a site path names a document (by its extension) rather than a resource."""
    return _DOCUMENT.search(path) is not None


@functools.lru_cache(maxsize=1 << 16)  # a site's pages name the same IRIs again and again
def resolve(path: str) -> Resolution | None:
    """The page and documents of the resource at ``path`` (below the base), or None."""
    if is_document(path):
        return None
    for rule, pattern in _COMPILED:
        match = pattern.match(path)
        if match:
            return Resolution(rule, rule.expand(match, rule.page), rule.expand(match, rule.document))
    return None


@functools.lru_cache(maxsize=1 << 16)
def owner(iri: str) -> str:
    """The IRI whose page describes ``iri``: the entity a dependent node extends, else itself.

    >>> owner("https://w3id.org/mig-graph/id/meeting/gfmd-2007/session/2/interval/2007")
    'https://w3id.org/mig-graph/id/meeting/gfmd-2007'
    """
    if not iri.startswith(BASE):
        return iri
    resolution = resolve(iri[len(BASE) :])
    if resolution is None or resolution.rule is not RULES[0]:
        return iri
    return BASE + resolution.described_by[: -len(".html")]
