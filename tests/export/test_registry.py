"""mig_graph.export.registry: every sink deterministic; unknown formats and unwritable attributes refused."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from mig_graph.cli import cli
from mig_graph.export import FORMATS, SINKS, SUFFIXES, export_graph


def test_exports_are_deterministic(graphs, tmp_path):
    assert set(SUFFIXES) == set(FORMATS)
    for fmt in FORMATS:
        first = export_graph(graphs.bipartite, fmt, tmp_path / "a" / f"graph{SUFFIXES[fmt]}")
        second = export_graph(graphs.bipartite, fmt, tmp_path / "b" / f"graph{SUFFIXES[fmt]}")
        assert [path.read_bytes() for path in first] == [path.read_bytes() for path in second], fmt


def test_unknown_format_and_unwritable_attributes_are_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export_graph(nx.Graph(), "pajek", tmp_path / "graph.net")
    graph = nx.Graph()
    graph.add_node("a", tags=["x", "y"])
    with pytest.raises(TypeError, match="tags"):
        export_graph(graph, "graphml", tmp_path / "graph.graphml")
    graph.nodes["a"]["tags"] = None
    with pytest.raises(TypeError, match="tags"):
        export_graph(graph, "gexf", tmp_path / "graph.gexf")


def test_the_registry_lists_each_sink_with_its_suffix():
    assert {name: (sink.suffix, sink.folder) for name, sink in SINKS.items()} == {
        "graphml": (".graphml", False),
        "gexf": (".gexf", False),
        "cyjs": (".cyjs", False),
        "d3": (".json", False),
        "csv": ("", True),
        "html": (".html", False),
    }
    assert list(FORMATS) == list(SUFFIXES) == list(SINKS)


def test_the_command_line_offers_the_registry_formats():
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    assert "--format [graphml|gexf|cyjs|d3|csv|html]" in result.output
    result = CliRunner().invoke(cli, ["export", "--format", "pajek"])
    assert result.exit_code == 2
    assert "'pajek' is not one of 'graphml', 'gexf', 'cyjs', 'd3', 'csv', 'html'" in result.output
