// Shared by every page: building DOM from data (text nodes only: no string of a corpus ever
// becomes markup), calling the API, the filters held in the URL, and the type colours.
"use strict";

const NL = (() => {
  // The filter parameters the API takes (filters.PARAMETERS); the page keeps others in the
  // URL too (sort, page, metric, bucket) but sends each endpoint only what it accepts.
  const FILTERS = ["from", "to", "country", "admin1", "type", "sub_type", "actor",
                   "min_fatalities", "disagreement", "q"];
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };

  /** An element with attributes and children; strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.className = value;
      else if (key === "dataset") Object.assign(el.dataset, value);
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function svg(tag, attrs) {
    const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
    return el;
  }

  async function api(path, params) {
    const query = params ? `?${params}` : "";
    const response = await fetch(`/api/${path}${query}`, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
    return body;
  }

  /** The current URL's parameters, or only those named. */
  function params(names) {
    const all = new URLSearchParams(location.search);
    if (!names) return all;
    const out = new URLSearchParams();
    for (const [key, value] of all) if (names.includes(key) && value !== "") out.append(key, value);
    return out;
  }

  /** Change URL parameters (null or "" removes one) without reloading. */
  function setParams(changes, push = true) {
    const all = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === "") all.delete(key);
      else all.set(key, value);
    }
    const url = `${location.pathname}${all.toString() ? `?${all}` : ""}`;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  function showError(err) {
    const box = document.getElementById("error");
    if (!box) return;
    box.hidden = !err;
    box.textContent = err ? String(err.message || err) : "";
  }

  const colour = (type) => TYPE_COLOURS[type] || "#555";
  const number = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en"));
  const entityLink = (name) => (name ? h("a", { href: `/entities/${encodeURIComponent(name)}` }, name) : "");
  const incidentLink = (id, text) => h("a", { href: `/incidents/${encodeURIComponent(id)}` }, text);

  return { FILTERS, TYPE_COLOURS, h, svg, api, params, setParams, showError, colour, number,
           entityLink, incidentLink };
})();
