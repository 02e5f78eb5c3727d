"""Seed 001: the global meeting of regional consultative processes (RCPs), 4-5 June 2009.

Organisers, co-chairs, the 13 RCPs present, the seven sessions, the opening speakers, the
announced evaluation, the link to the GFMD and the 13 meeting documents.  The page does not
name the city: Bangkok is cited to another IOM page.
"""

from __future__ import annotations

import pytest

ID = "https://w3id.org/mig-graph/id/"
MEETING = f"<{ID}meeting/global-rcp-meeting-2009>"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"

RCPS = [
    "abu-dhabi-dialogue",
    "apc",
    "bali-process",
    "budapest-process",
    "colombo-process",
    "igad-rcp",
    "igc",
    "midsa",
    "midwa",
    "mtm-dialogue",
    "puebla-process",
    "sacm",
    "soderkoping-process",
]


def test_held_4_to_5_june_2009_as_xsd_dates(select):
    rows = select(
        f"""
        SELECT ?start (DATATYPE(?start) AS ?start_type) ?end (DATATYPE(?end) AS ?end_type) ?precision WHERE {{
          {MEETING} time:hasTime ?interval .
          ?interval time:hasBeginning ?b ; time:hasEnd ?e .
          ?b time:inXSDDate ?start ; mg:precision ?precision .
          ?e time:inXSDDate ?end .
        }}
        """
    )
    assert rows == [("2009-06-04", XSD_DATE, "2009-06-05", XSD_DATE, "http://www.w3.org/2006/time#unitDay")]


def test_global_meeting_kind_and_labels(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?kind), "/meeting-kind/") AS ?k) ?label (LANG(?label) AS ?lang) WHERE {{
          {MEETING} a mg:Meeting ; mg:meetingKind ?kind ; rdfs:label ?label .
        }} ORDER BY ?lang
        """
    )
    assert rows == [
        ("global-meeting", "Global Meeting of Regional Consultative Processes on Migration", "en"),
        ("global-meeting", "Réunion mondiale des processus consultatifs régionaux sur la migration", "fr"),
    ]


def test_place_bangkok_is_cited_to_the_external_iom_page_only(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?graph), STR(id:)) AS ?src) (STRAFTER(STR(?place), STR(id:)) AS ?ref) ?country
        WHERE {{
          GRAPH ?graph {{ {MEETING} schema:location ?place }}
          ?place mg:inCountry/mg:iso3166Alpha3 ?country .
        }}
        """
    )
    assert rows == [("source/iom-2011-global-iscm-consultation", "place/bangkok", "THA")]


def test_bangkok_place_record_is_not_in_the_seed_graph(ask):
    assert not ask(
        """
        ASK { GRAPH <https://w3id.org/mig-graph/id/source/seed-001> {
          <https://w3id.org/mig-graph/id/place/bangkok> ?p ?o } }
        """
    )


PARTICIPANTS_IN_ROLE = """
    SELECT (STRAFTER(STR(?agent), STR(id:)) AS ?ref) WHERE {
      ?p a mg:Participation ; mg:inEvent <https://w3id.org/mig-graph/id/%s> ;
         mg:participationRole <https://w3id.org/mig-graph/vocab/role/%s> ; mg:participant ?agent .
    } ORDER BY ?ref
"""


@pytest.mark.parametrize(
    "event, role, agents",
    [
        ("meeting/global-rcp-meeting-2009", "organiser", ["org/iom", "state/THA"]),
        ("meeting/global-rcp-meeting-2009", "co-chair", ["org/iom", "org/thailand-mfa"]),
        (
            "meeting/global-rcp-meeting-2009/session/1",
            "opening-speaker",
            ["person/panich-vikitsreth", "person/william-lacy-swing"],
        ),
        ("meeting/global-rcp-meeting-2009/session/7", "closing-speaker", ["org/iom", "org/thailand-mfa"]),
    ],
)
def test_agents_in_role(select, event, role, agents):
    assert select(PARTICIPANTS_IN_ROLE % (event, role)) == [(agent,) for agent in agents]


def test_thirteen_rcps_took_part(select):
    rows = select(
        f"""
        SELECT ?agent WHERE {{
          ?p mg:inEvent {MEETING} ; mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
             mg:participant ?agent .
        }} ORDER BY ?agent
        """
    )
    assert rows == [(f"{ID}process/{slug}",) for slug in RCPS]


