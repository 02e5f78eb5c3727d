"""Stage 9, serve: the SPARQL endpoint (query check, isolated workers) and the linked-data server.

The endpoint's names are imported on first use: a query worker (``python -m
mig_graph.serve.queryworkers``) runs this file too, and must start without the web stack.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        return getattr(importlib.import_module("mig_graph.serve.endpoint"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
