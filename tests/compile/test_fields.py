"""The value-kind dispatch table: one handler per field kind, every controlled list known."""

from __future__ import annotations

from rdflib import Graph

from mig_graph import paths
from mig_graph.compile.fields import HANDLERS
from mig_graph.compile.vocabulary import ControlledLists
from mig_graph.namespaces import VOCAB
from mig_graph.records.spec import COMMON_FIELDS, SECTIONS, SOURCE_FIELDS, FieldKind


def test_every_field_kind_has_one_handler():
    assert set(HANDLERS) == set(FieldKind)


def test_every_controlled_list_a_field_names_is_in_the_vocabularies():
    fields = COMMON_FIELDS + SOURCE_FIELDS + tuple(f for s in SECTIONS.values() for f in s.fields)
    schemes = {spec.scheme for spec in fields if spec.kind is FieldKind.VOCAB}
    assert schemes == {"document-kind", "meeting-kind", "role", "stakeholder", "status"}
    lists = ControlledLists(Graph().parse(paths.vocabularies_file(), format="turtle"))
    for scheme in schemes:
        assert any(str(concept).startswith(str(VOCAB[f"{scheme}/"])) for concept in lists.concepts), scheme
    assert lists.concept("role", "co-chair") == VOCAB["role/co-chair"]
