// The incidents page: one set of filters in the URL drives the map, the timeline, the table
// and the downloads. Any change (form, brush, sort, page, back/forward) rewrites the URL and
// redraws from it, so every view of the page is a shareable link.
"use strict";

(() => {
  const { h, api, params, setParams, showError, number, colour, entityLink, incidentLink, FILTERS } = NL;
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#incidents tbody");
  let refit = true, lastStats = null, loads = 0;  // refit: frame the incidents after this load

  const filterParams = () => params(FILTERS);

  function fillSelect(select, values, chosen) {
    const keep = select.options[0];
    select.replaceChildren(keep, ...values.map(([value, label]) => h("option", { value }, label)));
    select.value = values.some(([v]) => v === chosen) ? chosen : "";
    if (chosen && select.value !== chosen) {           // a value from a shared link, kept visible
      select.append(h("option", { value: chosen }, chosen));
      select.value = chosen;
    }
  }

  function formFromUrl(facets) {
    const p = params();
    for (const name of ["from", "to", "actor", "min_fatalities", "q"]) form.elements[name].value = p.get(name) || "";
    form.elements.disagreement.checked = p.get("disagreement") === "1";
    if (facets) {
      fillSelect(form.elements.country, facets.countries.map((c) => [c.code, `${c.name} (${c.incidents})`]), p.get("country"));
      fillSelect(form.elements.admin1, facets.admin1.map((a) => [a, a]), p.get("admin1"));
      const types = Object.keys(facets.event_types);
      fillSelect(form.elements.type, types.map((t) => [t, t]), p.get("type"));
      const subs = p.get("type") ? facets.event_types[p.get("type")] || [] : types.flatMap((t) => facets.event_types[t]);
      fillSelect(form.elements.sub_type, [...new Set(subs)].sort().map((s) => [s, s]), p.get("sub_type"));
    }
    document.getElementById("metric").value = p.get("metric") || "incidents";
    document.getElementById("bucket").value = p.get("bucket") || "auto";
  }

  function onFormChange(event) {
    const name = event.target.name;
    if (!name) return;
    const value = event.target.type === "checkbox" ? (event.target.checked ? "1" : "") : event.target.value.trim();
    const changes = { [name]: value, page: null };
    if (name === "country" || name === "admin1") refit = true;   // show where the choice is
    if (name === "country") changes.admin1 = null;   // a province belongs to its country
    if (name === "type") changes.sub_type = null;
    setParams(changes);
    load();
  }

  async function loadStats() {
    const p = filterParams();
    const bucket = params().get("bucket");
    if (bucket && bucket !== "auto") p.set("bucket", bucket);
    const stats = await api("stats", p);
    lastStats = stats;
    const t = stats.totals;
    document.getElementById("summary").textContent =
      `${number(t.incidents)} incidents · ${number(t.fatalities)} fatalities (best estimates) · ` +
      `${number(t.reports)} reports · ${number(t.disagreements)} with disagreements`;
    formFromUrl(stats.facets);
    drawTimeline();
    IncidentMap.setCountries(stats.by_country.map((c) => c.country).filter(Boolean));
  }

  function drawTimeline() {
    if (!lastStats) return;
    const p = params();
    Timeline.draw(document.getElementById("timeline"), lastStats.timeline, p.get("metric") || "incidents",
                  { from: p.get("from"), to: p.get("to") }, (from, to) => {
                    setParams({ from, to, page: null });
                    load();
                  });
  }

  async function loadTable() {
    const p = filterParams();
    const all = params();
    p.set("sort", all.get("sort") || "-date");
    p.set("page", all.get("page") || "1");
    p.set("per_page", "25");
    const page = await api("incidents", p);
    tbody.replaceChildren(...page.rows.map(row));
    document.getElementById("count").textContent = `${number(page.total)} incidents`;
    document.getElementById("pageinfo").textContent = `page ${page.page} of ${page.pages}`;
    document.getElementById("prev").disabled = page.page <= 1;
    document.getElementById("next").disabled = page.page >= page.pages;
    for (const th of document.querySelectorAll("#incidents th")) {
      const key = th.dataset.sort;
      th.classList.toggle("sorted-asc", page.sort === key);
      th.classList.toggle("sorted-desc", page.sort === `-${key}`);
    }
    for (const fmt of ["csv", "geojson", "parquet"]) {
      const q = filterParams();
      q.set("format", fmt);
      document.getElementById(`dl-${fmt}`).href = `/api/export?${q}`;
    }
  }

  function row(r) {
    const chip = h("span", { class: "dot" });
    chip.style.background = colour(r.event_type);
    const fat = h("td", { class: "num" }, number(r.fatalities));
    if (r.disagreement) fat.append(h("span", { class: "flag", title: `reports disagree: ${r.disagreements.join(", ")}` }, " ≠"));
    return h("tr", { dataset: { id: r.incident_id } },
      h("td", {}, incidentLink(r.incident_id, r.event_date || "undated")),
      h("td", {}, r.country || ""), h("td", {}, r.admin1 || ""), h("td", {}, r.location || ""),
      h("td", {}, chip, r.event_type || "", r.sub_event_type ? h("small", {}, ` ${r.sub_event_type}`) : ""),
      h("td", {}, entityLink(r.actor1), r.actor2 ? " → " : "", entityLink(r.actor2)),
      fat, h("td", { class: "num" }, number(r.fatalities_low)), h("td", { class: "num" }, number(r.fatalities_high)),
      h("td", { class: "num" }, number(r.n_reports)));
  }

  async function load() {
    showError(null);
    formFromUrl(null);
    try {
      await Promise.all([loadStats(), loadTable(), IncidentMap.setFilters(filterParams())]);
      if (refit) { refit = false; await IncidentMap.fitToData(); }
      document.body.dataset.ready = String(++loads);  // tests wait on this
    } catch (err) { showError(err); }
  }

  function start() {
    IncidentMap.legend(document.getElementById("legend"));
    IncidentMap.init("map", (answer) => {
      document.getElementById("map").dataset.cells = String(answer.cells.length);
      document.getElementById("unlocated").textContent =
        answer.unlocated ? `${number(answer.unlocated)} incidents with no coordinates are not on the map` : "";
    });
    form.addEventListener("change", onFormChange);
    form.addEventListener("submit", (event) => event.preventDefault());
    document.getElementById("reset").addEventListener("click", () => {
      history.pushState(null, "", location.pathname);
      load();
    });
    document.getElementById("metric").addEventListener("change", (e) => { setParams({ metric: e.target.value }, false); drawTimeline(); });
    document.getElementById("bucket").addEventListener("change", (e) => { setParams({ bucket: e.target.value === "auto" ? null : e.target.value }); loadStats().catch(showError); });
    document.getElementById("prev").addEventListener("click", () => turn(-1));
    document.getElementById("next").addEventListener("click", () => turn(1));
    for (const th of document.querySelectorAll("#incidents th[data-sort]")) {
      th.addEventListener("click", () => {
        const key = th.dataset.sort, now = params().get("sort") || "-date";
        setParams({ sort: now === `-${key}` ? key : `-${key}`, page: null });
        loadTable().catch(showError);
      });
    }
    window.addEventListener("popstate", load);
    window.addEventListener("resize", drawTimeline);
    load();
  }

  function turn(step) {
    const page = Number(params().get("page") || "1") + step;
    setParams({ page: page > 1 ? String(page) : null });
    loadTable().catch(showError);
  }

  start();
})();
