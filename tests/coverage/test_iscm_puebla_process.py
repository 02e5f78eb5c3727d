"""Coverage test for ``data/iscm-puebla-process.yaml``: the Regional Conference on Migration (RCM)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
ELEVEN = ["BLZ", "CAN", "CRI", "DOM", "GTM", "HND", "MEX", "NIC", "PAN", "SLV", "USA"]


def test_puebla_member_states(state_members) -> None:
    assert state_members("process/puebla-process") == ELEVEN


def test_puebla_xxviii_conference_names_the_eleven_members(
    members_citing, source_dating, packaged_select
) -> None:
    assert members_citing("process/puebla-process", "visionclave-rcm-xxviii") == ELEVEN
    assert source_dating("visionclave-rcm-xxviii") == [("date", "2024-01", XSD + "gYearMonth")]
    rows = packaged_select(f"""
        SELECT ?process WHERE {{ <{ID}source/visionclave-rcm-xxviii> mg:listsAllMembersOf ?process }}""")
    assert rows == [(ID + "process/puebla-process",)]


def test_puebla_members_confirmed_until_january_2024(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT DISTINCT ?until ?by WHERE {{
          ?m a org:Membership ; org:organization <{ID}process/puebla-process> ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ;
             mg:confirmedUntil ?until ; mg:confirmedBy ?by .
        }}""")
    assert rows == [("2024-01", ID + "source/visionclave-rcm-xxviii")]
