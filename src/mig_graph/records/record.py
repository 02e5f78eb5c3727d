"""Records and lists read from YAML that know their file, the line of each key and item, and the
record they belong to."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mig_graph.errors import Location

__all__ = ["NAME_KEYS", "LineList", "Record", "RecordFrame", "as_list", "item_locations", "record_name"]

# The keys whose value names a record, in order of preference.
NAME_KEYS = ("id", "subject", "organisation", "post", "member")


@dataclass
class RecordFrame:
    """A mapping being composed: the name keys it holds, and the mapping around it."""

    parent: RecordFrame | None
    names: dict[str, str] = field(default_factory=dict)

    def record_name(self) -> str | None:
        """The name of the nearest enclosing mapping that has one."""
        frame: RecordFrame | None = self
        while frame is not None:
            for key in NAME_KEYS:
                if key in frame.names:
                    return frame.names[key]
            frame = frame.parent
        return None


class Record(dict):
    """A YAML mapping with the location it was read from and the line of each key."""

    path: Path
    line: int
    lines: dict[str, int]
    _frame: RecordFrame | None = None

    def location(self, record_id: str | None = None) -> Location:
        """Where the record starts, named by ``record_id`` or its own (or enclosing record's) id."""
        return Location(self.path, self.line, record_id or record_name(self))

    def location_of(self, key: str, record_id: str | None = None) -> Location:
        """Where the field ``key`` is written (the record's start if it is absent)."""
        return Location(self.path, self.lines.get(key, self.line), record_id or record_name(self))

    def items_of(self, key: str, record_id: str | None = None) -> list[tuple[Any, Location]]:
        """Each item of the field ``key`` (none if it is absent) with the line it is written on."""
        return item_locations(self.get(key), self.location_of(key, record_id))

    def without(self, key: str) -> Record:
        """A copy of the record without the field ``key``, read from the same place."""
        copy = Record((name, value) for name, value in self.items() if name != key)
        copy.path, copy.line, copy._frame = self.path, self.line, self._frame
        copy.lines = {name: line for name, line in self.lines.items() if name != key}
        return copy


class LineList(list):
    """A YAML sequence with the line of each item."""

    lines: list[int]


def record_name(record: Record) -> str | None:
    """The record's own name (its ``id``, ``subject``…) or that of the record it is written in."""
    for key in NAME_KEYS:
        value = record.get(key)
        if isinstance(value, str):
            return value
    return record._frame.record_name() if record._frame is not None else None


def item_locations(value: Any, location: Location) -> list[tuple[Any, Location]]:
    """Each item of ``as_list(value)`` with the line it is written on (``location``'s otherwise).

    Parameters
    ----------
    value
        A field's value: ``None``, a scalar, a mapping or a list.
    location
        Where the field is written; items of a YAML list get their own line.

    Returns
    -------
    list of (item, Location)
    """
    items = as_list(value)
    lines = getattr(value, "lines", None) if isinstance(value, list) else None
    if lines is None:
        return [(item, location) for item in items]
    return [
        (item, Location(location.path, line, location.record))
        for item, line in zip(items, lines, strict=True)
    ]


def as_list(value: Any) -> list[Any]:
    """``None`` → ``[]``, a scalar → ``[scalar]``, a list stays a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
