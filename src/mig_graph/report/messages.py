"""The report's strings: one TOML file per language in ``messages/``, read with :mod:`tomllib`.

>>> TEXT["fr"]["yes"], TEXT["en"]["more"].format(n=3)
('oui', '… (+3)')
"""

from __future__ import annotations

from mig_graph import rendering

__all__ = ["LANGUAGES", "TEXT", "read_messages"]

LANGUAGES = ("en", "fr")
"""The report's languages, each with its ``messages/<language>.toml``."""


def read_messages(lang: str) -> dict[str, str]:
    """The report's strings in language ``lang`` (:func:`mig_graph.rendering.read_messages`)."""
    return rendering.read_messages("report", lang)


TEXT: dict[str, dict[str, str]] = {lang: read_messages(lang) for lang in LANGUAGES}
"""Every string of the report and its plots, by language then key."""
