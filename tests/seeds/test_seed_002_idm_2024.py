"""Seed 002: IOM's press release on the International Dialogue on Migration (IDM), New York, May 2024.

The session's dates (derived from the release and confirmed by a civil-society source), its theme,
participant groups, four action tracks and four conclusions, the people named, the events it feeds
into, the IDM itself, and the absence of the release's e-mail addresses.
"""

from __future__ import annotations

import pytest

ID = "https://w3id.org/mig-graph/id/"
SESSION = f"<{ID}meeting/idm-2024-new-york>"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


def test_new_york_session_held_21_to_22_may_2024_stated_by_the_seed_and_the_csac_page(dates_by_source):
    assert dates_by_source(SESSION) == [
        ("source/csac-idm-2024", "2024-05-21", XSD_DATE, "2024-05-22"),
        ("source/seed-002", "2024-05-21", XSD_DATE, "2024-05-22"),
    ]


def test_new_york_dates_carry_a_note_saying_they_are_derived(select):
    rows = select(
        f"""
        SELECT ?note (LANG(?note) AS ?lang) WHERE {{
          GRAPH <https://w3id.org/mig-graph/id/source/seed-002> {{ {SESSION} time:hasTime/mg:dateNote ?note }}
        }}
        """
    )
    assert rows == [
        (
            'Derived: the release dated 23 May says IOM "a conclu hier" its two-day dialogue, so 21-22 May; '
            'the year from "IDM pour 2024".',
            "en",
        )
    ]


def test_seed_release_dated_23_may_2024_with_a_date_note(select):
    rows = select(
        """
        SELECT ?date (DATATYPE(?date) AS ?type) ?note WHERE {
          <https://w3id.org/mig-graph/id/source/seed-002> dcterms:date ?date ; mg:dateNote ?note .
        }
        """
    )
    assert rows == [
        (
            "2024-05-23",
            XSD_DATE,
            'Datelined "New York, 23 mai" without a year; the year is that of the '
            '"Dialogue international sur les migrations (IDM) pour 2024" it reports.',
        )
    ]


def test_session_is_part_of_the_idm_held_in_new_york_and_hosted_by_iom(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?kind), "/meeting-kind/") AS ?k) (STRAFTER(STR(?parent), STR(id:)) AS ?part_of)
               (STRAFTER(STR(?place), STR(id:)) AS ?where) ?country (STRAFTER(STR(?host), STR(id:)) AS ?by)
        WHERE {{
          {SESSION} a mg:Meeting ; mg:meetingKind ?kind ; schema:superEvent ?parent ; schema:location ?place .
          ?place mg:inCountry/mg:iso3166Alpha3 ?country .
          ?p mg:inEvent {SESSION} ; mg:participationRole <https://w3id.org/mig-graph/vocab/role/host> ;
             mg:participant ?host .
        }}
        """
    )
    assert rows == [("dialogue-session", "process/idm", "place/new-york", "USA", "org/iom")]


def test_theme_is_facilitating_regular_migration_pathways(select):
    rows = select(
        f"SELECT ?theme (LANG(?theme) AS ?lang) WHERE {{ {SESSION} mg:theme ?theme }} ORDER BY ?lang"
    )
    assert rows == [
        ("Facilitating regular migration pathways", "en"),
        ("Faciliter les voies de migration régulières", "fr"),
    ]


def test_nine_participant_groups_of_the_session(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?group), "/stakeholder/") AS ?g) WHERE {{
          {SESSION} mg:participantGroup ?group .
        }} ORDER BY ?g
        """
    )
    assert rows == [
        ("academia",),
        ("civil-society",),
        ("international-organisations",),
        ("member-states",),
        ("migrants",),
        ("other-key-actors",),
        ("private-sector",),
        ("un-system",),
        ("youth",),
    ]


ITEMS = """
    SELECT ?position ?label WHERE {
      <https://w3id.org/mig-graph/id/meeting/idm-2024-new-york> %s ?item .
      ?item a %s ; mg:position ?position ; rdfs:label ?label .
      FILTER(LANG(?label) = "fr")
    } ORDER BY ?position
"""


def test_four_action_tracks_in_order(select):
    assert select(ITEMS % ("mg:hasTrack", "mg:ActionTrack")) == [
        ("1", "Action multilatérale et partenariats efficaces à tous les niveaux, avec le secteur privé"),
        ("2", "Engagement efficace au niveau local avec les communautés et les autorités locales"),
        ("3", "Faire entendre les voix des migrants et des diasporas"),
        ("4", "Innovation et technologie"),
    ]


