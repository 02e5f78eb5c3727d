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
@click.option(
    "--default-graph-uri",
    "default_graphs",
    multiple=True,
    metavar="IRI",
    help="With --endpoint: the graph the query sees as its default graph (SPARQL protocol's "
    "default-graph-uri; repeatable), such as the union written by push --union-graph.",
)
def query(
    name_or_file: str,
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    params: tuple[str, ...],
    output_format: str,
    endpoint: str | None,
    default_graphs: tuple[str, ...],
) -> None:
    """Run a library query (by name) or a .rq file on the graph, RDF files, a store or an endpoint."""
    from mig_graph.errors import InputError
    from mig_graph.query.library import run_query
    from mig_graph.query.results import render

    if default_graphs and endpoint is None:
        fail(InputError("--default-graph-uri names a graph of a remote store: give --endpoint too"))
    values: dict[str, str] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep:
            fail(InputError(f"--param expects NAME=VALUE, got {param!r}"))
        values[name] = value
    dataset = None
    if endpoint is None and (rdf_files or store_path):
        dataset = open_graph(rdf_files, store_path)
    result = guarded(
        lambda: run_query(
            name_or_file, values, dataset=dataset, endpoint=endpoint, default_graphs=default_graphs
        )
    )
    click.echo(guarded(lambda: render(result, output_format)), nl=False)


@click.command()
@click.option("--endpoint", required=True, metavar="URL", help="The store's Graph Store Protocol address.")
@graph_input
@click.option(
    "--union-graph",
    metavar="IRI",
    help="Write the union into this named graph instead of the store's default graph "
    "(for stores that refuse to replace it, such as Virtuoso); query with --default-graph-uri IRI.",
)
@click.option(
    "--query-endpoint",
    metavar="URL",
    help="The store's SPARQL query endpoint: count the triples of each graph there after the push.",
)
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="Triples per request (the first replaces the graph, the others add to it).",
)
def push(
    endpoint: str,
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    union_graph: str | None,
    query_endpoint: str | None,
    chunk_size: int,
) -> None:
    """Load the graph into a store over the SPARQL 1.1 Graph Store Protocol, one named graph per source.

    The union of all sources is also written to the store's default graph, as in the embedded store,
    or to the named graph given by --union-graph. Large graphs go in chunks, with a progress bar;
    with --query-endpoint, each graph's triples are counted in the store afterwards and a count
    that differs from what was sent is an error (exit 2).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from mig_graph.namespaces import compact
    from mig_graph.publish.push import graph_sizes, push_dataset
    from mig_graph.query.library import RemoteError

    dataset = open_graph(rdf_files, store_path)
    total = sum(graph_sizes(dataset).values())
    columns = (
        TextColumn("push"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("triples"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console(), transient=True) as progress:
        task = progress.add_task("push", total=total)
        pushed = guarded(
            lambda: push_dataset(
                dataset,
                endpoint,
                union_graph=union_graph,
                query_endpoint=query_endpoint,
                chunk_size=chunk_size,
                on_chunk=lambda _name, count: progress.advance(task, count),
            )
        )
    table = Table("graph", "triples sent", "triples in the store")
    table.columns[0].overflow = "fold"
    for graph in pushed:
        shown = "(default graph)" if graph.name == "" else compact(graph.name)
        table.add_row(shown, str(graph.sent), "not read back" if graph.stored is None else str(graph.stored))
    console().print(table)
    union = "the default graph" if union_graph is None else f"the union graph {union_graph}"
    console().print(
        f"{len(pushed) - 1} named graphs and {union}, {sum(g.sent for g in pushed)} triples, to {endpoint}"
    )
    differ = [g for g in pushed if g.stored is not None and g.stored != g.sent]
    if differ:
        fail(
            RemoteError(
                "the store holds other counts than were sent: "
                + "; ".join(f"{g.name or 'default graph'}: {g.stored} of {g.sent}" for g in differ)
            )
        )
