"""HTML pages of the published site: one per entity, the index, the vocabularies and the ontology.

Pages are self-contained (inline CSS and JavaScript, no external resource) and link to each other
with relative addresses, so the site works from any static host and from the file system.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html import escape

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from mig_graph.namespaces import BASE, ID, MG, ONTOLOGY_IRI, VOCAB, compact

__all__ = [
    "EntityView",
    "Labels",
    "html_page",
    "page_path",
    "render_entity",
    "render_index",
    "render_ontology",
    "render_scheme",
]

PRECISION = {
    "http://www.w3.org/2006/time#unitYear": "year",
    "http://www.w3.org/2006/time#unitMonth": "month",
    "http://www.w3.org/2006/time#unitDay": "day",
}
INVERSE = {
    "http://www.w3.org/ns/org#member": "is member in",
    "http://www.w3.org/ns/org#organization": "has membership",
    "https://w3id.org/mig-graph/ontology#participant": "takes part in",
    "https://w3id.org/mig-graph/ontology#inEvent": "has participant",
    "https://w3id.org/mig-graph/ontology#signatory": "signs",
    "https://w3id.org/mig-graph/ontology#signedDocument": "is signed in",
    "https://w3id.org/mig-graph/ontology#holder": "holds",
    "https://w3id.org/mig-graph/ontology#heldPost": "is held in",
    "http://www.w3.org/ns/prov#wasDerivedFrom": "is the source of",
    "https://schema.org/superEvent": "has event",
}

STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f23;background:#fafafa}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid #ddd;padding-top:.5rem}
header a{color:#1b1f23;text-decoration:none;font-weight:600}
h1{font-size:1.7rem;margin:.8rem 0 .2rem}.fr{color:#555;font-style:italic;margin:0}
table{border-collapse:collapse;width:100%;margin:1rem 0;background:#fff}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f3f6}
.kind{display:inline-block;background:#e6eefb;border-radius:.3rem;padding:0 .4rem;margin:.1rem}
.src{font-size:.85em}.muted{color:#666}footer{color:#666;font-size:.85em;padding:1rem}
input[type=search]{font:inherit;padding:.3rem;width:100%;max-width:30rem}
"""


def page_path(iri: str) -> str | None:
    """The site path of an IRI's HTML page (``id/process/midiocc.html``), or None if not ours."""
    for base in (str(ID), str(VOCAB)):
        if iri.startswith(base):
            rest = iri[len(BASE) :]
            if base == str(VOCAB):
                scheme, _, concept = iri[len(base) :].partition("/")
                return f"vocab/{scheme}.html" + (f"#{concept}" if concept else "")
            return f"{rest}.html"
    if iri.startswith(str(MG._NS)):
        return f"ontology/index.html#{iri[len(str(MG._NS)) :]}"
    if iri == str(ONTOLOGY_IRI):
        return "ontology/index.html"
    return None


def _link(from_path: str, to_path: str) -> str:
    """The address of a site path from a page's: ``posixpath.relpath`` of the two, but without its
    look at the working directory (a page has tens of links and a large site many pages)."""
    target, _, anchor = to_path.partition("#")
    start = [part for part in posixpath.dirname(from_path).split("/") if part]
    path = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(start), len(path)) and start[common] == path[common]:
        common += 1
    relative = "/".join([".."] * (len(start) - common) + path[common:]) or "."
    return relative + (f"#{anchor}" if anchor else "")


@dataclass
class Labels:
    """English and French labels of every labelled IRI, and the precision of every instant."""

    english: dict[str, str] = field(default_factory=dict)
    french: dict[str, str] = field(default_factory=dict)
    precision: dict[str, str] = field(default_factory=dict)
    owners: dict[str, str] = field(default_factory=dict)

    def page(self, iri: str) -> str | None:
        """The page that describes an IRI: its own, or its owner's at the node's anchor."""
        owner = self.owners.get(iri, iri)
        path = page_path(owner)
        if path is None or owner == iri:
            return path
        return f"{path}#{iri[len(owner) + 1 :]}"

    def of(self, iri: str) -> str:
        return self.english.get(iri) or self.french.get(iri) or compact(iri)


