"""Fuzzing the curated data: a few hundred seeded mutations of the real files, each built in-process.

Each mutation belongs to a class that fixes its outcome: a harmful one must stop
``mig-graph build`` with exit code 2, one line ``error: FILE:LINE (record 'ID'):
MESSAGE`` naming the mutated file, the mutated line and the class's message, no
traceback and nothing written; a harmless one must build the same bytes as the
unmutated data.  The targets are found by composing the real files with PyYAML
(the scalars written on one line, their keys and columns), so every mutation
hits the value it means to.  Files left unmutated are parsed once and reused,
so a case costs the mutated file's read and the compilation.
"""

from __future__ import annotations

import random
import re
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from click.testing import CliRunner

from mig_graph import paths
from mig_graph.cli import cli
from mig_graph.records import dates
from mig_graph.records import reading as sources
from mig_graph.records.reading import MAX_VALUE_CHARS

SEED = 20240612
TEXT_KEYS = {
    "label",
    "title",
    "note",
    "description",
    "theme",
    "passage",
    "acronym",
    "alt_label",
    "as_written",
    "occupation",
    "date_note",
}
# Keys whose value is never free text: a reference, a code, a date, a controlled term, a flag.
CONSTRAINED_KEYS = {
    "id",
    "time",
    "date",
    "attested",
    "role",
    "kind",
    "type",
    "status",
    "category",
    "approximate",
    "preparatory",
    "unresolved",
    "chair_appointed",
    "wikidata",
    "homepage",
    "url",
    "same_as",
    "language",
    "publisher",
    "member",
    "organisation",
    "subject",
    "property",
    "post",
    "post_in",
    "nationality",
    "affiliation",
    "country",
    "region",
    "managed_by",
    "evaluates",
    "author",
    "place",
    "part_of",
    "unit_of",
    "based_in",
    "refers_to",
    "feeds_into",
    "adopted_at",
    "presented_at",
    "presented_by",
    "approved_at",
    "approved_by",
    "proposed_at",
    "associated_with",
    "in_respect_of",
    "part_of_state",
    "source",
}
NAME_KEYS = {"id", "subject", "organisation", "post", "member"}
LINE = re.compile(
    r"error: (?P<path>.+?):(?P<line>\d+)(?: \(record '(?P<record>[^']+)'\))?: (?P<message>.+)\n", re.S
)


@dataclass(frozen=True)
class Scalar:
    """A scalar value written on one line, with its key."""

    line: int  # 0-based
    start: int  # column of the value
    end: int
    key: str
    in_text: bool  # the value of a text field, or of a language in one
    block_mapping: bool  # its mapping is in block style (one key per line)
    key_column: int
    plain: bool


@dataclass(frozen=True)
class Mutation:
    """One mutated file: its class, its new bytes, and the 1-based line the error must name."""

    kind: str
    file_name: str
    data: bytes
    line: int | None
    message: str | None  # a fragment of the expected message; None for a harmless mutation
    named: bool = True  # the error names a record (not when the record's own id was replaced)


def _scalars(text: str) -> tuple[list[Scalar], set[int]]:
    """The one-line scalar values of a file, and the lines inside multi-line scalars."""
    found: list[Scalar] = []
    inside: set[int] = set()

    def walk(node: yaml.Node, key: str | None, in_text: bool, block: bool, key_column: int) -> None:
        if isinstance(node, yaml.ScalarNode):
            if node.start_mark.line != node.end_mark.line or node.style in {"|", ">"}:
                inside.update(range(node.start_mark.line, node.end_mark.line + 1))
            elif key is not None:
                found.append(
                    Scalar(
                        node.start_mark.line,
                        node.start_mark.column,
                        node.end_mark.column,
                        key,
                        in_text,
                        block,
                        key_column,
                        node.style is None,
                    )
                )
        elif isinstance(node, yaml.MappingNode):
            for key_node, value in node.value:
                name = key_node.value
                # a value-with-source inside a text field (``note: {value: {en: ...}, source: x}``): its
                # ``source`` is a reference, not text
                text_value = (in_text or name in TEXT_KEYS) and name not in CONSTRAINED_KEYS
                walk(value, name, text_value, not node.flow_style, key_node.start_mark.column)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, key, in_text, False, -1)

    walk(yaml.compose(text), None, False, True, 0)
    return found, inside


