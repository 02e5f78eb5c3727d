"""Facts from ``data/iscm-soderkoping-process.yaml``: the process became the EaP Panel on Migration and
Asylum on 8 December 2011 (IOM's page)."""

from __future__ import annotations

from .conftest import ID


def test_the_process_became_the_eap_panel_on_8_december_2011(packaged_select) -> None:
    change = f"{ID}change/process-soderkoping-process--process-eap-panel-migration-asylum"
    rows = packaged_select(f"""
        SELECT ?change ?from ?to ?day ?source WHERE {{
          <{ID}process/eap-panel-migration-asylum> org:resultedFrom ?change .
          ?change a org:ChangeEvent ; org:originalOrganization ?from ; org:resultingOrganization ?to ;
              time:hasTime [ time:hasBeginning/time:inXSDDate ?day ; time:hasEnd/time:inXSDDate ?day ] ;
              prov:wasDerivedFrom ?source .
        }}""")
    assert rows == [
        (
            change,
            f"{ID}process/soderkoping-process",
            f"{ID}process/eap-panel-migration-asylum",
            "2011-12-08",
            f"{ID}source/iom-eap-panel",
        )
    ]