def test_four_conclusions_in_order(select):
    assert select(ITEMS % ("mg:hasConclusion", "mg:Conclusion")) == [
        ("1", "Importance de modèles sûrs et adaptables pour les voies de migration régulières"),
        ("2", "Nécessité d'une coopération à plusieurs niveaux"),
        (
            "3",
            "Créer davantage d'opportunités de migration régulière "
            "pour réduire les risques et les vulnérabilités",
        ),
        ("4", "Renforcer les effets de la migration sur le développement"),
    ]


def test_amy_pope_and_kofi_kinaata_took_part(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?agent), STR(id:)) AS ?ref) WHERE {{
          ?p mg:inEvent {SESSION} ; mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
             mg:participant ?agent .
        }} ORDER BY ?ref
        """
    )
    assert rows == [("person/amy-pope",), ("person/kofi-kinaata",)]


@pytest.mark.parametrize(
    "person, post, role",
    [
        ("amy-pope", "post/iom-director-general", "director-general"),
        ("america-ferrera", "post/iom-global-goodwill-ambassador", "global-goodwill-ambassador"),
        ("kofi-kinaata", "post/iom-national-goodwill-ambassador-ghana", "national-goodwill-ambassador"),
    ],
)
def test_iom_post_held_attested_23_may_2024(select, person, post, role):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?post), STR(id:)) AS ?p) (STRAFTER(STR(?role), "/role/") AS ?r)
               ?date (DATATYPE(?date) AS ?type) WHERE {{
          ?tenure a mg:Tenure ; mg:holder <{ID}person/{person}> ; mg:heldPost ?post ;
                  mg:attestedOn/time:inXSDDate ?date ;
                  prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-002> .
          ?post org:postIn <https://w3id.org/mig-graph/id/org/iom> ; org:role ?role .
        }}
        """
    )
    assert rows == [(post, role, "2024-05-23", XSD_DATE)]


@pytest.mark.parametrize(
    "person, french_occupation",
    [("america-ferrera", "actrice, productrice et réalisatrice"), ("kofi-kinaata", "musicien")],
)
def test_occupation(select, person, french_occupation):
    rows = select(
        f"""
        SELECT ?occupation WHERE {{
          <{ID}person/{person}> a foaf:Person ; mg:occupation ?occupation .
          FILTER(LANG(?occupation) = "fr")
        }}
        """
    )
    assert rows == [(french_occupation,)]


def test_kofi_kinaata_is_ghanaian(select):
    rows = select(
        """
        SELECT ?iso3 WHERE {
          <https://w3id.org/mig-graph/id/person/kofi-kinaata> mg:nationality/mg:iso3166Alpha3 ?iso3
        }
        """
    )
    assert rows == [("GHA",)]


def test_feeds_into_g7_new_agenda_for_peace_summit_of_the_future_and_the_geneva_session(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?target), STR(id:)) AS ?ref) (STRAFTER(STR(?status), "/status/") AS ?s) WHERE {{
          {SESSION} mg:feedsInto ?target .
          OPTIONAL {{ ?target mg:status ?status }}
        }} ORDER BY ?ref
        """
    )
    assert rows == [
        ("framework/new-agenda-for-peace", None),
        ("meeting/g7-next-meeting-2024", "planned"),
        ("meeting/idm-2024-geneva", "planned"),
        ("meeting/summit-of-the-future", "planned"),
    ]


def test_next_g7_meeting_belongs_to_the_g7_series(select):
    rows = select(
        """
        SELECT ?type WHERE {
          <https://w3id.org/mig-graph/id/meeting/g7-next-meeting-2024> schema:superEvent ?series .
          ?series a ?type .
        }
        """
    )
    assert rows == [("https://w3id.org/mig-graph/ontology#MeetingSeries",)]


def test_summit_of_the_future_keeps_the_seed_wording(select):
    rows = select(
        """
        SELECT ?hidden WHERE {
          <https://w3id.org/mig-graph/id/meeting/summit-of-the-future> skos:hiddenLabel ?hidden
        }
        """
    )
    assert rows == [("Sommet pour l'avenir",)]


def test_refers_to_the_2030_agenda_and_the_global_compact(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?framework), STR(id:)) AS ?ref) WHERE {{ {SESSION} mg:refersTo ?framework }}
        ORDER BY ?ref
        """
    )
    assert rows == [("framework/agenda-2030",), ("framework/global-compact-migration",)]


