"""The layout: stage packages in the order data flows, and no lower layer importing a higher one.

The import-linter contract in ``pyproject.toml`` runs on the source tree as it is, and on a copy
of it into which the old cycle (validation importing the build to compile the packaged data, in a
function, where a reader would not see it) is put back: the contract must catch it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
STAGES = [
    "rdf",
    "records",
    "compile",
    "validate",
    "query",
    "network",
    "report",
    "export",
    "publish",
    "serve",
    "cli",
]


def lint(source_root: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(source_root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(REPOSITORY / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def test_the_stage_packages_exist():
    package = REPOSITORY / "src" / "mig_graph"
    assert all((package / stage / "__init__.py").is_file() for stage in STAGES)


def test_the_layers_contract_is_kept():
    result = lint(REPOSITORY / "src")
    assert result.returncode == 0, result.stdout
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_the_contract_catches_the_old_cycle(tmp_path):
    shutil.copytree(REPOSITORY / "src" / "mig_graph", tmp_path / "mig_graph")
    shacl = tmp_path / "mig_graph" / "validate" / "shacl.py"
    shacl.write_text(
        shacl.read_text(encoding="utf-8") + "\n\ndef _packaged():\n    from mig_graph.build import build\n",
        encoding="utf-8",
    )
    result = lint(tmp_path)
    assert result.returncode == 1
    assert "Contracts: 0 kept, 1 broken." in result.stdout
    assert "mig_graph.validate.shacl -> mig_graph.build" in result.stdout