def _replace(lines: list[str], scalar: Scalar, new: str) -> str:
    line = lines[scalar.line]
    changed = list(lines)
    changed[scalar.line] = line[: scalar.start] + new + line[scalar.end :]
    return "".join(changed)


def _bomb(levels: int, word: str) -> str:
    """A one-line flow list whose items each hold ten aliases of the one before."""
    items = [f"&l0 {word}"] + [f"&l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels + 1)]
    return f"[{', '.join(items)}]"


def _swapped(value: str) -> str | None:
    """``A/B`` → ``B/A`` when ``A`` surely ends before ``B`` begins."""
    start, _, end = value.strip("\"'").partition("/")
    try:
        first, second = dates.parse_date(start), dates.parse_date(end)
    except ValueError:
        return None
    return f'"{end}/{start}"' if first.latest < second.earliest else None


def _mutations(file_name: str, raw: bytes) -> Iterator[tuple[str, Callable[[], Mutation]]]:
    """Every mutation of one file that the classes define (made on demand)."""
    text = raw.decode("utf-8")
    lines = text.splitlines(keepends=True)
    scalars, inside = _scalars(text)

    def make(kind: str, new: str | bytes, line: int | None, message: str | None, named: bool = True):
        data = new if isinstance(new, bytes) else new.encode("utf-8")
        return kind, lambda: Mutation(kind, file_name, data, line, message, named)

    for s in scalars:
        value = lines[s.line][s.start : s.end]
        at = s.line + 1
        # a value that is no longer a short scalar leaves the record whose id it was without a name
        named = s.key not in NAME_KEYS
        line_offset = len("".join(lines[: s.line]).encode("utf-8"))
        column = len(lines[s.line][: s.start].encode("utf-8"))
        if s.block_mapping and lines[s.line].rstrip("\n").endswith(value):
            copy = " " * s.key_column + lines[s.line][s.key_column :]
            duplicated = [*lines[: s.line + 1], copy, *lines[s.line + 1 :]]
            yield make("duplicate-key", "".join(duplicated), at + 1, f"duplicate key {s.key!r}")
        if s.in_text:
            yield make("control-text", _replace(lines, s, '"x\\x07y"'), at, "control character U+0007")
            yield make("invisible-text", _replace(lines, s, '"\\u200b"'), at, "only invisible characters")
            yield make("raw-control-byte", _replace(lines, s, "x\x01y"), at, "control character U+0001")
            if s.plain and not re.search(r'["\\:#]', value):
                yield make("requote", _replace(lines, s, f'"{value}"'), None, None)
        elif s.key in CONSTRAINED_KEYS:
            yield make("garbage", _replace(lines, s, '"@@ not a value ??"'), at, "")
            if s.key in {"time", "date", "attested"} and re.search("[0-9]", value):
                fullwidth = value.translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
                yield make("fullwidth-date", _replace(lines, s, fullwidth), at, "is not YYYY")
            if s.key == "time" and (swapped := _swapped(value)):
                yield make("swapped-dates", _replace(lines, s, swapped), at, "ends before it begins")
        yield make("deep", _replace(lines, s, "[" * 40 + "]" * 40), at, "YAML nested more than 32", named)
        huge = _replace(lines, s, "x" * (MAX_VALUE_CHARS + 1))
        yield make("huge-value", huge, at, "a value of", named)
        yield make("alias-count", _replace(lines, s, _bomb(9, "lol")), at, "more than 64 YAML aliases", named)
        yield make("alias-expansion", _replace(lines, s, _bomb(6, "lolol")), at, "aliases expand", named)
        if s.end > s.start:
            flipped = bytearray(raw)
            flipped[line_offset + column] = 0xFF
            yield make("invalid-utf8", bytes(flipped), at, "not UTF-8 text: byte 0xff")
        non_ascii = next((i for i, c in enumerate(value) if ord(c) > 0x7F), None)
        if non_ascii is not None:
            offset = line_offset + column + len(value[:non_ascii].encode("utf-8"))
            yield make("truncated-in-character", raw[: offset + 1], at, "not UTF-8 text")
    for number, line in enumerate(lines):
        if number in inside or number - 1 in inside:
            continue
        if ": {" in line and line.rstrip("\n").endswith("}"):
            cut = "".join(lines[:number]) + line[: line.index(": {") + 3]
            yield make("truncated-in-flow", cut, None, "malformed YAML")
        if re.fullmatch(r"\s*(#.*)?\n", line):
            yield make("delete-comment-or-blank", "".join(lines[:number] + lines[number + 1 :]), None, None)
        elif re.match(r"\s*[a-z_]+:", line) and not lines[number - 1].rstrip().endswith((",", "{", "[")):
            added = [*lines[:number], "# a comment added by the fuzzer\n", *lines[number:]]
            yield make("add-comment", "".join(added), None, None)


# how many mutations of each class (harmless classes are few: each is a full build)
QUOTAS = {
    "duplicate-key": 25,
    "control-text": 18,
    "invisible-text": 18,
    "raw-control-byte": 18,
    "garbage": 45,
    "fullwidth-date": 18,
    "swapped-dates": 12,
    "deep": 12,
    "huge-value": 12,
    "alias-count": 10,
    "alias-expansion": 10,
    "invalid-utf8": 18,
    "truncated-in-character": 12,
    "truncated-in-flow": 14,
    "requote": 1,
    "delete-comment-or-blank": 1,
    "add-comment": 1,
}
HARMLESS = {"requote", "delete-comment-or-blank", "add-comment"}


def _all_mutations() -> list[Mutation]:
    by_kind: dict[str, list[Callable[[], Mutation]]] = {kind: [] for kind in QUOTAS}
    for path in sorted(paths.data_dir().glob("*.yaml")):
        for kind, make in _mutations(path.name, path.read_bytes()):
            by_kind[kind].append(make)
    rng = random.Random(SEED)
    chosen = []
    for kind, quota in QUOTAS.items():
        candidates = by_kind[kind]
        chosen.extend(make() for make in rng.sample(candidates, min(quota, len(candidates))))
    return chosen


def test_every_mutation_has_the_outcome_of_its_class(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data, ignore=shutil.ignore_patterns("*.md"))
    pristine = {path.name: path.read_bytes() for path in data.glob("*.yaml")}
    parsed: dict[Path, sources.DataFile] = {}
    real_read = sources.read_data_file
    mutated_name = [""]

    def read_once(path: Path) -> sources.DataFile:
        if path.name == mutated_name[0]:
            return real_read(path)
        if path not in parsed:
            parsed[path] = real_read(path)
        return parsed[path]

    monkeypatch.setattr(sources, "read_data_file", read_once)
    runner = CliRunner()
    reference = tmp_path / "reference"
    assert runner.invoke(cli, ["build", "--data", str(data), "--out", str(reference)]).exit_code == 0
    expected_outputs = {path.name: path.read_bytes() for path in reference.iterdir()}

    mutations = _all_mutations()
    outcomes: Counter[tuple[str, int]] = Counter()
    started = time.monotonic()
    for number, mutation in enumerate(mutations):
        target = data / mutation.file_name
        out = tmp_path / f"out-{number}"
        mutated_name[0] = mutation.file_name
        target.write_bytes(mutation.data)
        try:
            result = runner.invoke(cli, ["build", "--data", str(data), "--out", str(out)])
        finally:
            target.write_bytes(pristine[mutation.file_name])
        case = f"{mutation.kind} of {mutation.file_name} (line {mutation.line}): {result.output[:300]!r}"
        outcomes[(mutation.kind, result.exit_code)] += 1
        assert "Traceback" not in result.output, case
        if mutation.kind in HARMLESS:
            assert result.exit_code == 0, case
            assert {path.name: path.read_bytes() for path in out.iterdir()} == expected_outputs, case
            shutil.rmtree(out)
            continue
        assert result.exit_code == 2, case
        assert isinstance(result.exception, SystemExit), case
        assert not out.exists(), case
        error = LINE.fullmatch(result.stderr)
        assert error, case
        assert error["path"] == str(target), case
        assert error["record"] or not mutation.named, case
        if mutation.line is not None:
            assert int(error["line"]) == mutation.line, case
        assert 1 <= int(error["line"]) <= mutation.data.count(b"\n") + 1, case
        assert mutation.message is not None and mutation.message in error["message"], case
    elapsed = time.monotonic() - started
    print(f"\n{len(mutations)} mutations in {elapsed:.1f} s:", dict(sorted(outcomes.items())))
    assert len(mutations) >= 240
    assert {kind for kind, _ in outcomes} == set(QUOTAS)
