"""The panel files: four CSV tables, a codebook and a Frictionless ``datapackage.json`` whose
Table Schemas are written by hand (``panel/schemas/``), the per-mechanism and per-state columns
added from the template field each schema gives."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path
from typing import Any

from rdflib import Dataset

from mig_graph import paths
from mig_graph.folderswap import replaced_folder
from mig_graph.panel.coding import CODE_LABELS
from mig_graph.panel.cow import cow_codes
from mig_graph.panel.reading import read_panel_input
from mig_graph.panel.tables import Panels, build_panels
from mig_graph.rendering import render

__all__ = ["PANEL_FILES", "datapackage", "write_panel_files"]

PANEL_FILES = ("state_year", "mechanism_year", "dyad_year", "memberships")
"""The tables, each written as ``NAME.csv`` with its schema ``panel/schemas/NAME.json``."""

_TEMPLATE_FIELDS = {"state_year": "mechanismField", "mechanism_year": "stateField"}


def _schema(name: str, header: tuple[str, ...]) -> dict[str, Any]:
    """The Table Schema of a table: the hand-written one, its template field repeated for each
    column it does not name (the mechanisms of ``state_year``, the states of ``mechanism_year``)."""
    schema = json.loads((paths.table_schemas_dir() / f"{name}.json").read_text(encoding="utf-8"))
    template = schema.pop(_TEMPLATE_FIELDS[name], None) if name in _TEMPLATE_FIELDS else None
    named = {field["name"] for field in schema["fields"]}
    if template is not None:
        schema["fields"] += [
            {"name": column, **copy.deepcopy(template)} for column in header if column not in named
        ]
    if [field["name"] for field in schema["fields"]] != list(header):
        raise ValueError(f"{name}: the schema's fields are not the table's columns")
    return schema


def datapackage(panels: Panels, version: str) -> dict[str, Any]:
    """The Frictionless Data Package describing the four tables.

    Parameters
    ----------
    panels
        The tables (:func:`~mig_graph.panel.tables.build_panels`).
    version
        The data release (``data/CHANGELOG.md``'s first heading).

    Returns
    -------
    dict
        A ``datapackage.json`` document: each resource a tabular data resource with its schema.
    """
    first, last = panels.years
    return {
        "name": "mig-graph-panels",
        "title": "mig-graph: membership of inter-State consultation mechanisms on migration, panel datasets",
        "description": (
            f"State-year, mechanism-year and dyad-year panels, {first}-{last}, in the layout of the "
            "Correlates of War IGO data, and the long membership table, from the mig-graph knowledge graph; "
            "see codebook.md."
        ),
        "version": version,
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "homepage": "https://w3id.org/mig-graph/",
        "resources": [
            {
                "name": name.replace("_", "-"),
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(name, getattr(panels, name)[0]),
            }
            for name in PANEL_FILES
        ],
    }


def _write_table(path: Path, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(tuple("" if value is None else value for value in row) for row in rows)


def write_panel_files(
    dataset: Dataset,
    out_dir: Path,
    *,
    version: str,
    first: int | None = None,
    last: int | None = None,
) -> list[Path]:
    """Write the panels, ``codebook.md`` and ``datapackage.json`` into ``out_dir``, replaced whole.

    Parameters
    ----------
    dataset
        The graph.
    out_dir
        The folder; it is replaced by a complete new one (an interrupted run leaves the old one).
    version
        The data release, written into the data package and the codebook.
    first, last
        The years (default: the years the data's dates span).

    Returns
    -------
    list of pathlib.Path
        The files written, as they are in ``out_dir``.
    """
    panels = build_panels(read_panel_input(dataset), cow_codes(), first=first, last=last)
    names = [*(f"{name}.csv" for name in PANEL_FILES), "codebook.md", "datapackage.json"]
    package = datapackage(panels, version)
    with replaced_folder(out_dir, "panel") as staging:
        for name in PANEL_FILES:
            header, rows = getattr(panels, name)
            _write_table(staging / f"{name}.csv", header, rows)
        codebook = render(
            "panel_codebook.md.j2",
            version=version,
            years=panels.years,
            codes=CODE_LABELS,
            package=package,
            columns=panels.mechanism_columns,
            sizes={name: len(getattr(panels, name)[1]) for name in PANEL_FILES},
        )
        (staging / "codebook.md").write_text(codebook, encoding="utf-8")
        (staging / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    return [out_dir / name for name in names]
