package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/google/uuid"
	"github.com/rs/zerolog"
)

// RequestIDHeader carries the request id in and out.
const RequestIDHeader = "X-Request-Id"

type requestIDKey struct{}

// RequestID returns the id of the request ctx belongs to, or "" outside one.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// requestID takes a sane X-Request-Id from the client (so a trace can cross
// services) or makes one, echoes it on the response, and puts it and a logger
// carrying it into the context: zerolog.Ctx(ctx) works from here down.
func requestID(base zerolog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(RequestIDHeader)
		if !saneRequestID(id) {
			id = uuid.NewString()
		}
		w.Header().Set(RequestIDHeader, id)
		logger := base.With().Str("request_id", id).Logger()
		ctx := context.WithValue(logger.WithContext(r.Context()), requestIDKey{}, id)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// saneRequestID accepts 1 to 128 characters of letters, digits and -_.:
// so a client cannot inject log lines, headers or huge values.
func saneRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for _, c := range []byte(id) {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.' || c == ':'
		if !ok {
			return false
		}
	}
	return true
}

// instrument records every request: one access log line at the end, and the
// request counter and duration histogram labelled by route and status. The
// route is the mux pattern ("POST /graphql"), never the raw path, so a scan of
// random URLs cannot blow up the metrics' cardinality.
func instrument(mux *http.ServeMux, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		_, route := mux.Handler(r)
		if route == "" {
			route = "unmatched" // 404s and 405s
		}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		elapsed := time.Since(start)
		m.observe(route, rec.statusCode(), elapsed)
		logAccess(r, route, rec, elapsed)
	})
}

func logAccess(r *http.Request, route string, rec *recorder, elapsed time.Duration) {
	logger := zerolog.Ctx(r.Context())
	level := zerolog.InfoLevel
	switch {
	case rec.statusCode() >= 500:
		level = zerolog.ErrorLevel
	case isProbe(route):
		level = zerolog.DebugLevel
	}
	logger.WithLevel(level).
		Str("method", r.Method).Str("path", r.URL.Path).Str("route", route).
		Int("status", rec.statusCode()).Dur("duration", elapsed).Int64("bytes", rec.bytes).
		Msg("request")
}

// recoverPanic turns a panic in a handler into a logged 500, so one bad
// request cannot take the server down. http.ErrAbortHandler is re-raised: it
// is net/http's own way to abort a response.
func recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			zerolog.Ctx(r.Context()).Error().
				Str("panic", fmt.Sprint(v)).Bytes("stack", debug.Stack()).Msg("handler panicked")
			if !headerWritten(w) {
				writeError(w, http.StatusInternalServerError, codeInternal, "internal server error")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// limitBody refuses bodies over max bytes with 413. It reads the body up
// front because handlers such as gqlgen's turn a read error into their own
// 400, which would hide the real cause from the client.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > max {
			tooLarge(w, max)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, max))
		var maxErr *http.MaxBytesError
		switch {
		case errors.As(err, &maxErr):
			tooLarge(w, max)
			return
		case err != nil:
			writeError(w, http.StatusBadRequest, codeBadInput, "could not read request body: "+err.Error())
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

func tooLarge(w http.ResponseWriter, max int64) {
	writeError(w, http.StatusRequestEntityTooLarge, codeBadInput,
		fmt.Sprintf("request body too large: the limit is %d bytes (RODEDRAAD_MAX_BODY_BYTES)", max))
}
