// Conflicts: each conflict of the corpus (C01 ...) with its topic, both sides
// as readable titles, their documents with year and source links, who backs
// each side by sector, severity and status. Built on recommendations(filter:
// {conflicts}) and conflictsWith { conflict } until a conflicts query exists.
(function () {
"use strict";
RD.views.conflicts = async function (el, p) {
  const c = (await RD.gql(`{ coherence(scope: {statuses: [ACCEPTED, PROPOSED]}) { contradictions(first: 1000) { conflictId topic severity } } }`)).coherence;
  const severity = {};
  for (const x of c.contradictions) if (x.conflictId) severity[x.conflictId] = Math.max(severity[x.conflictId] || 0, x.severity);
  const ids = Object.keys(severity).sort();
  const recs = await conflictSides(ids);
  const groups = groupConflicts(recs);
  RD.append(el, RD.h("h1", {}, RD.t("conflicts"), " (" + groups.length + ")"),
    RD.exportLinks({}, {}),
    ...groups.filter((g) => !p.id || g.id === p.id).map((g) => conflictCard(g, severity[g.id])));
};

const sideFields = `id title status document { id title year urls }
  endorsedBy { actor { id name sector } via } opposedBy { actor { id name sector } }`;

async function conflictSides(ids) {
  if (!ids.length) return [];
  const q = `query($ids: [ID!], $after: String) { recommendations(first: 50, after: $after, filter: {conflicts: $ids}) {
    edges { node { ${sideFields} conflictsWith { toId status score conflict { id topic summary } } } }
    pageInfo { hasNextPage endCursor } } }`;
  const out = [];
  let after = null;
  for (;;) {
    const d = (await RD.gql(q, { ids, after })).recommendations;
    out.push(...d.edges.map((e) => e.node));
    if (!d.pageInfo.hasNextPage) return out;
    after = d.pageInfo.endCursor;
  }
}

// groupConflicts turns the pairwise edges into conflicts with two sides:
// side A holds the edges' from ends, side B their to ends.
function groupConflicts(recs) {
  const byId = Object.fromEntries(recs.map((r) => [r.id, r]));
  const groups = {};
  for (const r of recs) {
    for (const e of r.conflictsWith) {
      if (!e.conflict) continue;
      const g = groups[e.conflict.id] = groups[e.conflict.id] ||
        { id: e.conflict.id, topic: e.conflict.topic, summary: e.conflict.summary, a: new Set(), b: new Set(), statuses: new Set() };
      g.a.add(r.id);
      g.b.add(e.toId);
      g.statuses.add(e.status);
    }
  }
  return Object.values(groups).sort((x, y) => x.id.localeCompare(y.id)).map((g) => Object.assign(g, {
    a: [...g.a].map((id) => byId[id]).filter(Boolean), b: [...g.b].map((id) => byId[id] || { id, title: id, endorsedBy: [], opposedBy: [] }),
  }));
}

function conflictCard(g, severity) {
  return RD.h("section", { class: "card conflict", id: "conflict-" + g.id },
    RD.h("h2", {}, g.id + " — " + (g.topic || "")),
    g.summary ? RD.h("p", { class: "summary" }, g.summary) : null,
    RD.h("p", { class: "meta" }, RD.t("severity") + ": ", RD.h("b", {}, severity == null ? "–" : String(severity)),
      " · " + RD.t("status") + ": " + [...g.statuses].join(", ") + " · ",
      RD.listLink(RD.t("recommendations"), { conflicts: g.id, title: g.id + " " + (g.topic || "") })),
    RD.h("div", { class: "sides" }, side(RD.t("sideA"), g.a, "side-a"), side(RD.t("sideB"), g.b, "side-b")));
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
