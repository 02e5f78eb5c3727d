"""Facts from ``data/iscm-gfmd.yaml``: the chairs in turn and their years."""

from __future__ import annotations

from .conftest import ID

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_gfmd_chairs_and_co_chairs(state_members) -> None:
    assert state_members("process/gfmd", "chair") == ["ARE", "BEL", "BGD", "COL", "ECU", "FRA", "SWE", "TUR"]
    assert state_members("process/gfmd", "co-chair") == ["DEU", "MAR"]


def test_uae_chaired_in_2020_per_gulf_news(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?year ?type ?source WHERE {{
          <{ID}membership/process-gfmd/chair/state-ARE>
              org:memberDuring/time:hasBeginning/time:inXSDgYear ?year ;
              prov:wasDerivedFrom ?source .
          BIND(datatype(?year) AS ?type)
        }}""")
    assert rows == [("2020", "http://www.w3.org/2001/XMLSchema#gYear", f"{ID}source/gulfnews-uae-gfmd-2020")]


def test_france_hands_over_to_colombia_on_1_april_2024(packaged_select, source_dating) -> None:
    assert source_dating("gfmd-baton-colombia-2024") == [("date", "2024-02-22", XSD + "date")]
    rows = packaged_select(f"""
        SELECT ?start ?end ?next WHERE {{
          <{ID}membership/process-gfmd/chair/state-FRA>
              org:memberDuring [ time:hasBeginning/time:inXSDgYear ?start ;
                                 time:hasEnd/time:inXSDDate ?end ] ;
              mg:endDerivation/mg:followedBy ?next .
        }}""")
    assert rows == [("2022", "2024-04-01", f"{ID}membership/process-gfmd/chair/state-COL")]


def test_colombia_chairs_from_1_april_2024_to_2025(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end ?source WHERE {{
          <{ID}membership/process-gfmd/chair/state-COL>
              org:memberDuring [ time:hasBeginning/time:inXSDDate ?start ;
                                 time:hasEnd/time:inXSDgYear ?end ] ;
              prov:wasDerivedFrom ?source .
        }}""")
    assert rows == [("2024-04-01", "2025", f"{ID}source/gfmd-baton-colombia-2024")]
