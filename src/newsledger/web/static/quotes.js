// Who said what: every quote of the corpus, searchable by words or speaker (in the URL).
"use strict";

(() => {
  const { h, api, params, setParams, showError, number, entityLink } = NL;
  const main = document.getElementById("quotes");
  const search = h("input", { type: "search", name: "q", maxlength: "200", placeholder: "words or speaker" });
  const list = h("ul", { class: "quotes" });
  const info = h("span", {});
  const prev = h("button", { type: "button" }, "‹ prev"), next = h("button", { type: "button" }, "next ›");
  let loads = 0;

  async function load() {
    showError(null);
    const p = params(["q", "speaker", "page"]);
    search.value = p.get("q") || "";
    p.set("per_page", "50");
    try {
      const page = await api("quotes", p);
      info.textContent = `${number(page.total)} quotes · page ${page.page} of ${page.pages}`;
      prev.disabled = page.page <= 1;
      next.disabled = page.page >= page.pages;
      list.replaceChildren(...page.rows.map((q) => h("li", {},
        h("blockquote", {}, q.kind === "direct" ? `“${q.text}”` : q.text),
        h("small", {}, entityLink(q.speaker) || "unknown speaker", ` ${q.cue || ""}`, q.addressee ? ` (to ${q.addressee})` : "",
          ` · ${q.title || q.article_id || ""} · ${q.published || ""}`))));
      document.body.dataset.ready = String(++loads);  // tests wait on this
    } catch (err) { showError(err); }
  }

  function turn(step) {
    const page = Number(params().get("page") || "1") + step;
    setParams({ page: page > 1 ? String(page) : null });
    load();
  }

  search.addEventListener("change", () => { setParams({ q: search.value.trim(), page: null }); load(); });
  prev.addEventListener("click", () => turn(-1));
  next.addEventListener("click", () => turn(1));
  window.addEventListener("popstate", load);
  main.replaceChildren(h("section", { class: "card" }, h("h1", {}, "Quotes"),
    h("p", {}, h("label", {}, "Search ", search), " ", info, " ", prev, " ", next), list));
  load();
})();
