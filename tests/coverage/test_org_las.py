"""Coverage test for ``data/org-las.yaml``: the League of Arab States."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_las_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/org/las> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("1945-03-22", XSD + "date")]


def test_las_member_states(state_members) -> None:
    assert state_members("org/las") == [
        "ARE",
        "BHR",
        "COM",
        "DJI",
        "DZA",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MAR",
        "MRT",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SDN",
        "SOM",
        "SYR",
        "TUN",
        "YEM",
    ]
