"""The whole-graph SHACL-SPARQL engine: what it rewrites, what it leaves to pySHACL, and its results
beside pySHACL's (both engines on every shape fixture: ``test_shapes.py``)."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH

from mig_graph.validate.shacl import _fast_plan, load_shapes, validate_graph
from mig_graph.validate.whole_graph import oxigraph_copy, plan_constraints, run_constraints

MGSH = "https://w3id.org/mig-graph/shapes#"
EX = "https://example.org/"

PREFIXES = f"""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <{EX}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def test_every_sparql_constraint_of_the_shapes_runs_once_over_the_whole_graph():
    plan, core, _, core_left, left_to_pyshacl = _fast_plan()
    shapes = load_shapes()
    assert len(plan.constraints) == len(set(shapes.objects(None, SH.sparql))) == 21
    assert left_to_pyshacl == []
    # every Core shape is compiled to SPARQL too: nothing is left for pySHACL to run
    assert core_left == [] and len(core.compiled) == 45
    # shapes that only had a SPARQL constraint are left out of the Core checks
    assert URIRef(MGSH + "RecordedConflict") not in core.compiled
    assert URIRef(MGSH + "PreferredClaimShape") in core.compiled


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown validation engine 'rdflib'; use one of fast, pyshacl"):
        validate_graph(Graph(), engine="rdflib")


def _run(shapes_text: str, data_text: str) -> set[tuple[str, str, str | None, str]]:
    """(focus, shape, value, message) of each result, the same as pySHACL's (checked here)."""
    shapes = Graph().parse(data=PREFIXES + shapes_text, format="turtle")
    data = Graph().parse(data=PREFIXES + data_text, format="turtle")
    plan = plan_constraints(shapes)
    found = _results(run_constraints(plan, oxigraph_copy(data), data))
    assert found == _results(pyshacl.validate(data, shacl_graph=shapes, allow_warnings=True)[1])
    return found


def _results(report: Graph) -> set[tuple[str, str, str | None, str]]:
    return {
        (
            str(report.value(result, SH.focusNode)),
            str(report.value(result, SH.sourceShape)),
            None if report.value(result, SH.value) is None else str(report.value(result, SH.value)),
            str(report.value(result, SH.resultMessage)),
        )
        for result in report.subjects(SH.focusNode, None)
    }


def test_targets_include_subclasses_nodes_subjects_and_objects():
    shapes = """
    ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:targetNode ex:n ; sh:targetSubjectsOf ex:s ;
        sh:targetObjectsOf ex:o ;
        sh:sparql [ sh:message "{$this} has no label" ;
                    sh:select "SELECT $this WHERE { FILTER NOT EXISTS { $this rdfs:label [] } }" ] .
    """
    data = """
    ex:B rdfs:subClassOf ex:A . ex:b a ex:B . ex:a a ex:A , ex:B .
    ex:x ex:s 1 . ex:y ex:o ex:z . ex:labelled a ex:A ; rdfs:label "L" .
    """
    assert _run(shapes, data) == {
        (EX + node, EX + "S", EX + node, f"{EX}{node} has no label") for node in ("a", "b", "n", "x", "z")
    }


def test_property_shape_runs_on_its_parents_targets_with_its_path():
    shapes = """
    ex:S a sh:NodeShape ; sh:targetClass ex:A ;
        sh:property ex:P .
    ex:P a sh:PropertyShape ; sh:path ex:p ;
        sh:sparql [ sh:message "{?value} is negative" ;
                    sh:select "SELECT $this ?value WHERE { $this $PATH ?value . FILTER(?value < 0) }" ] .
    """
    data = "ex:a a ex:A ; ex:p 1 , -2 . ex:b ex:p -3 ."
    assert _run(shapes, data) == {(EX + "a", EX + "P", "-2", "-2 is negative")}


def test_deactivated_constraints_and_shapes_report_nothing():
    shapes = """
    ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:deactivated true ;
        sh:sparql [ sh:select "SELECT $this WHERE { }" ] .
    ex:T a sh:NodeShape ; sh:targetClass ex:A ;
        sh:sparql [ sh:deactivated true ; sh:select "SELECT $this WHERE { }" ] .
    """
    plan = plan_constraints(Graph().parse(data=PREFIXES + shapes, format="turtle"))
    assert (plan.constraints, len(plan.taken)) == ((), 2)
    assert _run(shapes, "ex:a a ex:A .") == set()


@pytest.mark.parametrize(
    "select",
    [
        "SELECT ?value WHERE { $this ex:p ?value }",  # $this not projected
        "SELECT $this WHERE { $this ex:p ?v } LIMIT 1",
        "SELECT $this WHERE { { SELECT $this WHERE { $this ex:p ?v } } }",
        "SELECT $this (COUNT(?v) AS ?value) WHERE { $this ex:p ?v } GROUP BY ?v",
        "SELECT $this WHERE { $this ex:p $currentShape }",
    ],
)
def test_queries_that_pre_binding_alone_explains_are_left_to_pyshacl(select):
    shapes = f'ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:sparql [ sh:select "{select}" ] .'
    plan = plan_constraints(Graph().parse(data=PREFIXES + shapes, format="turtle"))
    assert (plan.constraints, plan.taken) == ((), frozenset())


def test_shape_used_by_another_shape_is_left_to_pyshacl():
    shapes = """
    ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:sparql [ sh:select "SELECT $this WHERE { }" ] .
    ex:U a sh:NodeShape ; sh:targetClass ex:B ; sh:node ex:S .
    """
    plan = plan_constraints(Graph().parse(data=PREFIXES + shapes, format="turtle"))
    assert (plan.constraints, plan.taken) == ((), frozenset())


def test_messages_take_the_rows_values_and_the_shapes_severity():
    shapes = '''
    ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:severity sh:Warning ;
        sh:sparql [ sh:message "{$this}: {?count} values"@en ;
                    sh:select """SELECT $this (COUNT(?v) AS ?count)
                                 WHERE { $this <https://example.org/p> ?v } GROUP BY $this""" ] .
    '''
    shapes_graph = Graph().parse(data=PREFIXES + shapes, format="turtle")
    data = Graph().parse(data=PREFIXES + "ex:a a ex:A ; ex:p 1, 2 .", format="turtle")
    report = run_constraints(plan_constraints(shapes_graph), oxigraph_copy(data), data)
    (result,) = report.subjects(SH.focusNode, None)
    assert report.value(result, SH.resultSeverity) == SH.Warning
    assert report.value(result, SH.resultMessage) == Literal(f"{EX}a: 2 values")
    assert report.value(result, SH.value) == URIRef(EX + "a")
