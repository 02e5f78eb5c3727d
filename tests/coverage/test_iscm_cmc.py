"""Coverage test for ``data/iscm-cmc.yaml``: the Caribbean Migration Consultations (CMC)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_cmc_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/cmc> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2016", XSD + "gYear")]


def test_cmc_member_states(state_members) -> None:
    assert state_members("process/cmc") == [
        "ATG",
        "BHS",
        "BLZ",
        "BRB",
        "CUB",
        "DMA",
        "DOM",
        "GRD",
        "GUY",
        "HTI",
        "JAM",
        "KNA",
        "LCA",
        "SUR",
        "TTO",
        "VCT",
    ]


def test_cmc_observer_states(state_members) -> None:
    assert state_members("process/cmc", "observer") == ["NLD", "USA"]


def test_cmc_founding_members_start(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value WHERE {
          <https://w3id.org/mig-graph/id/membership/process-cmc/member/state-JAM>
              org:memberDuring/time:hasBeginning/time:inXSDgYearMonth ?value .
        }
    """)
    assert rows == [("2016-01",)]
