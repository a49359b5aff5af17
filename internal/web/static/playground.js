// The GraphQL playground: GraphiQL, served from the binary, with the README's
// example queries as tabs and a headers editor for a token.
(async function () {
  "use strict";
  const text = await (await fetch("/assets/examples.graphql")).text();
  // Examples are separated by a line "# ---"; each becomes a tab.
  const tabs = text.split(/^# ---.*$/m).map((q) => q.trim()).filter(Boolean)
    .map((query) => ({ query, headers: '{\n  "Authorization": ""\n}' }));
  const http = GraphiQL.createFetcher({ url: "/graphql" });
  // The server refuses queries nested deeper than 10 levels; GraphiQL's
  // introspection follows ofType 7 levels down. rodedraad's types nest at
  // most NonNull(List(NonNull(T))), so three ofType levels say everything.
  const typeRef = "fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
  const fetcher = (params, opts) => {
    if (params.operationName === "IntrospectionQuery" && params.query) {
      params = Object.assign({}, params, { query: params.query.replace(/fragment TypeRef on __Type \{[\s\S]*$/, typeRef) });
    }
    return http(params, opts);
  };
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
