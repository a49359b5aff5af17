package rodedraad

import "slices"

// Label is a node label. Only the labels below exist; the store takes labels
// from this list and never from user input.
type Label string

const (
	LabelDocument       Label = "Document"
	LabelRecommendation Label = "Recommendation"
	LabelActor          Label = "Actor"
	LabelTheme          Label = "Theme"
	LabelScenario       Label = "Scenario"
	LabelConflict       Label = "Conflict"
)

// Labels lists every node label.
var Labels = []Label{LabelDocument, LabelRecommendation, LabelActor, LabelTheme, LabelScenario, LabelConflict}

// IDPrefix is the prefix of generated ids for each label.
var IDPrefix = map[Label]string{
	LabelDocument:       "D",
	LabelRecommendation: "R",
	LabelActor:          "A-",
	LabelTheme:          "T",
	LabelScenario:       "SC",
	LabelConflict:       "C",
}

// RelType is a relationship type.
type RelType string

const (
	RelContains      RelType = "CONTAINS"
	RelAuthored      RelType = "AUTHORED"
	RelAddresses     RelType = "ADDRESSES"
	RelAssignedTo    RelType = "ASSIGNED_TO"
	RelDescribes     RelType = "DESCRIBES"
	RelIncludes      RelType = "INCLUDES"
	RelSupports      RelType = "SUPPORTS"
	RelConflictsWith RelType = "CONFLICTS_WITH"
	RelOverlaps      RelType = "OVERLAPS"
	// SIDE_A and SIDE_B go from a conflict to the items of its two sides.
	RelSideA RelType = "SIDE_A"
	RelSideB RelType = "SIDE_B"
)

// RelTypes lists every relationship type.
var RelTypes = []RelType{
	RelContains, RelAuthored, RelAddresses, RelAssignedTo, RelDescribes,
	RelIncludes, RelSupports, RelConflictsWith, RelOverlaps, RelSideA, RelSideB,
}

// Endpoints are the allowed (from, to) label pairs of one relationship type.
type Endpoints [][2]Label

// Allows reports whether from→to is an allowed pair.
func (e Endpoints) Allows(from, to Label) bool {
	return slices.Contains(e, [2]Label{from, to})
}

// AllowedEndpoints is the graph's schema (docs/architecture.md): which labels each
// relationship type may connect, in its direction.
var AllowedEndpoints = map[RelType]Endpoints{
	RelContains:      {{LabelDocument, LabelRecommendation}},
	RelAuthored:      {{LabelActor, LabelDocument}},
	RelAddresses:     {{LabelRecommendation, LabelTheme}},
	RelAssignedTo:    {{LabelRecommendation, LabelActor}},
	RelDescribes:     {{LabelDocument, LabelScenario}},
	RelIncludes:      {{LabelScenario, LabelRecommendation}},
	RelSupports:      interactionEndpoints,
	RelConflictsWith: interactionEndpoints,
	RelOverlaps:      {{LabelRecommendation, LabelRecommendation}},
	RelSideA:         sideEndpoints,
	RelSideB:         sideEndpoints,
}

// sideEndpoints: a conflict's sides are recommendations or scenarios.
var sideEndpoints = Endpoints{{LabelConflict, LabelRecommendation}, {LabelConflict, LabelScenario}}

// interactionEndpoints are shared by SUPPORTS and CONFLICTS_WITH: between
// recommendations and scenarios (an interaction, with a score) or from an
// actor (a stance, without one).
var interactionEndpoints = Endpoints{
	{LabelRecommendation, LabelRecommendation},
	{LabelRecommendation, LabelScenario},
	{LabelScenario, LabelRecommendation},
	{LabelScenario, LabelScenario},
	{LabelActor, LabelRecommendation},
	{LabelActor, LabelScenario},
}

// Status is the review state of a node or an edge.
type Status string

const (
	StatusProposed Status = "PROPOSED"
	StatusAccepted Status = "ACCEPTED"
	StatusRejected Status = "REJECTED"
)

// Method says how a node or an edge came to be.
type Method string

const (
	MethodSeed       Method = "SEED"
	MethodManual     Method = "MANUAL"
	MethodRule       Method = "RULE"
	MethodSimilarity Method = "SIMILARITY"
	MethodLLM        Method = "LLM"
)

// MachineMade reports whether m is a method by which a machine, not a
// person, proposed an item.
func (m Method) MachineMade() bool {
	return m == MethodRule || m == MethodSimilarity || m == MethodLLM
}

// Enumerations of node properties. Each list is the set of valid values.
var (
	Statuses             = []string{"PROPOSED", "ACCEPTED", "REJECTED"}
	Methods              = []string{"SEED", "MANUAL", "RULE", "SIMILARITY", "LLM"}
	DocumentKinds        = []string{"PLAN", "VISION", "SCENARIO_STUDY", "RESEARCH_REPORT", "ADVICE", "ENVIRONMENT_SCAN", "POLICY_LETTER", "POSITION_PAPER", "AGREEMENT"}
	EvidenceLevels       = []string{"PRIMARY", "MIXED", "SECONDARY"}
	RecommendationKinds  = []string{"RECOMMENDATION", "CONCLUSION", "COMMITMENT", "GOAL", "POSITION"}
	RecommendationLevels = []string{"OBJECTIVE", "INSTRUMENT", "IMPLEMENTATION"}
	ActorKinds           = []string{"MUNICIPALITY", "PROVINCE", "NATIONAL_GOVERNMENT", "REGIONAL_AGENCY", "COMPANY", "KNOWLEDGE_INSTITUTION", "EDUCATION", "CIVIL_SOCIETY", "COLLABORATION"}
	Sectors              = []string{"PUBLIC", "PRIVATE", "KNOWLEDGE", "CIVIL"}
	ActorLevels          = []string{"LOCAL", "REGIONAL", "PROVINCIAL", "NATIONAL", "EUROPEAN"}
	AuthorRoles          = []string{"PUBLISHER", "COMMISSIONER", "AUTHOR"}
	Languages            = []string{"nl", "en"}
)

// EndorsingRoles are the AUTHORED roles whose actor endorses what its
// document contains: a PUBLISHER or AUTHOR stands behind it, a COMMISSIONER
// only asked for it.
var EndorsingRoles = []string{"PUBLISHER", "AUTHOR"}

// ReportedKinds are the recommendation kinds a document reports rather than
// stands behind: a CONCLUSION states a finding (often someone else's), so
// its document's authors do not endorse it. Every other kind
// (RECOMMENDATION, GOAL, COMMITMENT, POSITION) its authors do endorse.
var ReportedKinds = []string{"CONCLUSION"}

// AuthorsEndorse reports whether the PUBLISHER and AUTHOR actors of a
// document endorse a recommendation of this kind that the document contains.
func AuthorsEndorse(kind string) bool { return !slices.Contains(ReportedKinds, kind) }
