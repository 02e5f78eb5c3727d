"""Facts from ``data/iscm-almaty-process.yaml``: members, observers, chairs, launch date, Support Unit."""

from __future__ import annotations

from .conftest import ID, ROLE


def test_almaty_process_members_and_observers(state_members) -> None:
    assert state_members("process/almaty-process") == ["AFG", "AZE", "KAZ", "KGZ", "TJK", "TKM", "TUR"]
    assert state_members("process/almaty-process", "observer") == ["IRN", "PAK"]


def test_almaty_process_was_launched_on_5_june_2013(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?date ?type WHERE {{
          <{ID}process/almaty-process> a mg:RegionalConsultativeProcess ;
              time:hasTime/time:hasBeginning/time:inXSDDate ?date .
          BIND(datatype(?date) AS ?type)
        }}""")
    assert rows == [("2013-06-05", "http://www.w3.org/2001/XMLSchema#date")]


def test_kyrgyzstan_chaired_from_october_2016_until_the_handover_of_september_2018(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end ?source WHERE {{
          <{ID}membership/process-almaty-process/chair/state-KGZ>
              org:memberDuring [ time:hasBeginning/time:inXSDgYearMonth ?start ;
                                 time:hasEnd/time:inXSDgYearMonth ?end ] ;
              prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    assert rows == [
        ("2016-10", "2018-09", f"{ID}source/iom-almaty-process"),
        ("2016-10", "2018-09", f"{ID}source/sanasezim-almaty-som5-2018"),
    ]


def test_kazakhstan_s_end_is_derived_from_kyrgyzstan_s_start(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?end ?next ?source WHERE {{
          <{ID}membership/process-almaty-process/chair/state-KAZ>
              org:memberDuring [ time:hasBeginning/time:inXSDDate ?start ;
                                 time:hasEnd/time:inXSDgYearMonth ?end ] ;
              mg:endDerivation ?derivation .
          ?derivation a mg:DerivedEnd ; mg:followedBy ?next ; prov:wasDerivedFrom ?source .
        }} ORDER BY ?source""")
    kgz = f"{ID}membership/process-almaty-process/chair/state-KGZ"
    assert rows == [
        ("2013-06-05", "2016-10", kgz, f"{ID}source/iom-almaty-process"),
        ("2013-06-05", "2016-10", kgz, f"{ID}source/unhcr-almaty-events-2015"),
    ]


def test_almaty_process_chairs(state_members) -> None:
    assert state_members("process/almaty-process", "chair") == ["KAZ", "KGZ", "TJK"]


def test_the_support_unit_is_unhcr_and_iom(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?org WHERE {{
          ?m org:organization <{ID}process/almaty-process> ; org:role <{ROLE}secretariat> ;
             org:member ?org .
        }} ORDER BY ?org""")
    assert rows == [(f"{ID}org/iom",), (f"{ID}org/unhcr",)]
