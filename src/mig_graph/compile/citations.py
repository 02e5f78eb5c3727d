"""Cited values: ``{value: …, source: …, note: …}``, a value stated by other sources than its
record's, with a note."""

from __future__ import annotations

from typing import Any

from mig_graph.compile.emitter import Scope
from mig_graph.compile.registry import Registry
from mig_graph.compile.values import check_keys
from mig_graph.records import CITED_VALUE_KEYS, Record

__all__ = ["cited"]


def cited(registry: Registry, value: Any, scope: Scope) -> tuple[Any, Scope, Any]:
    """Unwrap a cited value (any other value is returned as it is, in ``scope``).

    Returns
    -------
    tuple
        The value, its scope (the line of ``value``, the sources of ``source``, if given) and its
        note (``None`` if it has none).
    """
    if isinstance(value, Record) and "value" in value:
        check_keys(value, CITED_VALUE_KEYS, "cited value")
        sources = scope.sources
        if "source" in value:
            sources = registry.sources_at(value, "source")
        cited_scope = Scope(value.location_of("value"), sources, scope.subject, scope.origin, scope.section)
        return value["value"], cited_scope, value.get("note")
    return value, scope, None
