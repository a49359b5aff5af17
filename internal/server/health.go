package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// healthResponse is the body of /healthz and /readyz.
type healthResponse struct {
	Status string `json:"status"`           // "ok" or "unavailable"
	Reason string `json:"reason,omitempty"` // why not ready
}

// handleHealthz answers 200 while the process can serve HTTP at all. It
// checks no dependency: a database outage must not get the process restarted.
func handleHealthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, healthResponse{Status: "ok"})
	})
}

// handleReadyz asks readiness afresh on every request, bounded by timeout,
// and answers 200, or 503 with the reason.
func handleReadyz(readiness Readiness, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		if err := readiness.Ready(ctx); err != nil {
			reason := notReadyReason(ctx, err, timeout)
			zerolog.Ctx(r.Context()).Warn().Str("reason", reason).Msg("not ready")
			writeJSON(w, http.StatusServiceUnavailable, healthResponse{Status: "unavailable", Reason: reason})
			return
		}
		writeJSON(w, http.StatusOK, healthResponse{Status: "ok"})
	})
}

// notReadyReason says the check timed out when it did, since a driver's own
// "context deadline exceeded" does not tell the operator which deadline.
func notReadyReason(ctx context.Context, err error, timeout time.Duration) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("readiness check timed out after %s: %v", timeout, err)
	}
	return err.Error()
}
