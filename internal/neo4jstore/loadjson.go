package neo4jstore

import (
	"encoding/json"
	"math"
	"strconv"
	"time"

	"github.com/rodedraad/rodedraad/internal/jsontext"
)

// The packed audit of a load is written with the small JSON writer below
// rather than encoding/json: a load's rows are flat maps of a few value
// types, and encoding/json's reflection and sorted map keys cost an ingest
// of 5,000 candidates about 60 ms of CPU while Neo4j, on the same cores,
// wrote the rows. The entries decode with encoding/json (unpack).

// appendEntry appends {"t": key, "a": after} for a new item: the non-null
// properties of its row, its id when it is a node, and createdAt (the
// row's own, else now) as RFC 3339 text, as plainProps shows times.
func appendEntry(buf []byte, it newItem, now time.Time) []byte {
	buf = append(buf, `{"t":`...)
	buf = jsontext.AppendString(buf, it.key)
	buf = append(buf, `,"a":{`...)
	props, _ := it.row["props"].(map[string]any)
	first := true
	field := func(k string) {
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = jsontext.AppendString(buf, k)
		buf = append(buf, ':')
	}
	for k, v := range props {
		if v == nil || k == "id" || k == "createdAt" {
			continue
		}
		field(k)
		buf = appendJSONValue(buf, v)
	}
	if it.node {
		field("id")
		buf = jsontext.AppendString(buf, it.key)
	}
	at, ok := it.row["createdAt"].(time.Time)
	if !ok {
		at = now
	}
	field("createdAt")
	buf = appendJSONValue(buf, at)
	return append(buf, "}}"...)
}

// appendJSONValue appends a property value as JSON: the types the row
// builders use, and encoding/json for anything else.
func appendJSONValue(buf []byte, v any) []byte {
	switch x := v.(type) {
	case string:
		return jsontext.AppendString(buf, x)
	case int:
		return strconv.AppendInt(buf, int64(x), 10)
	case int64:
		return strconv.AppendInt(buf, x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return append(buf, "null"...)
		}
		return strconv.AppendFloat(buf, x, 'g', -1, 64)
	case bool:
		return strconv.AppendBool(buf, x)
	case time.Time:
		return jsontext.AppendString(buf, x.UTC().Format(time.RFC3339Nano))
	case []string:
		buf = append(buf, '[')
		for i, s := range x {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = jsontext.AppendString(buf, s)
		}
		return append(buf, ']')
	}
	b, err := json.Marshal(plainValue(v))
	if err != nil {
		return append(buf, "null"...)
	}
	return append(buf, b...)
}
