"""Coverage test for ``data/iscm-fibemyd.yaml``: the Ibero-American Forum on Migration and Development."""

from __future__ import annotations

from .conftest import ID

IOM_NAMED = [
    "AND",
    "ARG",
    "BOL",
    "BRA",
    "CHL",
    "COL",
    "CRI",
    "CUB",
    "DOM",
    "ECU",
    "GTM",
    "HND",
    "MEX",
    "NIC",
    "PAN",
    "PER",
    "SLV",
]
DERIVED = ["ESP", "PRT", "PRY", "URY", "VEN"]


def test_fibemyd_has_its_22_participating_states(state_members) -> None:
    assert state_members("process/fibemyd") == sorted(IOM_NAMED + DERIVED)
    assert state_members("process/fibemyd", "chair") == ["AND", "GTM"]


def test_the_five_cut_off_names_rest_on_the_conference_list(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}membership/process-fibemyd/member/state-PRT> prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert [row[0].rsplit("/", 1)[1] for row in rows] == [
        "brazil-mre-ibero-american-conference",
        "iom-fibemyd",
    ]


def test_fibemyd_is_an_inter_regional_forum_from_2008(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start WHERE {{
          <{ID}process/fibemyd> a mg:InterRegionalForum ;
              time:hasTime/time:hasBeginning/time:inXSDgYear ?start .
        }}""")
    assert rows == [("2008",)]
