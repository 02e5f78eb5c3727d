"""Coverage test for ``data/org-eccas.yaml``: the Economic Community of Central African States (ECCAS)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_eccas_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/org/eccas> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("1983-10-18", XSD + "date")]


def test_eccas_member_states(state_members) -> None:
    assert state_members("org/eccas") == [
        "AGO",
        "BDI",
        "CAF",
        "CMR",
        "COD",
        "COG",
        "GAB",
        "GNQ",
        "RWA",
        "STP",
        "TCD",
    ]
