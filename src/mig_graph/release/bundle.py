"""``mig-graph release``: one versioned bundle of the dataset, ready to deposit (Zenodo) and cite.

``OUT/mig-graph-VERSION/`` holds::

    dumps/            the site's dumps (Turtle, N-Triples, N-Quads, JSON-LD) with their sums
    void.ttl          VoID and DCAT description of the release
    dataset.jsonld    the same facts as a schema.org Dataset
    panels/           the panel tables with their codebook and datapackage.json, as CSV and,
                      when asked, as Parquet and Stata .dta (see PANELS below)
    CITATION.cff      how to cite the dataset, and the software
    .zenodo.json      Zenodo's deposit metadata
    RELEASE-NOTES.md  the data changelog's section for the version, and the list of files
    SHA256SUMS        the SHA-256 sum of every other file (``sha256sum -c SHA256SUMS``)

The bundle is written beside its final place and swapped in when complete
(:func:`mig_graph.folderswap.replaced_folder`): a reader never finds half a release.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rdflib import Dataset

from mig_graph import paths
from mig_graph.errors import InputError
from mig_graph.folderswap import replaced_folder
from mig_graph.namespaces import BASE
from mig_graph.publish import dumps
from mig_graph.publish.catalog import DatasetVersion, dataset_version, describe_dataset
from mig_graph.publish.schema_org import schema_org_dataset
from mig_graph.publish.sitefiles import SiteFiles
from mig_graph.release.checksums import write_sums
from mig_graph.release.citation import citation_cff, zenodo_json
from mig_graph.release.notes import BundleFile, changelog_section, release_note
from mig_graph.store import oxigraph_store

__all__ = ["NOTE", "PanelWriter", "ReleaseReport", "panel_writer", "write_release"]

NOTE = "RELEASE-NOTES.md"
PanelWriter = Callable[[Dataset, Path], list[Path]]
"""Writes the panel tables of a dataset into a folder (CSV, ``codebook.md``, ``datapackage.json``)
and returns the files written."""

_DESCRIPTIONS = {
    "void.ttl": "VoID and DCAT description of the release",
    "dataset.jsonld": "the same description as a schema.org Dataset (JSON-LD)",
    "CITATION.cff": "how to cite the dataset and the software (Citation File Format 1.2.0)",
    ".zenodo.json": "Zenodo deposit metadata (upload type: dataset)",
    "dumps/SHA256SUMS": "SHA-256 sums of the dumps, as on the site",
    "dumps/index.html": "the downloads page of the site",
    "panels/codebook.md": "codebook of the panel tables",
    "panels/datapackage.json": "Frictionless Data Package describing the panel tables (CSV)",
}
_TABLE_FORMATS = {".csv": "CSV", ".parquet": "Parquet", ".dta": "Stata 14+ .dta"}


def panel_writer(version: str) -> PanelWriter:
    """The writer of the panel tables of a release: :func:`mig_graph.panel.write_panel_files`
    (``state_year.csv``, ``mechanism_year.csv``, ``dyad_year.csv``, ``memberships.csv``,
    ``codebook.md`` and ``datapackage.json``), stamped with the release's version."""
    from mig_graph.panel import write_panel_files

    return partial(write_panel_files, version=version)


@dataclass(frozen=True)
class ReleaseReport:
    """The bundle written: its folder, the dataset's version and its files (besides ``SHA256SUMS``)."""

    folder: Path
    version: str
    files: tuple[BundleFile, ...]


def write_release(
    dataset: Dataset,
    out_dir: Path,
    *,
    table_formats: Sequence[str] = (),
    panels: PanelWriter | None = None,
    site_url: str = BASE,
    version: DatasetVersion | None = None,
) -> ReleaseReport:
    """Write the release bundle ``out_dir/mig-graph-VERSION/`` (see the module's notes).

    Parameters
    ----------
    dataset
        The graph, on Oxigraph (:func:`mig_graph.store.open_dataset`).
    out_dir
        The folder that receives the bundle's folder (made if missing).
    table_formats
        Also write each panel table as ``parquet`` and/or ``dta``
        (:data:`mig_graph.export.frames.FRAME_FORMATS`; needs the ``pandas`` extra).
    panels
        The panel writer; by default :func:`panel_writer`'s.
    site_url
        Where the dumps are published, for the distributions' URLs.
    version
        The release; by default the newest of the data changelog.

    Returns
    -------
    ReleaseReport

    Raises
    ------
    mig_graph.errors.InputError
        When the changelog has no section for the version; nothing is written then.
    """
    release = version or dataset_version()
    writer = panels or panel_writer(release.version)
    changelog = (paths.data_dir() / "CHANGELOG.md").read_text(encoding="utf-8")
    try:
        changes = changelog_section(changelog, release.version)
    except ValueError as error:
        raise InputError(str(error)) from None
    store = oxigraph_store(dataset)
    target = out_dir / f"mig-graph-{release.version}"
    out_dir.mkdir(parents=True, exist_ok=True)
    with replaced_folder(target, "release") as staging:
        files = SiteFiles(staging, previous=target)
        distributions, _ = dumps.write_dumps(files, store, dumps.subjects(store), release)
        description = describe_dataset(
            dataset.default_graph, distributions, site_url=site_url, version=release
        )
        files.write("void.ttl", description.serialize(format="turtle"))
        schema = json.dumps(schema_org_dataset(description), ensure_ascii=False, indent=2, sort_keys=True)
        files.write("dataset.jsonld", schema + "\n")
        titles = {f"dumps/{Path(d.path).name}": d.title for d in distributions}
        titles.update(_write_panels(dataset, staging / "panels", writer, table_formats))
        files.write("CITATION.cff", citation_cff(release))
        files.write(".zenodo.json", zenodo_json(release))
        listed = tuple(
            BundleFile(name, (staging / name).stat().st_size, titles.get(name) or _DESCRIPTIONS.get(name, ""))
            for name in sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        )
        files.write(NOTE, release_note(release, changes, listed, True))
        write_sums(staging)
    return ReleaseReport(
        target, release.version, (*listed, BundleFile(NOTE, (target / NOTE).stat().st_size, ""))
    )


def _write_panels(
    dataset: Dataset, folder: Path, writer: PanelWriter, table_formats: Sequence[str]
) -> dict[str, str]:
    """The panel tables, and each again in ``table_formats``; return each table file's description."""
    from mig_graph.export.frames import read_table, write_frame

    folder.mkdir(parents=True, exist_ok=True)
    writer(dataset, folder)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    described = {}
    for resource in package.get("resources", []):
        csv_path = folder / resource["path"]
        title = resource.get("title") or resource["name"]
        described[f"panels/{resource['path']}"] = f"{title} ({_TABLE_FORMATS['.csv']})"
        if not table_formats:
            continue
        frame = read_table(csv_path, resource["schema"])
        labels = {
            field["name"]: field.get("title") or field.get("description", "")
            for field in resource["schema"]["fields"]
        }
        for fmt in table_formats:
            written = write_frame(frame, csv_path.with_suffix(f".{fmt}"), labels=labels, title=title)
            described[f"panels/{written.name}"] = f"{title} ({_TABLE_FORMATS[written.suffix]})"
    return described
