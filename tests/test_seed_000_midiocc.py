"""Seed 000 (MiDIOCC): members, dates with their precision, objectives, themes and conflicts."""

from __future__ import annotations

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
