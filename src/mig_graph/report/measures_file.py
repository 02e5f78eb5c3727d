"""``measures.csv``: every actor and process with its measures, for R, Stata or pandas.

One row per node of the bipartite graph (as of the snapshot the graphs were read at), actors
first, then processes, each side sorted by identifier. Columns: the node's identifier, IRI,
side, kind, English and French labels, acronym, ISO 3166-1 alpha-3; ``links`` (its degree in the
bipartite graph: processes of an actor, members of a process); the measures of its projection
(``degree``, ``strength``, ``degree_centrality``, ``betweenness``, ``eigenvector``, as in the
report's tables, betweenness estimated from the same seeded sample on large graphs);
``community`` (its seeded Louvain community in its projection, numbered from 1, largest first;
empty on a side whose projection has more than :data:`COMMUNITY_EDGE_LIMIT` edges, which is not
built: the process projection of a large graph is dense, tens of millions of NetworkX edges);
and the snapshot's ``as_of`` and ``roles``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mig_graph.network import AnalysisGraphs, communities, projection_centralities, projection_size
from mig_graph.report.tables import BETWEENNESS_SAMPLE, EXACT_BETWEENNESS_LIMIT

__all__ = ["COMMUNITY_EDGE_LIMIT", "MEASURE_COLUMNS", "measures_rows", "write_measures"]

COMMUNITY_EDGE_LIMIT = 2_000_000
"""Above this many edges a projection is not built for its communities (their column is empty)."""

MEASURE_COLUMNS = (
    "id",
    "iri",
    "side",
    "kind",
    "label_en",
    "label_fr",
    "acronym_en",
    "iso_alpha3",
    "links",
    "degree",
    "strength",
    "degree_centrality",
    "betweenness",
    "eigenvector",
    "community",
    "as_of",
    "roles",
)


def measures_rows(graphs: AnalysisGraphs) -> list[dict[str, str]]:
    """The rows of ``measures.csv``, as text, in their order.

    Parameters
    ----------
    graphs : AnalysisGraphs
        The graphs of :func:`mig_graph.network.read_graphs`.

    Returns
    -------
    list of dict
        One mapping per node, keyed by :data:`MEASURE_COLUMNS`.
    """
    bipartite = graphs.bipartite
    rows: list[dict[str, str]] = []
    for side in (0, 1):
        size = sum(1 for _, value in bipartite.nodes(data="bipartite") if value == side)
        sample = BETWEENNESS_SAMPLE if size > EXACT_BETWEENNESS_LIMIT else None
        measures = {
            row.node: row for row in projection_centralities(bipartite, side, betweenness_sample=sample)
        }
        community = {}
        if projection_size(bipartite, side)[1] <= COMMUNITY_EDGE_LIMIT:
            parts = communities(graphs.actors if side == 0 else graphs.processes)
            community = {node: number for number, part in enumerate(parts, 1) for node in part}
        for node in sorted(measures):
            data, measure = bipartite.nodes[node], measures[node]
            rows.append(
                {
                    "id": node,
                    "iri": data.get("iri", ""),
                    "side": data.get("side", ""),
                    "kind": data.get("kind", ""),
                    "label_en": data.get("label_en", ""),
                    "label_fr": data.get("label_fr", ""),
                    "acronym_en": data.get("acronym_en", ""),
                    "iso_alpha3": data.get("iso_alpha3", ""),
                    "links": str(bipartite.degree(node)),
                    "degree": str(measure.degree),
                    "strength": f"{measure.strength:g}",
                    "degree_centrality": f"{measure.degree_centrality:.6f}",
                    "betweenness": f"{measure.betweenness:.6f}",
                    "eigenvector": f"{measure.eigenvector:.6f}",
                    "community": str(community.get(node, "")),
                    "as_of": bipartite.graph.get("as_of", ""),
                    "roles": bipartite.graph.get("roles", ""),
                }
            )
    return rows


def write_measures(graphs: AnalysisGraphs, path: Path) -> Path:
    """Write ``measures.csv`` (UTF-8, comma-separated, a header line, ``\\n`` line ends) at ``path``.

    Parameters
    ----------
    graphs : AnalysisGraphs
        The graphs of :func:`mig_graph.network.read_graphs`.
    path : pathlib.Path
        The file written.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MEASURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(measures_rows(graphs))
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path
