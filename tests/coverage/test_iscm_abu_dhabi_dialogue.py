"""Facts from ``data/iscm-abu-dhabi-dialogue.yaml``: the members and the dated sources naming them."""

from __future__ import annotations

XSD = "http://www.w3.org/2001/XMLSchema#"

PROCESS = "process/abu-dhabi-dialogue"
ORIGIN = ["AFG", "BGD", "CHN", "IDN", "IND", "LKA", "NPL", "PAK", "PHL", "THA", "VNM"]
DESTINATION = ["ARE", "BHR", "KWT", "MYS", "OMN", "QAT", "SAU"]


def test_the_eighteen_members(state_members) -> None:
    assert state_members(PROCESS) == sorted(ORIGIN + DESTINATION)


def test_the_seventh_ministerial_consultation_names_sixteen_member_states(
    members_citing, source_dating
) -> None:
    assert source_dating("add-7th-ministerial-2024") == [("date", "2024-02-09", XSD + "date")]
    assert members_citing(PROCESS, "add-7th-ministerial-2024") == sorted(
        set(ORIGIN + DESTINATION) - {"AFG", "CHN"}
    )


def test_a_pakistani_report_of_april_2024_names_seventeen(members_citing, source_dating) -> None:
    assert source_dating("startup-pakistan-add-chair-2024") == [("date", "2024-04-20", XSD + "date")]
    assert members_citing(PROCESS, "startup-pakistan-add-chair-2024") == sorted(
        set(ORIGIN + DESTINATION) - {"ARE"}
    )


def test_confirmation_runs_to_the_latest_dated_source(confirmed_until) -> None:
    assert confirmed_until(PROCESS, "state/AFG") == ["2024-04-20"]
    assert confirmed_until(PROCESS, "state/ARE") == ["2024-02-09"]
    assert confirmed_until(PROCESS, "state/KWT") == ["2024-04-20"]
