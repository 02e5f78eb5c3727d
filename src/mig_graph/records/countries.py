"""Reconcile country names as written in French (or English) sources to ISO 3166-1.

Names are matched against pycountry's ISO 3166-1 list and its French locale,
ignoring case, accents and a leading French article ("l'Equateur",
"la République dominicaine"), plus a small override table for names the ISO
lists spell differently.  An unknown name raises :class:`LookupError`: the
build turns it into an error, never a silent skip.

>>> country("l'Equateur").alpha_3
'ECU'
>>> country("Maurice").label_fr, country("Maurice").label_en
('Maurice', 'Mauritius')
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

__all__ = ["Country", "country", "normalise_name", "numeric_codes", "wikidata_items"]

# Names that pycountry's English and French lists do not give in the form sources use.
NAME_OVERRIDES: dict[str, str] = {
    "bolivie": "BOL",
    "el salvador": "SLV",
    "vietnam": "VNM",
    "moldova": "MDA",
    "moldavie": "MDA",
    "reunion": "REU",
    "la reunion": "REU",
    "departement de la reunion": "REU",
    "coree du sud": "KOR",
    "russie": "RUS",
    "iran": "IRN",
    "syrie": "SYR",
    "laos": "LAO",
    "tanzanie": "TZA",
    "republique democratique du congo": "COD",
    "turquie": "TUR",
    "eswatini": "SWZ",
}

# French labels where the ISO French short name is not the usual form.
FRENCH_LABEL_OVERRIDES: dict[str, str] = {
    "SLV": "El Salvador",
    "REU": "La Réunion",
    "VEN": "Venezuela",  # the ISO French list writes "Vénézuela"; French usage and the UN write "Venezuela"
}

_ARTICLE = re.compile(r"^(?:l['’]\s*|la\s+|le\s+|les\s+)", re.IGNORECASE)


@dataclass(frozen=True)
class Country:
    """An ISO 3166-1 country with its English and French labels."""

    alpha_2: str
    alpha_3: str
    label_en: str
    label_fr: str


def normalise_name(name: str) -> str:
    """Lower-case, strip accents, a leading French article and extra spaces.

    >>> normalise_name("  l'Équateur ")
    'equateur'
    """
    decomposed = unicodedata.normalize("NFKD", name.strip())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _ARTICLE.sub("", plain.replace("’", "'"))
    return " ".join(plain.casefold().split())


def _uninvert(name: str) -> str:
    """ISO lists invert some names ("Moldova, République de"); put them back in order."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    return f"{tail[:1].upper()}{tail[1:]} {head}"


@cache
def _french() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])


@cache
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    french = _french()
    for entry in pycountry.countries:
        names = {entry.name, french.gettext(entry.name), entry.alpha_2, entry.alpha_3}
        for attribute in ("common_name", "official_name"):
            if hasattr(entry, attribute):
                names.add(getattr(entry, attribute))
        names.add(_uninvert(french.gettext(entry.name)))
        for name in names:
            index.setdefault(normalise_name(name), entry.alpha_3)
    index.update(NAME_OVERRIDES)
    return index


@cache
def country(name_or_code: str) -> Country:
    """The ISO country for a French or English name or an alpha-2/alpha-3 code."""
    code = _index().get(normalise_name(name_or_code))
    if code is None:
        raise LookupError(f"unknown country name {name_or_code!r}")
    entry = pycountry.countries.get(alpha_3=code)
    english = entry.name if ", " not in entry.name else getattr(entry, "common_name", entry.name)
    french = FRENCH_LABEL_OVERRIDES.get(code, _uninvert(_french().gettext(entry.name)))
    return Country(entry.alpha_2, entry.alpha_3, english, french)


@cache
def _wikidata_table(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iso3"]: row["wikidata"] for row in csv.DictReader(handle)}


def wikidata_items(table: Path) -> dict[str, str]:
    """ISO alpha-3 → Wikidata QID, read from the packaged reference table."""
    return _wikidata_table(table)


@cache
def numeric_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 → numeric code (three digits, as Natural Earth's boundaries name countries).

    >>> numeric_codes()["FRA"], numeric_codes()["COM"]
    ('250', '174')
    """
    return {entry.alpha_3: entry.numeric for entry in pycountry.countries}
