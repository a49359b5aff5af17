package devneo4j

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/neo4j/launcher"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:7687", true},
		{"localhost:17687", true},
		{"[::1]:7687", true},
		{"127.0.0.2:7687", true},
		{"0.0.0.0:7687", false},
		{"192.168.1.10:7687", false},
		{"example.org:7687", false},
		{"7687", false},
		{"127.0.0.1:0", false},
		{"127.0.0.1:70000", false},
		{"127.0.0.1:bolt", false},
	}
	for _, tt := range tests {
		err := checkLoopback(tt.addr)
		if (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%q) = %v, want ok=%v", tt.addr, err, tt.ok)
		}
		if err != nil && rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Errorf("checkLoopback(%q) code = %s, want %s", tt.addr, rodedraad.ErrorCode(err), rodedraad.EINVALID)
		}
	}
}

func TestOptions_WithDefaults(t *testing.T) {
	o, err := Options{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(o.Dir) || !strings.HasSuffix(o.Dir, filepath.FromSlash(DefaultDir)) {
		t.Errorf("Dir = %q, want absolute path ending in %s", o.Dir, DefaultDir)
	}
	if o.Addr != DefaultAddr || o.Neo4jVersion != DefaultNeo4jVersion || o.Progress == nil {
		t.Errorf("defaults not filled in: %+v", o)
	}
}

func TestParsePIDRecord(t *testing.T) {
	rec := pidRecord{PID: 4242, Addr: "127.0.0.1:7687"}
	got, err := parsePIDRecord(rec.String())
	if err != nil || got != rec {
		t.Fatalf("round trip = %+v, %v; want %+v", got, err, rec)
	}
	for _, bad := range []string{"", "4242", "x\n127.0.0.1:7687\n", "-1\n127.0.0.1:7687\n", "12\n10.0.0.1:7687\n", "1 2 3"} {
		if _, err := parsePIDRecord(bad); err == nil {
			t.Errorf("parsePIDRecord(%q) = nil error, want one", bad)
		}
	}
}

func TestPIDFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neo4j.pid")
	t.Run("Missing", func(t *testing.T) {
		if _, ok, err := readPIDFile(path); ok || err != nil {
			t.Errorf("readPIDFile(missing) = ok %v, %v; want false, nil", ok, err)
		}
		if err := removePIDFile(path); err != nil {
			t.Errorf("removePIDFile(missing) = %v", err)
		}
	})
	t.Run("OK", func(t *testing.T) {
		want := pidRecord{PID: 99, Addr: "localhost:7688"}
		if err := writePIDFile(path, want); err != nil {
			t.Fatal(err)
		}
		got, ok, err := readPIDFile(path)
		if !ok || err != nil || got != want {
			t.Errorf("readPIDFile = %+v, %v, %v; want %+v", got, ok, err, want)
		}
	})
	t.Run("Corrupt", func(t *testing.T) {
		if err := os.WriteFile(path, []byte("garbage"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := readPIDFile(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("readPIDFile(corrupt) = %v, want an error naming the file", err)
		}
	})
}

func TestSpeaksBolt(t *testing.T) {
	ctx := context.Background()
	t.Run("Bolt", func(t *testing.T) {
		addr := MustServe(t, func(c net.Conn) {
			buf := make([]byte, len(boltHandshake))
			if _, err := c.Read(buf); err == nil && bytes.Equal(buf[:4], boltHandshake[:4]) {
				c.Write([]byte{0, 0, 4, 5})
			}
		})
		if !portOpen(ctx, addr) || !speaksBolt(ctx, addr) {
			t.Error("fake Bolt server not recognised")
		}
	})
	t.Run("OtherProtocol", func(t *testing.T) {
		addr := MustServe(t, func(c net.Conn) { c.Write([]byte("HTTP/1.1 400 Bad Request\r\n\r\n")) })
		if !portOpen(ctx, addr) || speaksBolt(ctx, addr) {
			t.Error("HTTP server taken for Bolt, or port not seen as open")
		}
	})
	t.Run("Closed", func(t *testing.T) {
		addr := MustFreeAddr(t)
		if portOpen(ctx, addr) || speaksBolt(ctx, addr) {
			t.Error("closed port seen as open")
		}
	})
}

func TestParseJavaMajor(t *testing.T) {
	tests := map[string]int{
		`openjdk version "17.0.15" 2025-04-15`: 17,
		`openjdk version "21" 2023-09-19`:      21,
		`java version "1.8.0_402"`:             8,
		`openjdk version "11.0.2" 2019-01-15`:  11,
		`command not found`:                    0,
	}
	for out, want := range tests {
		if got := parseJavaMajor(out); got != want {
			t.Errorf("parseJavaMajor(%q) = %d, want %d", out, got, want)
		}
	}
}

func TestLauncherSources(t *testing.T) {
	dir := filepath.Join("..", "..", "neo4j", "launcher")
	pom, src, err := launcherSources(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pom, launcher.Pom) || !bytes.Equal(src, launcher.Source) {
		t.Error("sources on disk differ from the embedded copy")
	}
	if !bytes.Contains(pom, []byte("<neo4j.version>"+DefaultNeo4jVersion+"</neo4j.version>")) {
		t.Errorf("pom.xml does not pin neo4j.version %s", DefaultNeo4jVersion)
	}
	if !bytes.Contains(src, []byte(`READY_PREFIX = "`+launcher.ReadyPrefix+`"`)) {
		t.Errorf("Launcher.java READY_PREFIX differs from %q", launcher.ReadyPrefix)
	}
	if sourceHash(pom, src, "5.26.30") == sourceHash(pom, src, "5.26.29") {
		t.Error("sourceHash ignores the version")
	}
}

func TestAlive(t *testing.T) {
	if !alive(os.Getpid()) {
		t.Error("alive(self) = false")
	}
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no `true` command:", err)
	}
	if alive(cmd.Process.Pid) {
		t.Error("alive(exited child) = true")
	}
	if isLauncher(os.Getpid(), "/nowhere/home") {
		t.Error("isLauncher(test process) = true")
	}
}

func TestLockDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".lock")
	unlock, err := lockDir(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var progress bytes.Buffer
	if _, err := lockDir(ctx, path, &progress); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("second lockDir = %v, want %v", err, context.DeadlineExceeded)
	}
	if !strings.Contains(progress.String(), "waiting") {
		t.Errorf("progress = %q, want a note that it waits", progress.String())
	}
	unlock()
	unlock2, err := lockDir(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("lockDir after unlock = %v", err)
	}
	unlock2()
}

