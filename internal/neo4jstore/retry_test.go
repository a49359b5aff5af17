package neo4jstore_test

import (
	"errors"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// cutProxy forwards TCP connections to Neo4j and can cut every connection
// it carries, as a restarted load balancer or a dropped network would: the
// driver learns of it only when it next uses the connection.
type cutProxy struct {
	ln       net.Listener
	mu       sync.Mutex
	open     []net.Conn
	accepted int
}

func startCutProxy(t *testing.T, target string) *cutProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln}
	t.Cleanup(func() { _ = ln.Close(); p.cut() })
	go func() {
		for {
			client, err := ln.Accept()
			if errors.Is(err, net.ErrClosed) {
				return
			}
			if err != nil {
				continue
			}
			server, err := net.Dial("tcp", target)
			if err != nil {
				_ = client.Close()
				continue
			}
			p.mu.Lock()
			p.open = append(p.open, client, server)
			p.accepted++
			p.mu.Unlock()
			go func() { _, _ = io.Copy(server, client); _ = server.Close() }()
			go func() { _, _ = io.Copy(client, server); _ = client.Close() }()
		}
	}()
	return p
}

// cut closes every connection the proxy carries and returns how many
// clients it had.
func (p *cutProxy) cut() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.open {
		_ = c.Close()
	}
	n := len(p.open) / 2
	p.open = nil
	return n
}

func (p *cutProxy) connections() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted
}

// TestStore_ReadOnce_RetriesALostConnection cuts the pooled connection a
// one-statement read is about to use. The driver does not retry auto-commit
// statements; readOnce runs the read again on a new connection, so the
// caller gets its answer rather than UNAVAILABLE.
func TestStore_ReadOnce_RetriesALostConnection(t *testing.T) {
	MustCreate(t, neo4jtest.Open(t), rec("R1"))
	u, err := url.Parse(neo4jtest.URI(t))
	if err != nil {
		t.Fatal(err)
	}
	proxy := startCutProxy(t, u.Host)
	store, err := neo4jstore.Open(neo4jstore.Options{URI: "bolt://" + proxy.ln.Addr().String(), Timeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(t.Context())
	if got, err := store.Nodes(t.Context(), []string{"R1"}); err != nil || got["R1"] == nil {
		t.Fatalf("read through the proxy: %v, %v", got, err)
	}
	before := proxy.connections()
	if proxy.cut() == 0 {
		t.Fatal("the driver kept no connection to cut")
	}
	got, err := store.Nodes(t.Context(), []string{"R1"})
	if err != nil || got["R1"] == nil {
		t.Fatalf("read after the connection was cut: %v, %v; want R1 from a retry", got, err)
	}
	if proxy.connections() == before {
		t.Error("the read answered without a new connection: nothing was cut under it")
	}
}
