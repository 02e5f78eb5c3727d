"""mig_graph.panel.coding: a state's code in a mechanism in a year, rule by rule."""

from __future__ import annotations

import pytest

from mig_graph.network import LinkRow
from mig_graph.panel import mechanism_exists, year_code


def link(role="member", start="", end="", *, until="", since="", end_kind="stated") -> LinkRow:
    return LinkRow(
        "membership", "state/A", "process/p", role, start, end, "https://example.org/s", "",
        end_kind=end_kind if end else "", confirmed_from=since, confirmed_until=until,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("links", "year", "covered", "code"),
    [
        ([link(start="2020-03", until="2024")], 2020, False, 1),  # the start's year counts
        ([link(start="2020-03", until="2024")], 2024, False, 1),
        ([link(start="2020-03", until="2024")], 2025, False, -9),  # after the last confirmation
        ([link(start="2020-03", until="2024")], 2019, False, 0),  # before the stated start
        ([link(start="2020-03", until="2024")], 2025, True, -9),  # a complete list does not end it
        ([link(start="2009", end="2010-12")], 2011, False, 0),  # after a stated end
        ([link(start="2009", end="2010-12", end_kind="derived")], 2010, False, 1),
        ([link(since="2024", until="2024")], 2010, False, -9),  # no start: unknown before the source
        ([link(since="2024", until="2024")], 2024, False, 1),
        ([link("observer", since="2019", until="2019")], 2019, False, 3),
        ([link("observer", since="2019", until="2019"), link("chair", "2019", "2019")], 2019, False, 1),
        ([link("secretariat", "2000")], 2010, False, -9),  # not a membership status
        ([link("secretariat", "2000")], 2010, True, 0),
        ([], 2010, True, 0),  # a complete list that year: not a member
        ([], 2010, False, -9),  # nothing says
        ([link(start="2001", end="2011-12-08", end_kind="mechanism-ended")], 2005, False, -9),
    ],
)
def test_year_code(links, year, covered, code):
    assert year_code(links, year, covered=covered) == code


def test_mechanism_exists_from_its_stated_start_to_its_stated_end():
    assert [mechanism_exists("2001", "2011-12-08", year) for year in (2000, 2001, 2011, 2012)] == [
        False, True, True, False,
    ]  # fmt: skip
    assert mechanism_exists("", "", 1816)
