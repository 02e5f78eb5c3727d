"""Coverage test for ``data/iscm-pafom.yaml``: the Pan-African Forum on Migration (PAFoM)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_pafom_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/pafom> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2015", XSD + "gYear")]


def test_pafom_member_states(state_members) -> None:
    assert state_members("process/pafom") == []


def test_pafom_meeting_hosts(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?code WHERE {
          ?meeting schema:superEvent <https://w3id.org/mig-graph/id/process/pafom> ; ^mg:inEvent ?p .
          ?p mg:participationRole <https://w3id.org/mig-graph/vocab/role/host> ; mg:participant ?state .
          ?state mg:iso3166Alpha3 ?code .
        } ORDER BY ?code
    """)
    assert rows == [("DJI",), ("EGY",), ("GHA",), ("UGA",), ("ZMB",)]
