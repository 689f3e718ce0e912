// Rasd dashboard: one page, views chosen by the URL hash (#/events, #/doc/ID, #/dyads,
// #/network, #/map, #/code). Data comes from the /v1 API of the same server.

import { el, clear, api } from "./dom.js";
import { renderHighlighted, renderEventList } from "./highlight.js";
import { drawSeries, drawNetwork } from "./charts.js";
import { drawMap } from "./map.js";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 200;
const $ = (id) => document.getElementById(id);

const state = { rows: [], cursor: null, sortKey: "date", sortDir: -1, place: null };

function status(msg, isError) {
  const s = $("status");
  s.textContent = msg || "";
  s.classList.toggle("error", !!isError);
}

async function guarded(fn) {
  try { status("Loading…"); await fn(); status(""); } catch (err) { status(String(err.message || err), true); }
}

// ------------------------------------------------------------------ filters

function filterParams() {
  const p = new URLSearchParams();
  const v = (id) => $(id).value.trim();
  if (v("f-text")) p.set("text", v("f-text"));
  if (v("f-actor")) p.set("actor", v("f-actor"));
  if (v("f-country")) p.set("country", v("f-country").toUpperCase());
  if (v("f-type")) p.set("type", v("f-type"));
  if (v("f-since")) p.set("since", v("f-since"));
  if (v("f-until")) p.set("until", v("f-until"));
  if (state.place) p.set("place", state.place);
  return p;
}

let actorTimer = null;
function suggestActors() {
  clearTimeout(actorTimer);
  actorTimer = setTimeout(async () => {
    const q = $("f-actor").value.trim();
    if (q.length < 2 || /^Q\d+$/.test(q) || /^[A-Z-]{3}[A-Z]*$/.test(q)) return;
    try {
      const res = await api("/v1/actors?limit=20&q=" + encodeURIComponent(q));
      const list = clear($("actor-list"));
      for (const a of res.actors) {
        const code = a.code || (a.roles.length ? a.roles[a.roles.length - 1].code : "");
        list.append(el("option", { value: a.kind === "country" ? a.id : a.id, label: `${a.name} ${code} (${a.kind})` }));
      }
    } catch { /* suggestions are optional */ }
  }, 200);
}

// ------------------------------------------------------------------ events table

const actorText = (a) => (a ? (a.name ? `${a.name} (${a.code})` : a.code) : "—");
const sortValue = {
  date: (e) => e.date || "",
  event_type: (e) => e.event_type || "",
  cameo: (e) => e.cameo || "",
  source: (e) => actorText(e.source),
  target: (e) => actorText(e.target),
  goldstein: (e) => e.goldstein ?? 0,
  place: (e) => (e.location && e.location.name) || "",
  trigger: (e) => (e.trigger && e.trigger.text) || "",
  doc_id: (e) => e.doc_id || "",
};

function renderTable() {
  const body = clear($("events-table").tBodies[0]);
  const key = state.sortKey, dir = state.sortDir, f = sortValue[key];
  const rows = [...state.rows].sort((a, b) => {
    const x = f(a), y = f(b);
    return (x < y ? -1 : x > y ? 1 : 0) * dir;
  });
  for (const e of rows) {
    const flags = ["negated", "future", "hypothetical"].filter((k) => e[k]);
    const tr = el("tr", { class: "q" + (e.quad_class || 0), tabindex: "0", "data-doc": e.doc_id },
      el("td", { text: e.date || "—" }),
      el("td", {}, el("span", { class: "type", text: e.event_type }), flags.length ? el("span", { class: "flag", text: " " + flags.join(",") }) : null),
      el("td", { title: e.cameo_name || "", text: e.cameo }),
      el("td", { text: actorText(e.source) }),
      el("td", { text: actorText(e.target) }),
      el("td", { class: "num", text: e.goldstein }),
      el("td", { text: (e.location && e.location.name) || "" }),
      el("td", { lang: "ar", dir: "rtl", text: (e.trigger && e.trigger.text) || "" }),
      el("td", {}, el("a", { href: "#/doc/" + encodeURIComponent(e.doc_id), text: e.doc_id })));
    tr.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") location.hash = "#/doc/" + encodeURIComponent(e.doc_id); });
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") location.hash = "#/doc/" + encodeURIComponent(e.doc_id); });
    body.append(tr);
  }
  for (const th of $("events-table").tHead.rows[0].cells) {
    th.setAttribute("aria-sort", th.dataset.key === key ? (dir > 0 ? "ascending" : "descending") : "none");
  }
  $("ev-count").textContent = `${state.rows.length} events${state.cursor ? " (more available)" : ""}`
    + (state.place ? ` at ${state.place}` : "");
  $("ev-more").hidden = !state.cursor;
}

async function loadEvents(more) {
  const p = filterParams();
  p.set("limit", String(PAGE));
  if (more && state.cursor) p.set("cursor", state.cursor);
  const csv = new URLSearchParams(p); csv.delete("cursor"); csv.set("format", "csv"); csv.set("limit", "1000");
  $("ev-csv").href = "/v1/events?" + csv.toString();
  const res = await api("/v1/events?" + p.toString());
  state.rows = more ? state.rows.concat(res.events) : res.events;
  state.cursor = res.next_cursor;
  renderTable();
}

