"""Stage 6, query: the SPARQL query library, its typed parameters, local and remote runs, result
writers and the class summary."""

from mig_graph.query.library import (
    LibraryQuery,
    Parameter,
    QueryResult,
    RemoteError,
    bind_parameters,
    library,
    load_query,
    run_local,
    run_query,
    run_remote,
)

__all__ = [
    "LibraryQuery",
    "Parameter",
    "QueryResult",
    "RemoteError",
    "bind_parameters",
    "library",
    "load_query",
    "run_local",
    "run_query",
    "run_remote",
]