func TestStart_ErrPortInUse(t *testing.T) {
	addr := MustServe(t, func(net.Conn) {})
	_, err := Start(context.Background(), Options{Dir: t.TempDir(), Addr: addr})
	if rodedraad.ErrorCode(err) != rodedraad.EUNAVAILABLE || !strings.Contains(err.Error(), "in use") {
		t.Errorf("Start on a taken port = %v, want %s saying it is in use", err, rodedraad.EUNAVAILABLE)
	}
}

func TestStart_ErrNotLoopback(t *testing.T) {
	_, err := Start(context.Background(), Options{Dir: t.TempDir(), Addr: "0.0.0.0:7687"})
	if rodedraad.ErrorCode(err) != rodedraad.EINVALID {
		t.Errorf("Start on 0.0.0.0 = %v, want %s", err, rodedraad.EINVALID)
	}
}

func TestStop_NotRunning(t *testing.T) {
	for name, dir := range map[string]string{
		"NoFolder":    filepath.Join(t.TempDir(), "missing"),
		"EmptyFolder": t.TempDir(),
	} {
		t.Run(name, func(t *testing.T) {
			in, err := Stop(context.Background(), Options{Dir: dir})
			if err != nil || in.Running {
				t.Errorf("Stop = %+v, %v; want not running, no error", in, err)
			}
		})
	}
}

func TestStatus_StalePIDFile(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no `true` command:", err)
	}
	o := Options{Dir: dir}
	if err := writePIDFile(filepath.Join(dir, "neo4j.pid"), pidRecord{PID: cmd.Process.Pid, Addr: DefaultAddr}); err != nil {
		t.Fatal(err)
	}
	in, err := Status(context.Background(), o)
	if err != nil || in.Running {
		t.Errorf("Status = %+v, %v; want not running", in, err)
	}
	if _, err := Stop(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "neo4j.pid")); !os.IsNotExist(err) {
		t.Errorf("Stop left the stale pid file: %v", err)
	}
}

// MustServe serves each connection on a loopback port with handle and returns
// the address; the listener closes with the test.
func MustServe(tb testing.TB, handle func(net.Conn)) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); handle(c) }()
		}
	}()
	return ln.Addr().String()
}

// MustFreeAddr returns a loopback address whose port was free a moment ago.
func MustFreeAddr(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
