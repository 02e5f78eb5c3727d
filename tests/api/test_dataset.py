"""The public API on the seed graph: load, query by name or text, rows, DataFrames, the network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

import mig_graph
from mig_graph.errors import InputError


@pytest.fixture(scope="module")
def seeds(seed_nquads):
    return mig_graph.load([seed_nquads])


def test_the_top_level_exports_only_the_api():
    assert mig_graph.__all__ == ["Dataset", "QueryRows", "__version__", "load"]
    assert isinstance(mig_graph.load, type(lambda: None))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = mig_graph.nothing


def test_import_mig_graph_loads_no_stage_and_no_rdf_library():
    code = (
        "import sys, mig_graph\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in {'rdflib', 'pyoxigraph', 'networkx', 'pandas'}"
        " or m.startswith('mig_graph.')]\n"
        "print(heavy)"
    )
    shown = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert shown.stdout == "[]\n"


def test_a_library_query_by_name_with_a_parameter(seeds):
    members = seeds.query("process-members", process="MiDIOCC")
    assert members.columns == ("member", "label", "iso3", "role", "start", "end", "source")
    assert [(row[1], row[2], row[3]) for row in members] == [
        ("Comoros", "COM", "member"),
        ("France", "FRA", "member"),
        ("Madagascar", "MDG", "member"),
        ("Mauritius", "MUS", "member"),
        ("Seychelles", "SYC", "member"),
    ]


def test_the_dataframe_keeps_each_dates_precision(seeds):
    frame = seeds.query("meetings").to_pandas()
    lima = frame[frame["meeting"] == "https://w3id.org/mig-graph/id/meeting/lima-ministerial-2006"]
    hld = frame[frame["meeting"] == "https://w3id.org/mig-graph/id/meeting/un-hld-2006"]
    assert lima[["start", "start_precision", "end", "end_precision"]].values.tolist() == [
        ["2006-05-15", "day", "2006-05-16", "day"]
    ]
    assert hld[["start", "start_precision"]].values.tolist() == [["2006-09", "month"]]
    assert str(frame["start"].dtype) == "string"


def test_a_query_text_select_ask_and_construct(seeds):
    counted = seeds.query(
        "PREFIX mg: <https://w3id.org/mig-graph/ontology#> SELECT (COUNT(?s) AS ?n) WHERE { ?s a mg:State }"
    )
    assert counted.kinds == ("integer",)
    assert counted.to_pandas()["n"].dtype.name == "Int64"
    assert seeds.query("ASK { <https://w3id.org/mig-graph/id/process/midiocc> ?p ?o }") is True
    graph = seeds.query(
        "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c FILTER(?s = <https://w3id.org/mig-graph/id/state/FRA>) }"
    )
    assert isinstance(graph, Graph)
    assert {str(c) for c in graph.objects()} == {"https://w3id.org/mig-graph/ontology#State"}


def test_a_query_texts_header_declares_its_parameters(seeds):
    text = (
        "# param who (entity): a state\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        'SELECT ?label WHERE { ?who rdfs:label ?label FILTER(LANG(?label) = "fr") }'
    )
    assert seeds.query(text, who="FRA").rows == [("France",)]


def test_unknown_query_or_parameter_is_an_input_error(seeds):
    with pytest.raises(InputError, match="unknown query 'no-such-query'; the library has: chairs"):
        seeds.query("no-such-query")
    with pytest.raises(InputError, match="unknown parameter state for process-members"):
        seeds.query("process-members", state="FRA")


def test_the_network_is_the_analysis_graph(seeds):
    graph = seeds.network(roles=["member"])
    assert sorted(graph["process/midiocc"]) == [
        "state/COM",
        "state/FRA",
        "state/MDG",
        "state/MUS",
        "state/SYC",
    ]
    assert graph.nodes["state/FRA"]["side"] == "actor"
    assert graph.graph["roles"] == "member"
    assert seeds.network(as_of="2006").graph["as_of"] == "2006"
    assert {kind for _, kind in graph.nodes(data="kind")} == {"state", "inter-regional-forum"}
    wider = seeds.network(include=["meetings"])
    assert "meeting/lima-ministerial-2006" in wider
    assert "meeting/lima-ministerial-2006" not in seeds.network()
    with pytest.raises(ValueError, match="unknown --include 'meeting'"):
        seeds.network(include="meeting")
    with pytest.raises(ValueError, match=r"unknown --role 'memebr' \(did you mean 'member'\?\)"):
        seeds.network(roles=["memebr"])


def test_load_a_store_and_refuse_a_folder_that_is_not_one(tmp_path, seed_nquads):
    from mig_graph.store import load_store

    load_store(tmp_path / "store", [Path(seed_nquads)])
    stored = mig_graph.load(store=tmp_path / "store")
    assert len(stored.query("process-members", process="MiDIOCC")) == 5
    (tmp_path / "other").mkdir()
    with pytest.raises(InputError, match="not a store made by `mig-graph load`"):
        mig_graph.load(store=tmp_path / "other")
