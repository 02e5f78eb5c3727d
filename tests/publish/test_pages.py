"""The site's pages from their templates: the layout, an entity's rows, the downloads page, exactly."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from mig_graph.publish.pages import EntityView, Labels, render_downloads, render_entity
from mig_graph.rendering import style_sheet

MIDIOCC = "https://w3id.org/mig-graph/id/process/midiocc"
NAME = URIRef("https://schema.org/name")
START = URIRef("https://w3id.org/mig-graph/ontology#startDate")
SOURCE = "https://w3id.org/mig-graph/id/source/seed-000"


def _page(name: str) -> str:
    description = Graph()
    description.add((URIRef(MIDIOCC), NAME, Literal(name, lang="en")))
    description.add((URIRef(f"{MIDIOCC}/interval/1"), START, Literal("2020-03", datatype=XSD.gYearMonth)))
    sources = {(URIRef(MIDIOCC), NAME, Literal(name, lang="en")): [SOURCE]}
    view = EntityView(MIDIOCC, description, sources, [], ["mg:RegionalConsultativeProcess"], "1.2.3")
    labels = Labels(english={MIDIOCC: name, SOURCE: "Seed"}, owners={f"{MIDIOCC}/interval/1": MIDIOCC})
    return render_entity(view, labels, '{"@id": "</script>"}')


def test_the_layout_frames_every_page():
    page = _page("MiDIOCC")
    assert page.startswith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>MiDIOCC · mig-graph</title>\n<style>{style_sheet()}</style>\n"
        '<script type="application/ld+json">\n{"@id": "<\\/script>"}\n</script>\n</head>\n'
        '<body class="site">\n<header><a href="../../index.html">mig-graph</a> · '
        '<span class="muted">global migration governance, dataset version 1.2.3</span></header>\n<main>\n'
        "<h1>MiDIOCC</h1>\n"
    )
    assert page.endswith(
        "</table>\n</main>\n"
        '<footer>Data CC BY 4.0 · <a href="../../ontology/index.html">ontology</a> · '
        '<a href="../../dumps/index.html">downloads</a></footer>\n</body>\n</html>\n'
    )


def test_entity_rows_show_links_languages_dates_and_anchors():
    page = _page("Côte d'Ivoire & <b>")
    assert "<h1>Côte d&#x27;Ivoire &amp; &lt;b&gt;</h1>" in page  # html.escape's references
    assert (
        '<p>This description as <a href="midiocc.ttl">Turtle</a>, <a href="midiocc.jsonld">JSON-LD</a>, '
        '<a href="midiocc.nt">N-Triples</a>, <a href="midiocc.rdf">RDF/XML</a>.</p>'
    ) in page
    assert (
        '<tr><td><a href="https://schema.org/name">schema:name</a></td>'
        '<td>Côte d&#x27;Ivoire &amp; &lt;b&gt; <span class="muted">@en</span></td>'
        '<td class="src"><a href="../source/seed-000.html">Seed</a></td></tr>\n'
    ) in page
    assert (
        '<tr id="interval/1"><td><span class="muted">interval/1</span> '
        '<a href="../../ontology/index.html#startDate">mg:startDate</a></td>'
        '<td><time datetime="2020-03">2020-03</time> <span class="muted">(gYearMonth)</span></td>'
        '<td class="src"></td></tr>\n'
    ) in page
    assert "Links to this entity" not in page


def test_the_downloads_page_lists_each_dump():
    page = render_downloads([("a.ttl", "text/turtle", 12, "ab12")], "1.2.3", "2024-01-02")
    assert (
        "<main>\n<h1>Downloads, version 1.2.3</h1><p>Released 2024-01-02. Licence CC BY 4.0. Checksums in "
        '<a href="SHA256SUMS">SHA256SUMS</a>.</p><table><tr><th>file</th><th>media type</th><th>bytes</th>'
        '<th>SHA-256</th></tr><tr><td><a href="a.ttl">a.ttl</a></td><td>text/turtle</td><td>12</td>'
        "<td>ab12</td></tr></table>\n</main>\n"
    ) in page
    assert '<a href="../index.html">mig-graph</a>' in page
