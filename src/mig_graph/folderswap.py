"""Replace a folder by a complete new one, so that a reader finds the old folder or the new one.

The new folder is written beside the target, as ``.NAME.mig-graph-new``, and swapped in only when
it is complete.  On Linux the swap is one ``renameat2(RENAME_EXCHANGE)`` call: at every moment
the target's path holds a complete folder.  Where that call is missing, the target is first
renamed to ``.NAME.mig-graph-old``, then the new folder to the target; a reader that finds no
target reads the old folder meanwhile (:func:`readable`).  A run killed at any point leaves those
siblings behind; the next run starts by :func:`recover`, which restores the old folder if it was
put aside and removes the rest, so a leftover never blocks a later run.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mig_graph.testpause import pause_for_tests

__all__ = ["readable", "recover", "replaced_folder", "retired_path", "staging_path"]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def staging_path(target: Path) -> Path:
    """Where the new content of ``target`` is written before it is swapped in."""
    return target.parent / f".{target.name}.mig-graph-new"


def retired_path(target: Path) -> Path:
    """Where the old ``target`` waits while the new one is renamed in (when no exchange is possible)."""
    return target.parent / f".{target.name}.mig-graph-old"


def readable(target: Path) -> Path:
    """The complete folder to read for ``target``: itself, or its old copy while a swap is half done."""
    if not target.exists() and retired_path(target).is_dir():
        return retired_path(target)
    return target


def recover(target: Path) -> None:
    """Undo what a killed run left: put the old folder back if it was set aside, remove the rest."""
    retired = retired_path(target)
    if retired.is_dir() and not target.exists():
        os.rename(retired, target)
    shutil.rmtree(retired, ignore_errors=True)
    shutil.rmtree(staging_path(target), ignore_errors=True)


@contextmanager
def replaced_folder(target: Path, stage: str) -> Iterator[Path]:
    """A fresh staging folder to fill; when the block ends normally, it replaces ``target``.

    If the block raises (or the process gets SIGTERM, see :mod:`mig_graph.cli.main`), the staging folder
    is removed and ``target`` is left as it was (or, past the swap, as the new folder).

    Parameters
    ----------
    target
        The folder to replace (it need not exist).
    stage
        The command's name, for the test pauses ``STAGE:staged``, ``STAGE:exchanged`` and
        ``STAGE:retired``.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    staging = staging_path(target)
    staging.mkdir()
    try:
        yield staging
        pause_for_tests(f"{stage}:staged")
        _swap_in(staging, target, stage)
    except BaseException:
        recover(target)
        raise


def _swap_in(staging: Path, target: Path, stage: str) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        pause_for_tests(f"{stage}:exchanged")
        shutil.rmtree(staging)  # now the old folder
        return
    retired = retired_path(target)
    os.rename(target, retired)
    pause_for_tests(f"{stage}:retired")
    os.rename(staging, target)
    shutil.rmtree(retired)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux's ``renameat2`` with ``RENAME_EXCHANGE``); False where
    the system or the file system has no such call."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28, musl 1.2.5
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))
