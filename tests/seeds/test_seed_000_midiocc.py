"""Seed 000 (MiDIOCC): members, dates with their precision, objectives, themes and conflicts.

Also its names, both types, region, link to the Indian Ocean Commission (COI), the consultative
meeting and council session with their conflicting dates, its documents and the frameworks it cites.
"""

from __future__ import annotations

import pytest

ID = "https://w3id.org/mig-graph/id/"
SEED = f"{ID}source/seed-000"


def test_five_member_states_with_france_in_respect_of_reunion(select):
    rows = select(
        """
        SELECT ?iso3 ?territory WHERE {
          ?m a org:Membership ; org:organization id:process\\/midiocc ; org:member ?state ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ; prov:wasDerivedFrom ?src .
          ?state mg:iso3166Alpha3 ?iso3 .
          OPTIONAL { ?m mg:inRespectOf/mg:iso3166Alpha3 ?territory }
          FILTER(?src = <https://w3id.org/mig-graph/id/source/seed-000>)
        } ORDER BY ?iso3
        """
    )
    assert rows == [
        ("COM", None),
        ("FRA", "REU"),
        ("MDG", None),
        ("MUS", None),
        ("SYC", None),
    ]


def test_the_five_members_start_with_the_dialogue_in_march_2020_cited_to_the_seed(select):
    rows = select(
        """
        SELECT ?iso3 ?start (DATATYPE(?start) AS ?type) (STRAFTER(STR(?graph), STR(id:)) AS ?src) WHERE {
          ?m a org:Membership ; org:organization id:process\\/midiocc ; org:member/mg:iso3166Alpha3 ?iso3 .
          GRAPH ?graph { ?m org:memberDuring/time:hasBeginning/time:inXSDgYearMonth ?start }
        } ORDER BY ?iso3
        """
    )
    month = "http://www.w3.org/2001/XMLSchema#gYearMonth"
    assert rows == [
        (iso3, "2020-03", month, "source/seed-000") for iso3 in ("COM", "FRA", "MDG", "MUS", "SYC")
    ]


def test_the_members_are_confirmed_until_the_latest_date_the_seed_mentions(select):
    """The seed is undated; its latest dated event, the approval of 6 March 2020, is its not-before date."""
    rows = select(
        """
        SELECT ?iso3 ?date ?by WHERE {
          ?m org:organization id:process\\/midiocc ; org:member/mg:iso3166Alpha3 ?iso3 ;
             mg:confirmedUntil ?date ; mg:confirmedBy ?by .
        } ORDER BY ?iso3
        """
    )
    assert rows == [(iso3, "2020-03-06", SEED) for iso3 in ("COM", "FRA", "MDG", "MUS", "SYC")]


def test_created_march_2020_as_year_month(select):
    rows = select(
        """
        SELECT ?date (DATATYPE(?date) AS ?type) ?precision WHERE {
          id:process\\/midiocc time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYearMonth ?date ; mg:precision ?precision .
        }
        """
    )
    assert rows == [
        ("2020-03", "http://www.w3.org/2001/XMLSchema#gYearMonth", "http://www.w3.org/2006/time#unitMonth")
    ]


