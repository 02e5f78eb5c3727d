"""The full packaged graph: every consultation mechanism the seeds name, with sourced members.

These tests run on the graph compiled from all of ``data/`` (not only the seed files), so they
assert the curated coverage records (``data/iscm-*.yaml``, ``data/org-*.yaml``): the member lists
each source gives, the counts sources state and where the two disagree, the provenance of every
fact, the recorded conflicts, and the cross-process analysis.
"""

from __future__ import annotations

import pytest
import yaml
from rdflib import Dataset

from mig_graph import paths
from mig_graph.namespaces import PREFIXES
from mig_graph.query.library import run_query
from mig_graph.store import open_dataset
from mig_graph.validate.shacl import validate_inputs

ID = "https://w3id.org/mig-graph/id/"
PREFIX_BLOCK = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items()) + (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
)
COVERAGE_FILES = sorted(
    [*paths.data_dir().glob("iscm-*.yaml"), *paths.data_dir().glob("org-*.yaml")], key=lambda p: p.name
)


@pytest.fixture(scope="module")
def store() -> Dataset:
    """The packaged data (all curated files), compiled and loaded into the embedded store."""
    return open_dataset()


@pytest.fixture(scope="module")
def select(store: Dataset):
    def run(query: str) -> list[tuple[str | None, ...]]:
        result = store.query(PREFIX_BLOCK + query)
        return [tuple(None if value is None else str(value) for value in row) for row in result]

    return run


def _members(select, organisation: str, role: str = "member") -> list[str]:
    rows = select(f"""
        SELECT DISTINCT ?iso3 WHERE {{
          ?m a org:Membership ; org:organization <{ID}{organisation}> ; org:member ?state ;
             org:role <https://w3id.org/mig-graph/vocab/role/{role}> .
          ?state a mg:State ; mg:iso3166Alpha3 ?iso3 .
        }}""")
    return sorted(row[0] for row in rows)


# -- member lists, as their sources give them -------------------------------------------

MEMBER_LISTS = {
    "process/puebla-process": "BLZ CAN CRI DOM GTM HND MEX NIC PAN SLV USA",
    "process/sacm": "ARG BOL BRA CHL COL ECU GUY PER PRY SUR URY VEN",
    "process/midwa": "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI NER NGA SEN SLE TGO",
    "process/midsa": "AGO BWA COD COM LSO MDG MOZ MUS MWI NAM SWZ SYC TZA ZAF ZMB ZWE",
    "process/igad-rcp": "DJI ETH KEN SDN SOM UGA",
    "process/colombo-process": "AFG BGD CHN IDN IND KHM LKA NPL PAK PHL THA VNM",
    "process/abu-dhabi-dialogue": "AFG ARE BGD BHR CHN IDN IND KWT LKA MYS NPL OMN PAK PHL QAT SAU THA VNM",
    "process/soderkoping-process": "ARM AZE BLR GEO HUN LTU LVA MDA POL ROU SVK SWE UKR",
    "process/igc": "AUS BEL CAN CHE DEU DNK ESP FIN GBR GRC IRL NLD NOR NZL POL SWE USA",
    "process/midiocc": "COM FRA MDG MUS SYC",
    "org/ecowas": "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI NER NGA SEN SLE TGO",
    "org/sadc": "AGO BWA COD COM LSO MDG MOZ MUS MWI NAM SWZ SYC TZA ZAF ZMB ZWE",
    "org/igad": "DJI ERI ETH KEN SDN SOM SSD UGA",
    "org/coi": "COM FRA MDG MUS SYC",
}


@pytest.mark.parametrize("organisation", sorted(MEMBER_LISTS))
def test_member_list_is_the_sourced_list(select, organisation):
    assert _members(select, organisation) == MEMBER_LISTS[organisation].split()


def test_observer_lists(select):
    assert _members(select, "process/puebla-process", "observer") == ["ARG", "COL", "ECU", "JAM", "PER"]
    assert _members(select, "process/sacm", "observer") == ["MEX"]
    # Switzerland in both sources; Mauritania (Niamey guide) and France (an earlier IOM page) in one each.
    assert _members(select, "process/midwa", "observer") == ["CHE", "FRA", "MRT"]
    assert _members(select, "process/soderkoping-process", "observer") == ["EST"]
    assert _members(select, "process/abu-dhabi-dialogue", "observer") == [
        "DEU",
        "FRA",
        "JPN",
        "KOR",
        "MUS",
        "POL",
        "USA",
    ]


