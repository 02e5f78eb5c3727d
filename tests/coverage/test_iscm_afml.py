"""Coverage test for ``data/iscm-afml.yaml``: the ASEAN Forum on Migrant Labour (AFML)."""

from __future__ import annotations

from .conftest import ID

XSD = "http://www.w3.org/2001/XMLSchema#"
ASEAN = ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"]


def test_afml_members_are_the_ten_asean_states(state_members) -> None:
    assert state_members("process/afml") == ASEAN


def test_afml_membership_cites_both_sources(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}membership/process-afml/member/state-BRN> prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert [row[0].rsplit("/", 1)[1] for row in rows] == ["asean-annual-report-2008-2009", "un-network-afml"]


def test_afml_is_associated_with_asean_since_2008(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?org ?start (DATATYPE(?start) AS ?type) WHERE {{
          <{ID}process/afml> mg:formallyAssociatedWith ?org ;
              time:hasTime/time:hasBeginning/time:inXSDgYear ?start .
        }}""")
    assert rows == [(f"{ID}org/asean", "2008", XSD + "gYear")]


def test_second_forum_in_bangkok(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start (COUNT(DISTINCT ?state) AS ?states) WHERE {{
          <{ID}meeting/afml-2-2009> time:hasTime/time:hasBeginning/time:inXSDDate ?start ;
              schema:location <{ID}place/bangkok> .
          ?p mg:inEvent <{ID}meeting/afml-2-2009> ;
              mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
              mg:participant ?state .
          ?state a mg:State .
        }} GROUP BY ?start""")
    assert rows == [("2009-07-30", "8")]
