"""Sources: their not-before date and its note, the mechanisms whose whole list of members they give."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Literal

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG

HEAD = """\
source:
  id: page
  url: https://example.org/page
  title: {en: A page, fr: Une page}
"""
PROCESSES = """\
processes:
  - id: colombo-process
    label: {en: Colombo Process, fr: Processus de Colombo}
"""


def _compile(tmp_path: Path, text: str):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return compile_data([path]).dataset


def _quads_of(dataset, subject, predicates) -> set:
    """(graph, predicate, object) of ``subject`` for the given predicates, in every named graph."""
    return {(g, p, o) for _, p, o, g in dataset.quads((subject, None, None, None)) if p in predicates}


def test_a_not_before_date_its_note_and_the_complete_list_are_written_in_the_sources_graph(tmp_path):
    text = HEAD + (
        '  not_before: "2023"\n'
        "  not_before_note: {en: 'The latest dated event the copy mentions: \"the 14th Ministerial"
        " Consultation, Dhaka, 2023\"'}\n"
        "  complete_list_of: [process/colombo-process]\n"
    )
    dataset = _compile(tmp_path, text + PROCESSES)
    page = ID["source/page"]
    assert _quads_of(dataset, page, {MG.notBefore, MG.notBeforeNote, MG.listsAllMembersOf}) == {
        (page, MG.notBefore, Literal("2023", datatype=XSD.gYear)),
        (
            page,
            MG.notBeforeNote,
            Literal(
                'The latest dated event the copy mentions: "the 14th Ministerial Consultation, Dhaka, 2023"',
                lang="en",
            ),
        ),
        (page, MG.listsAllMembersOf, ID["process/colombo-process"]),
    }


def test_a_not_before_date_keeps_its_precision(tmp_path):
    text = HEAD + '  not_before: "2019-11-30"\n  not_before_note: {en: "A meeting of 30 November 2019."}\n'
    dataset = _compile(tmp_path, text)
    assert {o for _, _, o, _ in dataset.quads((ID["source/page"], MG.notBefore, None, None))} == {
        Literal("2019-11-30", datatype=XSD.date)
    }


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        ('  not_before: "2019"\n', 5, "a source with 'not_before' needs 'not_before_note'"),
        ("  not_before_note: {en: A meeting.}\n", 5, "a source with 'not_before_note' needs 'not_before'"),
        (
            '  not_before: "2019-13"\n  not_before_note: {en: A meeting.}\n',
            5,
            "field 'not_before': date '2019-13' does not exist (month must be in 1..12)",
        ),
        ("  complete_list_of: [process/no-such]\n", 5, "unknown id 'process/no-such'"),
        (
            "  complete_list_of: [state/FRA]\n",
            5,
            "reference 'state/FRA' must be one of: process, org, programme",
        ),
    ],
)
def test_bad_source_time_fields_are_refused_at_their_line(tmp_path, extra, line, message):
    with pytest.raises(InputError) as caught:
        _compile(tmp_path, HEAD + extra + PROCESSES)
    assert (caught.value.location.line, caught.value.location.record, caught.value.message) == (
        line,
        "page",
        message,
    )