# -- stated counts against the sourced lists ----------------------------------------------


@pytest.fixture(scope="module")
def count_rows(store):
    result = run_query("count-vs-list", dataset=store)
    rows = set()
    for subject, category, stated, listed, agrees, _source in result.rows:
        rows.add(
            (
                str(subject).removeprefix(ID),
                str(category),
                int(stated),
                None if listed is None else int(listed),
                str(agrees),
            )
        )
    return rows


AGREEING_COUNTS = {
    "process/puebla-process": 11,
    "process/sacm": 12,
    "process/midwa": 15,
    "process/midsa": 16,
    "process/colombo-process": 12,
    "process/abu-dhabi-dialogue": 18,
    "process/igc": 17,
    "process/midiocc": 5,
    "process/afml": 10,
    "process/fibemyd": 22,
    "org/asean": 10,
    "org/ecowas": 15,
    "org/sadc": 16,
    "org/igad": 8,
}


@pytest.mark.parametrize("subject", sorted(AGREEING_COUNTS))
def test_stated_member_count_equals_the_sourced_list(select, count_rows, subject):
    stated = AGREEING_COUNTS[subject]
    assert len(_members(select, subject)) == stated
    assert (subject, "member-states", stated, stated, "yes") in count_rows


def test_count_vs_list_shows_where_counts_and_lists_disagree(count_rows):
    # The UAE news agency's 16 against the 18 members a 2021 report names.
    assert ("process/abu-dhabi-dialogue", "member-states", 16, 18, "no") in count_rows
    # IOM's 19 IGC participating states against the 17 the Bali Process site lists.
    assert ("process/igc", "member-states", 19, 17, "no") in count_rows
    # UNHCR's "ten countries" count Estonia, an observer in the list; the list adds the four that IOM's
    # fourteen participating countries name beyond them (Armenia, Azerbaijan, Georgia, Sweden; 2010-2011).
    assert ("process/soderkoping-process", "member-states", 10, 13, "no") in count_rows
    # IOM's 82 Tripoli Process members against the 68 its two stored copies show; its 108 ACP-EU
    # dialogue members against the 79 ACP states (the EU side is not named).
    assert ("process/tripoli-process", "member-states", 82, 68, "no") in count_rows
    assert ("process/acp-eu-dialogue-migration", "member-states", 108, 79, "no") in count_rows
    # The Bali Process's 45 member states against the 21 that partial lists name.
    assert ("process/bali-process", "member-states", 45, 21, "no") in count_rows
    # IOM's 175 member states against the 131 the stored sources name.
    assert ("org/iom", "member-states", 175, 131, "no") in count_rows
    # A count with no list behind it: the IDM is open to all IOM member states, listed under IOM.
    assert ("process/idm", "member-states", 175, None, "no list") in count_rows


def test_processes_with_a_member_list_have_a_stated_count_except_igad_rcp(count_rows):
    counted = {row[0] for row in count_rows if row[1] == "member-states"}
    listed = {subject for subject in MEMBER_LISTS if subject.startswith("process/")}
    assert listed - counted == {"process/igad-rcp"}


# -- provenance ----------------------------------------------------------------------------


def test_every_membership_participation_meeting_and_process_cites_a_described_source(select):
    rows = select("""
        SELECT DISTINCT ?fact WHERE {
          VALUES ?class { org:Membership mg:Participation mg:Meeting mg:ConsultationMechanism }
          ?fact a ?class .
          FILTER NOT EXISTS {
            ?fact prov:wasDerivedFrom ?source .
            ?source a ?kind .
            FILTER(?kind IN (mg:SeedDocument, mg:ExternalSource))
            { ?source mg:sourceUrl ?locator } UNION { ?source mg:seedFile ?locator }
          }
        }""")
    assert rows == []


def test_every_external_source_has_an_address(select):
    assert (
        select("""
        SELECT ?source WHERE {
          ?source a mg:ExternalSource .
          FILTER NOT EXISTS { ?source mg:sourceUrl ?url FILTER(REGEX(STR(?url), "^https?://")) }
        }""")
        == []
    )


