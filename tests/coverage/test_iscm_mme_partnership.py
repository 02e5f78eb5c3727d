"""Coverage test for ``data/iscm-mme-partnership.yaml``: the Africa-EU MME partnership."""

from __future__ import annotations

from .conftest import ID


def test_mme_founded_december_2007_supported_by_icmpd(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?start ?supporter WHERE {{
          <{ID}process/mme-partnership> time:hasTime/time:hasBeginning/time:inXSDgYearMonth ?start .
          ?m org:organization <{ID}process/mme-partnership> ; org:member ?supporter ;
             org:role <https://w3id.org/mig-graph/vocab/role/technical-support> .
        }}""")
    assert rows == [("2007-12", f"{ID}org/icmpd")]
