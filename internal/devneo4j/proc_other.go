//go:build !unix

package devneo4j

import (
	"context"
	"io"
	"os/exec"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

var errUnsupported = rodedraad.Errorf(rodedraad.EUNAVAILABLE,
	"the bundled Neo4j runs on Linux and macOS only; set NEO4J_URI to a Neo4j of your own")

func detach(*exec.Cmd)            {}
func alive(int) bool              { return false }
func isLauncher(int, string) bool { return false }
func terminate(int) error         { return errUnsupported }
func kill(int) error              { return errUnsupported }

func lockDir(context.Context, string, io.Writer) (func(), error) { return nil, errUnsupported }
