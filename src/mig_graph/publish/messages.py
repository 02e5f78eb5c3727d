"""The entity pages' strings: one TOML file per language in ``messages/``, read with :mod:`tomllib`.

>>> TEXT["fr"]["members"], TEXT["en"]["months"][2]
('Membres', 'March')
"""

from __future__ import annotations

from typing import Any

from mig_graph import rendering
from mig_graph.rdf.resolution import LANGUAGES

__all__ = ["LANGUAGES", "TEXT", "read_messages"]


def read_messages(lang: str) -> dict[str, Any]:
    """The entity pages' strings in language ``lang`` (:func:`mig_graph.rendering.read_messages`)."""
    return rendering.read_messages("publish", lang)


TEXT: dict[str, dict[str, Any]] = {lang: read_messages(lang) for lang in LANGUAGES}
"""Every string of the entity pages, by language then key."""
