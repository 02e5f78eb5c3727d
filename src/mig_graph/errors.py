"""Errors that name the file, line and record at fault."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["InputError", "Location"]


@dataclass(frozen=True)
class Location:
    """Where a record was read: file, 1-based line, and the record's id if any."""

    path: Path
    line: int
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where} (record {self.record!r})" if self.record else where


class InputError(Exception):
    """Unusable input: malformed files, unknown references, bad values.

    The command line maps it to exit code 2 and writes nothing.
    """

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)
