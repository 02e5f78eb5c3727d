"""Fixtures for the coverage tests: the full packaged graph (every file in ``data/``), built once.

Each curated file ``data/NAME.yaml`` beyond the seeds has its test in ``tests/coverage/test_NAME.py``
(dashes as underscores), asserting a few of its facts exactly.
"""

from __future__ import annotations

import pytest
from rdflib import Dataset

from mig_graph.namespaces import PREFIXES
from mig_graph.store import open_dataset

ID = "https://w3id.org/mig-graph/id/"
ROLE = "https://w3id.org/mig-graph/vocab/role/"
PREFIX_BLOCK = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items()) + (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
)


@pytest.fixture(scope="session")
def packaged_store() -> Dataset:
    """The packaged data (all curated files), compiled and loaded into the embedded store."""
    return open_dataset()


@pytest.fixture(scope="session")
def packaged_select(packaged_store: Dataset):
    """Run a SELECT (the project's prefixes declared) and return rows of strings."""

    def run(query: str) -> list[tuple[str | None, ...]]:
        result = packaged_store.query(PREFIX_BLOCK + query)
        return [tuple(None if value is None else str(value) for value in row) for row in result]

    return run


@pytest.fixture(scope="session")
def state_members(packaged_select):
    """ISO alpha-3 codes of the states holding ``role`` in ``organisation`` (``process/prague-process``)."""

    def run(organisation: str, role: str = "member") -> list[str]:
        rows = packaged_select(f"""
            SELECT DISTINCT ?iso3 WHERE {{
              ?m a org:Membership ; org:organization <{ID}{organisation}> ; org:member ?state ;
                 org:role <{ROLE}{role}> .
              ?state a mg:State ; mg:iso3166Alpha3 ?iso3 .
            }}""")
        return sorted(row[0] for row in rows)

    return run


@pytest.fixture(scope="session")
def members_citing(packaged_select):
    """ISO alpha-3 codes of the states whose ``role`` membership of ``organisation`` cites ``source``."""

    def run(organisation: str, source: str, role: str = "member") -> list[str]:
        rows = packaged_select(f"""
            SELECT DISTINCT ?iso3 WHERE {{
              ?m a org:Membership ; org:organization <{ID}{organisation}> ; org:member ?state ;
                 org:role <{ROLE}{role}> ; prov:wasDerivedFrom <{ID}source/{source}> .
              ?state a mg:State ; mg:iso3166Alpha3 ?iso3 .
            }}""")
        return sorted(row[0] for row in rows)

    return run


@pytest.fixture(scope="session")
def source_dating(packaged_select):
    """A source's ``dcterms:date`` and ``mg:notBefore`` as (predicate name, value, datatype) rows."""

    def run(source: str) -> list[tuple[str | None, ...]]:
        rows = packaged_select(f"""
            SELECT ?name ?value (DATATYPE(?value) AS ?type) WHERE {{
              VALUES (?p ?name) {{ (dcterms:date "date") (mg:notBefore "not_before") }}
              <{ID}source/{source}> ?p ?value .
            }}""")
        return sorted(rows)

    return run


@pytest.fixture(scope="session")
def confirmed_until(packaged_select):
    """The ``mg:confirmedUntil`` of the ``role`` membership of ``member`` in ``organisation``."""

    def run(organisation: str, member: str, role: str = "member") -> list[str]:
        iri = f"{ID}membership/{organisation.replace('/', '-')}/{role}/{member.replace('/', '-')}"
        rows = packaged_select(f"SELECT ?until WHERE {{ <{iri}> mg:confirmedUntil ?until }}")
        return [row[0] for row in rows]

    return run