@dataclass
class EntityView:
    """What an entity page shows: its triples (with dependent nodes), sources per triple, incoming links."""

    iri: str
    description: Graph
    sources: Mapping[tuple[Node, Node, Node], list[str]]
    incoming: list[tuple[str, str, str]]
    kinds: list[str]
    version: str


def html_page(
    title: str, body: str, from_path: str, version: str, *, lang: str = "en", head: str = ""
) -> str:
    before, after = _frame(title, from_path, version, lang=lang, head=head)
    return before + body + after


def _frame(title: str, from_path: str, version: str, *, lang: str = "en", head: str = "") -> tuple[str, str]:
    """What a page has before and after its body."""
    home = _link(from_path, "index.html")
    before = (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · mig-graph</title>\n<style>{STYLE}</style>\n{head}</head>\n<body>\n"
        f'<header><a href="{home}">mig-graph</a> · <span class="muted">global migration governance, '
        f"dataset version {escape(version)}</span></header>\n<main>\n"
    )
    after = (
        "\n</main>\n"
        f'<footer>Data CC BY 4.0 · <a href="{_link(from_path, "ontology/index.html")}">ontology</a> · '
        f'<a href="{_link(from_path, "dumps/index.html")}">downloads</a></footer>\n</body>\n</html>\n'
    )
    return before, after


def _value(term: Node, from_path: str, labels: Labels) -> str:
    if isinstance(term, Literal):
        text = escape(str(term))
        if term.language:
            return f'{text} <span class="muted">@{term.language}</span>'
        if term.datatype is not None and str(term.datatype).startswith("http://www.w3.org/2001/XMLSchema#"):
            kind = str(term.datatype).rsplit("#", 1)[1]
            if kind in {"gYear", "gYearMonth", "date"}:
                return f'<time datetime="{text}">{text}</time> <span class="muted">({kind})</span>'
        return text
    iri = str(term)
    target = labels.page(iri)
    label = escape(labels.of(iri))
    if iri in labels.precision:
        label += f' <span class="muted">({labels.precision[iri]} precision)</span>'
    if target is None:
        return f'<a href="{escape(iri)}">{label}</a>'
    return f'<a href="{escape(_link(from_path, target))}">{label}</a>'


def _sources(sources: Iterable[str], from_path: str, labels: Labels) -> str:
    return ", ".join(_value(URIRef(source), from_path, labels) for source in sorted(sources))


