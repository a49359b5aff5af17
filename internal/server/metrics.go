package server

import (
	"errors"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the HTTP server's own Prometheus series.
type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// newMetrics registers the HTTP series on reg. When they are already there
// (New called twice with one registry, as tests do) it reuses them.
func newMetrics(reg *prometheus.Registry) *metrics {
	labels := []string{"route", "status"}
	requests := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "rodedraad_http_requests_total",
		Help: "HTTP requests served, by route (the mux pattern) and status code.",
	}, labels)
	duration := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "rodedraad_http_request_duration_seconds",
		Help:    "Time to serve an HTTP request, by route (the mux pattern) and status code.",
		Buckets: prometheus.DefBuckets,
	}, labels)
	return &metrics{
		requests: register(reg, requests),
		duration: register(reg, duration),
	}
}

// register registers c on reg, or returns the identical collector that is
// already registered.
func register[C prometheus.Collector](reg *prometheus.Registry, c C) C {
	var are prometheus.AlreadyRegisteredError
	if err := reg.Register(c); errors.As(err, &are) {
		return are.ExistingCollector.(C)
	} else if err != nil {
		panic("server: register metrics: " + err.Error()) // the names are fixed, so this is a bug
	}
	return c
}

func (m *metrics) observe(route string, status int, elapsed time.Duration) {
	code := strconv.Itoa(status)
	m.requests.WithLabelValues(route, code).Inc()
	m.duration.WithLabelValues(route, code).Observe(elapsed.Seconds())
}

// NewRegistry returns a fresh registry with the Go runtime and process
// collectors, for main to share between the server and other packages.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return reg
}
