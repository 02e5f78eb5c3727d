"""The panel command: state-year, mechanism-year and dyad-year datasets with their codebook."""

from __future__ import annotations

from pathlib import Path

import click

from mig_graph.cli.inputs import console, graph_input, guarded, open_graph

__all__ = ["panel"]


@click.command()
@graph_input
@click.option(
    "--out",
    "out_dir",
    default=Path("panels"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option("--from", "first", type=int, help="First year (default: the earliest date of the data).")
@click.option("--to", "last", type=int, help="Last year (default: the latest date of the data).")
def panel(
    rdf_files: tuple[Path, ...], store_path: Path | None, out_dir: Path, first: int | None, last: int | None
) -> None:
    """Panel datasets in the Correlates of War IGO layout, with a codebook and a data package."""
    from mig_graph.panel import write_panel_files
    from mig_graph.publish.catalog import dataset_version

    dataset = open_graph(rdf_files, store_path)
    written = guarded(
        lambda: write_panel_files(dataset, out_dir, version=dataset_version().version, first=first, last=last)
    )
    console().print(f"{len(written)} files in {out_dir}/ (read {out_dir / 'codebook.md'})", soft_wrap=True)
