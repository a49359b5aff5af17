// Package rodedraad holds the domain of the knowledge graph: the kinds of
// nodes and relationships, their enumerations and validation, and the one
// error type that every layer uses. It imports no adapter.
package rodedraad

import (
	"errors"
	"fmt"
)

// Error codes. The GraphQL error presenter maps them to extensions.code once.
const (
	EINVALID     = "BAD_USER_INPUT"
	ENOTFOUND    = "NOT_FOUND"
	ECONFLICT    = "CONFLICT"
	EUNAVAILABLE = "UNAVAILABLE"
	EINTERNAL    = "INTERNAL"
)

// Error is a failure meant for the user: a code and a message that says what
// is wrong and, where it helps, what to do next.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the message of the first *Error in err's chain, and a
// generic text for internal errors so that no implementation detail leaks.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	default:
		return "internal error"
	}
}
