"""Facts from ``data/iscm-khartoum-process.yaml``: members, chairs, founding date, secretariat."""

from __future__ import annotations

from .conftest import ID

ROME_SIGNATORIES = [
    *("AUT", "BEL", "BGR", "CYP", "CZE", "DEU", "DJI", "DNK", "EGY", "ERI", "ESP", "EST", "ETH", "FIN"),
    *("FRA", "GBR", "GRC", "HRV", "HUN", "IRL", "ITA", "KEN", "LTU", "LUX", "LVA", "MLT", "NLD", "POL"),
    *("PRT", "ROU", "SDN", "SOM", "SSD", "SVK", "SVN", "SWE", "TUN"),
]


def test_khartoum_process_members_are_the_rome_signatories_and_four_later_members(state_members) -> None:
    assert len(ROME_SIGNATORIES) == 37
    assert state_members("process/khartoum-process") == sorted(
        [*ROME_SIGNATORIES, "CHE", "LBY", "NOR", "UGA"]
    )


def test_khartoum_process_chairs(state_members) -> None:
    chairs = state_members("process/khartoum-process", "chair")
    assert chairs == ["DEU", "EGY", "ERI", "ETH", "GBR", "ITA", "NLD"]


def test_eritrea_chaired_from_asmara_2019_to_the_hague_2020(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end WHERE {{
          <{ID}membership/process-khartoum-process/chair/state-ERI>
              org:memberDuring [ time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end ] .
        }}""")
    assert rows == [("2019-03-07", "2020-03-05")]


def test_egypt_s_first_term_ends_when_the_uk_s_begins(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end ?next WHERE {{
          ?m org:organization <{ID}process/khartoum-process> ; org:member <{ID}state/EGY> ;
             org:memberDuring [ time:hasBeginning/time:inXSDgYear ?start ;
                                time:hasEnd/time:inXSDgYear ?end ] ;
             mg:endDerivation/mg:followedBy ?next .
        }}""")
    assert rows == [("2014", "2016", f"{ID}membership/process-khartoum-process/chair/state-GBR")]


def test_signatories_are_members_from_28_november_2014(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?date ?type WHERE {{
          <{ID}membership/process-khartoum-process/member/state-DJI>
              org:memberDuring/time:hasBeginning/time:inXSDDate ?date .
          BIND(datatype(?date) AS ?type)
        }}""")
    assert rows == [("2014-11-28", "http://www.w3.org/2001/XMLSchema#date")]


def test_the_process_is_formally_associated_with_the_two_commissions(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?org WHERE {{ <{ID}process/khartoum-process> mg:formallyAssociatedWith ?org }}
        ORDER BY ?org""")
    assert rows == [(f"{ID}org/au-commission",), (f"{ID}org/european-commission",)]
