package devneo4j

import (
	"bytes"
	"context"
	"io"
	"net"
	"time"
)

// boltHandshake is the Bolt magic preamble followed by four proposed
// versions, each as [0, range, minor, major].
var boltHandshake = []byte{
	0x60, 0x60, 0xB0, 0x17,
	0, 8, 8, 5, // 5.8 down to 5.0
	0, 0, 4, 4, // 4.4
	0, 0, 0, 0,
	0, 0, 0, 0,
}

// portOpen reports whether something accepts TCP connections on addr.
func portOpen(ctx context.Context, addr string) bool {
	d := net.Dialer{Timeout: time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// speaksBolt reports whether the server on addr answers a Bolt handshake with
// a version it supports.
func speaksBolt(ctx context.Context, addr string) bool {
	d := net.Dialer{Timeout: time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return false
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := conn.Write(boltHandshake); err != nil {
		return false
	}
	reply := make([]byte, 4)
	if _, err := io.ReadFull(conn, reply); err != nil {
		return false
	}
	return reply[0] == 0 && reply[3] >= 4 && !bytes.Equal(reply, []byte{0, 0, 0, 0})
}
