// Review queue: PROPOSED nodes and edges (from ingest, overlap and link
// suggestions) with the passage of their source, to accept or reject one by
// one or several at once. Built on reviewQueue and reviewMany.
(function () {
"use strict";
RD.views.review = async function (el, p) {
  const filter = { kinds: p.kind ? [p.kind] : undefined, methods: p.method ? [p.method] : undefined };
  const items = await queue(filter);
  const reviewer = RD.h("input", { id: "reviewer", value: localStorage.getItem("rodedraad.reviewer") || "dashboard" });
  reviewer.addEventListener("change", () => localStorage.setItem("rodedraad.reviewer", reviewer.value));
  const table = RD.h("table", { class: "list review", id: "review-queue" },
    RD.h("tr", {}, RD.h("th", {}), RD.h("th", {}, RD.t("item")), RD.h("th", {}, RD.t("context")), RD.h("th", {}, RD.t("method")), RD.h("th", {})),
    items.map((it) => row(it, reviewer)));
  const bulk = (decision) => async () => {
    const rows = [...table.querySelectorAll("tr[data-key]")].filter((tr) => tr.querySelector("input.pick:checked"));
    await decide(rows.map((tr) => tr.item), decision, reviewer.value, rows);
  };
  RD.append(el, RD.h("h1", {}, RD.t("review"), " (" + items.length + (items.more ? "+" : "") + ")"),
    filters(p),
    RD.h("p", {}, RD.h("label", {}, RD.t("reviewer") + " ", reviewer), " ",
      RD.h("button", { type: "button", id: "accept-selected", onclick: bulk("ACCEPT") }, RD.t("acceptSelected")), " ",
      RD.h("button", { type: "button", id: "reject-selected", onclick: bulk("REJECT") }, RD.t("rejectSelected"))),
    items.length ? table : RD.h("p", {}, RD.t("queueEmpty")));
};

const prov = "method confidence rationale source { page quote document { id title } }";
const query = `query($after: String, $f: ReviewQueueFilter) { reviewQueue(first: 25, after: $after, filter: $f) {
  edges { node { key
    node { __typename id status provenance { ${prov} }
      ... on Recommendation { title text document { id title } } ... on Document { title } ... on Actor { name }
      ... on Theme { name } ... on Scenario { name } }
    edge { type fromId toId score similarity status provenance { ${prov} }
      from { id ... on Recommendation { title } ... on Scenario { name } } to { id ... on Recommendation { title } ... on Scenario { name } ... on Theme { name } ... on Actor { name } } }
    context { page text document { id title } } } }
  pageInfo { hasNextPage endCursor } } }`;

// queue reads up to 500 items of the review queue.
async function queue(filter) {
  const out = [];
  for (let after = null; ;) {
    const d = (await RD.gql(query, { after, f: filter })).reviewQueue;
    out.push(...d.edges.map((e) => e.node));
    if (!d.pageInfo.hasNextPage) return out;
    if (out.length >= 500) { out.more = true; return out; }
    after = d.pageInfo.endCursor;
  }
}

function filters(p) {
  const set = (k, v) => { const q = Object.assign({}, p); if (v) q[k] = v; else delete q[k]; location.hash = RD.href("review", q); };
  const select = (label, key, options) => RD.h("label", {}, label + " ",
    RD.h("select", { onchange: (e) => set(key, e.target.value) }, RD.h("option", { value: "" }, RD.t("all")),
      options.map((v) => RD.h("option", { value: v, selected: p[key] === v }, v))));
  return RD.h("p", { class: "toolbar" },
    select(RD.t("kind"), "kind", ["Recommendation", "Document", "SUPPORTS", "CONFLICTS_WITH", "OVERLAPS", "ADDRESSES"]),
    select(RD.t("method"), "method", ["RULE", "SIMILARITY", "LLM", "MANUAL"]));
}

// ref names an item for reviewMany: a node by id, an edge by type and ends.
function ref(it) {
  return it.node ? { id: it.node.id } : { type: it.edge.type, from: it.edge.fromId, to: it.edge.toId };
}

async function decide(items, decision, reviewer, rows) {
  if (!items.length) return;
  try {
    await RD.gql(`mutation($i: ReviewManyInput!) { reviewMany(input: $i) { reviewed } }`,
      { i: { items: items.map(ref), decision, reviewer: reviewer || "dashboard" } });
    for (const tr of rows) {
      tr.replaceChildren(RD.h("td", {}), RD.h("td", { colspan: 4, class: "decided" }, label(tr.item), " — ", RD.t(decision === "ACCEPT" ? "accepted" : "rejected")));
    }
  } catch (err) {
    rows[0].append(RD.h("td", {}, RD.error(err)));
  }
}

function nameOf(n) {
  return n.title || n.name || n.id;
}

function label(it) {
  if (it.node) return [it.node.__typename === "Recommendation" ? RD.recLink(it.node.id, it.node.title) : it.node.__typename + " " + nameOf(it.node)];
  const e = it.edge;
  const end = (x) => (x.title ? RD.recLink(x.id, x.title) : nameOf(x));
  return [end(e.from), " " + e.type + (e.score ? " " + e.score : "") + (e.similarity ? " (" + RD.num(e.similarity, 2) + ")" : "") + " ", end(e.to)];
}

function row(it, reviewer) {
  const pv = (it.node || it.edge).provenance;
  const src = pv.source || {};
  const tr = RD.h("tr", { "data-key": it.key });
  tr.item = it;
  const ctx = it.context;
  tr.append(RD.h("td", {}, RD.h("input", { type: "checkbox", class: "pick" })),
    RD.h("td", {}, label(it), it.node && it.node.document ? RD.h("div", { class: "meta" }, it.node.document.title) : null),
    RD.h("td", { class: "context" },
      src.quote ? RD.h("blockquote", {}, src.quote, src.page ? " (p. " + src.page + ")" : "") : null,
      ctx ? RD.h("div", { class: "passage" }, ctx.text, RD.h("div", { class: "meta" }, (ctx.document ? ctx.document.title + ", " : "") + "p. " + ctx.page)) : null,
      pv.rationale ? RD.h("div", { class: "meta" }, pv.rationale) : null),
    RD.h("td", {}, pv.method + (pv.confidence != null ? " " + RD.num(pv.confidence, 2) : "")),
    RD.h("td", {}, RD.h("button", { type: "button", class: "accept", onclick: () => decide([it], "ACCEPT", reviewer.value, [tr]) }, RD.t("accept")), " ",
      RD.h("button", { type: "button", class: "reject", onclick: () => decide([it], "REJECT", reviewer.value, [tr]) }, RD.t("reject"))));
  return tr;
}
})();
