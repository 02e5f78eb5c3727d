// Result views of the query page, as YASR plugins: a world map coloured by state, a timeline of
// dated rows, a bar chart. Offline: the map draws Natural Earth's boundaries (world-atlas, served by
// the endpoint), countries matched by their ISO 3166 numeric code. Every view is an SVG, downloadable.
"use strict";
(function () {
  const Yasgui = window.Yasgui.default || window.Yasgui;
  const settings = JSON.parse(document.getElementById("settings").textContent);
  const numericCodes = JSON.parse(document.getElementById("numeric-codes").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const NUMERIC = new Set(["integer", "decimal", "double", "float", "int", "long", "short",
    "nonNegativeInteger", "positiveInteger"].map((name) => XSD + name));
  const DATED = new Set(["date", "dateTime", "gYear", "gYearMonth"].map((name) => XSD + name));
  const DATE_TEXT = /^-?\d{4}(-\d{2}(-\d{2}(T.*)?)?)?$/;
  const STATE_IRI = new RegExp("^" + settings.base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    + "id/(?:state|territory)/([A-Z]{3})$");
  const SHADES = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (parent) parent.append(node);
    return node;
  }

  function text(content, attributes, parent) {
    const node = element("text", attributes, parent);
    node.textContent = content;
    return node;
  }

  function tooltip(node, content) {
    element("title", {}, node).textContent = content;
  }

  function icon(path) {
    const holder = document.createElement("div");
    const svg = element("svg", { viewBox: "0 0 24 24", width: "16", height: "16", "aria-hidden": "true" }, holder);
    element("path", { d: path, fill: "currentColor" }, svg);
    return holder;
  }

  // -- reading the rows

  function table(yasr) {
    const results = yasr.results;
    if (!results || results.getType() !== "json" || !results.getVariables) return null;
    const variables = results.getVariables() || [];
    const bindings = results.getBindings() || [];
    return { variables, bindings };
  }

  function column(rows, test) {
    if (!rows) return null;
    return rows.variables.find((name) => {
      const values = rows.bindings.map((row) => row[name]).filter(Boolean);
      return values.length > 0 && values.every(test);
    }) || null;
  }

  function stateCode(term) {
    if (!term) return null;
    if (term.type === "uri") {
      const match = STATE_IRI.exec(term.value);
      return match && numericCodes[match[1]] ? match[1] : null;
    }
    return term.type !== "bnode" && /^[A-Z]{3}$/.test(term.value) && numericCodes[term.value] ? term.value : null;
  }

  const isNumber = (term) => term.type !== "uri" && term.type !== "bnode"
    && (NUMERIC.has(term.datatype) || (!term.datatype && !term["xml:lang"] && /^-?\d+(\.\d+)?$/.test(term.value)));
  const isDate = (term) => term.type !== "uri" && term.type !== "bnode"
    && (DATED.has(term.datatype) || DATE_TEXT.test(term.value));
  const isText = (term) => term.type === "literal" || term.type === "typed-literal";

  function labelColumn(rows, exclude) {
    const candidates = rows.variables.filter((name) => !exclude.includes(name));
    const named = candidates.find((name) => /^(label|title|name)$/i.test(name));
    return named || column({ variables: candidates, bindings: rows.bindings }, isText)
      || candidates[0] || null;
  }

  function shown(term) {
    return term ? term.value : "";
  }

  // -- dates at their precision: [first day, day after the last] in fractional years

  function period(value) {
    const match = /^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || "");
    if (!match) return null;
    const year = Number(match[1]);
    if (match[2] === undefined) return [year, year + 1];
    const month = Number(match[2]) - 1;
    if (match[3] === undefined) return [year + month / 12, year + (month + 1) / 12];
    const start = Date.UTC(year, month, Number(match[3]));
    const fraction = (time) => {
      const date = new Date(time);
      const first = Date.UTC(date.getUTCFullYear(), 0, 1);
      return date.getUTCFullYear() + (time - first) / (Date.UTC(date.getUTCFullYear() + 1, 0, 1) - first);
    };
    return [fraction(start), fraction(start + 86400000)];
  }

  // -- the plugins

  class View {
    constructor(yasr) {
      this.yasr = yasr;
      this.svg = null;
    }

    download() {
      if (!this.svg) return undefined;
      const svg = this.svg;
      return {
        contentType: "image/svg+xml",
        getData: () => new XMLSerializer().serializeToString(svg),
        filename: this.name + ".svg",
        title: "Download SVG",
      };
    }

    place(svg, caption) {
      const figure = document.createElement("figure");
      figure.className = "result-view result-" + this.name;
      figure.append(svg);
      if (caption) {
        const legend = document.createElement("figcaption");
        legend.textContent = caption;
        figure.append(legend);
      }
      this.yasr.resultsEl.replaceChildren(figure);
      this.svg = svg;
    }
  }

  let boundaries = null;

  function countries() {
    if (!boundaries) {
      boundaries = fetch(new URL(settings.boundaries, document.baseURI))
        .then((response) => {
          if (!response.ok) throw new Error("boundaries: HTTP " + response.status);
          return response.json();
        })
        .then((topology) => window.topojson.feature(topology, topology.objects.countries).features);
    }
    return boundaries;
  }

  // Natural Earth I (Šavrič, Patterson, Jenny), as d3-geo's geoNaturalEarth1Raw.
  function naturalEarth(longitude, latitude) {
    const lambda = longitude * Math.PI / 180, phi = latitude * Math.PI / 180;
    const phi2 = phi * phi, phi4 = phi2 * phi2;
    return [
      lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
      phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))),
    ];
  }

  const MAP_WIDTH = 960, MAP_HEIGHT = 500, MAP_SCALE = 170;

  // A ring crossing the antimeridian is made continuous, then cut there (Sutherland–Hodgman) and
  // drawn on each side: the same rule as the report's map (report/worldmap.py).
  function clip(ring, limit, keepBelow) {
    const inside = (longitude) => (keepBelow ? longitude <= limit : longitude >= limit);
    const clipped = [];
    ring.forEach((a, index) => {
      const b = ring[(index + 1) % ring.length];
      if (inside(a[0])) clipped.push(a);
      if (inside(a[0]) !== inside(b[0])) {
        clipped.push([limit, a[1] + (b[1] - a[1]) * (limit - a[0]) / (b[0] - a[0])]);
      }
    });
    return clipped;
  }

  function sides(ring) {
    const continuous = [ring[0]];
    let shift = 0;
    for (let index = 1; index < ring.length; index++) {
      const step = ring[index][0] - ring[index - 1][0];
      if (step > 180) shift -= 360;
      else if (step < -180) shift += 360;
      continuous.push([ring[index][0] + shift, ring[index][1]]);
    }
    const longitudes = continuous.map((point) => point[0]);
    const west = Math.min(...longitudes), east = Math.max(...longitudes);
    if (west >= -180 && east <= 180) return [continuous];
    const offsets = [0, ...(east > 180 ? [-360] : []), ...(west < -180 ? [360] : [])];
    return offsets
      .map((offset) => continuous.map(([longitude, latitude]) => [longitude + offset, latitude]))
      .map((moved) => clip(clip(moved, 180, true), -180, false))
      .filter((part) => part.length >= 3);
  }

  function pathOf(geometry) {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const parts = [];
    for (const polygon of polygons) {
      for (const ring of polygon.flatMap(sides)) {
        const points = ring.map(([longitude, latitude]) => {
          const [x, y] = naturalEarth(longitude, latitude);
          return (MAP_WIDTH / 2 + x * MAP_SCALE).toFixed(1) + "," + (MAP_HEIGHT / 2 - y * MAP_SCALE).toFixed(1);
        });
        parts.push("M" + points.join("L") + "Z");
      }
    }
    return parts.join("");
  }

  // Whole numbers from 1 get up to five bins of whole numbers, as the report's map
  // (worldmap.shade_edges); other values five equal steps from the lowest to the highest.
  function shading(values) {
    const low = Math.min(...values), high = Math.max(...values);
    if (low >= 1 && values.every(Number.isInteger)) {
      const bins = Math.max(1, Math.min(SHADES.length, high));
      const edges = Array.from({ length: bins + 1 }, (_, index) => 0.5 + Math.round(index * high / bins));
      const shades = SHADES.slice(SHADES.length - bins);
      const labels = shades.map((_, index) => {
        const first = edges[index] + 0.5, last = edges[index + 1] - 0.5;
        return first === last ? String(first) : first + "–" + last;
      });
      const colour = (value) => shades[Math.max(0, edges.findIndex((edge) => value < edge) - 1)];
      return { shades, labels, colour };
    }
    const step = (high - low) / SHADES.length || 1;
    const labels = SHADES.map((_, index) => (low + index * step).toPrecision(3) + "–" + (low + (index + 1) * step).toPrecision(3));
    const colour = (value) => SHADES[Math.min(SHADES.length - 1, Math.floor((value - low) / step))];
    return { shades: SHADES, labels, colour };
  }

  class MapView extends View {
    constructor(yasr) {
      super(yasr);
      this.name = "map";
      this.label = "Map";
      this.priority = 4;
      this.helpReference = undefined;
    }

    canHandleResults() {
      return Boolean(column(table(this.yasr), stateCode));
    }

    getIcon() {
      return icon("M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4a14 14 0 0 1 1.9 4h-3.8A14 14 0 0 1 12 4zM4.3 14a8.2 8.2 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4H4.3zm.8 2h2.9a15.7 15.7 0 0 0 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6A15.7 15.7 0 0 0 8 8zm4 12a14 14 0 0 1-1.9-4h3.8A14 14 0 0 1 12 20zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6a15.7 15.7 0 0 0 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8.2 8.2 0 0 1 0 4h-3.4z");
    }

    async draw() {
      const rows = table(this.yasr);
      const codeColumn = column(rows, stateCode);
      const valueColumn = column({ variables: rows.variables.filter((n) => n !== codeColumn), bindings: rows.bindings }, isNumber);
      const iriColumn = column(rows, (term) => term.type === "uri" && STATE_IRI.test(term.value));
      const nameColumn = labelColumn(rows, [codeColumn, valueColumn, iriColumn]);
      const states = new Map();  // alpha-3 → {value, names, iri}
      for (const row of rows.bindings) {
        const code = stateCode(row[codeColumn]);
        if (!code) continue;
        const state = states.get(code) || { value: 0, names: new Set(), iri: settings.base + "id/state/" + code };
        state.value += valueColumn && row[valueColumn] ? Number(row[valueColumn].value) : valueColumn ? 0 : 1;
        if (nameColumn && row[nameColumn] && isText(row[nameColumn])) state.names.add(row[nameColumn].value);
        if (iriColumn && row[iriColumn]) state.iri = row[iriColumn].value;
        states.set(code, state);
      }
      const byNumeric = new Map([...states].map(([code, state]) => [numericCodes[code], [code, state]]));
      const scale = shading([...states.values()].map((state) => state.value));
      const features = await countries();
      const svg = element("svg", {
        viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, role: "img", class: "world-map",
        "aria-label": `World map: ${states.size} states coloured by ${valueColumn || "rows"}`,
      });
      element("rect", { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT, class: "sea" }, svg);
      for (const feature of features) {
        if (feature.id === "010" || !feature.geometry) continue;  // Antarctica: no state
        const found = byNumeric.get(feature.id);
        const name = (feature.properties && feature.properties.name) || "";
        if (!found) {
          const path = element("path", { d: pathOf(feature.geometry), class: "country", "data-numeric": feature.id || "" }, svg);
          tooltip(path, name);
          continue;
        }
        const [code, state] = found;
        const link = element("a", { href: state.iri, class: "iri" }, svg);
        const path = element("path", {
          d: pathOf(feature.geometry), class: "country state", fill: scale.colour(state.value),
          "data-iso3": code, "data-numeric": feature.id, "data-value": String(state.value),
        }, link);
        const names = [...state.names].join(", ") || name;
        tooltip(path, `${names} (${code}): ${state.value}${valueColumn ? " " + valueColumn : state.value === 1 ? " row" : " rows"}`);
      }
      const missing = [...states.keys()].filter((code) => !features.some((f) => f.id === numericCodes[code]));
      const legend = element("g", { class: "legend", transform: `translate(20, ${MAP_HEIGHT - 40})` }, svg);
      const key = 56;
      scale.shades.forEach((colour, index) => {
        element("rect", { x: index * key, y: 0, width: key, height: 10, fill: colour }, legend);
        text(scale.labels[index], { x: index * key + key / 2, y: 24, "text-anchor": "middle" }, legend);
      });
      text(valueColumn || "rows", { x: scale.shades.length * key + 8, y: 10 }, legend);
      const caption = `${states.size} states` + (missing.length
        ? `; too small for the 1:110m boundaries: ${missing.join(", ")}` : "");
      this.place(svg, caption);
    }
  }

  class TimelineView extends View {
    constructor(yasr) {
      super(yasr);
      this.name = "timeline";
      this.label = "Timeline";
      this.priority = 3;
    }

    dateColumns(rows) {
      return rows ? rows.variables.filter((name) => column({ variables: [name], bindings: rows.bindings }, isDate)) : [];
    }

    canHandleResults() {
      return this.dateColumns(table(this.yasr)).length > 0;
    }

    getIcon() {
      return icon("M3 5h8v3H3zm5 6h10v3H8zm-3 6h7v3H5zM2 2h1v20H2z");
    }

    draw() {
      const rows = table(this.yasr);
      const [startColumn, endColumn] = this.dateColumns(rows);
      const nameColumn = labelColumn(rows, [startColumn, endColumn]);
      const items = [];
      for (const row of rows.bindings) {
        const start = period(shown(row[startColumn]));
        if (!start) continue;
        const end = endColumn ? period(shown(row[endColumn])) : null;
        items.push({
          name: shown(row[nameColumn]), from: start[0], to: Math.max(start[1], end ? end[1] : start[1]),
          text: shown(row[startColumn]) + (end ? " – " + shown(row[endColumn]) : ""),
        });
      }
      items.sort((a, b) => a.from - b.from || a.to - b.to);
      const first = Math.floor(Math.min(...items.map((item) => item.from)));
      const last = Math.ceil(Math.max(...items.map((item) => item.to)));
      const labelWidth = 320, width = 960, rowHeight = 20, top = 30;
      const height = top + items.length * rowHeight + 10;
      const x = (year) => labelWidth + (year - first) / Math.max(1, last - first) * (width - labelWidth - 20);
      const svg = element("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "timeline",
        "aria-label": `Timeline of ${items.length} dated rows, ${first} to ${last}` });
      const step = Math.max(1, Math.ceil((last - first) / 12));
      for (let year = first; year <= last; year += step) {
        element("line", { x1: x(year), x2: x(year), y1: top - 6, y2: height, class: "tick" }, svg);
        text(String(year), { x: x(year), y: top - 12, "text-anchor": "middle", class: "tick-label" }, svg);
      }
      items.forEach((item, index) => {
        const y = top + index * rowHeight;
        const label = text(item.name.length > 42 ? item.name.slice(0, 41) + "…" : item.name,
          { x: labelWidth - 8, y: y + 14, "text-anchor": "end", class: "row-label" }, svg);
        tooltip(label, item.name);
        const bar = element("rect", { x: x(item.from), y: y + 4, height: rowHeight - 8, class: "span",
          width: Math.max(3, x(item.to) - x(item.from)), "data-start": String(item.from) }, svg);
        tooltip(bar, `${item.name}: ${item.text}`);
      });
      this.place(svg, `${items.length} dated rows of ${rows.bindings.length}, by ${startColumn}`
        + (endColumn ? ` to ${endColumn}` : ""));
    }
  }

  class BarView extends View {
    constructor(yasr) {
      super(yasr);
      this.name = "bar";
      this.label = "Bar chart";
      this.priority = 2;
    }

    columns(rows) {
      const value = column(rows, isNumber);
      return value ? [labelColumn(rows, [value]), value] : [null, null];
    }

    canHandleResults() {
      const rows = table(this.yasr);
      return Boolean(rows && this.columns(rows)[1]);
    }

    getIcon() {
      return icon("M3 4h14v4H3zm0 6h18v4H3zm0 6h9v4H3z");
    }

    draw() {
      const rows = table(this.yasr);
      const [nameColumn, valueColumn] = this.columns(rows);
      const items = rows.bindings.map((row) => ({
        name: shown(row[nameColumn]), value: row[valueColumn] ? Number(row[valueColumn].value) : 0,
      }));
      const labelWidth = 360, width = 960, rowHeight = 22, top = 10;
      const height = top + items.length * rowHeight + 10;
      const high = Math.max(0, ...items.map((item) => item.value)) || 1;
      const svg = element("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "bar-chart",
        "aria-label": `Bar chart of ${valueColumn} by ${nameColumn}` });
      items.forEach((item, index) => {
        const y = top + index * rowHeight;
        const label = text(item.name.length > 52 ? item.name.slice(0, 51) + "…" : item.name,
          { x: labelWidth - 8, y: y + 15, "text-anchor": "end", class: "row-label" }, svg);
        tooltip(label, item.name);
        const length = Math.max(0, item.value) / high * (width - labelWidth - 60);
        const bar = element("rect", { x: labelWidth, y: y + 3, height: rowHeight - 6, width: length,
          class: "bar", "data-value": String(item.value) }, svg);
        tooltip(bar, `${item.name}: ${item.value}`);
        text(String(item.value), { x: labelWidth + length + 6, y: y + 15, class: "bar-value" }, svg);
      });
      this.place(svg, `${valueColumn} by ${nameColumn}`);
    }
  }

  Yasgui.Yasr.registerPlugin("map", MapView);
  Yasgui.Yasr.registerPlugin("timeline", TimelineView);
  Yasgui.Yasr.registerPlugin("bar", BarView);
})();
