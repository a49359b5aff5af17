package graph

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// TestWithTimeout checks that a request's context ends after the timeout
// with the cause DeadlineExceeded but without a deadline of its own (which
// would make the Neo4j driver read in a goroutine per chunk), and that the
// operation then stops saying it took too long.
func TestWithTimeout(t *testing.T) {
	var got error
	var hasDeadline bool
	h := withTimeout(20*time.Millisecond, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		_, hasDeadline = ctx.Deadline()
		<-ctx.Done()
		got = stopped(ctx)
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/graphql", nil))
	if hasDeadline {
		t.Error("the request's context has a deadline")
	}
	if rodedraad.ErrorCode(got) != rodedraad.EUNAVAILABLE || !strings.Contains(got.Error(), "took too long") {
		t.Errorf("stopped after the timeout = %v, want UNAVAILABLE saying it took too long", got)
	}

	t.Run("CancelledByTheClient", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		h := withTimeout(time.Hour, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cancel()
			<-r.Context().Done()
			got = stopped(r.Context())
		}))
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/graphql", nil).WithContext(ctx))
		if !strings.Contains(got.Error(), "cancelled") {
			t.Errorf("stopped after the client left = %v, want it to say cancelled", got)
		}
	})
}
