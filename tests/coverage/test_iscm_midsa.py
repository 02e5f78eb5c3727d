"""Coverage test for ``data/iscm-midsa.yaml``: the Migration Dialogue for Southern Africa (MIDSA)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _members_citing(packaged_select, process: str, source: str) -> list[str]:
    rows = packaged_select(f"""
        SELECT DISTINCT ?iso3 WHERE {{
          ?m a org:Membership ; org:organization <{ID}{process}> ; org:member ?state ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ;
             prov:wasDerivedFrom <{ID}source/{source}> .
          ?state mg:iso3166Alpha3 ?iso3 .
        }}""")
    return sorted(row[0] for row in rows)


def _source_not_before(packaged_select, source: str) -> list[tuple[str | None, ...]]:
    return packaged_select(f"""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {{ <{ID}source/{source}> mg:notBefore ?value }}""")


def test_midsa_member_states(state_members) -> None:
    assert state_members("process/midsa") == [
        "AGO", "BWA", "COD", "COM", "LSO", "MDG", "MOZ", "MUS",
        "MWI", "NAM", "SWZ", "SYC", "TZA", "ZAF", "ZMB", "ZWE",
    ]  # fmt: skip


def test_midsa_2015_ministerial_names_fifteen_members(packaged_select) -> None:
    assert _members_citing(packaged_select, "process/midsa", "iom-midsa-ministerial-2015") == [
        "AGO", "BWA", "COD", "LSO", "MDG", "MOZ", "MUS",
        "MWI", "NAM", "SWZ", "SYC", "TZA", "ZAF", "ZMB", "ZWE",
    ]  # fmt: skip
    assert _source_not_before(packaged_select, "iom-midsa-ministerial-2015") == [("2015-07-09", XSD + "date")]


def test_midsa_members_confirmed_until_the_2025_chair(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT DISTINCT ?until WHERE {{
          ?m a org:Membership ; org:organization <{ID}process/midsa> ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ; mg:confirmedUntil ?until .
        }}""")
    assert rows == [("2025",)]
