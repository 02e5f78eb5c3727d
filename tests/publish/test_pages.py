"""The site's pages from their templates: the layout, an entity's groups, the downloads page, exactly."""

from __future__ import annotations

import pyoxigraph as ox

from mig_graph.publish.describe import describe
from mig_graph.publish.labels import Labels
from mig_graph.publish.pages import render_downloads, render_entity
from mig_graph.publish.statements import build_page
from mig_graph.rendering import style_sheet

ID = "https://w3id.org/mig-graph/id/"
MG = "https://w3id.org/mig-graph/ontology#"
MIDIOCC = f"{ID}process/midiocc"
SOURCE = f"{ID}source/seed-000"
MEMBERSHIP = f"{ID}membership/process-midiocc/member/state-COM"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TIME = "http://www.w3.org/2006/time#"
ORG = "http://www.w3.org/ns/org#"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _store(name: str) -> ox.Store:
    """MiDIOCC with a name, a start in March 2020, and Comoros as member, each stated by one source."""
    store = ox.Store()
    source = ox.NamedNode(SOURCE)
    statements = [
        (MIDIOCC, LABEL, ox.Literal(name, language="en")),
        (MIDIOCC, LABEL, ox.Literal("Dialogue", language="fr")),
        (MIDIOCC, f"{TIME}hasTime", ox.NamedNode(f"{MIDIOCC}/interval/2020-03--")),
        (f"{MIDIOCC}/interval/2020-03--", f"{TIME}hasBeginning", ox.NamedNode(f"{ID}instant/2020-03")),
        (
            f"{ID}instant/2020-03",
            f"{TIME}inXSDgYearMonth",
            ox.Literal("2020-03", datatype=ox.NamedNode(f"{XSD}gYearMonth")),
        ),
        (MEMBERSHIP, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", ox.NamedNode(f"{ORG}Membership")),
        (MEMBERSHIP, f"{ORG}organization", ox.NamedNode(MIDIOCC)),
        (MEMBERSHIP, f"{ORG}member", ox.NamedNode(f"{ID}state/COM")),
        (MEMBERSHIP, f"{ORG}role", ox.NamedNode("https://w3id.org/mig-graph/vocab/role/member")),
        (MEMBERSHIP, DERIVED, source),
        (f"{ID}state/COM", LABEL, ox.Literal("Comoros", language="en")),
        (f"{ID}state/COM", LABEL, ox.Literal("Comores", language="fr")),
        (SOURCE, LABEL, ox.Literal("Seed", language="en")),
    ]
    for subject, predicate, value in statements:
        triple = (ox.NamedNode(subject), ox.NamedNode(predicate), value)
        store.add(ox.Quad(*triple, ox.DefaultGraph()))
        store.add(ox.Quad(*triple, source))
    return store


def _page(name: str, language: str = "en") -> str:
    store = _store(name)
    labels = Labels()
    labels.add(list(store))
    labels.add(
        [
            ox.Triple(ox.NamedNode(f"{TIME}hasTime"), ox.NamedNode(LABEL), ox.Literal("time", language="en")),
            ox.Triple(
                ox.NamedNode(f"{TIME}hasTime"), ox.NamedNode(LABEL), ox.Literal("période", language="fr")
            ),
            ox.Triple(
                ox.NamedNode("https://w3id.org/mig-graph/vocab/role/member"),
                ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"),
                ox.Literal("member", language="en"),
            ),
        ]
    )
    description = describe(store, MIDIOCC, [f"{MIDIOCC}/interval/2020-03--"])
    return render_entity(build_page(store, description, labels, language), '{"@id": "</script>"}', "1.2.3")


def test_the_layout_frames_every_page():
    page = _page("MiDIOCC")
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>MiDIOCC · mig-graph</title>\n<style>{style_sheet()}</style>\n"
        '<link rel="alternate" type="text/turtle" href="midiocc.ttl" title="Turtle">\n'
        '<link rel="alternate" type="application/ld+json" href="midiocc.jsonld" title="JSON-LD">\n'
        '<link rel="alternate" type="application/n-triples" href="midiocc.nt" title="N-Triples">\n'
        '<link rel="alternate" type="application/rdf+xml" href="midiocc.rdf" title="RDF/XML">\n'
        '<link rel="alternate" hreflang="fr" href="midiocc.fr.html">\n'
        '<script type="application/ld+json">\n{"@id": "<\\/script>"}\n</script>\n</head>\n'
        '<body class="site entity">\n<header><a href="../../index.html">mig-graph</a> · '
        '<span class="muted">global migration governance, dataset version 1.2.3</span></header>\n<main>\n'
        '<h1>MiDIOCC</h1>\n<p class="fr" lang="fr">Dialogue</p>\n'
    )
    assert page.endswith(
        '<ol class="references">\n<li id="ref-1"><a href="../source/seed-000.html">Seed</a></li>\n</ol>\n'
        "</main>\n"
        '<footer>Data CC BY 4.0 · <a href="../../ontology/index.html">ontology</a> · '
        '<a href="../../dumps/index.html">downloads</a></footer>\n</body>\n</html>\n'
    )


