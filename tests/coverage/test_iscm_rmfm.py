"""Coverage test for ``data/iscm-rmfm.yaml``: the Regional Ministerial Forum on Migration (RMFM)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_rmfm_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/rmfm> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2020-01", XSD + "gYearMonth")]


def test_rmfm_member_states(state_members) -> None:
    assert state_members("process/rmfm") == [
        "BDI",
        "DJI",
        "ERI",
        "ETH",
        "KEN",
        "RWA",
        "SDN",
        "SOM",
        "SSD",
        "TZA",
        "UGA",
    ]


def test_rmfm_chair_states(state_members) -> None:
    assert state_members("process/rmfm", "chair") == ["ETH", "UGA"]


def test_rmfm_fact_source(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?source WHERE {
          GRAPH ?source {
            <https://w3id.org/mig-graph/id/process/rmfm>
                <https://w3id.org/mig-graph/ontology#formallyAssociatedWith>
                <https://w3id.org/mig-graph/id/org/eac>
          }
        }""")
    assert sorted(row[0] for row in rows) == ["https://w3id.org/mig-graph/id/source/iom-rmfm"]
