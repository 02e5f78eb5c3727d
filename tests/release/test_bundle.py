"""`mig-graph release`: the bundle's files, its sums checked by sha256sum, its datapackage by
`frictionless validate`, its tables as Parquet and Stata equal to the CSV.

Until the panel module is part of the package, the panel tables come from a small stand-in
writer here: a long membership table of the seed graph (one row per state membership of a
process), with its codebook and datapackage.json, as the panel writer will write them.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pandas
import pytest
from rdflib import Dataset

from mig_graph.publish.catalog import dataset_version
from mig_graph.release import verify_sums, write_release

FRICTIONLESS = Path(sys.executable).with_name("frictionless")
_MEMBERSHIPS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX mg: <https://w3id.org/mig-graph/ontology#>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?iso3 ?process ?role ?start WHERE {
  ?m a org:Membership ; org:member ?state ; org:organization ?p ; org:role ?r .
  ?state mg:iso3166Alpha3 ?iso3 .
  BIND(STRAFTER(STR(?p), "/id/") AS ?process) BIND(STRAFTER(STR(?r), "/vocab/role/") AS ?role)
  OPTIONAL { ?m org:memberDuring/time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)
             ?start }
} ORDER BY ?process ?iso3 ?role ?start
"""
FIELDS = [
    {"name": "iso3", "type": "string", "title": "ISO 3166-1 alpha-3 code of the member state"},
    {"name": "process", "type": "string", "title": "the process (its id)"},
    {"name": "role", "type": "string", "title": "role in the process"},
    {"name": "start", "type": "string", "title": "start of the membership, of its precision"},
    {"name": "start_year", "type": "integer", "title": "year of the start"},
    {"name": "dated", "type": "boolean", "title": "whether a start is stated"},
]


def stand_in_panels(dataset: Dataset, folder: Path) -> list[Path]:
    """A membership table as the panel writer writes its tables: CSV, codebook, datapackage."""
    rows = [[("" if value is None else str(value)) for value in row] for row in dataset.query(_MEMBERSHIPS)]
    table = folder / "memberships.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([field["name"] for field in FIELDS])
        writer.writerows([*row, row[3][:4], "true" if row[3] else "false"] for row in rows)
    codebook = folder / "codebook.md"
    codebook.write_text("# Codebook\n", encoding="utf-8")
    package = {
        "name": "mig-graph-panels",
        "resources": [
            {
                "name": "memberships",
                "title": "Memberships of states in processes",
                "path": "memberships.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": FIELDS, "missingValues": [""]},
            }
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    return [table, codebook, folder / "datapackage.json"]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory, store) -> Path:
    out = tmp_path_factory.mktemp("release")
    report = write_release(store, out, table_formats=("parquet", "dta"), panels=stand_in_panels)
    assert report.folder == out / f"mig-graph-{dataset_version().version}"
    return report.folder


def test_the_bundle_has_dumps_descriptions_tables_citation_note_and_sums(bundle):
    version = dataset_version().version
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert files == [
        ".zenodo.json",
        "CITATION.cff",
        "RELEASE-NOTES.md",
        "SHA256SUMS",
        "dataset.jsonld",
        "dumps/SHA256SUMS",
        "dumps/context.jsonld",
        "dumps/index.html",
        f"dumps/mig-graph-{version}.jsonld",
        f"dumps/mig-graph-{version}.nq.gz",
        f"dumps/mig-graph-{version}.nt.gz",
        f"dumps/mig-graph-{version}.ttl",
        "panels/codebook.md",
        "panels/datapackage.json",
        "panels/memberships.csv",
        "panels/memberships.dta",
        "panels/memberships.parquet",
        "void.ttl",
    ]


def test_sha256sum_verifies_every_file_and_catches_a_changed_one(bundle, tmp_path):
    checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=bundle, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    listed = [line.split("  ", 1)[1] for line in (bundle / "SHA256SUMS").read_text().splitlines()]
    assert len(listed) == 17 and "SHA256SUMS" not in listed
    assert verify_sums(bundle) == []
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-a", str(bundle), str(copy)], check=True)
    (copy / "void.ttl").write_text("changed\n", encoding="utf-8")
    assert verify_sums(copy) == ["void.ttl"]
    failed = subprocess.run(
        ["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=copy, capture_output=True, text=True
    )
    assert failed.returncode == 1
    assert failed.stdout == "void.ttl: FAILED\n"


def test_frictionless_validates_the_datapackage(bundle):
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "datapackage.json"],
        cwd=bundle / "panels",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALID" in result.stdout and "INVALID" not in result.stdout


