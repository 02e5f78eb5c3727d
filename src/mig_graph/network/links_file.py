"""``unknown-status.csv``: the links left out of an as-of snapshot because the sources do not say
whether they held then (never counted as current), one row per link."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path

from mig_graph.network.read import LinkRow

__all__ = ["LINK_COLUMNS", "write_links"]

LINK_COLUMNS = tuple(field.name for field in fields(LinkRow))
"""The columns: every field of :class:`~mig_graph.network.read.LinkRow`, in its order."""


def write_links(links: Iterable[LinkRow], path: Path) -> Path:
    """Write links as CSV (header :data:`LINK_COLUMNS`), sorted by process, actor and role.

    Parameters
    ----------
    links
        The links (``AnalysisGraphs.unknown``).
    path
        The file, replaced.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    rows = sorted(links, key=lambda link: (link.process, link.actor, link.role, link.start))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(LINK_COLUMNS)
        writer.writerows(tuple(getattr(link, column) for column in LINK_COLUMNS) for link in rows)
    return path
