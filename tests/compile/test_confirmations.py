"""The date up to which sources confirm a membership with no end (``mg:confirmedUntil``) and the
sources that give it (``mg:confirmedBy``), each in the graph of the confirming source."""

from __future__ import annotations

from pathlib import Path

from rdflib import XSD, Literal

from mig_graph.compile.confirmations import latest_date
from mig_graph.compile.dataset import compile_data
from mig_graph.namespaces import ID, MG
from mig_graph.records import PartialDate

SOURCES = """\
source:
  id: undated
  url: https://example.org/undated
  title: {en: Undated, fr: Non datée}
references:
  - id: y2019
    url: https://example.org/2019
    title: {en: "2019", fr: "2019"}
    date: "2019"
  - id: june-2019
    url: https://example.org/june
    title: {en: June 2019, fr: Juin 2019}
    date: "2019-06-15"
  - id: also-june-2019
    url: https://example.org/also-june
    title: {en: Also June 2019, fr: Aussi juin 2019}
    date: "2019-06-15"
  - id: not-before-2021
    url: https://example.org/not-before
    title: {en: Not before 2021, fr: Pas avant 2021}
    not_before: "2021-03"
    not_before_note: {en: 'The latest dated event the copy mentions: "the March 2021 ministerial"'}
  - id: dated-and-later
    url: https://example.org/both
    title: {en: Both, fr: Les deux}
    date: "2020"
    not_before: "2022"
    not_before_note: {en: 'The latest dated event the copy mentions: "the 2022 summit"'}
processes:
  - id: p
    label: {en: P, fr: P}
memberships:
"""


def _confirmations(tmp_path: Path, memberships: str) -> set:
    """(membership, predicate, object, graph) of every mg:confirmedUntil and mg:confirmedBy."""
    path = tmp_path / "data.yaml"
    path.write_text(SOURCES + memberships, encoding="utf-8")
    dataset = compile_data([path]).dataset
    return {
        (s, p, o, g)
        for predicate in (MG.confirmedUntil, MG.confirmedBy)
        for s, p, o, g in dataset.quads((None, predicate, None, None))
    }


def _membership(member: str, sources: str, time: str = "") -> str:
    when = f", time: {time!r}" if time else ""
    return f"  - {{organisation: process/p, member: state/{member}, sources: [{sources}]{when}}}\n"


def _iri(member: str):
    return ID[f"membership/process-p/member/state-{member}"]


def test_the_latest_dated_source_confirms_in_its_own_graph_with_its_precision(tmp_path):
    found = _confirmations(tmp_path, _membership("FRA", "undated, y2019, june-2019", "2001/"))
    june = ID["source/june-2019"]
    assert found == {
        (_iri("FRA"), MG.confirmedUntil, Literal("2019-06-15", datatype=XSD.date), june),
        (_iri("FRA"), MG.confirmedBy, june, june),
    }


def test_a_not_before_date_confirms_like_a_date(tmp_path):
    found = _confirmations(tmp_path, _membership("FRA", "y2019, not-before-2021"))
    source = ID["source/not-before-2021"]
    assert found == {
        (_iri("FRA"), MG.confirmedUntil, Literal("2021-03", datatype=XSD.gYearMonth), source),
        (_iri("FRA"), MG.confirmedBy, source, source),
    }


def test_a_source_with_a_date_and_a_later_not_before_confirms_until_the_later(tmp_path):
    found = _confirmations(tmp_path, _membership("FRA", "dated-and-later, not-before-2021"))
    source = ID["source/dated-and-later"]
    assert found == {
        (_iri("FRA"), MG.confirmedUntil, Literal("2022", datatype=XSD.gYear), source),
        (_iri("FRA"), MG.confirmedBy, source, source),
    }


def test_sources_of_the_same_date_all_confirm(tmp_path):
    found = _confirmations(tmp_path, _membership("FRA", "june-2019, also-june-2019, y2019"))
    june, also = ID["source/june-2019"], ID["source/also-june-2019"]
    day = Literal("2019-06-15", datatype=XSD.date)
    assert found == {
        (_iri("FRA"), MG.confirmedUntil, day, june),
        (_iri("FRA"), MG.confirmedBy, june, june),
        (_iri("FRA"), MG.confirmedUntil, day, also),
        (_iri("FRA"), MG.confirmedBy, also, also),
    }


def test_no_dated_source_and_a_stated_end_give_no_confirmation(tmp_path):
    memberships = _membership("FRA", "undated", "2001/") + _membership("DEU", "y2019", "2001/2010")
    assert _confirmations(tmp_path, memberships) == set()


def test_a_membership_stated_in_two_records_is_confirmed_by_the_sources_of_both(tmp_path):
    memberships = _membership("FRA", "y2019") + _membership("FRA", "not-before-2021")
    source = ID["source/not-before-2021"]
    assert _confirmations(tmp_path, memberships) == {
        (_iri("FRA"), MG.confirmedUntil, Literal("2021-03", datatype=XSD.gYearMonth), source),
        (_iri("FRA"), MG.confirmedBy, source, source),
    }


def test_the_latest_date_is_the_one_that_begins_last():
    dates = [
        PartialDate("2019"),
        PartialDate("2019-01"),
        PartialDate("2019-01-01"),
        PartialDate("2018-12-31"),
    ]
    assert latest_date(dates) == PartialDate("2019")
    assert latest_date([PartialDate("2019"), PartialDate("2019-02")]) == PartialDate("2019-02")
