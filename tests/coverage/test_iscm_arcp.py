"""Coverage test for ``data/iscm-arcp.yaml``: the Arab Regional Consultative Process on Migration (ARCP)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_arcp_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/arcp> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("2015", XSD + "gYear")]


def test_arcp_member_states(state_members) -> None:
    assert state_members("process/arcp") == [
        "ARE",
        "BHR",
        "COM",
        "DJI",
        "DZA",
        "EGY",
        "IRQ",
        "JOR",
        "KWT",
        "LBN",
        "LBY",
        "MAR",
        "MRT",
        "OMN",
        "PSE",
        "QAT",
        "SAU",
        "SDN",
        "SOM",
        "SYR",
        "TUN",
        "YEM",
    ]


def test_arcp_fact_source(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?source WHERE {
          GRAPH ?source {
            <https://w3id.org/mig-graph/id/membership/process-arcp/chair/org-las>
                <http://www.w3.org/ns/org#role>
                <https://w3id.org/mig-graph/vocab/role/chair>
          }
        }""")
    assert sorted(row[0] for row in rows) == [
        "https://w3id.org/mig-graph/id/source/iom-arcp",
        "https://w3id.org/mig-graph/id/source/iom-arcp-short",
    ]


def test_arcp_member_count_conflict(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value WHERE {
          <https://w3id.org/mig-graph/id/conflict/arcp-member-count> mg:hasClaim/mg:claimedValue ?count .
          ?count mg:countValue ?value .
        } ORDER BY ?value
    """)
    assert rows == [("21",), ("22",)]
