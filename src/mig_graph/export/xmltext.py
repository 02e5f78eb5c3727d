"""XML written as text, one element at a time: escaping as ElementTree escapes, and the lines of
an element indented as ElementTree's pretty-printers indent them (two spaces a level, an element
without children or text closed by `` />``), so that the streamed writers give the bytes a tree
written whole would give."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import TypeVar

__all__ = ["attribute_text", "empty", "escape_attribute", "escape_text", "leaf", "opening", "peek"]

_T = TypeVar("_T")


def escape_text(text: str) -> str:
    """Character data escaped (``&``, ``<``, ``>``).

    >>> escape_text("Lima & Quito <2006>")
    'Lima &amp; Quito &lt;2006&gt;'
    """
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attribute(text: str) -> str:
    """An attribute's value escaped (``&``, ``<``, ``>``, ``"``, and CR, LF, tab as references).

    >>> escape_attribute('a "b"\\n')
    'a &quot;b&quot;&#10;'
    """
    text = escape_text(text)
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def attribute_text(attributes: Mapping[str, str]) -> str:
    """``' name="value"'`` for each attribute, in order.

    >>> attribute_text({"id": "a", "for": "node"})
    ' id="a" for="node"'
    """
    return "".join(f' {name}="{escape_attribute(value)}"' for name, value in attributes.items())


def opening(depth: int, tag: str, attributes: Mapping[str, str] | None = None) -> str:
    """The line opening an element with children, at ``depth``.

    >>> opening(1, "graph", {"edgedefault": "undirected"})
    '  <graph edgedefault="undirected">\\n'
    """
    return f"{'  ' * depth}<{tag}{attribute_text(attributes or {})}>\n"


def empty(depth: int, tag: str, attributes: Mapping[str, str] | None = None) -> str:
    """The line of an element without children or text.

    >>> empty(2, "key", {"id": "x"})
    '    <key id="x" />\\n'
    """
    return f"{'  ' * depth}<{tag}{attribute_text(attributes or {})} />\n"


def leaf(depth: int, tag: str, attributes: Mapping[str, str], text: str) -> str:
    """The line of an element holding only ``text`` (closed by `` />`` when the text is empty).

    >>> leaf(1, "data", {"key": "name"}, "actors")
    '  <data key="name">actors</data>\\n'
    >>> leaf(1, "data", {"key": "end"}, "")
    '  <data key="end" />\\n'
    """
    if not text:
        return empty(depth, tag, attributes)
    return f"{'  ' * depth}<{tag}{attribute_text(attributes)}>{escape_text(text)}</{tag}>\n"


def peek(items: Iterable[_T]) -> tuple[bool, Iterator[_T]]:
    """Whether ``items`` has an item, and an iterator over all of them (the first one kept).

    >>> found, items = peek(iter([1, 2]))
    >>> found, list(items)
    (True, [1, 2])
    """
    iterator = iter(items)
    for first in iterator:
        return True, chain([first], iterator)
    return False, iter(())
