"""Coverage test for ``data/iscm-asia-eu-dialogue.yaml``: the Asia-EU Dialogue on Labour Migration."""

from __future__ import annotations

from .conftest import ID


def test_iom_is_the_secretariat_and_no_member_is_named(packaged_select, state_members) -> None:
    rows = packaged_select(f"""
        SELECT ?source WHERE {{
          <{ID}membership/process-asia-eu-dialogue-labour-migration/secretariat/org-iom>
              prov:wasDerivedFrom ?source .
        }}""")
    assert rows == [(f"{ID}source/colombo-process-asia-eu-dialogue",)]
    assert state_members("process/asia-eu-dialogue-labour-migration") == []
