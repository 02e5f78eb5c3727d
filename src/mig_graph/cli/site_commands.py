"""The commands that publish the graph: ``publish`` (the static site) and ``serve`` (the endpoint)."""

from __future__ import annotations

from pathlib import Path

import click

from mig_graph.cli.inputs import console, graph_input, guarded, open_graph

__all__ = ["publish", "serve"]


@click.command()
@click.option(
    "--out",
    "out_dir",
    default=Path("site"),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@click.option(
    "--base-url", default="https://w3id.org/mig-graph/", show_default=True, help="Where the site is served."
)
@click.option(
    "--entities",
    type=click.Choice(["static", "none"]),
    default="static",
    show_default=True,
    help="Write each entity's pages and RDF files, or none (`serve` renders them from the store).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes writing the entities and dumps (default: the usable cores, for 2,000 entities or more).",
)
@graph_input
def publish(
    out_dir: Path,
    base_url: str,
    entities: str,
    workers: int | None,
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
) -> None:
    """Write the linked-data site: entity pages and RDF, dumps, VoID/DCAT, ontology docs, .htaccess."""
    from mig_graph.publish.site import publish as run_publish

    dataset = open_graph(rdf_files, store_path)
    base = base_url if base_url.endswith("/") else base_url + "/"
    report = guarded(
        lambda: run_publish(
            dataset, out_dir, site_url=base, progress=True, entities=entities, workers=workers
        )
    )
    console().print(
        f"version {report.version}: {report.files} files in {out_dir}/, {report.written} written, "
        f"{report.files - report.written} unchanged, {report.removed} stale removed",
        soft_wrap=True,
    )


@click.command()
@graph_input
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--timeout", "query_timeout", default=10.0, show_default=True, help="Seconds a query may run.")
@click.option("--max-results", default=10_000, show_default=True, help="Rows or triples a result may have.")
@click.option(
    "--max-memory-mib",
    default=1024,
    show_default=True,
    type=click.IntRange(min=64),
    help="Memory a query may use.",
)
@click.option(
    "--site", type=click.Path(file_okay=False, path_type=Path), help="A folder written by `publish`."
)
def serve(
    rdf_files: tuple[Path, ...],
    store_path: Path | None,
    host: str,
    port: int,
    query_timeout: float,
    max_results: int,
    max_memory_mib: int,
    site: Path | None,
) -> None:
    """Serve the SPARQL 1.1 endpoint (/sparql) and the linked-data site, dereferencing entity IRIs.

    Without --site the site is published afresh into a temporary folder, without the entities'
    files: their pages and RDF are rendered from the graph on request (the same bytes).
    """
    import tempfile

    from mig_graph.publish.catalog import dataset_version
    from mig_graph.publish.entities import EntityDocuments
    from mig_graph.publish.labels import read_labels
    from mig_graph.publish.site import publish as run_publish
    from mig_graph.serve.endpoint import serve as run_serve
    from mig_graph.store import oxigraph_store

    dataset = open_graph(rdf_files, store_path)
    store = oxigraph_store(dataset)
    documents = EntityDocuments(store, read_labels(store), dataset_version().version)
    with tempfile.TemporaryDirectory(prefix="mig-graph-site-") as scratch:
        if site is None:
            site = Path(scratch)
            run_publish(dataset, site, progress=True, entities="none")
        console().print(f"SPARQL endpoint http://{host}:{port}/sparql · site http://{host}:{port}/")
        run_serve(
            dataset,
            host=host,
            port=port,
            query_timeout=query_timeout,
            max_results=max_results,
            max_memory_bytes=max_memory_mib * 1024 * 1024,
            site=site,
            documents=documents,
        )