def test_french_and_english_labels_and_acronym(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?p), "#") AS ?field) ?text (LANG(?text) AS ?lang) WHERE {
          VALUES ?p { rdfs:label mg:acronym }
          <https://w3id.org/mig-graph/id/process/midiocc> ?p ?text .
        } ORDER BY ?field ?lang
        """
    )
    assert rows == [
        ("acronym", "MiDIOCC", "en"),
        ("acronym", "MiDIOCC", "fr"),
        ("label", "Migration Dialogue for Indian Ocean Commission Countries", "en"),
        ("label", "Dialogue sur les migrations pour les pays de la Commission de l'Océan Indien", "fr"),
    ]


def test_mcim_slip_kept_as_hidden_label(select):
    rows = select(
        "SELECT ?hidden WHERE { <https://w3id.org/mig-graph/id/process/midiocc> skos:hiddenLabel ?hidden }"
    )
    assert rows == [("MCIM",)]


def test_typed_both_inter_regional_forum_and_regional_consultative_process(select):
    rows = select(
        "SELECT ?type WHERE { <https://w3id.org/mig-graph/id/process/midiocc> a ?type } ORDER BY ?type"
    )
    assert rows == [
        ("https://w3id.org/mig-graph/ontology#ConsultationMechanism",),
        ("https://w3id.org/mig-graph/ontology#InterRegionalForum",),
        ("https://w3id.org/mig-graph/ontology#RegionalConsultativeProcess",),
    ]


def test_type_conflict_keeps_both_claims_with_their_passages(select):
    rows = select(
        """
        SELECT ?claim ?value ?passage (LANG(?passage) AS ?lang) ?source WHERE {
          ?conflict a mg:Conflict ; mg:conflictSubject <https://w3id.org/mig-graph/id/process/midiocc> ;
                    mg:conflictProperty rdf:type ; mg:hasClaim ?claim .
          ?claim a mg:Claim ; mg:claimedValue ?value ; mg:passage ?passage ; prov:wasDerivedFrom ?source .
        } ORDER BY ?claim
        """
    )
    assert rows == [
        (
            f"{ID}conflict/midiocc-type/claim/1",
            "https://w3id.org/mig-graph/ontology#InterRegionalForum",
            "Type : Forum interrégional sur la migration",
            "fr",
            SEED,
        ),
        (
            f"{ID}conflict/midiocc-type/claim/2",
            "https://w3id.org/mig-graph/ontology#RegionalConsultativeProcess",
            "Le Dialogue sur les migrations pour les pays de la Commission de l'Océan Indien (MiDIOCC) "
            "est un PCR",
            "fr",
            SEED,
        ),
    ]


def test_region_is_the_western_indian_ocean(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?region), STR(id:)) AS ?ref) ?label (LANG(?label) AS ?lang) WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:region ?region .
          ?region a mg:Region ; rdfs:label ?label .
        } ORDER BY ?lang
        """
    )
    assert rows == [
        ("region/western-indian-ocean", "Western Indian Ocean", "en"),
        ("region/western-indian-ocean", "Océan indien occidental", "fr"),
    ]


def test_formally_associated_with_the_coi_whose_wikidata_item_is_q1115631(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?org), STR(id:)) AS ?ref) ?acronym_fr ?acronym_en ?item WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:formallyAssociatedWith ?org .
          ?org a mg:RegionalOrganisation ; mg:acronym ?acronym_fr , ?acronym_en .
          FILTER(LANG(?acronym_fr) = "fr" && LANG(?acronym_en) = "en")
          GRAPH <https://w3id.org/mig-graph/id/source/supraverden-bodies> { ?org mg:wikidata ?item }
        }
        """
    )
    assert rows == [("org/coi", "COI", "IOC", "http://www.wikidata.org/entity/Q1115631")]


def test_created_in_2020_with_no_end(ask):
    assert not ask("ASK { <https://w3id.org/mig-graph/id/process/midiocc> time:hasTime/time:hasEnd ?end }")


def test_proposed_at_the_consultative_meeting_in_mahe_and_approved_at_the_34th_council_in_beau_vallon(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?p), "#") AS ?step) (STRAFTER(STR(?meeting), STR(id:)) AS ?ref)
               (STRAFTER(STR(?kind), "/meeting-kind/") AS ?k) (STRAFTER(STR(?place), STR(id:)) AS ?where)
               ?country WHERE {
          VALUES ?p { mg:proposedAt mg:approvedAt }
          <https://w3id.org/mig-graph/id/process/midiocc> ?p ?meeting .
          ?meeting a mg:Meeting ; mg:meetingKind ?kind ; schema:location ?place .
          ?place a mg:Place ; mg:inCountry/mg:iso3166Alpha3 ?country .
        } ORDER BY ?step
        """
    )
    assert rows == [
        ("approvedAt", "meeting/coi-council-34", "council-session", "place/beau-vallon", "SYC"),
        ("proposedAt", "meeting/midiocc-consultative-meeting", "consultative", "place/mahe", "SYC"),
    ]


