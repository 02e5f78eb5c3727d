"""Coverage test for ``data/org-asean.yaml``: the Association of Southeast Asian Nations."""

from __future__ import annotations

from .conftest import ID

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_asean_member_states(state_members) -> None:
    assert state_members("org/asean") == [
        "BRN",
        "IDN",
        "KHM",
        "LAO",
        "MMR",
        "MYS",
        "PHL",
        "SGP",
        "THA",
        "VNM",
    ]


def test_asean_founding_day(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {{
          <{ID}org/asean> time:hasTime/time:hasBeginning/time:inXSDDate ?value .
        }}""")
    assert rows == [("1967-08-08", XSD + "date")]
