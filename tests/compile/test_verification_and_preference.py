"""Unverified sources and preferred claims: how the data format writes them, and the errors it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG, VOCAB

HEAD = """\
source:
  id: page
  url: https://example.org/page
  title: {en: A page, fr: Une page}
  language: en
references:
  - id: other
    url: https://example.org/other
    title: {en: Another page, fr: Une autre page}
    language: en
"""
MEETING = """\
meetings:
  - id: m
    label: {en: M, fr: M}
"""


def _objects(dataset, subject, predicate) -> set:
    """The values of a property in any of the dataset's named graphs."""
    return {value for _, _, value, _ in dataset.quads((subject, predicate, None, None))}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _conflict(claims: str) -> str:
    return (
        HEAD
        + MEETING
        + """\
conflicts:
  - id: c
    subject: meeting/m
    property: time
    label: {en: Two dates, fr: Deux dates}
    claims:
"""
        + claims
    )


ONE_PREFERRED = """\
      - value: "2019"
        passage: {en: "in 2019"}
        preferred: true
        preference_note: {en: Two further pages give 2019.}
      - value: "2020"
        source: other
        passage: {en: "in 2020"}
"""


def test_an_unverified_source_gets_its_status_and_reason(tmp_path):
    text = HEAD.replace(
        "    language: en\n",
        "    language: en\n    verified: false\n"
        "    verification_note: {en: No stored copy holds the passage.}\n",
    )
    dataset = compile_data([_write(tmp_path, text)]).dataset
    other = ID["source/other"]
    assert _objects(dataset, other, MG.verificationStatus) == {VOCAB["verification/unverified"]}
    note = Literal("No stored copy holds the passage.", lang="en")
    assert _objects(dataset, other, MG.verificationNote) == {note}
    assert _objects(dataset, ID["source/page"], MG.verificationStatus) == set()


def test_an_unverified_source_without_a_reason_is_refused(tmp_path):
    path = _write(tmp_path, HEAD.replace("    language: en\n", "    language: en\n    verified: false\n"))
    with pytest.raises(InputError) as caught:
        compile_data([path])
    assert caught.value.message == "an unverified source ('verified: false') needs a 'verification_note'"
    assert (caught.value.location.line, caught.value.location.record) == (7, "other")


def test_a_preferred_claim_is_the_conflicts_preferred_claim_with_its_note(tmp_path):
    dataset = compile_data([_write(tmp_path, _conflict(ONE_PREFERRED))]).dataset
    conflict = ID["conflict/c"]
    assert _objects(dataset, conflict, MG.preferredClaim) == {URIRef(f"{conflict}/claim/1")}
    assert _objects(dataset, conflict, MG.preferenceNote) == {
        Literal("Two further pages give 2019.", lang="en")
    }


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        (
            ONE_PREFERRED.replace(
                "        source: other\n",
                "        source: other\n        preferred: true\n"
                "        preference_note: {en: So is this.}\n",
            ),
            "a conflict has at most one preferred claim",
        ),
        (
            ONE_PREFERRED.replace("        preference_note: {en: Two further pages give 2019.}\n", ""),
            "a preferred claim needs a 'preference_note' saying why",
        ),
        (
            ONE_PREFERRED.replace("        preferred: true\n", ""),
            "only a claim marked 'preferred: true' has a 'preference_note'",
        ),
        (
            ONE_PREFERRED.replace("preferred: true", "preferred: yes please"),
            "field 'preferred': expected true or false",
        ),
    ],
    ids=["two-preferred", "no-note", "note-without-preference", "not-a-boolean"],
)
def test_badly_marked_preferences_are_refused(tmp_path, claims, message):
    with pytest.raises(InputError) as caught:
        compile_data([_write(tmp_path, _conflict(claims))])
    assert caught.value.message.startswith(message)
