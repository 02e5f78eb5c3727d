"""Pages from templates: the one Jinja2 environment of the project (autoescape, strict undefined).

Every HTML, Markdown or JavaScript-bearing page is a template in ``templates/``: one base layout
(``base.html.j2``) and one style sheet (``style.css``) shared by the site, the report, the
endpoint's page and the network view. Values are escaped by Jinja2, never by hand; data for a
script goes through the ``json_script`` filter.

>>> render("base.html.j2", title="A <title>", lang="en", body="")[:15]
'<!DOCTYPE html>'
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2

from mig_graph.paths import templates_dir

__all__ = ["environment", "render", "style_sheet"]


def _json_script(value: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>`` can close it early)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return jinja2.utils.markupsafe.Markup(text.replace("<", "\\u003c").replace(">", "\\u003e"))


@cache
def environment() -> jinja2.Environment:
    """The project's Jinja2 environment over ``templates/``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=jinja2.select_autoescape(["html", "html.j2", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json_script"] = _json_script
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


@cache
def style_sheet() -> jinja2.utils.markupsafe.Markup:
    """The one style sheet, for pages that must be self-contained (inlined in a ``<style>``).

    Marked safe: CSS is not HTML text, and escaping would break its quotes and ``>`` selectors.
    """
    return jinja2.utils.markupsafe.Markup((templates_dir() / "style.css").read_text(encoding="utf-8"))
