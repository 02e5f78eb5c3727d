"""A plain, non-editable install of the wheel works anywhere on disk."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from mig_graph.build import build

REPOSITORY = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Installed:
    wheel: Path
    environment_dir: Path
    site_packages: Path
    elsewhere: Path
    environment: dict[str, str]

    @property
    def python(self) -> Path:
        return self.environment_dir / "bin" / "python"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    """The wheel installed in a fresh venv, run from a folder outside the checkout."""
    tmp_path = tmp_path_factory.mktemp("install")
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheel_dir),
            str(REPOSITORY),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("mig_graph-*.whl")
    environment_dir = tmp_path / "venv"
    venv.create(environment_dir, with_pip=True)
    python = environment_dir / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Dependencies come from this environment (no network), the package itself only from the wheel.
    (Path(site_packages) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return Installed(wheel, environment_dir, Path(site_packages), elsewhere, environment)


def test_wheel_installed_in_a_fresh_venv_builds_the_same_graph(installed, tmp_path):
    located = subprocess.run(
        [str(installed.python), "-c", "import mig_graph.paths as p; print(p.resource_root())"],
        cwd=installed.elsewhere,
        check=True,
        capture_output=True,
        text=True,
        env=installed.environment,
    ).stdout.strip()
    assert located == str(installed.site_packages / "mig_graph" / "resources")
    vendored = installed.site_packages / "mig_graph" / "static" / "vendor"
    for asset in ("yasgui/yasgui.min.js", "world-atlas/countries-110m.json", "manifest.json"):
        assert (vendored / asset).is_file(), asset
    assert (installed.site_packages / "mig_graph" / "static" / "query" / "views.js").is_file()
    result = subprocess.run(
        [str(installed.environment_dir / "bin" / "mig-graph"), "build"],
        cwd=installed.elsewhere,
        capture_output=True,
        text=True,
        env=installed.environment,
    )
    assert result.returncode == 0, result.stderr
    from_checkout = build(None, tmp_path / "checkout-dist").outputs[0].parent
    installed_files = {p.name: p.read_bytes() for p in (installed.elsewhere / "dist").iterdir()}
    assert installed_files == {p.name: p.read_bytes() for p in from_checkout.iterdir()}


def test_the_pandas_extra_is_declared_with_pandas_and_pyarrow(installed):
    with zipfile.ZipFile(installed.wheel) as wheel:
        (metadata,) = [name for name in wheel.namelist() if name.endswith(".dist-info/METADATA")]
        lines = wheel.read(metadata).decode("utf-8").splitlines()
    assert "Provides-Extra: pandas" in lines
    assert "Requires-Dist: pandas>=2.2; extra == 'pandas'" in lines
    assert "Requires-Dist: pyarrow>=15; extra == 'pandas'" in lines


def test_the_readme_example_prints_the_five_members_of_midiocc(installed):
    example = (
        "import mig_graph; "
        "print(mig_graph.load().query('process-members', process='MiDIOCC').to_pandas()"
        "[['label', 'iso3', 'role']])"
    )
    shown = subprocess.run(
        [str(installed.python), "-c", example],
        cwd=installed.elsewhere,
        check=True,
        capture_output=True,
        text=True,
        env=installed.environment,
    )
    assert shown.stdout == (
        "        label iso3    role\n"
        "0     Comoros  COM  member\n"
        "1      France  FRA  member\n"
        "2  Madagascar  MDG  member\n"
        "3   Mauritius  MUS  member\n"
        "4  Seychelles  SYC  member\n"
    )
    whole = subprocess.run(
        [str(installed.python), "-c", example.replace("[['label', 'iso3', 'role']]", "")],
        cwd=installed.elsewhere,
        check=True,
        capture_output=True,
        text=True,
        env=installed.environment,
    )
    assert whole.stdout.splitlines()[-1] == "[5 rows x 8 columns]"
