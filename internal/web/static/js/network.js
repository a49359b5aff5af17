// Network: recommendations (or documents) as nodes, SUPPORTS, CONFLICTS_WITH
// and OVERLAPS as coloured edges, Louvain communities as node colours. Drawn
// with Sigma.js (WebGL), so that 10k nodes stay smooth; filters by theme,
// sector, status and document; zoom, pan, search and a side panel on click.
(function () {
"use strict";
RD.network = {
  edgeColors: { SUPPORTS: "#2a9d3f", CONFLICTS_WITH: "#d62728", OVERLAPS: "#1f77b4" },
  palette: ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6", "#bcf60c", "#008080", "#9a6324", "#800000", "#808000", "#000075", "#fabebe"],
};

RD.views.network = async function (el, p) {
  const mode = p.mode === "doc" ? "doc" : "rec";
  const filter = networkFilter(p);
  const [data, vocab] = await Promise.all([mode === "doc" ? loadDocuments(filter) : loadRecommendations(filter), loadVocabulary()]);
  const stage = RD.h("div", { class: "network", id: "network" });
  const panel = RD.h("aside", { class: "node-panel", id: "node-panel" });
  const info = RD.h("span", { class: "info", id: "network-info" });
  RD.append(el, RD.h("h1", {}, RD.t("network")), controls(p, mode, vocab), legend(), info,
    RD.h("div", { class: "net-wrap" }, stage, panel));
  const res = RD.network.draw(stage, data, panel);
  info.textContent = RD.t("nodesShown", data.nodes.length, data.edges.length) + " · " + RD.t("renderTime", Math.round(res.ms));
  el.querySelector(".toolbar").append(RD.saveButtons("network", () => networkPNG(res.graph), () => networkSVG(res.graph)),
    " ", RD.exportLinks(scopeParams(filter), {}));
};

function networkFilter(p) {
  const split = (s) => (s ? s.split(",").filter(Boolean) : undefined);
  return { themes: split(p.themes), sectors: split(p.sectors), statuses: split(p.statuses), documents: split(p.documents), mode: p.mode };
}

function scopeParams(f) {
  const out = {};
  for (const k of ["themes", "documents", "statuses"]) if (f[k]) out[k] = f[k].join(",");
  return out;
}

async function loadVocabulary() {
  const d = await RD.gql(`{ themes(first: 100) { edges { node { id name } } } documents(first: 100, orderBy: {field: ID}) { edges { node { id title } } } }`);
  return { themes: d.themes.edges.map((e) => e.node), documents: d.documents.edges.map((e) => e.node) };
}

// loadRecommendations pages through the recommendations in the filter with
// their edges, and colours them by Louvain community.
async function loadRecommendations(f) {
  const q = `query($f: RecommendationFilter, $after: String) { recommendations(first: 60, after: $after, filter: $f) {
    edges { node { id title status document { id } themes { id }
      supports { toId score status } conflictsWith { toId score status } overlaps { other { id } status } } }
    pageInfo { hasNextPage endCursor } } }`;
  const filter = { themes: f.themes, sectors: f.sectors, statuses: f.statuses, documents: f.documents };
  const recs = [];
  for (let after = null; ;) {
    const d = (await RD.gql(q, { f: filter, after })).recommendations;
    recs.push(...d.edges.map((e) => e.node));
    if (!d.pageInfo.hasNextPage || recs.length >= 20000) break;
    after = d.pageInfo.endCursor;
  }
  const comm = (await RD.gql(`{ coherence(scope: {statuses: [ACCEPTED, PROPOSED]}) { communities { communities(first: 1000) { id members } } } }`)).coherence.communities.communities;
  const group = {};
  for (const c of comm) for (const m of c.members) group[m] = c.id;
  const seen = new Set(recs.map((r) => r.id));
  const edges = [];
  for (const r of recs) {
    for (const e of r.supports) if (seen.has(e.toId)) edges.push({ from: r.id, to: e.toId, type: "SUPPORTS", status: e.status });
    for (const e of r.conflictsWith) if (seen.has(e.toId)) edges.push({ from: r.id, to: e.toId, type: "CONFLICTS_WITH", status: e.status });
    for (const e of r.overlaps) if (seen.has(e.other.id) && r.id < e.other.id) edges.push({ from: r.id, to: e.other.id, type: "OVERLAPS", status: e.status });
  }
  const nodes = recs.map((r) => ({ id: r.id, label: r.title, group: group[r.id], kind: "Recommendation",
    status: r.status, document: r.document && r.document.id, themes: r.themes.map((t) => t.id) }));
  return { nodes, edges };
}

// loadDocuments draws documents, linked by the edges between their
// recommendations (the document x document matrix).
async function loadDocuments(f) {
  const scope = { themes: f.themes, documents: f.documents, statuses: f.statuses };
  const d = await RD.gql(`query($s: ScopeInput) { matrix(rows: DOCUMENT, columns: DOCUMENT, scope: $s) { rows { id name } columns { id name }
    cells { row column supports conflicts overlaps } } }`, { s: scope });
  const m = d.matrix;
  const nodes = m.rows.map((a) => ({ id: a.id, label: a.name || a.id, kind: "Document", group: 0 }));
  const edges = [];
  for (const c of m.cells) {
    const from = m.rows[c.row].id, to = m.columns[c.column].id;
    if (from === to) continue;
    if (c.supports) edges.push({ from, to, type: "SUPPORTS", weight: c.supports });
    if (c.conflicts) edges.push({ from, to, type: "CONFLICTS_WITH", weight: c.conflicts });
    if (c.overlaps && from < to) edges.push({ from, to, type: "OVERLAPS", weight: c.overlaps });
  }
  return { nodes, edges };
}

function controls(p, mode, vocab) {
  const set = (k, v) => { const q = Object.assign({}, p); if (v) q[k] = v; else delete q[k]; location.hash = RD.href("network", q); };
  const select = (id, label, key, options, first) => RD.h("label", {}, label + " ",
    RD.h("select", { id, onchange: (e) => set(key, e.target.value) }, RD.h("option", { value: "" }, first || RD.t("all")),
      options.map(([v, text]) => RD.h("option", { value: v, selected: p[key] === v }, text))));
  const search = RD.h("input", { type: "search", id: "network-search", placeholder: RD.t("searchHint") });
  search.addEventListener("change", () => RD.network.focus(search.value));
  const cam = (fn) => () => RD.network.renderer && RD.network.renderer.getCamera()[fn]({ duration: 300 });
  return RD.h("div", { class: "toolbar" },
    select("net-mode", RD.t("mode"), "mode", [["doc", RD.t("byDocument")]], RD.t("byRecommendation")),
    select("net-theme", RD.t("theme"), "themes", vocab.themes.map((t) => [t.id, (t.id + " " + t.name).slice(0, 40)])),
    select("net-sector", RD.t("sector"), "sectors", RD.sectorNames.map((s) => [s, s])),
    select("net-status", RD.t("status"), "statuses", RD.statusNames.map((s) => [s, s])),
    select("net-document", RD.t("document"), "documents", vocab.documents.map((d) => [d.id, d.id + " " + d.title.slice(0, 50)])),
    RD.h("label", {}, RD.t("search") + " ", search),
    RD.h("button", { type: "button", onclick: cam("animatedZoom"), title: RD.t("zoomIn") }, "+"),
    RD.h("button", { type: "button", onclick: cam("animatedUnzoom"), title: RD.t("zoomOut") }, "−"),
    RD.h("button", { type: "button", onclick: cam("animatedReset") }, RD.t("reset")), " ");
}

function legend() {
  const c = RD.network.edgeColors;
  return RD.h("p", { class: "legend" }, [["SUPPORTS", "supports"], ["CONFLICTS_WITH", "conflictsEdges"], ["OVERLAPS", "overlaps"]].map(([k, t]) =>
    [RD.h("span", { class: "swatch edge-" + k.toLowerCase() }), RD.t(t), " "]), " · " + RD.t("community") + " = kleur/colour");
}

// layout places communities on a sunflower spiral, each as a disc of its
// members (also a sunflower): fast for any size, and groups stay together.
RD.network.layout = function (nodes) {
  const groups = new Map();
  for (const n of nodes) {
    const g = n.group == null ? "none" : n.group;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g).push(n);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let placed = 0;
  sorted.forEach((members, gi) => {
    const radius = Math.sqrt(members.length);
    const dist = gi === 0 ? 0 : 2.2 * Math.sqrt(placed + members.length);
    const cx = dist * Math.cos(gi * golden), cy = dist * Math.sin(gi * golden);
    members.forEach((n, i) => {
      const r = radius * Math.sqrt((i + 0.5) / members.length);
      n.x = cx + r * Math.cos(i * golden);
      n.y = cy + r * Math.sin(i * golden);
    });
    placed += members.length;
  });
};

RD.network.colour = (n) => (n.group == null ? "#999" : RD.network.palette[Math.abs(n.group) % RD.network.palette.length]);

// draw renders data ({nodes, edges}) into el and returns the graph and the
// milliseconds it took until the first frame was drawn.
RD.network.draw = function (el, data, panel) {
  const t0 = performance.now();
  if (RD.network.renderer) RD.network.renderer.kill();
  RD.network.layout(data.nodes);
  const graph = new graphology.MultiGraph();
  const size = data.nodes.length > 2000 ? 2 : 5;
  for (const n of data.nodes) graph.addNode(n.id, { x: n.x, y: n.y, label: n.label, size, color: RD.network.colour(n), data: n });
  for (const e of data.edges) {
    if (!graph.hasNode(e.from) || !graph.hasNode(e.to)) continue;
    graph.addEdge(e.from, e.to, { color: RD.network.edgeColors[e.type], size: e.weight ? Math.min(1 + e.weight, 6) : 1, type: "line", kind: e.type, status: e.status });
  }
  const renderer = new Sigma(graph, el, { labelRenderedSizeThreshold: 6, defaultEdgeType: "line", zIndex: true });
  RD.network.renderer = renderer;
  RD.network.graph = graph;
  renderer.on("clickNode", ({ node }) => nodePanel(panel, graph, node));
  RD.cleanup = () => { renderer.kill(); RD.network.renderer = null; };
  renderer.refresh();
  return { graph, ms: performance.now() - t0 };
};

// focus centres the camera on the node whose id or title matches text.
RD.network.focus = function (text) {
  const g = RD.network.graph, r = RD.network.renderer;
  if (!g || !r || !text) return;
  const t = text.toLowerCase();
  const id = g.hasNode(text) ? text : g.findNode((n, a) => (a.label || "").toLowerCase().includes(t));
  if (!id) return;
  const d = r.getNodeDisplayData(id);
  r.getCamera().animate({ x: d.x, y: d.y, ratio: 0.15 }, { duration: 400 });
  nodePanel(document.getElementById("node-panel"), g, id);
};

function nodePanel(panel, graph, id) {
  if (!panel) return;
  const a = graph.getNodeAttributes(id);
  const n = a.data;
  const rows = [];
  graph.forEachEdge(id, (e, ea, src, dst) => rows.push({ kind: ea.kind, out: src === id, other: src === id ? dst : src, status: ea.status }));
  const link = (x) => (n.kind === "Document" ? RD.listLink(x, { documents: x }) : RD.recLink(x, graph.getNodeAttribute(x, "label")));
  panel.replaceChildren(RD.h("h3", {}, n.kind === "Document" ? RD.listLink(n.label, { documents: id, title: n.label }) : RD.recLink(id, n.label)),
    RD.h("p", { class: "meta" }, id, n.status ? " · " + n.status : "", n.document ? " · " + n.document : "",
      n.themes ? " · " + n.themes.join(", ") : "", n.group != null ? " · " + RD.t("community") + " " + n.group : ""),
    RD.h("ul", { class: "edges" }, rows.slice(0, 200).map((r) => RD.h("li", { class: "edge-" + r.kind.toLowerCase() },
      (r.out ? "→ " : "← ") + r.kind + " ", link(r.other), r.status && r.status !== "ACCEPTED" ? " (" + r.status + ")" : ""))));
  panel.classList.add("open");
}

// networkSVG draws the graph as SVG from the layout, for saving.
function networkSVG(graph) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  graph.forEachNode((n, a) => { minX = Math.min(minX, a.x); minY = Math.min(minY, a.y); maxX = Math.max(maxX, a.x); maxY = Math.max(maxY, a.y); });
  const w = 1200, pad = 20, s = (w - 2 * pad) / Math.max(maxX - minX, maxY - minY, 1);
  const X = (x) => (pad + (x - minX) * s).toFixed(1), Y = (y) => (pad + (maxY - y) * s).toFixed(1);
  const hgt = Math.ceil(2 * pad + (maxY - minY) * s);
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hgt}" viewBox="0 0 ${w} ${hgt}"><rect width="100%" height="100%" fill="#fff"/>`];
  graph.forEachEdge((e, a, src, dst, sa, da) => parts.push(`<line x1="${X(sa.x)}" y1="${Y(sa.y)}" x2="${X(da.x)}" y2="${Y(da.y)}" stroke="${a.color}" stroke-opacity="0.6"/>`));
  const esc = (t) => String(t).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
  graph.forEachNode((n, a) => parts.push(`<circle cx="${X(a.x)}" cy="${Y(a.y)}" r="${Math.max(2, a.size)}" fill="${a.color}"><title>${esc(n + " " + (a.label || ""))}</title></circle>`));
  parts.push("</svg>");
  return parts.join("");
}

function networkPNG(graph) {
  const svg = networkSVG(graph);
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    img.onload = () => {
      const c = document.createElement("canvas");
      c.width = img.width; c.height = img.height;
      c.getContext("2d").drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      c.toBlob(resolve, "image/png");
    };
    img.onerror = reject;
    img.src = url;
  });
}
})();
