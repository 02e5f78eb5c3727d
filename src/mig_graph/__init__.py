"""mig-graph: a knowledge graph of global migration governance.

The public API (:mod:`mig_graph.api`), imported on first use so that ``import mig_graph`` stays fast:

>>> import mig_graph
>>> members = mig_graph.load().query("process-members", process="MiDIOCC")
>>> members.to_pandas()[["label", "iso3", "role"]]
        label iso3    role
0     Comoros  COM  member
1      France  FRA  member
2  Madagascar  MDG  member
3   Mauritius  MUS  member
4  Seychelles  SYC  member

Everything else (the stage packages) is internal: its names may change between versions.
"""

from importlib.metadata import version

__all__ = ["Dataset", "QueryRows", "__version__", "load"]

__version__ = version("mig-graph")

_API = frozenset({"Dataset", "QueryRows", "load"})


def __getattr__(name: str):
    if name in _API:
        from mig_graph import api

        return getattr(api, name)
    raise AttributeError(f"module 'mig_graph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
