"""Seed 004: the UNDP-IOM Joint Global Programme on Mainstreaming Migration into National Development
Strategies.

Its start, partners and funder, the eight target governments with their start dates (cited to the
programme's own site), its two phases, its stated results, the dialogues it feeds into, and the
IOM division that manages it.
"""

from __future__ import annotations

import pytest

ID = "https://w3id.org/mig-graph/id/"
PROGRAMME = f"<{ID}programme/mainstreaming-migration>"


def test_joint_programme_labels(select):
    rows = select(
        f"""
        SELECT ?type ?label (LANG(?label) AS ?lang) WHERE {{ {PROGRAMME} a ?type ; rdfs:label ?label }}
        ORDER BY ?lang
        """
    )
    assert rows == [
        (
            "https://w3id.org/mig-graph/ontology#JointProgramme",
            "Joint Global Programme on Mainstreaming Migration into National Development Strategies",
            "en",
        ),
        (
            "https://w3id.org/mig-graph/ontology#JointProgramme",
            "Programme mondial conjoint sur l'intégration de la migration dans les stratégies nationales "
            "de développement",
            "fr",
        ),
    ]


def test_running_since_2011_as_a_year_with_no_end(select):
    rows = select(
        f"""
        SELECT ?year (DATATYPE(?year) AS ?type) ?precision ?end WHERE {{
          {PROGRAMME} time:hasTime ?interval .
          ?interval time:hasBeginning ?start .
          ?start time:inXSDgYear ?year ; mg:precision ?precision .
          OPTIONAL {{ ?interval time:hasEnd ?end }}
        }}
        """
    )
    assert rows == [
        ("2011", "http://www.w3.org/2001/XMLSchema#gYear", "http://www.w3.org/2006/time#unitYear", None)
    ]


def test_partners_and_funder(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?role), "/role/") AS ?r) (STRAFTER(STR(?member), STR(id:)) AS ?who) WHERE {{
          ?m a org:Membership ; org:organization {PROGRAMME} ; org:role ?role ; org:member ?member .
          ?member a org:FormalOrganization .
        }} ORDER BY ?r ?who
        """
    )
    assert rows == [
        ("funder", "org/sdc"),
        ("implementing-partner", "org/iom"),
        ("implementing-partner", "org/undp"),
    ]


def test_partners_and_funder_since_2011(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?member), STR(id:)) AS ?who) ?start WHERE {{
          ?m a org:Membership ; org:organization {PROGRAMME} ; org:member ?member ;
             org:memberDuring/time:hasBeginning/time:inXSDgYear ?start .
          ?member a org:FormalOrganization .
          FILTER NOT EXISTS {{ ?m org:memberDuring/time:hasEnd ?end }}
        }} ORDER BY ?who
        """
    )
    assert rows == [("org/iom", "2011"), ("org/sdc", "2011"), ("org/undp", "2011")]


def test_sdc_is_a_swiss_government_agency(select):
    rows = select(
        """
        SELECT ?type ?state ?acronym ?hidden WHERE {
          <https://w3id.org/mig-graph/id/org/sdc> a ?type ; org:subOrganizationOf/mg:iso3166Alpha3 ?state ;
              mg:acronym ?acronym ; skos:hiddenLabel ?hidden .
          FILTER(?type != org:FormalOrganization && LANG(?acronym) = "fr")
        }
        """
    )
    assert rows == [
        (
            "https://w3id.org/mig-graph/ontology#GovernmentAgency",
            "CHE",
            "DDC",
            "Direction du développement et de la coopération suisse",
        )
    ]


def test_undp_acronyms(select):
    rows = select(
        """
        SELECT ?acronym (LANG(?acronym) AS ?lang) WHERE {
          <https://w3id.org/mig-graph/id/org/undp> a mg:UNSystemOrganisation ; mg:acronym ?acronym .
        } ORDER BY ?lang
        """
    )
    assert rows == [("UNDP", "en"), ("PNUD", "fr")]


def test_eight_target_governments_with_start_dates_cited_to_the_programme_site(select):
    rows = select(
        f"""
        SELECT ?iso3 ?start (DATATYPE(?start) AS ?type) (STRAFTER(STR(?graph), STR(id:)) AS ?src) WHERE {{
          ?m a org:Membership ; org:organization {PROGRAMME} ;
             org:role <https://w3id.org/mig-graph/vocab/role/target-government> ;
             org:member/mg:iso3166Alpha3 ?iso3 ;
             prov:wasDerivedFrom <https://w3id.org/mig-graph/id/source/seed-004> .
          GRAPH ?graph {{ ?m org:memberDuring ?interval . ?interval time:hasBeginning ?b . }}
          ?b time:inXSDgYear|time:inXSDgYearMonth ?start .
          FILTER NOT EXISTS {{ ?interval time:hasEnd ?end }}
        }} ORDER BY ?iso3
        """
    )
    year, year_month = "http://www.w3.org/2001/XMLSchema#gYear", "http://www.w3.org/2001/XMLSchema#gYearMonth"
    about = "source/mainstreaming-migration-about"
    assert rows == [
        ("BGD", "2011", year, about),
        ("ECU", "2014-02", year_month, about),
        ("JAM", "2011", year, about),
        ("KGZ", "2014-02", year_month, about),
        ("MAR", "2014-02", year_month, about),
        ("MDA", "2011", year, about),
        ("SRB", "2014-02", year_month, about),
        ("TUN", "2011", year, about),
    ]


