"""What runs before any route of the endpoint: the request limits, then CORS.

:class:`RequestLimits` refuses request targets too long (414), headers too large (431) and paths
holding a control character or bytes that are not UTF-8 (400). :class:`AnyOriginCORS` is
Starlette's CORS middleware for any origin, whose ``Access-Control-Allow-Origin: *`` also goes on
answers to requests without an ``Origin`` header (a shared cache may hand them to any page).
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mig_graph.serve.protocol import plain

__all__ = ["MAX_HEADER_BYTES", "MAX_URL_BYTES", "AnyOriginCORS", "RequestLimits", "endpoint_middleware"]

MAX_URL_BYTES = 65_536
"""Longest request target accepted (64 KiB; longer gets 414: POST long queries)."""

MAX_HEADER_BYTES = 16_384
"""Largest request header accepted (16 KiB; larger gets 431)."""

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RequestLimits:
    """Refuses, before any route runs, request targets too long (414), headers too large (431) and
    paths holding control characters such as NUL (400)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = _request_refusal(scope)
            if refusal is not None:
                await plain(*refusal)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _request_refusal(scope: Scope) -> tuple[int, str] | None:
    target = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
    if target > MAX_URL_BYTES:
        return 414, f"the request target is longer than {MAX_URL_BYTES} bytes, the limit: POST long queries"
    if any(len(name) + len(value) > MAX_HEADER_BYTES for name, value in scope.get("headers", [])):
        return 431, f"a request header is larger than {MAX_HEADER_BYTES} bytes, the limit"
    if _CONTROL.search(scope.get("path", "")):
        return 400, "the request path holds a control character"
    try:
        unquote_to_bytes(scope.get("raw_path") or b"").decode("utf-8")
    except UnicodeDecodeError:
        return 400, "the request path is not UTF-8"
    return None


class AnyOriginCORS(CORSMiddleware):
    """Starlette's CORS middleware, whose simple headers (``Access-Control-Allow-Origin: *``) go on
    every response, to a cross-origin request or not."""

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        if message["type"] == "http.response.start" and "origin" not in request_headers:
            message.setdefault("headers", [])
            MutableHeaders(scope=message).update(self.simple_headers)
        await super().send(message, send, request_headers)


def endpoint_middleware() -> list[Middleware]:
    """The endpoint's middleware, outermost first: the request limits, then CORS for any origin."""
    return [
        Middleware(RequestLimits),
        Middleware(
            AnyOriginCORS,
            allow_origins=["*"],
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["*"],
            max_age=86_400,
        ),
    ]
