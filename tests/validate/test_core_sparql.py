"""SHACL Core constraints compiled to whole-graph SPARQL: each report equals pySHACL's, result by
result (focus, value, path, shape, component, severity, messages, details); what is not compiled
is left to pySHACL (every shape fixture runs under both engines in ``test_shapes.py``)."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH

from mig_graph.validate.core_sparql import plan_core_checks, run_core_checks
from mig_graph.validate.whole_graph import oxigraph_copy

EX = "https://example.org/"
PREFIXES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _run(shapes_text: str, data_text: str) -> set[tuple]:
    """Every result of the compiled checks, after checking they equal pySHACL's."""
    shapes = Graph().parse(data=PREFIXES + shapes_text, format="turtle")
    data = Graph().parse(data=PREFIXES + data_text, format="turtle")
    kinds = (SH.NodeShape, SH.PropertyShape)
    roots = sorted(s for kind in kinds for s in shapes.subjects(RDF.type, kind) if isinstance(s, URIRef))
    plan = plan_core_checks(shapes, roots)
    assert plan.left == ()
    found = _results(run_core_checks(plan, oxigraph_copy(data), data))
    _, reference, _ = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)
    assert found == _results(reference)
    return found


def _results(report: Graph) -> set[tuple]:
    def one(result, predicate):
        value = report.value(result, predicate)
        return None if value is None or isinstance(value, BNode) else str(value)  # a path's list: None

    return {
        (
            one(result, SH.focusNode),
            one(result, SH.value),
            one(result, SH.resultPath),
            one(result, SH.sourceConstraintComponent).rsplit("#", 1)[1],
            one(result, SH.resultSeverity).rsplit("#", 1)[1],
            one(result, SH.resultMessage),
            len(set(report.objects(result, SH.detail))),
        )
        for result in report.subjects(SH.focusNode, None)
    }


def test_counts_classes_and_datatypes_give_pyshacls_results():
    found = _run(
        """
        ex:S a sh:NodeShape ; sh:targetClass ex:Thing ;
            sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:integer ;
                          sh:message "p" ] ,
                        [ sh:path ex:q ; sh:class ex:Kind ; sh:severity sh:Warning ] .
        """,
        """
        ex:Sub rdfs:subClassOf ex:Thing .  ex:Special rdfs:subClassOf ex:Kind .
        ex:a a ex:Thing ; ex:p 1, "x"^^xsd:integer ; ex:q ex:k, "literal" .
        ex:b a ex:Sub ; ex:q ex:s .  ex:k a ex:Kind .  ex:s a ex:Special .
        """,
    )
    assert found == {
        (EX + "a", None, EX + "p", "MaxCountConstraintComponent", "Violation", "p", 0),
        (EX + "a", "x", EX + "p", "DatatypeConstraintComponent", "Violation", "p", 0),
        (EX + "b", None, EX + "p", "MinCountConstraintComponent", "Violation", "p", 0),
        (
            EX + "a",
            "literal",
            EX + "q",
            "ClassConstraintComponent",
            "Warning",
            "Value does not have class ex:Kind",
            0,
        ),
    }


def test_a_failed_sh_node_carries_the_node_shapes_results_as_details():
    found = _run(
        """
        ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:kind ;
            sh:property [ sh:path ex:kind ; sh:message "kind" ;
                          sh:node [ sh:property [ sh:path ex:scheme ; sh:hasValue ex:kinds ] ] ] .
        """,
        """
        ex:a ex:kind ex:good, ex:bad .  ex:b ex:kind ex:bad .
        ex:good ex:scheme ex:kinds .  ex:bad ex:scheme ex:other .
        """,
    )
    outer = {row for row in found if row[3] == "NodeConstraintComponent"}
    assert outer == {
        (EX + "a", EX + "bad", EX + "kind", "NodeConstraintComponent", "Violation", "kind", 1),
        (EX + "b", EX + "bad", EX + "kind", "NodeConstraintComponent", "Violation", "kind", 1),
    }
    details = {row[:4] for row in found - outer}
    assert details == {(EX + "bad", None, EX + "scheme", "HasValueConstraintComponent")}


