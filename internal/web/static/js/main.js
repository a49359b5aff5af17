// The router: #/<view>?params. Every view is RD.views[name](el, params, rest).
"use strict";
(function () {
  const tabs = ["overview", "conflicts", "heatmaps", "network", "review", "proposition"];

  function nav(current) {
    const el = document.getElementById("nav");
    el.replaceChildren(...tabs.map((v) => RD.h("a", {
      href: "#/" + (v === "overview" ? "" : v), class: v === current ? "active" : null, id: "nav-" + v,
    }, RD.t(v))));
    const lang = document.getElementById("lang");
    lang.textContent = RD.lang === "nl" ? "EN" : "NL";
    document.documentElement.lang = RD.lang;
  }

  async function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [path, query] = hash.split("?");
    const parts = path.split("/").filter(Boolean);
    const name = parts[0] || "overview";
    const params = Object.fromEntries(new URLSearchParams(query || ""));
    const view = document.getElementById("view");
    const fn = RD.views[name === "r" ? "recommendation" : name];
    nav(name);
    if (RD.cleanup) { RD.cleanup(); RD.cleanup = null; }
    // The view's element is in the page while it is built, so that charts
    // measure their real size.
    const loading = RD.h("p", { class: "loading" }, RD.t("loading"));
    const el = RD.h("div", { class: "view view-" + name }, loading);
    view.replaceChildren(el);
    view.dataset.view = name;
    delete view.dataset.ready;
    try {
      if (!fn) throw new Error("unknown view " + name);
      await fn(el, params, parts.slice(1).map(decodeURIComponent));
      loading.remove();
    } catch (err) {
      view.replaceChildren(RD.error(err));
      console.warn(err);
    }
    view.dataset.ready = name; // the browser test waits for this
  }

  // The token button asks for an API token (empty: anonymous) and keeps it.
  document.getElementById("token").addEventListener("click", () => {
    const t = prompt(RD.t("tokenPrompt"), RD.token);
    if (t === null) return;
    RD.token = t.trim();
    localStorage.setItem("rodedraad.token", RD.token);
    route();
  });
  document.getElementById("lang").addEventListener("click", () => {
    RD.lang = RD.lang === "nl" ? "en" : "nl";
    localStorage.setItem("rodedraad.lang", RD.lang);
    route();
  });
  window.addEventListener("hashchange", route);
  RD.route = route;
  route();
})();

// list: the recommendations behind a number, by filter or by ids.
RD.views.list = async function (el, p) {
  const split = (s) => (s ? s.split(",").filter(Boolean) : undefined);
  const filter = { themes: split(p.themes), documents: split(p.documents), sectors: split(p.sectors),
    conflicts: split(p.conflicts), statuses: split(p.statuses), scenarios: split(p.scenarios), ids: split(p.ids) };
  let nodes = [];
  if (filter.ids && filter.ids.length > 100) {
    for (const ids of RD.chunks(filter.ids, 100)) nodes.push(...await RD.listPage(Object.assign({}, filter, { ids }), 100));
  } else {
    nodes = await RD.listPage(filter, 500);
  }
  el.append(RD.h("h1", {}, p.title || RD.t("listTitle"), " (" + nodes.length + ")"),
    RD.h("table", { class: "list" }, RD.h("tr", {}, RD.h("th", {}, "id"), RD.h("th", {}, RD.t("recommendation")),
      RD.h("th", {}, RD.t("document")), RD.h("th", {}, RD.t("themes")), RD.h("th", {}, RD.t("status"))),
    nodes.map((n) => RD.h("tr", {}, RD.h("td", {}, n.id), RD.h("td", {}, RD.recLink(n.id, n.title)),
      RD.h("td", {}, n.document ? n.document.title : ""), RD.h("td", {}, n.themes.map((t) => t.id).join(", ")),
      RD.h("td", {}, n.status)))));
};

// listPage pages through recommendations(filter) up to limit items.
RD.listPage = async function (filter, limit) {
  const q = `query($f: RecommendationFilter, $after: String) { recommendations(first: 100, after: $after, filter: $f) {
    edges { node { id title status document { id title } themes { id } } } pageInfo { hasNextPage endCursor } } }`;
  const out = [];
  let after = null;
  for (;;) {
    const d = await RD.gql(q, { f: filter, after });
    const c = d.recommendations;
    out.push(...c.edges.map((e) => e.node));
    if (!c.pageInfo.hasNextPage || out.length >= limit) return out;
    after = c.pageInfo.endCursor;
  }
};
