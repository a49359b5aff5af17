// Shared helpers of the dashboard: DOM building, the GraphQL client, the
// language, links and saving charts. Every view reads its data from /graphql.
"use strict";
window.RD = { views: {}, lang: "nl", T: {} };

// h builds an element: h("a", {href: "#/"}, "text", child, ...). Text is
// always set as text, never parsed as HTML.
RD.h = function (tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
};

// t translates a key into the current language; {0}, {1} take args.
RD.t = function (key, ...args) {
  const s = (RD.T[RD.lang] && RD.T[RD.lang][key]) || (RD.T.en && RD.T.en[key]) || key;
  return s.replace(/\{(\d)\}/g, (_, i) => args[i]);
};

// gql posts one operation to /graphql and returns its data; GraphQL errors
// are thrown with their messages and codes.
// RD.token is the API token the dashboard sends (Authorization: Bearer),
// kept in localStorage; empty for anonymous use.
RD.token = localStorage.getItem("rodedraad.token") || "";

RD.gql = async function (query, variables) {
  const headers = { "Content-Type": "application/json" };
  if (RD.token) headers.Authorization = "Bearer " + RD.token;
  const resp = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables: variables || {} }),
  });
  const body = await resp.json();
  if (body.errors && body.errors.length) {
    const e = new Error(body.errors.map((x) => x.message + (x.extensions && x.extensions.code ? " (" + x.extensions.code + ")" : "")).join("; "));
    e.errors = body.errors;
    throw e;
  }
  return body.data;
};

// hasField reports whether the API has a field on a type (introspection),
// so a view can use newer queries when the server has them.
RD.hasField = async function (type, field) {
  RD._fields = RD._fields || {};
  if (!RD._fields[type]) {
    const d = await RD.gql("query($n: String!) { __type(name: $n) { fields { name } } }", { n: type });
    RD._fields[type] = new Set(((d.__type && d.__type.fields) || []).map((f) => f.name));
  }
  return RD._fields[type].has(field);
};

// Links inside the dashboard are hash routes: #/view?key=value.
RD.href = function (view, params) {
  const q = new URLSearchParams(params || {}).toString();
  return "#/" + view + (q ? "?" + q : "");
};
RD.recLink = (id, title) => RD.h("a", { href: RD.href("r/" + encodeURIComponent(id)), class: "rec" }, title || id);
RD.listLink = (label, params) => RD.h("a", { href: RD.href("list", params), class: "num" }, label);
RD.extLink = (url, label) => RD.h("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "ext" }, label || url);

RD.num = (x, digits) => (x == null ? "–" : Number(x).toLocaleString(RD.lang === "nl" ? "nl-NL" : "en-GB",
  { maximumFractionDigits: digits == null ? 2 : digits }));

// chunks splits a list into pieces of n (nodes() takes at most 100 ids).
RD.chunks = function (xs, n) {
  const out = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

// download saves a Blob or a data: URL under a file name.
RD.download = function (data, name) {
  const url = typeof data === "string" ? data : URL.createObjectURL(data);
  const a = RD.h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  if (typeof data !== "string") setTimeout(() => URL.revokeObjectURL(url), 1000);
};

// saveButtons returns PNG and SVG buttons for a chart; png() gives a data:
// URL or Blob, svg() an SVG string.
RD.saveButtons = function (name, png, svg) {
  return RD.h("span", { class: "save" },
    RD.h("button", { type: "button", class: "save-png", onclick: async () => RD.download(await png(), name + ".png") }, "PNG"),
    RD.h("button", { type: "button", class: "save-svg", onclick: async () =>
      RD.download(new Blob([await svg()], { type: "image/svg+xml" }), name + ".svg") }, "SVG"));
};

// echartsSave saves an ECharts chart: PNG from its canvas, SVG by drawing
// the same option once more with ECharts' SVG renderer.
RD.echartsSave = function (name, chart) {
  return RD.saveButtons(name,
    () => chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" }),
    () => {
      const svg = echarts.init(null, null, { renderer: "svg", ssr: true, width: chart.getWidth(), height: chart.getHeight() });
      const opt = chart.getOption();
      opt.animation = false;
      svg.setOption(opt);
      const out = svg.renderToSVGString();
      svg.dispose();
      return out;
    });
};

RD.exportLinks = function (scope, what) {
  const q = (format) => "/export?" + new URLSearchParams(Object.assign({ format }, what || {}, scope || {})).toString();
  return RD.h("span", { class: "exports" }, RD.t("download") + ": ",
    ["graphml", "gexf", "json"].map((f) => [RD.h("a", { href: q(f), download: "" }, f.toUpperCase()), " "]),
    RD.h("a", { href: q("csv") + "&table=nodes", download: "" }, "CSV " + RD.t("nodes")), " ",
    RD.h("a", { href: q("csv") + "&table=edges", download: "" }, "CSV " + RD.t("edges")), " ",
    RD.h("a", { href: q("csv") + "&table=contradictions", download: "" }, "CSV " + RD.t("contradictions")));
};

RD.sectorNames = ["PUBLIC", "PRIVATE", "KNOWLEDGE", "CIVIL"];
RD.statusNames = ["ACCEPTED", "PROPOSED", "REJECTED"];

RD.error = (err) => RD.h("p", { class: "error" }, RD.t("error") + ": " + (err && err.message ? err.message : err));
RD.card = (title, ...body) => RD.h("section", { class: "card" }, RD.h("h2", {}, title), body);

// append adds children to el as RD.h does: nested lists flattened, null
// and false left out.
RD.append = function (el, ...children) {
  for (const c of children.flat(Infinity)) {
    if (c != null && c !== false) el.append(c);
  }
};
