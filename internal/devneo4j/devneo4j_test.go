package devneo4j

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestStart runs the real Neo4j: start, query, start again, stop, stop again.
// The first run on a machine downloads Neo4j with Maven; later runs take
// seconds. Skipped under -short.
func TestStart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real Neo4j; skipped with -short")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	o := Options{Dir: t.TempDir(), Addr: MustFreeAddr(t), Progress: testWriter{t}}
	t.Cleanup(func() {
		if _, err := Stop(context.Background(), o); err != nil {
			t.Errorf("cleanup stop: %v", err)
		}
	})

	t.Run("OK", func(t *testing.T) {
		in, err := Start(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if in.AlreadyRunning || !in.Ready || in.PID == 0 {
			t.Errorf("Start = %+v, want a fresh, ready instance", in)
		}
		MustReturn1(t, in.BoltURI())
	})
	t.Run("AlreadyRunning", func(t *testing.T) {
		uri, err := EnsureRunning(ctx, o)
		if err != nil || uri != "bolt://"+o.Addr {
			t.Fatalf("EnsureRunning = %q, %v; want bolt://%s", uri, err, o.Addr)
		}
		in, err := Start(ctx, o)
		if err != nil || !in.AlreadyRunning {
			t.Errorf("second Start = %+v, %v; want AlreadyRunning", in, err)
		}
	})
	t.Run("Status", func(t *testing.T) {
		in, err := Status(ctx, Options{Dir: o.Dir})
		if err != nil || !in.Ready || in.Addr != o.Addr {
			t.Errorf("Status = %+v, %v; want ready on %s", in, err, o.Addr)
		}
	})
	t.Run("Stop", func(t *testing.T) {
		in, err := Stop(ctx, o)
		if err != nil || !in.Running {
			t.Fatalf("Stop = %+v, %v; want it to have been running", in, err)
		}
		if portOpen(ctx, o.Addr) {
			t.Error("port still open after Stop")
		}
		if _, err := os.Stat(o.pidFileAbs(t)); !os.IsNotExist(err) {
			t.Errorf("pid file left behind: %v", err)
		}
		in, err = Stop(ctx, o)
		if err != nil || in.Running {
			t.Errorf("second Stop = %+v, %v; want not running, no error", in, err)
		}
	})
}

// MustReturn1 connects without auth and runs RETURN 1.
func MustReturn1(tb testing.TB, uri string) {
	tb.Helper()
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		tb.Fatal(err)
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, "RETURN 1 AS n", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		tb.Fatal(err)
	}
	if n, _ := res.Records[0].Get("n"); n != int64(1) {
		tb.Fatalf("RETURN 1 gave %v", n)
	}
}

func (o Options) pidFileAbs(tb testing.TB) string {
	tb.Helper()
	o, err := o.withDefaults()
	if err != nil {
		tb.Fatal(err)
	}
	return o.pidFile()
}

// testWriter sends progress to the test log, shown with -v or on failure.
type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
