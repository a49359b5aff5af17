// Conflicts: each conflict of the corpus (C01 ...) with its topic, both sides
// as readable titles, their documents with year and source links, who backs
// each side by sector, severity, and the team's status and decision: one
// conflicts query, in the dashboard's language.
(function () {
"use strict";
RD.views.conflicts = async function (el, p) {
  const groups = await allConflicts();
  RD.append(el, RD.h("h1", {}, RD.t("conflicts"), " (" + groups.length + ")"),
    RD.exportLinks({}, {}),
    ...groups.filter((g) => !p.id || g.id === p.id).map(conflictCard));
};

// itemFields are what a side shows of each of its items.
const itemFields = `... on Recommendation { id title(lang: $lang) status document { id title year urls }
    endorsedBy { actor { id name sector } } }
  ... on Scenario { id name status }`;

// allConflicts reads every conflict, ranked as the API ranks them (between
// documents first, then by severity), page by page.
async function allConflicts() {
  const q = `query($after: String, $lang: Lang) { conflicts(first: 20, after: $after) {
    edges { node { id topic(lang: $lang) summary(lang: $lang) state severity maxSeverity insideDocument
      decision { decision rationale by }
      sideA { items { ${itemFields} } } sideB { items { ${itemFields} } } } }
    pageInfo { hasNextPage endCursor } } }`;
  const out = [];
  let after = null;
  for (;;) {
    const d = (await RD.gql(q, { after, lang: RD.lang.toUpperCase() })).conflicts;
    out.push(...d.edges.map((e) => e.node));
    if (!d.pageInfo.hasNextPage) return out;
    after = d.pageInfo.endCursor;
  }
}

function conflictCard(g) {
  const items = (s) => s.items.map((r) => Object.assign({ title: r.name }, r));
  return RD.h("section", { class: "card conflict", id: "conflict-" + g.id },
    RD.h("h2", {}, g.id + " — " + (g.topic || "")),
    g.summary ? RD.h("p", { class: "summary" }, g.summary) : null,
    RD.h("p", { class: "meta" }, RD.t("severity") + ": ", RD.h("b", {}, String(g.severity)),
      " (max " + g.maxSeverity + ") · " + RD.t("status") + ": ", RD.h("b", { class: "state" }, g.state),
      g.insideDocument ? " · " + RD.t("insideDocument") : "", " · ",
      RD.listLink(RD.t("recommendations"), { conflicts: g.id, title: g.id + " " + (g.topic || "") })),
    g.decision ? RD.h("p", { class: "decision" }, g.decision.decision || "", g.decision.rationale ? " — " + g.decision.rationale : "",
      " (" + g.decision.by + ")") : null,
    RD.h("div", { class: "sides" }, side(RD.t("sideA"), items(g.sideA), "side-a"), side(RD.t("sideB"), items(g.sideB), "side-b")));
}

function side(label, recs, cls) {
  const docs = {};
  const backers = {};
  for (const r of recs) {
    if (r.document) docs[r.document.id] = r.document;
    for (const e of r.endorsedBy || []) (backers[e.actor.sector] = backers[e.actor.sector] || new Set()).add(e.actor.name);
  }
  return RD.h("div", { class: "side " + cls },
    RD.h("h3", {}, label),
    RD.h("ul", { class: "titles" }, recs.map((r) => RD.h("li", {}, RD.recLink(r.id, r.title), r.status && r.status !== "ACCEPTED" ? " (" + r.status + ")" : ""))),
    RD.h("h4", {}, RD.t("documents")),
    RD.h("ul", { class: "docs" }, Object.values(docs).map((d) => RD.h("li", {}, d.title, d.year ? " (" + d.year + ") " : " ",
      (d.urls || []).slice(0, 2).map((u, i) => [" ", RD.extLink(u, RD.t("source") + (i ? " " + (i + 1) : ""))])))),
    RD.h("h4", {}, RD.t("backedBy")),
    RD.h("dl", { class: "backers" }, RD.sectorNames.filter((s) => backers[s]).map((s) =>
      [RD.h("dt", {}, s), RD.h("dd", {}, [...backers[s]].sort().join(", "))])));
}
})();
