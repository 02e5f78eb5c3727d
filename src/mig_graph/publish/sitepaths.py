"""Where a page is and how one page links to another: site paths of IRIs, relative addresses.

The site links its pages with relative addresses, so that it works from any static host and from
the file system; where an IRI is described comes from the rule table of
:mod:`mig_graph.rdf.resolution`, which dereferencing reads too.
"""

from __future__ import annotations

import functools

from mig_graph.namespaces import BASE, MG
from mig_graph.rdf.resolution import LANGUAGES, resolve

__all__ = ["page_of", "relative_link"]


@functools.lru_cache(maxsize=1 << 16)  # the pages of one entity name the same IRIs in both languages
def page_of(iri: str, language: str = "en") -> str | None:
    """The site path of the page that describes ``iri`` (with the anchor of a dependent node or a
    concept), in ``language`` for the entity pages, or None if it is not ours.

    >>> page_of("https://w3id.org/mig-graph/id/process/midiocc/interval/2020-03--", "fr")
    'id/process/midiocc.fr.html#interval/2020-03--'
    >>> page_of("https://w3id.org/mig-graph/ontology#State")
    'ontology/index.html#State'
    """
    if iri.startswith(str(MG._NS)):
        return f"ontology/index.html#{iri[len(str(MG._NS)) :]}"
    if not iri.startswith(BASE):
        return None
    resolution = resolve(iri[len(BASE) :])
    if resolution is None:
        return None
    page = resolution.page
    if language != LANGUAGES[0] and page.startswith("id/"):
        path, _, anchor = page.partition("#")
        page = path[: -len(".html")] + f".{language}.html" + (f"#{anchor}" if anchor else "")
    return page


@functools.lru_cache(maxsize=1 << 16)
def relative_link(from_path: str, to_path: str) -> str:
    """The address of a site path from a page's, relative (the site works from any folder).

    >>> relative_link("id/state/FRA.html", "ontology/index.html#State")
    '../../ontology/index.html#State'
    >>> relative_link("id/state/FRA.html", "id/state/FRA.html#interval/1")
    '#interval/1'
    """
    target, _, anchor = to_path.partition("#")
    if target == from_path and anchor:
        return f"#{anchor}"
    start = [part for part in from_path.split("/")[:-1] if part]
    path = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(start), len(path)) and start[common] == path[common]:
        common += 1
    relative = "/".join([".."] * (len(start) - common) + path[common:]) or "."
    return relative + (f"#{anchor}" if anchor else "")
