package main

import (
	"encoding/binary"
	"io"
	"net"
	"sync/atomic"
)

// Bolt message signatures the proxy counts (Bolt 5: a message is a
// structure whose tag byte follows the structure marker).
const (
	boltRun      = 0x10
	boltBegin    = 0x11
	boltCommit   = 0x12
	boltRollback = 0x13
	boltReset    = 0x0F
)

// Counters are what one server sent to and read from Neo4j.
type Counters struct {
	Transactions int64 // BEGINs plus RUNs outside an explicit transaction (auto-commit)
	Queries      int64 // RUN messages
	BytesRead    int64 // bytes from Neo4j to the server
	BytesSent    int64 // bytes from the server to Neo4j
}

func (c Counters) minus(o Counters) Counters {
	return Counters{c.Transactions - o.Transactions, c.Queries - o.Queries, c.BytesRead - o.BytesRead, c.BytesSent - o.BytesSent}
}

// boltProxy forwards TCP connections from a loopback port to Neo4j and
// counts, per server, the transactions it opens and the bytes it reads.
// Counting on the wire needs nothing from either driver or from Neo4j's
// metrics (which Community Edition does not expose per query).
type boltProxy struct {
	ln                     net.Listener
	target                 string
	txs, runs, read, wrote atomic.Int64
}

// newBoltProxy listens on a free loopback port and forwards to target.
func newBoltProxy(target string) (*boltProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &boltProxy{ln: ln, target: target}
	go p.accept()
	return p, nil
}

// URI is the Bolt URI a server connects to instead of Neo4j's.
func (p *boltProxy) URI() string { return "bolt://" + p.ln.Addr().String() }

// Counters returns the counts so far.
func (p *boltProxy) Counters() Counters {
	return Counters{p.txs.Load(), p.runs.Load(), p.read.Load(), p.wrote.Load()}
}

// Close stops accepting; open connections end with their peers.
func (p *boltProxy) Close() error { return p.ln.Close() }

func (p *boltProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		go p.serve(c)
	}
}

func (p *boltProxy) serve(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer server.Close()
	manifest, err := p.handshake(client, server)
	if err != nil {
		return
	}
	go func() {
		_, _ = io.Copy(countingWriter{server, &p.wrote}, &messageCounter{r: client, p: p, manifest: manifest})
		server.Close()
	}()
	_, _ = io.Copy(countingWriter{client, &p.read}, server)
}

// countingWriter adds what passes to n as it passes: pooled connections stay
// open for the whole run, so counting at their end would count nothing.
type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (c countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n.Add(int64(n))
	return n, err
}

// handshake forwards the client's 20-byte handshake and the server's 4-byte
// answer, and reports whether the server chose the manifest handshake
// (Bolt 5.7+), after which the client sends its choice before messages.
func (p *boltProxy) handshake(client, server net.Conn) (bool, error) {
	hello := make([]byte, 20)
	if _, err := io.ReadFull(client, hello); err != nil {
		return false, err
	}
	if _, err := server.Write(hello); err != nil {
		return false, err
	}
	answer := make([]byte, 4)
	if _, err := io.ReadFull(server, answer); err != nil {
		return false, err
	}
	if _, err := client.Write(answer); err != nil {
		return false, err
	}
	p.wrote.Add(20)
	p.read.Add(4)
	return binary.BigEndian.Uint32(answer) == 0x000001FF, nil
}

// messageCounter reads the client's side of a Bolt connection and counts
// RUN and BEGIN messages while passing every byte on. Messages are chunked:
// a 2-byte size, that many bytes, and a zero size ending the message; the
// second byte of a message is its signature.
type messageCounter struct {
	r        io.Reader
	p        *boltProxy
	manifest bool // skip the client's version choice and capabilities first
	skip     int  // bytes of the manifest answer still to pass (-1: in the varint)
	started  bool

	header    int // header bytes read of the current chunk (0..2)
	size      int // size of the current chunk
	left      int // bytes left in the current chunk
	msgOffset int // bytes of the current message seen
	inTx      bool
}

func (m *messageCounter) Read(b []byte) (int, error) {
	n, err := m.r.Read(b)
	for _, c := range b[:n] {
		m.feed(c)
	}
	return n, err
}

func (m *messageCounter) feed(c byte) {
	if m.manifest && !m.started {
		m.skipManifest(c)
		return
	}
	m.started = true
	if m.left > 0 {
		if m.msgOffset == 1 {
			m.message(c)
		}
		m.msgOffset++
		m.left--
		return
	}
	m.size = m.size<<8 | int(c)
	m.header++
	if m.header < 2 {
		return
	}
	m.header, m.left = 0, m.size
	if m.size == 0 {
		m.msgOffset = 0 // end of message (or a keep-alive)
	}
	m.size = 0
}

// skipManifest passes the 4-byte version the client chose and the varint of
// its capabilities.
func (m *messageCounter) skipManifest(c byte) {
	if m.skip < 4 {
		m.skip++
		return
	}
	if c&0x80 == 0 {
		m.started = true
	}
}

func (m *messageCounter) message(sig byte) {
	switch sig {
	case boltBegin:
		m.p.txs.Add(1)
		m.inTx = true
	case boltRun:
		m.p.runs.Add(1)
		if !m.inTx {
			m.p.txs.Add(1)
		}
	case boltCommit, boltRollback, boltReset:
		m.inTx = false
	}
}
