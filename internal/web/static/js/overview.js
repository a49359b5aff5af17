// Overview: counts, the coherence index, the largest contradictions, the
// red-thread candidates and the blind spots; every number links to the
// recommendations behind it.
(function () {
"use strict";
RD.views.overview = async function (el) {
  const query = await (await fetch("/assets/overview.graphql")).text();
  const c = (await RD.gql(query)).coherence;
  const s = c.summary;
  const tile = (label, value, link) => RD.h("div", { class: "tile" },
    RD.h("div", { class: "tile-value" }, link ? RD.h("a", { href: link, class: "num" }, value) : value),
    RD.h("div", { class: "tile-label" }, label));
  RD.append(el, RD.h("h1", {}, RD.t("overview")),
    RD.h("div", { class: "tiles" },
      tile(RD.t("recommendations"), RD.num(s.recommendations), RD.href("list", { statuses: "ACCEPTED" })),
      tile(RD.t("documents"), RD.num(s.documents), RD.href("network", { mode: "doc" })),
      tile(RD.t("actors"), RD.num(s.actors), RD.href("heatmaps", { m: "actor" })),
      tile(RD.t("coherenceIndex"), RD.num(s.coherenceIndex, 3) + " (" + s.coherenceEdges + ")", RD.href("network")),
      tile(RD.t("contradictions"), RD.num(s.contradictions), RD.href("conflicts")),
      tile(RD.t("redThread"), RD.num(s.redThreadCandidates), RD.href("list", {
        ids: c.consensus.candidates.map((x) => x.id).join(","), title: RD.t("redThread") })),
      tile(RD.t("supports"), RD.num(s.supports), RD.href("heatmaps", { m: "doc" })),
      tile(RD.t("overlaps"), RD.num(s.overlaps), RD.href("heatmaps", { m: "doc", metric: "overlaps" })),
      tile(RD.t("isolated"), RD.num(s.isolated), RD.href("list", { ids: c.isolated.join(","), title: RD.t("isolated") })),
      tile(RD.t("communities"), RD.num(s.communities), RD.href("network"))),
    RD.exportLinks({}, {}),
    RD.h("div", { class: "cols" }, contradictions(c.contradictions), redThread(c.consensus.candidates)),
    RD.h("div", { class: "cols" }, blindSpots(c.blindSpots), frameGaps(c.frameGaps)));
};

function contradictions(list) {
  return RD.card(RD.t("contradictions"), RD.h("table", { class: "list", id: "top-contradictions" },
    RD.h("tr", {}, RD.h("th", {}, RD.t("severity")), RD.h("th", {}, RD.t("topic")), RD.h("th", {}, RD.t("sideA")), RD.h("th", {}, RD.t("sideB"))),
    list.map((x) => RD.h("tr", {},
      RD.h("td", {}, RD.listLink(String(x.severity), { ids: x.from.id + "," + x.to.id, title: x.topic || "" })),
      RD.h("td", {}, x.conflictId ? RD.h("a", { href: RD.href("conflicts", { id: x.conflictId }) }, x.conflictId + " " + (x.topic || "")) : ""),
      RD.h("td", {}, RD.recLink(x.from.id, x.from.name)), RD.h("td", {}, RD.recLink(x.to.id, x.to.name))))));
}

function redThread(list) {
  return RD.card(RD.t("redThread"), list.length ? RD.h("table", { class: "list", id: "red-thread" },
    RD.h("tr", {}, RD.h("th", {}, RD.t("recommendation")), RD.h("th", {}, RD.t("gac")), RD.h("th", {}, RD.t("sectors")), RD.h("th", {}, RD.t("echo"))),
    list.map((x) => RD.h("tr", {}, RD.h("td", {}, RD.recLink(x.id, x.name)), RD.h("td", {}, RD.num(x.gac, 3)),
      RD.h("td", {}, x.endorsingSectors), RD.h("td", {}, x.echoDocuments)))) : RD.t("none"));
}

function blindSpots(b) {
  const flagged = b.themes.filter((x) => x.flags.length);
  return RD.card(RD.t("blindSpots"), RD.h("table", { class: "list", id: "blind-spots" },
    RD.h("tr", {}, RD.h("th", {}, RD.t("theme")), RD.h("th", {}, RD.t("recommendations")), RD.h("th", {}, RD.t("sectors")), RD.h("th", {}, RD.t("flags"))),
    flagged.map((x) => RD.h("tr", {}, RD.h("td", {}, x.theme + " " + (x.name || "")),
      RD.h("td", {}, RD.listLink(String(x.recommendations), { themes: x.theme, statuses: "ACCEPTED", title: x.name || x.theme })),
      RD.h("td", {}, x.sectors.join(", ")), RD.h("td", {}, x.flags.join(", "))))));
}

function frameGaps(list) {
  return RD.card(RD.t("frameGaps"), RD.h("table", { class: "list" },
    RD.h("tr", {}, RD.h("th", {}, RD.t("theme")), RD.h("th", {}, RD.t("contradictions")), RD.h("th", {}, RD.t("severity"))),
    list.map((x) => RD.h("tr", {}, RD.h("td", {}, x.theme + " " + (x.name || "")),
      RD.h("td", {}, RD.listLink(String(x.contradictions), { themes: x.theme, title: x.name || x.theme })), RD.h("td", {}, x.severity)))));
}
})();
