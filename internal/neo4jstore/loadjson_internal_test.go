package neo4jstore

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/jsontext"
)

// TestAppendJSON: what the packed audit writes reads back with encoding/json
// as the same values, for every character class and value type a row holds.
func TestAppendJSON(t *testing.T) {
	for _, s := range []string{"", "gewoon", `aan"hal"ing \ slash`, "regel\nregel\r\ttab", "\x00\x01\x1f\x7f",
		"ĳsselmeer — Velsen €", "emoji 🌍", "\u2028\u2029", strings.Repeat("x", 70_000)} {
		var got string
		if err := json.Unmarshal(jsontext.AppendString(nil, s), &got); err != nil || got != s {
			t.Errorf("%.40q: read back %.40q (%v)", s, got, err)
		}
	}
	var bad string
	if err := json.Unmarshal(jsontext.AppendString(nil, "a\xffb"), &bad); err != nil || bad != "a\ufffdb" {
		t.Errorf("invalid UTF-8 read back as %q (%v), want U+FFFD in its place", bad, err)
	}
	at := time.Date(2026, 11, 30, 1, 2, 3, 456, time.FixedZone("CET", 3600))
	row := map[string]any{"props": map[string]any{"s": "tekst", "i": 7, "j": int64(-3), "f": 0.73, "big": 1e21,
		"b": true, "l": []string{"a", "b"}, "t": at, "leeg": nil, "id": "overruled"}, "id": "R-1"}
	var e entry
	if err := json.Unmarshal(appendEntry(nil, newItem{key: "R-1", row: row, node: true}, at), &e); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"s": "tekst", "i": 7.0, "j": -3.0, "f": 0.73, "big": 1e21, "b": true, "l": []any{"a", "b"},
		"t": "2026-11-30T00:02:03.000000456Z", "id": "R-1", "createdAt": "2026-11-30T00:02:03.000000456Z"}
	if e.Target != "R-1" || !reflect.DeepEqual(e.After, want) {
		t.Errorf("entry = %s %v\nwant after %v", e.Target, e.After, want)
	}
}
