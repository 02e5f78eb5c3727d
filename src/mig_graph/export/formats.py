"""Sinks: write an analysis graph (bipartite or a projection) for other tools.

Stage ``export``; the graphs come from :func:`mig_graph.analysis.read_graphs`.  One writer per
format, and :func:`export_graph` to choose one by name:

``graphml``  GraphML (yEd, Gephi, igraph, NetworkX), attributes typed string/int/double/boolean
``gexf``     GEXF 1.2 (Gephi); on the bipartite graph, dynamic: each edge lives from its start
             (and, for a membership, until its end), each node from its first edge's start
``cyjs``     Cytoscape.js elements JSON (``{"elements": {"nodes": [...], "edges": [...]}}``)
``d3``       D3 node-link JSON (``nodes`` and ``links``)
``csv``      ``nodes.csv`` and ``edges.csv`` in a folder
``html``     one self-contained page (no network access) drawing the graph: colours by kind,
             labels in English or French, filters by process and role, a year slider that
             keeps the links active in that year (the rule of
             :func:`mig_graph.analysis.is_active`, in JavaScript)

Every attribute is a string, an integer, a float or a boolean (never a list or ``None``), so
that each format's readers accept it; the writers check this.  Output is deterministic: the
same graph gives the same bytes (GEXF's ``lastmodifieddate`` is left out, the layout is seeded).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from mig_graph.network import KIND_COLOURS, KIND_LABELS, display_name, layout
from mig_graph.paths import templates_dir
from mig_graph.records.dates import PartialDate

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "export_graph",
    "write_csv",
    "write_cytoscape",
    "write_d3",
    "write_gexf",
    "write_graphml",
    "write_html",
]

_SCALARS = (str, int, float, bool)


def _check_attributes(graph: nx.Graph) -> None:
    """Refuse attributes that some readers cannot take (lists, ``None``, NumPy scalars)."""
    items = [("graph", graph.graph)]
    items += [(f"node {node!r}", data) for node, data in graph.nodes(data=True)]
    items += [(f"edge {u!r}–{v!r}", data) for u, v, data in graph.edges(data=True)]
    for where, data in items:
        for key, value in data.items():
            if type(value) not in _SCALARS:
                raise TypeError(
                    f"{where}: attribute {key!r} is {type(value).__name__}, not str/int/float/bool"
                )


def write_graphml(graph: nx.Graph, path: Path) -> Path:
    """GraphML with typed attribute keys (``attr.type`` string, int, double or boolean)."""
    _check_attributes(graph)
    nx.write_graphml(graph, path, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return path


def _spell(start: str, end: str) -> dict[str, str]:
    """GEXF ``start``/``end`` (xsd:date): the first day of the start, the last day of the end."""
    spell = {}
    if start:
        spell["start"] = PartialDate(start).earliest.isoformat()
    if end:
        spell["end"] = PartialDate(end).latest.isoformat()
    return spell


def _dynamic_copy(graph: nx.Graph) -> nx.Graph:
    """The graph with GEXF time intervals: the dates themselves move to ``date_start``/``date_end``.

    An edge lives from its start; a membership until its end, a participation or signature
    from then on (as in :func:`mig_graph.analysis.is_active`).  A node lives from the earliest
    start of its edges, if all are dated, until the latest end, if all end.
    """
    dynamic = nx.Graph()
    dynamic.graph.update(graph.graph, mode="dynamic")
    for node, data in graph.nodes(data=True):
        record = {key: value for key, value in data.items() if key not in ("start", "end")}
        record.update(date_start=data["start"], date_end=data["end"], label=display_name(data, short=False))
        dynamic.add_node(node, **record)
    for u, v, data in graph.edges(data=True):
        end = data["end"] if "membership" in data["relation"].split() else ""
        record = {key: value for key, value in data.items() if key not in ("start", "end")}
        record.update(date_start=data["start"], date_end=data["end"], **_spell(data["start"], end))
        dynamic.add_edge(u, v, **record)
    for node, data in dynamic.nodes(data=True):
        spells = [dynamic.edges[node, other] for other in dynamic[node]]
        starts = [spell.get("start", "") for spell in spells]
        ends = [spell.get("end", "") for spell in spells]
        if starts and "" not in starts:
            data["start"] = min(starts)
        if ends and "" not in ends:
            data["end"] = max(ends)
    return dynamic


def write_gexf(graph: nx.Graph, path: Path) -> Path:
    """GEXF 1.2 (``1.2draft``), dynamic when the edges have dates (the bipartite graph)."""
    _check_attributes(graph)
    dated = graph.number_of_edges() > 0 and all(
        "start" in data and "relation" in data for _, _, data in graph.edges(data=True)
    )
    if dated:
        written = _dynamic_copy(graph)
    else:
        written = graph.copy()
        for _, data in written.nodes(data=True):
            data["label"] = display_name(data, short=False)
            for key in ("start", "end"):
                if key in data:
                    data[f"date_{key}"] = data.pop(key)
    text = "\n".join(nx.generate_gexf(written, encoding="utf-8", version="1.2draft"))
    text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_cytoscape(graph: nx.Graph, path: Path) -> Path:
    """Cytoscape.js elements JSON: nodes ``{"data": {"id", "label", …}, "classes": kind}``,
    edges ``{"data": {"id", "source", "target", …}}``; load with ``cy.json(…)`` or
    ``cytoscape({elements: json.elements})``."""
    _check_attributes(graph)
    nodes = [
        {
            "data": {"id": node, "label": display_name(data, short=False), **data},
            "classes": data.get("kind", ""),
        }
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        {"data": {"id": f"e{index}", "source": u, "target": v, **data}}
        for index, (u, v, data) in enumerate(graph.edges(data=True))
    ]
    document = {
        "format_version": "1.0",
        "generated_by": "mig-graph",
        "target_cytoscapejs_version": "~3",
        "data": dict(graph.graph),
        "elements": {"nodes": nodes, "edges": edges},
    }
    path.write_text(_json(document), encoding="utf-8")
    return path


def write_d3(graph: nx.Graph, path: Path) -> Path:
    """D3 node-link JSON: ``nodes`` (``id`` and attributes) and ``links`` (``source``, ``target``)."""
    _check_attributes(graph)
    path.write_text(_json(nx.node_link_data(graph, edges="links")), encoding="utf-8")
    return path


def _columns(records: list[dict[str, Any]], first: tuple[str, ...]) -> list[str]:
    seen = dict.fromkeys(first)
    for record in records:
        seen.update(dict.fromkeys(record))
    return list(seen)


def write_csv(graph: nx.Graph, out_dir: Path) -> list[Path]:
    """``nodes.csv`` (``id`` and attributes) and ``edges.csv`` (``source``, ``target``, attributes)."""
    _check_attributes(graph)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {
        "nodes.csv": ([{"id": node, **data} for node, data in graph.nodes(data=True)], ("id",)),
        "edges.csv": (
            [{"source": u, "target": v, **data} for u, v, data in graph.edges(data=True)],
            ("source", "target"),
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


def _clipped(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _view_data(graph: nx.Graph) -> dict[str, Any]:
    positions = layout(graph)
    nodes = [
        {
            "id": node,
            "x": positions[node][0],
            "y": positions[node][1],
            "side": data.get("side", ""),
            "kind": data.get("kind", ""),
            "iri": data.get("iri", ""),
            "wikidata": data.get("wikidata", ""),
            "label": {lang: display_name(data, lang, short=False) for lang in ("en", "fr")},
            "short": {lang: _clipped(display_name(data, lang)) for lang in ("en", "fr")},
            "degree": graph.degree(node),
        }
        for node, data in graph.nodes(data=True)
    ]
    edges = [
        {
            "source": u,
            "target": v,
            "role": data.get("role", ""),
            "relation": data.get("relation", ""),
            "start": data.get("start", ""),
            "end": data.get("end", ""),
            "weight": data.get("weight", 1),
        }
        for u, v, data in graph.edges(data=True)
    ]
    years = [int(edge[key][:4]) for edge in edges for key in ("start", "end") if edge[key]]
    order = list(KIND_COLOURS)
    kinds = sorted(
        {node["kind"] for node in nodes}, key=lambda kind: (order.index(kind) if kind in order else 99, kind)
    )
    return {
        "name": str(graph.graph.get("name", "")),
        "nodes": nodes,
        "edges": edges,
        "colours": {kind: KIND_COLOURS.get(kind, "#444444") for kind in kinds},
        "roles": sorted({role for edge in edges for role in edge["role"].split()}),
        "years": [min(years), max(years)] if years else [],
    }


def write_html(graph: nx.Graph, path: Path, *, title: str | None = None) -> Path:
    """A self-contained interactive page (inline script and data, no network access)."""
    _check_attributes(graph)
    template = (templates_dir() / "network_view.html").read_text(encoding="utf-8")
    data = json.dumps(_view_data(graph), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    page_title = title or f"mig-graph: {graph.graph.get('name', 'network')}"
    escaped = page_title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    kind_names = json.dumps(KIND_LABELS, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    page = template.replace("__TITLE__", escaped).replace("__KIND_NAMES__", kind_names)
    path.write_text(page.replace("__GRAPH_DATA__", data), encoding="utf-8")
    return path


FORMATS: dict[str, Callable[[nx.Graph, Path], Path | list[Path]]] = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "cyjs": write_cytoscape,
    "d3": write_d3,
    "csv": write_csv,
    "html": write_html,
}
"""Format name → writer.  ``csv`` writes into a folder; the others write one file."""

SUFFIXES: dict[str, str] = {
    "graphml": ".graphml",
    "gexf": ".gexf",
    "cyjs": ".cyjs",
    "d3": ".json",
    "csv": "",
    "html": ".html",
}
"""The usual file name ending of each format (``csv``: a folder), for default output names."""


def export_graph(graph: nx.Graph, fmt: str, out_path: Path) -> list[Path]:
    """Write ``graph`` in format ``fmt`` (a key of :data:`FORMATS`) to ``out_path``; the files written.

    ``out_path`` is a file, or for ``csv`` a folder.  The parent folder is created.
    """
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}") from None
    if fmt != "csv":
        out_path.parent.mkdir(parents=True, exist_ok=True)
    written = writer(graph, out_path)
    return written if isinstance(written, list) else [written]