def test_planned_geneva_session_opens_25_november_2024_per_iom_geneva_release(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?place), STR(id:)) AS ?where) ?country (STRAFTER(STR(?graph), STR(id:)) AS ?src)
               ?start (DATATYPE(?start) AS ?type) ?end WHERE {
          <https://w3id.org/mig-graph/id/meeting/idm-2024-geneva> schema:location ?place ;
              schema:superEvent <https://w3id.org/mig-graph/id/process/idm> ;
              mg:status <https://w3id.org/mig-graph/vocab/status/planned> .
          ?place mg:inCountry/mg:iso3166Alpha3 ?country .
          GRAPH ?graph { <https://w3id.org/mig-graph/id/meeting/idm-2024-geneva> time:hasTime ?interval }
          ?interval time:hasBeginning/time:inXSDDate ?start .
          OPTIONAL { ?interval time:hasEnd ?end }
        }
        """
    )
    assert rows == [
        ("place/geneva", "CHE", "source/iom-idm-2024-geneva-release", "2024-11-25", XSD_DATE, None)
    ]


def test_idm_is_a_global_process_of_iom_founded_2001(select):
    rows = select(
        """
        SELECT ?type (STRAFTER(STR(?parent), STR(id:)) AS ?part_of) ?year (DATATYPE(?year) AS ?datatype) ?end
        WHERE {
          <https://w3id.org/mig-graph/id/process/idm> a ?type ; dcterms:isPartOf ?parent ;
              time:hasTime ?interval .
          ?interval time:hasBeginning/time:inXSDgYear ?year .
          OPTIONAL { ?interval time:hasEnd ?end }
          FILTER(?type != mg:ConsultationMechanism)
        }
        """
    )
    assert rows == [
        (
            "https://w3id.org/mig-graph/ontology#GlobalProcess",
            "org/iom",
            "2001",
            "http://www.w3.org/2001/XMLSchema#gYear",
            None,
        )
    ]


def test_idm_labels_and_acronym(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?p), "#") AS ?field) ?text (LANG(?text) AS ?lang) WHERE {
          VALUES ?p { rdfs:label mg:acronym }
          <https://w3id.org/mig-graph/id/process/idm> ?p ?text .
        } ORDER BY ?field ?lang
        """
    )
    assert rows == [
        ("acronym", "IDM", "en"),
        ("acronym", "IDM", "fr"),
        ("label", "International Dialogue on Migration", "en"),
        ("label", "Dialogue international sur la migration", "fr"),
    ]


def test_idm_is_open_to_175_member_states_and_8_observer_states(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?category), "/count/") AS ?what) ?value ?approximate WHERE {
          <https://w3id.org/mig-graph/id/process/idm> mg:hasStatedCount ?count .
          ?count mg:countedCategory ?category ; mg:countValue ?value ; mg:approximate ?approximate .
        } ORDER BY ?what
        """
    )
    assert rows == [("member-states", "175", "false"), ("observer-states", "8", "false")]


def test_idm_participant_groups(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?group), "/stakeholder/") AS ?g) WHERE {
          <https://w3id.org/mig-graph/id/process/idm> mg:participantGroup ?group .
        } ORDER BY ?g
        """
    )
    assert rows == [
        ("academia",),
        ("international-organisations",),
        ("media",),
        ("member-states",),
        ("migrants",),
        ("non-governmental-organisations",),
        ("observer-states",),
        ("private-sector",),
    ]


def test_idm_three_objectives(select):
    rows = select(
        """
        SELECT ?position ?label WHERE {
          <https://w3id.org/mig-graph/id/process/idm> mg:hasObjective ?objective .
          ?objective a mg:Objective ; mg:position ?position ; rdfs:label ?label .
          FILTER(LANG(?label) = "fr")
        } ORDER BY ?position
        """
    )
    assert rows == [
        (
            "1",
            "Faire le point et discuter des questions actuelles et émergentes de gouvernance des migrations",
        ),
        (
            "2",
            "Échanger des expériences, approches politiques et pratiques efficaces "
            "de solutions migratoires intégrées",
        ),
        (
            "3",
            "Identifier des opportunités et formuler des recommandations "
            "pour accélérer les engagements mondiaux",
        ),
    ]


@pytest.mark.parametrize("fragment", ["@iom.int", "rsoliman", "media@"])
def test_no_e_mail_address_of_the_release_is_in_the_graph(ask, fragment):
    assert not ask(f'ASK {{ ?s ?p ?o . FILTER(isLiteral(?o) && CONTAINS(STR(?o), "{fragment}")) }}')
