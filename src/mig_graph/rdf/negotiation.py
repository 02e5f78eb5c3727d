"""HTTP content negotiation: the offer an ``Accept`` header prefers, and the Content-Type to send."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["content_type", "negotiate"]


def negotiate(accept: str | None, offers: Sequence[tuple[str, Any]]) -> tuple[str, Any] | None:
    """The offer the Accept header prefers (highest q, then most specific range, then first), or None."""
    ranges: list[tuple[str, float]] = []
    for part in (accept or "*/*").split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if "/" in media:
            ranges.append((media.lower(), quality))
    best, best_key = None, (0.0, -1)
    for offer in offers:
        media = offer[0]
        match = (0.0, -1)
        for media_range, quality in ranges or [("*/*", 1.0)]:
            specificity = {media: 2, media.split("/")[0] + "/*": 1, "*/*": 0}.get(media_range, -1)
            if specificity > match[1]:
                match = (quality, specificity)
        if match[0] > 0 and match > best_key:
            best, best_key = offer, match
    return best


def content_type(media: str) -> str:
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


# -- the page and the service description
