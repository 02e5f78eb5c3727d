"""The SPARQL text of the three reading queries: the links, the nodes' attributes, the dated events.

What a link is, which nodes count as actors and processes, and how dates are chosen are
described in :mod:`mig_graph.network.read`, which runs these queries.
"""

from __future__ import annotations

from mig_graph.namespaces import PREFIXES

__all__ = ["LINKS", "NODE_ATTRIBUTES", "TIMELINE"]

_PREFIXES = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
_DATE_PATH = "(time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate)"

LINKS = (
    _PREFIXES
    + f"""
SELECT ?relation ?actor ?process ?roleIri ?start ?end ?endKind ?respect
       (GROUP_CONCAT(DISTINCT STR(?source); separator=" ") AS ?sources)
       (GROUP_CONCAT(DISTINCT STR(?sourceDate); separator=" ") AS ?sourceDates)
       (GROUP_CONCAT(DISTINCT STR(?until); separator=" ") AS ?confirmedUntil)
WHERE {{
  {{
    ?link a org:Membership ; org:member ?actor ; org:organization ?process .
    BIND("membership" AS ?relation)
    OPTIONAL {{ ?link org:role ?roleIri }}
    OPTIONAL {{ ?link org:memberDuring/time:hasBeginning/{_DATE_PATH} ?start }}
    OPTIONAL {{ ?link org:memberDuring/time:hasEnd/{_DATE_PATH} ?ownEnd }}
    OPTIONAL {{ ?process time:hasTime/time:hasEnd/{_DATE_PATH} ?processEnd }}
    BIND(COALESCE(?ownEnd, ?processEnd) AS ?end)
    BIND(IF(BOUND(?ownEnd), IF(EXISTS {{ ?link mg:endDerivation ?derivation }}, "derived", "stated"),
            IF(BOUND(?processEnd), "mechanism-ended", "")) AS ?endKind)
    OPTIONAL {{ ?link mg:confirmedUntil ?until }}
    OPTIONAL {{ ?link prov:wasDerivedFrom ?datedSource . ?datedSource dcterms:date|mg:notBefore ?sourceDate }}
    OPTIONAL {{ ?link mg:inRespectOf ?respect }}
  }} UNION {{
    ?link a mg:Participation ; mg:participant ?actor ; mg:inEvent ?event .
    BIND("participation" AS ?relation)
    OPTIONAL {{ ?link mg:participationRole ?roleIri }}
    OPTIONAL {{ ?event a mg:Session ; schema:superEvent ?meeting }}
    BIND(COALESCE(?meeting, ?event) AS ?process)
    OPTIONAL {{ ?process time:hasTime/time:hasBeginning/{_DATE_PATH} ?start }}
    OPTIONAL {{ ?process time:hasTime/time:hasEnd/{_DATE_PATH} ?end }}
  }} UNION {{
    ?link a mg:Signature ; mg:signatory ?actor ; mg:signedDocument ?process .
    BIND("signature" AS ?relation)
    OPTIONAL {{ ?link mg:signedOn/{_DATE_PATH} ?start }}
    BIND(?start AS ?end)
  }}
  FILTER EXISTS {{ ?actor a ?actorClass . VALUES ?actorClass {{ mg:State org:FormalOrganization }} }}
  MINUS {{ ?anyMembership org:organization ?actor }}
  OPTIONAL {{ ?link prov:wasDerivedFrom ?source }}
}}
GROUP BY ?relation ?actor ?process ?roleIri ?start ?end ?endKind ?respect
"""
)
"""Every actor–process link: one row per link and date, with the sources that state it, the dates
of those that are dated (``dcterms:date`` or ``mg:notBefore``), and, for a membership, where its end
comes from (``stated``, ``derived`` from a succession, ``mechanism-ended``) and ``mg:confirmedUntil``."""

NODE_ATTRIBUTES = (
    _PREFIXES
    + f"""
SELECT ?node
       (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?types)
       (MIN(STR(?labelEn)) AS ?label_en) (MIN(STR(?labelFr)) AS ?label_fr)
       (MIN(STR(?acronymEn)) AS ?acronym_en) (MIN(STR(?acronymFr)) AS ?acronym_fr)
       (MIN(STR(?alpha2)) AS ?iso_alpha2) (MIN(STR(?alpha3)) AS ?iso_alpha3)
       (MIN(STR(?wd)) AS ?wikidata) (MIN(STR(?partOf)) AS ?part_of)
       (GROUP_CONCAT(DISTINCT STR(?start); separator=" ") AS ?starts)
       (GROUP_CONCAT(DISTINCT STR(?end); separator=" ") AS ?ends)
WHERE {{
  VALUES ?node {{ %s }}
  OPTIONAL {{ ?node a ?type }}
  OPTIONAL {{ ?node rdfs:label ?labelEn FILTER(LANG(?labelEn) = "en") }}
  OPTIONAL {{ ?node rdfs:label ?labelFr FILTER(LANG(?labelFr) = "fr") }}
  OPTIONAL {{ ?node mg:acronym ?acronymEn FILTER(LANG(?acronymEn) = "en") }}
  OPTIONAL {{ ?node mg:acronym ?acronymFr FILTER(LANG(?acronymFr) = "fr") }}
  OPTIONAL {{ ?node mg:iso3166Alpha2 ?alpha2 }}
  OPTIONAL {{ ?node mg:iso3166Alpha3 ?alpha3 }}
  OPTIONAL {{ ?node mg:wikidata ?wd }}
  OPTIONAL {{ ?node schema:superEvent|org:subOrganizationOf|org:unitOf|dcterms:isPartOf ?partOf }}
  OPTIONAL {{ ?node time:hasTime/time:hasBeginning/{_DATE_PATH}|dcterms:date ?start }}
  OPTIONAL {{ ?node time:hasTime/time:hasEnd/{_DATE_PATH}|dcterms:date ?end }}
}}
GROUP BY ?node
"""
)
"""The attributes of some nodes: ``%s`` is replaced by the IRIs of the nodes, in angle brackets."""

TIMELINE = (
    _PREFIXES
    + f"""
SELECT ?entity ?category (GROUP_CONCAT(DISTINCT STR(?start); separator=" ") AS ?starts)
WHERE {{
  ?entity time:hasTime/time:hasBeginning/{_DATE_PATH} ?start .
  {{ ?entity a mg:Meeting . BIND("meeting" AS ?category) }}
  UNION
  {{
    ?entity a ?class .
    VALUES ?class {{ mg:ConsultationMechanism mg:JointProgramme mg:MeetingSeries org:FormalOrganization }}
    BIND("establishment" AS ?category)
  }}
}}
GROUP BY ?entity ?category
"""
)
"""Dated meetings and establishments (of processes, programmes, meeting series, organisations)."""
