"""Facts from ``data/org-iom-membership.yaml``: IOM's member and observer states and their dates."""

from __future__ import annotations

from .conftest import ID, ROLE

COUNT = "https://w3id.org/mig-graph/vocab/count/"

FORERUNNER_MEMBERS_1952 = [
    "AUS",
    "AUT",
    "BEL",
    "BRA",
    "CAN",
    "CHE",
    "CHL",
    "DEU",
    "DNK",
    "FRA",
    "GRC",
    "ISR",
    "ITA",
    "LUX",
    "NLD",
    "PRY",
    "SWE",
    "USA",
    "VEN",
]


def test_iom_lists_131_member_states_and_2_observer_states(state_members) -> None:
    members = state_members("org/iom")
    assert len(members) == 131
    assert set(FORERUNNER_MEMBERS_1952) <= set(members)
    assert {"BRB", "CHN", "JOR", "NOR", "VAT", "VCT"} <= set(members)
    assert state_members("org/iom", "observer") == ["IRN", "KWT", "RUS"]


def test_the_1952_members_rest_on_the_frus_report(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT DISTINCT ?iso3 WHERE {{
          GRAPH <{ID}source/frus-picmme-fourth-session-1952> {{
            ?m org:organization <{ID}org/iom> ; org:member ?state ; org:role <{ROLE}member> .
          }}
          ?state mg:iso3166Alpha3 ?iso3 .
        }} ORDER BY ?iso3""")
    assert [row[0] for row in rows] == sorted([*FORERUNNER_MEMBERS_1952, "NOR"])


def test_barbados_joined_on_30_november_2022(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?date ?type ?source WHERE {{
          <{ID}membership/org-iom/member/state-BRB>
              org:memberDuring/time:hasBeginning/time:inXSDDate ?date ;
              prov:wasDerivedFrom ?source .
          BIND(datatype(?date) AS ?type)
        }}""")
    assert rows == [("2022-11-30", "http://www.w3.org/2001/XMLSchema#date", f"{ID}source/vjs-barbados-iom")]


def test_iran_was_an_observer_from_1995_to_2001_then_a_member(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?role ?start ?end WHERE {{
          ?m org:organization <{ID}org/iom> ; org:member <{ID}state/IRN> ; org:role ?roleIri ;
             org:memberDuring/time:hasBeginning/time:inXSDgYear ?start .
          OPTIONAL {{ ?m org:memberDuring/time:hasEnd/time:inXSDgYear ?end . }}
          BIND(STRAFTER(STR(?roleIri), "/vocab/role/") AS ?role)
        }} ORDER BY ?role""")
    assert rows == [("member", "2001", None), ("observer", "1995", "2001")]


def test_the_stated_count_of_175_is_compared_with_the_list(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT DISTINCT ?value WHERE {{
          <{ID}org/iom> mg:hasStatedCount ?count .
          ?count mg:countedCategory <{COUNT}member-states> ; mg:countValue ?value .
        }}""")
    assert rows == [("175",)]
