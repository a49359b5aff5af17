package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/rs/zerolog"
)

// NewHTTPServer returns an *http.Server for h on addr with timeouts that
// keep slow or idle clients from holding connections forever. It sets no
// write timeout: the GraphQL query timeout bounds the work instead, and a
// write timeout would cut off long but legitimate responses.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
}

// Run listens on srv.Addr and calls Serve. Listening first makes a busy port
// an immediate error rather than a log line from a goroutine.
func Run(ctx context.Context, srv *http.Server, shutdownTimeout time.Duration, logger zerolog.Logger) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", srv.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", srv.Addr, err)
	}
	return Serve(ctx, ln, srv, shutdownTimeout, logger)
}

// Serve serves srv on ln until ctx is cancelled (main cancels it on SIGINT or
// SIGTERM), then shuts down: no new connections, and in-flight requests get
// shutdownTimeout to finish. It returns nil after a clean shutdown, and an
// error when serving fails or the timeout cut requests off.
func Serve(ctx context.Context, ln net.Listener, srv *http.Server, shutdownTimeout time.Duration, logger zerolog.Logger) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	base := BaseURL(ln.Addr())
	logger.Info().Str("addr", ln.Addr().String()).Str("graphql", base+"/graphql").
		Msgf("serving; open %s/ for the dashboard (the GraphQL playground is at /playground)", base)

	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info().Dur("timeout", shutdownTimeout).Msg("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown after %s: %w", shutdownTimeout, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info().Msg("stopped")
	return nil
}

// BaseURL is the http:// URL a browser on this machine can open for addr: a
// wildcard host (0.0.0.0, ::) becomes localhost.
func BaseURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
