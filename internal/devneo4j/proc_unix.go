//go:build unix

package devneo4j

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// detach puts cmd in its own session (and so its own process group), so that
// Ctrl-C in the terminal and the exit of the CLI do not reach Neo4j.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}

// alive reports whether pid names a live process (not a zombie).
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true // no procfs (macOS): trust kill(0)
	}
	// The state follows the command name in parentheses: "pid (comm) S ...".
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

// isLauncher reports whether pid is a launcher serving homeDir, so that a pid
// reused after a reboot is never signalled. Without procfs it trusts the pid.
func isLauncher(pid int, homeDir string) bool {
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		return alive(pid)
	}
	args := bytes.Split(bytes.TrimRight(cmdline, "\x00"), []byte{0})
	for i, a := range args {
		if string(a) == launcherClass && i+1 < len(args) && string(args[i+1]) == homeDir {
			return true
		}
	}
	return false
}

func terminate(pid int) error { return signal(pid, syscall.SIGTERM) }
func kill(pid int) error      { return signal(pid, syscall.SIGKILL) }

func signal(pid int, sig syscall.Signal) error {
	if err := syscall.Kill(pid, sig); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("send %v to pid %d: %w", sig, pid, err)
	}
	return nil
}

// lockDir takes an exclusive lock on path, so that two starts (say, parallel
// test packages calling EnsureRunning) never launch two Neo4j on one folder.
// It tells progress once when it has to wait.
func lockDir(ctx context.Context, path string, progress io.Writer) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock file: %w", err)
	}
	if progress == nil {
		progress = io.Discard
	}
	for told := false; ; told = true {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if !told {
			fmt.Fprintf(progress, "waiting for another start or stop of Neo4j in %s\n", path)
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}
