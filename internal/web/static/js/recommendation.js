// One recommendation: text, quote and source link, themes, document,
// endorsers, edges both ways, provenance and review state.
(function () {
"use strict";
RD.views.recommendation = async function (el, p, rest) {
  const id = rest[0];
  const iq = `type score status conflict { id topic } other { ... on Recommendation { id title } ... on Scenario { id name } }`;
  const prov = `status method confidence rationale createdBy createdAt reviewedBy reviewedAt source { document { id title } page quote urls }`;
  const r = (await RD.gql(`query($id: ID!) { recommendation(id: $id) { id title text kind level horizon status uncertainty
    provenance { ${prov} } document { id title year urls } themes { id name } assignedTo { id name sector }
    endorsedBy { actor { id name sector } via role } opposedBy { actor { id name sector } }
    supports { ${iq} } conflictsWith { ${iq} } supportedBy { ${iq} } conflictedBy { ${iq} }
    overlaps { other { id title } similarity status } scenarios { id name } } }`, { id })).recommendation;
  if (!r) throw new Error(id + ": " + RD.t("noData"));
  const pv = r.provenance;
  const src = pv.source || { urls: [] };
  const urls = src.urls.length ? src.urls : (r.document ? r.document.urls : []);
  RD.append(el, RD.h("h1", {}, r.title),
    RD.h("p", { class: "meta" }, r.id, " · " + r.kind, r.level ? " · " + r.level : "", r.horizon ? " · " + r.horizon : "",
      " · ", RD.h("span", { class: "status status-" + r.status.toLowerCase(), id: "rec-status" }, r.status)),
    RD.h("p", { class: "text" }, r.text),
    src.quote ? RD.h("blockquote", {}, src.quote, src.page ? " (p. " + src.page + ")" : "") : null,
    RD.h("p", {}, urls.map((u) => [RD.extLink(u, RD.t("source") + ": " + u), " "])),
    RD.h("div", { class: "cols" },
      RD.card(RD.t("document"), r.document ? [RD.listLink(r.document.title, { documents: r.document.id, title: r.document.title }), r.document.year ? " (" + r.document.year + ")" : ""] : RD.t("none"),
        RD.h("h3", {}, RD.t("themes")), RD.h("p", {}, r.themes.map((t) => [RD.listLink(t.id + " " + t.name, { themes: t.id, title: t.name }), " "])),
        RD.h("h3", {}, RD.t("assignedTo")), RD.h("p", {}, r.assignedTo.map((a) => a.name).join(", ") || RD.t("none")),
        RD.h("h3", {}, RD.t("scenarios")), RD.h("p", {}, r.scenarios.map((s) => s.name).join(", ") || RD.t("none"))),
      RD.card(RD.t("endorsers"), RD.h("ul", {}, r.endorsedBy.map((e) => RD.h("li", {}, e.actor.name + " (" + e.actor.sector + ", " + e.via + (e.role ? " " + e.role : "") + ")"))),
        RD.h("h3", {}, RD.t("opposedBy")), RD.h("ul", {}, r.opposedBy.map((e) => RD.h("li", {}, e.actor.name + " (" + e.actor.sector + ")"))))),
    RD.h("div", { class: "cols" },
      RD.card(RD.t("edgesOut"), interactions([...r.supports, ...r.conflictsWith])),
      RD.card(RD.t("edgesIn"), interactions([...r.supportedBy, ...r.conflictedBy]),
        RD.h("h3", {}, RD.t("overlaps")), RD.h("ul", {}, r.overlaps.map((o) => RD.h("li", {}, RD.recLink(o.other.id, o.other.title), " " + RD.num(o.similarity, 2) + " " + o.status))))),
    RD.card(RD.t("provenance"), RD.h("dl", { class: "prov" },
      [["status", pv.status], ["method", pv.method], ["confidence", pv.confidence], ["createdBy", pv.createdBy && pv.createdBy + " " + (pv.createdAt || "")],
        ["reviewedBy", pv.reviewedBy && pv.reviewedBy + " " + (pv.reviewedAt || "")], ["source", src.document ? src.document.title : null]]
        .filter(([, v]) => v != null).map(([k, v]) => [RD.h("dt", {}, RD.t(k)), RD.h("dd", {}, String(v))])),
    pv.rationale ? RD.h("p", {}, pv.rationale) : null),
    RD.card(RD.t("history"), await history(id)));
};

// history lists the item's changes from the audit trail, newest first.
async function history(id) {
  const hs = (await RD.gql(`query($id: ID!) { history(id: $id, first: 50) { at actor role via op action } }`, { id })).history;
  if (!hs.length) return RD.t("none");
  return RD.h("ul", { class: "history" }, [...hs].reverse().map((c) => RD.h("li", {},
    (c.at || "") + " · " + c.actor + " (" + c.role + ", " + c.via + ") · " + c.op + " · " + c.action)));
}

function interactions(list) {
  if (!list.length) return RD.t("none");
  return RD.h("ul", { class: "edges" }, list.map((e) => RD.h("li", { class: "edge-" + e.type.toLowerCase() },
    e.type + " " + (e.score > 0 ? "+" : "") + e.score + " ",
    e.other.title ? RD.recLink(e.other.id, e.other.title) : e.other.name || e.other.id,
    e.conflict ? RD.h("a", { href: RD.href("conflicts", { id: e.conflict.id }) }, " [" + e.conflict.id + "]") : "",
    e.status !== "ACCEPTED" ? " (" + e.status + ")" : "")));
}
})();
