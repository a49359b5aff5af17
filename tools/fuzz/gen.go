package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// gen makes hostile requests from the schema and the seed bundles.
type gen struct {
	schema  *ast.Schema
	bundles []string
}

// next picks a kind of attack and makes one request of it.
func (g *gen) next(rng *rand.Rand) request {
	switch p := rng.IntN(100); {
	case p < 55:
		return g.post("query", g.operation(rng, g.schema.Query, "query"))
	case p < 65:
		return g.post("mutation", g.operation(rng, g.schema.Mutation, "mutation"))
	case p < 80:
		return g.bundle(rng)
	case p < 92:
		return g.malformed(rng)
	default:
		return g.shapes(rng)
	}
}

func (g *gen) post(kind, q string) request {
	b, _ := json.Marshal(map[string]any{"query": q})
	return request{kind: kind, method: http.MethodPost, contentType: "application/json", body: string(b)}
}

// operation selects 1..3 root fields of root with random arguments and a
// random selection below them.
func (g *gen) operation(rng *rand.Rand, root *ast.Definition, op string) string {
	var b strings.Builder
	b.WriteString(op + " { ")
	for i := range 1 + rng.IntN(3) {
		f := root.Fields[rng.IntN(len(root.Fields))]
		if strings.HasPrefix(f.Name, "__") || (op == "mutation" && f.Name == "deleteDocument") {
			continue
		}
		fmt.Fprintf(&b, "a%d: ", i)
		g.field(rng, &b, f, 0)
	}
	b.WriteString(" }")
	return b.String()
}

func (g *gen) field(rng *rand.Rand, b *strings.Builder, f *ast.FieldDefinition, depth int) {
	b.WriteString(f.Name)
	if len(f.Arguments) > 0 {
		var args []string
		for _, a := range f.Arguments {
			if a.Type.NonNull || rng.IntN(2) == 0 {
				args = append(args, a.Name+": "+g.value(rng, a.Type, 0))
			}
		}
		if len(args) > 0 {
			b.WriteString("(" + strings.Join(args, ", ") + ")")
		}
	}
	def := g.schema.Types[f.Type.Name()]
	if def == nil || (def.Kind != ast.Object && def.Kind != ast.Interface && def.Kind != ast.Union) {
		return
	}
	b.WriteString(" { __typename ")
	if def.Kind == ast.Object && depth < 12 {
		for range 1 + rng.IntN(3) {
			sub := def.Fields[rng.IntN(len(def.Fields))]
			if !strings.HasPrefix(sub.Name, "__") {
				g.field(rng, b, sub, depth+1)
				b.WriteString(" ")
			}
		}
	}
	b.WriteString("}")
}

// value makes a literal for type t: usually of the right kind, often a
// hostile one (wrong kind, huge, long, odd characters, null).
func (g *gen) value(rng *rand.Rand, t *ast.Type, depth int) string {
	if rng.IntN(5) == 0 || depth > 4 {
		return hostile(rng)
	}
	if t.Elem != nil {
		n := rng.IntN(4)
		vs := make([]string, n)
		for i := range vs {
			vs[i] = g.value(rng, t.Elem, depth+1)
		}
		return "[" + strings.Join(vs, ", ") + "]"
	}
	def := g.schema.Types[t.Name()]
	switch {
	case def != nil && def.Kind == ast.Enum:
		return def.EnumValues[rng.IntN(len(def.EnumValues))].Name
	case def != nil && def.Kind == ast.InputObject:
		var fs []string
		for _, f := range def.Fields {
			if f.Type.NonNull || rng.IntN(3) == 0 {
				fs = append(fs, f.Name+": "+g.value(rng, f.Type, depth+1))
			}
		}
		return "{" + strings.Join(fs, ", ") + "}"
	}
	switch t.Name() {
	case "Int":
		return fmt.Sprint([]int{0, 1, 5, 100, -1, 2147483647, -2147483648}[rng.IntN(7)])
	case "Float":
		return fmt.Sprint([]float64{0, 0.5, 1, -1, 1e308}[rng.IntN(5)])
	case "Boolean":
		return "true"
	case "ID":
		return `"` + []string{"R06.1", "T2", "D06", "A-RIVM", "bestaat-niet", ""}[rng.IntN(6)] + `"`
	}
	return `"` + []string{"waterstof", "energie haven", "", "R06.1", "x OR y AND NOT", "*?~^"}[rng.IntN(6)] + `"`
}

