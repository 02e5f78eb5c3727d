"""The Correlates of War reference table ``data/reference/cow-states.csv``: its rows, keys and matches."""

from __future__ import annotations

import csv

import pycountry
import pytest

from mig_graph import paths

HEADER = ["iso3", "ccode", "stateabb", "statenme", "styear", "endyear", "match"]

# Every judgement the table's README explains, and nothing else.
CURATED = {
    "LCA": ("56", "SLU", "St. Lucia"),
    "VCT": ("57", "SVG", "St. Vincent and the Grenadines"),
    "ATG": ("58", "AAB", "Antigua & Barbuda"),
    "KNA": ("60", "SKN", "St. Kitts and Nevis"),
    "MKD": ("343", "MAC", "Macedonia"),
    "SRB": ("345", "YUG", "Yugoslavia"),
    "RUS": ("365", "RUS", "Russia"),
    "CPV": ("402", "CAP", "Cape Verde"),
    "CIV": ("437", "CDI", "Ivory Coast"),
    "COD": ("490", "DRC", "Democratic Republic of the Congo"),
    "SWZ": ("572", "SWA", "Swaziland"),
    "TUR": ("640", "TUR", "Turkey"),
    "BRN": ("835", "BRU", "Brunei"),
    "TLS": ("860", "ETM", "East Timor"),
}


@pytest.fixture(scope="module")
def table() -> list[dict[str, str]]:
    with paths.cow_states_table().open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


def by_iso(table: list[dict[str, str]]) -> dict[str, tuple[str, ...]]:
    return {row["iso3"]: tuple(row[key] for key in HEADER[1:]) for row in table}


def test_paths_locates_the_table_beside_the_wikidata_table():
    located = paths.cow_states_table()
    assert located == paths.data_dir() / "reference" / "cow-states.csv"
    assert located.parent == paths.country_wikidata_table().parent
    assert located.is_file()


def test_the_table_has_one_row_per_state_of_the_2016_system_with_an_iso_code(table):
    # 195 states end the list in 2016; Kosovo (347 KOS) has no ISO 3166-1 code.
    assert len(table) == 194
    assert {row["endyear"] for row in table} == {"2016"}
    assert "347" not in {row["ccode"] for row in table}


def test_iso_codes_and_cow_codes_are_unique_and_well_formed(table):
    assert len({row["iso3"] for row in table}) == len(table)
    assert len({row["ccode"] for row in table}) == len(table)
    assert len({row["stateabb"] for row in table}) == len(table)
    for row in table:
        assert pycountry.countries.get(alpha_3=row["iso3"]) is not None, row
        assert row["ccode"].isdigit() and 2 <= int(row["ccode"]) <= 990, row
        assert len(row["stateabb"]) == 3 and row["stateabb"].isupper(), row
        assert 1816 <= int(row["styear"]) <= int(row["endyear"]), row
        assert row["match"] in {"name", "curated"}, row


def test_exact_rows(table):
    rows = by_iso(table)
    assert rows["FRA"] == ("220", "FRN", "France", "1944", "2016", "name")
    assert rows["DEU"] == ("255", "GMY", "Germany", "1990", "2016", "name")
    assert rows["USA"] == ("2", "USA", "United States of America", "1816", "2016", "name")
    assert rows["COM"] == ("581", "COM", "Comoros", "1975", "2016", "name")
    assert rows["MUS"] == ("590", "MAS", "Mauritius", "1968", "2016", "name")
    assert rows["MDG"] == ("580", "MAG", "Madagascar", "1960", "2016", "name")
    assert rows["SYC"] == ("591", "SEY", "Seychelles", "1976", "2016", "name")
    assert rows["IND"] == ("750", "IND", "India", "1947", "2016", "name")
    assert rows["CZE"] == ("316", "CZR", "Czech Republic", "1993", "2016", "name")
    assert rows["YEM"] == ("679", "YEM", "Yemen", "1990", "2016", "name")
    assert rows["VNM"] == ("816", "DRV", "Vietnam", "1954", "2016", "name")
    assert rows["SDN"] == ("625", "SUD", "Sudan", "1956", "2016", "name")
    assert rows["SSD"] == ("626", "SSD", "South Sudan", "2011", "2016", "name")


def test_curated_matches_are_exactly_those_the_readme_explains(table):
    curated_rows = [row for row in table if row["match"] == "curated"]
    curated = {row["iso3"]: (row["ccode"], row["stateabb"], row["statenme"]) for row in curated_rows}
    assert curated == CURATED


def test_name_matches_equal_a_pycountry_name_and_curated_ones_do_not(table):
    for row in table:
        country = pycountry.countries.get(alpha_3=row["iso3"])
        names = {getattr(country, key, None) for key in ("name", "official_name", "common_name")}
        assert (row["statenme"] in names) == (row["match"] == "name"), row
