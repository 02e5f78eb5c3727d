"""Generate ``shapes/iso3166.ttl``: SHACL shapes listing every ISO 3166-1 code (from pycountry).

Run ``python -m mig_graph.validate.isoshapes > shapes/iso3166.ttl`` after upgrading pycountry; a test
checks that the committed file matches this rendering.
"""

from __future__ import annotations

import pycountry

__all__ = ["render_iso3166_shapes"]

_HEADER = """# ISO 3166-1 codes: alpha-2 and alpha-3 codes exist and name the same country.
# Generated from pycountry {version} by `python -m mig_graph.validate.isoshapes`; do not edit by hand.
@prefix sh:   <http://www.w3.org/ns/shacl#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix mg:   <https://w3id.org/mig-graph/ontology#> .
@prefix mgsh: <https://w3id.org/mig-graph/shapes#> .
"""


def _wrapped(values: list[str], indent: str) -> str:
    lines, line = [], indent
    for value in values:
        if len(line) + len(value) > 100:
            lines.append(line.rstrip())
            line = indent
        line += value + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def render_iso3166_shapes() -> str:
    """The Turtle text of the ISO 3166-1 shapes."""
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    alpha_2 = _wrapped([f'"{c.alpha_2}"' for c in sorted(countries, key=lambda c: c.alpha_2)], "        ")
    alpha_3 = _wrapped([f'"{c.alpha_3}"' for c in countries], "        ")
    pairs = _wrapped([f"|{c.alpha_2}:{c.alpha_3}|" for c in countries], "                ")
    return (
        _HEADER.format(version=pycountry.__version__ if hasattr(pycountry, "__version__") else "")
        + f"""
mgsh:IsoCodesExist
    a sh:NodeShape ;
    rdfs:label "ISO 3166-1 codes are well formed and exist"@en ;
    sh:targetClass mg:State, mg:Territory ;
    sh:property mgsh:Alpha2CodeExists, mgsh:Alpha3CodeExists .

mgsh:Alpha2CodeExists
    a sh:PropertyShape ;
    sh:path mg:iso3166Alpha2 ;
    sh:minCount 1 ;
    sh:maxCount 1 ;
    sh:datatype xsd:string ;
    sh:pattern "^[A-Z]{{2}}$" ;
    sh:severity sh:Violation ;
    sh:message "A state or territory has one ISO 3166-1 alpha-2 code from the ISO list."@en ;
    sh:in (
{alpha_2}
    ) .

mgsh:Alpha3CodeExists
    a sh:PropertyShape ;
    sh:path mg:iso3166Alpha3 ;
    sh:minCount 1 ;
    sh:maxCount 1 ;
    sh:datatype xsd:string ;
    sh:pattern "^[A-Z]{{3}}$" ;
    sh:severity sh:Violation ;
    sh:message "A state or territory has one ISO 3166-1 alpha-3 code from the ISO list."@en ;
    sh:in (
{alpha_3}
    ) .

mgsh:Alpha2AndAlpha3NameTheSameCountry
    a sh:NodeShape ;
    rdfs:label "alpha-2 and alpha-3 codes belong to the same country"@en ;
    sh:targetClass mg:State, mg:Territory ;
    sh:severity sh:Violation ;
    sh:sparql [
        a sh:SPARQLConstraint ;
        sh:message "Alpha-2 code {{?value}} and alpha-3 code {{?alpha3}} name different countries."@en ;
        sh:prefixes <https://w3id.org/mig-graph/shapes> ;
        sh:select \"\"\"
            SELECT $this ?value ?alpha3 WHERE {{
              $this mg:iso3166Alpha2 ?value ; mg:iso3166Alpha3 ?alpha3 .
              BIND('''
{pairs}''' AS ?pairs)
              FILTER(!CONTAINS(?pairs, CONCAT("|", STR(?value), ":", STR(?alpha3), "|")))
            }}\"\"\" ;
    ] .
"""
    )


if __name__ == "__main__":
    print(render_iso3166_shapes(), end="")