def _coverage_source_ids() -> set[str]:
    ids = set()
    for path in COVERAGE_FILES:
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        ids.add(content["source"]["id"])
        ids.update(reference["id"] for reference in content.get("references") or [])
    return ids


def test_each_source_added_by_the_coverage_files_is_external_with_a_url(select):
    ids = _coverage_source_ids()
    assert len(COVERAGE_FILES) == 47
    rows = select("""
        SELECT ?source ?url WHERE { ?source a mg:ExternalSource ; mg:sourceUrl ?url }""")
    urls = {source.removeprefix(f"{ID}source/"): url for source, url in rows}
    missing = sorted(ids - set(urls))
    assert missing == []
    assert all(urls[i].startswith(("http://", "https://")) for i in ids)


def test_each_coverage_file_has_a_url_source():
    for path in COVERAGE_FILES:
        source = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]
        assert source["url"].startswith(("http://", "https://")), path.name
        assert "seed_file" not in source, path.name


# -- conflicts and validation ----------------------------------------------------------------

CONFLICTS = {
    "abu-dhabi-dialogue-member-count": ("process/abu-dhabi-dialogue", "mg:hasStatedCount", 2),
    "igc-member-count": ("process/igc", "mg:hasStatedCount", 3),
    "bali-process-type": ("process/bali-process", "rdf:type", 2),
    "budapest-process-type": ("process/budapest-process", "rdf:type", 2),
    "igc-type": ("process/igc", "rdf:type", 2),
    "midwa-founding": ("process/midwa", "time:hasTime", 3),
    "sacm-founding": ("process/sacm", "time:hasTime", 3),
    "mtm-dialogue-beginning": ("process/mtm-dialogue", "time:hasTime", 2),
    "budapest-process-beginning": ("process/budapest-process", "time:hasTime", 2),
    "eap-panel-mmibm-beginning": ("process/eap-panel-migration-mobility-ibm", "time:hasTime", 2),
}


@pytest.mark.parametrize("conflict", sorted(CONFLICTS))
def test_disagreements_are_recorded_as_conflicts(select, conflict):
    subject, prop, claims = CONFLICTS[conflict]
    rows = select(f"""
        SELECT (COUNT(DISTINCT ?claim) AS ?n) WHERE {{
          <{ID}conflict/{conflict}> a mg:Conflict ; mg:conflictSubject <{ID}{subject}> ;
              mg:conflictProperty {prop} ; mg:hasClaim ?claim .
          ?claim mg:passage ?passage ; prov:wasDerivedFrom ?source .
        }}""")
    assert rows == [(str(claims),)]


def test_kind_conflicts_keep_both_kinds(select):
    for process in ("bali-process", "budapest-process", "igc"):
        kinds = select(f"""
            SELECT ?kind WHERE {{
              <{ID}process/{process}> a ?kind .
              FILTER(?kind IN (mg:RegionalConsultativeProcess, mg:InterRegionalForum))
            }} ORDER BY ?kind""")
        assert [row[0].rsplit("#", 1)[1] for row in kinds] == [
            "InterRegionalForum",
            "RegionalConsultativeProcess",
        ]


def test_full_data_conforms_to_the_shapes():
    report = validate_inputs()
    assert report.violations == ()
    assert report.conforms
    conflicts = {r.focus for r in report.warnings if r.shape.endswith("RecordedConflict")}
    assert {f"{ID}conflict/{name}" for name in CONFLICTS} <= conflicts


# -- founding dates, chairs, secretariats ----------------------------------------------------


def _starts(select, subject: str) -> list[str]:
    rows = select(f"""
        SELECT DISTINCT ?start WHERE {{
          <{ID}{subject}> time:hasTime/time:hasBeginning ?instant .
          ?instant time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate ?start
        }} ORDER BY ?start""")
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    ("process", "start"),
    [
        ("puebla-process", "1996-02"),
        ("midsa", "2000"),
        ("igad-rcp", "2008"),
        ("apc", "1996"),
        ("colombo-process", "2003"),
        ("abu-dhabi-dialogue", "2008-01"),
        ("bali-process", "2002-02"),
        ("soderkoping-process", "2001"),
        ("igc", "1985"),
        ("idm", "2001"),
        ("gfmd", "2006"),
        ("midiocc", "2020-03"),
    ],
)
def test_each_mechanism_has_one_founding_date_at_its_precision(select, process, start):
    assert _starts(select, f"process/{process}") == [start]


