"""Stage 1, records: read the curated YAML data files into records that remember their lines.

A data file is a YAML mapping with one ``source`` (the document the file
transcribes), optional ``references`` (public sources outside it) and sections
of records (``organisations``, ``processes``, ``meetings``, ...).  Every mapping
read from YAML is a :class:`Record`, a ``dict`` that knows its file, its line,
the line of each of its keys and the record it belongs to; every list is a
:class:`LineList` that knows the line of each item.  Later stages can so point
at the field at fault.

Only regular UTF-8 files are read, with a bounded read, and the YAML is held to
limits far above the curated data (see ``docs/architecture.md``): file size,
nesting depth, number of aliases, size once aliases are expanded and length of
one value.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, MappingStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.reader import Reader

from mig_graph.errors import InputError, Location
from mig_graph.records.record import NAME_KEYS, LineList, Record, RecordFrame, record_name

__all__ = [
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_EXPANDED_SIZE",
    "MAX_FILE_BYTES",
    "MAX_VALUE_CHARS",
    "DataFile",
    "data_files_in",
    "read_data_file",
    "read_data_files",
]

MAX_FILE_BYTES = 1024 * 1024
"""Largest data file read (the largest curated file is 17 KB)."""
MAX_DEPTH = 32
"""Deepest nesting of mappings and lists (the curated data reaches 9)."""
MAX_ALIASES = 64
"""Most aliases (``*name``) in one file (the curated data has 1)."""
MAX_EXPANDED_SIZE = 4 * MAX_FILE_BYTES
"""Largest document once aliases are expanded: characters of its values plus one per node."""
MAX_VALUE_CHARS = 20_000
"""Longest single value (the longest curated value has 802 characters)."""


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader: mappings become :class:`Record`, duplicate keys are errors, limits hold.

    Dates stay strings (no timestamp resolution), so ``2019-08`` and
    ``2019-08-26`` both reach the date parser with their precision intact.
    """

    def __init__(self, text: str, path: Path) -> None:
        super().__init__(text)
        self.path = path
        self.depth = 0
        self.alias_count = 0
        self.frames: list[RecordFrame] = []
        self.node_frames: dict[int, RecordFrame | None] = {}
        self.sizes: dict[int, int] = {}

    def current_record(self) -> str | None:
        """The record being composed when parsing stopped."""
        return self.frames[-1].record_name() if self.frames else None

    def _limit_error(self, message: str, line: int) -> InputError:
        return InputError(message, Location(self.path, line, self.current_record()))

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIASES:
                raise self._limit_error(f"more than {MAX_ALIASES} YAML aliases in one file", line)
            node = super().compose_node(parent, index)
            if id(node) not in self.sizes:
                raise self._limit_error(f"YAML alias *{event.anchor} refers to a node that contains it", line)
            return node
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self._limit_error(f"YAML nested more than {MAX_DEPTH} levels deep", line)
        frame = (
            RecordFrame(self.frames[-1] if self.frames else None)
            if isinstance(event, MappingStartEvent)
            else None
        )
        if frame is not None:
            self.frames.append(frame)
        node = super().compose_node(parent, index)
        if frame is not None:
            self.frames.pop()
        self.depth -= 1
        self.node_frames[id(node)] = frame or (self.frames[-1] if self.frames else None)
        self.sizes[id(node)] = self._expanded_size(node, line)
        if (
            isinstance(parent, MappingNode)
            and isinstance(index, ScalarNode)
            and index.value in NAME_KEYS
            and isinstance(node, ScalarNode)
            and self.frames
        ):
            self.frames[-1].names.setdefault(index.value, node.value)
        return node

    def _expanded_size(self, node: Node, line: int) -> int:
        if isinstance(node, ScalarNode):
            if len(node.value) > MAX_VALUE_CHARS:
                raise self._limit_error(
                    f"a value of {len(node.value)} characters (at most {MAX_VALUE_CHARS})", line
                )
            size = len(node.value) + 1
        elif isinstance(node, MappingNode):
            size = 1 + sum(self.sizes[id(key)] + self.sizes[id(value)] for key, value in node.value)
        else:
            size = 1 + sum(self.sizes[id(item)] for item in node.value)
        if size > MAX_EXPANDED_SIZE:
            raise self._limit_error(
                f"YAML aliases expand this node beyond {MAX_EXPANDED_SIZE} characters", line
            )
        return size

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except InputError:
            raise
        except (yaml.YAMLError, ValueError, OverflowError, TypeError) as error:
            problem = getattr(error, "problem", None) or str(error)
            frame = self.node_frames.get(id(node))
            location = Location(self.path, node.start_mark.line + 1, frame.record_name() if frame else None)
            raise InputError(f"malformed YAML: {' '.join(str(problem).split())}", location) from None


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_record(loader: _LineLoader, node: MappingNode) -> Record:
    record = Record()
    record.path = loader.path
    record.line = node.start_mark.line + 1
    record.lines = {}
    record._frame = loader.node_frames.get(id(node))
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise InputError(
                f"a key must be text, got {key!r}", Location(loader.path, key_line, record_name(record))
            )
        if key in record:
            raise InputError(
                f"duplicate key {key!r} in one record", Location(loader.path, key_line, record_name(record))
            )
        record[key] = loader.construct_object(value_node, deep=True)
        record.lines[key] = key_line
    return record


