"""Seed 003: IOM's news item on the ministerial meeting in Lima and the Lima Declaration (May 2006).

The 24 countries present and signing, the 10 organisations, the declaration's content, the planned
UN High-Level Dialogue and next meeting in Morocco, the dates cited to outside sources, the 24-vs-27
attendance conflict, and the absence of the contact's phone number and e-mail address.
"""

from __future__ import annotations

import pytest

ID = "https://w3id.org/mig-graph/id/"
LIMA = f"<{ID}meeting/lima-ministerial-2006>"
DECLARATION = f"<{ID}document/lima-declaration-2006>"
SEED = f"<{ID}source/seed-003>"

# The countries as the page lists them, with their ISO 3166-1 alpha-3 codes.
COUNTRIES = [
    ("DZA", "l'Algérie"),
    ("BOL", "la Bolivie"),
    ("BRA", "le Brésil"),
    ("COL", "la Colombie"),
    ("CHN", "la Chine"),
    ("DOM", "la République dominicaine"),
    ("ECU", "l'Equateur"),
    ("EGY", "l'Egypte"),
    ("SLV", "l'El Salvador"),
    ("PHL", "les Philippines"),
    ("GTM", "le Guatemala"),
    ("IND", "l'Inde"),
    ("IDN", "l'Indonésie"),
    ("JAM", "la Jamaïque"),
    ("MAR", "le Maroc"),
    ("MEX", "le Mexique"),
    ("NGA", "le Nigéria"),
    ("PAK", "le Pakistan"),
    ("PRY", "le Paraguay"),
    ("PER", "le Pérou"),
    ("LKA", "le Sri Lanka"),
    ("ZAF", "l'Afrique du Sud"),
    ("THA", "la Thaïlande"),
    ("VNM", "le Vietnam"),
]
SORTED_ISO3 = [
    ("BOL",),
    ("BRA",),
    ("CHN",),
    ("COL",),
    ("DOM",),
    ("DZA",),
    ("ECU",),
    ("EGY",),
    ("GTM",),
    ("IDN",),
    ("IND",),
    ("JAM",),
    ("LKA",),
    ("MAR",),
    ("MEX",),
    ("NGA",),
    ("PAK",),
    ("PER",),
    ("PHL",),
    ("PRY",),
    ("SLV",),
    ("THA",),
    ("VNM",),
    ("ZAF",),
]


def test_the_24_countries_present(select):
    rows = select(
        f"""
        SELECT ?iso3 WHERE {{
          ?p a mg:Participation ; mg:inEvent {LIMA} ;
             mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
             mg:participant ?state .
          ?state a mg:State ; mg:iso3166Alpha3 ?iso3 .
        }} ORDER BY ?iso3
        """
    )
    assert rows == SORTED_ISO3


def test_the_same_24_countries_signed_the_lima_declaration(select):
    rows = select(
        f"""
        SELECT ?iso3 WHERE {{
          ?signature a mg:Signature ; mg:signedDocument {DECLARATION} ; mg:signatory/mg:iso3166Alpha3 ?iso3 ;
                     prov:wasDerivedFrom {SEED} .
        }} ORDER BY ?iso3
        """
    )
    assert rows == SORTED_ISO3


def test_every_signature_is_dated_may_2006_as_year_month(select):
    rows = select(
        f"""
        SELECT ?date (DATATYPE(?date) AS ?type) (COUNT(?signature) AS ?n) WHERE {{
          ?signature mg:signedDocument {DECLARATION} ; mg:signedOn/time:inXSDgYearMonth ?date .
        }} GROUP BY ?date
        """
    )
    assert rows == [("2006-05", "http://www.w3.org/2001/XMLSchema#gYearMonth", "24")]


@pytest.mark.parametrize("iso3, as_written", COUNTRIES)
def test_country_keeps_the_seed_wording(select, iso3, as_written):
    rows = select(
        f"""
        SELECT ?hidden WHERE {{ GRAPH {SEED} {{ <{ID}state/{iso3}> skos:hiddenLabel ?hidden }} }}
        """
    )
    assert rows == [(as_written,)]


