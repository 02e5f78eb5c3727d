"""Synthetic graphs shaped like mig-graph's: states, processes, memberships with intervals and
sources, meetings with their participants, declarations and signatures, one named graph per source.

The number of processes stays realistic (at most a few hundred, as there are a few dozen
consultation mechanisms in the world): a larger graph has more meetings and participations,
as event data and further sources would bring.

    python benchmarks/generate.py --scale 100000 --out synthetic.nq [--seed 7]

``--scale`` is the approximate number of quads in the source graphs (the store adds their union
as the default graph).  The real curated graph comes first, so the library's default parameters
resolve; synthetic processes fill the rest.  The output conforms to the shapes and is the same
for the same seed.  States are the real ISO 3166-1 countries (pycountry), so the ISO shapes hold.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import pycountry

from mig_graph.records import countries

ID = "https://w3id.org/mig-graph/id/"
MG = "https://w3id.org/mig-graph/ontology#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "https://schema.org/"
DCTERMS = "http://purl.org/dc/terms/"
VOCAB = "https://w3id.org/mig-graph/vocab/"
KINDS = ("RegionalConsultativeProcess", "InterRegionalForum", "GlobalProcess")
QUADS_PER_PROCESS = 270  # measured: a process, its 20-40 memberships and one declaration
QUADS_PER_MEETING = 110  # measured: a meeting, its dates and its 12-20 participations
MAX_PROCESSES = 300  # the world has a few dozen consultation mechanisms: a large graph grows in events


def _iri(value: str) -> str:
    return f"<{value}>"


def _text(value: str, language: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + f'"@{language}'


def _typed(value: str, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


class _Writer:
    """N-Quads lines for one source graph at a time."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.graph = ""

    def add(self, subject: str, predicate: str, value: str) -> None:
        self.lines.append(f"{subject} {predicate} {value} {self.graph} .")

    def instant(self, date: str) -> str:
        node = _iri(f"{ID}instant/{date}")
        unit, prop, datatype = {
            4: ("unitYear", "inXSDgYear", "gYear"),
            7: ("unitMonth", "inXSDgYearMonth", "gYearMonth"),
            10: ("unitDay", "inXSDDate", "date"),
        }[len(date)]
        self.add(node, _iri(RDF_TYPE), _iri(f"{TIME}Instant"))
        self.add(node, _iri(f"{TIME}{prop}"), _typed(date, datatype))
        self.add(node, _iri(f"{MG}precision"), _iri(f"{TIME}{unit}"))
        return node

    def interval(self, owner: str, predicate: str, start: str, end: str | None) -> None:
        node = _iri(f"{owner}/interval/{start}--{end or ''}")
        self.add(_iri(owner), _iri(predicate), node)
        self.add(node, _iri(RDF_TYPE), _iri(f"{TIME}ProperInterval"))
        self.add(node, _iri(f"{TIME}hasBeginning"), self.instant(start))
        if end:
            self.add(node, _iri(f"{TIME}hasEnd"), self.instant(end))
        self.add(node, _iri(f"{PROV}wasDerivedFrom"), self.graph)

    def entity(self, iri: str, classes: tuple[str, ...], english: str, french: str) -> None:
        for cls in classes:
            self.add(_iri(iri), _iri(RDF_TYPE), _iri(cls))
        self.add(_iri(iri), _iri(LABEL), _text(english, "en"))
        self.add(_iri(iri), _iri(LABEL), _text(french, "fr"))
        self.add(_iri(iri), _iri(f"{PROV}wasDerivedFrom"), self.graph)


def _source(writer: _Writer, number: int) -> None:
    source = f"{ID}source/synthetic-{number}"
    writer.graph = _iri(source)
    writer.add(_iri(source), _iri(RDF_TYPE), _iri(f"{MG}ExternalSource"))
    writer.add(_iri(source), _iri(RDF_TYPE), _iri(f"{PROV}Entity"))
    writer.add(_iri(source), _iri(f"{DCTERMS}title"), _text(f"Synthetic source {number}", "en"))
    writer.add(_iri(source), _iri(LABEL), _text(f"Synthetic source {number}", "en"))
    writer.add(_iri(source), _iri(f"{MG}sourceUrl"), _typed(f"https://example.org/source/{number}", "anyURI"))
    writer.add(_iri(source), _iri(f"{DCTERMS}language"), _iri("http://id.loc.gov/vocabulary/iso639-1/en"))


def _states(writer: _Writer) -> list[str]:
    states = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iri = f"{ID}state/{country.alpha_3}"
        names = countries.country(country.alpha_3)  # the labels the build gives states
        writer.entity(iri, (f"{MG}State",), names.label_en, names.label_fr)
        writer.add(_iri(iri), _iri(f"{MG}iso3166Alpha2"), f'"{country.alpha_2}"')
        writer.add(_iri(iri), _iri(f"{MG}iso3166Alpha3"), f'"{country.alpha_3}"')
        states.append(iri)
    return states