def _construct_list(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_record)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_list)


@dataclass(frozen=True)
class DataFile:
    """One curated file: its path and its top-level record."""

    path: Path
    content: Record


_FILE_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most ``MAX_FILE_BYTES``; anything else is an error."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("dangling symbolic link: its target does not exist", Location(path, 0)) from None
        raise InputError("no such data file or folder", Location(path, 0)) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError("symbolic link loop", Location(path, 0)) from None
        raise InputError(f"cannot read data file: {error.strerror}", Location(path, 0)) from None
    if not stat.S_ISREG(info.st_mode):
        kind = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
        raise InputError(f"not a regular file ({kind})", Location(path, 0))
    try:
        # O_NONBLOCK: a file swapped for a named pipe after the check above does not block the read
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputError(f"cannot read data file: {error.strerror}", Location(path, 0)) from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise InputError("not a regular file", Location(path, 0))
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        line = data.count(b"\n", 0, MAX_FILE_BYTES) + 1
        raise InputError(
            f"file larger than {MAX_FILE_BYTES} bytes, the limit for a data file", Location(path, line)
        )
    return data


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            f"not UTF-8 text: byte 0x{data[error.start]:02x} at column {column} ({error.reason})",
            Location(path, line, _record_at(data.decode("utf-8", errors="replace"), line, path)),
        ) from None


def _check_characters(text: str, path: Path) -> None:
    """YAML refuses control characters in a file; say where the first one is."""
    found = Reader.NON_PRINTABLE.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise InputError(
            f"control character U+{ord(found.group()):04X} at column {column}; "
            "write it as an escape in a double-quoted string if it is meant",
            Location(path, line, _record_at(Reader.NON_PRINTABLE.sub("\ufffd", text), line, path)),
        )


class _Stop(Exception):
    """Composition reached the line asked for."""


class _RecordFinder(_LineLoader):
    """Compose up to a line, to name the record a bad byte or character is in."""

    def __init__(self, text: str, path: Path, line: int) -> None:
        super().__init__(text, path)
        self.stop_line = line
        self.found: RecordFrame | None = None

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.peek_event().start_mark.line + 1 > self.stop_line:
            raise _Stop
        if self.frames:
            self.found = self.frames[-1]
        return super().compose_node(parent, index)


def _record_at(text: str, line: int, path: Path) -> str | None:
    """The record holding ``line`` of ``text`` (bad bytes replaced), if the YAML before it parses."""
    finder = _RecordFinder(text, path, line)
    try:
        finder.get_single_node()
    except (_Stop, yaml.YAMLError, InputError):
        pass  # the replaced bytes may break the YAML at that line: the record around is still known
    finally:
        finder.dispose()
    return finder.found.record_name() if finder.found else None


def read_data_file(path: Path) -> DataFile:
    """Parse one YAML data file.

    Parameters
    ----------
    path
        A regular UTF-8 file of at most ``MAX_FILE_BYTES`` bytes.

    Returns
    -------
    DataFile

    Raises
    ------
    InputError
        Naming the file, the line and (when known) the record: an unreadable or
        non-regular file, bytes that are not UTF-8, control characters, malformed
        YAML or YAML beyond the limits.
    """
    text = _decode(_read_bytes(path), path)
    _check_characters(text, path)
    loader = _LineLoader(text, path)
    try:
        content = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = min(mark.line + 1, max(text.count("\n"), 1)) if mark else 0
        problem = " ".join(str(error.problem or error).split())
        if error.context and error.context_mark:
            problem = f"{error.context} started on line {error.context_mark.line + 1}: {problem}"
        raise InputError(
            f"malformed YAML: {problem}", Location(path, line, loader.current_record())
        ) from None
    except yaml.YAMLError as error:
        raise InputError(f"malformed YAML: {error}", Location(path, 0)) from None
    finally:
        loader.dispose()
    if not isinstance(content, Record):
        raise InputError("a data file must be a YAML mapping with a 'source' key", Location(path, 1))
    return DataFile(path, content)


def data_files_in(paths: Sequence[Path]) -> list[Path]:
    """Expand folders to the ``*.yaml`` entries they hold, sorted for a stable build.

    Every entry is kept, whatever it is: one that is not a regular file (a
    folder named ``x.yaml``, a dangling link, a pipe) is refused when read,
    never skipped.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.yaml")))
        else:
            files.append(path)
    return files


def read_data_files(paths: Iterable[Path]) -> list[DataFile]:
    """Read every data file under ``paths`` (files or folders)."""
    return [read_data_file(path) for path in data_files_in(list(paths))]
