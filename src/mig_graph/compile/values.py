"""Checked values: texts, flags, numbers, IRIs, codes and slugs read from records, refused with the
field's location when they are unusable."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rdflib import Literal

from mig_graph.errors import InputError, Location
from mig_graph.records import Record

__all__ = [
    "SLUG",
    "as_bool",
    "as_int",
    "as_language",
    "as_qid",
    "as_record",
    "as_uri",
    "character_name",
    "check_keys",
    "checked_text",
    "plain_text",
    "slug_of",
    "text_literals",
]

SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
"""An id, or a concept of a controlled list, written bare: letters, digits, '.', '_' or '-'."""
_QID = re.compile(r"Q[1-9][0-9]*")
_LANGUAGE = re.compile(r"[a-z]{2}")
_HTTP_IRI = re.compile(r"https?://[^/?#\s]+(?:[/?#].*)?", re.DOTALL)
# RFC 3987: space, the delimiters <>"{}|\^` and controls are not IRI characters (nor surrogates,
# nor the non-characters U+FFFE, U+FFFF).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\ud800-\udfff\ufffe\uffff]')
# Characters that show nothing: format characters (zero-width space U+200B, joiners, BOM U+FEFF,
# word joiner U+2060, direction marks), separators, controls, and the Hangul and Braille fillers.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp", "Cn", "Co", "Cs"}
_FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}


def as_bool(value: Any) -> bool:
    """``true`` or ``false``, nothing else (``ValueError``).

    >>> as_bool(True)
    True
    """
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {value!r}")


def as_int(value: Any) -> int:
    """A whole number, not a flag (``ValueError``).

    >>> as_int(175)
    175
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def as_uri(value: Any) -> str:
    """An http(s) IRI: a host, and none of the characters RFC 3987 leaves out of IRIs.

    >>> as_uri("https://www.iom.int/")
    'https://www.iom.int/'
    """
    if not isinstance(value, str) or not _HTTP_IRI.fullmatch(value):
        raise ValueError(f"expected an http(s) address, got {value!r}")
    bad = _NOT_IN_IRI.search(value)
    if bad:
        raise ValueError(f"character {character_name(bad.group())} is not allowed in an IRI: {value!r}")
    return value


def as_language(value: Any) -> str:
    """An ISO 639-1 code (``ValueError`` otherwise)."""
    if not (isinstance(value, str) and _LANGUAGE.fullmatch(value)):
        raise ValueError(f"expected an ISO 639-1 language code (en, fr, es…), got {value!r}")
    return value


def as_qid(value: Any) -> str:
    """A Wikidata item id such as ``Q472311`` (``ValueError`` otherwise)."""
    if not (isinstance(value, str) and _QID.fullmatch(value)):
        raise ValueError(f"expected a Wikidata id like Q472311, got {value!r}")
    return value


def character_name(character: str) -> str:
    """``U+200B (ZERO WIDTH SPACE)``: a character as a message names it.

    >>> character_name("\\t")
    'U+0009'
    """
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def checked_text(text: str, single_line: bool, location: Location) -> str:
    """Refuse controls (tab and line feed allowed in long texts), surrogates, non-characters
    and text that shows nothing; return ``text`` unchanged."""
    allowed = "" if single_line else "\t\n"
    for character in text:
        category = unicodedata.category(character)
        if (category in {"Cc", "Cs"} and character not in allowed) or character in "\ufffe\uffff":
            where = "a label or title" if single_line else "a text"
            raise InputError(f"control character {character_name(character)} in {where}: {text!r}", location)
    if all(unicodedata.category(c) in _INVISIBLE_CATEGORIES or c in _FILLERS for c in text):
        raise InputError(f"text {text!r} is empty or only invisible characters", location)
    return text


def plain_text(value: Any, location: Location) -> str:
    """A one-line string (a file name, a code): no control or only-invisible characters."""
    if not isinstance(value, str):
        raise InputError(f"expected a string, got {value!r}", location)
    return checked_text(value, True, location)


def text_literals(value: Any, location: Location, *, single_line: bool = False) -> list[Literal]:
    """A text as literals: a string in English and French, or one per language of a language map.

    Parameters
    ----------
    value
        A string, or a mapping of ISO 639-1 codes to strings (a map's whitespace is collapsed).
    location
        Where the text is written (a language of a record has its own line).
    single_line
        A label or title: no tab or line feed either.

    Returns
    -------
    list of Literal
    """
    if isinstance(value, str):
        text = checked_text(value.strip(), single_line, location)
        return [Literal(text, lang="en"), Literal(text, lang="fr")]
    if not isinstance(value, dict) or not value:
        raise InputError("expected text: a string or a map of language → string", location)
    literals = []
    for language, text in value.items():
        where = value.location_of(language) if isinstance(value, Record) else location
        if not (isinstance(language, str) and _LANGUAGE.fullmatch(language)):
            raise InputError(f"bad language tag {language!r} (use en, fr, es…)", where)
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"empty or non-text value for language {language!r}", where)
        literals.append(Literal(checked_text(" ".join(text.split()), single_line, where), lang=language))
    return literals


def as_record(value: Any, location: Location) -> Record:
    """``value`` if it is a mapping (a :class:`Record`); an error at ``location`` otherwise."""
    if not isinstance(value, Record):
        raise InputError(f"expected a mapping, got {value!r}", location)
    return value


def slug_of(record: Record, key: str) -> str:
    """The slug written under ``key`` (an id)."""
    value = record.get(key)
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        raise InputError(
            f"'{key}' must be a slug of letters, digits, '.', '_' or '-' (got {value!r})",
            record.location_of(key),
        )
    return value


def check_keys(record: Record, allowed: frozenset[str] | set[str], what: str) -> None:
    """Refuse a key of ``record`` outside ``allowed``, at its line; ``what`` names the record's kind."""
    for key in record:
        if key not in allowed:
            raise InputError(
                f"unknown field {key!r} for {what}; known: {', '.join(sorted(allowed))}",
                record.location_of(key),
            )
