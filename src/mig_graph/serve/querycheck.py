"""What the endpoint checks in a query's text before any parser sees it.

Oxigraph's SPARQL parser is recursive: a query nested a few thousand levels deep overflows the
stack of whatever thread parses it. The endpoint therefore reads the query with a small lexer of
SPARQL's terminals (strings, IRIs, comments, variables, prefixed names, numbers, keywords,
punctuation; the grammar's own token rules) and refuses, before parsing:

- queries longer than :data:`MAX_QUERY_CHARS` or of more than :data:`MAX_TOKENS` tokens;
- nesting deeper than :data:`MAX_NESTING` brackets, or a run of more than :data:`MAX_UNARY_RUN`
  unary operators (``!!!…``, ``- - -…``, ``^^^…``);
- more than :data:`MAX_CHAINED_OPERATORS` occurrences of a chaining keyword or operator
  (``UNION``, ``||``, ``&&``, ``/``, ``|`` …), which the parser also folds recursively;
- ``SERVICE`` in any form: any keyword-like word that contains ``service`` (``1SERVICE``,
  ``falseSERVICE``: Oxigraph's grammar reads a keyword right after a number or a boolean), and
  any prefix name that contains it; variables and local names may contain it;
- SPARQL updates (the first keyword after the prologue is an update operation).

The text is checked as written and again with its ``\\uXXXX`` escapes replaced (SPARQL allows
them anywhere), so an escape cannot hide a keyword from one reading while another reads it.
A query the lexer cannot read (an unterminated string, say) is refused: the check never lets
through what it did not understand.

>>> check_query("SELECT * WHERE { ?service ?p ?o }")
>>> try:
...     check_query("SELECT * WHERE { ?s ?p 1SERVICE <http://127.0.0.1/> { ?x ?y ?z } }")
... except QueryRefused as refusal:
...     print(refusal.status, refusal.message)
400 SERVICE (federated query) is not allowed: this endpoint never calls out
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "MAX_CHAINED_OPERATORS",
    "MAX_NESTING",
    "MAX_QUERY_CHARS",
    "MAX_TOKENS",
    "MAX_UNARY_RUN",
    "QueryRefused",
    "check_query",
]

MAX_QUERY_CHARS = 1_048_576
"""Longest query text accepted, as long as the endpoint's largest body (comments count)."""

MAX_TOKENS = 40_000
"""Most tokens in a query (a ``VALUES`` block of 10,000 IRIs is about 10,000 tokens)."""

MAX_NESTING = 64
"""Deepest nesting of ``{`` ``(`` ``[`` accepted (the library nests at most 6 deep)."""

MAX_UNARY_RUN = 16
"""Longest run of unary operators (``!``, ``-``, ``+``, ``^``) accepted."""

MAX_CHAINED_OPERATORS = 1_000
"""Most occurrences of one chaining keyword or operator (``UNION``, ``||``, ``/``, …)."""

_UPDATE_KEYWORDS = frozenset(
    {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}
)
_CHAINING = frozenset({"union", "minus", "optional", "||", "&&", "/", "|", "+", "-", "*", "=", "!="})
_UNARY = frozenset({"!", "-", "+", "^", "^^"})  # "^^" is two inverse-path operators in a path
_OPENING, _CLOSING = frozenset("({["), frozenset(")}]")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# SPARQL 1.1 terminals (section 19.8), in the order they must be tried.
_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = rf"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = rf"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<space>[ \t\r\n]+)",
            r"(?P<comment>#[^\r\n]*)",
            r'(?P<string>"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
            r"|'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
            r'|"(?:[^"\\\r\n]|\\.)*"'
            r"|'(?:[^'\\\r\n]|\\.)*')",
            r'(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)',
            rf"(?P<variable>[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
            rf"(?P<blank>_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)",
            rf"(?P<pname>(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?)",
            r"(?P<langtag>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)",
            r"(?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)",
            rf"(?P<word>[{_PN_CHARS_BASE}][{_PN_CHARS_U}0-9]*)",
            r"(?P<operator>\^\^|\|\||&&|!=|<=|>=|[{}()\[\].,;*+\-/!=<>^|?$@])",
        )
    )
)


