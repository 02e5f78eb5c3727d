"""Refresh the web assets vendored inside the package, from the npm registry.

The query page of ``mig-graph serve`` runs YASGUI (``@zazuko/yasgui``) and draws its map from
Natural Earth's boundaries (``world-atlas``, decoded by ``topojson-client``); the report draws the
same map. These files are committed under ``src/mig_graph/static/vendor/``, with the licence of
every package bundled in them and ``manifest.json`` (each package's version and licence, each
file's SHA-256); the npm tree itself is not.

To refresh: change the versions in ``PACKAGES`` below, then run, from the repository's root,

    python scripts/vendor_web_assets.py

which installs exactly those versions with ``npm install --ignore-scripts`` into a temporary
folder, copies the files, collects the licences and rewrites the manifest. Review the diff,
then run ``tests/serve/test_query_page.py`` (the page, offline, in Chromium) and
``tests/serve/test_vendor.py`` (the files match the manifest).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGES = {"@zazuko/yasgui": "4.6.2", "world-atlas": "2.0.2", "topojson-client": "3.1.0"}
"""The npm packages vendored, at exact versions."""

FILES = {
    "@zazuko/yasgui": {
        "build/yasgui.min.js": "yasgui/yasgui.min.js",
        "build/yasgui.min.css": "yasgui/yasgui.min.css",
    },
    "world-atlas": {"countries-110m.json": "world-atlas/countries-110m.json"},
    "topojson-client": {"dist/topojson-client.min.js": "topojson-client/topojson-client.min.js"},
}
"""For each package, the files copied: path in the package → path under the vendor folder."""

TARGET = Path(__file__).resolve().parents[1] / "src" / "mig_graph" / "static" / "vendor"
_LICENCE_NAMES = ("license", "licence", "copying", "notice", "license-mpl")

_MIT = """MIT License

{holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

_CC0 = """This package declares the licence CC0-1.0 (Creative Commons Zero v1.0 Universal, a public
domain dedication): https://creativecommons.org/publicdomain/zero/1.0/legalcode
"""


def _installed(folder: Path) -> dict:
    """``npm ls --all --json`` of the installed tree (production dependencies only)."""
    listing = subprocess.run(
        ["npm", "ls", "--all", "--json", "--omit=dev"], cwd=folder, check=True, capture_output=True, text=True
    )
    return json.loads(listing.stdout)


def _bundled(tree: dict, name: str) -> dict[str, str]:
    """Every package of ``name``'s production dependency tree (itself included), with its version."""
    found: dict[str, str] = {}

    def walk(package: str, node: dict) -> None:
        if package in found:
            return
        found[package] = node["version"]
        for child, child_node in sorted(node.get("dependencies", {}).items()):
            if "version" in child_node:
                walk(child, child_node)

    walk(name, tree["dependencies"][name])
    return found


def _package_dir(modules: Path, name: str, wanted: str) -> Path:
    """The installed folder of ``name`` at version ``wanted`` (npm may nest a second copy)."""
    for candidate in [modules / name, *sorted(modules.glob(f"**/node_modules/{name}"))]:
        manifest = candidate / "package.json"
        if manifest.is_file() and json.loads(manifest.read_text())["version"] == wanted:
            return candidate
    raise FileNotFoundError(f"{name}@{wanted} is not installed")


def _holder(manifest: dict) -> str:
    author = manifest.get("author")
    names = [author.get("name", "") if isinstance(author, dict) else str(author or "")]
    names += [
        person.get("name", "") for person in manifest.get("contributors", []) if isinstance(person, dict)
    ]
    return "Copyright (c) " + ", ".join(name for name in names if name)


def _licence_text(folder: Path, manifest: dict) -> str:
    """The package's own licence files, or, when it ships none, the text of the licence it declares."""
    texts = [
        path.read_text(encoding="utf-8")
        for path in sorted(folder.iterdir())
        if path.is_file() and path.name.lower().split(".")[0] in _LICENCE_NAMES
    ]
    if texts:
        return "\n\n".join(text.strip() + "\n" for text in texts)
    declared = manifest.get("license")
    note = f"(The package ships no licence file; its package.json declares {declared}.)\n\n"
    if declared == "MIT":
        return note + _MIT.format(holder=_holder(manifest))
    if declared == "CC0-1.0":
        return note + _CC0
    raise ValueError(f"{manifest['name']} ships no licence file and declares {declared!r}: add its text")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="vendor-web-assets-") as scratch:
        folder = Path(scratch)
        (folder / "package.json").write_text(
            json.dumps({"name": "vendor", "private": True, "dependencies": PACKAGES}, indent=2)
        )
        subprocess.run(
            ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev"],
            cwd=folder,
            check=True,
        )
        tree, modules = _installed(folder), folder / "node_modules"
        if TARGET.exists():
            shutil.rmtree(TARGET)
        (TARGET / "licenses").mkdir(parents=True)
        entries = []
        for name, version in PACKAGES.items():
            bundled = _bundled(tree, name)
            assert bundled[name] == version, (name, bundled[name])
            files = {}
            for source, target in FILES[name].items():
                destination = TARGET / target
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(modules / name / source, destination)
                files[target] = _sha256(destination)
            included = []
            for package, package_version in sorted(bundled.items()):
                package_dir = _package_dir(modules, package, package_version)
                manifest = json.loads((package_dir / "package.json").read_text())
                licence_file = f"licenses/{package.replace('/', '__')}@{package_version}.txt"
                (TARGET / licence_file).write_text(_licence_text(package_dir, manifest), encoding="utf-8")
                declared = manifest.get("license") or "see its licence file"
                included.append(
                    {
                        "name": package,
                        "version": package_version,
                        "license": declared,
                        "license_file": licence_file,
                    }
                )
            entries.append({"name": name, "version": version, "files": files, "bundles": included})
        manifest_text = json.dumps({"packages": entries}, indent=2, ensure_ascii=False) + "\n"
        (TARGET / "manifest.json").write_text(manifest_text, encoding="utf-8")
    print(f"vendored {', '.join(f'{n}@{v}' for n, v in PACKAGES.items())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
