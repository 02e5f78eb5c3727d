"""What the endpoint says of itself: the service description's formats and graphs, the query page."""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from mig_graph.rendering import style_sheet
from mig_graph.serve.description import example_queries, query_page, service_description

FORMATS = "http://www.w3.org/ns/formats/"


def test_the_description_names_every_format_and_graph():
    graph = ox.NamedNode("https://w3id.org/mig-graph/id/source/seed-000")
    triples = service_description("http://127.0.0.1/sparql", ([(graph, 7)], 5))
    formats = [triple.object.value for triple in triples if triple.predicate.value.endswith("#resultFormat")]
    assert formats == [
        f"{FORMATS}SPARQL_Results_JSON",
        f"{FORMATS}SPARQL_Results_XML",
        f"{FORMATS}SPARQL_Results_CSV",
        f"{FORMATS}SPARQL_Results_TSV",
        f"{FORMATS}Turtle",
        f"{FORMATS}JSON-LD",
        f"{FORMATS}N-Triples",
        f"{FORMATS}RDF_XML",
    ]
    sizes = [t.object.value for t in triples if t.predicate.value == "http://rdfs.org/ns/void#triples"]
    assert sizes == ["5", "7"]
    assert sum(1 for t in triples if t.object == graph) == 1


def test_the_query_page_embeds_the_examples_safely():
    examples = [{"name": "a.rq", "title": "A", "description": "x", "query": "SELECT * { ?s ?p '</script>' }"}]
    page = query_page(examples)
    assert '<body class="endpoint-page">\n<header>\n  <h1>mig-graph SPARQL endpoint</h1>' in page
    assert f"<title>mig-graph SPARQL endpoint</title>\n<style>{style_sheet()}</style>\n</head>" in page
    (data,) = re.findall(r'<script type="application/json" id="examples">(.*?)</script>', page, flags=re.S)
    assert "</" not in data
    assert json.loads(data) == examples
    assert page.endswith("})();\n</script>\n</body>\n</html>\n")


def test_examples_are_the_library_queries():
    examples = example_queries()
    assert [example["name"] for example in examples] == sorted(example["name"] for example in examples)
    assert all(example["query"].startswith("#") and example["title"] for example in examples)
