package rodedraad_test

import (
	"testing"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// TestReviewRef_Validate accepts one node or one edge of a known type and
// names what is wrong otherwise.
func TestReviewRef_Validate(t *testing.T) {
	tests := []struct {
		name string
		ref  rodedraad.ReviewRef
		ok   bool
	}{
		{"Node", rodedraad.ReviewRef{ID: "R-1"}, true},
		{"Edge", rodedraad.ReviewRef{Type: rodedraad.RelAddresses, From: "R-1", To: "T1"}, true},
		{"Both", rodedraad.ReviewRef{ID: "R-1", Type: rodedraad.RelAddresses, From: "R-1", To: "T1"}, false},
		{"EdgeWithoutEnd", rodedraad.ReviewRef{Type: rodedraad.RelAddresses, From: "R-1"}, false},
		{"Nothing", rodedraad.ReviewRef{}, false},
		{"UnknownType", rodedraad.ReviewRef{Type: "LIKES]->() DETACH DELETE (x", From: "R-1", To: "T1"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.ref.Validate()
			if tt.ok != (err == nil) {
				t.Fatalf("Validate() = %v, want ok %v", err, tt.ok)
			}
			if err != nil && rodedraad.ErrorCode(err) != rodedraad.EINVALID {
				t.Errorf("Validate() = %v, want BAD_USER_INPUT", err)
			}
		})
	}
}
