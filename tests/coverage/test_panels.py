"""The panels of the packaged graph (``mig-graph panel``): exact cells the sources decide."""

from __future__ import annotations

import pytest

from mig_graph.panel import build_panels, cow_codes, read_panel_input


@pytest.fixture(scope="module")
def state_year(packaged_store) -> dict[tuple[str, int], dict[str, object]]:
    header, rows = build_panels(read_panel_input(packaged_store), cow_codes()).state_year
    return {(row[2], row[4]): dict(zip(header, row, strict=True)) for row in rows}


def codes(state_year, iso3: str, column: str, years) -> list[int]:
    return [state_year[iso3, year][column] for year in years]


def test_midiocc_members_from_its_creation(state_year):
    """Created in March 2020 by the five states of the Indian Ocean Commission: -1 before 2020, 1 in
    2020; after the approval of 6 March 2020 no dated source names them (-9), never a silent 1."""
    for iso3 in ("COM", "FRA", "MDG", "MUS", "SYC"):
        assert codes(state_year, iso3, "midiocc", range(2017, 2023)) == [-1, -1, -1, 1, -9, -9], iso3
    assert state_year["FRA", 2020]["ccode"] == 220 and state_year["FRA", 2020]["stateabb"] == "FRN"


def test_a_state_without_a_link_is_0_only_where_a_complete_list_covers_the_year(state_year):
    """The Puebla Process (Regional Conference on Migration): the report of its 28th conference
    (January 2024) names its eleven members, so Germany is 0 in 2024 and -9 the year before."""
    assert codes(state_year, "DEU", "puebla_process", (2023, 2024)) == [-9, 0]
    assert codes(state_year, "MEX", "puebla_process", (1995, 1996, 2024, 2025)) == [-1, 1, 1, -9]


def test_the_panel_spans_the_data_and_names_every_mechanism_with_members(state_year):
    years = sorted({year for _, year in state_year})
    # from the ACP-EU dialogue source whose latest event is the Georgetown Agreement (1975) to the
    # end of India's Colombo Process chairmanship (2024-2026)
    assert (years[0], years[-1]) == (1975, 2026)
    columns = set(next(iter(state_year.values()))) - {"ccode", "stateabb", "iso3", "state", "year"}
    assert len(columns) == 29
    assert {"midiocc", "colombo_process", "m_5plus5_dialogue_migration", "puebla_process"} <= columns
