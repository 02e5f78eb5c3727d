"""Coverage test for ``data/iscm-midcom.yaml``: the Migration Dialogue from COMESA Member States (MIDCOM)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_midcom_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/midcom> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2013", XSD + "gYear")]


def test_midcom_member_states(state_members) -> None:
    assert state_members("process/midcom") == [
        "BDI",
        "COD",
        "COM",
        "DJI",
        "EGY",
        "ERI",
        "ETH",
        "KEN",
        "LBY",
        "MDG",
        "MUS",
        "MWI",
        "RWA",
        "SDN",
        "SOM",
        "SWZ",
        "SYC",
        "TUN",
        "UGA",
        "ZMB",
        "ZWE",
    ]


def test_midcom_chair_states(state_members) -> None:
    assert state_members("process/midcom", "chair") == ["ETH", "ZMB"]


def test_midcom_fact_source(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?source WHERE {
          GRAPH ?source {
            <https://w3id.org/mig-graph/id/process/midcom>
                <https://w3id.org/mig-graph/ontology#formallyAssociatedWith>
                <https://w3id.org/mig-graph/id/org/comesa>
          }
        }""")
    assert sorted(row[0] for row in rows) == ["https://w3id.org/mig-graph/id/source/iom-midcom"]