def test_beau_vallon_lies_on_mahe(ask):
    assert ask(
        """
        ASK { <https://w3id.org/mig-graph/id/place/beau-vallon> schema:containedInPlace
                <https://w3id.org/mig-graph/id/place/mahe> }
        """
    )


MEETING_DATES = """
    SELECT ?start (DATATYPE(?start) AS ?type) ?end WHERE {
      <https://w3id.org/mig-graph/id/meeting/%s> time:hasTime ?interval .
      ?interval a time:ProperInterval ;
                time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end .
    } ORDER BY ?start ?end
"""


def test_consultative_meeting_keeps_both_dates_2019_and_2020(select):
    assert select(MEETING_DATES % "midiocc-consultative-meeting") == [
        ("2019-08-26", "http://www.w3.org/2001/XMLSchema#date", "2019-08-28"),
        ("2020-08-26", "http://www.w3.org/2001/XMLSchema#date", "2020-08-28"),
    ]


def test_council_session_keeps_both_dates_6_march_and_5_6_march_2020(select):
    assert select(MEETING_DATES % "coi-council-34") == [
        ("2020-03-05", "http://www.w3.org/2001/XMLSchema#date", "2020-03-06"),
        ("2020-03-06", "http://www.w3.org/2001/XMLSchema#date", "2020-03-06"),
    ]


CONFLICT_CLAIMS = """
    SELECT (STRAFTER(STR(?claim), "/claim/") AS ?n) ?start ?end ?passage
           (STRAFTER(STR(?source), STR(id:)) AS ?src) WHERE {
      <https://w3id.org/mig-graph/id/conflict/%s> a mg:Conflict ;
          mg:conflictSubject <https://w3id.org/mig-graph/id/meeting/%s> ;
          mg:conflictProperty time:hasTime ; mg:hasClaim ?claim .
      ?claim mg:claimedValue ?interval ; mg:passage ?passage ; prov:wasDerivedFrom ?source .
      ?interval time:hasBeginning/time:inXSDDate ?start ; time:hasEnd/time:inXSDDate ?end .
    } ORDER BY ?n
"""


def test_consultative_meeting_date_conflict_claims(select):
    rows = select(CONFLICT_CLAIMS % ("midiocc-consultative-meeting-date", "midiocc-consultative-meeting"))
    assert rows == [
        (
            "1",
            "2019-08-26",
            "2019-08-28",
            "lors d'une réunion consultative multipartite organisée du 26 au 28 août 2019",
            "source/seed-000",
        ),
        (
            "2",
            "2020-08-26",
            "2020-08-28",
            "26-28 août 2020, Mahé, Seychelles, Réunion consultative",
            "source/seed-000",
        ),
    ]


def test_council_date_conflict_claims_with_their_sources(select):
    rows = select(CONFLICT_CLAIMS % ("coi-council-34-date", "coi-council-34"))
    assert rows == [
        (
            "1",
            "2020-03-06",
            "2020-03-06",
            "lors de la 34e session du Conseil des ministres de la COI le 6 mars 2020",
            "source/seed-000",
        ),
        ("2", "2020-03-05", "2020-03-06", "5-6 mars 2020, Beau Vallon, Seychelles", "source/seed-000"),
        (
            "3",
            "2020-03-06",
            "2020-03-06",
            "Les Seychelles ont accueilli le 6 mars 2020 le 34ème Conseil des ministres de la COI.",
            "source/coi-34th-council-2020",
        ),
    ]


