"""mig_graph.report.messages: the report's strings, one TOML file per language, alike in keys and
placeholders."""

from __future__ import annotations

import string

from mig_graph.report import LANGUAGES, TEXT
from mig_graph.report.messages import read_messages


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_language_has_the_same_keys_and_placeholders():
    assert LANGUAGES == ("en", "fr")
    assert len(TEXT["en"]) == 86
    assert TEXT["fr"].keys() == TEXT["en"].keys()
    for key, english in TEXT["en"].items():
        assert placeholders(TEXT["fr"][key]) == placeholders(english), key
    assert {key: placeholders(text) for key, text in TEXT["en"].items() if placeholders(text)} == {
        "as_of": {"date"},
        "centrality_text": {"sample"},
        "change": {"after", "before"},
        "change_text": {"after", "before", "ended_processes", "gained", "lost", "new_processes"},
        "map_unmapped": {"codes"},
        "memberships_caption_binned": {"next", "twice", "width"},
        "more": {"n"},
        "network_caption_subset": {"shown", "total"},
        "network_subset": {"edges", "shown", "total"},
        "network_title_subset": {"shown", "total"},
        "not_included": {"names"},
        "overlap_caption": {"n"},
        "summary_text": {"actors", "processes"},
        "unknown_status": {"date", "n", "processes"},
        "roles": {"roles"},
        "sampled": {"k"},
    }


def test_the_files_are_read_as_written():
    french = read_messages("fr")
    assert french["title"] == "Analyse de réseau de la gouvernance des migrations"
    assert french["memberships_y"] == "nombre d'États"
    assert read_messages("en")["more"].format(n=4) == "… (+4)"
