package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// dryRun rolls an import back once its changes are known.
type dryRun struct{ changes []rodedraad.Change }

func (*dryRun) Error() string { return "dry run: nothing written" }

// maxNamed caps how many items a refusal names.
const maxNamed = 20

// importAudit lists an import's nodes and edges as audit targets and, in
// upsert mode, refuses to overwrite items a person changed since they were
// loaded unless opts.Overwrite; a dry run stops after the diff.
func importAudit(b *rodedraad.Bundle, nodes []rodedraad.Node, opts rodedraad.ImportOptions) audit {
	targets := importTargets(b, nodes)
	changes := new([]rodedraad.Change)
	guard := !opts.Overwrite && !opts.KeepExisting && !opts.CreateOnly
	check := func(ctx context.Context, tx neo4j.ManagedTransaction, cs []rodedraad.Change) error {
		if guard {
			if err := refuseHandEdits(ctx, tx, cs); err != nil {
				return err
			}
		}
		if opts.DryRun {
			return &dryRun{changes: cs}
		}
		return nil
	}
	return audit{op: "import", targets: targets, check: check, changes: changes}
}

// refuseHandEdits is a CONFLICT naming the updated items whose last change
// was a person's.
func refuseHandEdits(ctx context.Context, tx neo4j.ManagedTransaction, cs []rodedraad.Change) error {
	var keys []string
	for _, c := range cs {
		if c.Action == "updated" {
			keys = append(keys, c.Target)
		}
	}
	edited, err := editedByHand(ctx, tx, keys)
	if err != nil || len(edited) == 0 {
		return err
	}
	named := edited
	more := ""
	if len(named) > maxNamed {
		named, more = named[:maxNamed], fmt.Sprintf(" en nog %d / and %d more", len(edited)-maxNamed, len(edited)-maxNamed)
	}
	return rodedraad.Errorf(rodedraad.ECONFLICT,
		"niets geladen: %d item(s) zijn met de hand gewijzigd sinds ze geladen zijn / nothing loaded: %d item(s) were changed by hand since they were loaded: %s%s; overwrite them with --overwrite (importBundle overwrite: true)",
		len(edited), len(edited), strings.Join(named, ", "), more)
}

// importResult counts created, updated and unchanged items per kind.
func importResult(b *rodedraad.Bundle, nodes []rodedraad.Node, targets []target, changes []rodedraad.Change) rodedraad.ImportResult {
	kindOf := make(map[string]string, len(targets))
	for i, t := range targets {
		if i < len(nodes) {
			kindOf[t.key()] = string(nodes[i].NodeLabel())
		} else {
			kindOf[t.key()] = t.rel
		}
	}
	action := make(map[string]string, len(changes))
	for _, c := range changes {
		action[c.Target] = c.Action
	}
	kinds := map[string]rodedraad.KindCounts{}
	for key, kind := range kindOf {
		k := kinds[kind]
		switch action[key] {
		case "created":
			k.Created++
		case "updated":
			k.Updated++
		default:
			k.Unchanged++
		}
		kinds[kind] = k
	}
	return rodedraad.ImportResult{Nodes: len(nodes), Edges: len(b.Edges), Kinds: kinds, Changes: changes}
}
