"""mig_graph.export.sink: the staged files by which a streamed export leaves the old file or the new."""

from __future__ import annotations

import pytest

from mig_graph.export.sink import staged_files, staging_file


def test_staged_files_are_renamed_into_place_when_all_are_written(tmp_path):
    first, second = tmp_path / "nodes.csv", tmp_path / "edges.csv"
    first.write_text("old nodes", encoding="utf-8")
    with staged_files([first, second]) as staged:
        assert staged == [tmp_path / ".nodes.csv.mig-graph-tmp", tmp_path / ".edges.csv.mig-graph-tmp"]
        for path, text in zip(staged, ("new nodes", "new edges"), strict=True):
            path.write_text(text, encoding="utf-8")
        assert first.read_text(encoding="utf-8") == "old nodes" and not second.exists()
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == (
        "new nodes",
        "new edges",
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["edges.csv", "nodes.csv"]


def test_an_error_while_staging_leaves_the_old_files_and_no_temporary(tmp_path):
    target = tmp_path / "graph.gexf"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), staged_files([target]) as (staged,):
        staged.write_text("half a docu", encoding="utf-8")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["graph.gexf"]
    assert staging_file(target) == tmp_path / ".graph.gexf.mig-graph-tmp"
