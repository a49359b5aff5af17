// Package web serves rodedraad's pages from the binary: the dashboard at /,
// the GraphQL playground at /playground and their scripts, styles and fonts
// under /assets/. Everything is embedded (go:embed): third-party code is
// vendored from the npm registry at pinned versions (vendor/assets.txt, with
// licences and SHA256SUMS; `make assets` refreshes it), and every page is
// sent with a Content-Security-Policy that lets it load nothing from another
// origin. The pages read all their data from /graphql and /export.
package web
