package devneo4j

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// pidRecord is what neo4j.pid holds: the launcher's pid on the first line and
// the Bolt address it listens on on the second.
type pidRecord struct {
	PID  int
	Addr string
}

func (r pidRecord) String() string { return fmt.Sprintf("%d\n%s\n", r.PID, r.Addr) }

// parsePIDRecord reads the format written by pidRecord.String.
func parsePIDRecord(data string) (pidRecord, error) {
	lines := strings.Fields(data)
	if len(lines) != 2 {
		return pidRecord{}, fmt.Errorf("want a pid and an address, got %q", data)
	}
	pid, err := strconv.Atoi(lines[0])
	if err != nil || pid <= 0 {
		return pidRecord{}, fmt.Errorf("bad pid %q", lines[0])
	}
	if err := checkLoopback(lines[1]); err != nil {
		return pidRecord{}, err
	}
	return pidRecord{PID: pid, Addr: lines[1]}, nil
}

// readPIDFile returns the record in path, ok=false when there is none.
func readPIDFile(path string) (rec pidRecord, ok bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return pidRecord{}, false, nil
	}
	if err != nil {
		return pidRecord{}, false, fmt.Errorf("read pid file: %w", err)
	}
	rec, err = parsePIDRecord(string(data))
	if err != nil {
		return pidRecord{}, false, fmt.Errorf("pid file %s: %w (delete it if no Neo4j runs)", path, err)
	}
	return rec, true, nil
}

// writePIDFile writes rec atomically: a reader sees the old file or the new one.
func writePIDFile(path string, rec pidRecord) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(rec.String()), 0o644); err != nil {
		return fmt.Errorf("write pid file: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write pid file: %w", err)
	}
	return nil
}

// removePIDFile removes path; a missing file is not an error.
func removePIDFile(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove pid file: %w", err)
	}
	return nil
}
