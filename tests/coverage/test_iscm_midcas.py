"""Coverage test for ``data/iscm-midcas.yaml``: the Migration Dialogue for Central African States (MIDCAS)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_midcas_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/midcas> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2012", XSD + "gYear")]


def test_midcas_member_states(state_members) -> None:
    assert state_members("process/midcas") == [
        "AGO",
        "BDI",
        "CAF",
        "CMR",
        "COD",
        "COG",
        "GAB",
        "GNQ",
        "STP",
        "TCD",
    ]


def test_midcas_chair_states(state_members) -> None:
    assert state_members("process/midcas", "chair") == ["COG"]


def test_midcas_fact_source(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?source WHERE {
          GRAPH ?source {
            <https://w3id.org/mig-graph/id/process/midcas>
                <https://w3id.org/mig-graph/ontology#formallyAssociatedWith>
                <https://w3id.org/mig-graph/id/org/eccas>
          }
        }""")
    assert sorted(row[0] for row in rows) == ["https://w3id.org/mig-graph/id/source/iom-midcas"]
