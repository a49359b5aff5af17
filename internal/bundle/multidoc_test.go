package bundle_test

import (
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/bundle"
)

func TestParse_MultiDocument(t *testing.T) {
	tests := []struct {
		name, data string
		wantErr    bool
	}{
		{"OneDocument", "themes:\n  - id: T1\n    name: Eén\n", false},
		{"TrailingSeparator", "themes:\n  - id: T1\n    name: Eén\n---\n", false},
		{"TwoDocuments", "themes:\n  - id: T1\n    name: Eén\n---\nthemes:\n  - id: T2\n    name: Twee\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := bundle.Parse("b.yaml", []byte(tt.data))
			if (err != nil) != tt.wantErr {
				t.Fatalf("Parse = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && (!strings.Contains(err.Error(), "b.yaml:4") || !strings.Contains(err.Error(), "more than one YAML document")) {
				t.Errorf("error %q does not name the file, the line of the second document and the cause", err)
			}
		})
	}
}
