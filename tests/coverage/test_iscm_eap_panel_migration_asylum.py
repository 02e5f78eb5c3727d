"""Facts from ``data/iscm-eap-panel-migration-asylum.yaml``: members, the 2011-2017 span, the conflict."""

from __future__ import annotations

from .conftest import ID


def test_the_six_eastern_partners_are_members(state_members) -> None:
    assert state_members("process/eap-panel-migration-asylum") == ["ARM", "AZE", "BLR", "GEO", "MDA", "UKR"]


def test_the_panel_ran_from_9_december_2011_to_november_2017(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end WHERE {{
          <{ID}process/eap-panel-migration-asylum> time:hasTime [
              time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDgYearMonth ?end ] .
        }}""")
    assert rows == [("2011-12-09", "2017-11")]


def test_the_successor_s_founding_is_a_recorded_conflict(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}conflict/eap-panel-mmibm-beginning>
              mg:conflictSubject <{ID}process/eap-panel-migration-mobility-ibm> ;
              mg:hasClaim/prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert rows == [(f"{ID}source/eap-panel-about-us",), (f"{ID}source/iom-eap-panel",)]


def test_the_panel_became_the_panel_on_migration_mobility_and_ibm_in_november_2017(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?to ?month (STRAFTER(STR(?graph), STR(id:)) AS ?source) WHERE {{
          <{ID}process/eap-panel-migration-asylum> org:changedBy ?change .
          ?change org:resultingOrganization ?to ; prov:wasDerivedFrom ?graph .
          GRAPH <{ID}source/eap-panel-about-us> {{
            ?change time:hasTime/time:hasBeginning/time:inXSDgYearMonth ?month
          }}
        }} ORDER BY ?source""")
    to = f"{ID}process/eap-panel-migration-mobility-ibm"
    assert rows == [(to, "2017-11", "source/eap-panel-about-us"), (to, "2017-11", "source/iom-eap-panel")]