def test_each_participating_process_is_an_rcp_with_its_regions(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?process), "/process/") AS ?rcp) (STRAFTER(STR(?region), "/region/") AS ?r)
        WHERE {{
          ?p mg:inEvent {MEETING} ; mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
             mg:participant ?process .
          ?process a mg:RegionalConsultativeProcess ; mg:region ?region .
          ?region a mg:Region .
        }} ORDER BY ?rcp ?r
        """
    )
    assert rows == [
        ("abu-dhabi-dialogue", "asia"),
        ("apc", "asia-pacific"),
        ("bali-process", "asia-pacific"),
        ("budapest-process", "europe-central-asia"),
        ("colombo-process", "asia"),
        ("igad-rcp", "east-africa-horn"),
        ("igc", "australia-new-zealand"),
        ("igc", "europe"),
        ("igc", "north-america"),
        ("midsa", "southern-africa"),
        ("midwa", "west-africa"),
        ("mtm-dialogue", "europe-north-africa"),
        ("puebla-process", "north-central-america"),
        ("sacm", "south-america"),
        ("soderkoping-process", "central-europe"),
    ]


@pytest.mark.parametrize(
    "slug, french_label",
    [
        ("puebla-process", "Conférence régionale sur les migrations (Processus de Puebla)"),
        ("sacm", "Conférence sud-américaine sur la migration"),
        ("mtm-dialogue", "Dialogue sur la migration de transit en Méditerranée"),
        ("midwa", "Dialogue sur la migration pour l'Afrique de l'Ouest"),
        ("midsa", "Dialogue sur la migration pour l'Afrique australe"),
        ("igad-rcp", "PCR de l'Autorité intergouvernementale pour le développement"),
        ("soderkoping-process", "Processus de Söderköping"),
        ("budapest-process", "Processus de Budapest"),
    ],
)
def test_rcp_french_label(select, slug, french_label):
    rows = select(
        f"""
        SELECT ?label WHERE {{ <{ID}process/{slug}> rdfs:label ?label . FILTER(LANG(?label) = "fr") }}
        """
    )
    assert rows == [(french_label,)]


def test_igad_rcp_is_associated_with_igad(select):
    rows = select(
        """
        SELECT ?acronym ?item WHERE {
          <https://w3id.org/mig-graph/id/process/igad-rcp> mg:formallyAssociatedWith ?org .
          ?org mg:acronym ?acronym ; mg:wikidata ?item .
          FILTER(LANG(?acronym) = "en")
        }
        """
    )
    assert rows == [("IGAD", "http://www.wikidata.org/entity/Q499039")]


def test_thai_ministry_of_foreign_affairs_is_a_government_body_of_thailand(select):
    rows = select(
        """
        SELECT ?type ?state WHERE {
          <https://w3id.org/mig-graph/id/org/thailand-mfa> a ?type ;
              org:subOrganizationOf/mg:iso3166Alpha3 ?state .
          FILTER(?type != org:FormalOrganization)
        }
        """
    )
    assert rows == [("https://w3id.org/mig-graph/ontology#GovernmentBody", "THA")]


def test_about_60_participants(stated_counts):
    assert stated_counts(MEETING) == [("participants", "60", "true")]


def test_two_objectives(select):
    rows = select(
        f"""
        SELECT ?position ?label WHERE {{
          {MEETING} mg:hasObjective ?objective .
          ?objective a mg:Objective ; mg:position ?position ; rdfs:label ?label .
          FILTER(LANG(?label) = "en")
        }} ORDER BY ?position
        """
    )
    assert rows == [
        (
            "1",
            "Share the experience of the main RCPs and discuss the value of regional dialogue, "
            "capacity-building and cooperation on migration",
        ),
        (
            "2",
            "Examine the relations among RCPs and their exchanges with the Global Forum on Migration "
            "and Development",
        ),
    ]


def test_seven_sessions_with_their_days_in_order(select):
    rows = select(
        f"""
        SELECT ?position ?start ?end ?label WHERE {{
          ?session a mg:Session ; schema:superEvent {MEETING} ; mg:position ?position ;
                   mg:meetingKind <https://w3id.org/mig-graph/vocab/meeting-kind/day-session> ;
                   rdfs:label ?label ;
                   time:hasTime ?interval .
          ?interval time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end .
          FILTER(LANG(?label) = "fr")
        }} ORDER BY ?position
        """
    )
    assert rows == [
        ("1", "2009-06-04", "2009-06-04", "Accueil des participants"),
        (
            "2",
            "2009-06-04",
            "2009-06-04",
            "Présentation de chaque PCR (structure, membres, axe thématique, objectifs et défis)",
        ),
        (
            "3",
            "2009-06-04",
            "2009-06-04",
            "Information sur l'évaluation indépendante des résultats et des incidences des PCR",
        ),
        ("4", "2009-06-05", "2009-06-05", "Promouvoir une gestion plus efficace des migrations"),
        ("5", "2009-06-05", "2009-06-05", "Renforcer la collaboration et les échanges d'idées entre les PCR"),
        (
            "6",
            "2009-06-05",
            "2009-06-05",
            "Liens entre les PCR et le FMMD et recommandations à l'intention du FMMD",
        ),
        ("7", "2009-06-05", "2009-06-05", "Remarques de clôture des coprésidents"),
    ]


@pytest.mark.parametrize(
    "person, post, post_in, role",
    [
        (
            "panich-vikitsreth",
            "post/thailand-vice-minister-foreign-affairs",
            "org/thailand-mfa",
            "vice-minister",
        ),
        ("william-lacy-swing", "post/iom-director-general", "org/iom", "director-general"),
    ],
)
def test_opening_speaker_tenure_attested_4_june_2009(select, person, post, post_in, role):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?post), STR(id:)) AS ?p) (STRAFTER(STR(?org), STR(id:)) AS ?in)
               (STRAFTER(STR(?role), "/role/") AS ?r) ?date (DATATYPE(?date) AS ?type) WHERE {{
          ?tenure a mg:Tenure ; mg:holder <{ID}person/{person}> ; mg:heldPost ?post ;
                  mg:attestedOn/time:inXSDDate ?date ;
                  prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-001> .
          <{ID}person/{person}> a foaf:Person ; org:holds ?post .
          ?post a org:Post ; org:postIn ?org ; org:role ?role .
        }}
        """
    )
    assert rows == [(post, post_in, role, "2009-06-04", XSD_DATE)]