@pytest.mark.parametrize(
    "iso3, french_name",
    [
        ("BGD", "Bangladesh"),
        ("ECU", "Équateur"),
        ("JAM", "Jamaïque"),
        ("KGZ", "Kirghizistan"),
        ("MDA", "République de Moldova"),
        ("MAR", "Maroc"),
        ("SRB", "Serbie"),
        ("TUN", "Tunisie"),
    ],
)
def test_target_government_french_name(select, iso3, french_name):
    rows = select(
        f"""
        SELECT ?label WHERE {{
          ?m org:organization {PROGRAMME} ; org:member <{ID}state/{iso3}> .
          <{ID}state/{iso3}> a mg:State ; rdfs:label ?label .
          FILTER(LANG(?label) = "fr")
        }}
        """
    )
    assert rows == [(french_name,)]


def test_eight_target_governments_stated_as_a_count(stated_counts):
    assert stated_counts(PROGRAMME) == [("target-governments", "8", "false")]


def test_two_phases_with_their_dates_and_sources(select):
    rows = select(
        f"""
        SELECT ?number ?start ?end (DATATYPE(?start) AS ?type) (STRAFTER(STR(?graph), STR(id:)) AS ?src)
        WHERE {{
          {PROGRAMME} mg:hasPhase ?phase .
          ?phase a mg:ProgrammePhase ; mg:phaseNumber ?number ; dcterms:isPartOf {PROGRAMME} .
          GRAPH ?graph {{ ?phase time:hasTime ?interval }}
          ?interval time:hasBeginning/(time:inXSDgYear|time:inXSDDate) ?start ;
                    time:hasEnd/(time:inXSDgYear|time:inXSDDate) ?end .
        }} ORDER BY ?number
        """
    )
    assert rows == [
        (
            "1",
            "2011",
            "2013",
            "http://www.w3.org/2001/XMLSchema#gYear",
            "source/mainstreaming-migration-about",
        ),
        (
            "2",
            "2014-02-01",
            "2018-01-31",
            "http://www.w3.org/2001/XMLSchema#date",
            "source/iom-mainstreaming-migration-es",
        ),
    ]


def test_second_phase_has_ended(select):
    rows = select(
        f"""
        SELECT ?note WHERE {{ {PROGRAMME} mg:hasPhase ?phase . ?phase mg:phaseNumber 2 ; skos:note ?note . }}
        """
    )
    assert rows == [("The page says the programme has reached the end of its second phase.",)]


def test_main_objective_for_the_eight_target_governments(select):
    rows = select(
        f"""
        SELECT ?position ?label WHERE {{
          {PROGRAMME} mg:hasObjective ?objective .
          ?objective a mg:Objective ; mg:position ?position ; rdfs:label ?label .
          FILTER(LANG(?label) = "en")
        }}
        """
    )
    assert rows == [
        (
            "1",
            "Enable eight target governments to govern migration better for human development and to reduce "
            "risks for migrants, their families and communities",
        )
    ]


def test_results_12_laws_56_new_policies_and_8_countries(select):
    rows = select(
        f"""
        SELECT ?position ?quantity ?label WHERE {{
          {PROGRAMME} mg:hasResult ?result .
          ?result a mg:StatedResult ; mg:position ?position ; rdfs:label ?label .
          OPTIONAL {{ ?result mg:resultQuantity ?quantity }}
          FILTER(LANG(?label) = "en")
        }} ORDER BY ?position
        """
    )
    assert rows == [
        ("1", "12", "Migration mainstreamed into national laws and policies"),
        ("2", "56", "New policies, plans and programmes on migration and development"),
        ("3", "8", "Countries whose national development strategy now mainstreams migration"),
        ("4", "8", "Countries with dedicated intergovernmental coordination mechanisms"),
        ("5", None, "Better data collection and migration profiles for evidence-based planning"),
        ("6", None, "Guidance and legal frameworks for implementation action plans"),
        ("7", None, "Capacity-building, training, technical assistance and peer learning"),
    ]


def test_feeds_into_the_gfmd_and_the_global_compact_consultations(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?target), STR(id:)) AS ?ref) ?type WHERE {{
          {PROGRAMME} mg:feedsInto ?target .
          ?target a ?type .
          FILTER(?type IN (mg:GlobalProcess, mg:MeetingSeries))
        }} ORDER BY ?ref
        """
    )
    assert rows == [
        ("process/gfmd", "https://w3id.org/mig-graph/ontology#GlobalProcess"),
        ("series/gcm-consultations", "https://w3id.org/mig-graph/ontology#MeetingSeries"),
    ]


def test_global_compact_consultations_refer_to_the_global_compact(ask):
    assert ask(
        """
        ASK { <https://w3id.org/mig-graph/id/series/gcm-consultations> mg:refersTo
                <https://w3id.org/mig-graph/id/framework/global-compact-migration> }
        """
    )


def test_managed_by_iom_labour_mobility_division_in_geneva(select):
    rows = select(
        f"""
        SELECT (STRAFTER(STR(?division), STR(id:)) AS ?ref) (STRAFTER(STR(?parent), STR(id:)) AS ?unit_of)
               ?country ?hidden WHERE {{
          {PROGRAMME} mg:managedBy ?division .
          ?division a org:OrganizationalUnit ; org:unitOf ?parent ; skos:hiddenLabel ?hidden ;
                    org:basedAt/mg:inCountry/mg:iso3166Alpha3 ?country .
        }}
        """
    )
    assert rows == [
        (
            "org/iom-labour-mobility-human-development-division",
            "org/iom",
            "CHE",
            "Division Migration de main-d'oeuvre et développement humain",
        )
    ]


@pytest.mark.parametrize("fragment", ["lhd@", "717 9111", "798 6150", "Morillons"])
def test_no_contact_details_of_the_division_in_the_graph(ask, fragment):
    assert not ask(f'ASK {{ ?s ?p ?o . FILTER(isLiteral(?o) && CONTAINS(STR(?o), "{fragment}")) }}')
