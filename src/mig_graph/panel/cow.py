"""The Correlates of War country codes of the states, from the cited reference table shipped in
``data/reference/`` (see its ``README.md`` for the source and every matching decision)."""

from __future__ import annotations

import csv
from functools import cache

from mig_graph import paths

__all__ = ["cow_codes"]


@cache
def cow_codes() -> dict[str, tuple[int, str]]:
    """ISO 3166-1 alpha-3 → (COW ``ccode``, COW ``stateabb``), for the states the table covers.

    >>> cow_codes()["FRA"]
    (220, 'FRN')
    """
    with paths.cow_states_table().open(encoding="utf-8", newline="") as stream:
        return {row["iso3"]: (int(row["ccode"]), row["stateabb"]) for row in csv.DictReader(stream)}
