"""CSV: ``nodes.csv``, ``edges.csv`` and ``graph.csv`` in a folder (spreadsheets, pandas, R).

Each table is streamed (:func:`write_table`), a row as it is read: a first pass over the
attributes finds the columns (the header comes first), a second writes the rows.  The three
files are written to temporary names and renamed into place once all are complete.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes, staged_files

__all__ = ["SINK", "columns", "write_csv", "write_table"]


def columns(records: Iterable[Mapping[str, Any]], first: Iterable[str]) -> list[str]:
    """The columns: ``first``, then every other key in the order first met.

    >>> columns([{"id": "a", "kind": "state"}, {"id": "b", "side": "actor"}], ("id",))
    ['id', 'kind', 'side']
    """
    seen = dict.fromkeys(first)
    for record in records:
        seen.update(dict.fromkeys(record))
    return list(seen)


def write_table(stream: IO[str], fieldnames: list[str], records: Iterable[Mapping[str, Any]]) -> None:
    """A header and one row per record, written as each record is read (``""`` for a missing key).

    Parameters
    ----------
    stream
        A text stream opened with ``newline=""``.
    fieldnames
        The columns (:func:`columns`).
    records
        The rows (any iterable, read once).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> write_table(out, ["id", "kind"], iter([{"id": "a"}, {"id": "b", "kind": "state"}]))
    >>> print(out.getvalue(), end="")
    id,kind
    a,
    b,state
    """
    writer = csv.DictWriter(stream, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(record)


def write_csv(graph: nx.Graph, out_dir: Path) -> list[Path]:
    """``nodes.csv`` (``id`` and attributes), ``edges.csv`` (``source``, ``target``, attributes) and
    ``graph.csv`` (``attribute``, ``value``: what the graph is, its ``as_of``, ``roles``,
    ``includes`` and ``scope``, so that the tables say what they include).

    Parameters
    ----------
    graph : networkx.Graph
        An analysis graph.
    out_dir : pathlib.Path
        The folder, created if missing.

    Returns
    -------
    list[pathlib.Path]
        ``nodes.csv``, ``edges.csv`` and ``graph.csv``.
    """
    check_attributes(graph)
    out_dir.mkdir(parents=True, exist_ok=True)

    def nodes() -> Iterable[dict[str, Any]]:
        return ({"id": node, **data} for node, data in graph.nodes(data=True))

    def edges() -> Iterable[dict[str, Any]]:
        return ({"source": u, "target": v, **data} for u, v, data in graph.edges(data=True))

    def attributes() -> Iterable[dict[str, Any]]:
        return ({"attribute": key, "value": value} for key, value in graph.graph.items())

    tables = {
        "nodes.csv": (nodes, ("id",)),
        "edges.csv": (edges, ("source", "target")),
        "graph.csv": (attributes, ("attribute", "value")),
    }
    paths = [out_dir / name for name in tables]
    with staged_files(paths) as staged:
        for temporary, (records, first) in zip(staged, tables.values(), strict=True):
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                write_table(stream, columns(records(), first), records())
    return paths


SINK = Sink("csv", "", write_csv, folder=True)
