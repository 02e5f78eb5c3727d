"""mig_graph.panel.tables: the four tables of a small hand-made input, cell by cell."""

from __future__ import annotations

import pytest

from mig_graph.network import LinkRow
from mig_graph.panel import PanelInput, build_panels, column_name, year_range

SOURCE = "https://w3id.org/mig-graph/id/source/s"


def membership(state, mechanism, role="member", start="", end="", until="", since=""):
    return LinkRow(
        "membership", state, mechanism, role, start, end, SOURCE, "",
        end_kind="stated" if end else "", confirmed_from=since, confirmed_until=until,
    )  # fmt: skip


@pytest.fixture
def panel_input() -> PanelInput:
    links = [
        membership("state/AAA", "process/one", start="2019", until="2021"),
        membership("state/BBB", "process/one", start="2019", until="2021"),
        membership("state/BBB", "process/two-b", "observer", since="2020", until="2020"),
        membership("state/CCC", "process/two-b", start="2018", end="2019"),
    ]
    grouped: dict = {}
    for row in links:
        grouped.setdefault((row.actor, row.process), []).append(row)
    return PanelInput(
        links={pair: tuple(rows) for pair, rows in sorted(grouped.items())},
        states={
            f"state/{code}": {"iso_alpha3": code, "label_en": f"State {code}"}
            for code in ("AAA", "BBB", "CCC")
        },
        mechanisms={
            "process/one": {"start": "2019-05", "end": "", "label_en": "One"},
            "process/two-b": {"start": "", "end": "", "label_en": "Two"},
        },
        complete_lists={"process/one": ((2021, SOURCE),)},
    )


def test_year_range_spans_the_dates(panel_input):
    assert year_range(panel_input) == (2018, 2021)


def test_state_year(panel_input):
    panels = build_panels(panel_input, {"AAA": (1, "AAA")})
    header, rows = panels.state_year
    assert header == ("ccode", "stateabb", "iso3", "state", "year", "one", "two_b")
    assert rows == [
        (1, "AAA", "AAA", "State AAA", 2018, -1, -9),
        (1, "AAA", "AAA", "State AAA", 2019, 1, -9),
        (1, "AAA", "AAA", "State AAA", 2020, 1, -9),
        (1, "AAA", "AAA", "State AAA", 2021, 1, -9),
        (None, None, "BBB", "State BBB", 2018, -1, -9),
        (None, None, "BBB", "State BBB", 2019, 1, -9),
        (None, None, "BBB", "State BBB", 2020, 1, 3),
        (None, None, "BBB", "State BBB", 2021, 1, -9),
        (None, None, "CCC", "State CCC", 2018, -1, 1),
        (None, None, "CCC", "State CCC", 2019, -9, 1),
        (None, None, "CCC", "State CCC", 2020, -9, 0),
        (None, None, "CCC", "State CCC", 2021, 0, 0),  # process/one's complete list of 2021
    ]


def test_mechanism_year_and_dyads(panel_input):
    panels = build_panels(panel_input, {}, first=2020, last=2020)
    header, rows = panels.mechanism_year
    assert header == ("mechanism", "name", "year", "in_existence", "full_members", "observers", "unknown",
                      "AAA", "BBB", "CCC")  # fmt: skip
    assert rows == [("one", "One", 2020, 1, 2, 0, 0, 1, 1, -9), ("two_b", "Two", 2020, 1, 0, 1, 0, -9, 3, 0)]
    assert panels.dyad_year == (
        ("ccode1", "ccode2", "iso3_1", "iso3_2", "year", "shared_full", "shared_any", "mechanisms"),
        [(None, None, "AAA", "BBB", 2020, 1, 1, "one")],
    )


def test_long_table_lists_the_memberships_behind_each_code(panel_input):
    header, rows = build_panels(panel_input, {}, first=2020, last=2021).memberships
    assert header[:6] == ("iso3", "ccode", "mechanism", "year", "status", "role")
    assert [row[:6] for row in rows] == [
        ("AAA", None, "one", 2020, 1, "member"),
        ("AAA", None, "one", 2021, 1, "member"),
        ("BBB", None, "one", 2020, 1, "member"),
        ("BBB", None, "one", 2021, 1, "member"),
        ("BBB", None, "two_b", 2020, 3, "observer"),
        ("BBB", None, "two_b", 2021, -9, "observer"),
    ]
    assert rows[0][6:] == ("2019", "year", "-", "not stated", "-", "2021", SOURCE)


def test_years_in_the_wrong_order_are_refused(panel_input):
    with pytest.raises(ValueError, match="after the last"):
        build_panels(panel_input, {}, first=2021, last=2020)


def test_column_names_are_valid_stata_and_r_names():
    assert column_name("process/5plus5-dialogue-migration") == "m_5plus5_dialogue_migration"
    assert column_name("process/midiocc") == "midiocc"
