"""Stage 1, sources: read the curated YAML data files into records that remember their line.

A data file is a YAML mapping with one ``source`` (the document the file
transcribes), optional ``references`` (public sources outside it) and sections
of records (``organisations``, ``processes``, ``meetings``, ...).  Every mapping
read from YAML is a :class:`Record`, a ``dict`` that knows its file and line, so
later stages can point at the record at fault.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mig_graph.errors import InputError, Location

__all__ = ["DataFile", "Record", "as_list", "data_files_in", "read_data_file", "read_data_files"]


class Record(dict):
    """A YAML mapping with the location it was read from."""

    path: Path
    line: int

    def location(self, record_id: str | None = None) -> Location:
        return Location(self.path, self.line, record_id or _record_name(self))


def _record_name(record: Record) -> str | None:
    for key in ("id", "subject", "organisation", "post", "member"):
        value = record.get(key)
        if isinstance(value, str):
            return value
    return None


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader: mappings become :class:`Record`, duplicate keys are errors.

    Dates stay strings (no timestamp resolution), so ``2019-08`` and
    ``2019-08-26`` both reach the date parser with their precision intact.
    """

    path: Path


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_record(loader: _LineLoader, node: yaml.MappingNode) -> Record:
    record = Record()
    record.path = loader.path
    record.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in record:
            raise InputError(
                f"duplicate key {key!r} in one record",
                Location(loader.path, key_node.start_mark.line + 1, _record_name(record)),
            )
        record[key] = loader.construct_object(value_node, deep=True)
    return record


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_record)


@dataclass(frozen=True)
class DataFile:
    """One curated file: its path and its top-level record."""

    path: Path
    content: Record


def read_data_file(path: Path) -> DataFile:
    """Parse one YAML data file; raise :class:`InputError` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read data file: {error.strerror}", Location(path, 0)) from None
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text ({error.reason})", Location(path, 0)) from None
    loader = _LineLoader(text)
    loader.path = path
    try:
        content = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = min(mark.line + 1, max(text.count("\n"), 1)) if mark else 0
        problem = " ".join(str(error.problem or error).split())
        if error.context and error.context_mark:
            problem = f"{error.context} started on line {error.context_mark.line + 1}: {problem}"
        raise InputError(f"malformed YAML: {problem}", Location(path, line)) from None
    except yaml.YAMLError as error:
        raise InputError(f"malformed YAML: {error}", Location(path, 0)) from None
    finally:
        loader.dispose()
    if not isinstance(content, Record):
        raise InputError("a data file must be a YAML mapping with a 'source' key", Location(path, 1))
    return DataFile(path, content)


def data_files_in(paths: Sequence[Path]) -> list[Path]:
    """Expand folders to the ``*.yaml`` files they hold, sorted for a stable build."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.yaml") if p.is_file()))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such data file or folder", Location(path, 0))
    return files


def read_data_files(paths: Iterable[Path]) -> list[DataFile]:
    """Read every data file under ``paths`` (files or folders)."""
    return [read_data_file(path) for path in data_files_in(list(paths))]


def as_list(value: Any) -> list[Any]:
    """``None`` → ``[]``, a scalar → ``[scalar]``, a list stays a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
