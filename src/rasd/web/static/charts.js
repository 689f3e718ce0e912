// SVG charts drawn by hand: the dyad time series (quad classes stacked, Goldstein sum as a
// line) and the actor network (a small force layout).

import { svg, el, clear } from "./dom.js";

export const QUAD_COLOURS = ["#7fbf7b", "#1b7837", "#f4a582", "#b2182b"];
export const QUAD_NAMES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

function addPeriod(d, period) {
  const x = new Date(d.getTime());
  if (period === "day") x.setUTCDate(x.getUTCDate() + 1);
  else if (period === "week") x.setUTCDate(x.getUTCDate() + 7);
  else if (period === "month") x.setUTCMonth(x.getUTCMonth() + 1);
  else x.setUTCFullYear(x.getUTCFullYear() + 1);
  return x;
}

/** The series with empty periods filled in, so that gaps show as gaps (at most 2000 periods). */
export function fillPeriods(series, period) {
  if (!series.length) return [];
  const byKey = new Map(series.map((s) => [s.period, s]));
  const out = [];
  let d = new Date(series[0].period + "T00:00:00Z");
  const end = new Date(series[series.length - 1].period + "T00:00:00Z");
  while (d <= end && out.length < 2000) {
    const key = d.toISOString().slice(0, 10);
    out.push(byKey.get(key) || { period: key, events: 0, goldstein_sum: 0, quad_counts: [0, 0, 0, 0] });
    d = addPeriod(d, period);
  }
  return out;
}

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** Stacked quad-class bars per period with the Goldstein sum as a line on its own axis. */
export function drawSeries(root, legend, series, period) {
  clear(root);
  const W = 960, H = 340, L = 48, R = 56, T = 16, B = 40;
  root.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const data = fillPeriods(series, period);
  if (!data.length) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted", text: "No dated events match." }));
    return;
  }
  const plotW = W - L - R, plotH = H - T - B;
  const band = plotW / data.length;
  const maxN = niceMax(Math.max(...data.map((d) => d.events)));
  const gAbs = niceMax(Math.max(1, ...data.map((d) => Math.abs(d.goldstein_sum || 0))));
  const y = (n) => T + plotH - (n / maxN) * plotH;
  const yg = (g) => T + plotH / 2 - (g / gAbs) * (plotH / 2);
  // axes and grid
  for (let k = 0; k <= 4; k++) {
    const n = (maxN * k) / 4;
    root.append(svg("line", { x1: L, x2: W - R, y1: y(n), y2: y(n), class: "grid" }));
    root.append(svg("text", { x: L - 6, y: y(n) + 4, "text-anchor": "end", class: "axis", text: String(+n.toFixed(1)) }));
    const g = -gAbs + (2 * gAbs * k) / 4;
    root.append(svg("text", { x: W - R + 6, y: yg(g) + 4, class: "axis gold", text: String(+g.toFixed(1)) }));
  }
  root.append(svg("text", { x: 12, y: T + plotH / 2, class: "axis", transform: `rotate(-90 12 ${T + plotH / 2})`, "text-anchor": "middle", text: "events" }));
  root.append(svg("text", { x: W - 8, y: T + plotH / 2, class: "axis gold", transform: `rotate(90 ${W - 8} ${T + plotH / 2})`, "text-anchor": "middle", text: "Goldstein sum" }));
  // stacked bars
  const bars = svg("g", { class: "bars" });
  data.forEach((d, i) => {
    let acc = 0;
    const x = L + i * band + band * 0.1, w = Math.max(1, band * 0.8);
    (d.quad_counts || [0, 0, 0, 0]).forEach((c, q) => {
      if (!c) return;
      const r = svg("rect", { x, y: y(acc + c), width: w, height: y(acc) - y(acc + c), fill: QUAD_COLOURS[q], "data-quad": q + 1 },
        svg("title", { text: `${d.period}: ${c} ${QUAD_NAMES[q]}` }));
      bars.append(r);
      acc += c;
    });
  });
  root.append(bars);
  // x labels: at most ~12
  const every = Math.max(1, Math.ceil(data.length / 12));
  data.forEach((d, i) => {
    if (i % every) return;
    const label = period === "month" ? d.period.slice(0, 7) : d.period;
    root.append(svg("text", { x: L + i * band + band / 2, y: H - B + 16, "text-anchor": "middle", class: "axis", text: label }));
  });
  // Goldstein sum line and zero line
  root.append(svg("line", { x1: L, x2: W - R, y1: yg(0), y2: yg(0), class: "zero" }));
  const pts = data.map((d, i) => `${(L + i * band + band / 2).toFixed(1)},${yg(d.goldstein_sum || 0).toFixed(1)}`);
  root.append(svg("polyline", { points: pts.join(" "), class: "gold-line" }));
  data.forEach((d, i) => {
    root.append(svg("circle", { cx: L + i * band + band / 2, cy: yg(d.goldstein_sum || 0), r: 2.5, class: "gold-dot" },
      svg("title", { text: `${d.period}: ${d.events} events, Goldstein sum ${d.goldstein_sum}` })));
  });
  clear(legend);
  QUAD_NAMES.forEach((n, q) => legend.append(el("span", { class: "key" }, el("i", { class: "sw q" + (q + 1) }), n)));
  legend.append(el("span", { class: "key" }, el("i", { class: "sw gold" }), "Goldstein sum (right axis)"));
}

