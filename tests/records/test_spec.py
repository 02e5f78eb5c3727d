"""The record specification: the sections and keys a data file may have, and the kinds of fields."""

from __future__ import annotations

from mig_graph.records.spec import (
    CHANGE_KEYS,
    DERIVED_END_KEYS,
    FILE_KEYS,
    MEMBERSHIP_KEYS,
    SECTIONS,
    SOURCE_KEYS,
    TERM_KEYS,
    FieldKind,
    record_fields,
)


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
        "complete_list_of",
        "date",
        "date_note",
        "id",
        "kind",
        "language",
        "not_before",
        "not_before_note",
        "note",
        "publisher",
        "seed_file",
        "title",
        "url",
        "verification_note",
        "verified",
    ]


def test_whole_value_kinds_are_the_numbered_ones_and_the_one_mapping_ones():
    assert {kind for kind in FieldKind if kind.whole_list} == {
        FieldKind.ITEMS,
        FieldKind.SESSIONS,
        FieldKind.PHASES,
        FieldKind.CHANGE,
        FieldKind.DERIVED_END,
    }


def test_memberships_and_their_terms_have_these_keys():
    assert sorted(MEMBERSHIP_KEYS) == [
        "end_derived",
        "in_respect_of",
        "member",
        "members",
        "note",
        "organisation",
        "role",
        "sources",
        "terms",
        "time",
    ]
    assert sorted(TERM_KEYS) == ["end_derived", "note", "source", "value"]
    assert sorted(DERIVED_END_KEYS) == ["followed_by", "note", "sources"]


def test_processes_organisations_and_programmes_may_have_become_another():
    for name in ("processes", "organisations", "programmes"):
        became = record_fields(SECTIONS[name])["became"]
        assert (became.kind, became.targets) == (FieldKind.CHANGE, ("process", "org", "programme"))
    assert sorted(CHANGE_KEYS) == ["note", "process", "sources", "time"]


def test_a_post_has_the_common_fields_and_its_own():
    fields = record_fields(SECTIONS["posts"])
    assert list(fields)[-2:] == ["post_in", "role"]
    assert (fields["role"].kind, fields["role"].scheme) == (FieldKind.VOCAB, "role")
    assert fields["post_in"].targets == ("org", "state")
