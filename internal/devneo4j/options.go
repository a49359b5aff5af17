// Package devneo4j runs the project's own Neo4j for development, tests and CI:
// Neo4j Community 5.26 LTS started embedded by the Java launcher in
// neo4j/launcher, detached from the caller, with a Bolt connector on a
// loopback address and authentication disabled.
//
// Everything lives under one data folder (Options.Dir):
//
//	neo4j.pid            pid and Bolt address of the running launcher
//	neo4j.log            the launcher's stdout and stderr
//	home/                Neo4j's home: data/ and logs/ (debug.log)
//	launcher/<hash>/     pom.xml, Launcher.java, classpath.txt, classes/
//
// The launcher directory is keyed by a hash of the sources and the Neo4j
// version, so Maven resolves (and on a fresh machine downloads) only once.
package devneo4j

import (
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/neo4j/launcher"
)

// Defaults for Options.
const (
	DefaultDir          = ".data/neo4j"
	DefaultAddr         = "127.0.0.1:7687"
	DefaultStartTimeout = 3 * time.Minute
	DefaultStopTimeout  = time.Minute
)

// DefaultNeo4jVersion is the version pinned in neo4j/launcher/pom.xml.
const DefaultNeo4jVersion = launcher.DefaultNeo4jVersion

// Options say where and how Neo4j runs. The zero value is usable.
type Options struct {
	Dir          string    // data folder; DefaultDir when empty
	Addr         string    // Bolt host:port on loopback; DefaultAddr when empty
	Heap         string    // the JVM's -Xmx (2g, 4g); DefaultHeap when empty
	Neo4jVersion string    // a 5.26.x release; the pom's version when empty
	LauncherDir  string    // folder with pom.xml and Launcher.java; the copy built into the binary when empty
	Progress     io.Writer // download and start-up progress; discarded when nil
	StartTimeout time.Duration
	StopTimeout  time.Duration
}

// withDefaults fills in defaults, makes Dir absolute and checks Addr.
func (o Options) withDefaults() (Options, error) {
	if o.Dir == "" {
		o.Dir = DefaultDir
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return o, fmt.Errorf("data folder %q: %w", o.Dir, err)
	}
	o.Dir = dir
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.Heap == "" {
		o.Heap = DefaultHeap
	}
	if err := checkLoopback(o.Addr); err != nil {
		return o, err
	}
	if o.Neo4jVersion == "" {
		o.Neo4jVersion = DefaultNeo4jVersion
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	if o.StartTimeout <= 0 {
		o.StartTimeout = DefaultStartTimeout
	}
	if o.StopTimeout <= 0 {
		o.StopTimeout = DefaultStopTimeout
	}
	return o, nil
}

// checkLoopback accepts host:port with a loopback host ("localhost" included)
// and a port in 1..65535. Authentication is off, so nothing else is allowed.
func checkLoopback(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return rodedraad.Errorf(rodedraad.EINVALID, "Neo4j address %q: want host:port, e.g. %s", addr, DefaultAddr)
	}
	if p, err := strconv.Atoi(port); err != nil || p < 1 || p > 65535 {
		return rodedraad.Errorf(rodedraad.EINVALID, "Neo4j address %q: port must be a number from 1 to 65535", addr)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return rodedraad.Errorf(rodedraad.EINVALID,
			"Neo4j address %q: the bundled Neo4j runs without authentication and listens on loopback only; use 127.0.0.1:<port>", addr)
	}
	return nil
}

func (o Options) pidFile() string  { return filepath.Join(o.Dir, "neo4j.pid") }
func (o Options) logFile() string  { return filepath.Join(o.Dir, "neo4j.log") }
func (o Options) lockFile() string { return filepath.Join(o.Dir, ".lock") }
func (o Options) homeDir() string  { return filepath.Join(o.Dir, "home") }
func (o Options) debugLog() string { return filepath.Join(o.homeDir(), "logs", "debug.log") }