@pytest.mark.parametrize(
    ("process", "starts"),
    [
        ("sacm", ["1999", "2000", "2001"]),
        ("mtm-dialogue", ["2002", "2003"]),
        ("budapest-process", ["1991", "1993-02"]),
        ("eap-panel-migration-mobility-ibm", ["2001", "2017-11"]),
        ("midwa", ["2000", "2000-12", "2001"]),
    ],
)
def test_disputed_founding_dates_are_all_kept_under_a_recorded_conflict(select, process, starts):
    assert _starts(select, f"process/{process}") == starts
    conflicts = select(f"""
        SELECT ?conflict WHERE {{ ?conflict mg:conflictSubject <{ID}process/{process}> ;
                                            mg:conflictProperty time:hasTime }}""")
    assert len(conflicts) == 1


def test_chairs_with_their_terms(select):
    rows = select(f"""
        SELECT ?iso3 ?start ?end WHERE {{
          ?m org:organization <{ID}process/igc> ; org:role <https://w3id.org/mig-graph/vocab/role/chair> ;
             org:member/mg:iso3166Alpha3 ?iso3 .
          OPTIONAL {{ ?m org:memberDuring/time:hasBeginning/time:inXSDgYear ?start }}
          OPTIONAL {{ ?m org:memberDuring/time:hasEnd/time:inXSDgYear ?end }}
        }} ORDER BY ?start ?iso3""")
    assert rows[:2] == [("AUS", "2000", "2001"), ("GBR", "2001", "2002")]
    assert rows[-2:] == [("SWE", "2023", "2024"), ("USA", "2023", "2023")]
    assert len(rows) == 23  # 15 states, 8 of which chaired twice: one membership per term
    budapest = select(f"""
        SELECT ?role ?iso3 ?start WHERE {{
          ?m org:organization <{ID}process/budapest-process> ; org:role ?r ;
             org:member/mg:iso3166Alpha3 ?iso3 ;
             org:memberDuring/time:hasBeginning/(time:inXSDgYear|time:inXSDgYearMonth) ?start .
          BIND(STRAFTER(STR(?r), "/role/") AS ?role)
        }} ORDER BY ?start ?role""")
    assert budapest == [("chair", "HUN", "1993"), ("chair", "TUR", "2006-01"), ("co-chair", "HUN", "2006-01")]


def test_secretariats(select):
    rows = select("""
        SELECT ?process ?secretariat WHERE {
          ?m org:role <https://w3id.org/mig-graph/vocab/role/secretariat> ;
             org:organization ?p ; org:member ?s .
          ?p a mg:ConsultationMechanism .
          BIND(STRAFTER(STR(?p), "/id/process/") AS ?process)
          BIND(STRAFTER(STR(?s), "/id/") AS ?secretariat)
        } ORDER BY ?process ?secretariat""")
    assert rows == [
        ("abu-dhabi-dialogue", "state/ARE"),
        ("almaty-process", "org/iom"),
        ("almaty-process", "org/unhcr"),
        ("apc", "org/apc-secretariat"),
        ("arcp", "org/las"),
        ("asia-eu-dialogue-labour-migration", "org/iom"),
        ("budapest-process", "org/icmpd"),
        ("fibemyd", "org/segib"),
        ("gfmd", "org/gfmd-support-unit"),
        ("khartoum-process", "org/au-commission"),
        ("khartoum-process", "org/european-commission"),
        ("midcas", "org/eccas-secretariat"),
        ("midcom", "org/comesa-secretariat"),
        ("midwa", "org/ecowas-commission"),
        ("mtm-dialogue", "org/icmpd"),
        ("pidc", "org/pidc-secretariat"),
        ("prague-process", "org/icmpd"),
        ("sacm", "org/iom"),
        ("soderkoping-process", "org/cbcp-secretariat"),
    ]


def test_technical_and_administrative_support_is_not_called_a_secretariat(select):
    rows = select("""
        SELECT ?process ?supporter WHERE {
          ?m org:role <https://w3id.org/mig-graph/vocab/role/technical-support> ;
             org:organization ?p ; org:member ?s .
          BIND(STRAFTER(STR(?p), "/id/process/") AS ?process)
          BIND(STRAFTER(STR(?s), "/id/") AS ?supporter)
        } ORDER BY ?process""")
    assert sorted(rows) == [
        ("afml", "org/asean-secretariat"),
        ("afml", "org/ilo"),
        ("afml", "org/iom"),
        ("afml", "org/un-women"),
        ("colombo-process", "org/iom"),
        ("midsa", "org/iom"),
        ("mme-partnership", "org/icmpd"),
    ]


