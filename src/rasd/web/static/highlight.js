// Arabic text with its actor, trigger and place spans highlighted, and the coded events
// beside it in English. Spans may overlap: the text is cut at every span boundary and each
// piece carries the kinds (and span and event numbers) that cover it.

import { el, clear, offsetMapper } from "./dom.js";

const KIND_NAMES = { actor: "actor", trigger: "trigger", place: "place" };

/** Render `text` into `container`, highlighting `spans` (from the API: start, end, kind, label, events). */
export function renderHighlighted(container, text, spans) {
  clear(container);
  const unit = offsetMapper(text);
  const marks = spans.map((s, i) => ({ ...s, i, a: unit(s.start), b: unit(s.end) }))
    .filter((s) => s.a < s.b && s.b <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of marks) { cuts.add(s.a); cuts.add(s.b); }
  const points = [...cuts].sort((x, y) => x - y);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    const piece = text.slice(a, b);
    const cover = marks.filter((s) => s.a <= a && s.b >= b);
    if (!cover.length) { container.append(document.createTextNode(piece)); continue; }
    const kinds = [...new Set(cover.map((s) => s.kind))];
    const events = [...new Set(cover.flatMap((s) => s.events))];
    const title = cover.map((s) => `${KIND_NAMES[s.kind] || s.kind}${s.label ? ": " + s.label : ""}`
      + (s.roles && s.roles.length ? ` (${s.roles.join(", ")})` : "")).join("\n");
    container.append(el("mark", {
      class: "hl " + kinds.map((x) => "hl-" + x).join(" "),
      "data-spans": cover.map((s) => s.i).join(" "),
      "data-events": events.join(" "),
      title,
      text: piece,
    }));
  }
}

/** The events as an English list; hovering or focusing one lights up its spans in `textBox`. */
export function renderEventList(list, events, textBox, opts = {}) {
  clear(list);
  if (!events.length) {
    list.append(el("li", { class: "muted", text: "No events coded in this text." }));
    return;
  }
  events.forEach((e, i) => {
    const flags = ["negated", "future", "hypothetical"].filter((f) => e[f]);
    const li = el("li", { tabindex: "0", "data-event": i, class: "q" + (e.quad_class || 0) },
      el("div", { class: "summary", text: e.summary || `${e.event_type} / ${e.cameo}` }),
      el("div", { class: "detail muted" },
        el("span", { lang: "ar", dir: "rtl", text: e.trigger ? e.trigger.text : "" }),
        ` · Goldstein ${e.goldstein} · quad ${e.quad_class}`,
        e.date ? ` · ${e.date}` : "",
        flags.length ? ` · ${flags.join(", ")}` : "",
        e.attributed_to ? ` · according to ${e.attributed_to.name || e.attributed_to.code || ""}` : "",
        ` · sentence ${e.sentence_index + 1}`),
      opts.linkDoc && e.doc_id ? el("a", { href: "#/doc/" + encodeURIComponent(e.doc_id), text: "open document" }) : null);
    const on = () => light(textBox, i, true);
    const off = () => light(textBox, i, false);
    li.addEventListener("mouseenter", on);
    li.addEventListener("mouseleave", off);
    li.addEventListener("focus", on);
    li.addEventListener("blur", off);
    list.append(li);
  });
}

function light(textBox, i, on) {
  for (const m of textBox.querySelectorAll("mark.hl")) {
    const evs = (m.dataset.events || "").split(" ");
    m.classList.toggle("active", on && evs.includes(String(i)));
  }
}
