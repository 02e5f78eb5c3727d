"""The files of the published site, written into a staging folder that then replaces the site.

Each file is compared with the published one first: when the bytes are the same, the published
file is hard-linked into the staging folder (same inode, same modification time) instead of being
written again, so a second run over the same graph rewrites nothing and a static host (or
``rsync``) sees only the pages that really changed.  Files of earlier runs that this run did not
produce are left out of the new site (stale) in the site's own folders, and carried over
elsewhere (a file the site's owner put there).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO, TypeVar

__all__ = ["SiteFiles"]

_T = TypeVar("_T")


class SiteFiles:
    """Writes the files of a new site into ``root``, linking those whose bytes equal ``previous``'s.

    Parameters
    ----------
    root
        The (staging) folder the new site is written into.
    previous
        The published site the new one will replace (it need not exist).
    record
        Keep the relative paths written, in ``recorded`` (a worker process's share of the site, for
        the parent's :meth:`adopt`).
    """

    def __init__(self, root: Path, previous: Path, *, record: bool = False) -> None:
        self.root = root
        self.previous = previous
        self.recorded: list[str] = []
        self._record = record
        # hashes of the relative paths: a large site has about a file per triple, a string each would weigh
        self.produced: set[int] = set()
        self.written = 0
        self._folders: set[Path] = set()

    def write(self, relative: str, content: str | bytes) -> Path:
        """Write ``content`` (text as UTF-8), or link the published file if it already holds it."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self._place(relative)
        published = self.previous / relative
        if published.is_file() and published.read_bytes() == data:
            _link(published, path)
        else:
            path.write_bytes(data)
            self.written += 1
        return path

    def write_stream(self, relative: str, produce: Callable[[BinaryIO], _T]) -> tuple[Path, _T]:
        """Let ``produce`` write a large file through a handle; link the published file if the bytes
        are the same.

        Returns the path and what ``produce`` returned.
        """
        path = self._place(relative)
        with path.open("wb") as handle:
            result = produce(handle)
        published = self.previous / relative
        if published.is_file() and _same_bytes(published, path):
            path.unlink()
            _link(published, path)
        else:
            self.written += 1
        return path, result

    def adopt(self, relatives: Iterable[str], written: int) -> None:
        """Count as produced the files another process wrote into ``root`` (``written`` of them rewritten)."""
        self.produced.update(hash(relative) for relative in relatives)
        self.written += written

    def carry_over(self, site_folders: Iterable[str]) -> int:
        """Bring the published files (and folders) this run did not produce into the new site, except
        those under ``site_folders`` (stale pages of entities that disappeared); return how many
        files were left out."""
        if not self.previous.is_dir():
            return 0
        owned = tuple(f"{folder}/" for folder in site_folders)
        stale = 0
        for directory, _, names in os.walk(self.previous):  # pathlib's rglob remembers every path
            folder = Path(directory).relative_to(self.previous).as_posix()
            if not f"{folder}/".startswith(owned):
                (self.root / folder).mkdir(parents=True, exist_ok=True)  # empty folders too
            for name in names:
                relative = Path(directory, name).relative_to(self.previous).as_posix()
                if hash(relative) in self.produced:
                    continue
                if relative.startswith(owned):
                    stale += 1
                else:
                    _link(self.previous / relative, self._place(relative, produced=False))
        return stale

    def _place(self, relative: str, *, produced: bool = True) -> Path:
        """The staging path of ``relative``, its folder made."""
        path = self.root / relative
        if produced:
            self.produced.add(hash(relative))
            if self._record:
                self.recorded.append(relative)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        return path


def _link(published: Path, path: Path) -> None:
    """Put the published file at ``path`` without rewriting it: a hard link, or a copy that keeps
    its modification time where links are not possible."""
    try:
        os.link(published, path, follow_symlinks=False)
    except OSError:
        shutil.copy2(published, path, follow_symlinks=False)


def _same_bytes(first: Path, second: Path) -> bool:
    if first.stat().st_size != second.stat().st_size:
        return False
    with first.open("rb") as one, second.open("rb") as other:
        while chunk := one.read(1 << 20):
            if chunk != other.read(len(chunk)):
                return False
    return True
