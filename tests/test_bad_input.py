"""Bad curated data: a clear message naming file, line and record, exit code 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mig_graph.build import build
from mig_graph.cli import cli
from mig_graph.errors import InputError

BAD_INPUT = Path(__file__).parent / "data" / "bad-input"

CASES = [
    ("malformed-yaml.yaml", 7, None, "malformed YAML: while parsing a flow mapping started on line 7"),
    ("duplicate-key.yaml", 8, "p", "duplicate key 'label' in one record"),
    ("duplicate-id.yaml", 8, "process/p", "duplicate id 'process/p' in this file"),
    ("unknown-reference.yaml", 9, "process/no-such-process", "unknown id 'process/no-such-process'"),
    ("unknown-country.yaml", 9, "process/p", "unknown country name 'Atlantide'"),
    ("unknown-role.yaml", 9, "process/p", "unknown role 'president'; known: chair, closing-speaker"),
    ("date-wrong-form.yaml", 6, "m", "date '26' is not YYYY, YYYY-MM or YYYY-MM-DD (in '26/08/2019'"),
    ("date-does-not-exist.yaml", 6, "m", "date '2019-02-30' does not exist"),
    ("unknown-field.yaml", 6, "p", "unknown field 'founded' for process; known: acronym"),
    ("missing-french-label.yaml", 6, "process/p", "no label in fr"),
]


@pytest.mark.parametrize(("file_name", "line", "record", "message"), CASES)
def test_build_error_names_file_line_and_record(tmp_path, file_name, line, record, message):
    path = BAD_INPUT / file_name
    with pytest.raises(InputError) as caught:
        build([path], tmp_path / "dist")
    error = caught.value
    assert (error.location.path, error.location.line, error.location.record) == (path, line, record)
    assert error.message.startswith(message) or message in error.message
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(("file_name", "line", "record", "message"), CASES)
def test_cli_exits_2_with_the_location_and_writes_nothing(tmp_path, file_name, line, record, message):
    path = BAD_INPUT / file_name
    out = tmp_path / "dist"
    result = CliRunner().invoke(cli, ["build", "--data", str(path), "--out", str(out)])
    assert result.exit_code == 2
    where = f"{path}:{line}" + (f" (record {record!r})" if record else "")
    assert result.stderr.startswith(f"error: {where}: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_failed_build_leaves_an_earlier_output_untouched(tmp_path):
    out = tmp_path / "dist"
    build(None, out)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    with pytest.raises(InputError):
        build([BAD_INPUT / "unknown-country.yaml"], out)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_missing_data_file_is_an_input_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--data", str(tmp_path / "nope.yaml"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope.yaml'}:0: no such data file or folder\n"
