"""The report's world map: the number of consultation mechanisms each state is a member of.

The boundaries are those the endpoint's query page draws: Natural Earth's countries at 1:110m, as
TopoJSON from the npm package ``world-atlas`` (vendored, :func:`mig_graph.paths.world_atlas_file`),
countries named by their ISO 3166-1 numeric code (pycountry maps alpha-3 codes to them). The
projection is Natural Earth I, and a ring crossing the antimeridian is drawn on each side, clamped
to ±180°, as ``static/query/views.js`` does.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

import networkx as nx
from matplotlib.cm import ScalarMappable
from matplotlib.collections import PolyCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure

from mig_graph.paths import world_atlas_file
from mig_graph.records.countries import numeric_codes
from mig_graph.report.messages import TEXT

__all__ = [
    "MECHANISM_KINDS",
    "Country",
    "countries",
    "mechanisms_per_state",
    "members_per_mechanism",
    "natural_earth",
    "plot_world_map",
    "shade_edges",
    "unmapped",
]

MECHANISM_KINDS = frozenset(
    {"consultation-mechanism", "regional-consultative-process", "inter-regional-forum", "global-process"}
)
"""The kinds of process that are consultation mechanisms (:data:`mig_graph.network.KINDS`)."""

SHADES = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
"""The five shades of the map, lightest for the fewest mechanisms (those of the query page)."""

_OTHER, _SEA, _ANTARCTICA = "#dcdfe3", "#f3f7fb", "010"

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Country:
    """A country of the boundaries: its ISO 3166-1 numeric code ("" when it has none), name, rings."""

    numeric: str
    name: str
    rings: tuple[Ring, ...]


def _arcs(topology: dict) -> list[Ring]:
    """The topology's arcs in degrees (quantised, delta-encoded positions decoded)."""
    (scale_x, scale_y), (left, bottom) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + left, y * scale_y + bottom))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


@cache
def countries() -> tuple[Country, ...]:
    """The countries of ``countries-110m.json``, their rings in longitude and latitude.

    >>> france = next(country for country in countries() if country.numeric == "250")
    >>> france.name, len(countries())
    ('France', 177)
    """
    topology = json.loads(world_atlas_file().read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], []
        )
        rings = tuple(_ring(ring, arcs) for polygon in polygons for ring in polygon)
        found.append(Country(geometry.get("id", ""), geometry["properties"]["name"], rings))
    return tuple(found)


