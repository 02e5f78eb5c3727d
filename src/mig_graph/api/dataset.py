"""The dataset as researchers use it from Python: load it, ask it, read its network.

Everything here is reached from the package's top level (``mig_graph.load``); the stages it
calls (:mod:`mig_graph.store`, :mod:`mig_graph.query`, :mod:`mig_graph.network`) are the
command line's own, so a notebook and ``mig-graph query`` give the same answers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from mig_graph.api.rows import QueryRows

if TYPE_CHECKING:
    import networkx
    import rdflib

__all__ = ["Dataset", "load"]

_QUERY_TEXT = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def load(files: Sequence[str | PathLike[str]] = (), *, store: str | PathLike[str] | None = None) -> Dataset:
    """Open the dataset: the packaged data (compiled into an in-memory store), RDF files, or a store.

    Parameters
    ----------
    files
        RDF files (``.ttl``, ``.nt``, ``.nq``, ``.trig``, ``.jsonld``, ``.rdf``, gzipped or not as
        ``mig-graph query`` reads them); none: the data packaged with this version.
    store
        An on-disk store made by ``mig-graph load --store PATH`` (opened read-only, nothing parsed).

    Returns
    -------
    Dataset

    Raises
    ------
    mig_graph.errors.InputError
        When a file cannot be read or parsed, or ``store`` is not such a store.

    Examples
    --------
    >>> import mig_graph
    >>> dataset = mig_graph.load()
    >>> len(dataset.query("process-members", process="MiDIOCC"))
    5
    """
    from mig_graph.store import open_dataset

    paths = tuple(Path(file) for file in files)
    return Dataset(open_dataset(paths, store_path=Path(store) if store is not None else None))


@dataclass(frozen=True)
class Dataset:
    """The graph on its embedded store, with what a researcher asks of it.

    Made by :func:`load`.  :attr:`rdf` is the rdflib ``Dataset`` (one named graph per source, their
    union as the default graph) for anything else.
    """

    rdf: rdflib.Dataset

    def query(self, name_or_text: str, **params: str) -> QueryRows | bool | rdflib.Graph:
        """Run a library query by name (``mig-graph queries`` lists them) or a SPARQL text.

        Parameters
        ----------
        name_or_text
            A query of the library (``process-members``) or the text of a SPARQL query.
        **params
            The query's parameters (``process="MiDIOCC"``): an entity as an ISO 3166-1 alpha-3
            code, an acronym, a label, an id (``process/midiocc``) or an IRI; a year as ``YYYY``.
            A text's parameters are those its header declares (``# param NAME (kind): …``).

        Returns
        -------
        QueryRows or bool or rdflib.Graph
            The rows of a SELECT, the answer of an ASK, the graph of a CONSTRUCT or DESCRIBE.

        Raises
        ------
        mig_graph.errors.InputError
            An unknown query or parameter, an entity that matches nothing, a malformed query.

        Examples
        --------
        >>> import mig_graph
        >>> members = mig_graph.load().query("process-members", process="MiDIOCC")
        >>> sorted(row[2] for row in members)
        ['COM', 'FRA', 'MDG', 'MUS', 'SYC']
        >>> rows = mig_graph.load().query(
        ...     "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/mig-graph/ontology#State> }")
        >>> rows.columns, rows.kinds
        (('n',), ('integer',))
        """
        from mig_graph.errors import InputError
        from mig_graph.query.library import library, parse_query_text, run_query

        if name_or_text in library():
            query = name_or_text
        elif _QUERY_TEXT.search(name_or_text):
            query = parse_query_text(name_or_text)
        else:
            raise InputError(f"unknown query {name_or_text!r}; the library has: {', '.join(library())}")
        result = run_query(query, {name: str(value) for name, value in params.items()}, dataset=self.rdf)
        if result.kind == "ask":
            return bool(result.boolean)
        if result.kind == "graph":
            assert result.graph is not None
            return result.graph
        return QueryRows(tuple(result.variables), tuple(result.rows))

    def network(
        self,
        as_of: str | None = None,
        roles: Iterable[str] | None = None,
        include: Iterable[str] | str | None = None,
    ) -> networkx.Graph:
        """The bipartite actor–process graph that ``mig-graph analyse`` and ``export`` use: by
        default, states linked to the consultation mechanisms they belong to.

        Parameters
        ----------
        as_of
            ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: the links current at the end of that period
            (a membership the sources support then, a meeting or signature before it; a
            membership of unknown status then is left out); ``None``: every link.
        roles
            Keep the links with one of these roles (``member``, ``observer``, ``chair``…;
            ``signatory`` for signatures); ``None``: every role.
        include
            The wider readings to add, as ``mig-graph analyse --include`` takes them:
            ``organisations``, ``meetings``, ``declarations``, ``programmes``,
            ``organisations-with-members``, or ``all``; ``None``: states and mechanisms only.

        Returns
        -------
        networkx.Graph
            Nodes ``state/FRA``, ``process/midiocc``…, with ``side`` (``actor`` or ``process``),
            ``bipartite`` (0 or 1), ``kind``, ``label_en``, ``iso_alpha3``…; one edge per pair with
            ``role``, ``relation``, ``start`` and ``end`` (ISO dates of their precision, ``""``
            when not stated) and ``sources``.

        Raises
        ------
        ValueError
            A date not of those forms, a role the controlled list does not have, or an unknown
            reading to include.

        Examples
        --------
        >>> import mig_graph
        >>> graph = mig_graph.load().network(roles=["member"])
        >>> sorted(graph["process/midiocc"])
        ['state/COM', 'state/FRA', 'state/MDG', 'state/MUS', 'state/SYC']
        """
        from mig_graph.network import parse_scope, read_graphs

        return read_graphs(self.rdf, as_of=as_of, roles=roles, scope=parse_scope(include)).bipartite

    def panel(self, table: str = "state_year", *, first: int | None = None, last: int | None = None):
        """One of the panel tables that ``mig-graph panel`` writes, as a pandas DataFrame.

        Parameters
        ----------
        table
            ``state_year`` (one row per state and year, one column per mechanism),
            ``mechanism_year``, ``dyad_year`` or ``memberships`` (the long table).
        first, last
            The years (default: the years the data's dates span).

        Returns
        -------
        pandas.DataFrame
            Coded as the Correlates of War IGO data: 0 none, 1 full member, 2 associate,
            3 observer, -9 status unknown that year, -1 mechanism not in existence (see the
            codebook that ``mig-graph panel`` writes).

        Raises
        ------
        ValueError
            An unknown table, or ``first`` after ``last``.

        Examples
        --------
        >>> import mig_graph
        >>> frame = mig_graph.load().panel(first=2019, last=2020)
        >>> frame[frame["iso3"] == "COM"][["year", "midiocc"]].values.tolist()
        [[2019, -1], [2020, 1]]
        """
        import pandas as pd

        from mig_graph.panel import PANEL_FILES, build_panels, cow_codes, read_panel_input

        if table not in PANEL_FILES:
            raise ValueError(f"unknown panel table {table!r}; one of {', '.join(PANEL_FILES)}")
        panels = build_panels(read_panel_input(self.rdf), cow_codes(), first=first, last=last)
        header, rows = getattr(panels, table)
        frame = pd.DataFrame(rows, columns=list(header))
        for column in ("ccode", "ccode1", "ccode2"):
            if column in frame:
                frame[column] = frame[column].astype("Int64")
        return frame