def test_vice_minister_post_label(select):
    rows = select(
        """
        SELECT ?label (LANG(?label) AS ?lang) WHERE {
          <https://w3id.org/mig-graph/id/post/thailand-vice-minister-foreign-affairs> rdfs:label ?label
        } ORDER BY ?lang
        """
    )
    assert rows == [
        ("Vice Minister of Foreign Affairs of Thailand", "en"),
        ("Vice-ministre des Affaires étrangères de la Thaïlande", "fr"),
    ]


def test_evaluation_by_the_university_of_toronto_with_iom_presented_at_the_meeting(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?agent), STR(id:)) AS ?ref) WHERE {{
          ?evaluation a mg:Evaluation ; mg:presentedAt {MEETING} ; prov:wasAssociatedWith ?agent .
        }} ORDER BY ?ref
        """
    )
    assert rows == [("org/iom",), ("org/university-of-toronto",)]


def test_evaluation_names_no_evaluated_process_since_the_page_names_none(select, ask):
    # the page says the evaluation rests on "les buts et objectifs de chaque PCR" without naming them
    assert not ask("ASK { ?evaluation mg:evaluates ?process }")
    rows = select(
        """
        SELECT ?note WHERE {
          <https://w3id.org/mig-graph/id/evaluation/rcp-independent-evaluation-2009> skos:note ?note .
          FILTER(LANG(?note) = "en")
        }
        """
    )
    assert len(rows) == 1 and "does not say which RCPs it" in rows[0][0]


def test_university_of_toronto_is_q180865_cited_to_ror(select):
    rows = select(
        """
        SELECT ?type ?item (STRAFTER(STR(?graph), STR(id:)) AS ?src) WHERE {
          <https://w3id.org/mig-graph/id/org/university-of-toronto> a ?type .
          GRAPH ?graph { <https://w3id.org/mig-graph/id/org/university-of-toronto> mg:wikidata ?item }
          FILTER(?type != org:FormalOrganization)
        }
        """
    )
    assert rows == [
        (
            "https://w3id.org/mig-graph/ontology#AcademicInstitution",
            "http://www.wikidata.org/entity/Q180865",
            "source/ror-university-of-toronto",
        )
    ]


def test_meeting_and_its_gfmd_session_feed_into_the_gfmd(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?event), STR(id:)) AS ?ref) WHERE {
          ?event mg:feedsInto <https://w3id.org/mig-graph/id/process/gfmd> .
          FILTER(CONTAINS(STR(?event), "global-rcp-meeting-2009"))
        } ORDER BY ?ref
        """
    )
    assert rows == [("meeting/global-rcp-meeting-2009",), ("meeting/global-rcp-meeting-2009/session/6",)]


