package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// A server is one of the three under test, running as its own process on a
// loopback port.
type server struct {
	Name     string // rodedraad, peer, baseline
	endpoint string // URL GraphQL queries (or baseline paths) go to
	cmd      *exec.Cmd
	log      string
	proxy    *boltProxy // nil when it talks to Neo4j directly
}

// Server names, in the order the tables show them.
const (
	nameRodedraad = "rodedraad"
	namePeer      = "peer"
	nameBaseline  = "handwritten"
)

// launch starts the three servers against neo4jURI, each through its own
// counting proxy when counting is set. logDir receives their output.
func launch(ctx context.Context, o options, neo4jURI string, counting bool) ([]*server, error) {
	var out []*server
	for _, name := range []string{nameRodedraad, namePeer, nameBaseline} {
		s, err := start(ctx, o, name, neo4jURI, counting)
		if err != nil {
			stopAll(out)
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func start(ctx context.Context, o options, name, neo4jURI string, counting bool) (*server, error) {
	s := &server{Name: name, log: filepath.Join(o.logDir, name+".log")}
	uri := neo4jURI
	if counting {
		p, err := newBoltProxy(strings.TrimPrefix(neo4jURI, "bolt://"))
		if err != nil {
			return nil, err
		}
		s.proxy, uri = p, p.URI()
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	s.cmd = command(o, name, uri, addr)
	s.endpoint = map[string]string{nameRodedraad: "http://" + addr + "/graphql", namePeer: "http://" + addr + "/", nameBaseline: "http://" + addr}[name]
	logf, err := os.Create(s.log)
	if err != nil {
		return nil, err
	}
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	go func() { _ = s.cmd.Wait(); logf.Close() }()
	if err := s.waitReady(ctx, 90*time.Second); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

// command is the process of one server: the project's binary (built by
// make), the peer with the machine's Node, or this tool's baseline mode.
func command(o options, name, uri, addr string) *exec.Cmd {
	switch name {
	case nameRodedraad:
		// The complexity limit is lifted: the first shape (2100) is above the
		// default 2000, and this benchmark measures speed, not limits.
		c := exec.Command(o.binary, "serve", "--seed=false", "--neo4j-uri", uri, "--neo4j-user=",
			"--addr", addr, "--complexity-limit", "1000000", "--log-level", "warn", "--query-timeout", "60s")
		return c
	case namePeer:
		c := exec.Command(o.node, filepath.Join(o.peerDir, "server.js"))
		_, port, _ := net.SplitHostPort(addr)
		c.Env = append(os.Environ(), "NEO4J_URI="+uri, "PORT="+port, "NODE_ENV=production")
		return c
	default:
		self, _ := os.Executable()
		return exec.Command(self, "-baseline", "-neo4j-uri", uri, "-addr", addr)
	}
}

// waitReady polls until the server answers a trivial query.
func (s *server) waitReady(ctx context.Context, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if s.cmd.ProcessState != nil {
			return fmt.Errorf("%s exited: %s (see %s)", s.Name, s.cmd.ProcessState, s.log)
		}
		body, err := s.query(ctx, probe(s.Name))
		if err == nil && !bytes.Contains(body, []byte(`"errors"`)) {
			return nil
		}
		time.Sleep(300 * time.Millisecond)
	}
	return fmt.Errorf("%s did not answer within %s (see %s)", s.Name, d, s.log)
}

func probe(name string) string {
	switch name {
	case nameBaseline:
		return "/list?first=1"
	case namePeer:
		return `{ recommendations(limit: 1) { id } }`
	}
	return `{ recommendations(first: 1) { edges { node { id } } } }`
}

// client is shared by all servers: keep-alive connections, enough for 8
// workers.
var client = &http.Client{Transport: &http.Transport{MaxIdleConns: 64, MaxIdleConnsPerHost: 32}, Timeout: 60 * time.Second}

// query sends q (a GraphQL document, or for the baseline a path) and returns
// the body; a status other than 200 is an error.
func (s *server) query(ctx context.Context, q string) ([]byte, error) {
	var req *http.Request
	var err error
	if s.Name == nameBaseline {
		req, err = http.NewRequestWithContext(ctx, http.MethodGet, s.endpoint+q, nil)
	} else {
		body, _ := jsonBody(q)
		req, err = http.NewRequestWithContext(ctx, http.MethodPost, s.endpoint, bytes.NewReader(body))
		if req != nil {
			req.Header.Set("Content-Type", "application/json")
		}
	}
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s: HTTP %d: %.300s", s.Name, resp.StatusCode, b)
	}
	return b, err
}

// stop ends the server's process group (the process this tool started).
func (s *server) stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	}
	if s.proxy != nil {
		s.proxy.Close()
	}
}

func stopAll(ss []*server) {
	for _, s := range ss {
		s.stop()
	}
	time.Sleep(500 * time.Millisecond)
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}
