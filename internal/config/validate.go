package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"time"
)

// neo4jSchemes are the URI schemes the Neo4j Go driver accepts.
var neo4jSchemes = map[string]bool{
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
}

// Validate reports every setting that is out of range, each error naming the
// setting, its environment variable and what a good value looks like. Load
// calls it; call it again after changing a Config by hand.
func (c Config) Validate() error {
	errs := []error{
		checkHostPort("addr", "RODEDRAAD_ADDR", c.Addr),
		c.checkNeo4j(),
		checkOneOf("log-format", "RODEDRAAD_LOG_FORMAT", c.LogFormat, LogJSON, LogConsole),
		checkPositiveDuration("query-timeout", "RODEDRAAD_QUERY_TIMEOUT", c.QueryTimeout),
		checkPositiveDuration("ready-timeout", "RODEDRAAD_READY_TIMEOUT", c.ReadyTimeout),
		checkPositiveDuration("shutdown-timeout", "RODEDRAAD_SHUTDOWN_TIMEOUT", c.ShutdownTimeout),
		checkPositive("max-body-bytes", "RODEDRAAD_MAX_BODY_BYTES", c.MaxBodyBytes),
		checkPositive("complexity-limit", "RODEDRAAD_COMPLEXITY_LIMIT", int64(c.ComplexityLimit)),
		checkPositive("depth-limit", "RODEDRAAD_DEPTH_LIMIT", int64(c.DepthLimit)),
		c.OIDC.check(),
		checkNotNegative("neo4j-concurrency", "RODEDRAAD_NEO4J_CONCURRENCY", c.Neo4jConcurrency),
		checkLoopback("pprof-addr", "RODEDRAAD_PPROF_ADDR", c.PprofAddr),
	}
	return errors.Join(errs...)
}

// checkNeo4j checks the external URI when one is set, and otherwise what the
// project's own Neo4j needs.
func (c Config) checkNeo4j() error {
	var errs []error
	if c.Neo4jDatabase == "" {
		errs = append(errs, invalid("neo4j-database", "NEO4J_DATABASE", "must not be empty"))
	}
	if c.LocalNeo4j() {
		if c.Neo4jDir == "" {
			errs = append(errs, invalid("neo4j-dir", "RODEDRAAD_NEO4J_DIR",
				"must not be empty when NEO4J_URI is empty"))
		}
		errs = append(errs, checkHostPort("neo4j-addr", "RODEDRAAD_NEO4J_ADDR", c.Neo4jAddr))
		if !heapSize.MatchString(c.Neo4jHeap) {
			errs = append(errs, invalid("neo4j-heap", "RODEDRAAD_NEO4J_HEAP",
				fmt.Sprintf("%q is not a heap size: a number with m or g, e.g. 2g", c.Neo4jHeap)))
		}
		return errors.Join(errs...)
	}
	u, err := url.Parse(c.Neo4jURI)
	switch {
	case err != nil:
		errs = append(errs, invalid("neo4j-uri", "NEO4J_URI", "is not a URI: "+err.Error()))
	case !neo4jSchemes[u.Scheme]:
		errs = append(errs, invalid("neo4j-uri", "NEO4J_URI",
			fmt.Sprintf("scheme %q: want neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s or bolt+ssc", u.Scheme)))
	case u.Host == "":
		errs = append(errs, invalid("neo4j-uri", "NEO4J_URI", "has no host, e.g. neo4j://localhost:7687"))
	}
	return errors.Join(errs...)
}

// heapSize is a JVM heap size of at least 256 MiB: 256m to 99999m, 1g to 999g.
var heapSize = regexp.MustCompile(`^([1-9][0-9]{0,2}g|(2[5-9][0-9]|[3-9][0-9]{2}|[1-9][0-9]{3,4})m)$`)

func checkHostPort(name, env, v string) error {
	_, port, err := net.SplitHostPort(v)
	if err != nil {
		return invalid(name, env, fmt.Sprintf("%q is not host:port, e.g. 127.0.0.1:8080", v))
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return invalid(name, env, fmt.Sprintf("port %q: want 0..65535", port))
	}
	return nil
}

// checkLoopback accepts an empty address or a host:port on loopback: the
// profiles show the server's internals and must not be reachable from afar.
func checkLoopback(name, env, v string) error {
	if v == "" {
		return nil
	}
	if err := checkHostPort(name, env, v); err != nil {
		return err
	}
	host, _, _ := net.SplitHostPort(v)
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return invalid(name, env, fmt.Sprintf("%q is not on loopback: use e.g. 127.0.0.1:6060", v))
	}
	return nil
}

func checkNotNegative(name, env string, v int) error {
	if v < 0 {
		return invalid(name, env, fmt.Sprintf("%d: want 0 or more", v))
	}
	return nil
}

func checkOneOf(name, env, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return invalid(name, env, fmt.Sprintf("%q: want one of %q", v, allowed))
}

func checkPositiveDuration(name, env string, d time.Duration) error {
	if d <= 0 {
		return invalid(name, env, fmt.Sprintf("%s: must be more than zero", d))
	}
	return nil
}

func checkPositive(name, env string, n int64) error {
	if n <= 0 {
		return invalid(name, env, fmt.Sprintf("%d: must be more than zero", n))
	}
	return nil
}

func invalid(name, env, msg string) error {
	return fmt.Errorf("setting %s (--%s, %s) %s", name, name, env, msg)
}
