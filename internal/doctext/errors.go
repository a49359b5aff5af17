package doctext

import (
	"errors"
	"fmt"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Reasons a file cannot be read. Every error that Read and ReadBytes return
// for bad input is an *Error whose Reason is one of these, so a caller that
// ingests a folder can count its failures per reason:
//
//	if r := doctext.ReasonOf(err); r != nil { failed[r]++ }
//
// errors.Is(err, doctext.ErrEncrypted) works as well, and
// rodedraad.ErrorCode(err) is rodedraad.EINVALID.
var (
	ErrNotFound    = errors.New("niet gevonden (not found)")
	ErrEmpty       = errors.New("leeg bestand (empty file)")
	ErrUnsupported = errors.New("onbekend bestandstype (unsupported type)")
	ErrEncrypted   = errors.New("beveiligd met wachtwoord (encrypted)")
	ErrNoText      = errors.New("geen tekst (no extractable text)")
	ErrCorrupt     = errors.New("beschadigd bestand (corrupt file)")
	ErrEncoding    = errors.New("geen geldige UTF-8 (invalid UTF-8)")
)

// Error is a file that could not be read: why (Reason, one of the Err*
// variables above) and the message for the user, which names the file and
// says what to do.
type Error struct {
	File   string
	Reason error
	Err    *rodedraad.Error
}

func (e *Error) Error() string { return e.Err.Message }

// Unwrap lets errors.Is match the reason and errors.As find the
// *rodedraad.Error with code EINVALID.
func (e *Error) Unwrap() []error { return []error{e.Reason, e.Err} }

// ReasonOf returns the reason of the first *Error in err's chain, or nil when
// err is nil or is not a bad-input error (an internal failure, a cancelled
// context).
func ReasonOf(err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return nil
}

// fail returns an *Error for file with code EINVALID; format and args make
// the message after the file name.
func fail(file string, reason error, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{
		File:   file,
		Reason: reason,
		Err:    rodedraad.Errorf(rodedraad.EINVALID, "%s: %s", file, msg),
	}
}
