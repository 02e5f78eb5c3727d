"""mig_graph.report.tables and the report templates: blocks laid out as Markdown and HTML."""

from __future__ import annotations

from mig_graph.rendering import render
from mig_graph.report.tables import Figure, Heading, Paragraph, Table, is_number

BLOCKS = [
    Heading("Brokers & <others>"),
    Paragraph("Actors that 'link' processes."),
    Table(("actor", "pairs"), (("A|B\nC", "3"), ("D", "0.250"))),
    Table(("", "process", "1"), (("1", "X", "4"),)),
    Figure("overlap", 'Shared "members"'),
]


def test_markdown_layout_escapes_pipes_and_aligns_numbers():
    assert render("report.md.j2", title="Report", lang="en", blocks=BLOCKS) == (
        "# Report\n"
        "\n"
        "## Brokers & <others>\n"
        "\n"
        "Actors that 'link' processes.\n"
        "\n"
        "| actor | pairs |\n"
        "|---|---:|\n"
        "| A\\|B C | 3 |\n"
        "| D | 0.250 |\n"
        "\n"
        "|  | process | 1 |\n"
        "|---:|---|---:|\n"
        "| 1 | X | 4 |\n"
        "\n"
        '![Shared "members"](figures/overlap.png)\n'
        "\n"
        '*Shared "members"* ([SVG](figures/overlap.svg))\n'
    )


def test_html_layout_escapes_text_and_marks_numbers():
    page = render("report.html.j2", title="R & D", lang="fr", blocks=BLOCKS, figures={"overlap": "AAAA"})
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">\n')
    assert "<title>R &amp; D</title>" in page
    body = page[page.index('<body class="report">') :]
    assert body == (
        '<body class="report">\n'
        "<h1>R &amp; D</h1>\n"
        "<h2>Brokers &amp; &lt;others&gt;</h2>\n"
        "<p>Actors that &#x27;link&#x27; processes.</p>\n"
        "<table><thead><tr>\n<th>actor</th>\n<th>pairs</th>\n</tr></thead><tbody>\n"
        '<tr><td>A|B\nC</td><td class="number">3</td></tr>\n'
        '<tr><td>D</td><td class="number">0.250</td></tr>\n'
        "</tbody></table>\n"
        "<table><thead><tr>\n<th></th>\n<th>process</th>\n<th>1</th>\n</tr></thead><tbody>\n"
        '<tr><td class="number">1</td><td>X</td><td class="number">4</td></tr>\n'
        "</tbody></table>\n"
        '<figure><img src="data:image/svg+xml;base64,AAAA" alt="Shared &quot;members&quot;">'
        "<figcaption>Shared &quot;members&quot;</figcaption></figure>\n"
        "\n</body>\n</html>\n"
    )


def test_numbers_and_numeric_columns():
    assert [is_number(text) for text in ("3", "-0.5", "1e3", "", "IOM", "2012-05")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert BLOCKS[2].numeric_columns == (False, True)
    assert BLOCKS[3].numeric_columns == (True, False, True)
