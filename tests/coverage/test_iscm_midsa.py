"""Coverage test for ``data/iscm-midsa.yaml``: the Migration Dialogue for Southern Africa (MIDSA)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_midsa_member_states(state_members) -> None:
    assert state_members("process/midsa") == [
        "AGO", "BWA", "COD", "COM", "LSO", "MDG", "MOZ", "MUS",
        "MWI", "NAM", "SWZ", "SYC", "TZA", "ZAF", "ZMB", "ZWE",
    ]  # fmt: skip


def test_midsa_2015_ministerial_names_fifteen_members(members_citing, source_dating) -> None:
    assert members_citing("process/midsa", "iom-midsa-ministerial-2015") == [
        "AGO", "BWA", "COD", "LSO", "MDG", "MOZ", "MUS",
        "MWI", "NAM", "SWZ", "SYC", "TZA", "ZAF", "ZMB", "ZWE",
    ]  # fmt: skip
    assert source_dating("iom-midsa-ministerial-2015") == [("not_before", "2015-07-09", XSD + "date")]


def test_midsa_members_confirmed_until_the_2025_chair(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT DISTINCT ?until WHERE {{
          ?m a org:Membership ; org:organization <{ID}process/midsa> ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ; mg:confirmedUntil ?until .
        }}""")
    assert rows == [("2025",)]
