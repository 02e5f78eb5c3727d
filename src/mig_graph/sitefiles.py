"""The files of the published site: each is rewritten only when its bytes change.

A second run over the same graph rewrites nothing, so a static host (or ``rsync``) sees only the
pages that really changed; files of earlier runs that this run did not produce are removed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

__all__ = ["SiteFiles"]

_T = TypeVar("_T")


class SiteFiles:
    """Writes the files of a site folder, only when their bytes changed; remembers what it produced."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # hashes of the relative paths: a large site has about a file per triple, a string each would weigh
        self.produced: set[int] = set()
        self.written = 0

    def write(self, relative: str, content: str | bytes) -> Path:
        """Write ``content`` (text as UTF-8) unless the file already holds it."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self.root / relative
        self.produced.add(hash(relative))
        if path.is_file() and path.read_bytes() == data:
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        self.written += 1
        return path

    def write_stream(self, relative: str, produce: Callable[[BinaryIO], _T]) -> tuple[Path, _T]:
        """Let ``produce`` write a large file through a handle; keep the old file if the bytes are the same.

        Returns the path and what ``produce`` returned.
        """
        path = self.root / relative
        self.produced.add(hash(relative))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        with temporary.open("wb") as handle:
            result = produce(handle)
        if path.is_file() and _same_bytes(path, temporary):
            temporary.unlink()
        else:
            temporary.replace(path)
            self.written += 1
        return path, result

    def remove_stale(self, folders: Iterable[str]) -> int:
        """Delete files of earlier runs that this run did not produce (entities that disappeared)."""
        removed = 0
        for folder in folders:
            for directory, _, names in os.walk(self.root / folder):  # pathlib's rglob remembers every path
                for name in names:
                    path = Path(directory, name)
                    if hash(path.relative_to(self.root).as_posix()) not in self.produced:
                        path.unlink()
                        removed += 1
        return removed


def _same_bytes(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    with first.open("rb") as one, second.open("rb") as other:
        while chunk := one.read(1 << 20):
            if chunk != other.read(len(chunk)):
                return False
    return True