def test_consultative_meeting_is_preparatory(select):
    rows = select(
        """
        SELECT ?preparatory (DATATYPE(?preparatory) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/meeting/midiocc-consultative-meeting> mg:preparatory ?preparatory
        }
        """
    )
    assert rows == [("true", "http://www.w3.org/2001/XMLSchema#boolean")]


def test_senior_officials_of_the_five_coi_states_took_part_in_the_consultative_meeting(select):
    rows = select(
        """
        SELECT ?iso3 WHERE {
          ?p a mg:Participation ;
             mg:inEvent <https://w3id.org/mig-graph/id/meeting/midiocc-consultative-meeting> ;
             mg:participationRole <https://w3id.org/mig-graph/vocab/role/participant> ;
             mg:participant/mg:iso3166Alpha3 ?iso3 .
        } ORDER BY ?iso3
        """
    )
    assert rows == [("COM",), ("FRA",), ("MDG",), ("MUS",), ("SYC",)]


def test_council_organised_by_the_coi_and_hosted_by_seychelles_per_the_coi_release(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?role), "/role/") AS ?r) (STRAFTER(STR(?agent), STR(id:)) AS ?who)
               (STRAFTER(STR(?graph), STR(id:)) AS ?src) WHERE {
          GRAPH ?graph {
            ?p mg:inEvent <https://w3id.org/mig-graph/id/meeting/coi-council-34> ;
               mg:participationRole ?role ; mg:participant ?agent .
          }
        } ORDER BY ?r
        """
    )
    assert rows == [
        ("host", "state/SYC", "source/coi-34th-council-2020"),
        ("organiser", "org/coi", "source/seed-000"),
    ]


def test_seven_objectives_numbered_1_to_7(select):
    rows = select(
        """
        SELECT (COUNT(?objective) AS ?n) (MIN(?position) AS ?first) (MAX(?position) AS ?last)
               (COUNT(DISTINCT ?position) AS ?positions) WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:hasObjective ?objective .
          ?objective a mg:Objective ; mg:position ?position .
        }
        """
    )
    assert rows == [("7", "1", "7", "7")]


def test_seventh_objective_refers_to_agenda_2030_agenda_2063_and_the_global_compact(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?framework), STR(id:)) AS ?ref) WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:hasObjective ?objective .
          ?objective mg:position 7 ; mg:refersTo ?framework .
        } ORDER BY ?ref
        """
    )
    assert rows == [
        ("framework/agenda-2030",),
        ("framework/au-agenda-2063",),
        ("framework/global-compact-migration",),
    ]


def test_twelve_thematic_areas_in_one_concept_scheme(select):
    rows = select(
        """
        SELECT ?label (STRAFTER(STR(?scheme), STR(id:)) AS ?in) WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:thematicArea ?area .
          ?area a skos:Concept ; skos:prefLabel ?label ; skos:inScheme ?scheme .
          ?scheme a skos:ConceptScheme ; skos:hasTopConcept ?area .
          FILTER(LANG(?label) = "fr")
        } ORDER BY ?label
        """
    )
    assert rows == [
        (label, "scheme/thematic-areas")
        for label in [
            "Collecte, analyse et partage d'informations sur les données migratoires",
            "Développement durable des États insulaires, "
            "y compris les petits États insulaires en développement",
            "Gestion intégrée des frontières",
            "Libre circulation des personnes dans la zone de la COI",
            "Lutte contre la migration irrégulière",
            "Lutte contre le trafic illicite et la traite des êtres humains",
            "Migration et santé",
            "Migration, commerce et tourisme",
            "Migration, environnement et changements climatiques",
            "Mobilité de main-d'œuvre et développement humain",
            "Participation des diasporas au développement",
            "Sécurité et sûreté maritimes",
        ]
    ]


def test_thematic_area_scheme_holds_exactly_the_twelve_areas(select):
    rows = select(
        """
        SELECT (COUNT(?concept) AS ?n) ?label WHERE {
          <https://w3id.org/mig-graph/id/scheme/thematic-areas> skos:hasTopConcept ?concept ;
              rdfs:label ?label .
        } GROUP BY ?label
        """
    )
    assert rows == [("12", "thematic areas")]


