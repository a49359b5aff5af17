package rodedraad_test

import (
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func vote(who string, s rodedraad.Status) rodedraad.ReviewVote {
	return rodedraad.ReviewVote{Reviewer: who, Status: s}
}

const (
	acc = rodedraad.StatusAccepted
	rej = rodedraad.StatusRejected
)

func TestVotes_Cast(t *testing.T) {
	tests := []struct {
		name       string
		before     rodedraad.Votes
		vote       rodedraad.ReviewVote
		wantVotes  int
		wantStatus rodedraad.Status // "" : the item's status stays
		wantCode   string
		wantMsg    string
	}{
		{"FirstDecisionChangesNothing", nil, vote("anna", acc), 1, "", "", ""},
		{"SecondAgreesSettles", rodedraad.Votes{vote("anna", rej)}, vote("bram", rej), 2, rej, "", ""},
		{"SecondDisagreesWaits", rodedraad.Votes{vote("anna", acc)}, vote("bram", rej), 2, "", "", ""},
		{"SameReviewerTwiceCountsOnce", rodedraad.Votes{vote("anna", acc)}, vote("anna", rej), 1, "", "", ""},
		{"ThirdSettlesDisagreement", rodedraad.Votes{vote("anna", acc), vote("bram", rej)}, vote("cees", rej), 3, rej, "", ""},
		{"ErrOneOfTheTwoCannotSettle", rodedraad.Votes{vote("anna", acc), vote("bram", rej)}, vote("bram", acc), 2, "",
			rodedraad.EFORBIDDEN, `"bram" is one of them`},
		{"ErrSettledByAgreement", rodedraad.Votes{vote("anna", acc), vote("bram", acc)}, vote("cees", rej), 2, "",
			rodedraad.ECONFLICT, "decided already (ACCEPTED, by anna, bram)"},
		{"ErrSettledByThird", rodedraad.Votes{vote("anna", acc), vote("bram", rej), vote("cees", acc)}, vote("dirk", rej), 3, "",
			rodedraad.ECONFLICT, "decided already"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, status, err := tt.before.Cast(tt.vote)
			if code := rodedraad.ErrorCode(err); err != nil && code != tt.wantCode || err == nil && tt.wantCode != "" {
				t.Fatalf("error %v (%s), want code %q", err, code, tt.wantCode)
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q does not say %q", err, tt.wantMsg)
			}
			if len(got) != tt.wantVotes || status != tt.wantStatus {
				t.Errorf("votes %v, status %q; want %d votes, status %q", got, status, tt.wantVotes, tt.wantStatus)
			}
		})
	}
	t.Run("SameReviewerReplacesOwnDecision", func(t *testing.T) {
		got, _, _ := rodedraad.Votes{vote("anna", acc)}.Cast(vote("anna", rej))
		if got[0].Status != rej {
			t.Errorf("anna's decision is %s, want her second, REJECTED", got[0].Status)
		}
	})
	t.Run("DoesNotChangeTheVotesItWasGiven", func(t *testing.T) {
		before := rodedraad.Votes{vote("anna", acc)}
		_, _, _ = before.Cast(vote("anna", rej))
		_, _, _ = before.Cast(vote("bram", rej))
		if len(before) != 1 || before[0].Status != acc {
			t.Errorf("before changed to %v", before)
		}
	})
}

func TestParseReviewMode(t *testing.T) {
	for in, want := range map[string]rodedraad.ReviewMode{"": rodedraad.ReviewSingle, "single": rodedraad.ReviewSingle, " Dual ": rodedraad.ReviewDual} {
		if got, err := rodedraad.ParseReviewMode(in); err != nil || got != want {
			t.Errorf("ParseReviewMode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := rodedraad.ParseReviewMode("triple"); rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), "triple") {
		t.Errorf("ParseReviewMode(triple) = %v, want BAD_USER_INPUT naming it", err)
	}
}
