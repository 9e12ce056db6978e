// An incident: what was merged, where its reports disagree (side by side, each with its
// source), and every report's article with the words behind each field highlighted in the
// colour of the field's group (from the ledger's provenance), its evidence sentences
// underlined, and the reason the event was kept where the corpus records one.
"use strict";

(() => {
  const { h, api, showError, number, colour, entityLink } = NL;
  const GROUPS = ["date", "place", "type", "actors", "numbers"];
  const FIELDS = ["event_date", "date_precision", "country", "admin1", "location", "geo_precision",
                  "event_type", "sub_event_type", "actor1", "actor2", "fatalities", "injured", "confidence"];
  const main = document.getElementById("incident");
  const id = decodeURIComponent(location.pathname.split("/").pop());

  const range = (best, low, high) =>
    best === null || best === undefined ? "unknown" : low !== high ? `${number(best)} (${number(low)}–${number(high)})` : number(best);

  function header(inc) {
    const chip = h("span", { class: "dot" });
    chip.style.background = colour(inc.event_type);
    const place = [inc.location, inc.admin1, inc.country_name || inc.country].filter(Boolean).join(", ");
    return h("section", { class: "card" },
      h("h1", {}, chip, `${inc.event_type || "?"} · ${inc.sub_event_type || ""}`),
      h("dl", { class: "facts" },
        h("dt", {}, "date"), h("dd", {}, `${inc.event_date || "undated"} (${inc.date_precision || "?"})`),
        h("dt", {}, "place"), h("dd", {}, place || "?"),
        h("dt", {}, "actors"), h("dd", {}, entityLink(inc.actor1) || "?", " → ", entityLink(inc.actor2) || "?"),
        h("dt", {}, "fatalities"), h("dd", {}, range(inc.fatalities, inc.fatalities_low, inc.fatalities_high)),
        h("dt", {}, "injured"), h("dd", {}, range(inc.injured, inc.injured_low, inc.injured_high)),
        h("dt", {}, "reports"), h("dd", {}, String(inc.n_reports)),
        h("dt", {}, "id"), h("dd", {}, h("code", {}, inc.incident_id))));
  }

  function sides(inc) {
    const names = Object.keys(inc.sides);
    if (!names.length) return h("section", { class: "card" }, h("h2", {}, "Disagreements"), h("p", {}, "The reports agree."));
    const reports = inc.reports;
    const kinds = inc.side_kinds || {};
    return h("section", { class: "card", id: "disagreements" },
      h("h2", {}, "Disagreements and revisions"),
      h("table", { class: "grid sides" },
        h("thead", {}, h("tr", {}, h("th", {}, "field"),
          ...reports.map((r) => h("th", {}, `report ${r.n}: ${r.source || r.title || r.article_id}`, h("br"), h("small", {}, r.published || ""))))),
        h("tbody", {}, ...names.map((name) => h("tr", { class: kinds[name] === "revision" ? "revision" : "disagree" },
          h("th", {}, name, " ", h("small", {}, kinds[name] === "revision" ? "(revised by a later report)" : "(reports disagree)")),
          ...inc.sides[name].map((side) => h("td", {}, side.value === null || side.value === undefined ? "—" : String(side.value))))))));
  }

  function article(report, groups) {
    const body = h("div", { class: "article-text" });
    for (const seg of report.segments) {
      if (!seg.fields.length && !seg.evidence) { body.append(seg.text); continue; }
      const group = seg.fields.length ? groups[seg.fields[0]] || "other" : null;
      const el = h(seg.fields.length ? "mark" : "span", {
        class: [group ? `f-${group}` : "", seg.evidence ? "evidence" : ""].join(" ").trim(),
        title: seg.fields.length ? seg.fields.join(", ") : null,
        dataset: seg.fields.length ? { fields: seg.fields.join(" ") } : {},
      }, seg.text);
      body.append(el);
    }
    return body;
  }

  function report(r, groups, inc) {
    const rows = FIELDS.filter((f) => r[f] !== null && r[f] !== undefined).map((f) => {
      const group = groups[f];
      const value = f === "actor1" || f === "actor2" ? entityLink(r[f]) : String(r[f]);
      return h("tr", {}, h("th", {}, group ? h("span", { class: `swatch f-${group}` }) : "", f), h("td", {}, value),
               h("td", {}, r.provenance[f] ? h("small", {}, `chars ${r.provenance[f][0]}–${r.provenance[f][1]}`) : ""));
    });
    const link = r.url && /^https?:\/\//i.test(r.url) ? h("a", { href: r.url, rel: "noopener noreferrer" }, r.url) : (r.url || "");
    return h("section", { class: "card report", dataset: { report: String(r.n) } },
      h("h2", {}, `Report ${r.n}: `, r.title || r.article_id || ""),
      h("p", { class: "meta" }, `${r.source || "unknown source"} · published ${r.published || "?"} · `, link),
      "reason" in r ? h("p", { class: "reason" }, h("strong", {}, "Why kept: "), r.reason || "—") : "",
      r.merge_reason && r.merge_reason.with ? h("p", { class: "reason" }, h("strong", {}, "Why merged: "),
        `agrees with report ${(inc.reports.find((o) => o.event_key === r.merge_reason.with) || {}).n || "?"}: ` +
        `${Object.values(r.merge_reason.agreed || {}).join("; ") || "nothing"} (score ${r.merge_reason.score})` +
        (r.fatalities_role ? ` · its toll: ${r.fatalities_role}` : "")) : "",
      h("div", { class: "report-body" },
        h("table", { class: "grid fields" }, h("tbody", {}, ...rows)),
        article(r, groups)));
  }

  function legend() {
    return h("p", { class: "legend" }, "Highlights: ",
      ...GROUPS.map((g) => h("mark", { class: `f-${g}` }, g)), " ", h("span", { class: "evidence" }, "evidence sentence"));
  }

  async function start() {
    try {
      const inc = await api(`incidents/${encodeURIComponent(id)}`);
      document.title = `newsledger · ${inc.event_type || "incident"} ${inc.event_date || ""}`;
      main.replaceChildren(header(inc), sides(inc), legend(), ...inc.reports.map((r) => report(r, inc.field_groups, inc)));
      document.body.dataset.ready = "1";
    } catch (err) { showError(err); }
  }
  start();
})();
