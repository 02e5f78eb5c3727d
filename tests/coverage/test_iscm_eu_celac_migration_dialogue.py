"""Coverage test for ``data/iscm-eu-celac-migration-dialogue.yaml``: the EU-CELAC dialogue on migration."""

from __future__ import annotations

from .conftest import ID

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_launched_on_30_june_2009(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {{
          <{ID}process/eu-celac-migration-dialogue> time:hasTime/time:hasBeginning/time:inXSDDate ?value .
        }}""")
    assert rows == [("2009-06-30", XSD + "date")]


def test_associated_with_the_eu_and_celac_without_a_member_list(packaged_select, state_members) -> None:
    rows = packaged_select(f"""
        SELECT ?org WHERE {{ <{ID}process/eu-celac-migration-dialogue> mg:formallyAssociatedWith ?org }}
        ORDER BY ?org""")
    assert [row[0].removeprefix(ID) for row in rows] == ["org/celac", "org/european-union"]
    assert state_members("process/eu-celac-migration-dialogue") == []
