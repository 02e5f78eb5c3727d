"""The names a page gives to the IRIs it shows, read once from the store and the ontology.

Every labelled IRI keeps its English and French label (``skos:prefLabel`` first, else
``rdfs:label``; the ontology's ``rdfs:label`` for its classes and for the properties it uses,
reused ones included), and every instant its date with its precision (the datatype of its
``time:inXSD…`` value).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from mig_graph import paths
from mig_graph.namespaces import compact

__all__ = ["Labels", "read_labels"]

_LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
)
_TIME = "http://www.w3.org/2006/time#"
_DATES = (f"{_TIME}inXSDDate", f"{_TIME}inXSDgYearMonth", f"{_TIME}inXSDgYear")


@dataclass
class Labels:
    """Labels by language (``{"en": {iri: label}, "fr": {…}}``) and the date of every instant."""

    by_language: dict[str, dict[str, str]] = field(default_factory=lambda: {"en": {}, "fr": {}})
    dates: dict[str, ox.Literal] = field(default_factory=dict)

    def of(self, iri: str, language: str = "en") -> str:
        """The IRI's label in ``language``, else in the other language, else its compact form.

        >>> Labels({"en": {}, "fr": {"x:y": "lieu"}}).of("x:y")
        'lieu'
        """
        label = self.by_language.get(language, {}).get(iri)
        if label:
            return label
        for other in sorted(self.by_language):
            if self.by_language[other].get(iri):
                return self.by_language[other][iri]
        return compact(iri)

    def has(self, iri: str, language: str) -> bool:
        """Whether the IRI has a label in ``language``."""
        return iri in self.by_language.get(language, {})

    def add(self, quads: list[ox.Quad] | list[ox.Triple]) -> None:
        """Take the labels and instants' dates of these statements (the first label of each language
        in the order of :data:`_LABELS`, then by text, wins)."""
        candidates: dict[tuple[str, str], tuple[int, str]] = {}
        for quad in quads:
            predicate = quad.predicate.value
            if not isinstance(quad.subject, ox.NamedNode):
                continue
            if predicate in _LABELS and isinstance(quad.object, ox.Literal):
                language = quad.object.language or ""
                if language in self.by_language:
                    key = (quad.subject.value, language)
                    rank = (_LABELS.index(predicate), quad.object.value)
                    if key not in candidates or rank < candidates[key]:
                        candidates[key] = rank
            elif predicate in _DATES and isinstance(quad.object, ox.Literal):
                self.dates[quad.subject.value] = quad.object
        for (iri, language), (_, text) in candidates.items():
            self.by_language[language].setdefault(iri, text)


def read_labels(store: ox.Store) -> Labels:
    """The labels of the graph's IRIs and of the ontology's terms, and the instants' dates."""
    labels = Labels()
    for predicate in (*_LABELS, *_DATES):
        labels.add(list(store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.DefaultGraph())))
    ontology = list(ox.parse(path=str(paths.ontology_file()), format=ox.RdfFormat.TURTLE))
    labels.add(ontology)
    return labels
