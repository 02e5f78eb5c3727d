"""Conflicts about what is not a record of the data: refused with the subject's line, not a crash."""

from __future__ import annotations

import pytest

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import InputError

CONFLICT = """\
source:
  id: page
  url: https://example.org/page
  title: {en: A page, fr: Une page}
conflicts:
  - id: c
    subject: SUBJECT
    property: label
    label: {en: Two labels, fr: Deux libellés}
    claims:
      - value: {en: A, fr: A}
      - value: {en: B, fr: B}
"""


@pytest.mark.parametrize("subject", ["concept/thematic-area/x", "source/page", "state/France"])
def test_a_conflict_about_a_node_no_record_defines_is_refused(tmp_path, subject):
    path = tmp_path / "data.yaml"
    path.write_text(CONFLICT.replace("SUBJECT", subject), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        compile_data([path])
    key = "state/FRA" if subject == "state/France" else subject
    assert raised.value.message == f"conflict subject {key!r} is not a record of the data files"
    assert str(raised.value.location) == f"{path}:7 (record 'c')"
