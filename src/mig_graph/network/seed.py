"""The seed of every randomised algorithm, so that every result repeats."""

from __future__ import annotations

__all__ = ["SEED"]

SEED = 42
"""The seed of every randomised algorithm (Louvain, sampled betweenness, layouts)."""
