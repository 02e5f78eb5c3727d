"""What an entity page says, in one language: statements grouped by property, relations folded in,
dependent nodes at their anchors, incoming links grouped, conflicts, numbered references.

The page reads like Wikidata's. Each property is named by the ontology's ``rdfs:label`` in the
page's language. The n-ary relations that point to the entity (:data:`mig_graph.publish.describe.N_ARY`)
are folded in by the name of their other end, with role and dates ("Members: Comoros (member,
from March 2020, end not stated)"), grouped by direction and role. Dates are written with their
precision ("March 2020", "mars 2020"); a missing end is "not stated", never "ongoing". A dependent
node (an interval, a count, an objective, a claim) is shown where its entity names it, with the
node's anchor; one named nowhere gets a part of its own. Every value cites its sources by number,
the references listed at the foot. A recorded conflict is shown on the property it is about, each
claim with its value, passage and source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

import pyoxigraph as ox

from mig_graph.namespaces import BASE, MG, compact
from mig_graph.publish.describe import N_ARY, Description
from mig_graph.publish.labels import Labels
from mig_graph.publish.messages import TEXT
from mig_graph.publish.sitepaths import page_of, relative_link
from mig_graph.rdf.resolution import LANGUAGES, owner

__all__ = ["Detail", "EntityPage", "Group", "Part", "Reference", "Shown", "build_page", "write_date"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_TIME = "http://www.w3.org/2006/time#"
_ORG = "http://www.w3.org/ns/org#"
_PROV = "http://www.w3.org/ns/prov#"
_TYPE = f"{_RDF}type"
_DERIVED = f"{_PROV}wasDerivedFrom"
_TITLES = (f"{_SKOS}prefLabel", f"{_RDFS}label")
_NOTE = f"{_SKOS}note"
_PERIODS = (f"{_ORG}memberDuring", f"{_TIME}hasTime")
_INTERVAL_ENDS = (f"{_TIME}hasBeginning", f"{_TIME}hasEnd")
_INVERSES = {_DERIVED: "source_of", "https://schema.org/superEvent": "sub_events"}
_DEFAULT_ROLES = {
    f"{_ORG}Membership": "member",
    str(MG.Participation): "participant",
}
_HEADINGS = {
    f"{_ORG}Membership": ("members", "member_of"),
    str(MG.Participation): ("participants", "took_part_in"),
    str(MG.Signature): ("signatories", "signed"),
    str(MG.Tenure): ("holders", "held"),
}
_DURATIONS = {f"{_ORG}Membership", str(MG.Tenure)}
_HANDLED_BY_CONFLICT = str(MG.conflictSubject)


@dataclass(frozen=True)
class Detail:
    """A qualifier of a value: a property's label and its values."""

    label: str
    href: str | None
    values: tuple[Shown, ...]


@dataclass(frozen=True)
class Shown:
    """A value as a page shows it: a text, maybe a link, a date (``datetime``), a language other than
    the page's, the node's anchor, a note (a relation's role and dates), qualifiers, references."""

    text: str
    href: str | None = None
    lang: str = ""
    datetime: str = ""
    anchor: str = ""
    note: str = ""
    note_href: str | None = None
    details: tuple[Detail, ...] = ()
    refs: tuple[int, ...] = ()


@dataclass
class Group:
    """A property (or a folded relation) and its values, with any conflict recorded about it."""

    label: str
    href: str | None
    values: list[Shown] = field(default_factory=list)
    conflicts: list[Shown] = field(default_factory=list)


@dataclass(frozen=True)
class Part:
    """A dependent node no statement names, with its statements."""

    anchor: str
    title: str
    groups: list[Group]
    refs: tuple[int, ...]


@dataclass(frozen=True)
class Reference:
    """A numbered reference at the foot: a source's name and page, and its address."""

    number: int
    text: str
    href: str | None
    url: str


@dataclass
class EntityPage:
    """Everything an entity page shows, in its language."""

    iri: str
    language: str
    path: str
    title: str
    other_title: str
    title_refs: tuple[int, ...]
    kinds: list[Shown]
    relations: list[Group]
    statements: list[Group]
    parts: list[Part]
    links: list[Group]
    references: list[Reference]
    text: dict[str, Any]
    switch: str


