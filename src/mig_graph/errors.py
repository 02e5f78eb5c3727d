"""Errors that name the file, line and record at fault."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["MAX_MESSAGE_CHARS", "InputError", "Location"]

MAX_MESSAGE_CHARS = 600
"""Longest message kept: a value quoted in a message is cut, never echoed whole."""


@dataclass(frozen=True)
class Location:
    """Where a record was read: file, 1-based line (0: the file as a whole), and the record's id if any."""

    path: Path
    line: int
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where} (record {_shortened(repr(self.record), 80)})" if self.record else where


class InputError(Exception):
    """Unusable input: malformed files, unknown references, bad values.

    The command line maps it to exit code 2 and writes nothing.  The message is
    cut to ``MAX_MESSAGE_CHARS`` characters.
    """

    def __init__(self, message: str, location: Location | None = None) -> None:
        self.message = _shortened(message, MAX_MESSAGE_CHARS)
        self.location = location
        super().__init__(f"{location}: {self.message}" if location else self.message)


def _shortened(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"