def render_entity(view: EntityView, labels: Labels, jsonld: str) -> str:
    """The HTML page of one entity, with its triples as embedded JSON-LD."""
    path = page_path(view.iri) or "index.html"
    stem = posixpath.basename(path)[: -len(".html")]
    english, french = labels.english.get(view.iri), labels.french.get(view.iri)
    title = english or french or compact(view.iri)
    parts = [f"<h1>{escape(title)}</h1>"]
    if french and french != english:
        parts.append(f'<p class="fr" lang="fr">{escape(french)}</p>')
    parts.append(f"<p><code>{escape(view.iri)}</code></p>")
    parts.append("<p>" + "".join(f'<span class="kind">{escape(k)}</span>' for k in view.kinds) + "</p>")
    formats = [("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("N-Triples", "nt"), ("RDF/XML", "rdf")]
    parts.append(
        "<p>This description as "
        + ", ".join(f'<a href="{stem}.{ext}">{name}</a>' for name, ext in formats)
        + ".</p>"
    )
    rows = []
    anchored: set[str] = set()
    ordered = sorted(view.description, key=lambda t: (str(t[0]) != view.iri, str(t[0]), str(t[1]), t[2].n3()))
    for s, p, o in ordered:
        suffix = str(s)[len(view.iri) + 1 :]
        subject = f'<span class="muted">{escape(suffix)}</span> ' if suffix else ""
        anchor = ""
        if suffix and suffix not in anchored:
            anchored.add(suffix)
            anchor = f' id="{escape(suffix)}"'
        rows.append(
            f"<tr{anchor}><td>{subject}{_value(p, path, labels)}</td><td>{_value(o, path, labels)}</td>"
            f'<td class="src">{_sources(view.sources.get((s, p, o), []), path, labels)}</td></tr>'
        )
    parts.append("<h2>Statements</h2>\n<table><tr><th>property</th><th>value</th><th>sources</th></tr>")
    parts.extend(rows)
    parts.append("</table>")
    if view.incoming:
        parts.append("<h2>Links to this entity</h2>\n<table><tr><th>relation</th><th>from</th></tr>")
        for predicate, subject, summary in view.incoming:
            relation = INVERSE.get(predicate, f"is {compact(predicate)} of")
            extra = f' <span class="muted">{escape(summary)}</span>' if summary else ""
            parts.append(
                f"<tr><td>{escape(relation)}</td><td>{_value(URIRef(subject), path, labels)}{extra}</td></tr>"
            )
        parts.append("</table>")
    safe_jsonld = jsonld.replace("</", "<\\/")
    head = f'<script type="application/ld+json">\n{safe_jsonld}\n</script>\n'
    return html_page(title, "\n".join(parts), path, view.version, head=head)


def render_index(
    counts: list[tuple[str, int]], entities: list[tuple[str, str, str, str]], triples: int, version: str
) -> Iterator[str]:
    """The home page, in pieces to write one after another: what the dataset is, counts, a search by
    name and a browse by kind.

    ``entities`` are ``(iri, kind, English label, French label)``.
    """
    by_kind: dict[str, list[tuple[str, str, str]]] = {}
    for iri, kind, english, french in entities:
        by_kind.setdefault(kind, []).append((iri, english, french))
    before, after = _frame("mig-graph", "index.html", version)
    yield before
    for part in (
        "<h1>mig-graph: a knowledge graph of global migration governance</h1>",
        '<p lang="en">Inter-State consultation mechanisms on migration — regional consultative '
        "processes, inter-regional forums and global processes — with their member states, meetings, "
        "declarations and joint programmes, each fact with its source. "
        "Query it with SPARQL, download it, or browse it here.</p>",
        f"<p>{triples} triples, {len(entities)} described entities.</p>",
        '<h2>Search</h2>\n<label for="search">Search by name (English or French)</label><br>',
        '<input type="search" id="search" autocomplete="off"><ul id="hits"></ul>',
        "<h2>Counts</h2>\n<table><tr><th>kind</th><th>entities</th></tr>",
        *(f"<tr><td>{escape(kind)}</td><td>{count}</td></tr>" for kind, count in counts),
        "</table>\n<h2>Browse by kind</h2>",
    ):
        yield part + "\n"
    for kind in sorted(by_kind):
        items = sorted(by_kind[kind], key=lambda item: item[1].casefold())
        yield f'<h3 id="{escape(kind.replace(":", "-"))}">{escape(kind)} ({len(items)})</h3>\n<ul>\n'
        for iri, english, _ in items:
            yield f'<li><a href="{escape(page_path(iri) or "")}">{escape(english)}</a></li>\n'
        yield "</ul>\n"
    yield "<script>\nconst entities = ["
    for number, (iri, kind, english, french) in enumerate(entities):
        entry = {"label": english, "fr": french, "kind": kind, "href": page_path(iri)}
        text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
        yield (", " if number else "") + text.replace("</", "<\\/")
    yield """];
const box = document.getElementById('search'), hits = document.getElementById('hits');
const fold = s => s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
box.addEventListener('input', () => {
  const q = fold(box.value.trim()); hits.innerHTML = '';
  if (q.length < 2) return;
  for (const e of entities.filter(e => fold(e.label + ' ' + e.fr).includes(q)).slice(0, 50)) {
    const li = document.createElement('li'), a = document.createElement('a');
    a.href = e.href; a.textContent = e.label + ' (' + e.kind + ')'; li.append(a); hits.append(li);
  }
});
</script>"""
    yield after


def render_scheme(scheme: str, vocabulary: Graph, version: str) -> str:
    """One page per controlled list, one anchor per concept."""
    path = f"vocab/{scheme}.html"
    scheme_iri = VOCAB[scheme]
    title = _label(vocabulary, scheme_iri, SKOS.prefLabel, "en") or _label(
        vocabulary, scheme_iri, RDFS.label, "en"
    )
    parts = [f"<h1>{escape(title or scheme)}</h1>", f"<p><code>{escape(str(scheme_iri))}</code></p>"]
    parts.append("<table><tr><th>concept</th><th>English</th><th>French</th><th>definition</th></tr>")
    for concept in sorted(vocabulary.subjects(SKOS.inScheme, scheme_iri), key=str):
        name = str(concept).rsplit("/", 1)[1]
        parts.append(
            f'<tr id="{escape(name)}"><td><code>{escape(name)}</code></td>'
            f"<td>{escape(_label(vocabulary, concept, SKOS.prefLabel, 'en'))}</td>"
            f'<td lang="fr">{escape(_label(vocabulary, concept, SKOS.prefLabel, "fr"))}</td>'
            f"<td>{escape(_label(vocabulary, concept, SKOS.definition, 'en'))}</td></tr>"
        )
    parts.append("</table>")
    return html_page(title or scheme, "\n".join(parts), path, version)


def _label(graph: Graph, node: Node, predicate: URIRef, language: str) -> str:
    for value in graph.objects(node, predicate):
        if isinstance(value, Literal) and value.language == language:
            return str(value)
    return ""


def render_ontology(ontology: Graph, version: str) -> str:
    """Documentation of every class and property: labels (en, fr), definitions, domains and ranges."""
    path = "ontology/index.html"
    title = _label(ontology, ONTOLOGY_IRI, DCTERMS.title, "en")
    parts = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(_label(ontology, ONTOLOGY_IRI, DCTERMS.description, 'en'))}</p>",
        f"<p><code>{escape(str(MG._NS))}</code> · ontology version "
        f"{escape(str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)))} · "
        'as <a href="mig-graph.ttl">Turtle</a>, <a href="mig-graph.rdf">RDF/XML</a>, '
        '<a href="mig-graph.jsonld">JSON-LD</a>, <a href="mig-graph.nt">N-Triples</a></p>',
    ]
    sections = (
        ("Classes", OWL.Class),
        ("Object properties", OWL.ObjectProperty),
        ("Datatype properties", OWL.DatatypeProperty),
    )
    for heading, kind in sections:
        terms = sorted(t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(MG._NS)))
        parts.append(f"<h2>{heading} ({len(terms)})</h2>")
        for term in terms:
            name = str(term)[len(str(MG._NS)) :]
            details = []
            for label, predicate in (
                ("subclass of", RDFS.subClassOf),
                ("subproperty of", RDFS.subPropertyOf),
                ("domain", RDFS.domain),
                ("range", RDFS.range),
            ):
                values = [compact(str(v)) for v in ontology.objects(term, predicate) if isinstance(v, URIRef)]
                if values:
                    details.append(f"<tr><th>{label}</th><td>{escape(', '.join(sorted(values)))}</td></tr>")
            texts = [
                ("label", RDFS.label, "en"),
                ("libellé", RDFS.label, "fr"),
                ("definition", SKOS.definition, "en"),
                ("définition", SKOS.definition, "fr"),
            ]
            rows = "".join(
                f'<tr><th>{heading}</th><td lang="{language}">'
                f"{escape(_label(ontology, term, prop, language))}</td></tr>"
                for heading, prop, language in texts
            )
            parts.append(
                f'<section id="{escape(name)}"><h3>mg:{escape(name)}</h3><table>{rows}'
                + "".join(details)
                + "</table></section>"
            )
    return html_page(title or "ontology", "\n".join(parts), path, version)
