"""The command line: exit codes and the summary the build prints."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from mig_graph.cli import cli


def test_build_prints_counts_per_class_from_the_embedded_store(tmp_path, built, seed_options):
    arguments = ["build", *seed_options, "--out", str(tmp_path / "dist")]
    result = CliRunner().invoke(cli, arguments, terminal_width=120)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert f"{len(built.graph)} triples in 6 files under {tmp_path / 'dist'}/" in lines
    assert "0 violations, 9 warnings: the graph conforms." in lines
    rows = {
        cells[0]: int(cells[1])
        for line in lines
        if line.startswith("│") and (cells := [c.strip() for c in line.strip("│").split("│")])[1].isdigit()
    }
    assert rows["mg:State"] == 37
    assert rows["mg:Territory"] == 1
    assert rows["mg:ConsultationMechanism"] == 16
    assert rows["mg:RegionalConsultativeProcess"] == 14
    assert rows["mg:Meeting"] == 10
    assert rows["mg:SeedDocument"] == 5
    assert rows["mg:Conflict"] == 4


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "mig_graph", "--help"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("Usage: mig-graph [OPTIONS] COMMAND [ARGS]...")
    assert "build" in result.stdout


def test_analyse_and_export_commands(tmp_path, seed_nquads, graphs):
    import json

    runner = CliRunner()
    analysed = runner.invoke(cli, ["analyse", seed_nquads, "--lang", "fr", "--out", str(tmp_path / "report")])
    assert analysed.exit_code == 0, analysed.stderr
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == [
        "figures",
        "measures.csv",
        "report.html",
        "report.md",
    ]
    arguments = ["export", seed_nquads, "--include", "all", "--format", "d3", "--graph", "processes"]
    exported = runner.invoke(cli, [*arguments, "--out", str(tmp_path / "p.json")])
    assert exported.exit_code == 0, exported.stderr
    document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert (len(document["nodes"]), len(document["links"])) == (
        graphs.processes.number_of_nodes(),
        graphs.processes.number_of_edges(),
    )
    refused = runner.invoke(cli, ["export", seed_nquads, "--format", "gexf", "--as-of", "20xx"])
    assert refused.exit_code == 2
    assert "date '20xx' is not YYYY, YYYY-MM or YYYY-MM-DD" in refused.stderr


@pytest.mark.parametrize("command", ["analyse", "export"])
def test_an_unknown_include_is_refused_with_the_nearest_names(tmp_path, seed_nquads, command):
    out = tmp_path / "out"
    options = ["--format", "csv"] if command == "export" else []
    result = CliRunner().invoke(
        cli, [command, seed_nquads, "--include", "meeting", *options, "--out", str(out)]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "error: unknown --include 'meeting' (did you mean 'meetings'?); known: all, organisations, meetings,"
        " declarations, programmes, organisations-with-members\n"
    )
    assert not out.exists()


def test_export_says_what_it_includes(tmp_path, seed_nquads):
    import csv

    runner = CliRunner()
    for include, expected in [
        ((), "states; consultation mechanisms (memberships)"),
        (
            ("--include", "meetings,organisations"),
            "states, organisations; consultation mechanisms (memberships), meetings (participations)",
        ),
    ]:
        out = tmp_path / f"csv{len(include)}"
        result = runner.invoke(cli, ["export", seed_nquads, *include, "--format", "csv", "--out", str(out)])
        assert result.exit_code == 0, result.stderr
        with (out / "graph.csv").open(encoding="utf-8", newline="") as stream:
            described = {row["attribute"]: row["value"] for row in csv.DictReader(stream)}
        assert described["scope"] == expected
    with (tmp_path / "csv0" / "edges.csv").open(encoding="utf-8", newline="") as stream:
        edges = [(row["source"], row["target"]) for row in csv.DictReader(stream)]
    # the seed graph's one mechanism with members: MiDIOCC's five states
    assert edges == [(f"state/{code}", "process/midiocc") for code in ("COM", "FRA", "MDG", "MUS", "SYC")]


def test_analyse_compare_adds_the_change_section(tmp_path, seed_nquads):
    out = tmp_path / "report"
    result = CliRunner().invoke(
        cli,
        ["analyse", seed_nquads, "--include", "all", "--compare", "2012", "--lang", "fr", "--out", str(out)],
    )
    assert result.exit_code == 0, result.stderr
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "## Évolution de 2012 à toutes dates" in text
    assert "28 liens gagnés, 0 perdus" in text
    refused = CliRunner().invoke(cli, ["analyse", seed_nquads, "--compare", "2012-13", "--out", str(out)])
    assert refused.exit_code == 2


@pytest.mark.parametrize("command", ["analyse", "export"])
def test_a_misspelt_role_is_refused(tmp_path, seed_nquads, command):
    out = tmp_path / "out"
    options = ["--format", "csv"] if command == "export" else []
    result = CliRunner().invoke(cli, [command, seed_nquads, "--role", "membre", *options, "--out", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: unknown --role 'membre' (did you mean 'member'?); known: chair, closing-speaker, co-chair,"
    )
    assert "member, national-goodwill-ambassador, observer," in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
