"""The ontology and the controlled vocabularies: complete, bilingual, in step with the code."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from mig_graph import paths
from mig_graph.namespaces import MG, ONTOLOGY_IRI, VOCAB

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(paths.ontology_file(), format="turtle")


@pytest.fixture(scope="module")
def vocabularies() -> Graph:
    return Graph().parse(paths.vocabularies_file(), format="turtle")


def _declared_mg_terms(ontology: Graph) -> set[URIRef]:
    return {
        subject
        for kind in DECLARATIONS
        for subject in ontology.subjects(RDF.type, kind)
        if str(subject).startswith(str(MG._NS))
    }


def test_every_python_term_is_declared_and_nothing_else(ontology):
    in_code = {MG[name] for name in MG.__annotations__}
    assert _declared_mg_terms(ontology) == in_code


def test_misspelt_term_fails_at_once():
    with pytest.raises(AttributeError):
        _ = MG.Meetnig


def test_header(ontology):
    header = {str(p): str(o) for p, o in ontology.predicate_objects(ONTOLOGY_IRI)}
    assert header["http://www.w3.org/2002/07/owl#versionIRI"] == "https://w3id.org/mig-graph/ontology/0.1.0"
    assert header["http://www.w3.org/2002/07/owl#versionInfo"] == "0.1.0"
    assert header["http://purl.org/dc/terms/license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert header["http://purl.org/dc/terms/created"] == "2026-11-22"
    assert header["http://purl.org/vocab/vann/preferredNamespacePrefix"] == "mg"
    assert (
        header["http://purl.org/vocab/vann/preferredNamespaceUri"] == "https://w3id.org/mig-graph/ontology#"
    )


def test_every_term_has_one_english_and_one_french_label_and_an_english_definition(ontology):
    problems = []
    for term in sorted(_declared_mg_terms(ontology)):
        labels = [label.language for label in ontology.objects(term, RDFS.label)]
        definitions = [d.language for d in ontology.objects(term, SKOS.definition)]
        if sorted(labels) != ["en", "fr"] or "en" not in definitions:
            problems.append((str(term), labels, definitions))
    assert problems == []


def test_reused_vocabularies_anchor_the_domain_classes(ontology):
    org = "http://www.w3.org/ns/org#"
    assert (
        MG.ConsultationMechanism,
        RDFS.subClassOf,
        URIRef(org + "OrganizationalCollaboration"),
    ) in ontology
    assert (MG.RegionalConsultativeProcess, RDFS.subClassOf, MG.ConsultationMechanism) in ontology
    assert (MG.InterRegionalForum, RDFS.subClassOf, MG.ConsultationMechanism) in ontology
    assert (MG.GlobalProcess, RDFS.subClassOf, MG.ConsultationMechanism) in ontology
    assert (MG.JointProgramme, RDFS.subClassOf, URIRef(org + "OrganizationalCollaboration")) in ontology


@pytest.mark.parametrize(
    ("scheme", "size"),
    [
        ("role", 21),
        ("meeting-kind", 7),
        ("document-kind", 13),
        ("count", 8),
        ("stakeholder", 13),
        ("status", 2),
        ("verification", 2),
    ],
)
def test_controlled_lists_are_complete_and_bilingual(vocabularies, scheme, size):
    scheme_iri = VOCAB[scheme]
    concepts = set(vocabularies.subjects(SKOS.inScheme, scheme_iri))
    assert len(concepts) == size
    for concept in concepts:
        labels = sorted(label.language for label in vocabularies.objects(concept, SKOS.prefLabel))
        assert labels == ["en", "fr"], concept


def test_roles_named_by_the_issue_exist(vocabularies):
    roles = {str(c).rsplit("/", 1)[1] for c in vocabularies.subjects(SKOS.inScheme, VOCAB["role"])}
    assert {"member", "observer", "chair", "co-chair", "secretariat", "target-government", "funder"} <= roles
