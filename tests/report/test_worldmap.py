"""mig_graph.report.worldmap: Natural Earth's boundaries decoded, mechanisms per state, the map."""

from __future__ import annotations

from collections import Counter

from matplotlib.collections import PolyCollection

from mig_graph.report.worldmap import (
    SHADES,
    countries,
    mechanisms_per_state,
    members_per_mechanism,
    natural_earth,
    plot_world_map,
    shade_edges,
    unmapped,
)

IOC_STATES = {"COM": 1, "FRA": 1, "MDG": 1, "MUS": 1, "SYC": 1}


def test_the_boundaries_are_natural_earths_countries_by_iso_numeric_code():
    found = countries()
    assert len(found) == 177
    by_code = {country.numeric: country for country in found}
    assert by_code["250"].name == "France" and by_code["450"].name == "Madagascar"
    assert sorted(country.name for country in found if not country.numeric) == [
        "Kosovo",
        "N. Cyprus",
        "Somaliland",
    ]
    # France's rings hold metropolitan France and French Guiana (Corsica too), in degrees
    longitudes = [lon for ring in by_code["250"].rings for lon, _ in ring]
    assert min(longitudes) < -51 and max(longitudes) > 9
    madagascar = [point for ring in by_code["450"].rings for point in ring]
    assert all(43 < lon < 51 and -26 < lat < -11 for lon, lat in madagascar)


def test_mechanisms_per_state_and_members_per_mechanism_on_the_seeds(graphs):
    assert mechanisms_per_state(graphs.bipartite) == Counter(IOC_STATES)
    assert members_per_mechanism(graphs.bipartite) == [("process/midiocc", 5)]
    assert unmapped(Counter(IOC_STATES)) == ["COM", "MUS", "SYC"]  # islands too small at 1:110m


def test_shades_are_bins_of_whole_numbers():
    assert shade_edges(8) == [0.5, 2.5, 3.5, 5.5, 6.5, 8.5]
    assert shade_edges(3) == [0.5, 1.5, 2.5, 3.5]
    assert shade_edges(20) == [0.5, 4.5, 8.5, 12.5, 16.5, 20.5]


def test_the_map_shades_the_counted_states():
    figure = plot_world_map(Counter({"FRA": 1, "MDG": 3, "BRA": 2}))
    (axes, _colour_bar) = figure.axes
    (collection,) = [c for c in axes.collections if isinstance(c, PolyCollection)]
    colours = {tuple(round(v, 3) for v in colour) for colour in collection.get_facecolors()}
    expected = {
        (*(round(int(shade[i : i + 2], 16) / 255, 3) for i in (1, 3, 5)), 1.0) for shade in SHADES[-3:]
    }
    assert expected <= colours  # three bins (1, 2, 3), the three darkest shades
    assert len(collection.get_paths()) > 177  # every country, some in several rings
    assert natural_earth(0.0, 0.0) == (0.0, 0.0)
