"""Stage 9, release: one versioned bundle of the dataset to deposit and cite (``mig-graph release``).

:mod:`~mig_graph.release.bundle` writes it (dumps, VoID/DCAT, panel tables, citation files,
release note, ``SHA256SUMS``); :mod:`~mig_graph.release.citation` the citation files;
:mod:`~mig_graph.release.notes` the release note; :mod:`~mig_graph.release.checksums` the sums.
"""

from mig_graph.release.bundle import ReleaseReport, write_release
from mig_graph.release.checksums import verify_sums, write_sums
from mig_graph.release.citation import citation_cff, zenodo_json

__all__ = ["ReleaseReport", "citation_cff", "verify_sums", "write_release", "write_sums", "zenodo_json"]