// hostile returns an odd literal of any kind.
func hostile(rng *rand.Rand) string {
	switch rng.IntN(10) {
	case 0:
		return "{}"
	case 1:
		return "null"
	case 2:
		return `"` + strings.Repeat("a", 1+rng.IntN(3000)) + `"`
	case 3:
		return "99999999999999999999"
	case 4:
		return `"` + strings.TrimSpace(strings.Repeat("woord ", 1+rng.IntN(300))) + `"`
	case 5:
		return "[[[[[]]]]]"
	case 6:
		return `"\u0000\u202e🙂 ' \" \\ ; DROP"`
	case 7:
		return "-1.5e300"
	case 8:
		return "ONBEKEND"
	}
	return `{a: {b: {c: [1, "2", null]}}}`
}

// bundle sends a mutated seed bundle as a dry-run import.
func (g *gen) bundle(rng *rand.Rand) request {
	text := g.bundles[rng.IntN(len(g.bundles))]
	lines := strings.Split(text, "\n")
	for range 1 + rng.IntN(5) {
		i := rng.IntN(len(lines))
		switch rng.IntN(6) {
		case 0:
			lines = append(lines[:i], lines[i+1:]...)
		case 1:
			lines = append(lines[:i], append([]string{lines[i]}, lines[i:]...)...)
		case 2:
			lines[i] = strings.Repeat(" ", rng.IntN(8)) + lines[i]
		case 3:
			lines = append(lines[:i], append([]string{"---"}, lines[i:]...)...)
		case 4:
			if l := lines[i]; len(l) > 0 {
				j := rng.IntN(len(l))
				lines[i] = l[:j] + string(rune(32+rng.IntN(95))) + l[j:]
			}
		default:
			lines[i] = strings.ReplaceAll(lines[i], ":", ": "+hostile(rng))
		}
		if len(lines) == 0 {
			break
		}
	}
	b, _ := json.Marshal(map[string]any{
		"query":     `mutation ($b: String!) { importBundleChecked(bundle: $b, dryRun: true) { dryRun kinds { kind created } } }`,
		"variables": map[string]any{"b": strings.Join(lines, "\n")},
	})
	return request{kind: "bundle", method: http.MethodPost, contentType: "application/json", body: string(b)}
}

// malformed sends bodies and transports that are not GraphQL requests.
func (g *gen) malformed(rng *rand.Rand) request {
	bodies := []string{`{"query": `, `not json`, `[{"query":"{ __typename }"}]`, `{"query": 5}`, `{"query": "{", "variables": "x"}`,
		`{"query": "{ __typename }", "variables": [1]}`, strings.Repeat("[", 5000), `{"query":"` + strings.Repeat("{a", 3000) + `"}`,
		`{"query": "query ($x: Int!) { recommendations(first: $x) { totalCount } }", "variables": {"x": "veel"}}`, ``, `null`}
	ct := []string{"application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""}
	if rng.IntN(5) == 0 {
		return request{kind: "get-mutation", method: http.MethodGet, query: `mutation { deleteTheme(id: "T1") { id } }`}
	}
	return request{kind: "malformed", method: http.MethodPost, contentType: ct[rng.IntN(len(ct))], body: bodies[rng.IntN(len(bodies))]}
}

// shapes sends the query shapes that used to get past the limits.
func (g *gen) shapes(rng *rand.Rand) request {
	switch rng.IntN(4) {
	case 0:
		n := 10 + rng.IntN(20)
		var b strings.Builder
		b.WriteString("query { ...F0 } ")
		for i := range n {
			fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d } ", i, i+1, i+1)
		}
		fmt.Fprintf(&b, "fragment F%d on Query { __typename }", n)
		return g.post("shape", b.String())
	case 1:
		var as []string
		for i := range 5 + rng.IntN(200) {
			as = append(as, fmt.Sprintf(`n%d: neighbourhood(id: "R06.1", depth: 3) { nodes { id } }`, i))
		}
		return g.post("shape", "{ "+strings.Join(as, " ")+" }")
	case 2:
		return g.post("shape", `{ recommendations(first: 100) { edges { node { themes { recommendations { themes { recommendations { id } } } } } } } }`)
	}
	return g.post("shape", "{ "+strings.Repeat("recommendations(first: 1) { edges { node { document { ", 8)+"id"+strings.Repeat(" } } } }", 8)+" }")
}
