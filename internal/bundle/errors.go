package bundle

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Error is one problem in a bundle file, at a line and a field path such as
// document.recommendations[3].kind.
type Error struct {
	File    string
	Line    int
	Field   string
	Message string
}

// Error formats as file:line: field: message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Message)
	return b.String()
}

// As lets errors.As and rodedraad.ErrorCode see a BAD_USER_INPUT error.
func (e *Error) As(target any) bool { return asInvalid(target, e.Error()) }

// Errors is every problem found, in file and line order. Load and Parse
// return it as their error; it converts to a *rodedraad.Error with code
// BAD_USER_INPUT through errors.As.
type Errors []*Error

// maxShown caps how many problems the message lists.
const maxShown = 20

func (es Errors) Error() string {
	lines := make([]string, 0, min(len(es), maxShown)+1)
	for i, e := range es {
		if i == maxShown {
			lines = append(lines, fmt.Sprintf("and %d more", len(es)-maxShown))
			break
		}
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// As lets errors.As and rodedraad.ErrorCode see a BAD_USER_INPUT error.
func (es Errors) As(target any) bool { return asInvalid(target, es.Error()) }

func asInvalid(target any, msg string) bool {
	t, ok := target.(**rodedraad.Error)
	if ok {
		*t = &rodedraad.Error{Code: rodedraad.EINVALID, Message: msg}
	}
	return ok
}

func (es Errors) sorted() Errors {
	slices.SortStableFunc(es, func(a, b *Error) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return es
}

// err returns es as an error, or nil when there is none.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es.sorted()
}