def natural_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Natural Earth I projection (as d3-geo's ``geoNaturalEarth1Raw``), of degrees.

    >>> natural_earth(0.0, 0.0)
    (0.0, 0.0)
    >>> round(natural_earth(180.0, 0.0)[0], 4)
    2.7354
    """
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def _clip(ring: Ring, limit: float, keep_below: bool) -> Ring:
    """The ring cut at the meridian ``limit`` (Sutherland–Hodgman), keeping the side below or above."""
    inside = (lambda lon: lon <= limit) if keep_below else (lambda lon: lon >= limit)
    clipped: Ring = []
    for (lon_a, lat_a), (lon_b, lat_b) in itertools.pairwise([*ring, ring[0]]):
        if inside(lon_a):
            clipped.append((lon_a, lat_a))
        if inside(lon_a) != inside(lon_b):
            lat = lat_a + (lat_b - lat_a) * (limit - lon_a) / (lon_b - lon_a)
            clipped.append((limit, lat))
    return clipped


def _sides(ring: Ring) -> list[Ring]:
    """The ring made continuous across the antimeridian, then cut there: its part on each side.

    >>> east, west = _sides([(170.0, 0.0), (-170.0, 0.0), (-170.0, 1.0), (170.0, 1.0)])
    >>> east
    [(170.0, 0.0), (180.0, 0.0), (180.0, 1.0), (170.0, 1.0)]
    >>> west
    [(-180.0, 0.0), (-170.0, 0.0), (-170.0, 1.0), (-180.0, 1.0)]
    """
    continuous, shift = [ring[0]], 0.0
    for (previous, _), (longitude, latitude) in itertools.pairwise(ring):
        step = longitude - previous
        shift += -360.0 if step > 180 else 360.0 if step < -180 else 0.0
        continuous.append((longitude + shift, latitude))
    west, east = min(p[0] for p in continuous), max(p[0] for p in continuous)
    if west >= -180 and east <= 180:
        return [continuous]
    offsets = [0.0] + ([-360.0] if east > 180 else []) + ([360.0] if west < -180 else [])
    parts = []
    for offset in offsets:
        moved = [(lon + offset, lat) for lon, lat in continuous]
        part = _clip(_clip(moved, 180.0, keep_below=True), -180.0, keep_below=False)
        if len(part) >= 3:
            parts.append(part)
    return parts


def _is_member(link: dict) -> bool:
    return "member" in str(link.get("role", "")).split()


def mechanisms_per_state(bipartite: nx.Graph) -> Counter[str]:
    """ISO alpha-3 code → number of consultation mechanisms the state is a member of."""
    counts: Counter[str] = Counter()
    for node, attributes in bipartite.nodes(data=True):
        code = attributes.get("iso_alpha3")
        if attributes.get("kind") != "state" or not code:
            continue
        counts[code] = sum(
            1
            for other in bipartite[node]
            if bipartite.nodes[other].get("kind") in MECHANISM_KINDS and _is_member(bipartite[node][other])
        )
    return +counts


def members_per_mechanism(bipartite: nx.Graph) -> list[tuple[str, int]]:
    """(mechanism node, number of member states), most first, then by node."""
    rows = []
    for node, kind in bipartite.nodes(data="kind"):
        if kind in MECHANISM_KINDS:
            states = sum(
                1
                for other in bipartite[node]
                if bipartite.nodes[other].get("kind") == "state" and _is_member(bipartite[node][other])
            )
            if states:
                rows.append((node, states))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def unmapped(counts: Counter[str]) -> list[str]:
    """The states counted that the 1:110m boundaries do not draw (too small), by code."""
    drawn = {country.numeric for country in countries()}
    codes = numeric_codes()
    return sorted(code for code in counts if codes.get(code) not in drawn)


def plot_world_map(counts: Counter[str], lang: str = "en") -> Figure:
    """The world map, each state shaded by its number of mechanisms (``counts``, by alpha-3 code).

    Parameters
    ----------
    counts : collections.Counter
        ISO alpha-3 code → number of mechanisms, as :func:`mechanisms_per_state` gives it.
    lang : str
        ``"en"`` or ``"fr"``.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, not yet saved.
    """
    by_numeric = {numeric_codes()[code]: value for code, value in counts.items() if code in numeric_codes()}
    edges = shade_edges(max(counts.values(), default=1))
    colour_map = ListedColormap(list(SHADES[-(len(edges) - 1) :]))
    norm = BoundaryNorm(edges, len(edges) - 1)
    polygons, colours = [], []
    for country in countries():
        if country.numeric == _ANTARCTICA:
            continue
        value = by_numeric.get(country.numeric)
        colour = _OTHER if value is None else colour_map(norm(value))
        for ring in country.rings:
            for side in _sides(ring):
                polygons.append([natural_earth(lon, lat) for lon, lat in side])
                colours.append(colour)
    figure = Figure(figsize=(10, 5.4), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(TEXT[lang]["map_title"])
    axes.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="white", linewidths=0.3))
    axes.set_xlim(-2.8, 2.8)
    axes.set_ylim(-1.0, 1.36)  # 56° S (Antarctica left out) to 84° N
    axes.set_aspect("equal")
    axes.set_facecolor(_SEA)
    axes.set_xticks([])
    axes.set_yticks([])
    mappable = ScalarMappable(norm=norm, cmap=colour_map)
    scalar = figure.colorbar(mappable, ax=axes, orientation="horizontal", shrink=0.4, pad=0.02)
    scalar.set_label(TEXT[lang]["map_legend"])
    scalar.set_ticks([(low + high) / 2 for low, high in itertools.pairwise(edges)])
    scalar.set_ticklabels([_bin_label(low, high) for low, high in itertools.pairwise(edges)])
    scalar.ax.tick_params(length=0)
    return figure


def shade_edges(high: int) -> list[float]:
    """The edges of the shades: up to five bins of whole numbers from 1 to ``high``.

    >>> shade_edges(8)
    [0.5, 2.5, 3.5, 5.5, 6.5, 8.5]
    >>> shade_edges(1)
    [0.5, 1.5]
    """
    bins = max(1, min(len(SHADES), high))
    return [0.5 + round(index * high / bins) for index in range(bins + 1)]


def _bin_label(low: float, high: float) -> str:
    first, last = int(low + 0.5), int(high - 0.5)
    return str(first) if first == last else f"{first}–{last}"
