// Heat maps: theme x sector, theme x scenario, theme x document, document x
// document (supports, conflicts, overlaps) and actor x actor (agreement), each
// straight from the matrix query. Clicking a cell lists what is behind it.
(function () {
"use strict";
RD.heatmaps = {
  ts: { rows: "THEME", columns: "SECTOR", nl: "Thema × sector", en: "Theme × sector" },
  tsc: { rows: "THEME", columns: "SCENARIO", nl: "Thema × scenario", en: "Theme × scenario" },
  td: { rows: "THEME", columns: "DOCUMENT", nl: "Thema × document", en: "Theme × document" },
  doc: { rows: "DOCUMENT", columns: "DOCUMENT", nl: "Document × document", en: "Document × document", metrics: ["supports", "conflicts", "overlaps"] },
  actor: { rows: "ACTOR", columns: "ACTOR", nl: "Actor × actor", en: "Actor × actor", metrics: ["count", "disputed"] },
};

RD.views.heatmaps = async function (el, p) {
  const key = RD.heatmaps[p.m] ? p.m : "ts";
  const def = RD.heatmaps[key];
  const metric = def.metrics ? (def.metrics.includes(p.metric) ? p.metric : def.metrics[0]) : "count";
  const m = (await RD.gql(`query($r: MatrixDimension!, $c: MatrixDimension!) { matrix(rows: $r, columns: $c) {
    rows { id name } columns { id name } cells { row column count ids supports conflicts overlaps pairs { from to } disputed } } }`,
  { r: def.rows, c: def.columns })).matrix;
  const chartEl = RD.h("div", { class: "chart heatmap", id: "heatmap", style: null });
  const panel = RD.h("aside", { class: "cell-panel", id: "cell-panel" }, RD.t("clickCell"));
  const pick = RD.h("p", { class: "picker" }, Object.entries(RD.heatmaps).map(([k, d]) =>
    [RD.h("a", { href: RD.href("heatmaps", { m: k }), class: k === key ? "active" : null }, d[RD.lang]), " "]),
  def.metrics ? [" · " + RD.t("metric") + ": ", def.metrics.map((x) =>
    [RD.h("a", { href: RD.href("heatmaps", { m: key, metric: x }), class: x === metric ? "active" : null }, metricLabel(x)), " "])] : null);
  RD.append(el, RD.h("h1", {}, RD.t("heatmaps")), pick, RD.h("div", { class: "heat-wrap" }, chartEl, panel));
  chartEl.style.height = Math.max(420, 170 + (m.rows.length > 30 ? 16 : 30) * m.rows.length) + "px";
  const chart = echarts.init(chartEl);
  const data = m.cells.map((c) => ({ value: [c.column, c.row, valueOf(c, metric)], cell: c })).filter((d) => d.value[2] > 0);
  chart.setOption(heatOption(m, data, def[RD.lang]));
  chart.on("click", (e) => showCell(panel, m, e.data.cell, key, metric));
  RD.heatmap = { key, metric, matrix: m, chart };
  RD.cleanup = () => chart.dispose();
  const what = { matrix: def.rows + "x" + def.columns };
  pick.append(RD.h("br"), RD.echartsSave("heatmap-" + key, chart), " ",
    RD.h("a", { href: "/export?" + new URLSearchParams(Object.assign({ format: "csv", table: "matrix", metric }, what)), download: "" }, "CSV"));
};

function metricLabel(x) {
  return { supports: RD.t("supports"), conflicts: RD.t("conflictsEdges"), overlaps: RD.t("overlaps"), count: RD.t("agreement"), disputed: RD.t("disputed") }[x];
}

function valueOf(c, metric) {
  return metric === "disputed" ? c.disputed.length : c[metric];
}

function heatOption(m, data, title) {
  const label = (a) => (a.name && a.name !== a.id ? a.id + " " + a.name : a.id).slice(0, 40);
  const max = Math.max(1, ...data.map((d) => d.value[2]));
  return {
    title: { text: title, left: "center", textStyle: { fontSize: 14 } },
    tooltip: { formatter: (e) => label(m.rows[e.value[1]]) + " × " + label(m.columns[e.value[0]]) + ": " + e.value[2] },
    grid: { left: 220, right: 30, top: 40, bottom: 150 },
    xAxis: { type: "category", data: m.columns.map(label), axisLabel: { rotate: 60, fontSize: 10, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: "category", data: m.rows.map(label), inverse: true, axisLabel: { fontSize: 10, interval: 0 }, splitArea: { show: true } },
    visualMap: { min: 0, max, dimension: 2, calculable: true, orient: "horizontal", left: "center", bottom: 0, inRange: { color: ["#fde0dd", "#c51b8a", "#49006a"] } },
    series: [{ type: "heatmap", data, label: { show: m.columns.length <= 12, fontSize: 10 }, emphasis: { itemStyle: { borderColor: "#000", borderWidth: 1 } } }],
  };
}

// showCell lists the recommendations (or pairs of them) behind a cell.
async function showCell(panel, m, c, key, metric) {
  const title = (m.rows[c.row].name || m.rows[c.row].id) + " × " + (m.columns[c.column].name || m.columns[c.column].id);
  panel.replaceChildren(RD.h("h3", {}, title), RD.t("loading"));
  let ids = key === "actor" && metric === "disputed" ? c.disputed : c.ids;
  const pairs = key === "doc" ? c.pairs : [];
  if (pairs.length) ids = [...new Set(pairs.flatMap((x) => [x.from, x.to]))];
  const titles = await RD.titles(ids);
  panel.replaceChildren(RD.h("h3", {}, title, " (" + (pairs.length || ids.length) + ")"),
    pairs.length ? RD.h("ul", { class: "cell-list" }, pairs.map((x) => RD.h("li", {}, RD.recLink(x.from, titles[x.from]), " — ", RD.recLink(x.to, titles[x.to]))))
      : RD.h("ul", { class: "cell-list" }, ids.map((id) => RD.h("li", {}, RD.recLink(id, titles[id])))),
    ids.length ? RD.listLink(RD.t("open") + " →", { ids: ids.join(","), title }) : null);
}

// titles returns id → title for recommendations (and names of other nodes).
RD.titles = async function (ids) {
  const out = {};
  for (const chunk of RD.chunks(ids, 100)) {
    const d = await RD.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Recommendation { title } ... on Scenario { name } } }`, { ids: chunk });
    for (const n of d.nodes) if (n) out[n.id] = n.title || n.name || n.id;
  }
  return out;
};
})();
