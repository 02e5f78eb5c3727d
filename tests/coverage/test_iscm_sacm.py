"""Coverage test for ``data/iscm-sacm.yaml``: the South American Conference on Migration (SACM)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
TWELVE = ["ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PER", "PRY", "SUR", "URY", "VEN"]


def test_sacm_member_states(state_members) -> None:
    assert state_members("process/sacm") == TWELVE
    assert state_members("process/sacm", "observer") == ["MEX"]


def test_cimal_post_names_the_twelve_governments_as_of_october_2011(members_citing, source_dating) -> None:
    assert members_citing("process/sacm", "cimal-csm-intersessional-2011") == TWELVE
    assert source_dating("cimal-csm-intersessional-2011") == [("not_before", "2011-10", XSD + "gYearMonth")]


def test_sacm_members_confirmed_until_2021(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT DISTINCT ?until WHERE {{
          ?m a org:Membership ; org:organization <{ID}process/sacm> ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ; mg:confirmedUntil ?until .
        }}""")
    assert rows == [("2021",)]
