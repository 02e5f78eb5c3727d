"""``SHA256SUMS``: the SHA-256 sum of every file of a folder, as ``sha256sum`` writes and checks them."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["SUMS", "verify_sums", "write_sums"]

SUMS = "SHA256SUMS"


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def write_sums(folder: Path) -> Path:
    """Write ``folder/SHA256SUMS``: one ``<sum>  <path>`` line per other file, paths sorted.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("a\\n")
    >>> print(write_sums(folder).read_text(), end="")
    87428fc522803d31065e7bce3cf03fe475096631e5e07bbd7a0fde60c4cf25c7  a.txt
    >>> verify_sums(folder)
    []
    """
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).as_posix() != SUMS)
    lines = [f"{_digest(path)}  {path.relative_to(folder).as_posix()}" for path in files]
    target = folder / SUMS
    target.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return target


def verify_sums(folder: Path) -> list[str]:
    """The files of ``folder/SHA256SUMS`` whose sums differ or that are missing (empty: all verify)."""
    failed = []
    for line in (folder / SUMS).read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        path = folder / name
        if not path.is_file() or _digest(path) != digest:
            failed.append(name)
    return failed