def write_date(literal: ox.Literal, language: str) -> str:
    """A date with its precision, in words: ``2020-03`` → "March 2020", "mars 2020".

    >>> write_date(ox.Literal("2020-03-01", datatype=ox.NamedNode(_XSD + "date")), "fr")
    '1er mars 2020'
    >>> write_date(ox.Literal("2019", datatype=ox.NamedNode(_XSD + "gYear")), "en")
    '2019'
    """
    text = TEXT[language]
    kind = literal.datatype.value.removeprefix(_XSD)
    parts = literal.value.split("-")
    try:
        if kind == "date" and len(parts) == 3:
            day = int(parts[2])
            return text["date_day"].format(
                day=text["day_one"] if day == 1 else day,
                month=text["months"][int(parts[1]) - 1],
                year=parts[0],
            )
        if kind == "gYearMonth" and len(parts) == 2:
            return text["date_month"].format(month=text["months"][int(parts[1]) - 1], year=parts[0])
    except (ValueError, IndexError):
        return literal.value
    return text["date_year"].format(year=literal.value) if kind == "gYear" else literal.value


class _Page:
    """The builder of one page: the description, the labels, the store for what lies beyond."""

    def __init__(
        self, store: ox.Store, description: Description, labels: Labels, language: str, path: str
    ) -> None:
        self.store = store
        self.description = description
        self.labels = labels
        self.language = language
        self.text = TEXT[language]
        self.path = path
        self.iri = description.iri
        self.by_subject: dict[str, list[ox.Triple]] = defaultdict(list)
        for triple in description.triples:
            self.by_subject[triple.subject.value].append(triple)
        self.own = set(description.subjects)
        relations = set(description.relations)
        # the subjects whose every triple the description holds (not those of incoming links only)
        self.complete = self.own | {s for s in self.by_subject if s in relations or owner(s) in relations}
        self.references: dict[str, int] = {}
        self.anchored: set[str] = set()

    # -- terms

    def cite(self, sources: list[str] | set[str]) -> tuple[int, ...]:
        """The reference numbers of these sources, numbered in the order the page first cites them."""
        numbers = []
        for source in sorted(sources):
            numbers.append(self.references.setdefault(source, len(self.references) + 1))
        return tuple(sorted(numbers))

    def href(self, iri: str) -> str | None:
        target = page_of(iri, self.language)
        if target is None:
            return iri if iri.startswith(("http://", "https://")) else None
        return relative_link(self.path, target)

    def label(self, iri: str) -> str:
        return self.labels.of(iri, self.language)

    def triples_of(self, subject: str) -> list[ox.Triple]:
        """A node's triples: from the description, else from the store (a conflict's claims)."""
        if subject in self.complete:
            return self.by_subject.get(subject, [])
        return sorted(
            {
                ox.Triple(quad.subject, quad.predicate, quad.object)
                for quad in self.store.quads_for_pattern(ox.NamedNode(subject), None, None, ox.DefaultGraph())
            },
            key=lambda t: (t.predicate.value, str(t.object)),
        )

    def sources(self, triple: ox.Triple) -> list[str]:
        if triple in self.description.sources:
            return self.description.sources[triple]
        return sorted(
            quad.graph_name.value
            for quad in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value != BASE + "vocab"
        )

    def literal(self, literal: ox.Literal, refs: tuple[int, ...] = ()) -> Shown:
        datatype = literal.datatype.value
        if literal.language:
            lang = "" if literal.language == self.language else literal.language
            return Shown(literal.value, lang=lang, refs=refs)
        if datatype in (f"{_XSD}date", f"{_XSD}gYearMonth", f"{_XSD}gYear"):
            return Shown(write_date(literal, self.language), datetime=literal.value, refs=refs)
        if datatype == f"{_XSD}boolean":
            return Shown(self.text["yes" if literal.value in ("true", "1") else "no"], refs=refs)
        if datatype == f"{_XSD}anyURI":
            return Shown(literal.value, href=literal.value, refs=refs)
        return Shown(literal.value, refs=refs)

    def date_of(self, instant: str) -> str:
        date = self.labels.dates.get(instant)
        return write_date(date, self.language) if date is not None else self.label(instant)

    def interval_text(self, interval: str) -> str | None:
        """An interval's dates in words, or None if the node is no interval."""
        ends = {t.predicate.value: t.object.value for t in self.triples_of(interval)}
        start, end = ends.get(_INTERVAL_ENDS[0]), ends.get(_INTERVAL_ENDS[1])
        if start is None and end is None:
            return None
        if start is not None and end is not None:
            first, last = self.date_of(start), self.date_of(end)
            return first if first == last else self.text["interval"].format(start=first, end=last)
        if start is not None:
            return self.text["interval_from"].format(start=self.date_of(start))
        return self.text["interval_until"].format(end=self.date_of(end or ""))

    def value(self, term: Any, refs: tuple[int, ...] = (), depth: int = 0) -> Shown:
        """How the page shows ``term``; a dependent node of this entity inline, with its anchor."""
        if isinstance(term, ox.Literal):
            return self.literal(term, refs)
        iri = term.value
        if iri in self.labels.dates:
            return Shown(self.date_of(iri), datetime=self.labels.dates[iri].value, refs=refs)
        if iri in self.own and iri != self.iri and depth < 3:
            return self.node(iri, refs, depth)
        if owner(iri) != iri:  # another entity's node: a relation's interval or derived end, a claimed date
            interval = self.interval_text(iri)
            if interval is not None:
                return Shown(interval, href=self.href(iri), refs=refs)
            if iri in self.complete and depth < 3:
                return replace(self.node(iri, refs, depth, anchored=False), href=self.href(iri))
        return Shown(self.name(iri), href=self.href(iri), refs=refs)

    def name(self, iri: str) -> str:
        """An IRI's label; a relation's (a membership followed by another) is its member's or holder's."""
        if self.labels.has(iri, self.language) or owner(iri) != iri:
            return self.label(iri)
        values = {t.predicate.value: t.object for t in self.triples_of(iri)} if iri.startswith(BASE) else {}
        kind = values.get(_TYPE)
        if kind is not None and kind.value in N_ARY:
            agent = values.get(N_ARY[kind.value][1])
            if agent is not None:
                return self.label(agent.value)
        return self.label(iri)

    def node(self, iri: str, refs: tuple[int, ...], depth: int, *, anchored: bool = True) -> Shown:
        """A dependent node shown where it is named: its summary, its other statements as qualifiers;
        the node's anchor where this page is its entity's (``anchored``), the first time."""
        triples = self.triples_of(iri)
        anchor = "" if iri in self.anchored or not anchored else iri[len(owner(iri)) + 1 :]
        if anchored:
            self.anchored.add(iri)
        consumed = {_TYPE, _DERIVED, *_TITLES, str(MG.position)}
        sources = {t.object.value for t in triples if t.predicate.value == _DERIVED}
        text = self.interval_text(iri)
        if text is not None:
            consumed.update(_INTERVAL_ENDS)
        elif any(t.predicate.value == str(MG.countValue) for t in triples):
            values = {t.predicate.value: t.object for t in triples}
            number = values[str(MG.countValue)].value
            category = values.get(str(MG.countedCategory))
            approximate = values.get(str(MG.approximate))
            if approximate is not None and approximate.value == "true":
                number = self.text["about"].format(value=number)
            text = f"{number} {self.label(category.value)}" if category is not None else number
            consumed.update({str(MG.countValue), str(MG.countedCategory), str(MG.approximate)})
        elif any(t.predicate.value in _TITLES for t in triples) or self.labels.has(iri, self.language):
            text = self.title_of(iri, triples)
        elif any(t.predicate.value == _NOTE for t in triples):  # a derived end: its note says how
            notes = self.groups([t for t in triples if t.predicate.value == _NOTE])[0].values
            text = "; ".join(note.text for note in notes)
            consumed.add(_NOTE)
        else:
            text = anchor or iri[len(owner(iri)) + 1 :]
        details = tuple(
            Detail(group.label, group.href, tuple(group.values))
            for group in self.groups([t for t in triples if t.predicate.value not in consumed], depth + 1)
        )
        return Shown(
            text, anchor=anchor, details=details, refs=tuple(sorted(set(refs) | set(self.cite(sources))))
        )

    def title_of(self, iri: str, triples: list[ox.Triple]) -> str:
        for predicate in _TITLES:
            for language in (self.language, *LANGUAGES):
                for triple in triples:
                    if triple.predicate.value == predicate and triple.object.language == language:
                        return triple.object.value
        return self.label(iri)

    # -- groups

    def groups(self, triples: list[ox.Triple], depth: int = 0) -> list[Group]:
        """Triples grouped by property, named in the page's language and sorted by name; a property's
        texts in the page's language only when it has some."""
        by_property: dict[str, list[ox.Triple]] = defaultdict(list)
        for triple in triples:
            by_property[triple.predicate.value].append(triple)
        groups = []
        for predicate, values in by_property.items():
            tagged = [t for t in values if isinstance(t.object, ox.Literal) and t.object.language]
            if any(t.object.language == self.language for t in tagged):
                values = [t for t in values if t not in tagged or t.object.language == self.language]
            values = sorted(values, key=self.position)
            group = Group(self.label(predicate), self.href(predicate))
            for triple in values:
                group.values.append(self.value(triple.object, self.cite(self.sources(triple)), depth))
            groups.append(group)
        return sorted(groups, key=lambda g: g.label.casefold())

    def position(self, triple: ox.Triple) -> tuple[int, str]:
        """Dependent nodes in their stated order (``mg:position``), then the rest by text."""
        if isinstance(triple.object, ox.NamedNode) and triple.object.value in self.own:
            for t in self.triples_of(triple.object.value):
                if t.predicate.value == str(MG.position):
                    return (int(t.object.value), "")
        return (1 << 30, str(triple.object))

    def relations(self) -> list[Group]:
        """The n-ary relations that point to the entity, by their other end: members, member of…"""
        grouped: dict[tuple[int, str], Group] = {}
        for node in self.description.relations:
            triples = self.triples_of(node)
            values = {t.predicate.value: t.object for t in triples}
            kind = next(
                t.object.value for t in triples if t.predicate.value == _TYPE and t.object.value in N_ARY
            )
            target_p, agent_p, role_p = N_ARY[kind]
            target, agent = values.get(target_p), values.get(agent_p)
            role = values.get(role_p) if role_p else None
            at_target = target is not None and target.value in self.own
            other = agent if at_target else target
            if other is None:
                continue
            heading_key = _HEADINGS[kind][0 if at_target else 1]
            order = 0 if at_target else 2
            heading = self.text[heading_key]
            default_role = _DEFAULT_ROLES.get(kind)
            if (
                at_target
                and role is not None
                and default_role
                and not role.value.endswith(f"/{default_role}")
            ):
                heading, order = self.label(role.value).capitalize(), 1
            note_parts = [self.label(role.value)] if role is not None else []
            period = next((values[p] for p in _PERIODS if p in values), None)
            if period is not None:
                note_parts.append(self.interval_text(period.value) or self.label(period.value))
            elif kind in _DURATIONS:
                note_parts.append(self.text["dates_not_stated"])
            consumed = {_TYPE, _DERIVED, target_p, agent_p, role_p, *_PERIODS}
            sources = {t.object.value for t in triples if t.predicate.value == _DERIVED}
            details = tuple(
                Detail(group.label, group.href, tuple(group.values))
                for group in self.groups([t for t in triples if t.predicate.value not in consumed], 1)
            )
            shown = Shown(
                self.label(other.value),
                href=self.href(other.value),
                note=", ".join(note_parts),
                note_href=self.href(node),
                details=details,
                refs=self.cite(sources),
            )
            group = grouped.setdefault((order, heading), Group(heading, None))
            group.values.append(shown)
        for group in grouped.values():
            group.values.sort(key=lambda shown: (shown.text.casefold(), shown.note))
        return [grouped[key] for key in sorted(grouped, key=lambda k: (k[0], k[1].casefold()))]

    def incoming(self) -> tuple[list[Group], list[ox.Triple]]:
        """Links from other resources (not the folded relations), grouped by their property's inverse;
        and the conflicts about the entity."""
        relations = set(self.description.relations)
        by_property: dict[str, list[ox.Triple]] = defaultdict(list)
        conflicts = []
        for triple in self.description.triples:
            subject = triple.subject.value
            if subject in self.own or subject in relations or owner(subject) in relations:
                continue
            if triple.predicate.value == _HANDLED_BY_CONFLICT:
                conflicts.append(triple)
                continue
            by_property[triple.predicate.value].append(triple)
        shown = {triple.subject.value for triple in conflicts}  # their claims are shown with them
        for predicate in list(by_property):
            by_property[predicate] = [
                t for t in by_property[predicate] if owner(t.subject.value) not in shown
            ]
            if not by_property[predicate]:
                del by_property[predicate]
        groups = []
        for predicate, triples in by_property.items():
            key = _INVERSES.get(predicate)
            heading = self.text[key] if key else self.text["linked_by"].format(property=self.label(predicate))
            group = Group(heading, None)
            for triple in triples:
                subject = triple.subject.value
                text = self.label(subject if self.labels.has(subject, self.language) else owner(subject))
                group.values.append(
                    Shown(text, href=self.href(subject), refs=self.cite(self.sources(triple)))
                )
            group.values.sort(key=lambda shown: (shown.text.casefold(), shown.href or ""))
            groups.append(group)
        return sorted(groups, key=lambda g: g.label.casefold()), conflicts

    def conflict(self, conflict: str) -> tuple[str, Shown]:
        """A conflict about the entity: the property it is about and how it is shown, claim by claim."""
        triples = self.triples_of(conflict)
        values = {t.predicate.value: t.object for t in triples}
        prop = values.get(str(MG.conflictProperty))
        preferred = values.get(str(MG.preferredClaim))
        claims = sorted(t.object.value for t in triples if t.predicate.value == str(MG.hasClaim))
        shown_claims = []
        for claim in claims:
            claim_values = self.triples_of(claim)
            sources = {t.object.value for t in claim_values if t.predicate.value == _DERIVED}
            claimed = [t.object for t in claim_values if t.predicate.value == str(MG.claimedValue)]
            passages = [t.object for t in claim_values if t.predicate.value == str(MG.passage)]
            text = "; ".join(
                (self.interval_text(value.value) if isinstance(value, ox.NamedNode) else None)
                or self.value(value, depth=3).text
                for value in claimed
            )
            details = tuple(
                Detail(self.text["claimed_in"], None, (self.literal(passage),)) for passage in passages
            )
            shown_claims.append(
                Shown(
                    text,
                    href=self.href(claim),
                    details=details,
                    refs=self.cite(sources),
                    note=self.text["preferred"] if preferred is not None and preferred.value == claim else "",
                )
            )
        heading = self.text["conflict"].format(property=self.label(prop.value) if prop is not None else "")
        shown = Shown(
            self.title_of(conflict, triples),
            href=self.href(conflict),
            details=(Detail(heading, None, tuple(shown_claims)),),
        )
        return (prop.value if prop is not None else ""), shown

    def build(self) -> EntityPage:
        own_triples = self.by_subject.get(self.iri, [])
        kinds = sorted(
            (
                Shown(self.label(t.object.value), href=self.href(t.object.value))
                for t in own_triples
                if t.predicate.value == _TYPE
            ),
            key=lambda shown: shown.text.casefold(),
        )
        title = (
            self.date_of(self.iri) if self.iri in self.labels.dates else self.title_of(self.iri, own_triples)
        )
        others = [language for language in LANGUAGES if language != self.language]
        other_title = next(
            (
                t.object.value
                for language in others
                for predicate in _TITLES
                for t in own_triples
                if t.predicate.value == predicate and t.object.language == language
            ),
            "",
        )
        title_refs = self.cite({t.object.value for t in own_triples if t.predicate.value == _DERIVED})
        relations = self.relations()
        statements = self.groups(
            [t for t in own_triples if t.predicate.value not in (_TYPE, _DERIVED, *_TITLES)]
        )
        links, conflicts = self.incoming()
        shown_conflicts = [self.conflict(triple.subject.value) for triple in sorted(conflicts, key=str)]
        for prop, shown in shown_conflicts:
            target = next((g for g in statements if g.label == self.label(prop)), None)
            if target is None:
                target = Group(self.label(prop), self.href(prop))
                statements.append(target)
            target.conflicts.append(shown)
        parts = []
        for subject in self.description.subjects[1:]:
            if subject in self.anchored:
                continue
            shown = self.node(subject, (), 1)
            groups = [Group(detail.label, detail.href, list(detail.values)) for detail in shown.details]
            parts.append(Part(shown.anchor, shown.text, groups, shown.refs))
        references = [self.reference(source, number) for source, number in self.references.items()]
        switch_language = others[0]
        switch = page_of(self.iri, switch_language) or ""
        return EntityPage(
            iri=self.iri,
            language=self.language,
            path=self.path,
            title=title if title != compact(self.iri) else self.label(self.iri),
            other_title=other_title if other_title != title else "",
            title_refs=title_refs,
            kinds=kinds,
            relations=relations,
            statements=statements,
            parts=parts,
            links=links,
            references=sorted(references, key=lambda r: r.number),
            text=self.text,
            switch=relative_link(self.path, switch),
        )

    def reference(self, source: str, number: int) -> Reference:
        url = next(
            (
                quad.object.value
                for quad in self.store.quads_for_pattern(
                    ox.NamedNode(source), ox.NamedNode(str(MG.sourceUrl)), None, ox.DefaultGraph()
                )
            ),
            "",
        )
        return Reference(number, self.label(source), self.href(source), url)


def build_page(store: ox.Store, description: Description, labels: Labels, language: str) -> EntityPage:
    """What the page of ``description``'s entity shows in ``language``.

    Parameters
    ----------
    store : pyoxigraph.Store
        The graph (for the sources' addresses and the claims of conflicts).
    description : Description
        The entity's description.
    labels : Labels
        The labels of every IRI and the dates of the instants.
    language : str
        One of :data:`mig_graph.rdf.resolution.LANGUAGES`.

    Returns
    -------
    EntityPage
        The page's content.
    """
    path = page_of(description.iri, language) or "index.html"
    return _Page(store, description, labels, language, path).build()
