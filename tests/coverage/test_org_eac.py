"""Coverage test for ``data/org-eac.yaml``: the East African Community (EAC)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_eac_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/org/eac> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2000-07-07", XSD + "date")]


def test_eac_member_states(state_members) -> None:
    assert state_members("org/eac") == ["BDI", "COD", "KEN", "RWA", "SOM", "SSD", "TZA", "UGA"]
