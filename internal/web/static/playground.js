// The GraphQL playground: GraphiQL, served from the binary, with the README's
// example queries as tabs and a headers editor for a token.
(async function () {
  "use strict";
  const text = await (await fetch("/assets/examples.graphql")).text();
  // Examples are separated by a line "# ---"; each becomes a tab.
  const tabs = text.split(/^# ---.*$/m).map((q) => q.trim()).filter(Boolean)
    .map((query) => ({ query, headers: '{\n  "Authorization": ""\n}' }));
  const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  const root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: tabs,
    defaultQuery: tabs.length ? tabs[0].query : "{ __typename }",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultEditorToolsVisibility: "headers",
  }));
})();
