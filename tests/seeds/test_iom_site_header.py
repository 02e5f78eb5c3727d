"""The IOM site header that every seed page repeats ("Qui sommes nous", "Structure", "Notre travail").

Each of the five seeds states these facts, so each fact must sit in all five seed graphs.
"""

from __future__ import annotations

import pytest

ID = "https://w3id.org/mig-graph/id/"
INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
SEEDS = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]
# A FILTER that keeps a pattern only when all five seed graphs state it.
IN_ALL_SEEDS = """
  FILTER NOT EXISTS {{
    VALUES ?seed {{ {seeds} }}
    FILTER NOT EXISTS {{ GRAPH ?seed {{ {pattern} }} }}
  }}
"""


def in_all_seeds(pattern):
    seeds = " ".join(f"<{ID}source/{seed}>" for seed in SEEDS)
    return IN_ALL_SEEDS.format(seeds=seeds, pattern=pattern)


def test_iom_labels_and_acronyms_in_french_and_english(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?p), "#") AS ?field) ?text (LANG(?text) AS ?lang) WHERE {
          VALUES ?p { rdfs:label mg:acronym }
          <https://w3id.org/mig-graph/id/org/iom> ?p ?text .
        } ORDER BY ?field ?lang
        """
    )
    assert rows == [
        ("acronym", "IOM", "en"),
        ("acronym", "OIM", "fr"),
        ("label", "International Organization for Migration", "en"),
        ("label", "Organisation internationale pour les migrations", "fr"),
    ]


def test_iom_is_an_intergovernmental_organisation_stated_by_all_five_seeds(select):
    rows = select(
        """
        SELECT ?type WHERE {
          <https://w3id.org/mig-graph/id/org/iom> a ?type .
        """
        + in_all_seeds("<https://w3id.org/mig-graph/id/org/iom> a ?type")
        + "} ORDER BY ?type"
    )
    assert rows == [
        ("http://www.w3.org/ns/org#FormalOrganization",),
        ("https://w3id.org/mig-graph/ontology#IntergovernmentalOrganisation",),
    ]


def test_iom_wikidata_item_q472311_cited_to_supraverden(select):
    rows = select(
        """
        SELECT ?item ?graph WHERE {
          GRAPH ?graph { <https://w3id.org/mig-graph/id/org/iom> mg:wikidata ?item }
        }
        """
    )
    assert rows == [
        ("http://www.wikidata.org/entity/Q472311", "https://w3id.org/mig-graph/id/source/supraverden-bodies")
    ]


def test_iom_founded_1951_as_year_with_no_end(select):
    rows = select(
        """
        SELECT ?year (DATATYPE(?year) AS ?type) ?precision ?end WHERE {
          <https://w3id.org/mig-graph/id/org/iom> time:hasTime ?interval .
          ?interval time:hasBeginning ?start .
          ?start time:inXSDgYear ?year ; mg:precision ?precision .
          OPTIONAL { ?interval time:hasEnd ?end }
        """
        + in_all_seeds("<https://w3id.org/mig-graph/id/org/iom> time:hasTime ?interval")
        + "}"
    )
    assert rows == [
        ("1951", "http://www.w3.org/2001/XMLSchema#gYear", "http://www.w3.org/2006/time#unitYear", None)
    ]


def test_iom_counts_175_member_states_and_171_countries_in_each_seed_graph(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?graph), STR(id:)) AS ?source) (STRAFTER(STR(?category), "/count/") AS ?what)
               ?value (DATATYPE(?value) AS ?type) ?approximate WHERE {
          GRAPH ?graph {
            <https://w3id.org/mig-graph/id/org/iom> mg:hasStatedCount ?count .
            ?count a mg:StatedCount ; mg:countedCategory ?category ; mg:countValue ?value ;
                   mg:approximate ?approximate .
          }
        } ORDER BY ?source ?what
        """
    )
    assert rows == [
        ("source/seed-000", "countries-of-presence", "171", INTEGER, "false"),
        ("source/seed-000", "member-states", "175", INTEGER, "false"),
        ("source/seed-001", "countries-of-presence", "171", INTEGER, "false"),
        ("source/seed-001", "member-states", "175", INTEGER, "false"),
        ("source/seed-002", "countries-of-presence", "171", INTEGER, "false"),
        ("source/seed-002", "member-states", "175", INTEGER, "false"),
        ("source/seed-002", "observer-states", "8", INTEGER, "false"),
        ("source/seed-003", "countries-of-presence", "171", INTEGER, "false"),
        ("source/seed-003", "member-states", "175", INTEGER, "false"),
        ("source/seed-004", "countries-of-presence", "171", INTEGER, "false"),
        ("source/seed-004", "member-states", "175", INTEGER, "false"),
    ]


@pytest.mark.parametrize("category, value", [("member-states", 175), ("countries-of-presence", 171)])
def test_each_header_count_node_is_in_all_five_seed_graphs(ask, category, value):
    count = f"<{ID}org/iom/count/{category}-{value}>"
    assert ask(
        f"""
        ASK {{
          <https://w3id.org/mig-graph/id/org/iom> mg:hasStatedCount {count} .
          {count} mg:countValue {value} .
        """
        + in_all_seeds(f"{count} a mg:StatedCount ; mg:countValue {value} ; prov:wasDerivedFrom ?seed")
        + "}"
    )


def test_iom_is_a_member_of_the_un_system_according_to_all_five_seeds(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?system), STR(id:)) AS ?ref) ?type ?label ?role WHERE {
          ?m a org:Membership ; org:member <https://w3id.org/mig-graph/id/org/iom> ;
             org:organization ?system ; org:role ?role .
          ?system a ?type ; rdfs:label ?label .
          FILTER(?type != org:FormalOrganization && LANG(?label) = "fr")
        """
        + in_all_seeds("?m org:member <https://w3id.org/mig-graph/id/org/iom> ; org:organization ?system")
        + "}"
    )
    assert rows == [
        (
            "org/un-system",
            "https://w3id.org/mig-graph/ontology#OrganisationSystem",
            "Système des Nations Unies",
            "https://w3id.org/mig-graph/vocab/role/member",
        )
    ]


def test_the_three_posts_of_the_iom_structure(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?post), STR(id:)) AS ?ref) (STRAFTER(STR(?role), "/role/") AS ?r) ?label ?written
        WHERE {
          ?post a org:Post ; org:postIn <https://w3id.org/mig-graph/id/org/iom> ; org:role ?role ;
                rdfs:label ?label ; skos:hiddenLabel ?written .
          FILTER(LANG(?label) = "fr")
        """
        + in_all_seeds("?post org:postIn <https://w3id.org/mig-graph/id/org/iom> ; org:role ?role")
        + "} ORDER BY ?ref"
    )
    # the post's label is neutral (Directors General have been men and women); the header's wording is kept
    assert rows == [
        (
            "post/iom-deputy-director-general-management-reform",
            "deputy-director-general",
            "Directeur général adjoint ou directrice générale adjointe chargé(e) de la gestion et des"
            " réformes",
            "Directrice générale adjointe chargée de la gestion et des réformes",
        ),
        (
            "post/iom-deputy-director-general-operations",
            "deputy-director-general",
            "Directeur général adjoint ou directrice générale adjointe chargé(e) des opérations",
            "Directrice générale adjointe chargée des opérations",
        ),
        (
            "post/iom-director-general",
            "director-general",
            "Directeur général ou directrice générale de l'OIM",
            "Directrice générale de l'OIM",
        ),
    ]


