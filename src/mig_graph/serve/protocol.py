"""The request side of the SPARQL 1.1 Protocol: parameters from the URL, a form body or a direct POST.

A request the protocol cannot accept raises :class:`Refusal`, answered as a plain-text message with
its status: 403 for updates, 415 for a body of another type, 413 past :data:`MAX_BODY_BYTES`,
400 for bytes that are not UTF-8 or an invalid graph IRI.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.datastructures import MultiDict
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

__all__ = ["MAX_BODY_BYTES", "Refusal", "graph_iris", "plain", "protocol_parameters"]

MAX_BODY_BYTES = 1_048_576
"""Largest request body accepted (1 MiB); larger ones get 413."""

_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"


class Refusal(Exception):
    """A request answered with an HTTP error status and a plain-text message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A plain-text answer: ``message`` and a newline, with ``status``.

    >>> plain(400, "the query is empty").body
    b'the query is empty\\n'
    """
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


async def protocol_parameters(request: Request) -> MultiDict:
    """The protocol's parameters: the URL's, plus a form body's, or a direct POST's query.

    Parameters
    ----------
    request : starlette.requests.Request
        A GET or POST of ``/sparql``.

    Returns
    -------
    starlette.datastructures.MultiDict
        Every parameter, in order, as strings (``query``, ``default-graph-uri``, …).

    Raises
    ------
    Refusal
        For an update, a body of another type, one too large or not UTF-8.
    """
    params = MultiDict(_form_items(request.scope.get("query_string", b"").decode("latin-1"), "URL"))
    if request.method != "POST":
        return params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        raise Refusal(403, _READ_ONLY)
    if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
        raise Refusal(
            415, "POST a query as application/x-www-form-urlencoded (query=…) or application/sparql-query"
        )
    try:
        text = (await _body(request)).decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, "the request body is not UTF-8") from None
    if media == "application/sparql-query":
        if "query" in params:
            raise Refusal(400, "a direct POST carries its query in the body, not in the URL")
        return MultiDict([*params.multi_items(), ("query", text)])
    return MultiDict([*params.multi_items(), *_form_items(text, "request body")])


def _form_items(text: str, where: str) -> list[tuple[str, str]]:
    """The ``name=value`` pairs of a URL query or form body, percent-decoded as strict UTF-8."""
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Refusal(400, f"the {where} holds percent-encoded bytes that are not UTF-8") from None


async def _body(request: Request) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``MAX_BODY_BYTES``."""
    too_large = Refusal(413, f"the request body is larger than {MAX_BODY_BYTES} bytes, the limit")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit():
        raise Refusal(400, "invalid Content-Length")
    if int(declared) > MAX_BODY_BYTES:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def graph_iris(values: list[str]) -> tuple[str, ...] | None:
    """The IRIs of ``default-graph-uri`` or ``named-graph-uri`` parameters, None when there are none.

    >>> graph_iris(["https://example.org/g"]), graph_iris([])
    (('https://example.org/g',), None)
    """
    return tuple(_iri(value).value for value in values) or None


def _iri(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as error:
        raise Refusal(400, f"invalid graph IRI {value!r}: {error}") from None
