package analysis_test

import (
	"reflect"
	"testing"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestParseScope(t *testing.T) {
	tests := []struct {
		name                                   string
		themes, documents, scenarios, statuses string
		want                                   analysis.Scope
	}{
		{"Empty", "", "", "", "", analysis.Scope{}},
		{"Lists", "T2, H", "D01", "SC1.1,SC1.2", "accepted,Proposed", analysis.Scope{
			Themes: []string{"T2", "H"}, Documents: []string{"D01"}, Scenarios: []string{"SC1.1", "SC1.2"},
			Statuses: []rodedraad.Status{rodedraad.StatusAccepted, rodedraad.StatusProposed}}},
		{"EmptyItemsSkipped", ",T3,, ", "", "", " ,", analysis.Scope{Themes: []string{"T3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := analysis.ParseScope(tt.themes, tt.documents, tt.scenarios, tt.statuses); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
