package server_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/server"
)

func TestServe_GracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	logs := &logBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- server.Serve(ctx, ln, server.NewHTTPServer("", slow), 5*time.Second, zerolog.New(logs))
	}()

	// A request in flight when the signal comes must still be answered.
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- string(b)
	}()
	<-started
	cancel()
	time.Sleep(50 * time.Millisecond) // let Shutdown begin before the handler ends
	close(release)

	if body := <-got; body != "done" {
		t.Errorf("in-flight request got %q, want it finished", body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve = %v, want nil after a clean shutdown", err)
	}
	if !strings.Contains(logs.String(), "open http://"+ln.Addr().String()+"/ for the dashboard") {
		t.Errorf("no dashboard hint in the log:\n%s", logs)
	}
}

func TestServe_ShutdownTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	stuck := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
	})
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- server.Serve(ctx, ln, server.NewHTTPServer("", stuck), 50*time.Millisecond, zerolog.Nop())
	}()
	go func() { _, _ = http.Get("http://" + ln.Addr().String() + "/") }()
	<-started
	cancel()
	if err := <-served; err == nil || !strings.Contains(err.Error(), "shutdown after 50ms") {
		t.Errorf("Serve = %v, want the shutdown timeout reported", err)
	}
}

func TestRun_PortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	srv := server.NewHTTPServer(ln.Addr().String(), http.NotFoundHandler())
	err = server.Run(context.Background(), srv, time.Second, zerolog.Nop())
	if err == nil || !strings.Contains(err.Error(), "listen on") {
		t.Errorf("Run = %v, want a listen error at once", err)
	}
}

func TestBaseURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"0.0.0.0:8080", "http://localhost:8080"},
		{"[::]:8080", "http://localhost:8080"},
		{"[::1]:8080", "http://[::1]:8080"},
	}
	for _, tt := range tests {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := server.BaseURL(addr); got != tt.want {
			t.Errorf("BaseURL(%s) = %s, want %s", tt.addr, got, tt.want)
		}
	}
}
