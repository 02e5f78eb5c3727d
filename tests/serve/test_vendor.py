"""The web assets vendored in the package: the files npm gave, each bundled package's licence."""

from __future__ import annotations

import hashlib
import json

from mig_graph.paths import static_dir, world_atlas_file

VENDOR = static_dir() / "vendor"


def test_vendored_files_are_those_the_manifest_records():
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    packages = {package["name"]: package for package in manifest["packages"]}
    assert {name: package["version"] for name, package in packages.items()} == {
        "@zazuko/yasgui": "4.6.2",
        "world-atlas": "2.0.2",
        "topojson-client": "3.1.0",
    }
    files = {path for package in packages.values() for path in package["files"]}
    on_disk = {
        path.relative_to(VENDOR).as_posix()
        for path in VENDOR.rglob("*")
        if path.is_file() and path.parent.name != "licenses" and path.name != "manifest.json"
    }
    assert on_disk == files
    for package in packages.values():
        for path, digest in package["files"].items():
            assert hashlib.sha256((VENDOR / path).read_bytes()).hexdigest() == digest, path
    assert world_atlas_file().relative_to(VENDOR).as_posix() in packages["world-atlas"]["files"]


def test_every_bundled_package_ships_its_licence():
    manifest = json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))
    bundled = {entry["name"]: entry for package in manifest["packages"] for entry in package["bundles"]}
    for name in ("@zazuko/yasgui", "@zazuko/yasqe", "@zazuko/yasr", "codemirror", "datatables.net", "jquery"):
        assert name in bundled, name
    for entry in bundled.values():
        text = (VENDOR / entry["license_file"]).read_text(encoding="utf-8")
        assert len(text) > 100, entry["name"]
    assert "Permission is hereby granted" in (VENDOR / bundled["@zazuko/yasgui"]["license_file"]).read_text()
    assert bundled["@zazuko/yasgui"]["license"] == "MIT"
    assert bundled["world-atlas"]["license"] == "ISC"
    listed = {entry["license_file"] for entry in bundled.values()}
    assert {f"licenses/{path.name}" for path in (VENDOR / "licenses").iterdir()} == listed
