// Propositie: the shared proposition's draft, per study theme and overall,
// from the proposition query. Every statement shows what it cites, each
// recommendation id linking to its page, so every line can be traced.
(function () {
"use strict";
const statement = `text cites docs`;
const q = `query($lang: Lang) { proposition(lang: $lang) { title graphVersion
  overall { ...S } themes { ...S } sources { id title year url } } }
fragment S on PropositionSection { theme name summary { ${statement} }
  redThread { id label candidate statement { ${statement} } }
  choices { id topic state statement { ${statement} } }
  gaps { ${statement} } }`;

RD.views.proposition = async function (el) {
  const d = (await RD.gql(q, { lang: RD.lang.toUpperCase() })).proposition;
  RD.append(el, RD.h("h1", {}, d.title),
    RD.h("p", { class: "meta" }, RD.t("graphVersion") + " " + d.graphVersion),
    ...[d.overall, ...d.themes].map(section),
    RD.h("h2", {}, RD.t("sources")),
    RD.h("ul", { class: "sources" }, d.sources.map((s) => RD.h("li", { id: "src-" + s.id }, s.id + " — " + s.title,
      s.year ? " (" + s.year + ") " : " ", s.url ? RD.extLink(s.url, RD.t("source")) : null))));
};

function section(s) {
  return RD.h("section", { class: "card proposition", id: "prop-" + (s.theme || "all") },
    RD.h("h2", {}, s.name),
    ...s.summary.map(line),
    part(RD.t("redThread"), s.redThread.map((t) => t.statement)),
    part(RD.t("choices"), s.choices.map((c) => c.statement)),
    part(RD.t("gaps"), s.gaps));
}

function part(title, statements) {
  if (!statements.length) return null;
  return [RD.h("h3", {}, title), RD.h("ul", {}, statements.map((st) => RD.h("li", {}, line(st))))];
}

// line is one statement with its citations: recommendations link to their
// page, conflicts to the conflicts view, documents to the sources list.
function line(st) {
  const cites = st.cites.map((id) => id.startsWith("C") ?
    RD.h("a", { href: RD.href("conflicts", { id }) }, id) : RD.recLink(id, id));
  return RD.h("p", { class: "statement" }, st.text, " ",
    RD.h("span", { class: "cites" }, "[", ...cites.flatMap((c, i) => (i ? [", ", c] : [c])), "]"));
}
})();