def test_logical_components_and_qualified_counts():
    found = _run(
        """
        ex:S1 a sh:NodeShape ; sh:targetClass ex:Instant ;
            sh:xone ( [ sh:property [ sh:path ex:year ; sh:minCount 1 ; sh:maxCount 1 ;
                                      sh:datatype xsd:gYear ] ]
                      [ sh:property [ sh:path ex:day ; sh:minCount 1 ; sh:datatype xsd:date ] ] ) ;
            sh:message "one date" .
        ex:S2 a sh:NodeShape ; sh:targetClass ex:State ; sh:not [ sh:class ex:Territory ] ; sh:message "not" .
        ex:S3 a sh:PropertyShape ; sh:targetClass ex:Entity ; sh:path rdfs:label ;
            sh:qualifiedValueShape [ sh:languageIn ( "en" ) ] ;
            sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ;
            sh:message "one English label" .
        ex:S4 a sh:PropertyShape ; sh:targetClass ex:Entity ; sh:path rdfs:label ; sh:uniqueLang true ;
            sh:message "unique" .
        ex:S5 a sh:PropertyShape ; sh:targetClass ex:Meeting ; sh:path ex:place ;
            sh:or ( [ sh:class ex:Place ] [ sh:datatype xsd:string ] ) ; sh:message "or" .
        """,
        """
        ex:i1 a ex:Instant ; ex:year "2020"^^xsd:gYear .
        ex:i2 a ex:Instant ; ex:year "2020"^^xsd:gYear ; ex:day "2020-01-01"^^xsd:date .
        ex:i3 a ex:Instant ; ex:day "2020-02-30"^^xsd:date .
        ex:s1 a ex:State .  ex:s2 a ex:State, ex:Territory .
        ex:e1 a ex:Entity ; rdfs:label "A"@en-GB, "B"@fr .
        ex:e2 a ex:Entity ; rdfs:label "A"@en, "B"@EN .
        ex:e3 a ex:Entity ; rdfs:label "A"@fr .
        ex:m a ex:Meeting ; ex:place ex:p, "Rabat", ex:nowhere .  ex:p a ex:Place .
        """,
    )
    assert {(row[0], row[1], row[3]) for row in found} == {
        (EX + "i2", EX + "i2", "XoneConstraintComponent"),
        (EX + "i3", EX + "i3", "XoneConstraintComponent"),
        (EX + "s2", EX + "s2", "NotConstraintComponent"),
        (EX + "e2", None, "QualifiedMaxCountConstraintComponent"),
        (EX + "e3", None, "QualifiedMinCountConstraintComponent"),
        (EX + "e2", None, "UniqueLangConstraintComponent"),
        (EX + "m", EX + "nowhere", "OrConstraintComponent"),
    }


def test_paths_patterns_lists_and_ranges():
    found = _run(
        """
        ex:S a sh:NodeShape ; sh:targetClass ex:Doc ;
            sh:property [ sh:path ( ex:role ex:scheme ) ; sh:hasValue ex:roles ; sh:message "seq" ] ,
                        [ sh:path [ sh:inversePath ex:about ] ; sh:maxCount 1 ; sh:message "inverse" ] ,
                        [ sh:path [ sh:alternativePath ( ex:code ex:alias ) ] ; sh:pattern "^[A-Z]{3}$" ;
                          sh:flags "i" ; sh:message "pattern" ] ,
                        [ sh:path ex:status ; sh:in ( ex:held ex:planned ) ; sh:message "in" ] ,
                        [ sh:path ex:count ; sh:minInclusive 0 ; sh:message "range" ] ,
                        [ sh:path ex:link ; sh:nodeKind sh:IRI ; sh:message "kind" ] .
        """,
        """
        ex:d1 a ex:Doc ; ex:role ex:r ; ex:code "fra", "FRANCE" ; ex:alias "x1" ; ex:status ex:held ;
            ex:count 0, -1, "3" ; ex:link ex:x, "literal" .
        ex:r ex:scheme ex:roles .
        ex:d2 a ex:Doc ; ex:status ex:cancelled .  ex:n1 ex:about ex:d2 .  ex:n2 ex:about ex:d2 .
        """,
    )
    assert {(row[0], row[1], row[2], row[3]) for row in found} == {
        (EX + "d2", None, None, "HasValueConstraintComponent"),
        (EX + "d2", None, None, "MaxCountConstraintComponent"),
        (EX + "d1", "FRANCE", None, "PatternConstraintComponent"),
        (EX + "d1", "x1", None, "PatternConstraintComponent"),
        (EX + "d2", EX + "cancelled", EX + "status", "InConstraintComponent"),
        (EX + "d1", "-1", EX + "count", "MinInclusiveConstraintComponent"),
        (EX + "d1", "3", EX + "count", "MinInclusiveConstraintComponent"),
        (EX + "d1", "literal", EX + "link", "NodeKindConstraintComponent"),
    }


@pytest.mark.parametrize(
    "constraint",
    [
        "sh:property [ sh:path ex:p ; sh:equals ex:q ]",  # a component it does not compile
        # two values of one parameter
        "sh:property [ sh:path [ sh:oneOrMorePath ex:p ] ; sh:class ex:K ; sh:class ex:L ]",
        "sh:or ( [ sh:class ex:K ; sh:severity sh:Warning ] [ sh:class ex:L ] )",
    ],
)
def test_what_it_cannot_write_exactly_is_left_to_pyshacl(constraint):
    text = f"ex:S a sh:NodeShape ; sh:targetClass ex:T ; {constraint} ."
    shapes = Graph().parse(data=PREFIXES + text, format="turtle")
    plan = plan_core_checks(shapes, [URIRef(EX + "S")])
    assert plan.left == (URIRef(EX + "S"),) and plan.checks == ()


def test_the_scratch_graphs_of_the_focus_nodes_are_dropped():
    shapes = Graph().parse(
        data=PREFIXES
        + "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        format="turtle",
    )
    data = Graph().parse(data=PREFIXES + "ex:a a ex:T .", format="turtle")
    store = oxigraph_copy(data)
    plan = plan_core_checks(shapes, [URIRef(EX + "S")])
    report = run_core_checks(plan, store, data)
    assert len(set(report.subjects(SH.focusNode, URIRef(EX + "a")))) == 1
    assert list(store.named_graphs()) == [] and len(store) == 1
