"""Facts from ``data/iscm-bali-process.yaml``: members from partial lists, the stated counts, meetings."""

from __future__ import annotations

from .conftest import ID

XSD = "http://www.w3.org/2001/XMLSchema#"

BALI_MEMBERS = [
    "AFG",
    "ARE",
    "AUS",
    "BGD",
    "CHN",
    "IDN",
    "IND",
    "JPN",
    "KOR",
    "LKA",
    "MDV",
    "MMR",
    "MYS",
    "NZL",
    "PAK",
    "PHL",
    "PNG",
    "SGP",
    "THA",
    "USA",
    "VNM",
]


def test_bali_process_lists_21_of_its_45_member_states(state_members) -> None:
    assert state_members("process/bali-process") == BALI_MEMBERS
    assert state_members("process/bali-process", "observer") == ["ARE", "USA"]
    assert state_members("process/bali-process", "co-chair") == ["AUS", "IDN"]


def test_the_stated_counts_stand_beside_the_shorter_list(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?category ?value WHERE {{
          <{ID}process/bali-process> mg:hasStatedCount ?count .
          ?count mg:countedCategory ?categoryIri ; mg:countValue ?value .
          BIND(STRAFTER(STR(?categoryIri), "/vocab/count/") AS ?category)
        }} ORDER BY ?category""")
    assert rows == [("member-states", "45"), ("observer-states", "18")]


def test_us_and_uae_membership_rests_on_the_2013_meeting(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}membership/process-bali-process/member/state-ARE> prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert [row[0].rsplit("/", 1)[1] for row in rows] == ["bali-process-som-2013", "goc-bali-process"]


def test_twelfth_ad_hoc_group_meeting_in_kuala_lumpur(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?date ?type (COUNT(DISTINCT ?state) AS ?states) WHERE {{
          <{ID}meeting/bali-ahg-som-2017> time:hasTime/time:hasBeginning/time:inXSDDate ?date ;
              schema:location <{ID}place/kuala-lumpur> .
          ?p mg:inEvent <{ID}meeting/bali-ahg-som-2017> ; mg:participant ?state .
          ?state a mg:State .
          BIND(datatype(?date) AS ?type)
        }} GROUP BY ?date ?type""")
    assert rows == [("2017-10-31", "http://www.w3.org/2001/XMLSchema#date", "15")]


def test_thailand_s_foreign_ministry_confirms_thailand_and_the_co_chairs_in_february_2023(
    members_citing, source_dating, confirmed_until
) -> None:
    assert source_dating("mfa-thailand-bali-2023") == [("date", "2023-02-21", XSD + "date")]
    assert members_citing("process/bali-process", "mfa-thailand-bali-2023") == ["THA"]
    assert members_citing("process/bali-process", "mfa-thailand-bali-2023", "co-chair") == ["AUS", "IDN"]
    assert confirmed_until("process/bali-process", "state/THA") == ["2023-02-21"]
    assert confirmed_until("process/bali-process", "state/AUS", "co-chair") == ["2023-02-21"]


def test_the_steering_group_of_october_2017_confirms_thailand_and_new_zealand(
    members_citing, source_dating
) -> None:
    assert source_dating("dfat-bali-consultation-2017") == [("date", "2017-10-23", XSD + "date")]
    assert members_citing("process/bali-process", "dfat-bali-consultation-2017") == ["NZL", "THA"]
    assert members_citing("process/bali-process", "dfat-bali-consultation-2017", "co-chair") == ["AUS", "IDN"]
