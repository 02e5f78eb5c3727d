"""Records emitted as entities: each node's origin is the record it is written in."""

from __future__ import annotations

from pathlib import Path

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import Location
from mig_graph.namespaces import ID

DATA = """\
source:
  id: page
  url: https://example.org/page
  title: {en: A page, fr: Une page}
meetings:
  - id: m
    label: {en: M, fr: M}
    sessions:
      - label: {en: Opening, fr: Ouverture}
      - label: {en: Closing, fr: Clôture}
    tracks: [Labour mobility]
    counts:
      - {category: participants, value: 60}
programmes:
  - id: p
    label: {en: P, fr: P}
    phases:
      - {label: {en: One, fr: Un}, time: 2019/2020}
    counts:
      - {category: target-governments, value: 8}
"""


def test_nodes_after_sessions_or_phases_come_from_their_own_record(tmp_path: Path):
    path = tmp_path / "data.yaml"
    path.write_text(DATA, encoding="utf-8")
    origins = compile_data([path]).origins
    meeting, programme = Location(path, 6, "m"), Location(path, 15, "p")
    assert origins[ID["meeting/m"]] == meeting
    assert origins[ID["meeting/m/session/1"]] == Location(path, 9, "m")
    assert origins[ID["meeting/m/session/2"]] == Location(path, 10, "m")
    assert origins[ID["meeting/m/track/1"]] == meeting
    assert origins[ID["meeting/m/count/participants-60"]] == meeting
    assert origins[ID["programme/p/phase/1"]] == Location(path, 18, "p")
    assert origins[ID["programme/p/phase/1/interval/2019--2020"]] == Location(path, 18, "p")
    assert origins[ID["programme/p/count/target-governments-8"]] == programme
