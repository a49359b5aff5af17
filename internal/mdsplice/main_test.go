package main

import (
	"strings"
	"testing"
)

func TestSplice(t *testing.T) {
	doc := "# Title\n\n<!-- BEGIN a (generated) -->\nold a\n<!-- END a -->\n\ntext\n<!-- BEGIN b -->\nold b\n<!-- END b -->\nend\n"
	tests := []struct {
		name, gen, want, wantErr string
	}{
		{name: "ReplacesEachRegion",
			gen:  "<!-- BEGIN a (generated) -->\nnew a\n<!-- END a -->\n<!-- BEGIN b -->\nnew b\n<!-- END b -->\n",
			want: "# Title\n\n<!-- BEGIN a (generated) -->\nnew a\n<!-- END a -->\n\ntext\n<!-- BEGIN b -->\nnew b\n<!-- END b -->\nend\n"},
		{name: "LeavesOtherRegions", gen: "<!-- BEGIN b -->\nnew b\n<!-- END b -->\n",
			want: strings.Replace(doc, "old b", "new b", 1)},
		{name: "ErrNoRegionOnStdin", gen: "just text\n", wantErr: "no <!-- BEGIN"},
		{name: "ErrUnknownRegion", gen: "<!-- BEGIN c -->\nc\n<!-- END c -->\n", wantErr: `no region "c"`},
		{name: "ErrUnclosed", gen: "<!-- BEGIN a -->\na\n", wantErr: `"a" on stdin has no <!-- END a -->`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := splice(doc, tt.gen)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("splice = %v, want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("splice = %q, %v\nwant %q", got, err, tt.want)
			}
		})
	}
}
