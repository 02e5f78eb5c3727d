"""The SHACL shapes: each named shape against its fixtures, the seed graph's warnings, every shape explained.

Every fixture is validated by both engines, which must give the same report.
Fixtures live in ``tests/data/shapes/<ShapeName>/``: ``valid-*.ttl`` conform to the shape, ``invalid-*.ttl``
do not.  Each starts with its expected results for that shape, one ``# expect: <focus IRI> | <shape as
reported> | <severity>`` line per result, or ``# expect: nothing``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from mig_graph.validate.shacl import SHAPES_IRI, load_shapes, validate_graph

FIXTURES = Path(__file__).parents[1] / "data" / "shapes"
FILES = sorted(FIXTURES.glob("*/*.ttl"))
SHAPES = load_shapes()
NAMED = sorted(
    str(shape).removeprefix(SHAPES_IRI)
    for kind in (SH.NodeShape, SH.PropertyShape)
    for shape in SHAPES.subjects(RDF.type, kind)
    if isinstance(shape, URIRef)
)
ID = "https://w3id.org/mig-graph/id/"

# The seed graph's recorded conflicts: warnings, never violations.
SEED_WARNINGS = [
    (ID + "conflict/coi-council-34-date", "mgsh:RecordedConflict"),
    (ID + "conflict/lima-2006-attendance", "mgsh:RecordedConflict"),
    (ID + "conflict/midiocc-consultative-meeting-date", "mgsh:RecordedConflict"),
    (ID + "conflict/midiocc-type", "mgsh:RecordedConflict"),
    (ID + "meeting/coi-council-34", "mgsh:EventDateUnderRecordedConflict"),
    (ID + "meeting/lima-ministerial-2006", "mgsh:StatedCountsUnderRecordedConflict"),
    (ID + "meeting/midiocc-consultative-meeting", "mgsh:EventDateUnderRecordedConflict"),
    (ID + "meeting/midiocc-consultative-meeting", "mgsh:PreparatoryMeetingDateUnderRecordedConflict"),
    (ID + "process/midiocc", "mgsh:MechanismKindUnderRecordedConflict"),
]

# Named shapes that give no English message and severity, neither themselves (or in their SPARQL
# constraint) nor in every one of their property shapes.
UNEXPLAINED = """
PREFIX sh: <http://www.w3.org/ns/shacl#>
SELECT ?shape WHERE {
  VALUES ?kind { sh:NodeShape sh:PropertyShape }
  ?shape a ?kind .
  FILTER(isIRI(?shape))
  FILTER NOT EXISTS {
    ?shape sh:severity [] ; sh:message|sh:sparql/sh:message ?message .
    FILTER(LANG(?message) = "en")
  }
  FILTER(NOT EXISTS { ?shape sh:property [] } || EXISTS {
    ?shape sh:property ?property .
    FILTER NOT EXISTS { ?property sh:severity [] ; sh:message ?text . FILTER(LANG(?text) = "en") }
  })
}
"""


def expected(path: Path) -> set[tuple[str, ...]]:
    """The (focus, shape, severity) results announced by the fixture's ``# expect:`` lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    expects = [line.removeprefix("# expect:").strip() for line in lines if line.startswith("# expect:")]
    assert expects and lines[0].startswith("# expect:"), f"{path.name} does not start with # expect:"
    return {tuple(part.strip() for part in line.split("|")) for line in expects if line != "nothing"}


def reported_as(name: str) -> set[str]:
    """The names a shape's results carry: its own and those of the named property shapes it uses."""
    properties = SHAPES.objects(URIRef(SHAPES_IRI + name), SH.property)
    used = [shape.removeprefix(SHAPES_IRI) for shape in properties if isinstance(shape, URIRef)]
    return {f"mgsh:{shape}" for shape in [name, *used]}


@pytest.mark.parametrize("path", FILES, ids=[f"{path.parent.name}/{path.stem}" for path in FILES])
def test_fixture(path):
    """The fixture's expected results, and the same report from both engines (``fast``, the
    default, and ``pyshacl``, the reference)."""
    expect = expected(path)
    assert bool(expect) == path.name.startswith("invalid-"), "valid-* expect nothing, invalid-* results"
    data = Graph().parse(path)
    fast = validate_graph(data, engine="fast")
    reference = validate_graph(data, engine="pyshacl")
    assert {(r.focus, r.shape, r.severity, r.value) for r in fast.results} == {
        (r.focus, r.shape, r.severity, r.value) for r in reference.results
    }
    assert fast.results == reference.results
    assert isomorphic(fast.graph, reference.graph)
    names = reported_as(path.parent.name)
    found = {
        (result.focus, result.shape, result.severity)
        for result in fast.results
        if any(result.shape == name or result.shape.startswith(f"{name} (") for name in names)
    }
    assert found == expect


@pytest.mark.parametrize("name", NAMED)
def test_every_shape_has_fixtures(name):
    kinds = {path.name.split("-", 1)[0] for path in (FIXTURES / name).glob("*.ttl")}
    assert kinds >= {"valid", "invalid"}, f"tests/data/shapes/{name}/ needs valid-*.ttl and invalid-*.ttl"


def test_every_fixture_folder_names_a_shape():
    assert {path.parent.name for path in FILES} <= set(NAMED)


def test_seed_graph_conforms_with_its_recorded_conflicts(built):
    assert built.report.conforms
    assert sorted((result.focus, result.shape) for result in built.report.results) == SEED_WARNINGS


def test_every_shape_has_an_english_message_and_a_severity():
    assert [str(row.shape) for row in SHAPES.query(UNEXPLAINED)] == []
