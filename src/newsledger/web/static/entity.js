// An entity: the forms articles use for the name, the incidents it is an actor in, its quotes.
"use strict";

(() => {
  const { h, api, showError, number, incidentLink } = NL;
  const main = document.getElementById("entity");
  const name = decodeURIComponent(location.pathname.split("/").pop());

  async function start() {
    try {
      const e = await api(`entities/${encodeURIComponent(name)}`);
      document.title = `newsledger · ${e.name}`;
      main.replaceChildren(
        h("section", { class: "card" }, h("h1", {}, e.name),
          h("h2", {}, "Aliases"),
          e.aliases.length ? h("ul", { class: "aliases" }, ...e.aliases.map((a) => h("li", {}, a.alias, h("small", {}, ` ${a.type || ""} · ${number(a.mentions)} mentions`))))
                           : h("p", {}, "No mentions recorded as an entity.")),
        h("section", { class: "card" }, h("h2", {}, `Incidents as an actor (${e.incidents.length})`),
          h("table", { class: "grid" }, h("thead", {}, h("tr", {}, ...["date", "country", "location", "type", "actor 1", "actor 2", "fatalities"].map((c) => h("th", {}, c)))),
            h("tbody", {}, ...e.incidents.map((r) => h("tr", {},
              h("td", {}, incidentLink(r.incident_id, r.event_date || "undated")), h("td", {}, r.country || ""),
              h("td", {}, r.location || ""), h("td", {}, r.event_type || ""), h("td", {}, r.actor1 || ""),
              h("td", {}, r.actor2 || ""), h("td", { class: "num" }, number(r.fatalities))))))),
        h("section", { class: "card" }, h("h2", {}, `Quotes (${e.quotes.length})`),
          h("ul", { class: "quotes" }, ...e.quotes.map((q) => h("li", {},
            h("blockquote", {}, q.kind === "direct" ? `“${q.text}”` : q.text),
            h("small", {}, `${q.cue || ""} · ${q.title || q.article_id || ""} · ${q.published || ""}`))))));
      document.body.dataset.ready = "1";
    } catch (err) { showError(err); }
  }
  start();
})();
