"""Coverage test for ``data/org-comesa.yaml``: the Common Market for Eastern and Southern Africa (COMESA)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_comesa_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/org/comesa> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("1994-12-08", XSD + "date")]


def test_comesa_member_states(state_members) -> None:
    assert state_members("org/comesa") == [
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
        "SWZ",
        "SYC",
        "UGA",
        "ZMB",
        "ZWE",
    ]
