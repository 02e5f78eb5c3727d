"""Facts from ``data/iscm-5plus5-dialogue.yaml``: the ten members, chairs, founding year, association."""

from __future__ import annotations

from .conftest import ID


def test_the_ten_members(state_members) -> None:
    assert state_members("process/5plus5-dialogue-migration") == [
        *("DZA", "ESP", "FRA", "ITA", "LBY", "MAR", "MLT", "MRT", "PRT", "TUN"),
    ]


def test_chairs_in_2016_and_2017(state_members) -> None:
    assert state_members("process/5plus5-dialogue-migration", "chair") == ["FRA", "MAR"]


def test_founded_in_2002_as_an_inter_regional_forum_on_iom_s_pages(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?year ?type WHERE {{
          <{ID}process/5plus5-dialogue-migration> a mg:InterRegionalForum ;
              time:hasTime/time:hasBeginning/time:inXSDgYear ?year .
          BIND(datatype(?year) AS ?type)
        }}""")
    assert rows == [("2002", "http://www.w3.org/2001/XMLSchema#gYear")]


def test_formal_associations(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?org WHERE {{ <{ID}process/5plus5-dialogue-migration> mg:formallyAssociatedWith ?org }}
        ORDER BY ?org""")
    assert rows == [(f"{ID}org/union-for-the-mediterranean",), (f"{ID}org/western-mediterranean-forum",)]
