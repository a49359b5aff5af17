package graph

import (
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql/handler"
)

// CountDirectWrites counts, in n, the root fields whose answers were
// written directly (direct.go), so that a test can tell that they were.
func CountDirectWrites(n *atomic.Int64) Option {
	return func(srv *handler.Server) {
		srv.Use(contextFlag{name: "CountDirectWrites", key: directCountKey{}, value: n})
	}
}
