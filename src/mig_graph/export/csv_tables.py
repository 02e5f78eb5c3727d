"""CSV: ``nodes.csv``, ``edges.csv`` and ``graph.csv`` in a folder (spreadsheets, pandas, R)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from mig_graph.export.sink import Sink, check_attributes

__all__ = ["SINK", "write_csv"]


def _columns(records: list[dict[str, Any]], first: tuple[str, ...]) -> list[str]:
    """The columns: ``first``, then every other key in the order first met."""
    seen = dict.fromkeys(first)
    for record in records:
        seen.update(dict.fromkeys(record))
    return list(seen)


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
    tables = {
        "nodes.csv": ([{"id": node, **data} for node, data in graph.nodes(data=True)], ("id",)),
        "edges.csv": (
            [{"source": u, "target": v, **data} for u, v, data in graph.edges(data=True)],
            ("source", "target"),
        ),
        "graph.csv": (
            [{"attribute": key, "value": value} for key, value in graph.graph.items()],
            ("attribute", "value"),
        ),
    }
    written = []
    for name, (records, first) in tables.items():
        path = out_dir / name
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=_columns(records, first), lineterminator="\n")
            writer.writeheader()
            writer.writerows(records)
        written.append(path)
    return written


SINK = Sink("csv", "", write_csv, folder=True)
