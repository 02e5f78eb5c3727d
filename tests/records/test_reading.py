"""Bad curated data: a clear message naming file, line and record, exit code 2, nothing written."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mig_graph.build import build
from mig_graph.cli import cli
from mig_graph.errors import InputError
from mig_graph.records.reading import MAX_FILE_BYTES, MAX_VALUE_CHARS

BAD_INPUT = Path(__file__).parents[1] / "data" / "bad-input"
ROLES = (
    "chair, closing-speaker, co-chair, deputy-director-general, director-general, evaluator, funder, "
    "global-goodwill-ambassador, host, implementing-partner, member, national-goodwill-ambassador, observer, "
    "opening-speaker, organiser, participant, presenter, secretariat, target-government, technical-support, "
    "vice-minister"
)
HEADER = "source:\n  id: bad-source\n  seed_file: bad.txt\n  title: {en: Bad, fr: Mauvais}\n"

# file, line, record, the whole message
CASES = [
    (
        "malformed-yaml.yaml",
        7,
        "p",
        "malformed YAML: while parsing a flow mapping started on line 7: "
        "expected ',' or '}', but got '<stream end>'",
    ),
    ("duplicate-key.yaml", 8, "p", "duplicate key 'label' in one record"),
    ("duplicate-id.yaml", 8, "process/p", "duplicate id 'process/p' in this file"),
    ("unknown-reference.yaml", 9, "process/no-such-process", "unknown id 'process/no-such-process'"),
    ("unknown-country.yaml", 10, "process/p", "unknown country name 'Atlantide'"),
    (
        "unknown-role.yaml",
        11,
        "process/p",
        f"unknown role 'president'; known: {ROLES}",
    ),
    (
        "date-wrong-form.yaml",
        8,
        "m",
        "field 'time': date '26' is not YYYY, YYYY-MM or YYYY-MM-DD "
        "(in '26/08/2019': expected DATE, START/END, START/ or /END)",
    ),
    (
        "date-does-not-exist.yaml",
        8,
        "m",
        "field 'time': date '2019-02-30' does not exist (day is out of range for month) "
        "(in '2019-02-30': expected DATE, START/END, START/ or /END)",
    ),
    (
        "unknown-field.yaml",
        8,
        "p",
        "unknown field 'founded' for process; known: acronym, alt_label, approved_at, approved_by, "
        "as_written, associated_with, became, chair_appointed, counts, description, homepage, id, label, "
        "note, objectives, part_of, participant_groups, proposed_at, refers_to, region, same_as, sources, "
        "thematic_areas, time, type, unresolved, wikidata",
    ),
    ("missing-french-label.yaml", 7, "process/p", "no label in fr"),
    # the time model: a not-before date needs its note, a derived end its sources and a following
    # term, a change a known process
    ("not-before-without-note.yaml", 5, "bad-source", "a source with 'not_before' needs 'not_before_note'"),
    (
        "end-derived-without-sources.yaml",
        17,
        "process/p",
        "'end_derived' needs the 'sources' it rests on (at least one source id)",
    ),
    (
        "end-derived-unknown-key.yaml",
        12,
        "process/p",
        "unknown field 'successor' for end_derived; known: followed_by, note, sources",
    ),
    (
        "followed-by-without-following-term.yaml",
        16,
        "process/p",
        "'followed_by': state/DEU has no term of process/p as chair that follows this one",
    ),
    ("became-unknown-process.yaml", 8, "p", "unknown id 'process/no-such-process'"),
    # YAML beyond the limits: depth, aliases, expansion, an alias inside its own node
    ("deep-nesting.yaml", 8, "p", "YAML nested more than 32 levels deep"),
    ("billion-laughs.yaml", 12, None, "more than 64 YAML aliases in one file"),
    ("alias-bomb.yaml", 11, None, "YAML aliases expand this node beyond 4194304 characters"),
    ("recursive-alias.yaml", 8, "p", "YAML alias *loop refers to a node that contains it"),
    ("key-not-text.yaml", 8, "p", "a key must be text, got ['a', 'b']"),
    # bytes: not UTF-8, a raw control byte
    ("not-utf8.yaml", 7, "p", "not UTF-8 text: byte 0xe9 at column 28 (invalid continuation byte)"),
    (
        "control-byte.yaml",
        7,
        "p",
        "control character U+0001 at column 19; "
        "write it as an escape in a double-quoted string if it is meant",
    ),
    # values: IRIs, dates in ASCII digits, texts without controls that show something
    (
        "invalid-iri.yaml",
        8,
        "p",
        "field 'homepage': character U+003C (LESS-THAN SIGN) is not allowed in an IRI: 'https://x/<y>'",
    ),
    (
        "iri-with-space.yaml",
        8,
        "p",
        "field 'same_as': character U+0020 (SPACE) is not allowed in an IRI: 'https://example.org/a b'",
    ),
    (
        "fullwidth-date.yaml",
        8,
        "m",
        "field 'time': date '１９５１' is not YYYY, YYYY-MM or YYYY-MM-DD "
        "(in '１９５１': expected DATE, START/END, START/ or /END)",
    ),
    (
        "control-in-title.yaml",
        4,
        "bad-source",
        "control character U+0001 in a label or title: 'Bad\\x01 title'",
    ),
    ("zero-width-label.yaml", 7, "p", "text '\\u200b' is empty or only invisible characters"),
    ("invisible-description.yaml", 9, "p", "text '\\ufeff\\u2060' is empty or only invisible characters"),
]


@pytest.mark.parametrize(("file_name", "line", "record", "message"), CASES)
def test_build_error_names_file_line_and_record(tmp_path, file_name, line, record, message):
    path = BAD_INPUT / file_name
    with pytest.raises(InputError) as caught:
        build([path], tmp_path / "dist")
    error = caught.value
    assert (error.location.path, error.location.line, error.location.record) == (path, line, record)
    assert error.message == message
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(("file_name", "line", "record", "message"), CASES)
def test_cli_exits_2_with_the_location_and_writes_nothing(tmp_path, file_name, line, record, message):
    path = BAD_INPUT / file_name
    out = tmp_path / "dist"
    result = CliRunner().invoke(cli, ["build", "--data", str(path), "--out", str(out)])
    assert result.exit_code == 2
    where = f"{path}:{line}" + (f" (record {record!r})" if record else "")
    assert result.stderr == f"error: {where}: {message}\n"
    assert not out.exists()


def test_failed_build_leaves_an_earlier_output_untouched(tmp_path):
    out = tmp_path / "dist"
    build(None, out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    with pytest.raises(InputError):
        build([BAD_INPUT / "unknown-country.yaml"], out)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def _cli_error(tmp_path: Path, *data: Path) -> str:
    """Run ``build --data …``; assert exit 2 and nothing written; return stderr."""
    out = tmp_path / "dist"
    arguments = ["build", "--out", str(out)]
    for path in data:
        arguments += ["--data", str(path)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2
    assert not out.exists()
    return result.stderr


def test_missing_data_file_is_an_input_error(tmp_path):
    assert (
        _cli_error(tmp_path, tmp_path / "nope.yaml")
        == f"error: {tmp_path / 'nope.yaml'}:0: no such data file or folder\n"
    )


def _folder_with(tmp_path: Path, make) -> tuple[Path, Path]:
    """A data folder holding one valid file and one ``x.yaml`` entry made by ``make``."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.yaml").write_text(HEADER, encoding="utf-8")
    entry = folder / "x.yaml"
    make(entry)
    return folder, entry


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda entry: entry.symlink_to("nowhere.yaml"), "dangling symbolic link: its target does not exist"),
        (lambda entry: entry.mkdir(), "not a regular file (a folder)"),
        (lambda entry: os.mkfifo(entry), "not a regular file (a named pipe)"),
        (lambda entry: entry.symlink_to(entry.name), "symbolic link loop"),
        (
            lambda entry: (entry.symlink_to("y.yaml"), (entry.parent / "y.yaml").symlink_to("x.yaml")),
            "symbolic link loop",
        ),
    ],
    ids=["dangling-symlink", "folder", "fifo", "self-symlink", "symlink-loop"],
)
def test_an_entry_that_is_not_a_regular_file_is_an_error_not_skipped(tmp_path, make, message):
    folder, entry = _folder_with(tmp_path, make)
    assert _cli_error(tmp_path, folder) == f"error: {entry}:0: {message}\n"


