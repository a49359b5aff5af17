// Review queue: PROPOSED recommendations and links (from ingest, overlap and
// link suggestions) with their source passage, to accept or reject. Built on
// recommendations(filter: {statuses: [PROPOSED]}), the edge lists of each
// recommendation and the review mutation.
(function () {
"use strict";
RD.views.review = async function (el) {
  const items = await proposed();
  const reviewer = RD.h("input", { id: "reviewer", value: localStorage.getItem("rodedraad.reviewer") || "dashboard" });
  reviewer.addEventListener("change", () => localStorage.setItem("rodedraad.reviewer", reviewer.value));
  el.append(RD.h("h1", {}, RD.t("review"), " (" + items.length + ")"),
    RD.h("p", {}, RD.h("label", {}, RD.t("reviewer") + " ", reviewer)),
    items.length ? RD.h("table", { class: "list review", id: "review-queue" },
      RD.h("tr", {}, RD.h("th", {}, RD.t("item")), RD.h("th", {}, RD.t("context")), RD.h("th", {}, RD.t("method")), RD.h("th", {})),
      items.map((it) => row(it, reviewer))) : RD.h("p", {}, RD.t("queueEmpty")));
};

const provFields = "status method confidence rationale source { page quote urls document { id title } }";

// proposed gathers PROPOSED recommendations, and PROPOSED edges between any
// recommendations, by paging through all of them.
async function proposed() {
  const q = `query($after: String) { recommendations(first: 20, after: $after) { edges { node { id title status text
    document { id title } provenance { ${provFields} }
    supports { type toId status other { ... on Recommendation { title } ... on Scenario { name } } provenance { ${provFields} } }
    conflictsWith { type toId status other { ... on Recommendation { title } ... on Scenario { name } } provenance { ${provFields} } }
    overlaps { other { id title } similarity status provenance { ${provFields} } } } } pageInfo { hasNextPage endCursor } } }`;
  const items = [];
  for (let after = null; ;) {
    const d = (await RD.gql(q, { after })).recommendations;
    for (const { node: r } of d.edges) collect(items, r);
    if (!d.pageInfo.hasNextPage || items.length > 500) return items;
    after = d.pageInfo.endCursor;
  }
}

function collect(items, r) {
  if (r.status === "PROPOSED") items.push({ key: r.id, ref: { id: r.id }, label: [RD.recLink(r.id, r.title)], prov: r.provenance, doc: r.document, text: r.text });
  for (const e of [...r.supports, ...r.conflictsWith]) {
    if (e.status !== "PROPOSED") continue;
    items.push({ key: e.type + r.id + e.toId, ref: { type: e.type, from: r.id, to: e.toId }, prov: e.provenance,
      label: [RD.recLink(r.id, r.title), " " + e.type + " ", RD.recLink(e.toId, e.other.title || e.other.name)] });
  }
  for (const o of r.overlaps) {
    if (o.status !== "PROPOSED" || r.id > o.other.id) continue;
    items.push({ key: "OVERLAPS" + r.id + o.other.id, ref: { type: "OVERLAPS", from: r.id, to: o.other.id }, prov: o.provenance,
      label: [RD.recLink(r.id, r.title), " OVERLAPS (" + RD.num(o.similarity, 2) + ") ", RD.recLink(o.other.id, o.other.title)] });
  }
}

function row(it, reviewer) {
  const src = it.prov.source || {};
  const tr = RD.h("tr", { "data-key": it.key });
  const decide = (decision) => async () => {
    try {
      const input = Object.assign({ decision, reviewer: reviewer.value || "dashboard" }, it.ref);
      try {
        await RD.gql(`mutation($i: ReviewInput!) { review(input: $i) { node { id status } edge { type status } } }`, { i: input });
      } catch (err) {
        // OVERLAPS is stored in one direction; the list shows it from the smaller id.
        if (!it.ref.type || it.ref.type !== "OVERLAPS") throw err;
        await RD.gql(`mutation($i: ReviewInput!) { review(input: $i) { edge { type status } } }`, { i: Object.assign(input, { from: it.ref.to, to: it.ref.from }) });
      }
      tr.replaceChildren(RD.h("td", { colspan: 4, class: "decided" }, it.label, " — ", RD.t(decision === "ACCEPT" ? "accepted" : "rejected")));
    } catch (err) {
      tr.append(RD.h("td", {}, RD.error(err)));
    }
  };
  tr.append(RD.h("td", {}, it.label, it.doc ? RD.h("div", { class: "meta" }, it.doc.title) : null),
    RD.h("td", { class: "context" }, src.quote ? RD.h("blockquote", {}, src.quote, src.page ? " (p. " + src.page + ")" : "") : (it.text || ""),
      it.prov.rationale ? RD.h("div", { class: "meta" }, it.prov.rationale) : null),
    RD.h("td", {}, it.prov.method + (it.prov.confidence != null ? " " + RD.num(it.prov.confidence, 2) : "")),
    RD.h("td", {}, RD.h("button", { type: "button", class: "accept", onclick: decide("ACCEPT") }, RD.t("accept")), " ",
      RD.h("button", { type: "button", class: "reject", onclick: decide("REJECT") }, RD.t("reject"))));
  return tr;
}
})();
