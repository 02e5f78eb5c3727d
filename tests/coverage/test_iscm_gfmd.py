"""Facts from ``data/iscm-gfmd.yaml``: the chairs in turn and their years."""

from __future__ import annotations

from .conftest import ID


def test_gfmd_chairs_and_co_chairs(state_members) -> None:
    assert state_members("process/gfmd", "chair") == ["ARE", "BEL", "BGD", "ECU", "SWE", "TUR"]
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
