"""Derived ends (``end_derived``): the node that says how an end was derived, in the graphs of its
sources, and the following term that ``followed_by`` names."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Literal
from rdflib.namespace import PROV

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG

HEAD = """\
source:
  id: page
  url: https://example.org/page
  title: {en: A page, fr: Une page}
references:
  - id: report
    url: https://example.org/report
    title: {en: A report, fr: Un rapport}
processes:
  - id: p
    label: {en: P, fr: P}
memberships:
"""
BASE = "membership/process-p/chair/"


def _compile(tmp_path: Path, text: str):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return compile_data([path]).dataset


def _derivation_quads(dataset) -> set:
    """Every quad of a derived end or of an ``mg:endDerivation`` link, with its graph."""
    return {
        (s, p, o, g)
        for s, p, o, g in dataset.quads((None, None, None, None))
        if p == MG.endDerivation or str(s).endswith("/end-derivation")
    }


SUCCESSION = """\
  - organisation: process/p
    role: chair
    member: state/FRA
    time: "2015-04/2017-03"
    end_derived:
      note: {en: "France handed over the chair to Germany in March 2017."}
      sources: [report]
      followed_by: state/DEU
  - organisation: process/p
    role: chair
    member: state/DEU
    terms:
      - value: "2010/2012"
        end_derived: {note: {en: "Past chairs: Germany, France."}, sources: [page, report]}
      - "2017-03/"
      - "2021/"
"""


def test_a_derived_end_and_the_term_it_is_followed_by(tmp_path):
    dataset = _compile(tmp_path, HEAD + SUCCESSION)
    france, germany = ID[BASE + "state-FRA"], ID[BASE + "state-DEU/2010--2012"]
    france_end, germany_end = (
        ID[BASE + "state-FRA/end-derivation"],
        ID[BASE + "state-DEU/2010--2012/end-derivation"],
    )
    page, report = ID["source/page"], ID["source/report"]
    handover = Literal("France handed over the chair to Germany in March 2017.", lang="en")
    past_chairs = Literal("Past chairs: Germany, France.", lang="en")
    assert _derivation_quads(dataset) == {
        (france, MG.endDerivation, france_end, report),
        (france_end, RDF.type, MG.DerivedEnd, report),
        (france_end, SKOS.note, handover, report),
        (france_end, PROV.wasDerivedFrom, report, report),
        (france_end, MG.followedBy, ID[BASE + "state-DEU/2017-03--"], report),
        (germany, MG.endDerivation, germany_end, page),
        (germany, MG.endDerivation, germany_end, report),
        (germany_end, RDF.type, MG.DerivedEnd, page),
        (germany_end, RDF.type, MG.DerivedEnd, report),
        (germany_end, SKOS.note, past_chairs, page),
        (germany_end, SKOS.note, past_chairs, report),
        (germany_end, PROV.wasDerivedFrom, page, page),
        (germany_end, PROV.wasDerivedFrom, report, report),
    }


def test_a_term_written_as_a_mapping_keeps_its_cited_source(tmp_path):
    text = HEAD + (
        "  - organisation: process/p\n"
        "    role: chair\n"
        "    member: state/FRA\n"
        "    terms:\n"
        '      - {value: "2015/2017", source: report,\n'
        "         end_derived: {note: {en: Handover.}, sources: [report]}}\n"
    )
    dataset = _compile(tmp_path, text)
    membership = ID[BASE + "state-FRA/2015--2017"]
    page, report = ID["source/page"], ID["source/report"]
    assert {g for _, p, _, g in dataset.quads((membership, None, None, None)) if p == RDF.type} == {page}
    interval = ID[BASE + "state-FRA/2015--2017/interval/2015--2017"]
    assert {g for _, _, _, g in dataset.quads((interval, None, None, None))} == {report}


@pytest.mark.parametrize(
    ("memberships", "line", "message"),
    [
        (
            '  - {organisation: process/p, role: chair, member: state/FRA, time: "2015/",'
            " end_derived: {note: {en: N.}, sources: [page]}}\n",
            13,
            "'end_derived' explains the end of a time that has none: write the end (START/END)",
        ),
        (
            '  - {organisation: process/p, role: chair, member: state/FRA, terms: ["2015/2017"],'
            " end_derived: {note: {en: N.}, sources: [page]}}\n",
            13,
            "with 'terms', write 'end_derived' on the term whose end it derives: {value: …, end_derived: …}",
        ),
        (
            '  - {organisation: process/p, role: chair, member: state/FRA, time: "2015/2017",'
            " end_derived: {sources: [page]}}\n",
            13,
            "'end_derived' needs a 'note' saying how the end is derived",
        ),
        (
            '  - {organisation: process/p, role: chair, member: state/FRA, time: "2015/2017",'
            " end_derived: {note: {en: N.}, sources: [nowhere]}}\n",
            13,
            "unknown source id 'nowhere'",
        ),
        (
            '  - {organisation: process/p, role: chair, member: state/FRA, time: "2015/2017",'
            " end_derived: {note: {en: N.}, sources: [page], followed_by: state/DEU}}\n"
            '  - {organisation: process/p, role: chair, member: state/DEU, time: "2012/2014"}\n',
            13,
            "'followed_by': state/DEU has no term of process/p as chair that follows this one",
        ),
        (
            '  - {organisation: process/p, role: chair, member: state/FRA, time: "2015/2017",'
            " end_derived: {note: {en: N.}, sources: [page], followed_by: state/DEU}}\n"
            '  - {organisation: process/p, role: co-chair, member: state/DEU, time: "2017/"}\n',
            13,
            "'followed_by': state/DEU has no term of process/p as chair that follows this one",
        ),
        (
            "  - organisation: process/p\n    role: chair\n    member: state/FRA\n"
            '    time: {value: "2015/2017", end_derived: {note: {en: N.}, sources: [page]}}\n'
            "    end_derived: {note: {en: N.}, sources: [page]}\n",
            16,
            "'end_derived' is written twice, for the record and in its time",
        ),
    ],
)
def test_bad_derived_ends_are_refused_at_their_line(tmp_path, memberships, line, message):
    with pytest.raises(InputError) as caught:
        _compile(tmp_path, HEAD + memberships)
    assert (caught.value.location.line, caught.value.location.record, caught.value.message) == (
        line,
        "process/p",
        message,
    )


def test_a_follower_with_a_single_undated_term_follows(tmp_path):
    text = HEAD + (
        '  - {organisation: process/p, role: chair, member: state/FRA, time: "2015/2017",'
        " end_derived: {note: {en: N.}, sources: [page], followed_by: state/DEU}}\n"
        "  - {organisation: process/p, role: chair, member: state/DEU}\n"
    )
    dataset = _compile(tmp_path, text)
    assert {
        o for _, _, o, _ in dataset.quads((ID[BASE + "state-FRA/end-derivation"], MG.followedBy, None, None))
    } == {ID[BASE + "state-DEU"]}
