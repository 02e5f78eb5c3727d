"""`mig-graph validate` and the build's refusal: exit codes, formats, locations of bad records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from mig_graph.cli import cli
from mig_graph.paths import shapes_dir
from mig_graph.validate.isoshapes import render_iso3166_shapes

GRAPHS = Path(__file__).parents[1] / "data" / "graphs"
BAD_MEMBERSHIP = GRAPHS / "invalid-membership.ttl"
FOCUS = "https://w3id.org/mig-graph/id/membership/test/member/state-FRA"
MGSH = "https://w3id.org/mig-graph/shapes#"

INVALID_DATA = """\
source:
  id: test-source
  url: https://example.org/test
  title: {en: Test, fr: Test}
  language: en
processes:
  - id: p
    type: regional-consultative-process
    label: {en: P, fr: P}
    time: 2001/
meetings:
  - id: early
    kind: consultative
    part_of: process/p
    time: "1999"
    label: {en: Early meeting, fr: Réunion précoce}
"""


def _invoke(*arguments: str):
    return CliRunner().invoke(cli, list(arguments))


def test_packaged_graph_conforms():
    result = _invoke("validate")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].endswith("warnings: the graph conforms.")


def test_seed_graph_conforms_with_its_warnings_listed(seed_options):
    result = _invoke("validate", *seed_options)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "0 violations, 9 warnings: the graph conforms."
    assert "WARNING mgsh:RecordedConflict: Recorded conflict: MiDIOCC is typed" in result.stdout


def test_violations_exit_1_grouped_by_focus_node():
    result = _invoke("validate", str(BAD_MEMBERSHIP))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "id:membership/test/member/state-FRA",
        "  VIOLATION mgsh:MembershipShape (org:organization): A membership names exactly one organisation,"
        " mechanism or programme (org:organization).",
        "  VIOLATION mgsh:MembershipShape (org:role): A membership has exactly one role (org:role),"
        " an org:Role. [value: vocab:role/president]",
        "  VIOLATION mgsh:MembershipShape (org:role/skos:inScheme): A membership's role comes from the"
        " controlled roles list (vocab/role).",
        "3 violations, 0 warnings: the graph does not conform.",
    ]


def test_json_format_lists_every_result():
    result = _invoke("validate", "--format", "json", str(BAD_MEMBERSHIP))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert (document["conforms"], document["violations"], document["warnings"]) == (False, 3, 0)
    assert {(r["focus"], r["shape"], r["severity"]) for r in document["results"]} == {
        (FOCUS, "mgsh:MembershipShape (org:organization)", "Violation"),
        (FOCUS, "mgsh:MembershipShape (org:role)", "Violation"),
        (FOCUS, "mgsh:MembershipShape (org:role/skos:inScheme)", "Violation"),
    }


def test_turtle_format_is_the_standard_shacl_report():
    result = _invoke("validate", "--format", "turtle", str(BAD_MEMBERSHIP))
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format="turtle")
    (node,) = report.subjects(SH.conforms, None)
    assert report.value(node, SH.conforms).toPython() is False
    assert len(list(report.objects(node, SH.result))) == 3


def test_result_names_the_record_file_and_line(tmp_path):
    data = tmp_path / "invalid.yaml"
    data.write_text(INVALID_DATA, encoding="utf-8")
    result = _invoke("validate", "--data", str(data), "--format", "json")
    assert result.exit_code == 1
    (finding,) = [r for r in json.loads(result.stdout)["results"] if r["severity"] == "Violation"]
    assert (finding["shape"], finding["file"], finding["line"], finding["label"]) == (
        "mgsh:MeetingWithinProcessLifetime",
        str(data),
        12,
        "Early meeting",
    )


def test_build_refuses_violations_and_writes_nothing(tmp_path):
    data = tmp_path / "invalid.yaml"
    data.write_text(INVALID_DATA, encoding="utf-8")
    out = tmp_path / "dist"
    refused = _invoke("build", "--data", str(data), "--out", str(out))
    assert refused.exit_code == 1
    assert "VIOLATION mgsh:MeetingWithinProcessLifetime" in refused.stderr
    assert not out.exists()
    allowed = _invoke("build", "--data", str(data), "--out", str(out), "--allow-invalid")
    assert allowed.exit_code == 0
    assert sorted(p.name for p in out.iterdir())[0] == "context.jsonld"


def test_unparseable_rdf_exits_2_with_the_line():
    result = _invoke("validate", str(GRAPHS / "unparseable.ttl"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {GRAPHS / 'unparseable.ttl'}:2: cannot parse RDF:")
    assert "Traceback" not in result.stderr


def test_missing_rdf_file_exits_2():
    result = _invoke("validate", str(GRAPHS / "no-such-file.ttl"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {GRAPHS / 'no-such-file.ttl'}:0: no such RDF file\n"


def test_iso_shapes_file_is_up_to_date_with_pycountry():
    assert (shapes_dir() / "iso3166.ttl").read_text(encoding="utf-8") == render_iso3166_shapes()


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_focus_rechecks_only_the_given_entities_with_the_same_results(built, engine):
    from mig_graph.validate.shacl import validate_graph

    full = validate_graph(built.graph, origins=built.origins, engine=engine)
    focus = ["https://w3id.org/mig-graph/id/meeting/midiocc-consultative-meeting"]
    focused = validate_graph(built.graph, origins=built.origins, focus_nodes=focus, engine=engine)
    assert focused.results == tuple(r for r in full.results if r.focus in focus)
    assert [r.shape for r in focused.results] == [
        "mgsh:EventDateUnderRecordedConflict",
        "mgsh:PreparatoryMeetingDateUnderRecordedConflict",
    ]


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_focus_on_the_command_line_finds_a_violation_of_that_record(engine):
    result = _invoke("validate", str(BAD_MEMBERSHIP), "--focus", FOCUS, "--engine", engine)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "3 violations, 0 warnings: the graph does not conform."
    elsewhere = _invoke("validate", str(BAD_MEMBERSHIP), "--focus", "source/test", "--engine", engine)
    assert elsewhere.exit_code == 0


def test_both_engines_print_the_same_report_of_the_seed_graph(seed_options):
    fast = _invoke("validate", *seed_options, "--format", "json")
    reference = _invoke("validate", *seed_options, "--format", "json", "--engine", "pyshacl")
    assert (fast.exit_code, reference.exit_code) == (0, 0)
    assert fast.stdout == reference.stdout
    assert json.loads(fast.stdout)["warnings"] == 9


def test_both_engines_print_the_same_sparql_violations_of_an_rdf_file():
    lifetime = Path(__file__).parents[1] / "data" / "shapes" / "MeetingWithinProcessLifetime"
    path = str(lifetime / "invalid-after-the-process-ended.ttl")
    fast = _invoke("validate", path, "--format", "turtle")
    reference = _invoke("validate", path, "--format", "turtle", "--engine", "pyshacl")
    assert (fast.exit_code, reference.exit_code) == (1, 1)
    fast_graph, reference_graph = (Graph().parse(data=r.stdout, format="turtle") for r in (fast, reference))
    assert isomorphic(fast_graph, reference_graph)
    (result,) = fast_graph.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
    assert str(fast_graph.value(result, SH.sourceShape)) == MGSH + "MeetingWithinProcessLifetime"
    assert str(fast_graph.value(result, SH.value)) == "2016-01-01"
    assert _invoke("validate", path).stdout == _invoke("validate", path, "--engine", "pyshacl").stdout


def test_unknown_engine_exits_2():
    result = _invoke("validate", str(BAD_MEMBERSHIP), "--engine", "rdflib")
    assert result.exit_code == 2
    assert "Invalid value for '--engine': 'rdflib' is not one of 'fast', 'pyshacl'." in result.stderr


def test_validation_leaves_the_data_graph_as_it_was(built):
    from mig_graph.store import in_memory
    from mig_graph.validate.shacl import validate_graph

    data = in_memory(built.graph)
    before = set(data)
    report = validate_graph(data)
    assert set(data) == before and len(report.warnings) == 9


def test_the_fast_engine_validates_an_rdf_file_in_the_store_without_an_rdflib_copy(monkeypatch):
    from mig_graph.validate import shacl

    reference = shacl.validate_inputs([BAD_MEMBERSHIP], engine="pyshacl")

    def refuse(graph):
        raise AssertionError("the fast engine copied the graph into rdflib")

    monkeypatch.setattr(shacl, "in_memory", refuse)
    assert not shacl.needs_rdflib_graph("fast") and shacl.needs_rdflib_graph("pyshacl")
    fast = shacl.validate_inputs([BAD_MEMBERSHIP], engine="fast")
    assert fast.results == reference.results and len(fast.violations) == 3


def test_the_focus_neighbourhood_read_from_the_store_is_the_one_read_through_rdflib(built):
    from mig_graph.validate.shacl import focus_subgraph
    from mig_graph.validate.whole_graph import oxigraph_copy

    focus = [URIRef("https://w3id.org/mig-graph/id/process/midiocc")]
    through_rdflib = focus_subgraph(built.graph, focus)
    from_store = focus_subgraph(built.graph, focus, store=oxigraph_copy(built.graph))
    assert set(from_store) == set(through_rdflib) and len(from_store) > 100