def test_no_chair_appointed_yet(select):
    rows = select(
        """
        SELECT ?appointed (DATATYPE(?appointed) AS ?type) WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:chairAppointed ?appointed
        }
        """
    )
    assert rows == [("false", "http://www.w3.org/2001/XMLSchema#boolean")]


def test_five_documents_with_their_kinds_and_languages(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?doc), STR(id:)) AS ?ref) (STRAFTER(STR(?kind), "/document-kind/") AS ?k)
               (STRAFTER(STR(?language), "/iso639-1/") AS ?lang) WHERE {
          ?doc a mg:Document ; prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-000> ;
               mg:documentKind ?kind .
          OPTIONAL { ?doc dcterms:language ?language }
        } ORDER BY ?ref
        """
    )
    assert rows == [
        ("document/coi-decision-34th-council-midiocc", "decision", None),
        ("document/coi-decision-6-free-movement", "decision", None),
        ("document/coi-strategic-development-plan-2018-2021", "strategic-plan", None),
        ("document/midiocc-consultative-conclusions-en", "conclusions-and-recommendations", "en"),
        ("document/midiocc-consultative-conclusions-fr", "conclusions-and-recommendations", "en"),
    ]


def test_conclusions_of_the_consultative_meeting_are_about_midiocc(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?doc), STR(id:)) AS ?ref) WHERE {
          ?doc mg:presentedAt <https://w3id.org/mig-graph/id/meeting/midiocc-consultative-meeting> ;
               dcterms:subject <https://w3id.org/mig-graph/id/process/midiocc> .
        } ORDER BY ?ref
        """
    )
    assert rows == [
        ("document/midiocc-consultative-conclusions-en",),
        ("document/midiocc-consultative-conclusions-fr",),
    ]


def test_2020_decision_of_the_34th_council_approves_midiocc(select):
    rows = select(
        """
        SELECT ?date (DATATYPE(?date) AS ?type) (STRAFTER(STR(?meeting), STR(id:)) AS ?adopted)
               (STRAFTER(STR(?author), STR(id:)) AS ?by) (STRAFTER(STR(?parent), STR(id:)) AS ?unit_of)
        WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:approvedBy ?decision .
          ?decision a mg:Decision ; dcterms:date ?date ; mg:adoptedAt ?meeting ;
                    dcterms:subject <https://w3id.org/mig-graph/id/process/midiocc> ;
                    dcterms:creator ?author .
          ?author a org:OrganizationalUnit ; org:unitOf ?parent .
        }
        """
    )
    assert rows == [
        (
            "2020",
            "http://www.w3.org/2001/XMLSchema#gYear",
            "meeting/coi-council-34",
            "org/coi-council-of-ministers",
            "org/coi",
        )
    ]


def test_the_three_coi_documents_are_authored_by_the_coi(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?doc), STR(id:)) AS ?ref) ?title WHERE {
          ?doc a mg:Document ; dcterms:creator <https://w3id.org/mig-graph/id/org/coi> ; rdfs:label ?title .
          FILTER(LANG(?title) = "fr")
        } ORDER BY ?ref
        """
    )
    assert rows == [
        (
            "document/coi-decision-6-free-movement",
            "Décision n°6 de la COI sur la libre circulation des personnes et des biens "
            "dans les zones de la COI",
        ),
        (
            "document/coi-strategic-development-plan-2018-2021",
            "Plan de développement stratégique de la COI pour 2018-2021",
        ),
    ]


def test_refers_to_the_2030_agenda_au_agenda_2063_and_the_global_compact(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?framework), STR(id:)) AS ?ref) ?label WHERE {
          <https://w3id.org/mig-graph/id/process/midiocc> mg:refersTo ?framework .
          ?framework a mg:PolicyFramework ; rdfs:label ?label .
          FILTER(LANG(?label) = "en")
        } ORDER BY ?ref
        """
    )
    assert rows == [
        ("framework/agenda-2030", "2030 Agenda for Sustainable Development"),
        ("framework/au-agenda-2063", "African Union Agenda 2063"),
        ("framework/global-compact-migration", "Global Compact for Safe, Orderly and Regular Migration"),
    ]


