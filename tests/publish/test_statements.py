"""mig_graph.publish.statements: what an entity page says, exactly, on a small graph: relations by
name, role and dates, the time model's confirmed and derived ends by the ontology's labels, conflicts."""

from __future__ import annotations

import pyoxigraph as ox

from mig_graph.publish.describe import describe
from mig_graph.publish.labels import Labels
from mig_graph.publish.statements import build_page, write_date

ID = "https://w3id.org/mig-graph/id/"
MG = "https://w3id.org/mig-graph/ontology#"
ORG = "http://www.w3.org/ns/org#"
TIME = "http://www.w3.org/2006/time#"
XSD = "http://www.w3.org/2001/XMLSchema#"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NOTE = "http://www.w3.org/2004/02/skos/core#note"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROCESS = f"{ID}process/colombo-process"
CHAIR = f"{ID}membership/process-colombo-process/chair/state-LKA"
NEXT = f"{ID}membership/process-colombo-process/chair/state-PHL"
MEMBER = f"{ID}membership/process-colombo-process/member/state-NPL"
SOURCE = f"{ID}source/colombo-page"


def _date(value: str, kind: str) -> ox.Literal:
    return ox.Literal(value, datatype=ox.NamedNode(f"{XSD}{kind}"))


def _graph() -> tuple[ox.Store, Labels]:
    """A process with a chair whose end is derived from the next chair's start, and a member whose
    membership is confirmed until 2023 (the time model's triples)."""
    iri = ox.NamedNode
    statements = [
        (PROCESS, LABEL, ox.Literal("Colombo Process", language="en")),
        (CHAIR, TYPE, iri(f"{ORG}Membership")),
        (CHAIR, f"{ORG}organization", iri(PROCESS)),
        (CHAIR, f"{ORG}member", iri(f"{ID}state/LKA")),
        (CHAIR, f"{ORG}role", iri("https://w3id.org/mig-graph/vocab/role/chair")),
        (CHAIR, f"{ORG}memberDuring", iri(f"{CHAIR}/interval/2003--2011-04")),
        (f"{CHAIR}/interval/2003--2011-04", f"{TIME}hasBeginning", iri(f"{ID}instant/2003")),
        (f"{CHAIR}/interval/2003--2011-04", f"{TIME}hasEnd", iri(f"{ID}instant/2011-04")),
        (CHAIR, f"{MG}endDerivation", iri(f"{CHAIR}/end-derivation")),
        (
            f"{CHAIR}/end-derivation",
            NOTE,
            ox.Literal("The next chair's term began in April 2011.", language="en"),
        ),
        (f"{CHAIR}/end-derivation", f"{MG}followedBy", iri(NEXT)),
        (f"{CHAIR}/end-derivation", DERIVED, iri(SOURCE)),
        (NEXT, TYPE, iri(f"{ORG}Membership")),
        (NEXT, f"{ORG}member", iri(f"{ID}state/PHL")),
        (MEMBER, TYPE, iri(f"{ORG}Membership")),
        (MEMBER, f"{ORG}organization", iri(PROCESS)),
        (MEMBER, f"{ORG}member", iri(f"{ID}state/NPL")),
        (MEMBER, f"{ORG}role", iri("https://w3id.org/mig-graph/vocab/role/member")),
        (MEMBER, f"{MG}confirmedUntil", _date("2023", "gYear")),
        (MEMBER, DERIVED, iri(SOURCE)),
        (f"{ID}instant/2003", f"{TIME}inXSDgYear", _date("2003", "gYear")),
        (f"{ID}instant/2011-04", f"{TIME}inXSDgYearMonth", _date("2011-04", "gYearMonth")),
    ]
    store = ox.Store()
    for subject, predicate, value in statements:
        store.add(ox.Quad(iri(subject), iri(predicate), value, iri(SOURCE)))
        store.add(ox.Quad(iri(subject), iri(predicate), value, ox.DefaultGraph()))
    names = {
        f"{ID}state/LKA": ("Sri Lanka", "Sri Lanka"),
        f"{ID}state/PHL": ("Philippines", "Philippines"),
        f"{ID}state/NPL": ("Nepal", "Népal"),
        "https://w3id.org/mig-graph/vocab/role/chair": ("chair", "président"),
        "https://w3id.org/mig-graph/vocab/role/member": ("member", "membre"),
        f"{MG}confirmedUntil": ("confirmed until", "confirmé jusqu'en"),
        f"{MG}endDerivation": ("end derived", "fin déduite"),
        f"{MG}followedBy": ("followed by", "suivi par"),
        SOURCE: ("Colombo Process: members", "Processus de Colombo : membres"),
    }
    labels = Labels()
    labels.add(list(store))
    labels.add(
        [
            ox.Triple(iri(subject), iri(LABEL), ox.Literal(text, language=language))
            for subject, pair in names.items()
            for language, text in zip(("en", "fr"), pair, strict=True)
        ]
    )
    return store, labels


def test_relations_show_role_dates_and_the_time_models_ends():
    store, labels = _graph()
    page = build_page(store, describe(store, PROCESS), labels, "en")
    assert [(group.label, [(v.text, v.note) for v in group.values]) for group in page.relations] == [
        ("Members", [("Nepal", "member, dates not stated")]),
        ("Chair", [("Sri Lanka", "chair, 2003 – April 2011")]),
    ]
    nepal = page.relations[0].values[0]
    assert [(d.label, [v.text for v in d.values]) for d in nepal.details] == [("confirmed until", ["2023"])]
    assert nepal.details[0].values[0].datetime == "2023"
    sri_lanka = page.relations[1].values[0]
    derived = sri_lanka.details[0]
    assert (derived.label, derived.values[0].text) == (
        "end derived",
        "The next chair's term began in April 2011.",
    )
    assert (
        derived.values[0].href == "../membership/process-colombo-process/chair/state-LKA.html#end-derivation"
    )
    assert derived.values[0].anchor == ""  # the node's anchor is on its membership's page
    assert [(d.label, [v.text for v in d.values]) for d in derived.values[0].details] == [
        ("followed by", ["Philippines"])
    ]
    assert [(r.number, r.text) for r in page.references] == [(1, "Colombo Process: members")]
    french = build_page(store, describe(store, PROCESS), labels, "fr")
    assert [(group.label, [(v.text, v.note) for v in group.values]) for group in french.relations] == [
        ("Membres", [("Népal", "membre, dates non indiquées")]),
        ("Président", [("Sri Lanka", "président, 2003 – avril 2011")]),
    ]


def test_dates_keep_their_precision():
    assert write_date(_date("2020-03", "gYearMonth"), "en") == "March 2020"
    assert write_date(_date("2020-03", "gYearMonth"), "fr") == "mars 2020"
    assert write_date(_date("2020-03-06", "date"), "en") == "6 March 2020"
    assert write_date(_date("2020-03-06", "date"), "fr") == "6 mars 2020"
    assert write_date(_date("2019", "gYear"), "fr") == "2019"
