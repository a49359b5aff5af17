package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/rodedraad/rodedraad/internal/jsontext"
)

// TestAppendString_AsGqlgen holds the direct writer's string escaping to
// gqlgen's: quotes, backslashes and every control character, and nothing
// else (not <, >, & or non-ASCII, not even invalid UTF-8).
func TestAppendString_AsGqlgen(t *testing.T) {
	for _, s := range []string{
		"", "Velsen", `zei "ja"`, `C:\pad`, "regel 1\nregel 2\r\n\tinspringen",
		"\x00\x01\x1f\x7f\x1b", "<b>&</b>", "Beverwijk – Heemskerk ‘groen’ €", "\xff\xfeongeldig", "\u2028",
	} {
		var want bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		if got := jsontext.AppendString(nil, s); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("AppendString(%q) = %s, gqlgen writes %s", s, got, want.Bytes())
		}
	}
}
