"""mig_graph.network.periods: dates read as the periods they denote."""

from __future__ import annotations

from mig_graph.network import is_active
from mig_graph.network.periods import earliest_date, latest_date


def test_is_active_reads_dates_as_periods():
    assert is_active("membership", "2014-02", "", "2014")
    assert not is_active("membership", "2014-02", "", "2014-01")
    assert is_active("membership", "2011", "2013", "2013-12-31")
    assert not is_active("membership", "2011", "2013", "2014")
    assert is_active("signature", "2006-05", "2006-05", "2030")
    assert not is_active("participation", "2024-05-21", "2024-05-22", "2024-05-20")
    assert is_active("membership", "", "", "1900")


def test_earliest_and_latest_compare_periods_not_text():
    assert earliest_date(["2019-08-26", "2019", "2020-08-28"]) == "2019"
    assert latest_date(["2019-08-26", "2020", "2020-08-28"]) == "2020"
    assert earliest_date([]) == latest_date([""]) == ""