class QueryRefused(Exception):
    """A query the endpoint will not run, with the HTTP status to answer and the reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def check_query(query: str) -> None:
    """Refuse a query that the endpoint must not parse or run.

    Parameters
    ----------
    query : str
        The SPARQL query text, as the client sent it.

    Raises
    ------
    QueryRefused
        With status 413 for a query too long, 400 for one too deeply nested, calling ``SERVICE``
        or unreadable, and 403 for an update.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryRefused(413, f"the query is longer than {MAX_QUERY_CHARS} characters, the limit")
    _check_tokens(query)
    unescaped = _ESCAPE.sub(lambda match: _codepoint(match.group(1) or match.group(2)), query)
    if unescaped != query:
        _check_tokens(unescaped)


def _codepoint(hex_digits: str) -> str:
    value = int(hex_digits, 16)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "\ufffd"


def _check_tokens(text: str) -> None:
    depth, unary_run, chained = 0, 0, dict.fromkeys(_CHAINING, 0)
    first_keyword: str | None = None
    in_prologue_declaration = 0  # words still expected after PREFIX (name, IRI) or BASE (IRI)
    for count, token in enumerate(_tokens(text), start=1):
        if count > MAX_TOKENS:
            raise QueryRefused(413, f"the query has more than {MAX_TOKENS} tokens, the limit")
        lowered = token.text.lower()
        if _names_service(token.kind, lowered):
            raise QueryRefused(400, "SERVICE (federated query) is not allowed: this endpoint never calls out")
        if token.kind == "operator" and token.text in _OPENING:
            depth += 1
            if depth > MAX_NESTING:
                raise QueryRefused(400, f"the query nests deeper than {MAX_NESTING} levels, the limit")
        elif token.kind == "operator" and token.text in _CLOSING:
            depth -= 1
        unary_run = unary_run + 1 if token.kind == "operator" and token.text in _UNARY else 0
        if unary_run > MAX_UNARY_RUN:
            raise QueryRefused(400, f"the query has more than {MAX_UNARY_RUN} unary operators in a row")
        key = lowered if token.kind in ("word", "operator") else None
        if key in chained:
            chained[key] += 1
            if chained[key] > MAX_CHAINED_OPERATORS:
                raise QueryRefused(
                    400, f"the query chains more than {MAX_CHAINED_OPERATORS} {token.text!r}, the limit"
                )
        if first_keyword is None:
            if in_prologue_declaration:
                in_prologue_declaration -= 1
            elif token.kind == "word" and lowered in ("prefix", "base"):
                in_prologue_declaration = 2 if lowered == "prefix" else 1
            elif token.kind == "word":
                first_keyword = lowered
    if first_keyword in _UPDATE_KEYWORDS:
        raise QueryRefused(403, "this endpoint is read-only: SPARQL updates are refused")


def _names_service(kind: str, lowered: str) -> bool:
    """Whether a keyword-like word, or the prefix of a prefixed name, contains ``service``."""
    if kind == "word":
        return "service" in lowered
    return kind == "pname" and "service" in lowered.partition(":")[0]


def _tokens(text: str) -> Iterator[_Token]:
    """The tokens of ``text`` that matter (no spaces or comments); QueryRefused where none matches."""
    position, end = 0, len(text)
    while position < end:
        match = _TOKEN.match(text, position)
        if match is None:
            line = text.count("\n", 0, position) + 1
            raise QueryRefused(
                400, f"malformed query: unexpected character {text[position]!r} on line {line}"
            )
        kind = match.lastgroup or ""
        position = match.end()
        if kind not in ("space", "comment"):
            yield _Token(kind, match.group())
