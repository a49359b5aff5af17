package proposition

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Record is what a later draft compares against to say what changed: the
// red-thread clusters with their members and the state of every conflict,
// at one graph version. It is small (ids only), so the service can keep
// one per version and scope.
type Record struct {
	GraphVersion int64                              `json:"graphVersion"`
	Threads      map[string][]string                `json:"threads"`
	Conflicts    map[string]rodedraad.ConflictState `json:"conflicts"`
}

// NewRecord records the red thread and the conflicts' states of a report.
func NewRecord(version int64, r *analysis.Report, cs []*rodedraad.Conflict) Record {
	rec := Record{GraphVersion: version, Threads: map[string][]string{}, Conflicts: map[string]rodedraad.ConflictState{}}
	for _, c := range r.Consensus.ClusterCandidates {
		rec.Threads[c.ID] = c.Members
	}
	for _, c := range cs {
		rec.Conflicts[c.ID] = cmp.Or(c.State, rodedraad.ConflictOpen)
	}
	return rec
}

// Marshal and UnmarshalRecord store a record as JSON.
func (r Record) Marshal() string {
	b, _ := json.Marshal(r)
	return string(b)
}

// UnmarshalRecord reads a record stored by Marshal. EINTERNAL when it is
// not one.
func UnmarshalRecord(s string) (*Record, error) {
	var r Record
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return nil, rodedraad.Errorf(rodedraad.EINTERNAL, "stored draft record: %v", err)
	}
	return &r, nil
}

// Changes lists what differs from an earlier draft.
type Changes struct {
	Since      int64       `json:"since"`
	Statements []Statement `json:"statements"`
}

// changes compares the current red thread and conflicts with prev: new
// and vanished clusters, clusters that gathered more wordings, and
// conflicts whose state the team changed.
func (b *builder) changes(prev *Record) *Changes {
	cur := NewRecord(b.in.GraphVersion, b.in.Report, b.in.Conflicts)
	ch := &Changes{Since: prev.GraphVersion, Statements: []Statement{}}
	for _, id := range sortedKeys(cur.Threads) {
		ch.Statements = append(ch.Statements, b.threadChange(id, cur.Threads[id], prev.Threads)...)
	}
	for _, id := range sortedKeys(prev.Threads) {
		if !sharesMember(prev.Threads[id], cur.Threads) {
			live := b.live(prev.Threads[id])
			ch.Statements = append(ch.Statements, b.stmt(b.f("c.removed", b.title(id)), live...))
		}
	}
	for _, id := range sortedKeys(cur.Conflicts) {
		was, ok := prev.Conflicts[id]
		if now := cur.Conflicts[id]; ok && was != now {
			ch.Statements = append(ch.Statements, b.stmt(b.f("c.state", id, b.w(string(was)), b.w(string(now))), id))
		}
	}
	if len(ch.Statements) == 0 {
		ch.Statements = append(ch.Statements, b.stmt(b.w("c.none")))
	}
	return ch
}

// threadChange says whether the current cluster id is new, or gathered
// members that no earlier cluster sharing a member had.
func (b *builder) threadChange(id string, members []string, prev map[string][]string) []Statement {
	var before []string
	for _, ms := range prev {
		if overlap(ms, members) {
			before = append(before, ms...)
		}
	}
	if len(before) == 0 {
		return []Statement{b.stmt(b.f("c.added", b.title(id)), members...)}
	}
	var added []string
	for _, m := range members {
		if !slices.Contains(before, m) {
			added = append(added, m)
		}
	}
	if len(added) == 0 {
		return nil
	}
	return []Statement{b.stmt(b.f("c.grew", b.title(id), strings.Join(added, ", ")), members...)}
}

// live keeps the ids still in the graph, so that a citation resolves.
func (b *builder) live(ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := b.in.Graph.Node(id); ok {
			out = append(out, id)
		}
	}
	return out
}

func sharesMember(members []string, threads map[string][]string) bool {
	for _, ms := range threads {
		if overlap(ms, members) {
			return true
		}
	}
	return false
}

func overlap(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
