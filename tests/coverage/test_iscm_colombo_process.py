"""Facts from ``data/iscm-colombo-process.yaml``: the dated lists of member states and the chairs."""

from __future__ import annotations

from .conftest import ID

XSD = "http://www.w3.org/2001/XMLSchema#"

PROCESS = "process/colombo-process"
TWELVE = ["AFG", "BGD", "CHN", "IDN", "IND", "KHM", "LKA", "NPL", "PAK", "PHL", "THA", "VNM"]


def test_the_twelve_member_states(state_members) -> None:
    assert state_members(PROCESS) == TWELVE


def test_the_process_s_own_site_names_ten_member_states_on_17_october_2014(
    members_citing, source_dating
) -> None:
    assert source_dating("colombo-process-som-2014") == [("date", "2014-10-17", XSD + "date")]
    assert members_citing(PROCESS, "colombo-process-som-2014") == [
        *("AFG", "BGD", "CHN", "IDN", "IND", "NPL", "PAK", "PHL", "THA", "VNM")
    ]


def test_sri_lanka_s_news_unit_names_eleven_on_15_october_2014(members_citing, source_dating) -> None:
    assert source_dating("priu-colombo-2014") == [("date", "2014-10-15", XSD + "date")]
    assert members_citing(PROCESS, "priu-colombo-2014") == [s for s in TWELVE if s != "KHM"]


def test_the_himalayan_times_names_eleven_not_before_march_2017(members_citing, packaged_select) -> None:
    assert members_citing(PROCESS, "himalayan-times-colombo") == [s for s in TWELVE if s != "PHL"]
    rows = packaged_select(f"SELECT ?d WHERE {{ <{ID}source/himalayan-times-colombo> mg:notBefore ?d }}")
    assert rows == [("2017-03",)]


def test_confirmation_runs_to_the_latest_dated_source(confirmed_until) -> None:
    assert confirmed_until(PROCESS, "state/KHM") == ["2017-03"]
    assert confirmed_until(PROCESS, "state/AFG") == ["2017-03"]
    assert confirmed_until(PROCESS, "state/PHL") == ["2014-10-17"]


def test_india_is_the_one_chair_stated_for_2025(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end WHERE {{
          <{ID}membership/process-colombo-process/chair/state-IND>
              org:memberDuring [ time:hasBeginning/time:inXSDgYear ?start ;
                                 time:hasEnd/time:inXSDgYear ?end ] .
        }}""")
    assert rows == [("2024", "2026")]
