"""A plain, non-editable install of the wheel works anywhere on disk."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from mig_graph.build import build

REPOSITORY = Path(__file__).resolve().parents[1]


def test_wheel_installed_in_a_fresh_venv_builds_the_same_graph(tmp_path):
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
    located = subprocess.run(
        [str(python), "-c", "import mig_graph.paths as p; print(p.resource_root())"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    ).stdout.strip()
    assert located == str(Path(site_packages) / "mig_graph" / "resources")
    vendored = Path(site_packages) / "mig_graph" / "static" / "vendor"
    for asset in ("yasgui/yasgui.min.js", "world-atlas/countries-110m.json", "manifest.json"):
        assert (vendored / asset).is_file(), asset
    assert (Path(site_packages) / "mig_graph" / "static" / "query" / "views.js").is_file()
    result = subprocess.run(
        [str(environment_dir / "bin" / "mig-graph"), "build"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    from_checkout = build(None, tmp_path / "checkout-dist").outputs[0].parent
    installed = {p.name: p.read_bytes() for p in (elsewhere / "dist").iterdir()}
    assert installed == {p.name: p.read_bytes() for p in from_checkout.iterdir()}
