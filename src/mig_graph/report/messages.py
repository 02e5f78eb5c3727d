"""The report's strings: one TOML file per language in ``messages/``, read with :mod:`tomllib`.

>>> TEXT["fr"]["yes"], TEXT["en"]["more"].format(n=3)
('oui', '… (+3)')
"""

from __future__ import annotations

import tomllib
from importlib.resources import files

__all__ = ["LANGUAGES", "TEXT", "read_messages"]

LANGUAGES = ("en", "fr")
"""The report's languages, each with its ``messages/<language>.toml``."""


def read_messages(lang: str) -> dict[str, str]:
    """The strings of language ``lang``: message key → text (placeholders in braces).

    Parameters
    ----------
    lang : str
        A language of :data:`LANGUAGES`.

    Returns
    -------
    dict[str, str]
        Every string of the report and its plots in that language.
    """
    text = (files("mig_graph.report") / "messages" / f"{lang}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


TEXT: dict[str, dict[str, str]] = {lang: read_messages(lang) for lang in LANGUAGES}
"""Every string of the report and its plots, by language then key."""
