"""HTML pages of the site's terms: one per controlled list (an anchor per concept), and the ontology's.

Like every page of the site they are templates (``site_scheme.html.j2``, ``site_ontology.html.j2``)
on the layout of :mod:`mig_graph.publish.pages`.
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from mig_graph.namespaces import MG, ONTOLOGY_IRI, VOCAB, compact
from mig_graph.publish.pages import ALTERNATES, alternates, layout
from mig_graph.rendering import render

__all__ = ["render_ontology", "render_scheme"]

_ONTOLOGY_SECTIONS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
)
_ONTOLOGY_TEXTS = (
    ("label", RDFS.label, "en"),
    ("libellé", RDFS.label, "fr"),
    ("definition", SKOS.definition, "en"),
    ("définition", SKOS.definition, "fr"),
)
_ONTOLOGY_RELATIONS = (
    ("subclass of", RDFS.subClassOf),
    ("subproperty of", RDFS.subPropertyOf),
    ("domain", RDFS.domain),
    ("range", RDFS.range),
)


def _label(graph: Graph, node: Node, predicate: URIRef, language: str) -> str:
    for value in graph.objects(node, predicate):
        if isinstance(value, Literal) and value.language == language:
            return str(value)
    return ""


def render_scheme(scheme: str, vocabulary: Graph, version: str) -> str:
    """One page per controlled list, one anchor per concept.

    Parameters
    ----------
    scheme : str
        The list's name (``role``), the last segment of its IRI.
    vocabulary : Graph
        The controlled lists.
    version : str
        The dataset's version.

    Returns
    -------
    str
        The page.
    """
    scheme_iri = VOCAB[scheme]
    title = _label(vocabulary, scheme_iri, SKOS.prefLabel, "en") or _label(
        vocabulary, scheme_iri, RDFS.label, "en"
    )
    concepts = [
        {
            "name": str(concept).rsplit("/", 1)[1],
            "english": _label(vocabulary, concept, SKOS.prefLabel, "en"),
            "french": _label(vocabulary, concept, SKOS.prefLabel, "fr"),
            "definition": _label(vocabulary, concept, SKOS.definition, "en"),
        }
        for concept in sorted(vocabulary.subjects(SKOS.inScheme, scheme_iri), key=str)
    ]
    return render(
        "site_scheme.html.j2",
        **layout(f"vocab/{scheme}.html", title or scheme, version),
        scheme_iri=str(scheme_iri),
        concepts=concepts,
        alternates=alternates(scheme),
    )


def _ontology_terms(ontology: Graph, kind: URIRef) -> list[dict[str, object]]:
    """The ontology's own terms of one kind (class, object or datatype property), documented."""
    terms = sorted(t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(MG._NS)))
    documented: list[dict[str, object]] = []
    for term in terms:
        relations = []
        for heading, predicate in _ONTOLOGY_RELATIONS:
            values = [compact(str(v)) for v in ontology.objects(term, predicate) if isinstance(v, URIRef)]
            if values:
                relations.append((heading, ", ".join(sorted(values))))
        texts = [
            (heading, language, _label(ontology, term, predicate, language))
            for heading, predicate, language in _ONTOLOGY_TEXTS
        ]
        documented.append({"name": str(term)[len(str(MG._NS)) :], "texts": texts, "relations": relations})
    return documented


def render_ontology(ontology: Graph, version: str) -> str:
    """Documentation of every class and property: labels (en, fr), definitions, domains and ranges.

    Parameters
    ----------
    ontology : Graph
        The ontology.
    version : str
        The dataset's version.

    Returns
    -------
    str
        The page.
    """
    title = _label(ontology, ONTOLOGY_IRI, DCTERMS.title, "en")
    return render(
        "site_ontology.html.j2",
        **layout("ontology/index.html", title or "ontology", version),
        ontology_title=title,
        description=_label(ontology, ONTOLOGY_IRI, DCTERMS.description, "en"),
        namespace=str(MG._NS),
        ontology_version=str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)),
        formats=ALTERNATES,
        alternates=alternates("mig-graph"),
        sections=[(heading, _ontology_terms(ontology, kind)) for heading, kind in _ONTOLOGY_SECTIONS],
    )
