package bundle

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Parse reads one bundle file (YAML, or JSON, which YAML includes). It
// rejects malformed YAML, unknown fields and values of the wrong type, and
// returns Errors naming file, line and field. It checks no references: that
// needs all files, in Build.
func Parse(name string, data []byte) (*File, error) {
	f := &File{name: name, pos: map[string]int{}}
	if err := singleDocument(name, data); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	if len(root.Content) == 0 { // empty file
		return f, nil
	}
	w := &walker{file: f}
	w.walk(root.Content[0], reflect.TypeFor[File](), "")
	if len(w.errs) > 0 {
		return nil, w.errs.sorted()
	}
	if err := root.Content[0].Decode(f); err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	return f, nil
}

var lineRE = regexp.MustCompile(`line (\d+): `)

// yamlError turns a yaml error into an Error with the line it names.
func yamlError(name string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: name, Message: msg}
	if m := lineRE.FindStringSubmatchIndex(msg); m != nil {
		e.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
		e.Message = msg[:m[0]] + msg[m[1]:]
	}
	return e
}

// walker checks a YAML tree against the Go type it will decode into,
// recording the line of every field path on the way.
type walker struct {
	file *File
	errs Errors
}

var timeType = reflect.TypeFor[time.Time]()

func (w *walker) fail(n *yaml.Node, path, format string, args ...any) {
	w.errs = append(w.errs, &Error{File: w.file.name, Line: n.Line, Field: path, Message: fmt.Sprintf(format, args...)})
}

func (w *walker) walk(n *yaml.Node, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if _, ok := w.file.pos[path]; !ok {
		w.file.pos[path] = n.Line
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	switch {
	case t == timeType || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice:
		w.scalar(n, t, path)
	case t.Kind() == reflect.Slice:
		w.list(n, t, path)
	default:
		w.mapping(n, t, path)
	}
}

func (w *walker) scalar(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind != yaml.ScalarNode {
		w.fail(n, path, "expected a single value, not a %s", kindName(n))
		return
	}
	if err := n.Decode(reflect.New(t).Interface()); err != nil {
		w.fail(n, path, "%q is not %s", n.Value, typeName(t))
	}
}

func (w *walker) list(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind != yaml.SequenceNode {
		w.fail(n, path, "expected a list, not a %s", kindName(n))
		return
	}
	for i, c := range n.Content {
		w.walk(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
	}
}

func (w *walker) mapping(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind != yaml.MappingNode {
		w.fail(n, path, "expected a mapping of fields, not a %s", kindName(n))
		return
	}
	fields := yamlFields(t)
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		field := join(path, k.Value)
		ft, ok := fields[k.Value]
		switch {
		case !ok:
			w.fail(k, field, "unknown field; valid fields are %s", strings.Join(sortedKeys(fields), ", "))
		case seen[k.Value] > 0:
			w.fail(k, field, "field repeated (first at line %d)", seen[k.Value])
		default:
			seen[k.Value] = k.Line
			w.file.pos[field] = k.Line
			w.walk(v, ft, field)
		}
	}
}

// yamlFields maps the yaml names of t's fields, inline ones included, to
// their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if opts == "inline" {
			for k, v := range yamlFields(f.Type) {
				out[k] = v
			}
			continue
		}
		out[name] = f.Type
	}
	return out
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

func sortedKeys(m map[string]reflect.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	default:
		return "value"
	}
}

func typeName(t reflect.Type) string {
	switch {
	case t == timeType:
		return "a timestamp (2006-01-02T15:04:05Z)"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Int:
		return "a whole number"
	case t.Kind() == reflect.Float64:
		return "a number"
	default:
		return "text"
	}
}

// line returns the line of path in f, or of its nearest enclosing field.
func (f *File) line(path string) int {
	for {
		if l, ok := f.pos[path]; ok {
			return l
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}
