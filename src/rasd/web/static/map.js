// A world map without tiles or network: the vendored Natural Earth 110m outline (world-atlas
// TopoJSON) decoded here and drawn in an equirectangular projection, with event places on top.

import { svg, clear } from "./dom.js";

const W = 960, H = 480;
let worldPaths = null;

export const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

/** TopoJSON arcs → absolute [lon, lat] point lists (quantized, delta-encoded). */
function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
}

function ringPath(ring, arcs) {
  const pts = [];
  for (const i of ring) {
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    pts.push(...(pts.length ? arc.slice(1) : arc));
  }
  // A ring that crosses the antimeridian (Russia, Fiji) is cut into pieces there, so that no
  // line runs across the whole map.
  let d = "", prev = null;
  for (const [lon, lat] of pts) {
    const [x, y] = project(lon, lat);
    d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    prev = lon;
  }
  return d + "Z";
}

async function loadWorld() {
  if (worldPaths) return worldPaths;
  const res = await fetch("/static/vendor/world-atlas/countries-110m.json");
  const topo = await res.json();
  const arcs = decodeArcs(topo);
  worldPaths = topo.objects.countries.geometries.map((g) => {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { name: (g.properties && g.properties.name) || "", d: polys.map((p) => p.map((r) => ringPath(r, arcs)).join("")).join("") };
  }).filter((p) => p.d);
  return worldPaths;
}

/** Draw the outline and one circle per place (area ∝ events, colour by Goldstein sum). */
export async function drawMap(root, places, onPick) {
  const world = await loadWorld();
  clear(root);
  root.setAttribute("viewBox", `0 0 ${W} ${H}`);
  root.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
  const land = svg("g", { class: "land" });
  for (const c of world) land.append(svg("path", { d: c.d }, svg("title", { text: c.name })));
  root.append(land);
  const maxN = Math.max(1, ...places.map((p) => p.events));
  const dots = svg("g", { class: "places" });
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    if (typeof p.lat !== "number" || typeof p.lon !== "number") continue;
    const [x, y] = project(p.lon, p.lat);
    const c = svg("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 14 * Math.sqrt(p.events / maxN)).toFixed(1),
      class: "place " + ((p.goldstein_sum || 0) >= 0 ? "coop" : "conf"), tabindex: "0", "data-name": p.name || "",
    }, svg("title", { text: `${p.name || "?"} (${p.country || "?"}): ${p.events} events, Goldstein sum ${p.goldstein_sum}` }));
    if (onPick) c.addEventListener("click", () => onPick(p));
    dots.append(c);
  }
  root.append(dots);
}
