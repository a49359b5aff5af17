package export

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

var contentTypes = map[string]string{
	"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
	"csv": "text/csv; charset=utf-8", "json": "application/json",
}

// Handler serves GET /export?format=graphml|gexf|csv|json with table,
// matrix (ROWSxCOLUMNS), metric and the scope (themes, documents,
// scenarios, statuses: comma-separated) as a download. 400 names a bad
// parameter, 404 an unknown id in the scope; 503 when Neo4j is unavailable.
func Handler(src Source) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := ParseQuery(r.URL.Query())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var buf bytes.Buffer // whole, so that a failure is an error status, not half a file
		if err := Write(r.Context(), src, &buf, req); err != nil {
			http.Error(w, err.Error(), statusOf(err))
			return
		}
		w.Header().Set("Content-Type", contentTypes[req.Format])
		w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", FileName(req)))
		_, _ = w.Write(buf.Bytes())
	})
}

// ParseQuery reads a Request from URL parameters; EINVALID names the wrong one.
func ParseQuery(q url.Values) (Request, error) {
	req := Request{Format: q.Get("format"), Table: q.Get("table"), Metric: q.Get("metric")}
	if m := q.Get("matrix"); m != "" {
		rows, cols, ok := strings.Cut(strings.ToUpper(m), "X")
		if !ok {
			return req, rodedraad.Errorf(rodedraad.EINVALID, "matrix %q: want ROWSxCOLUMNS, such as THEMExSECTOR", m)
		}
		req.Rows, req.Columns = analysis.Dimension(rows), analysis.Dimension(cols)
		if req.Table == "" {
			req.Table = "matrix"
		}
	}
	req.Scope = analysis.ParseScope(q.Get("themes"), q.Get("documents"), q.Get("scenarios"), q.Get("statuses"))
	return req, req.Validate()
}

// FileName is the download's name: rodedraad-<table or graph>.<format>.
func FileName(r Request) string {
	what := "graph"
	if r.Table != "" {
		what = r.Table
	}
	if r.Table == "matrix" {
		what = strings.ToLower(string(r.Rows) + "-" + string(r.Columns))
	}
	ext := r.Format
	return "rodedraad-" + what + "." + ext
}

func statusOf(err error) int {
	var de *rodedraad.Error
	if errors.As(err, &de) {
		switch de.Code {
		case rodedraad.EINVALID:
			return http.StatusBadRequest
		case rodedraad.ENOTFOUND:
			return http.StatusNotFound
		case rodedraad.EUNAVAILABLE:
			return http.StatusServiceUnavailable
		}
	}
	return http.StatusInternalServerError
}
