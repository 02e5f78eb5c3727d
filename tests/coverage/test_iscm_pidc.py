"""Coverage test for ``data/iscm-pidc.yaml``: the Pacific Immigration Development Community (PIDC)."""

from __future__ import annotations

ID = "https://w3id.org/mig-graph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def test_pidc_start_keeps_its_precision(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?value (DATATYPE(?value) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/pidc> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?value .
        }""")
    assert rows == [("1996", XSD + "gYear")]


def test_pidc_member_states(state_members) -> None:
    assert state_members("process/pidc") == [
        "AUS",
        "COK",
        "FJI",
        "FSM",
        "KIR",
        "MHL",
        "NIU",
        "NRU",
        "NZL",
        "PLW",
        "PNG",
        "SLB",
        "TON",
        "TUV",
        "VUT",
        "WSM",
    ]


def test_pidc_chair_states(state_members) -> None:
    assert state_members("process/pidc", "chair") == ["MHL", "NZL"]


def test_pidc_fact_source(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?source WHERE {
          GRAPH ?source {
            <https://w3id.org/mig-graph/id/membership/process-pidc/chair/state-NZL>
                <http://www.w3.org/ns/org#member>
                <https://w3id.org/mig-graph/id/state/NZL>
          }
        }""")
    assert sorted(row[0] for row in rows) == [
        "https://w3id.org/mig-graph/id/source/pidc-20th-communique-2017"
    ]


def test_pidc_territory_members(packaged_select) -> None:
    rows = packaged_select("""
        SELECT ?code WHERE {
          ?m org:organization <https://w3id.org/mig-graph/id/process/pidc> ; org:member ?t .
          ?t a mg:Territory ; mg:iso3166Alpha3 ?code .
        } ORDER BY ?code
    """)
    assert rows == [("ASM",), ("NCL",), ("PYF",), ("TKL",), ("WLF",)]
