"""A record that became another (``became``): W3C ORG's change event, in the graphs of its sources."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SKOS, XSD, Literal
from rdflib.namespace import ORG, PROV, TIME

from mig_graph.compile.dataset import compile_data
from mig_graph.errors import InputError
from mig_graph.namespaces import ID, MG

HEAD = """\
source:
  id: page
  url: https://example.org/page
  title: {en: A page, fr: Une page}
references:
  - id: iom
    url: https://example.org/iom
    title: {en: IOM, fr: OIM}
processes:
  - id: soderkoping
    label: {en: Söderköping Process, fr: Processus de Söderköping}
"""
PANEL = """\
  - id: panel
    label: {en: EaP Panel, fr: Panel du PO}
"""
CHANGE = ID["change/process-soderkoping--process-panel"]
INTERVAL = ID["change/process-soderkoping--process-panel/interval/2011-12-08--2011-12-08"]
DAY = ID["instant/2011-12-08"]


def _compile(tmp_path: Path, text: str):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return compile_data([path]).dataset


def _quads(dataset, nodes) -> set:
    """Every quad about ``nodes`` or pointing to ``CHANGE``, with its graph."""
    return {
        (s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None)) if s in nodes or o == CHANGE
    }


def test_became_is_a_change_event_with_both_ends_its_day_note_and_sources(tmp_path):
    text = HEAD + (
        "    became:\n"
        "      process: process/panel\n"
        '      time: "2011-12-08"\n'
        "      sources: [iom]\n"
        "      note: {en: The transition took place at the last High Level Meeting.}\n"
    )
    dataset = _compile(tmp_path, text + PANEL)
    iom = ID["source/iom"]
    assert _quads(dataset, {CHANGE, INTERVAL, DAY}) == {
        (CHANGE, RDF.type, ORG.ChangeEvent, iom),
        (CHANGE, ORG.originalOrganization, ID["process/soderkoping"], iom),
        (CHANGE, ORG.resultingOrganization, ID["process/panel"], iom),
        (CHANGE, TIME.hasTime, INTERVAL, iom),
        (
            CHANGE,
            SKOS.note,
            Literal("The transition took place at the last High Level Meeting.", lang="en"),
            iom,
        ),
        (CHANGE, PROV.wasDerivedFrom, iom, iom),
        (ID["process/soderkoping"], ORG.changedBy, CHANGE, iom),
        (ID["process/panel"], ORG.resultedFrom, CHANGE, iom),
        (INTERVAL, RDF.type, TIME.ProperInterval, iom),
        (INTERVAL, TIME.hasBeginning, DAY, iom),
        (INTERVAL, TIME.hasEnd, DAY, iom),
        (INTERVAL, PROV.wasDerivedFrom, iom, iom),
        (DAY, RDF.type, TIME.Instant, iom),
        (DAY, TIME.inXSDDate, Literal("2011-12-08", datatype=XSD.date), iom),
        (DAY, MG.precision, TIME.unitDay, iom),
    }


def test_a_change_without_sources_rests_on_the_records_and_keeps_a_months_precision(tmp_path):
    text = HEAD + '    became: {process: process/panel, time: "2017-11"}\n'
    dataset = _compile(tmp_path, text + PANEL)
    page = ID["source/page"]
    interval = ID["change/process-soderkoping--process-panel/interval/2017-11--2017-11"]
    assert {g for _, _, _, g in dataset.quads((CHANGE, None, None, None))} == {page}
    assert set(dataset.quads((CHANGE, TIME.hasTime, None, None))) == {(CHANGE, TIME.hasTime, interval, page)}
    assert {o for _, _, o, _ in dataset.quads((ID["instant/2017-11"], TIME.inXSDgYearMonth, None, None))} == {
        Literal("2017-11", datatype=XSD.gYearMonth)
    }


@pytest.mark.parametrize(
    ("became", "line", "message"),
    [
        ('{process: process/nowhere, time: "2011"}', 12, "unknown id 'process/nowhere'"),
        ("{process: process/panel}", 12, "'became' needs 'time': the date of the change"),
        ('{time: "2011"}', 12, "'became' needs 'process': the record it became"),
        (
            '{process: process/panel, time: "2011", sources: []}',
            12,
            "'became' needs the 'sources' it rests on (at least one source id)",
        ),
        ('{process: process/soderkoping, time: "2011"}', 12, "'became': a record cannot become itself"),
        (
            '{process: process/panel, time: "2011", when: "2011"}',
            12,
            "unknown field 'when' for became; known: note, process, sources, time",
        ),
        (
            '{process: state/FRA, time: "2011"}',
            12,
            "reference 'state/FRA' must be one of: process, org, programme",
        ),
    ],
)
def test_bad_changes_are_refused_at_their_line(tmp_path, became, line, message):
    with pytest.raises(InputError) as caught:
        _compile(tmp_path, HEAD + f"    became: {became}\n" + PANEL)
    assert (caught.value.location.line, caught.value.location.record, caught.value.message) == (
        line,
        "soderkoping",
        message,
    )
