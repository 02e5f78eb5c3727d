"""How to cite a release: ``CITATION.cff`` (Citation File Format 1.2.0) and ``.zenodo.json``.

Both are written from the facts of :mod:`mig_graph.publish.catalog` (titles, description,
creator, licence, keywords) and the data changelog's version and date, so they say what the
landing page and VoID/DCAT say.  The dataset is the work cited (``type: dataset``; Zenodo's
``upload_type: dataset``, which Zenodo reads instead of ``CITATION.cff``); the software that
compiles it is cited beside it (a CFF reference of ``type: software``, a Zenodo note), with its
own version and licence.  The repository's own ``CITATION.cff`` and ``.zenodo.json`` are these
files for the current release (a test keeps them so).
"""

from __future__ import annotations

import json
from importlib.metadata import metadata

import yaml

from mig_graph.namespaces import BASE
from mig_graph.publish.catalog import CREATOR, DESCRIPTION, KEYWORDS, TITLES, DatasetVersion

__all__ = ["CITATION_FILES", "citation_cff", "zenodo_json"]

CITATION_FILES = ("CITATION.cff", ".zenodo.json")
DATA_LICENCE = "CC-BY-4.0"
SOFTWARE_LICENCE = "MIT"
_MESSAGE = "If you use this dataset, please cite it as below; cite the software that compiles it too."


def _software() -> tuple[str, str]:
    """The software's version and summary, from the installed package's metadata."""
    about = metadata("mig-graph")
    return about["Version"], about["Summary"]


def citation_cff(release: DatasetVersion) -> str:
    """The ``CITATION.cff`` of a release (the dataset, with the software as a reference).

    >>> from mig_graph.publish.catalog import dataset_version
    >>> print(citation_cff(dataset_version()).splitlines()[2])
    type: dataset
    """
    software_version, summary = _software()
    citation = {
        "cff-version": "1.2.0",
        "message": _MESSAGE,
        "type": "dataset",
        "title": TITLES["en"],
        "abstract": DESCRIPTION,
        "authors": [{"name": CREATOR}],
        "version": release.version,
        "date-released": release.modified,
        "license": DATA_LICENCE,
        "url": BASE,
        "keywords": list(KEYWORDS),
        "references": [
            {
                "type": "software",
                "title": "mig-graph",
                "abstract": summary,
                "authors": [{"name": CREATOR}],
                "version": software_version,
                "license": SOFTWARE_LICENCE,
                "url": BASE,
            }
        ],
    }
    return yaml.safe_dump(citation, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(release: DatasetVersion) -> str:
    """The ``.zenodo.json`` of a release (Zenodo's deposit metadata, ``upload_type: dataset``).

    >>> from mig_graph.publish.catalog import dataset_version
    >>> json.loads(zenodo_json(dataset_version()))["upload_type"]
    'dataset'
    """
    software_version, _ = _software()
    deposit = {
        "upload_type": "dataset",
        "title": TITLES["en"],
        "description": DESCRIPTION,
        "creators": [{"name": CREATOR}],
        "version": release.version,
        "publication_date": release.modified,
        "access_right": "open",
        "license": DATA_LICENCE.lower(),
        "keywords": list(KEYWORDS),
        "language": "eng",
        "notes": (
            f"Compiled by the mig-graph software, version {software_version} "
            f"({SOFTWARE_LICENCE} licence); see {BASE}."
        ),
    }
    return json.dumps(deposit, ensure_ascii=False, indent=2) + "\n"
