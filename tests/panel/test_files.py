"""mig_graph.panel.files and `mig-graph panel`: the files on the seed graph, validated by
``frictionless validate`` and read back by pandas."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from mig_graph.cli import cli
from mig_graph.panel import PANEL_FILES, write_panel_files

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


@pytest.fixture(scope="module")
def panels(seed_dataset, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("panels") / "panels"
    write_panel_files(seed_dataset, out, version="9.9.9")
    return out


def test_the_folder_holds_the_tables_the_codebook_and_the_package(panels):
    assert sorted(path.name for path in panels.iterdir()) == sorted(
        [*(f"{name}.csv" for name in PANEL_FILES), "codebook.md", "datapackage.json"]
    )


def test_frictionless_validates_the_package(panels):
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(panels / "datapackage.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert report["valid"] is True, result.stdout[:2000]
    assert result.returncode == 0
    assert len(report["tasks"]) == 4


def test_frictionless_refuses_a_code_outside_the_list(panels, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(panels, broken)
    table = broken / "state_year.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",2020,1", ",2020,7", 1), encoding="utf-8")
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(broken / "datapackage.json")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert json.loads(result.stdout)["valid"] is False


def test_pandas_reads_the_state_year_panel_back(panels):
    """The seed graph's one mechanism with state members: MiDIOCC, created in March 2020 by the
    five states of the Indian Ocean Commission."""
    frame = pd.read_csv(panels / "state_year.csv", dtype={"ccode": "Int64"})
    assert list(frame.columns) == ["ccode", "stateabb", "iso3", "state", "year", "midiocc"]
    cells = {(row.iso3, row.year): (row.ccode, row.stateabb, row.midiocc) for row in frame.itertuples()}
    assert cells == {
        ("COM", 2020): (581, "COM", 1),
        ("FRA", 2020): (220, "FRN", 1),
        ("MDG", 2020): (580, "MAG", 1),
        ("MUS", 2020): (590, "MAS", 1),
        ("SYC", 2020): (591, "SEY", 1),
    }


def test_pandas_reads_the_other_tables_back(panels):
    mechanisms = pd.read_csv(panels / "mechanism_year.csv")
    assert mechanisms.to_dict("records") == [
        {"mechanism": "midiocc", "name": "Migration Dialogue for Indian Ocean Commission Countries",
         "year": 2020, "in_existence": 1, "full_members": 5, "observers": 0, "unknown": 0,
         "COM": 1, "FRA": 1, "MDG": 1, "MUS": 1, "SYC": 1},
    ]  # fmt: skip
    dyads = pd.read_csv(panels / "dyad_year.csv")
    assert len(dyads) == 10  # the ten pairs of five states
    assert set(dyads["shared_full"]) == {1} and set(dyads["mechanisms"]) == {"midiocc"}
    long = pd.read_csv(panels / "memberships.csv", dtype=str)
    france = long[long["iso3"] == "FRA"].iloc[0].to_dict()
    keys = ("mechanism", "year", "status", "role", "start", "start_precision")
    assert {key: france[key] for key in keys} == {
        "mechanism": "midiocc", "year": "2020", "status": "1", "role": "member", "start": "2020-03",
        "start_precision": "month",
    }  # fmt: skip


def test_the_codebook_states_the_rules_and_the_package_its_version(panels):
    codebook = (panels / "codebook.md").read_text(encoding="utf-8")
    assert "data release 9.9.9" in codebook
    assert "| -9 | missing: status unknown that year |" in codebook
    assert "0 only in the years a complete list covers, and -9 otherwise" in codebook
    assert "| `midiocc` | `process/midiocc` |" in codebook
    package = json.loads((panels / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "9.9.9"
    assert [resource["path"] for resource in package["resources"]] == [f"{name}.csv" for name in PANEL_FILES]


def test_panel_command_replaces_the_folder_and_refuses_bad_years(tmp_path, seed_nquads):
    out = tmp_path / "panels"
    out.mkdir()
    (out / "stale.csv").write_text("old\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["panel", seed_nquads, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert not (out / "stale.csv").exists()
    assert (out / "state_year.csv").is_file()
    refused = CliRunner().invoke(
        cli, ["panel", seed_nquads, "--from", "2021", "--to", "2020", "--out", str(out)]
    )
    assert refused.exit_code == 2
    assert refused.stderr == "error: the first year (2021) is after the last (2020)\n"
    assert (out / "state_year.csv").is_file()  # the old panels are left as they were
    wider = CliRunner().invoke(
        cli, ["panel", seed_nquads, "--from", "2019", "--to", "2021", "--out", str(out)]
    )
    assert wider.exit_code == 0
    frame = pd.read_csv(out / "state_year.csv")
    assert frame[frame["iso3"] == "COM"][["year", "midiocc"]].values.tolist() == [
        [2019, -1],
        [2020, 1],
        [2021, -9],
    ]
