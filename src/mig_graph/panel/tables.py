"""The panel tables in the Correlates of War IGO layout: state-year, mechanism-year, dyad-year, and
the long membership table no COW file has (one row per state, mechanism and year with a known or
unknown status, its role, precision and sources)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from mig_graph.network import LinkRow
from mig_graph.panel.coding import (
    FULL_MEMBER,
    MISSING,
    NOT_IN_EXISTENCE,
    OBSERVER,
    ROLE_CODES,
    mechanism_exists,
    status_in_year,
    year_code,
)
from mig_graph.panel.reading import PanelInput
from mig_graph.records.dates import PartialDate

__all__ = ["Panels", "build_panels", "column_name", "year_range"]

_MEMBER_CODES = frozenset(set(ROLE_CODES.values()))
_PRECISION = {0: "year", 1: "month", 2: "day"}


@dataclass(frozen=True)
class Panels:
    """The four tables, each a header and rows of plain values (``None``: missing cell)."""

    years: tuple[int, int]
    state_year: tuple[tuple[str, ...], list[tuple[Any, ...]]]
    mechanism_year: tuple[tuple[str, ...], list[tuple[Any, ...]]]
    dyad_year: tuple[tuple[str, ...], list[tuple[Any, ...]]]
    memberships: tuple[tuple[str, ...], list[tuple[Any, ...]]]
    mechanism_columns: Mapping[str, str]
    """Mechanism identifier → its column in ``state_year`` (``process/colombo-process`` →
    ``colombo_process``)."""


def column_name(mechanism: str) -> str:
    """A mechanism's column: its id's last segment, ``-`` as ``_`` (a valid Stata or R name).

    >>> column_name("process/colombo-process")
    'colombo_process'
    >>> column_name("process/5plus5-dialogue-migration")
    'm_5plus5_dialogue_migration'
    """
    name = mechanism.rsplit("/", 1)[-1].replace("-", "_")
    return f"m_{name}" if name[0].isdigit() else name


def year_range(panel_input: PanelInput) -> tuple[int, int]:
    """The years the panels cover by default: from the first year a mechanism was established
    (or a membership began) to the last year a date of the data names (a membership's start or
    end, a confirmation, a complete list).

    Parameters
    ----------
    panel_input
        The memberships and mechanisms.

    Returns
    -------
    tuple of int
        ``(first, last)``.
    """
    years = [
        PartialDate(date).earliest.year
        for attributes in panel_input.mechanisms.values()
        for date in (attributes.get("start", ""), attributes.get("end", ""))
        if date
    ]
    years += [
        PartialDate(date).earliest.year
        for links in panel_input.links.values()
        for link in links
        for date in (link.start, link.end, link.confirmed_from, link.confirmed_until)
        if date
    ]
    years += [year for lists in panel_input.complete_lists.values() for year, _ in lists]
    if not years:
        raise ValueError("no dated membership or mechanism: no panel years")
    return min(years), max(years)


def _precision(date: str) -> str:
    return _PRECISION[date.count("-")] if date else "not stated"


@dataclass(frozen=True)
class _Coded:
    """Every (state, mechanism, year) coded, with what the tables need to name them."""

    panel_input: PanelInput
    cow_codes: Mapping[str, tuple[int, str]]
    years: range
    states: list[str]
    mechanisms: list[str]
    columns: dict[str, str]
    codes: dict[tuple[str, str, int], int]

    def iso3(self, state: str) -> str:
        return str(self.panel_input.states[state].get("iso_alpha3", "")) or state.rsplit("/", 1)[-1]

    def cow(self, state: str) -> tuple[Any, Any]:
        found = self.cow_codes.get(self.iso3(state))
        return (found[0], found[1]) if found else (None, None)


def _coded(panel_input: PanelInput, cow_codes: Mapping[str, tuple[int, str]], years: range) -> _Coded:
    states = sorted(panel_input.states, key=lambda state: panel_input.states[state].get("iso_alpha3", state))
    mechanisms = list(panel_input.mechanisms)
    codes: dict[tuple[str, str, int], int] = {}
    for mechanism in mechanisms:
        attributes = panel_input.mechanisms[mechanism]
        covered = {year for year, _ in panel_input.complete_lists.get(mechanism, ())}
        for year in years:
            exists = mechanism_exists(attributes.get("start", ""), attributes.get("end", ""), year)
            for state in states:
                links = panel_input.links.get((state, mechanism), ())
                code = year_code(links, year, covered=year in covered) if exists else NOT_IN_EXISTENCE
                codes[state, mechanism, year] = code
    columns = {mechanism: column_name(mechanism) for mechanism in mechanisms}
    return _Coded(panel_input, cow_codes, years, states, mechanisms, columns, codes)


def _name(attributes: Mapping[str, Any]) -> str:
    return str(attributes.get("label_en", ""))


def _state_year(coded: _Coded) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    header = ("ccode", "stateabb", "iso3", "state", "year", *coded.columns.values())
    rows = [
        (
            *coded.cow(state),
            coded.iso3(state),
            _name(coded.panel_input.states[state]),
            year,
            *(coded.codes[state, mechanism, year] for mechanism in coded.mechanisms),
        )
        for state in coded.states
        for year in coded.years
    ]
    return header, rows


def _mechanism_year(coded: _Coded) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    counts = ("in_existence", "full_members", "observers", "unknown")
    header = ("mechanism", "name", "year", *counts, *(coded.iso3(state) for state in coded.states))
    rows = []
    for mechanism in coded.mechanisms:
        linked = [state for state in coded.states if coded.panel_input.links.get((state, mechanism))]
        for year in coded.years:
            row_codes = [coded.codes[state, mechanism, year] for state in coded.states]
            unknown = sum(1 for state in linked if coded.codes[state, mechanism, year] == MISSING)
            rows.append(
                (
                    coded.columns[mechanism],
                    _name(coded.panel_input.mechanisms[mechanism]),
                    year,
                    int(NOT_IN_EXISTENCE not in row_codes),
                    row_codes.count(FULL_MEMBER),
                    row_codes.count(OBSERVER),
                    unknown,
                    *row_codes,
                )
            )
    return header, rows


def _dyad_year(coded: _Coded) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    header = ("ccode1", "ccode2", "iso3_1", "iso3_2", "year", "shared_full", "shared_any", "mechanisms")
    rows = []
    for year in coded.years:
        codes = {
            state: {
                m: coded.codes[state, m, year]
                for m in coded.mechanisms
                if coded.codes[state, m, year] in _MEMBER_CODES
            }
            for state in coded.states
        }
        for first, second in combinations(coded.states, 2):
            shared = sorted(codes[first].keys() & codes[second].keys())
            if not shared:
                continue
            full = sum(1 for m in shared if codes[first][m] == codes[second][m] == FULL_MEMBER)
            rows.append(
                (
                    coded.cow(first)[0],
                    coded.cow(second)[0],
                    coded.iso3(first),
                    coded.iso3(second),
                    year,
                    full,
                    len(shared),
                    " ".join(coded.columns[m] for m in shared),
                )
            )
    return header, rows


def _memberships(coded: _Coded) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
    header = (
        "iso3", "ccode", "mechanism", "year", "status", "role", "start", "start_precision",
        "end", "end_precision", "end_kind", "confirmed_until", "sources",
    )  # fmt: skip
    rows = []
    for (state, mechanism), links in coded.panel_input.links.items():
        for year in coded.years:
            code = coded.codes[state, mechanism, year]
            chosen = _links_behind(links, year, code)
            if not chosen:
                continue
            rows.append(
                (
                    coded.iso3(state),
                    coded.cow(state)[0],
                    coded.columns[mechanism],
                    year,
                    code,
                    " ".join(sorted({link.role for link in chosen})),
                    _joined(link.start for link in chosen),
                    _joined(_precision(link.start) for link in chosen),
                    _joined(link.end for link in chosen),
                    _joined(_precision(link.end) for link in chosen),
                    _joined(link.end_kind for link in chosen),
                    _joined(link.confirmed_until for link in chosen),
                    " ".join(sorted({iri for link in chosen for iri in link.sources.split()})),
                )
            )
    rows.sort(key=lambda row: (row[0], row[2], row[3]))
    return header, rows


def build_panels(
    panel_input: PanelInput,
    cow_codes: Mapping[str, tuple[int, str]],
    *,
    first: int | None = None,
    last: int | None = None,
) -> Panels:
    """Code every state, mechanism and year, and lay the codes out as the four tables.

    Parameters
    ----------
    panel_input
        What :func:`~mig_graph.panel.reading.read_panel_input` read.
    cow_codes
        ISO 3166-1 alpha-3 → (COW ``ccode``, COW ``stateabb``); a state without is left blank.
    first, last
        The years (default: :func:`year_range`).

    Returns
    -------
    Panels
        ``state_year``: one row per state and year, one column per mechanism; ``mechanism_year``:
        one row per mechanism and year, one column per state (ISO code); ``dyad_year``: the pairs
        of states that share at least one mechanism (as members or observers) that year;
        ``memberships``: one row per state, mechanism and year whose code a membership gives
        (1, 2, 3, or -9 for a membership of unknown status).

    Raises
    ------
    ValueError
        When ``first`` is after ``last``, or nothing is dated.
    """
    default_first, default_last = year_range(panel_input)
    first = default_first if first is None else first
    last = default_last if last is None else last
    if first > last:
        raise ValueError(f"the first year ({first}) is after the last ({last})")
    coded = _coded(panel_input, cow_codes, range(first, last + 1))
    return Panels(
        years=(first, last),
        state_year=_state_year(coded),
        mechanism_year=_mechanism_year(coded),
        dyad_year=_dyad_year(coded),
        memberships=_memberships(coded),
        mechanism_columns=coded.columns,
    )


def _joined(values: Iterable[str]) -> str:
    """Values of several memberships, space-separated, ``-`` for an empty one."""
    return " ".join(value or "-" for value in values)


def _links_behind(links: Sequence[LinkRow], year: int, code: int) -> list[LinkRow]:
    """The memberships that give a state-mechanism-year its code: the current ones of that
    status, or, for ``-9``, those of unknown status; none for the other codes."""
    if code not in _MEMBER_CODES and code != MISSING:
        return []
    wanted = "unknown" if code == MISSING else "current"
    return [
        link
        for link in links
        if link.role in ROLE_CODES
        and (code == MISSING or ROLE_CODES[link.role] == code)
        and status_in_year(link, year) == wanted
    ]