def test_the_10_organisations_present(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?org), STR(id:)) AS ?ref) WHERE {{
          ?p mg:inEvent {LIMA} ; mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
             mg:participant ?org .
          ?org a org:FormalOrganization .
        }} ORDER BY ?ref
        """
    )
    assert rows == [
        ("org/andean-community",),
        ("org/eclac",),
        ("org/ilo",),
        ("org/iom",),
        ("org/oid",),
        ("org/segib",),
        ("org/undp",),
        ("org/unesco",),
        ("org/unfpa",),
        ("org/unodc",),
    ]


@pytest.mark.parametrize(
    "slug, french_acronym",
    [
        ("eclac", "CEPALC"),
        ("ilo", "OIT"),
        ("unodc", "ONUDC"),
        ("undp", "PNUD"),
        ("andean-community", "CAN"),
        ("segib", "SEGIB"),
        ("unesco", "UNESCO"),
        ("unfpa", "FNUAP"),
    ],
)
def test_organisation_french_acronym_as_on_the_page(select, slug, french_acronym):
    rows = select(
        f"""
        SELECT ?acronym WHERE {{ <{ID}org/{slug}> mg:acronym ?acronym . FILTER(LANG(?acronym) = "fr") }}
        """
    )
    assert rows == [(french_acronym,)]


def test_oid_is_kept_unresolved(select):
    rows = select(
        """
        SELECT ?label ?unresolved (DATATYPE(?unresolved) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/org/oid> mg:unresolved ?unresolved ; rdfs:label ?label .
          FILTER(LANG(?label) = "fr")
        }
        """
    )
    assert rows == [("OID", "true", "http://www.w3.org/2001/XMLSchema#boolean")]


def test_brunson_mckinley_took_part_as_iom_director_general_attested_may_2006(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?post), STR(id:)) AS ?p) ?date (DATATYPE(?date) AS ?type)
               (STRAFTER(STR(?graph), STR(id:)) AS ?src) WHERE {{
          ?participation mg:inEvent {LIMA} ;
                         mg:participant <https://w3id.org/mig-graph/id/person/brunson-mckinley> .
          ?tenure a mg:Tenure ; mg:holder <https://w3id.org/mig-graph/id/person/brunson-mckinley> ;
                  mg:heldPost ?post .
          ?post org:postIn <https://w3id.org/mig-graph/id/org/iom> ;
                org:role <https://w3id.org/mig-graph/vocab/role/director-general> .
          GRAPH ?graph {{ ?tenure mg:attestedOn ?instant }}
          ?instant time:inXSDgYearMonth ?date .
        }} ORDER BY ?src
        """
    )
    year_month = "http://www.w3.org/2001/XMLSchema#gYearMonth"
    assert rows == [
        ("post/iom-director-general", "2006-05", year_month, "source/notimerica-lima-2006-05-16"),
    ]