def test_the_three_offices_are_units_of_iom(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?unit), STR(id:)) AS ?ref) ?label WHERE {
          ?unit a org:OrganizationalUnit ; org:unitOf <https://w3id.org/mig-graph/id/org/iom> ;
                rdfs:label ?label .
          FILTER(LANG(?label) = "fr")
        """
        + in_all_seeds("?unit a org:OrganizationalUnit ; org:unitOf <https://w3id.org/mig-graph/id/org/iom>")
        + "} ORDER BY ?ref"
    )
    assert rows == [
        ("org/iom-office-chief-of-staff", "Bureau du Chef de Cabinet"),
        (
            "org/iom-office-partnerships-advocacy-communication",
            "Bureau des partenariats, de la sensibilisation et de la communication",
        ),
        (
            "org/iom-office-strategy-institutional-performance",
            "Bureau de la stratégie et de la performance institutionnelle",
        ),
    ]


def test_iom_refers_to_the_2030_agenda_in_all_five_seeds(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?framework), STR(id:)) AS ?ref) ?alt WHERE {
          <https://w3id.org/mig-graph/id/org/iom> mg:refersTo ?framework .
          ?framework a mg:PolicyFramework ; skos:altLabel ?alt .
          FILTER(LANG(?alt) = "fr")
        """
        + in_all_seeds("<https://w3id.org/mig-graph/id/org/iom> mg:refersTo ?framework")
        + "}"
    )
    assert rows == [("framework/agenda-2030", "Programme 2030")]


def test_the_five_seed_sources_with_file_language_and_publisher(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?source), STR(id:)) AS ?ref) ?file ?identifier ?language ?publisher WHERE {
          ?source a mg:SeedDocument , prov:Entity ; mg:seedFile ?file ; dcterms:identifier ?identifier ;
                  dcterms:language ?language ; dcterms:publisher ?publisher .
        } ORDER BY ?ref
        """
    )
    fr = "http://id.loc.gov/vocabulary/iso639-1/fr"
    iom = f"{ID}org/iom"
    assert rows == [
        ("source/seed-000", "000_228cfda1f3490ab3.txt", "000_228cfda1f3490ab3.txt", fr, iom),
        ("source/seed-001", "001_74333b11524d335f.txt", "001_74333b11524d335f.txt", fr, iom),
        ("source/seed-002", "002_a0c5e060f0267dbc.txt", "002_a0c5e060f0267dbc.txt", fr, iom),
        ("source/seed-003", "003_1e992240f71259e8.txt", "003_1e992240f71259e8.txt", fr, iom),
        ("source/seed-004", "004_fea83b6aa0f0de18.txt", "004_fea83b6aa0f0de18.txt", fr, iom),
    ]


@pytest.mark.parametrize(
    "seed, kind",
    [
        ("seed-000", "web-page"),
        ("seed-001", "web-page"),
        ("seed-002", "press-release"),
        ("seed-003", "news-release"),
        ("seed-004", "web-page"),
    ],
)
def test_seed_source_document_kind(select, seed, kind):
    rows = select(f"SELECT ?kind WHERE {{ <{ID}source/{seed}> mg:documentKind ?kind }}")
    assert rows == [(f"https://w3id.org/mig-graph/vocab/document-kind/{kind}",)]
