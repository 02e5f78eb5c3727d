"""Facts from ``data/iscm-rabat-process.yaml``: partner states, observers, a former member, dates."""

from __future__ import annotations

from .conftest import ID

AFRICAN_PARTNERS = [
    *("BEN", "BFA", "CAF", "CIV", "CMR", "COD", "COG", "CPV", "GAB", "GHA", "GIN", "GMB", "GNB"),
    *("GNQ", "LBR", "MAR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "STP", "TCD", "TGO", "TUN"),
]
EUROPEAN_PARTNERS = [
    *("AUT", "BEL", "BGR", "CHE", "CYP", "CZE", "DEU", "DNK", "ESP", "EST", "FIN", "FRA", "GRC", "HRV"),
    *(
        "HUN",
        "IRL",
        "ITA",
        "LTU",
        "LUX",
        "LVA",
        "MLT",
        "NLD",
        "NOR",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "SWE",
    ),
]


def test_rabat_process_members_are_the_partners_egypt_and_icmpd_s_iceland_and_uk(state_members) -> None:
    assert (len(AFRICAN_PARTNERS), len(EUROPEAN_PARTNERS)) == (26, 29)
    assert state_members("process/rabat-process") == sorted(
        [*AFRICAN_PARTNERS, *EUROPEAN_PARTNERS, "EGY", "GBR", "ISL"]
    )
    assert state_members("process/rabat-process", "observer") == ["DZA", "LBY"]


def test_egypt_left_in_november_2014_per_icmpd(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?end ?type ?source WHERE {{
          <{ID}membership/process-rabat-process/member/state-EGY>
              org:memberDuring/time:hasEnd/time:inXSDgYearMonth ?end ; prov:wasDerivedFrom ?source .
          BIND(datatype(?end) AS ?type)
        }}""")
    assert rows == [
        ("2014-11", "http://www.w3.org/2001/XMLSchema#gYearMonth", f"{ID}source/icmpd-rabat-participants")
    ]


def test_rabat_process_is_an_inter_regional_forum_begun_in_july_2006(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start WHERE {{
          <{ID}process/rabat-process> a mg:InterRegionalForum ;
              time:hasTime/time:hasBeginning/time:inXSDgYearMonth ?start .
        }}""")
    assert rows == [("2006-07",)]


def test_icmpd_s_participants_page_confirms_all_partners_but_slovakia_as_of_november_2014(
    members_citing, source_dating
) -> None:
    named = [state for state in [*AFRICAN_PARTNERS, *EUROPEAN_PARTNERS] if state != "SVK"]
    assert members_citing("process/rabat-process", "icmpd-rabat-participants") == sorted(
        [*named, "EGY", "GBR", "ISL"]
    )
    assert len(named) == 54
    assert source_dating("icmpd-rabat-participants") == [
        ("not_before", "2014-11", "http://www.w3.org/2001/XMLSchema#gYearMonth")
    ]
