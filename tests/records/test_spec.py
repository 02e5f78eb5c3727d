"""The record specification: the sections and keys a data file may have, and the kinds of fields."""

from __future__ import annotations

from mig_graph.records.spec import FILE_KEYS, SECTIONS, SOURCE_KEYS, FieldKind, record_fields


def test_a_data_file_has_these_sections():
    assert sorted(FILE_KEYS) == [
        "conflicts",
        "documents",
        "evaluations",
        "frameworks",
        "meetings",
        "memberships",
        "organisations",
        "people",
        "places",
        "posts",
        "processes",
        "programmes",
        "references",
        "regions",
        "series",
        "source",
        "states",
        "territories",
    ]


def test_a_source_has_these_keys():
    assert sorted(SOURCE_KEYS) == [
        "date",
        "date_note",
        "id",
        "kind",
        "language",
        "note",
        "publisher",
        "seed_file",
        "title",
        "url",
        "verification_note",
        "verified",
    ]


def test_whole_list_kinds_are_the_numbered_ones():
    assert {kind for kind in FieldKind if kind.whole_list} == {
        FieldKind.ITEMS,
        FieldKind.SESSIONS,
        FieldKind.PHASES,
    }


def test_a_post_has_the_common_fields_and_its_own():
    fields = record_fields(SECTIONS["posts"])
    assert list(fields)[-2:] == ["post_in", "role"]
    assert (fields["role"].kind, fields["role"].scheme) == (FieldKind.VOCAB, "role")
    assert fields["post_in"].targets == ("org", "state")