def test_a_device_is_refused_without_reading_it(tmp_path):
    started = time.monotonic()
    assert (
        _cli_error(tmp_path, Path("/dev/zero"))
        == "error: /dev/zero:0: not a regular file (a character device)\n"
    )
    assert time.monotonic() - started < 5


def test_a_file_above_the_size_limit_stops_at_the_limit(tmp_path):
    path = tmp_path / "huge.yaml"
    line = HEADER + "processes:\n" + "  # padding\n" * (MAX_FILE_BYTES // 12 + 10)
    path.write_text(line, encoding="utf-8")
    lines_within_limit = path.read_bytes()[:MAX_FILE_BYTES].count(b"\n") + 1
    assert _cli_error(tmp_path, path) == (
        f"error: {path}:{lines_within_limit}: "
        f"file larger than {MAX_FILE_BYTES} bytes, the limit for a data file\n"
    )


def test_a_value_above_the_length_limit_is_refused(tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text(
        HEADER
        + f"processes:\n  - id: p\n    label: {{en: P, fr: P}}\n    note: {'x' * (MAX_VALUE_CHARS + 1)}\n",
        encoding="utf-8",
    )
    assert _cli_error(tmp_path, path) == (
        f"error: {path}:8 (record 'p'): "
        f"a value of {MAX_VALUE_CHARS + 1} characters (at most {MAX_VALUE_CHARS})\n"
    )


def test_a_long_value_in_a_message_is_cut(tmp_path):
    path = tmp_path / "long-role.yaml"
    role = "r" * 5000
    path.write_text(
        HEADER
        + "processes:\n  - id: p\n    label: {en: P, fr: P}\n"
        + f"memberships:\n  - organisation: process/p\n    member: state/FRA\n    role: {role}\n",
        encoding="utf-8",
    )
    stderr = _cli_error(tmp_path, path)
    message = f"unknown role '{role}'; known: {ROLES}"
    assert (
        stderr
        == f"error: {path}:11 (record 'process/p'): {message[:600]}… ({len(message) - 600} more characters)\n"
    )


def test_a_file_replaced_by_a_symlink_to_itself_is_blamed_itself(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "a.yaml").write_text(HEADER, encoding="utf-8")
    (folder / "b.yaml").symlink_to("b.yaml")
    (folder / "c.yaml").write_text(HEADER.replace("bad-source", "other-source"), encoding="utf-8")
    assert _cli_error(tmp_path, folder) == f"error: {folder / 'b.yaml'}:0: symbolic link loop\n"


def test_a_list_item_is_located_on_its_own_line(tmp_path):
    path = tmp_path / "members.yaml"
    path.write_text(
        HEADER
        + "processes:\n  - id: p\n    label: {en: P, fr: P}\n"
        + "memberships:\n  - organisation: process/p\n"
        + "    members:\n      - state/FRA\n      - state/Atlantide\n",
        encoding="utf-8",
    )
    assert (
        _cli_error(tmp_path, path)
        == f"error: {path}:12 (record 'process/p'): unknown country name 'Atlantide'\n"
    )


def test_a_nested_entry_is_named_by_its_enclosing_record(tmp_path):
    path = tmp_path / "participants.yaml"
    path.write_text(
        HEADER
        + "meetings:\n  - id: m\n    label: {en: M, fr: M}\n    participants:\n"
        + '      - role: participant\n        agents: [state/FRA]\n        note: {en: "\\u2060"}\n',
        encoding="utf-8",
    )
    assert (
        _cli_error(tmp_path, path)
        == f"error: {path}:11 (record 'm'): text '\\u2060' is empty or only invisible characters\n"
    )