/** A force-directed layout of `dyads` (source, target, events, goldstein_mean). */
export function drawNetwork(root, dyads, onPick) {
  clear(root);
  const W = 960, H = 600;
  root.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const names = new Map();
  const edges = dyads.filter((d) => d.source && d.target && d.source !== "-" && d.target !== "-" && d.source !== d.target);
  for (const d of edges) for (const k of [d.source, d.target]) names.set(k, (names.get(k) || 0) + d.events);
  if (!names.size) {
    root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted", text: "No dyads match." }));
    return;
  }
  const nodes = [...names.entries()].map(([id, n], i) => {
    const a = (2 * Math.PI * i) / names.size;
    return { id, n, x: W / 2 + 200 * Math.cos(a), y: H / 2 + 200 * Math.sin(a), vx: 0, vy: 0 };
  });
  const idx = new Map(nodes.map((n, i) => [n.id, i]));
  const links = edges.map((d) => ({ s: idx.get(d.source), t: idx.get(d.target), d }));
  // simple force simulation: repulsion between all nodes, springs along links, a constant pull
  // to the centre (so that separate components stay in view), cooling over 400 steps
  const K = Math.sqrt((W * H) / nodes.length) * 0.55;
  for (let step = 0; step < 400; step++) {
    const alpha = 1 - step / 400;
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = (i % 3) - 1; dy = (j % 3) - 1; d2 = 1; }
        const f = (K * K) / d2 * 0.05;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
    }
    for (const l of links) {
      const a = nodes[l.s], b = nodes[l.t];
      const dx = b.x - a.x, dy = b.y - a.y;
      const dist = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = ((dist - K) / dist) * 0.08;
      a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.015; n.vy += (H / 2 - n.y) * 0.015;
      const lim = 4 + 40 * alpha;
      n.x += Math.max(-lim, Math.min(lim, n.vx)); n.y += Math.max(-lim, Math.min(lim, n.vy));
      n.vx *= 0.5; n.vy *= 0.5;
      n.x = Math.max(40, Math.min(W - 40, n.x)); n.y = Math.max(24, Math.min(H - 16, n.y));
    }
  }
  const defs = svg("defs", {});
  for (const [name, colour] of [["coop", "#1b7837"], ["conf", "#b2182b"]]) {
    defs.append(svg("marker", { id: "arrow-" + name, viewBox: "0 0 10 10", refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: "auto-start-reverse" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour })));
  }
  root.append(defs);
  const maxE = Math.max(...links.map((l) => l.d.events));
  const g = svg("g", { class: "edges" });
  for (const l of links) {
    const a = nodes[l.s], b = nodes[l.t];
    const coop = (l.d.goldstein_mean || 0) >= 0;
    g.append(svg("line", {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge " + (coop ? "coop" : "conf"),
      "stroke-width": 1 + 5 * Math.sqrt(l.d.events / maxE), "marker-end": `url(#arrow-${coop ? "coop" : "conf"})`,
    }, svg("title", { text: `${l.d.source_name || l.d.source} → ${l.d.target_name || l.d.target}: ${l.d.events} events, mean Goldstein ${l.d.goldstein_mean}` })));
  }
  root.append(g);
  const maxN = Math.max(...nodes.map((n) => n.n));
  const gn = svg("g", { class: "nodes" });
  for (const n of nodes) {
    const node = svg("g", { class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, tabindex: "0", "data-id": n.id },
      svg("circle", { r: 5 + 9 * Math.sqrt(n.n / maxN) }),
      svg("text", { x: 0, y: -14, "text-anchor": "middle", text: n.id }),
      svg("title", { text: `${n.id}: ${n.n} events` }));
    if (onPick) node.addEventListener("click", () => onPick(n.id));
    gn.append(node);
  }
  root.append(gn);
}