def test_agenda_2063_is_authored_by_the_african_union(select):
    rows = select(
        """
        SELECT (STRAFTER(STR(?author), STR(id:)) AS ?ref) ?item WHERE {
          <https://w3id.org/mig-graph/id/framework/au-agenda-2063> dcterms:creator ?author .
          ?author mg:wikidata ?item .
        }
        """
    )
    assert rows == [("org/african-union", "http://www.wikidata.org/entity/Q7159")]


def test_coi_has_five_member_states_with_france_in_respect_of_reunion(select):
    rows = select(
        """
        SELECT ?iso3 ?territory WHERE {
          ?m a org:Membership ; org:organization <https://w3id.org/mig-graph/id/org/coi> ;
             org:role <https://w3id.org/mig-graph/vocab/role/member> ; org:member/mg:iso3166Alpha3 ?iso3 .
          OPTIONAL { ?m mg:inRespectOf/mg:iso3166Alpha3 ?territory }
        } ORDER BY ?iso3
        """
    )
    assert rows == [("COM", None), ("FRA", "REU"), ("MDG", None), ("MUS", None), ("SYC", None)]


@pytest.mark.parametrize("subject", ["org/coi", "process/midiocc"])
def test_five_member_states_stated_as_a_count(select, subject):
    rows = select(
        f"""
        SELECT ?value ?approximate WHERE {{
          <{ID}{subject}> mg:hasStatedCount ?count .
          ?count mg:countedCategory <https://w3id.org/mig-graph/vocab/count/member-states> ;
                 mg:countValue ?value ; mg:approximate ?approximate .
        }}
        """
    )
    assert rows == [("5", "false")]


def test_reunion_is_a_territory_of_france(select):
    rows = select(
        """
        SELECT ?alpha2 ?state ?hidden WHERE {
          <https://w3id.org/mig-graph/id/territory/REU> a mg:Territory ; mg:iso3166Alpha2 ?alpha2 ;
              mg:partOfState/mg:iso3166Alpha3 ?state ; skos:hiddenLabel ?hidden .
        }
        """
    )
    assert rows == [("RE", "FRA", "Département de la Réunion")]


@pytest.mark.parametrize(
    "iso3, french_name",
    [("COM", "Comores"), ("FRA", "France"), ("MDG", "Madagascar"), ("MUS", "Maurice"), ("SYC", "Seychelles")],
)
def test_member_state_french_name(select, iso3, french_name):
    rows = select(
        f"""
        SELECT ?label WHERE {{
          <{ID}state/{iso3}> a mg:State ; rdfs:label ?label .
          FILTER(LANG(?label) = "fr")
        }}
        """
    )
    assert rows == [(french_name,)]


def test_every_document_listed_on_the_page_is_linked_to_midiocc(select):
    """The page lists five documents under MiDIOCC's "Documents"; each should be linked to the dialogue."""
    rows = select(
        """
        SELECT (STRAFTER(STR(?doc), STR(id:)) AS ?ref) WHERE {
          ?doc a mg:Document ; prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-000> .
          FILTER EXISTS {
            { ?doc ?p <https://w3id.org/mig-graph/id/process/midiocc> }
            UNION { <https://w3id.org/mig-graph/id/process/midiocc> ?p ?doc }
          }
        } ORDER BY ?ref
        """
    )
    assert rows == [
        ("document/coi-decision-34th-council-midiocc",),
        ("document/coi-decision-6-free-movement",),
        ("document/coi-strategic-development-plan-2018-2021",),
        ("document/midiocc-consultative-conclusions-en",),
        ("document/midiocc-consultative-conclusions-fr",),
    ]
