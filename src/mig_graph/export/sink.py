"""What every sink shares: the :class:`Sink` record (a name, a suffix, a writer), the check that
attributes are scalars, the JSON layout of the JSON sinks, and :func:`staged_files`, by which a
writer that streams its output leaves the old file or the new one, never a part.

Every attribute is a string, an integer, a float or a boolean (never a list or ``None``), so
that each format's readers accept it; the writers check this with :func:`check_attributes`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = [
    "Sink",
    "Streamed",
    "check_attributes",
    "json_pieces",
    "json_text",
    "staged_files",
    "staging_file",
    "write_json_streamed",
]

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


class Streamed:
    """A JSON array whose items are made one at a time, as :func:`json_pieces` writes them."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def json_pieces(data: Any, level: int = 0) -> Iterator[str]:
    """The text of :func:`json_text` (without its final newline) in pieces, each
    :class:`Streamed` array written item by item, so that the whole document is never held.

    >>> document = {"name": "État", "items": Streamed(iter([{"a": 1}, 2])), "empty": Streamed([])}
    >>> whole = json_text({**document, "items": [{"a": 1}, 2], "empty": []})
    >>> "".join(json_pieces(document)) == whole.rstrip()
    True
    """
    indent = "\n" + " " * (level + 1)
    if isinstance(data, dict) and data:
        yield "{"
        for index, (key, value) in enumerate(data.items()):
            yield ("," if index else "") + indent + json.dumps(key, ensure_ascii=False) + ": "
            yield from json_pieces(value, level + 1)
        yield "\n" + " " * level + "}"
    elif isinstance(data, Streamed):
        empty = True
        for item in data.items:
            yield (
                ("[" if empty else ",")
                + indent
                + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", indent)
            )
            empty = False
        yield "[]" if empty else "\n" + " " * level + "]"
    else:
        yield json.dumps(data, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)


def write_json_streamed(document: Any, path: Path) -> Path:
    """Write ``document`` as :func:`json_text` does, its :class:`Streamed` arrays item by item, to a
    temporary file renamed to ``path`` when complete."""
    with staged_files([path]) as (staged,), staged.open("w", encoding="utf-8") as out:
        for piece in json_pieces(document):
            out.write(piece)
        out.write("\n")
    return path


def staging_file(path: Path) -> Path:
    """Where a streamed file is written before it is renamed to ``path``: ``.NAME.mig-graph-tmp``
    beside it (on the same file system, so that the rename is one step)."""
    return path.parent / f".{path.name}.mig-graph-tmp"


@contextmanager
def staged_files(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary files beside ``paths``, renamed into place when the block ends without error.

    A writer streams into the temporaries; until the block ends the old files stay whole, and an
    error removes the temporaries and leaves the old files.  The renames follow each other once
    everything is written.

    Parameters
    ----------
    paths : sequence of pathlib.Path
        The files to write.

    Yields
    ------
    list of pathlib.Path
        The temporary file of each path, in the same order.

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "graph.csv"
    >>> with staged_files([target]) as (staged,):
    ...     _ = staged.write_text("a\\n", encoding="utf-8")
    ...     target.exists()
    False
    >>> target.read_text(encoding="utf-8"), staged.exists()
    ('a\\n', False)
    """
    staged = [staging_file(path) for path in paths]
    try:
        yield staged
    except BaseException:
        for temporary in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, path in zip(staged, paths, strict=True):
        os.replace(temporary, path)
