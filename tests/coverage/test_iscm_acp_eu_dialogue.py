"""Coverage test for ``data/iscm-acp-eu-dialogue.yaml``: the ACP-EU Dialogue on Migration (ACP side only)."""

from __future__ import annotations

from .conftest import ID


def test_the_79_acp_states_are_recorded(state_members) -> None:
    members = state_members("process/acp-eu-dialogue-migration")
    assert len(members) == 79
    assert {"COK", "CUB", "NIU", "TLS", "SWZ"} <= set(members)
    assert "FRA" not in members  # the EU side is not named by a stored source


def test_dialogue_association_and_count(packaged_select) -> None:
    rows = packaged_select(f"""
        SELECT ?org WHERE {{ <{ID}process/acp-eu-dialogue-migration> mg:formallyAssociatedWith ?org }}
        ORDER BY ?org""")
    assert [row[0].removeprefix(ID) for row in rows] == ["org/acp", "org/european-commission"]
    counts = packaged_select(f"""
        SELECT ?value WHERE {{
          <{ID}process/acp-eu-dialogue-migration> mg:hasStatedCount/mg:countValue ?value
        }}""")
    assert counts == [("108",)]