def _process(writer: _Writer, rng: random.Random, number: int, states: list[str], meetings: int) -> None:
    process = f"{ID}process/synthetic-{number}"
    founded = rng.randint(1985, 2015)
    kind = KINDS[number % len(KINDS)]
    writer.entity(
        process,
        (f"{MG}ConsultationMechanism", f"{MG}{kind}"),
        f"Synthetic process {number}",
        f"Processus synthétique {number}",
    )
    writer.interval(process, f"{TIME}hasTime", str(founded), None)
    members = rng.sample(states, rng.randint(20, 40))
    for state in members:
        slug = state.rsplit("/", 1)[1]
        role = "member" if rng.random() < 0.85 else "observer"
        membership = f"{ID}membership/process-synthetic-{number}/{role}/state-{slug}"
        writer.add(_iri(membership), _iri(RDF_TYPE), _iri(f"{ORG}Membership"))
        writer.add(_iri(membership), _iri(f"{ORG}member"), _iri(state))
        writer.add(_iri(membership), _iri(f"{ORG}organization"), _iri(process))
        writer.add(_iri(membership), _iri(f"{ORG}role"), _iri(f"{VOCAB}role/{role}"))
        writer.add(_iri(membership), _iri(f"{PROV}wasDerivedFrom"), writer.graph)
        joined = rng.randint(founded, 2020)
        writer.interval(membership, f"{ORG}memberDuring", str(joined), None)
    for index in range(max(1, meetings)):
        meeting = f"{ID}meeting/synthetic-{number}-{index}"
        year = rng.randint(founded, 2024)
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        writer.entity(
            meeting, (f"{MG}Meeting",), f"Meeting {index} of process {number}", f"Réunion {index} du {number}"
        )
        writer.add(_iri(meeting), _iri(f"{MG}meetingKind"), _iri(f"{VOCAB}meeting-kind/ministerial"))
        writer.add(_iri(meeting), _iri(f"{SCHEMA}superEvent"), _iri(process))
        writer.add(_iri(meeting), _iri(f"{SCHEMA}location"), _iri(rng.choice(states)))
        writer.interval(meeting, f"{TIME}hasTime", day, day)
        for state in rng.sample(members, min(len(members), rng.randint(12, 20))):
            participation = (
                f"{ID}participation/meeting-synthetic-{number}-{index}/participant/{state[len(ID) :]}"
            )
            writer.add(_iri(participation), _iri(RDF_TYPE), _iri(f"{MG}Participation"))
            writer.add(_iri(participation), _iri(f"{MG}participant"), _iri(state))
            writer.add(_iri(participation), _iri(f"{MG}inEvent"), _iri(meeting))
            writer.add(_iri(participation), _iri(f"{MG}participationRole"), _iri(f"{VOCAB}role/participant"))
            writer.add(_iri(participation), _iri(f"{PROV}wasDerivedFrom"), writer.graph)
    declaration = f"{ID}document/synthetic-declaration-{number}"
    writer.entity(
        declaration,
        (f"{MG}Document", f"{MG}Declaration"),
        f"Declaration of process {number}",
        f"Déclaration du processus {number}",
    )
    writer.add(_iri(declaration), _iri(f"{MG}documentKind"), _iri(f"{VOCAB}document-kind/declaration"))
    writer.add(_iri(declaration), _iri(f"{MG}adoptedAt"), _iri(f"{ID}meeting/synthetic-{number}-0"))
    for state in members[:10]:
        slug = state.rsplit("/", 1)[1]
        signature = f"{ID}signature/document-synthetic-declaration-{number}/state-{slug}"
        writer.add(_iri(signature), _iri(RDF_TYPE), _iri(f"{MG}Signature"))
        writer.add(_iri(signature), _iri(f"{MG}signatory"), _iri(state))
        writer.add(_iri(signature), _iri(f"{MG}signedDocument"), _iri(declaration))
        writer.add(_iri(signature), _iri(f"{PROV}wasDerivedFrom"), writer.graph)


def generate(scale: int, seed: int = 7) -> Iterator[str]:
    """N-Quads lines: the curated graph, then synthetic processes up to about ``scale`` quads."""
    from mig_graph.compile.dataset import compile_data

    curated = compile_data().dataset.serialize(format="nquads")
    real = sorted(line for line in curated.splitlines() if line.strip())
    yield from real
    rng = random.Random(seed)
    writer = _Writer()
    writer.lines = []
    _source(writer, 0)
    states = _states(writer)
    budget = max(0, scale - len(real) - len(writer.lines))
    processes = max(1, min(MAX_PROCESSES, budget // (QUADS_PER_PROCESS + 10 * QUADS_PER_MEETING)))
    meetings = max(1, (budget - processes * QUADS_PER_PROCESS) // (processes * QUADS_PER_MEETING))
    for number in range(processes):
        if number % 5 == 0:
            _source(writer, number // 5 + 1)
        _process(writer, rng, number, states, meetings)
        if len(writer.lines) > 100_000:
            yield from writer.lines
            writer.lines = []
    yield from writer.lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100_000, help="about this many quads")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    count = 0
    with arguments.out.open("w", encoding="utf-8") as handle:
        for line in generate(arguments.scale, arguments.seed):
            handle.write(line + "\n")
            count += 1
    print(f"{count} quads in {arguments.out}")


if __name__ == "__main__":
    main()
