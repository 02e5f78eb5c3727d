"""mig_graph.report.writer: the analysis report in English and French, self-contained and deterministic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mig_graph.network import AnalysisGraphs, LinkRow, bipartite_graph, parse_scope, read_graphs
from mig_graph.report import write_report
from mig_graph.report.plots import NETWORK_LIMIT

FIGURES = ("network", "memberships", "overlap", "worldmap", "timeline")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def english(graphs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report-en")
    write_report(graphs, out, lang="en")
    return out


@pytest.fixture(scope="module")
def french(graphs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report-fr")
    write_report(graphs, out, lang="fr")
    return out


def test_report_files(graphs, tmp_path):
    written = write_report(graphs, tmp_path, lang="en")
    expected = ["report.md", "report.html", "measures.csv"] + [
        f"figures/{name}.{ext}" for name in FIGURES for ext in ("png", "svg")
    ]
    assert [path.relative_to(tmp_path).as_posix() for path in written] == expected
    for name in FIGURES:
        assert (tmp_path / "figures" / f"{name}.png").read_bytes().startswith(PNG_SIGNATURE)
        assert (
            ET.parse(tmp_path / "figures" / f"{name}.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"
        )


def test_markdown_has_the_tables(english):
    text = (english / "report.md").read_text(encoding="utf-8")
    assert "| actors and processes (bipartite) | 58 | 91 |" in text
    assert "| actors (shared processes) | 47 | 618 |" in text
    assert "| processes (shared actors) | 11 | 19 |" in text
    assert (
        "| 1 | International Organization for Migration (IOM) | intergovernmental organisation | 5 |" in text
    )
    assert "| International Organization for Migration (IOM) | yes | 9 | 8 |" in text
    assert "| Seychelles (SYC) | yes | 3 | 3 |" in text
    assert "COM, FRA, MDG, MUS, SYC" in text  # the IOC states form a community
    for name in FIGURES:
        assert f"(figures/{name}.png)" in text and f"(figures/{name}.svg)" in text


def test_html_is_self_contained(english):
    text = (english / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["'](?!data:)""", text)
    assert len(re.findall(r'<img src="data:image/svg\+xml;base64,', text)) == len(FIGURES)
    # graphs, actors, mechanisms, 2 centralities, brokers, communities, overlap
    assert text.count("<table>") == 8
    assert '<html lang="en">' in text


def test_french_report_and_plots(french):
    text = (french / "report.md").read_text(encoding="utf-8")
    assert text.startswith("# Analyse de réseau de la gouvernance des migrations")
    assert "| Organisation internationale pour les migrations (OIM) | oui | 9 | 8 |" in text
    assert "| Équateur (ECU) |" in text
    assert '<html lang="fr">' in (french / "report.html").read_text(encoding="utf-8")
    # Matplotlib writes each text of an SVG (drawn as paths) in a comment
    svg = (french / "figures" / "memberships.svg").read_text(encoding="utf-8")
    assert "<!-- Adhésions par État -->" in svg and "<!-- nombre de processus -->" in svg
    svg = (french / "figures" / "timeline.svg").read_text(encoding="utf-8")
    assert "<!-- réunions -->" in svg and "<!-- créations -->" in svg


def test_report_is_deterministic(graphs, english, tmp_path):
    write_report(graphs, tmp_path, lang="en")
    for path in sorted(english.rglob("*.*")):
        assert (tmp_path / path.relative_to(english)).read_bytes() == path.read_bytes(), path.name


def test_report_as_of_a_date(seed_dataset, tmp_path):
    write_report(read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012"), tmp_path, lang="en")
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Snapshot as of 2012" in text
    assert "| actors and processes (bipartite) | 41 | 63 |" in text
    assert "12 links have an unknown status as of 2012" in text
    assert "By process: coi (5), mainstreaming-migration (7)." in text
    assert (tmp_path / "unknown-status.csv").read_text(encoding="utf-8").count("\n") == 13


def test_report_compares_two_dates(seed_dataset, graphs, tmp_path):
    """``--compare 2012``: what the seed graph gained since 2012 (28 links, see test_change)."""
    before = read_graphs(seed_dataset, scope=parse_scope("all"), as_of="2012")
    write_report(graphs, tmp_path, lang="en", compare=before)
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## Change from 2012 to all dates" in text
    assert "Between 2012 and all dates: 28 links gained, 0 lost; 6 processes appear, 0 disappear." in text
    assert "| Seychelles (SYC) | 0 | 4 | +4 |" in text
    assert "| actor | 2012 | all dates | change |" in text
    write_report(graphs, tmp_path / "plain", lang="en")
    assert "## Change" not in (tmp_path / "plain" / "report.md").read_text(encoding="utf-8")


def test_unknown_language_is_refused(graphs, tmp_path):
    with pytest.raises(ValueError, match="language"):
        write_report(graphs, tmp_path, lang="de")


def test_a_large_network_is_drawn_as_its_nodes_with_most_links(tmp_path):
    # 60 states, 5 at each of 400 meetings: 33 or 34 meetings each
    rows = [
        LinkRow(
            "participation",
            f"state/S{(7 * m + i) % 60:02d}",
            f"meeting/m{m:03d}",
            "participant",
            "",
            "",
            "",
            "",
        )
        for m in range(400)
        for i in range(5)
    ]
    kinds = {f"state/S{a:02d}": {"kind": "state", "iso_alpha3": f"S{a:02d}"} for a in range(60)}
    graphs = AnalysisGraphs(bipartite=bipartite_graph(rows, kinds), timeline=())
    assert graphs.bipartite.number_of_nodes() == 460 > NETWORK_LIMIT
    write_report(graphs, tmp_path / "en", lang="en")
    text = (tmp_path / "en" / "report.md").read_text(encoding="utf-8")
    assert "The bipartite network has 460 nodes, too many to draw legibly: the figure shows the 300 " in text
    assert "*The 300 nodes of the bipartite network with most links, of 460, and the links" in text
    assert "How many states take part in 1 to 2, 3 to 4… processes (bars of 2)." in text
    svg = (tmp_path / "en" / "figures" / "network.svg").read_text(encoding="utf-8")
    assert "<!-- Actors and processes: the 300 with most links (of 460) -->" in svg
    write_report(graphs, tmp_path / "fr", lang="fr")
    text = (tmp_path / "fr" / "report.md").read_text(encoding="utf-8")
    assert (
        "Le réseau biparti compte 460 nœuds, trop pour être dessinés lisiblement : la figure montre les 300"
        in text
    )
    assert "(barres de 2)" in text