def test_regional_organisations_have_their_wikidata_items(select):
    rows = select(f"""
        SELECT ?org ?item WHERE {{
          VALUES ?org {{ <{ID}org/ecowas> <{ID}org/sadc> <{ID}org/igad> <{ID}org/coi> <{ID}org/icmpd> }}
          ?org mg:wikidata ?item .
        }} ORDER BY ?org""")
    assert [(org.rsplit("/", 1)[1], item.rsplit("/", 1)[1]) for org, item in rows] == [
        ("coi", "Q1115631"),
        ("ecowas", "Q193272"),
        ("icmpd", "Q498496"),
        ("igad", "Q499039"),
        ("sadc", "Q816706"),
    ]


# -- the cross-process analysis ---------------------------------------------------------------


def test_cross_process_members_top_states(store):
    """The states in most "processes" in the query's wider reading (``reading=all``): mechanisms,
    programmes, declarations and meeting series alike (any role; a meeting counts for its process or series,
    or for itself when it has neither). From the data files:

    - Germany, 10: the Abu Dhabi Dialogue (observer), Budapest, GFMD (co-chair), IGAD-RCP, IGC,
      Khartoum, Prague, Rabat and Tripoli Processes, and the 2002 ASEM ministerial on migration.
    - France, 10: member of the 5+5 Dialogue, Khartoum, Rabat, Prague, Budapest and Tripoli
      Processes and MiDIOCC (for Réunion), observer of MIDWA and of the Abu Dhabi Dialogue, chair of
      the GFMD (2022 to April 2024).
    - Spain, 9 (with FIBEMYD and the 2002 ASEM ministerial); Morocco, 8, of which the Lima series,
      the Lima Declaration and the programme.
    """
    result = run_query("cross-process-members", {"reading": "all"}, dataset=store)
    states = [
        (str(iso3), int(n), set(str(processes).split()))
        for _actor, _label, iso3, n, processes in result.rows
        if iso3 is not None
    ]
    assert max(n for _, n, _ in states) == 10
    assert sorted(iso3 for iso3, n, _ in states if n == 10) == ["DEU", "FRA"]
    assert sorted(iso3 for iso3, n, _ in states if n == 9) == ["ESP"]
    by_state = {iso3: processes for iso3, _, processes in states}
    assert by_state["FRA"] == {
        "process/5plus5-dialogue-migration",
        "process/abu-dhabi-dialogue",
        "process/budapest-process",
        "process/gfmd",
        "process/khartoum-process",
        "process/midiocc",
        "process/midwa",
        "process/prague-process",
        "process/rabat-process",
        "process/tripoli-process",
    }
    assert by_state["MAR"] == {
        "document/lima-declaration-2006",
        "process/5plus5-dialogue-migration",
        "process/arcp",
        "process/gfmd",
        "process/rabat-process",
        "process/tripoli-process",
        "programme/mainstreaming-migration",
        "series/high-emigration-ministerial-meetings",
    }


def test_cross_process_members_counts_mechanisms_by_default(store):
    """By default the query counts what the network counts: states in consultation mechanisms
    (France in 10, Germany, Spain and Sweden in 8, as memberships alone give below)."""
    result = run_query("cross-process-members", dataset=store)
    top = [(str(iso3), int(n)) for _actor, _label, iso3, n, _processes in result.rows[:4]]
    assert top == [("FRA", 10), ("DEU", 8), ("ESP", 8), ("SWE", 8)]
    assert not any("meeting/" in str(row[4]) or "document/" in str(row[4]) for row in result.rows)