def test_lima_meeting_is_a_ministerial_meeting_in_lima_peru_first_of_a_series(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?kind), "/meeting-kind/") AS ?k) ?country
               (STRAFTER(STR(?series), STR(id:)) AS ?s) WHERE {{
          {LIMA} mg:meetingKind ?kind ; schema:location/mg:inCountry/mg:iso3166Alpha3 ?country ;
                 schema:superEvent ?series .
          ?series a mg:MeetingSeries .
        }}
        """
    )
    assert rows == [("ministerial", "PER", "series/high-emigration-ministerial-meetings")]


def test_lima_meeting_dates_are_cited_to_outside_sources_only(dates_by_source):
    assert dates_by_source(LIMA) == [
        (
            "source/notimerica-lima-2006-05-16",
            "2006-05-15",
            "http://www.w3.org/2001/XMLSchema#date",
            "2006-05-16",
        ),
        (
            "source/un-desa-lima-2006-statement",
            "2006-05-15",
            "http://www.w3.org/2001/XMLSchema#date",
            "2006-05-16",
        ),
    ]


def test_declaration_adopted_at_lima_and_presented_at_the_un_high_level_dialogue(select):
    rows = select(
        f"""
        SELECT ?type (STRAFTER(STR(?adopted), STR(id:)) AS ?at) (STRAFTER(STR(?presented), STR(id:)) AS ?to)
        WHERE {{
          {DECLARATION} a ?type ; mg:adoptedAt ?adopted ; mg:presentedAt ?presented .
          FILTER(?type != mg:Document)
        }}
        """
    )
    assert rows == [
        (
            "https://w3id.org/mig-graph/ontology#Declaration",
            "meeting/lima-ministerial-2006",
            "meeting/un-hld-2006",
        )
    ]


def test_declaration_date_16_may_2006_cited_to_the_un_statement(select):
    rows = select(
        f"""
        SELECT ?date (DATATYPE(?date) AS ?type) (STRAFTER(STR(?graph), STR(id:)) AS ?src) WHERE {{
          GRAPH ?graph {{ {DECLARATION} dcterms:date ?date }}
        }}
        """
    )
    assert rows == [
        ("2006-05-16", "http://www.w3.org/2001/XMLSchema#date", "source/un-desa-lima-2006-statement")
    ]


def test_three_provisions_of_the_declaration(select):
    rows = select(
        f"""
        SELECT ?position ?label WHERE {{
          {DECLARATION} mg:hasProvision ?provision .
          ?provision a mg:Provision ; mg:position ?position ; rdfs:label ?label .
          FILTER(LANG(?label) = "fr")
        }} ORDER BY ?position
        """
    )
    assert rows == [
        ("1", "Renforcer la collaboration en matière de politique migratoire"),
        ("2", "Respecter les cadres légaux nationaux et internationaux en matière de migration"),
        ("3", "Les pays de destination doivent faciliter les transferts de fonds"),
    ]


FRAMEWORKS = [
    ("framework/migrant-workers-convention",),
    ("framework/smuggling-of-migrants-protocol",),
    ("framework/trafficking-in-persons-protocol",),
    ("framework/untoc",),
]


@pytest.mark.parametrize(
    "subject", ["document/lima-declaration-2006", "document/lima-declaration-2006/provision/2"]
)
def test_declaration_and_its_legal_frameworks_provision_refer_to_two_conventions_and_two_protocols(
    select, subject
):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?framework), STR(id:)) AS ?ref) WHERE {{
          <{ID}{subject}> mg:refersTo ?framework
        }} ORDER BY ?ref
        """
    )
    assert rows == FRAMEWORKS


def test_two_conventions_and_two_protocols_part_of_untoc(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?framework), STR(id:)) AS ?ref) ?convention
               (STRAFTER(STR(?whole), STR(id:)) AS ?part_of) WHERE {{
          {DECLARATION} mg:refersTo ?framework .
          BIND(EXISTS {{ ?framework a mg:InternationalConvention }} AS ?convention)
          OPTIONAL {{ ?framework dcterms:isPartOf ?whole }}
        }} ORDER BY ?ref
        """
    )
    assert rows == [
        ("framework/migrant-workers-convention", "true", None),
        ("framework/smuggling-of-migrants-protocol", "false", "framework/untoc"),
        ("framework/trafficking-in-persons-protocol", "false", "framework/untoc"),
        ("framework/untoc", "true", None),
    ]


def test_migrant_workers_convention_keeps_the_seed_wording(select):
    rows = select(
        """
        SELECT ?hidden WHERE {
          <https://w3id.org/mig-graph/id/framework/migrant-workers-convention> skos:hiddenLabel ?hidden
        }
        """
    )
    assert rows == [
        (
            "Convention internationale sur la protection des droits humains "
            "de tous les travailleurs migrants et des membres de leurs familles",
        )
    ]


def test_lima_meeting_feeds_into_the_un_high_level_dialogue(ask):
    assert ask(f"ASK {{ {LIMA} mg:feedsInto <https://w3id.org/mig-graph/id/meeting/un-hld-2006> }}")


def test_un_high_level_dialogue_planned_in_new_york_september_2006_with_a_date_note(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?status), "/status/") AS ?s) ?country ?start (DATATYPE(?start) AS ?type) ?end
               ?note (STRAFTER(STR(?organiser), STR(id:)) AS ?by) WHERE {
          <https://w3id.org/mig-graph/id/meeting/un-hld-2006> mg:status ?status ;
              schema:location/mg:inCountry/mg:iso3166Alpha3 ?country ; time:hasTime ?interval .
          ?interval time:hasBeginning/time:inXSDgYearMonth ?start ; time:hasEnd/time:inXSDgYearMonth ?end ;
                    mg:dateNote ?note .
          ?p mg:inEvent <https://w3id.org/mig-graph/id/meeting/un-hld-2006> ;
             mg:participationRole <https://w3id.org/mig-graph/vocab/role/organiser> ;
             mg:participant ?organiser .
        }
        """
    )
    assert rows == [
        (
            "planned",
            "USA",
            "2006-09",
            "http://www.w3.org/2001/XMLSchema#gYearMonth",
            "2006-09",
            'The page says "en septembre prochain"; the year is that of the Lima meeting (May 2006),'
            " given by a news report of 16 May 2006.",
            "org/united-nations",
        )
    ]


