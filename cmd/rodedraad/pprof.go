package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/rs/zerolog"
)

// servePprof serves Go's profiles at addr/debug/pprof/ until ctx ends, on a
// listener of its own so that they never share the public address. It is
// off unless RODEDRAAD_PPROF_ADDR is set (config checks it is loopback).
// A port already in use is logged, not fatal: profiles are for diagnosis.
func servePprof(ctx context.Context, addr string, log zerolog.Logger) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Warn().Err(err).Msg("serve: pprof not started")
		return
	}
	srv := &http.Server{Handler: pprofMux(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		_ = srv.Close()
	}()
	log.Info().Str("addr", ln.Addr().String()).Msg("serve: Go profiles at /debug/pprof/")
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn().Err(err).Msg("serve: pprof stopped")
	}
}

func pprofMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return mux
}
