"""Pages from templates: the one Jinja2 environment of the project (autoescape, strict undefined).

Every HTML, Markdown or JavaScript-bearing page is a template in ``templates/``: one base layout
(``base.html.j2``) and one style sheet (``style.css``) shared by the site, the report, the
endpoint's page and the network view. Values are escaped by Jinja2, never by hand, with the
character references of :func:`html.escape` (``&#x27;``, ``&quot;``), which the pages used before
they were templates; data for a script goes through the ``json_script`` filter, text for a
script (JSON-LD already written) through ``script_text``.

>>> render("base.html.j2", title="A <title>", lang="en", body="")[:15]
'<!DOCTYPE html>'
>>> environment().from_string("{{ name }}").render(name="Côte d'Ivoire & <b>")
'Côte d&#x27;Ivoire &amp; &lt;b&gt;'
"""

from __future__ import annotations

import html
import json
import tomllib
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

import jinja2
import jinja2.nodes
from markupsafe import Markup

from mig_graph.paths import messages_file, templates_dir

__all__ = ["environment", "read_messages", "render", "render_pieces", "style_sheet"]


def _json_script(value: Any) -> Markup:
    """JSON safe inside a ``<script>`` element (no ``</script>`` can close it early)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e"))


def _script_text(text: str) -> Markup:
    """Text written for a ``<script>`` element (JSON-LD), its ``</`` escaped as ``<\\/``."""
    return Markup(text.replace("</", "<\\/"))


@jinja2.pass_eval_context
def _escaped(context: jinja2.nodes.EvalContext, value: Any) -> Any:
    """A value as :func:`html.escape` escapes it in an autoescaped template (Jinja2 then leaves the
    markup as it is); in a Markdown template, the value as it is."""
    if context.autoescape and isinstance(value, str) and not isinstance(value, Markup):
        return _html_escaped(value)
    return value


@lru_cache(maxsize=1 << 16)  # the names and links of a site's pages come back on page after page
def _html_escaped(text: str) -> Markup:
    return Markup(html.escape(text))


@cache
def environment() -> jinja2.Environment:
    """The project's Jinja2 environment over ``templates/``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=jinja2.select_autoescape(["html", "html.j2", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        finalize=_escaped,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json_script"] = _json_script
    env.filters["script_text"] = _script_text
    env.globals["style_sheet"] = style_sheet
    return env


def render(template: str, **context: Any) -> str:
    """The template ``template`` (a file name in ``templates/``) rendered with ``context``.

    Parameters
    ----------
    template : str
        The template's file name, e.g. ``"base.html.j2"``.
    **context
        The template's variables; a variable the template uses and the caller omits is an error.

    Returns
    -------
    str
        The rendered text.
    """
    return environment().get_template(template).render(**context)


def render_pieces(template: str, **context: Any) -> Iterator[str]:
    """The template rendered piece by piece, for a page too large to hold whole (a site's index).

    Parameters
    ----------
    template : str
        The template's file name.
    **context
        The template's variables (iterables are read as the pieces are asked for).

    Returns
    -------
    Iterator[str]
        The rendered text, in pieces whose concatenation is :func:`render`'s text.
    """
    return environment().get_template(template).generate(**context)


@cache
def style_sheet() -> Markup:
    """The one style sheet, for pages that must be self-contained (inlined in a ``<style>``)."""
    return Markup((templates_dir() / "style.css").read_text(encoding="utf-8"))


def read_messages(stage: str, lang: str) -> dict[str, Any]:
    """The strings a stage's pages use in one language: ``STAGE/messages/LANG.toml``, key → text
    (placeholders in braces, filled by :meth:`str.format`) or a list of texts.

    Parameters
    ----------
    stage
        The package that owns the strings (``report``, ``publish``).
    lang
        ``en`` or ``fr``.

    Returns
    -------
    dict
        Every string of that stage in that language.

    Examples
    --------
    >>> read_messages("report", "fr")["yes"]
    'oui'
    """
    return tomllib.loads(messages_file(stage, lang).read_text(encoding="utf-8"))
