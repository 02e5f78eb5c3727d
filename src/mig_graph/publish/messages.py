"""The entity pages' strings: one TOML file per language in ``messages/``, read with :mod:`tomllib`.

>>> TEXT["fr"]["members"], TEXT["en"]["months"][2]
('Membres', 'March')
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any

from mig_graph.rdf.resolution import LANGUAGES

__all__ = ["LANGUAGES", "TEXT", "read_messages"]


def read_messages(lang: str) -> dict[str, Any]:
    """The strings of language ``lang``: key → text (placeholders in braces), ``months`` a list.

    Parameters
    ----------
    lang : str
        A language of :data:`LANGUAGES`.

    Returns
    -------
    dict
        Every string of the entity pages in that language.
    """
    text = (files("mig_graph.publish") / "messages" / f"{lang}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


TEXT: dict[str, dict[str, Any]] = {lang: read_messages(lang) for lang in LANGUAGES}
"""Every string of the entity pages, by language then key."""
