// The map: Leaflet with no tiles, over an offline Natural Earth basemap (country outlines,
// and admin-1 boundaries of the countries in view once zoomed in), all SVG. Incidents come
// from /api/map already grouped on a grid as fine as the zoom: a group is a numbered DOM
// marker, a single incident an SVG circle sized by fatalities, coloured by type, and drawn
// as solid (the place itself), dashed (near it) or a wide dotted ring (only the province or
// the country is known).
"use strict";

const IncidentMap = (() => {
  const ADMIN1_ZOOM = 5;
  let map, markers, admin1Layer = null, admin1Data = null, countriesWithData = [];
  let current = null;  // the request in flight, so a stale answer is dropped
  let onLoaded = () => {};

  function init(element, loaded) {
    onLoaded = loaded || onLoaded;
    map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 14, zoomSnap: 1 })
      .setView([20, 20], 2);
    // Basemap panes under the markers' overlay pane (z 400): countries, then admin-1 lines.
    map.createPane("countries").style.zIndex = 350;
    map.createPane("admin1").style.zIndex = 360;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth (public domain)");
    markers = L.layerGroup().addTo(map);
    loadCountries();
    map.on("moveend", () => { refresh(); updateAdmin1(); });
    return map;
  }

  async function loadCountries() {
    const topo = await (await fetch("/static/vendor/countries-50m.json")).json();
    L.geoJSON(topojson.feature(topo, topo.objects.countries),
              { pane: "countries", style: { className: "country", weight: 0.6 }, interactive: false }).addTo(map);
  }

  async function updateAdmin1() {
    const wanted = map.getZoom() >= ADMIN1_ZOOM && countriesWithData.length;
    if (!wanted) {
      if (admin1Layer) { admin1Layer.remove(); admin1Layer = null; }
      return;
    }
    if (!admin1Data) {
      const topo = await (await fetch("/static/vendor/admin1-10m.json")).json();
      admin1Data = topojson.feature(topo, topo.objects.admin1).features;
    }
    const key = countriesWithData.join(",");
    if (admin1Layer && admin1Layer.options.key === key) return;
    if (admin1Layer) admin1Layer.remove();
    const keep = new Set(countriesWithData);
    admin1Layer = L.geoJSON({ type: "FeatureCollection", features: admin1Data.filter((f) => keep.has(f.properties.country)) },
                            { key, pane: "admin1", style: { className: "admin1", weight: 0.5 }, interactive: false }).addTo(map);
  }

  function setCountries(codes) {
    countriesWithData = [...codes].sort();
    updateAdmin1();
  }

  const radius = (fatalities) => 4 + Math.min(18, Math.sqrt(fatalities || 0) * 2.2);

  function popup(cell) {
    const { h, number, incidentLink } = NL;
    const place = [cell.location, cell.admin1, cell.country].filter(Boolean).join(", ");
    return h("div", { class: "popup" },
      h("strong", {}, cell.event_type || "?"), h("br"),
      `${cell.event_date || "undated"} · ${place || "?"}`, h("br"),
      `${number(cell.fatalities)} fatalities · place known to: ${cell.precision}`, h("br"),
      incidentLink(cell.incident_id, "open the incident ›"));
  }

  function draw(cells) {
    markers.clearLayers();
    for (const cell of cells) {
      const at = [cell.lat, cell.lon];
      if (cell.n === 1) {
        const marker = L.circleMarker(at, {
          radius: radius(cell.fatalities) + (cell.precision === "admin1" || cell.precision === "country" ? 6 : 0),
          color: NL.colour(cell.event_type), fillColor: NL.colour(cell.event_type),
          fillOpacity: cell.precision === "point" ? 0.65 : 0.15, weight: 2,
          className: `incident precision-${cell.precision}`,
        });
        marker.bindPopup(() => popup(cell));
        markers.addLayer(marker);
      } else {
        const size = 22 + Math.min(26, Math.log10(cell.n) * 9);
        const label = NL.h("div", { class: "cluster-body" }, NL.h("span", {}, NL.number(cell.n)));
        label.style.borderColor = NL.colour(cell.event_type);
        const icon = L.divIcon({ html: label, className: "cluster", iconSize: [size, size] });
        const marker = L.marker(at, { icon, title: `${cell.n} incidents, ${cell.fatalities} fatalities` });
        marker.on("click", () => map.setView(at, Math.min(map.getZoom() + 2, 14)));
        markers.addLayer(marker);
      }
    }
  }

  let filterParams = new URLSearchParams();
  function setFilters(params) {
    filterParams = params;
    return refresh();
  }

  async function refresh() {
    if (!map) return;
    const b = map.getBounds();
    const params = new URLSearchParams(filterParams);
    params.set("zoom", map.getZoom());
    const wrap = (v) => Math.max(-180, Math.min(180, v));
    params.set("bbox", [wrap(b.getWest()), Math.max(-90, b.getSouth()), wrap(b.getEast()), Math.min(90, b.getNorth())]
      .map((v) => v.toFixed(4)).join(","));
    const request = NL.api("map", params);
    current = request;
    try {
      const answer = await request;
      if (current !== request) return;
      draw(answer.cells);
      onLoaded(answer);
    } catch (err) { NL.showError(err); }
  }

  /** Fit the view to every located incident of the filters (coarse cells, no bbox). */
  async function fitToData() {
    const params = new URLSearchParams(filterParams);
    params.set("zoom", "4");
    const { cells } = await NL.api("map", params);
    if (!cells.length) return;
    const bounds = L.latLngBounds(cells.map((c) => [c.lat, c.lon]));
    // no animation: Leaflet drops a view change asked for while a zoom animation runs
    map.fitBounds(bounds.pad(0.3), { maxZoom: 6, animate: false });
  }

  function legend(element) {
    const { h, TYPE_COLOURS } = NL;
    element.replaceChildren(
      ...Object.entries(TYPE_COLOURS).map(([type, c]) => {
        const dot = h("span", { class: "dot" });
        dot.style.background = c;
        return h("span", { class: "key" }, dot, type);
      }),
      h("span", { class: "key" }, h("span", { class: "ring solid" }), "place"),
      h("span", { class: "key" }, h("span", { class: "ring dashed" }), "near / region"),
      h("span", { class: "key" }, h("span", { class: "ring dotted" }), "province or country only"),
      h("span", { class: "key" }, "size: fatalities · numbered circles: groups, click to zoom"));
  }

  return { init, setFilters, setCountries, fitToData, legend, get map() { return map; } };
})();
