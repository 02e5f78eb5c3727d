"""CITATION.cff and .zenodo.json: the dataset cited (and the software beside it), the repository's
copies equal to what a release writes, the facts those of the catalog."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from mig_graph.publish.catalog import KEYWORDS, TITLES, dataset_version
from mig_graph.release.citation import citation_cff, zenodo_json

REPOSITORY = Path(__file__).resolve().parents[2]


def test_the_repository_files_are_those_of_the_current_release():
    release = dataset_version()
    assert (REPOSITORY / "CITATION.cff").read_text(encoding="utf-8") == citation_cff(release), (
        "CITATION.cff is out of date: copy it from a bundle written by `mig-graph release`"
    )
    assert (REPOSITORY / ".zenodo.json").read_text(encoding="utf-8") == zenodo_json(release), (
        ".zenodo.json is out of date: copy it from a bundle written by `mig-graph release`"
    )


def test_citation_cff_cites_the_dataset_and_the_software():
    release = dataset_version()
    citation = yaml.safe_load(citation_cff(release))
    # the keys CFF 1.2.0 requires, and the types of those it has
    assert {"cff-version", "message", "title", "authors"} <= set(citation)
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert citation["title"] == TITLES["en"]
    assert citation["authors"] == [{"name": "mig-graph developers"}]
    assert citation["version"] == release.version  # the data changelog's newest heading
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", citation["date-released"])
    assert citation["date-released"] == release.modified
    assert citation["license"] == "CC-BY-4.0"
    assert citation["keywords"] == list(KEYWORDS)
    (software,) = citation["references"]
    assert {"type", "title", "authors"} <= set(software)
    assert (software["type"], software["title"], software["license"]) == ("software", "mig-graph", "MIT")
    assert software["version"] == "0.1.0"


def test_zenodo_json_is_a_dataset_deposit():
    release = dataset_version()
    deposit = json.loads(zenodo_json(release))
    assert deposit["upload_type"] == "dataset"
    assert (deposit["title"], deposit["version"], deposit["publication_date"]) == (
        TITLES["en"],
        release.version,
        release.modified,
    )
    assert deposit["creators"] == [{"name": "mig-graph developers"}]
    assert (deposit["license"], deposit["access_right"]) == ("cc-by-4.0", "open")
    assert deposit["keywords"] == list(KEYWORDS)
    assert "mig-graph software, version 0.1.0" in deposit["notes"]