// ------------------------------------------------------------------ document view

async function showDocument(id) {
  const doc = await api("/v1/documents/" + encodeURIComponent(id));
  $("doc-title").textContent = doc.title || doc.doc_id;
  $("doc-meta").textContent = [doc.doc_id, doc.pub_date, doc.source, `${doc.events.length} events`].filter(Boolean).join(" · ");
  renderHighlighted($("doc-text"), doc.text, doc.spans);
  renderEventList($("doc-events"), doc.events, $("doc-text"));
}

// ------------------------------------------------------------------ dyads, network, map

async function showDyads() {
  const p = filterParams();
  const s = $("d-source").value.trim().toUpperCase(), t = $("d-target").value.trim().toUpperCase();
  if (s) p.set("source_country", s);
  if (t) p.set("target_country", t);
  const period = $("d-period").value;
  p.set("period", period); p.set("dyads", "country"); p.set("top", "15");
  const res = await api("/v1/stats?" + p.toString());
  drawSeries($("dyad-chart"), $("dyad-legend"), res.series, period);
  const body = clear($("dyad-table").tBodies[0]);
  for (const d of res.dyads) {
    const tr = el("tr", { tabindex: "0" }, el("td", { text: d.source }), el("td", { text: d.target }),
      el("td", { class: "num", text: d.events }), el("td", { class: "num", text: d.goldstein_sum }),
      el("td", { class: "num", text: d.goldstein_mean }));
    tr.addEventListener("click", () => {
      $("d-source").value = d.source === "-" ? "" : d.source;
      $("d-target").value = d.target === "-" ? "" : d.target;
      guarded(showDyads);
    });
    body.append(tr);
  }
}

async function showNetwork() {
  const p = filterParams();
  p.set("dyads", "code"); p.set("top", "80"); p.set("period", "year");
  const res = await api("/v1/stats?" + p.toString());
  drawNetwork($("network"), res.dyads, (code) => {
    $("f-actor").value = code;
    location.hash = "#/events";
  });
}

async function showMap() {
  const p = filterParams();
  p.delete("place");
  p.set("top", "1000");
  const res = await api("/v1/places?" + p.toString());
  await drawMap($("map"), res.places, (place) => {
    state.place = place.name;
    location.hash = "#/events";
  });
}

// ------------------------------------------------------------------ paste and code

async function codeText(ev) {
  ev.preventDefault();
  const text = $("code-text").value;
  if (!text.trim()) { status("Paste some Arabic text first.", true); return; }
  await guarded(async () => {
    const body = { text };
    if ($("code-date").value) body.date = $("code-date").value;
    const res = await api("/v1/code", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderHighlighted($("code-out"), text, res.spans);
    renderEventList($("code-events"), res.events, $("code-out"));
    status(`${res.events.length} events coded.`);
  });
}

// ------------------------------------------------------------------ routing

const VIEWS = ["events", "doc", "dyads", "network", "map", "code"];
const loaded = new Set();

async function route() {
  const hash = location.hash || "#/events";
  const m = hash.match(/^#\/([a-z]+)(?:\/(.*))?$/);
  const view = m && VIEWS.includes(m[1]) ? m[1] : "events";
  for (const v of VIEWS) $("view-" + v).hidden = v !== view;
  for (const a of document.querySelectorAll("#tabs a[data-view]")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  $("filters").hidden = view === "doc" || view === "code";
  if (view === "events") await guarded(() => loadEvents(false));
  else if (view === "doc" && m[2]) await guarded(() => showDocument(decodeURIComponent(m[2])));
  else if (view === "dyads") await guarded(showDyads);
  else if (view === "network") await guarded(showNetwork);
  else if (view === "map") await guarded(showMap);
  loaded.add(view);
}

function init() {
  const sel = $("f-type");
  for (const t of PLOVER) sel.append(el("option", { value: t, text: t }));
  for (const th of $("events-table").tHead.rows[0].cells) {
    th.querySelector("button").addEventListener("click", () => {
      const k = th.dataset.key;
      state.sortDir = state.sortKey === k ? -state.sortDir : (k === "date" || k === "goldstein" ? -1 : 1);
      state.sortKey = k;
      renderTable();
    });
  }
  $("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (location.hash.startsWith("#/events") || !location.hash) route(); else location.hash = "#/events";
  });
  $("filters").addEventListener("reset", () => { state.place = null; setTimeout(route, 0); });
  $("f-actor").addEventListener("input", suggestActors);
  $("ev-more").addEventListener("click", () => guarded(() => loadEvents(true)));
  $("dyad-form").addEventListener("submit", (ev) => { ev.preventDefault(); guarded(showDyads); });
  $("code-form").addEventListener("submit", codeText);
  window.addEventListener("hashchange", route);
  route();
}

init();
