"""Coverage test for ``data/iscm-asem-dg-immigration.yaml``: the ASEM directors-general conference."""

from __future__ import annotations

from .conftest import ID


def test_asem_conference_kind_association_and_source(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          GRAPH ?source {{ <{ID}process/asem-dg-immigration> mg:formallyAssociatedWith <{ID}org/asem> }}
          <{ID}process/asem-dg-immigration> a mg:InterRegionalForum .
        }}""")
    assert rows == [(f"{ID}source/iom-asem-dg-immigration",)]


def test_the_2002_ministerial_was_organised_by_three_states(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?iso3 WHERE {{
          ?p mg:inEvent <{ID}meeting/asem-ministerial-migration-2002> ;
             mg:participant/mg:iso3166Alpha3 ?iso3 .
        }} ORDER BY ?iso3""")
    assert rows == [("CHN",), ("DEU",), ("ESP",)]