def test_next_meeting_planned_in_morocco_in_2007(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?status), "/status/") AS ?s) ?country ?year (DATATYPE(?year) AS ?type)
               (STRAFTER(STR(?series), STR(id:)) AS ?part_of) WHERE {
          <https://w3id.org/mig-graph/id/meeting/high-emigration-ministerial-2007-morocco> mg:status ?status ;
              schema:location/mg:iso3166Alpha3 ?country ; schema:superEvent ?series ;
              time:hasTime/time:hasBeginning/time:inXSDgYear ?year .
        }
        """
    )
    assert rows == [
        (
            "planned",
            "MAR",
            "2007",
            "http://www.w3.org/2001/XMLSchema#gYear",
            "series/high-emigration-ministerial-meetings",
        )
    ]


def test_attendance_conflict_24_countries_on_the_page_27_in_the_news_report(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?claim), "/claim/") AS ?n) (STRAFTER(STR(?category), "/count/") AS ?what) ?value
               ?passage (LANG(?passage) AS ?lang) (STRAFTER(STR(?source), STR(id:)) AS ?src) WHERE {{
          ?conflict a mg:Conflict ; mg:conflictSubject {LIMA} ; mg:conflictProperty mg:hasStatedCount ;
                    mg:hasClaim ?claim .
          ?claim mg:claimedValue ?count ; mg:passage ?passage ; prov:wasDerivedFrom ?source .
          ?count mg:countedCategory ?category ; mg:countValue ?value .
        }} ORDER BY ?n
        """
    )
    assert rows == [
        (
            "1",
            "countries-present",
            "24",
            "Ci-après la liste des pays présents à cette réunion",
            "fr",
            "source/seed-003",
        ),
        (
            "2",
            "countries-present",
            "27",
            "Representantes de 27 países en desarrollo iniciaron hoy lunes en Lima reuniones",
            "es",
            "source/notimerica-lima-2006-05-16",
        ),
    ]


def test_counts_stated_by_the_seed(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?category), "/count/") AS ?what) ?value WHERE {{
          GRAPH {SEED} {{
            {LIMA} mg:hasStatedCount ?count .
            ?count mg:countedCategory ?category ; mg:countValue ?value .
          }}
        }} ORDER BY ?what
        """
    )
    assert rows == [
        ("countries-present", "24"),
        ("organisations-present", "10"),
        ("signatory-countries", "24"),
    ]


def test_dolores_cortes_is_linked_to_iom_lima(ask):
    """The page names the contact as "Dolores Cortés / IOM Lima" (linked directly or through a node)."""
    person = "<https://w3id.org/mig-graph/id/person/dolores-cortes>"
    unit = "<https://w3id.org/mig-graph/id/org/iom-office-lima>"
    assert ask(f"ASK {{ {{ {person} ?p {unit} }} UNION {{ ?link ?p1 {person} ; ?p2 {unit} }} }}")


def test_iom_lima_is_an_iom_unit_based_in_lima(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?parent), STR(id:)) AS ?unit_of) (STRAFTER(STR(?place), STR(id:)) AS ?based_at)
        WHERE {
          <https://w3id.org/mig-graph/id/org/iom-office-lima> a org:OrganizationalUnit ; org:unitOf ?parent ;
              org:basedAt ?place .
        }
        """
    )
    assert rows == [("org/iom", "place/lima")]


@pytest.mark.parametrize("fragment", ["dcortes", "@iom.int", "7209", "+51"])
def test_no_phone_number_or_e_mail_of_the_contact_in_the_graph(ask, fragment):
    assert not ask(f'ASK {{ ?s ?p ?o . FILTER(isLiteral(?o) && CONTAINS(STR(?o), "{fragment}")) }}')
