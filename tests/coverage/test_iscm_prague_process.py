"""Facts from ``data/iscm-prague-process.yaml``: members, chairs, founding date and sources."""

from __future__ import annotations

from .conftest import ID

PRAGUE_MEMBERS = sorted(
    [
        "ALB",
        "ARM",
        "AUT",
        "AZE",
        "BEL",
        "BIH",
        "BGR",
        "BLR",
        "HRV",
        "CYP",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "GEO",
        "DEU",
        "GRC",
        "HUN",
        "IRL",
        "ITA",
        "KAZ",
        "KGZ",
        "LVA",
        "LIE",
        "LTU",
        "LUX",
        "MKD",
        "MLT",
        "MNE",
        "NLD",
        "NOR",
        "POL",
        "PRT",
        "MDA",
        "ROU",
        "RUS",
        "SRB",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
        "CHE",
        "TJK",
        "TUR",
        "TKM",
        "UKR",
        "UZB",
    ]
)


def test_prague_process_members_are_the_48_listed_states(state_members) -> None:
    assert state_members("process/prague-process") == PRAGUE_MEMBERS
    assert len(PRAGUE_MEMBERS) == 48


def test_prague_process_chairs(state_members) -> None:
    assert state_members("process/prague-process", "chair") == ["CZE", "LTU", "POL"]


def test_prague_process_is_an_rcp_founded_on_28_april_2009(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?date ?type WHERE {{
          <{ID}process/prague-process> a mg:RegionalConsultativeProcess ;
              time:hasTime/time:hasBeginning/time:inXSDDate ?date .
          BIND(datatype(?date) AS ?type)
        }}""")
    assert rows == [("2009-04-28", "http://www.w3.org/2001/XMLSchema#date")]


def test_belarus_joined_in_december_2010_per_the_process_page(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?month ?source WHERE {{
          <{ID}membership/process-prague-process/member/state-BLR>
              org:memberDuring/time:hasBeginning/time:inXSDgYearMonth ?month ;
              prov:wasDerivedFrom ?source .
        }}""")
    assert rows == [("2010-12", f"{ID}source/prague-process-states-partners")]


def test_icmpd_is_the_secretariat_on_iom_s_word(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}membership/process-prague-process/secretariat/org-icmpd> prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert [row[0].rsplit("/", 1)[1] for row in rows] == [
        "icmpd-migration-dialogues",
        "iom-prague-process",
        "prague-process-core-group-2012",
    ]


def test_core_group_meeting_of_2012_confirms_sixteen_participating_states(
    members_citing, source_dating, packaged_select
) -> None:
    assert members_citing("process/prague-process", "prague-process-core-group-2012") == [
        "ARM", "AZE", "BGR", "CZE", "DEU", "GEO", "HUN", "MDA",
        "MKD", "POL", "ROU", "RUS", "SRB", "SVK", "SWE", "TUR",
    ]  # fmt: skip
    assert source_dating("prague-process-core-group-2012") == [
        ("not_before", "2012-11-20", "http://www.w3.org/2001/XMLSchema#date")
    ]
    rows = packaged_select(f"""
        SELECT DISTINCT ?until WHERE {{
          ?m a org:Membership ; org:organization <{ID}process/prague-process> ; org:member <{ID}state/TUR> ;
             mg:confirmedUntil ?until .
        }}""")
    assert rows == [("2021",)]
