"""The command that makes a citable release: ``release``, one versioned bundle of the dataset."""

from __future__ import annotations

from pathlib import Path

import click

from mig_graph.cli.inputs import StageChoice, console, graph_input, guarded, open_graph

__all__ = ["release"]


@click.command()
@click.option(
    "--out",
    "out_dir",
    default=Path("release"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder that receives mig-graph-VERSION/.",
)
@click.option(
    "--table-format",
    "table_formats",
    multiple=True,
    type=StageChoice("mig_graph.export.frames", "FRAME_FORMATS"),
    help="Also write the panel tables in this format (repeatable; needs the pandas extra).",
)
@click.option(
    "--base-url",
    default="https://w3id.org/mig-graph/",
    show_default=True,
    help="Where the dumps are published.",
)
@graph_input
def release(
    out_dir: Path,
    table_formats: tuple[str, ...],
    base_url: str,
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
) -> None:
    """Write a versioned release bundle: dumps, VoID/DCAT and schema.org descriptions, panel
    tables, CITATION.cff, .zenodo.json, a release note from data/CHANGELOG.md and SHA256SUMS."""
    from mig_graph.release import write_release

    dataset = open_graph(rdf_files, store_path)
    base = base_url if base_url.endswith("/") else base_url + "/"
    report = guarded(lambda: write_release(dataset, out_dir, table_formats=table_formats, site_url=base))
    console().print(
        f"version {report.version}: {len(report.files) + 1} files in {report.folder}/", soft_wrap=True
    )