def test_memberships_per_state_across_mechanisms(select):
    """Distinct mechanisms per state over org:Membership alone (any role): France in 10 (see above);
    Germany, Spain and Sweden in 8 (the European processes, the Tripoli Process, the IGC, and the
    Abu Dhabi Dialogue as observers, the GFMD as chairs, FIBEMYD or Söderköping as members); 190
    states in at least one mechanism (Iceland among them, on ICMPD's Rabat Process page)."""
    rows = select("""
        SELECT ?iso3 (COUNT(DISTINCT ?p) AS ?n) WHERE {
          ?m a org:Membership ; org:member ?s ; org:organization ?p .
          ?s a mg:State ; mg:iso3166Alpha3 ?iso3 .
          ?p a mg:ConsultationMechanism .
        } GROUP BY ?iso3 ORDER BY DESC(?n) ?iso3""")
    assert rows[:4] == [("FRA", "10"), ("DEU", "8"), ("ESP", "8"), ("SWE", "8")]
    assert len(rows) == 190
    sweden = select("""
        SELECT DISTINCT ?p WHERE {
          ?m a org:Membership ; org:member <https://w3id.org/mig-graph/id/state/SWE> ; org:organization ?p .
          ?p a mg:ConsultationMechanism .
        } ORDER BY ?p""")
    assert [row[0].rsplit("/", 1)[1] for row in sweden] == [
        "budapest-process",
        "gfmd",
        "igc",
        "khartoum-process",
        "prague-process",
        "rabat-process",
        "soderkoping-process",
        "tripoli-process",
    ]


def test_coverage_targets(select):
    """Issue 15's targets: at least 30 mechanisms, 28 of them with three or more sourced member states,
    and at least 170 distinct states holding a sourced membership (IOM's list included)."""
    member = "<https://w3id.org/mig-graph/vocab/role/member>"
    assert select("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a mg:ConsultationMechanism }") == [("38",)]
    assert select(f"""
        SELECT (COUNT(*) AS ?n) {{
          SELECT ?p {{
            ?p a mg:ConsultationMechanism .
            ?m org:organization ?p ; org:member ?s ; org:role {member} . ?s a mg:State
          }} GROUP BY ?p HAVING (COUNT(DISTINCT ?s) >= 3)
        }}""") == [("28",)]
    assert select("""
        SELECT (COUNT(DISTINCT ?s) AS ?n) { ?m a org:Membership ; org:member ?s . ?s a mg:State }""") == [
        ("193",)
    ]


def test_short_names_never_collide(store):
    """ "CAN" is both Canada's ISO code and the Andean Community's acronym: each gets its kind."""
    from mig_graph.network import distinct_names, parse_scope, read_graphs

    bipartite = read_graphs(store, scope=parse_scope("all")).bipartite
    nodes = sorted(bipartite)
    for lang, limit in (("en", 30), ("fr", 30), ("en", 40), ("en", None)):
        names = distinct_names([bipartite.nodes[node] for node in nodes], lang, limit=limit)
        assert len(set(names)) == len(nodes)
        if limit:
            assert max(map(len, names)) <= limit
    names = dict(
        zip(nodes, distinct_names([bipartite.nodes[node] for node in nodes], "en", limit=30), strict=True)
    )
    assert names["state/CAN"] == "CAN (state)"
    assert names["org/andean-community"] == "CAN (regional organisation)"
    assert names["state/FRA"] == "FRA"


def test_the_network_links_states_to_mechanisms_only_by_default(store):
    """No meeting, declaration, programme or organisation is a "process" unless asked for."""
    from mig_graph.network import MECHANISM_KINDS, parse_scope, processes_per_actor, read_graphs, sides

    bipartite = read_graphs(store).bipartite
    actors, processes = sides(bipartite)
    assert {bipartite.nodes[node]["kind"] for node in actors} == {"state"}
    assert all(set(bipartite.nodes[node]["kinds"].split()) & MECHANISM_KINDS for node in processes)
    assert {data["relation"] for _, _, data in bipartite.edges(data=True)} == {"membership"}
    assert (len(actors), len(processes), bipartite.number_of_edges()) == (
        190,
        29,
        684,
    )  # Iceland and the UK in the Rabat Process, France and Colombia as chairs of the GFMD
    assert processes_per_actor(bipartite)[:4] == [
        ("state/FRA", 10),
        ("state/DEU", 8),
        ("state/ESP", 8),
        ("state/SWE", 8),
    ]
    assert bipartite.graph["includes"] == ""
    wider = read_graphs(store, scope=parse_scope("all")).bipartite
    assert "meeting/lima-ministerial-2006" in wider and "org/iom" in wider
    assert "meeting/lima-ministerial-2006" not in bipartite and "org/iom" not in bipartite
