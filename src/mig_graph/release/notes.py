"""The release note: the data changelog's section for the version, and the bundle's files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mig_graph.publish.catalog import DatasetVersion
from mig_graph.rendering import render

__all__ = ["BundleFile", "changelog_section", "release_note"]

_HEADING = re.compile(r"^## (\S+) — (\S+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class BundleFile:
    """One file of the bundle: its path in the bundle, size in bytes and what it is."""

    path: str
    size: int
    description: str


def changelog_section(changelog: str, version: str) -> str:
    """The text under the changelog's ``## VERSION — DATE`` heading, up to the next release's.

    Raises
    ------
    ValueError
        When the changelog has no such heading.

    Examples
    --------
    >>> text = "# Changelog\\n\\n## 0.2.0 — 2026-11-22\\n\\n- More.\\n\\n## 0.1.0 — 2026-11-01\\n- First.\\n"
    >>> changelog_section(text, "0.2.0")
    '- More.'
    """
    headings = list(_HEADING.finditer(changelog))
    for index, heading in enumerate(headings):
        if heading.group(1) == version:
            end = headings[index + 1].start() if index + 1 < len(headings) else len(changelog)
            return changelog[heading.end() : end].strip()
    raise ValueError(f"data/CHANGELOG.md has no '## {version} — YYYY-MM-DD' heading")


def release_note(release: DatasetVersion, changes: str, files: Sequence[BundleFile], panels: bool) -> str:
    """The Markdown release note (template ``release_note.md.j2``)."""
    return render(
        "release_note.md.j2",
        release=release,
        changes=changes,
        files=files,
        panels=panels,
    )