def test_parquet_and_stata_hold_the_values_of_the_csv(bundle, select):
    csv_rows = list(csv.reader((bundle / "panels" / "memberships.csv").open(encoding="utf-8")))[1:]
    (expected,) = select(
        "SELECT (COUNT(*) AS ?n) WHERE { ?m a org:Membership ; org:member/mg:iso3166Alpha3 ?code }"
    )
    assert len(csv_rows) == int(expected[0])
    parquet = pandas.read_parquet(bundle / "panels" / "memberships.parquet")
    assert [str(dtype) for dtype in parquet.dtypes] == [
        "string",
        "string",
        "string",
        "string",
        "Int64",
        "boolean",
    ]
    assert parquet.astype(object).where(parquet.notna(), "").astype(str).values.tolist() == [
        [value if value else "" for value in row[:4]] + [row[4], "True" if row[5] == "true" else "False"]
        for row in csv_rows
    ]
    stata = pandas.read_stata(bundle / "panels" / "memberships.dta")
    assert list(stata.columns) == [field["name"] for field in FIELDS]
    assert stata["iso3"].tolist() == [row[0] for row in csv_rows]
    assert stata["start"].tolist() == [row[3] for row in csv_rows]
    assert [None if pandas.isna(v) else int(v) for v in stata["start_year"]] == [
        int(row[4]) if row[4] else None for row in csv_rows
    ]
    with pandas.io.stata.StataReader(bundle / "panels" / "memberships.dta") as reader:
        assert reader.variable_labels()["iso3"] == "ISO 3166-1 alpha-3 code of the member state"
        assert reader.data_label == "Memberships of states in processes"


def test_the_release_note_has_the_changelog_section_and_every_file(bundle):
    note = (bundle / "RELEASE-NOTES.md").read_text(encoding="utf-8")
    release = dataset_version()
    assert note.startswith(f"# mig-graph {release.version} — {release.modified}\n")
    changelog = (Path(__file__).resolve().parents[2] / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"## {release.version} — {release.modified}\n", 1)[1].split("\n## ", 1)[0]
    assert section.strip() in note
    assert "| `panels/memberships.dta` | " in note
    assert "Memberships of states in processes (Stata 14+ .dta) |" in note
    assert "no panel tables" not in note
    sizes = {
        line.split("`")[1]: int(line.split("|")[2]) for line in note.splitlines() if line.startswith("| `")
    }
    assert sizes == {
        p.relative_to(bundle).as_posix(): p.stat().st_size
        for p in bundle.rglob("*")
        if p.is_file()
        and p.name not in {"RELEASE-NOTES.md"}
        and p.relative_to(bundle).as_posix() != "SHA256SUMS"
    }


def test_the_citation_files_are_the_repositorys(bundle):
    repository = Path(__file__).resolve().parents[2]
    for name in ("CITATION.cff", ".zenodo.json"):
        assert (bundle / name).read_bytes() == (repository / name).read_bytes()


def test_the_release_panels_are_the_panel_writers(store, tmp_path):
    """Every release has the panel module's tables, stamped with the release's version."""
    report = write_release(store, tmp_path / "out")
    panels = report.folder / "panels"
    assert sorted(path.name for path in panels.iterdir()) == [
        "codebook.md", "datapackage.json", "dyad_year.csv", "mechanism_year.csv", "memberships.csv",
        "state_year.csv",
    ]  # fmt: skip
    package = json.loads((panels / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == report.version


def test_the_command_writes_the_bundle_with_its_panels(tmp_path, seed_nquads):
    result = subprocess.run(
        [sys.executable, "-m", "mig_graph", "release", "--out", str(tmp_path), seed_nquads],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    folder = tmp_path / f"mig-graph-{dataset_version().version}"
    assert f"19 files in {folder}/" in " ".join(result.stderr.split())
    assert (folder / "panels" / "state_year.csv").is_file()
    with_dta = subprocess.run(
        [sys.executable, "-m", "mig_graph", "release", "--out", str(tmp_path / "x"), "--table-format", "dta",
         seed_nquads],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert with_dta.returncode == 0, with_dta.stderr
    assert (tmp_path / "x" / folder.name / "panels" / "state_year.dta").is_file()
