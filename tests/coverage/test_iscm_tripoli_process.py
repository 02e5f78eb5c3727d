"""Coverage test for ``data/iscm-tripoli-process.yaml``: the Tripoli Process, with a partial member list."""

from __future__ import annotations

from .conftest import ID


def test_tripoli_process_lists_68_of_its_82_members(state_members, packaged_select) -> None:
    members = state_members("process/tripoli-process")
    assert len(members) == 68
    assert members[:5] == ["AGO", "AUT", "BDI", "BEL", "BEN"]
    assert {"GBR", "LBY", "SSD", "ZAF"} <= set(members)
    assert "ZWE" not in members  # beyond where the stored copies break off
    rows = packaged_select(f"""
        SELECT ?value WHERE {{
          <{ID}process/tripoli-process> mg:hasStatedCount/mg:countValue ?value .
        }}""")
    assert rows == [("82",)]


def test_tripoli_conference_of_november_2006(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end WHERE {{
          <{ID}meeting/tripoli-ministerial-2006> time:hasTime ?t ; schema:location <{ID}place/tripoli> .
          ?t time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end .
        }}""")
    assert rows == [("2006-11-22", "2006-11-23")]
