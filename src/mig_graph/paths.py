"""Where the packaged resources live: the only module that knows.

In an installed wheel the ontology, shapes, queries and data are copied into
``mig_graph/resources/``; in a source checkout (editable install, tests) they
are read from the repository's top-level folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = [
    "country_wikidata_table",
    "cow_states_table",
    "data_dir",
    "messages_file",
    "ontology_dir",
    "ontology_file",
    "queries_dir",
    "resource_root",
    "shapes_dir",
    "static_dir",
    "table_schemas_dir",
    "templates_dir",
    "vocabularies_file",
    "world_atlas_file",
]

_PACKAGED = Path(__file__).resolve().parent / "resources"
_CHECKOUT = Path(__file__).resolve().parents[2]


@cache
def resource_root() -> Path:
    """The folder that holds ``ontology/``, ``shapes/``, ``queries/`` and ``data/``."""
    if (_PACKAGED / "ontology").is_dir():
        return _PACKAGED
    if (_CHECKOUT / "ontology").is_dir():
        return _CHECKOUT
    raise FileNotFoundError("mig-graph resources not found: reinstall the package")


def ontology_dir() -> Path:
    return resource_root() / "ontology"


def ontology_file() -> Path:
    return ontology_dir() / "mig-graph.ttl"


def vocabularies_file() -> Path:
    return ontology_dir() / "vocabularies.ttl"


def shapes_dir() -> Path:
    return resource_root() / "shapes"


def queries_dir() -> Path:
    return resource_root() / "queries"


def data_dir() -> Path:
    return resource_root() / "data"


def country_wikidata_table() -> Path:
    return data_dir() / "reference" / "country-wikidata.csv"


def cow_states_table() -> Path:
    """The Correlates of War country codes of the states in the system at the end of 2016, by ISO code."""
    return data_dir() / "reference" / "cow-states.csv"


def table_schemas_dir() -> Path:
    """The hand-written Table Schemas of the panel files (inside the package itself)."""
    return Path(__file__).resolve().parent / "panel" / "schemas"


def messages_file(stage: str, lang: str) -> Path:
    """A stage's strings in one language (``report/messages/fr.toml``), inside the package itself."""
    return Path(__file__).resolve().parent / stage / "messages" / f"{lang}.toml"


def templates_dir() -> Path:
    """The Jinja2 templates and the one style sheet of every page (inside the package itself)."""
    return Path(__file__).resolve().parent / "templates"


def static_dir() -> Path:
    """The query page's scripts and the vendored web assets (``vendor/``, inside the package itself)."""
    return Path(__file__).resolve().parent / "static"


def world_atlas_file() -> Path:
    """Natural Earth's country boundaries at 1:110m, as TopoJSON (the npm package ``world-atlas``)."""
    return static_dir() / "vendor" / "world-atlas" / "countries-110m.json"
