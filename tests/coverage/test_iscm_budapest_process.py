"""Facts from ``data/iscm-budapest-process.yaml``: the 49 states, Silk Routes states, observers, dates."""

from __future__ import annotations

from .conftest import ID

BUDAPEST_49 = [
    *("ALB", "ARM", "AUT", "AZE", "BEL", "BGR", "BIH", "BLR", "CHE", "CYP", "CZE", "DEU", "DNK", "ESP"),
    *("EST", "FIN", "FRA", "GBR", "GEO", "GRC", "HRV", "HUN", "IRL", "ITA", "KAZ", "KGZ", "LIE", "LTU"),
    *("LUX", "LVA", "MDA", "MKD", "MLT", "MNE", "NLD", "NOR", "POL", "PRT", "ROU", "RUS", "SRB", "SVK"),
    *("SVN", "SWE", "TJK", "TKM", "TUR", "UKR", "UZB"),
]


def test_budapest_process_members_are_the_49_and_the_silk_routes_states(state_members) -> None:
    assert len(BUDAPEST_49) == 49
    assert state_members("process/budapest-process") == sorted([*BUDAPEST_49, "AFG", "IRQ", "PAK"])


def test_budapest_process_observer_states(state_members) -> None:
    assert state_members("process/budapest-process", "observer") == [
        *("AUS", "BGD", "CAN", "CHN", "IND", "IRN", "USA"),
    ]


def test_india_is_an_observer_on_the_2017_overview_only(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}membership/process-budapest-process/observer/state-IND> prov:wasDerivedFrom ?source .
        }}""")
    assert rows == [(f"{ID}source/iom-iscm-overview-2017",)]


def test_the_founding_year_is_a_recorded_conflict_of_1991_and_february_1993(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?year ?month WHERE {{
          <{ID}conflict/budapest-process-beginning> mg:hasClaim ?claim .
          ?claim mg:claimedValue/time:hasBeginning ?start .
          OPTIONAL {{ ?start time:inXSDgYear ?year }}
          OPTIONAL {{ ?start time:inXSDgYearMonth ?month }}
        }} ORDER BY ?year ?month""")
    assert sorted(rows, key=str) == sorted([("1991", None), (None, "1993-02")], key=str)


def test_the_2019_ministerial_rests_on_the_news_page_and_the_un_release(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}meeting/budapest-process-ministerial-2019> prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert rows == [(f"{ID}source/budapest-process-news",), (f"{ID}source/un-sg-budapest-2019",)]