def test_gfmd_is_a_global_process_with_acronyms_fmmd_and_gfmd(select):
    rows = select(
        """
        SELECT ?type ?acronym (LANG(?acronym) AS ?lang) WHERE {
          <https://w3id.org/mig-graph/id/process/gfmd> a ?type ; mg:acronym ?acronym .
          FILTER(?type != mg:ConsultationMechanism)
        } ORDER BY ?lang
        """
    )
    assert rows == [
        ("https://w3id.org/mig-graph/ontology#GlobalProcess", "GFMD", "en"),
        ("https://w3id.org/mig-graph/ontology#GlobalProcess", "FMMD", "fr"),
    ]


def test_thirteen_documents_with_kind_and_presenter(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?doc), "/document/global-rcp-meeting-2009-") AS ?d)
               (STRAFTER(STR(?kind), "/document-kind/") AS ?k) (STRAFTER(STR(?by), STR(id:)) AS ?presenter)
        WHERE {
          ?doc a mg:Document ; prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-001> ;
               mg:documentKind ?kind .
          OPTIONAL { ?doc mg:presentedBy ?by }
        } ORDER BY ?d
        """
    )
    assert rows == [
        ("agenda", "agenda", None),
        ("closing-thailand", "closing-remarks", "state/THA"),
        ("contribution-abu-dhabi", "presentation", "process/abu-dhabi-dialogue"),
        ("contribution-colombo", "presentation", "process/colombo-process"),
        ("contribution-igad", "presentation", "process/igad-rcp"),
        ("contribution-igc", "presentation", "process/igc"),
        ("contribution-midwa", "presentation", "process/midwa"),
        ("contribution-soderkoping", "presentation", "process/soderkoping-process"),
        ("final-report", "report", None),
        ("opening-iom", "opening-remarks", "org/iom"),
        ("opening-thailand", "opening-remarks", "state/THA"),
        ("overview", "overview", None),
        ("rcp-overview", "overview", None),
    ]


def test_document_languages(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?doc), "/document/global-rcp-meeting-2009-") AS ?d)
               (STRAFTER(STR(?language), "/iso639-1/") AS ?lang) WHERE {
          ?doc a mg:Document ; prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-001> ;
               dcterms:language ?language .
        } ORDER BY ?d ?lang
        """
    )
    assert rows == [
        ("agenda", "en"),
        ("agenda", "es"),
        ("agenda", "fr"),
        ("closing-thailand", "en"),
        ("contribution-abu-dhabi", "en"),
        ("contribution-colombo", "en"),
        ("contribution-igad", "en"),
        ("contribution-igc", "en"),
        ("contribution-midwa", "en"),
        ("contribution-midwa", "fr"),
        ("contribution-soderkoping", "en"),
        ("final-report", "en"),
        ("opening-iom", "en"),
        ("opening-thailand", "en"),
        ("overview", "en"),
        ("overview", "es"),
        ("overview", "fr"),
        ("rcp-overview", "en"),
    ]


def test_documents_are_presented_at_the_meeting_and_the_final_report_is_about_it(select):
    rows = select(
        f"""
        SELECT (REPLACE(STR(?p), "^.*[#/]", "") AS ?link) (COUNT(?doc) AS ?n) WHERE {{
          VALUES ?p {{ mg:presentedAt dcterms:subject }}
          ?doc a mg:Document ; ?p {MEETING} .
        }} GROUP BY ?p ORDER BY ?link
        """
    )
    assert rows == [("presentedAt", "12"), ("subject", "1")]
