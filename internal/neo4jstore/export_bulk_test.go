package neo4jstore

import (
	"context"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// BulkLoadRows is BulkLoad with rows per statement (below 0: a whole kind
// in one statement), for the benchmark that compares batch sizes.
func BulkLoadRows(ctx context.Context, s *Store, b *rodedraad.Bundle, rows int) error {
	return s.bulkLoad(ctx, b, nil, batchRows(rows))
}

// BulkLoadPartsOf is BulkLoadParts with rows per statement and at most part
// rows per transaction, so that a test can load a small bundle in parts.
func BulkLoadPartsOf(ctx context.Context, s *Store, b *rodedraad.Bundle, rows, part int, progress func(done, total int)) error {
	return s.bulkLoadParts(ctx, b, progress, rows, part)
}
