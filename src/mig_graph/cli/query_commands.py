"""The commands that ask the graph: ``queries``, ``query``, and ``push`` to another store."""

from __future__ import annotations

from pathlib import Path

import click

from mig_graph.cli.inputs import console, fail, graph_input, guarded, open_graph

__all__ = ["push", "queries", "query"]


@click.command()
def queries() -> None:
    """List the query library: names, titles and parameters."""
    from rich.console import Console
    from rich.table import Table

    from mig_graph.query.library import library

    table = Table("name", "title", "parameters")
    for name, query in library().items():
        shown = [p.name + (f"={p.default}" if p.default else " (optional)") for p in query.parameters]
        table.add_row(name, query.title, ", ".join(shown))
    Console().print(table)


@click.command()
@click.argument("name_or_file")
@graph_input
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (repeatable)."
)
@click.option(
    "--format", "output_format", type=click.Choice(["table", "csv", "tsv", "json", "turtle"]), default="table"
)
@click.option(
    "--endpoint", metavar="URL", help="Run on this SPARQL 1.1 endpoint instead of the embedded store."
)
def query(
    name_or_file: str,
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    params: tuple[str, ...],
    output_format: str,
    endpoint: str | None,
) -> None:
    """Run a library query (by name) or a .rq file on the graph, RDF files, a store or an endpoint."""
    from mig_graph.errors import InputError
    from mig_graph.query.library import run_query
    from mig_graph.query.results import render

    values: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep:
            fail(InputError(f"--param expects NAME=VALUE, got {param!r}"))
        values[name] = value
    dataset = None
    if endpoint is None and (rdf_files or store_path):
        dataset = open_graph(rdf_files, store_path)
    result = guarded(lambda: run_query(name_or_file, values, dataset=dataset, endpoint=endpoint))
    click.echo(guarded(lambda: render(result, output_format)), nl=False)


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="The store's Graph Store Protocol address.")
@graph_input
def push(endpoint: str, rdf_files: tuple[Path, ...], store_path: Path | None) -> None:
    """Load the graph into a store over the SPARQL 1.1 Graph Store Protocol, one named graph per source.

    The union of all sources is also written to the store's default graph, as in the embedded store.
    """
    from mig_graph.publish.push import push_dataset

    dataset = open_graph(rdf_files, store_path)
    counts = guarded(lambda: push_dataset(dataset, endpoint))
    console().print(
        f"{len(counts) - 1} named graphs and the default graph, {sum(counts.values())} triples, to {endpoint}"
    )
