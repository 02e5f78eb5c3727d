"""Stage 7, network analysis: the bipartite graph of actors and processes read by SPARQL, its
projections, measures and the seeded layout.

Modules, in the order data flows: :mod:`~mig_graph.network.sparql` (the three reading
queries), :mod:`~mig_graph.network.read` (their rows), :mod:`~mig_graph.network.bipartite`
(the graph, its sides and snapshots; dates in :mod:`~mig_graph.network.periods`),
:mod:`~mig_graph.network.projection` (incidence matrices and projections),
:mod:`~mig_graph.network.graphs` (one reading: :func:`read_graphs`); the measures
:mod:`~mig_graph.network.centrality`, :mod:`~mig_graph.network.brokers`,
:mod:`~mig_graph.network.community`, :mod:`~mig_graph.network.overlap`,
:mod:`~mig_graph.network.change`; and, for drawings and tables, :mod:`~mig_graph.network.labels`
and :mod:`~mig_graph.network.layout`.  Other packages import these names from here.
"""

from mig_graph.network.bipartite import bipartite_graph, processes_per_actor, sides, snapshot
from mig_graph.network.brokers import Broker, brokers
from mig_graph.network.centrality import Centrality, centralities, projection_centralities
from mig_graph.network.change import Change, change_between
from mig_graph.network.community import communities
from mig_graph.network.graphs import AnalysisGraphs, read_graphs
from mig_graph.network.labels import KIND_LABELS, KINDS, display_name, distinct_names, node_id, node_iri
from mig_graph.network.layout import KIND_COLOURS, layout, most_linked
from mig_graph.network.links_file import LINK_COLUMNS, write_links
from mig_graph.network.overlap import OverlapMatrix, overlap_matrix
from mig_graph.network.periods import LINK_STATUSES, is_active, link_status, membership_status
from mig_graph.network.projection import (
    actor_projection,
    incidence_matrix,
    process_projection,
    projection_size,
)
from mig_graph.network.read import LinkRow, TimelineEvent, read_links, read_node_attributes, read_timeline
from mig_graph.network.scope import INCLUSIONS, MECHANISM_KINDS, Scope, parse_scope
from mig_graph.network.seed import SEED

__all__ = [
    "INCLUSIONS",
    "KINDS",
    "KIND_COLOURS",
    "KIND_LABELS",
    "LINK_COLUMNS",
    "LINK_STATUSES",
    "MECHANISM_KINDS",
    "SEED",
    "AnalysisGraphs",
    "Broker",
    "Centrality",
    "Change",
    "LinkRow",
    "OverlapMatrix",
    "Scope",
    "TimelineEvent",
    "actor_projection",
    "bipartite_graph",
    "brokers",
    "centralities",
    "change_between",
    "communities",
    "display_name",
    "distinct_names",
    "incidence_matrix",
    "is_active",
    "layout",
    "link_status",
    "membership_status",
    "most_linked",
    "node_id",
    "node_iri",
    "overlap_matrix",
    "parse_scope",
    "process_projection",
    "processes_per_actor",
    "projection_centralities",
    "projection_size",
    "read_graphs",
    "read_links",
    "read_node_attributes",
    "read_timeline",
    "sides",
    "snapshot",
    "write_links",
]