def test_relations_dates_anchors_and_references_in_each_language():
    page = _page("Côte d'Ivoire & <b>")
    assert "<h1>Côte d&#x27;Ivoire &amp; &lt;b&gt;</h1>" in page  # html.escape's references
    assert (
        '<p class="about muted">Identifier <code>https://w3id.org/mig-graph/id/process/midiocc</code> · This '
        'description as <a href="midiocc.ttl">Turtle</a>, <a href="midiocc.jsonld">JSON-LD</a>, '
        '<a href="midiocc.nt">N-Triples</a>, <a href="midiocc.rdf">RDF/XML</a></p>\n'
    ) in page
    ref = '<sup class="refs"><a href="#ref-1">[1]</a></sup>'
    assert (
        '<section class="relations">\n<div class="group"><div'
        ' class="property">Members</div><div class="values">\n'
        '<div class="value"><a href="../state/COM.html">Comoros</a>'
        ' <span class="note">(<a href="../membership/'
        'process-midiocc/member/state-COM.html">member, dates'
        f" not stated</a>)</span>{ref}</div>\n</div></div>\n"
        "</section>\n"
    ) in page
    assert (
        '<div class="group"><div class="property"><a href="http://www.w3.org/2006/time#hasTime">time</a></div>'
        '<div class="values">\n<div class="value"><span id="interval/2020-03--">from'
        " March 2020, end not stated"
        f"{ref}</span></div>\n</div></div>\n"
    ) in page
    french = _page("MiDIOCC", "fr")
    assert '<h1>Dialogue</h1>\n<p class="fr" lang="en">MiDIOCC</p>' in french
    assert '<a href="../state/COM.fr.html">Comores</a>' in french
    assert f'<span id="interval/2020-03--">à partir de mars 2020, fin non indiquée{ref}</span>' in french
    assert '<a href="midiocc.html" hreflang="en" lang="en">English version</a>' in french


def test_the_downloads_page_lists_each_dump():
    page = render_downloads([("a.ttl", "text/turtle", 12, "ab12")], "1.2.3", "2024-01-02")
    assert (
        "<main>\n<h1>Downloads, version 1.2.3</h1><p>Released 2024-01-02. Licence CC BY 4.0. Checksums in "
        '<a href="SHA256SUMS">SHA256SUMS</a>.</p><table><tr><th>file</th><th>media type</th><th>bytes</th>'
        '<th>SHA-256</th></tr><tr><td><a href="a.ttl">a.ttl</a></td><td>text/turtle</td><td>12</td>'
        "<td>ab12</td></tr></table>\n</main>\n"
    ) in page
    assert '<a href="../index.html">mig-graph</a>' in page
