"""What every sink shares: the :class:`Sink` record (a name, a suffix, a writer), the check that
attributes are scalars, and the JSON layout of the JSON sinks.

Every attribute is a string, an integer, a float or a boolean (never a list or ``None``), so
that each format's readers accept it; the writers check this with :func:`check_attributes`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = ["Sink", "check_attributes", "json_text"]

_SCALARS = (str, int, float, bool)


@dataclass(frozen=True)
class Sink:
    """An export format: its name (``--format``), its usual file name ending and its writer.

    ``writer(graph, path)`` writes ``graph`` to ``path`` (a folder when ``folder``) and returns
    the file or files written.
    """

    name: str
    suffix: str
    writer: Callable[[nx.Graph, Path], Path | list[Path]]
    folder: bool = False


def check_attributes(graph: nx.Graph) -> None:
    """Refuse attributes that some readers cannot take (lists, ``None``, NumPy scalars).

    Parameters
    ----------
    graph : networkx.Graph
        The graph to be written.

    Raises
    ------
    TypeError
        Naming the graph, node or edge and the attribute that is not a str, int, float or bool.

    Examples
    --------
    >>> graph = nx.Graph()
    >>> graph.add_node("a", tags=["x"])
    >>> check_attributes(graph)
    Traceback (most recent call last):
    TypeError: node 'a': attribute 'tags' is list, not str/int/float/bool
    """
    items = [("graph", graph.graph)]
    items += [(f"node {node!r}", data) for node, data in graph.nodes(data=True)]
    items += [(f"edge {u!r}–{v!r}", data) for u, v, data in graph.edges(data=True)]
    for where, data in items:
        for key, value in data.items():
            if type(value) not in _SCALARS:
                raise TypeError(
                    f"{where}: attribute {key!r} is {type(value).__name__}, not str/int/float/bool"
                )


def json_text(data: Any) -> str:
    """``data`` as the JSON sinks write it: UTF-8 characters kept, one-space indent, final newline.

    >>> print(json_text({"name": "État"}), end="")
    {
     "name": "État"
    }
    """
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
