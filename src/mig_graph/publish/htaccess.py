"""The ``.htaccess`` of the site: Apache rewrite rules, in the form the w3id.org repository accepts,
written from the rule table of :mod:`mig_graph.rdf.resolution` that ``serve`` reads too.

Each rule answers ``303 See Other`` with the document the ``Accept`` header asks for: one
``RewriteCond`` per media type (Apache matches the header as a text, so a client listing several
types gets the first in the table's order, where ``serve`` weighs their ``q`` values), the page
otherwise. A path ending in a document's extension is redirected to the site as it is.
"""

from __future__ import annotations

import re

from mig_graph.rdf.resolution import DOCUMENT_EXTENSIONS, OFFERS, RULES

__all__ = ["htaccess"]


def htaccess(site_url: str) -> str:
    """The rules for ``https://w3id.org/mig-graph/``, redirecting to the site at ``site_url``.

    >>> print(htaccess("https://example.org/site/").splitlines()[6])
    RewriteRule ^(.+\\.(?:html|ttl|jsonld|nt|rdf))$ https://example.org/site/$1 [R=302,L]
    """
    lines = [
        "# Content negotiation for https://w3id.org/mig-graph/ (place as mig-graph/.htaccess in the",
        "# w3id.org repository). Identifiers answer 303 See Other with the document in the requested format.",
        "Options +FollowSymLinks",
        "RewriteEngine on",
        "",
        "# documents, as they are",
        f"RewriteRule ^(.+\\.(?:{'|'.join(DOCUMENT_EXTENSIONS)}))$ {site_url}$1 [R=302,L]",
        "",
    ]
    by_extension: dict[str, list[str]] = {}
    for media, extension in OFFERS:
        if extension != "html":
            by_extension.setdefault(extension, []).append(media)
    for rule in RULES:
        lines.append(f"# {rule.name}")
        for extension, media_types in by_extension.items():
            for position, media in enumerate(media_types):
                last = position == len(media_types) - 1
                lines.append(f"RewriteCond %{{HTTP_ACCEPT}} {re.escape(media)}" + ("" if last else " [OR]"))
            target = rule.document.replace("{ext}", extension)
            lines.append(f"RewriteRule {rule.pattern} {site_url}{target} [R=303,L,NE]")
        lines.append(f"RewriteRule {rule.pattern} {site_url}{rule.page} [R=303,L,NE]")
        lines.append("")
    lines += [
        "RewriteRule ^\\.well-known/void$ " + site_url + ".well-known/void [R=302,L]",
        "RewriteRule ^(.*)$ " + site_url + "$1 [R=302,L]",
        "",
    ]
    return "\n".join(lines)
