package analysis

// Old names kept as aliases only so that gqlgen.yml and the generated code,
// which bind to them, keep compiling until they move to the new names. Use
// Report and CoherenceIndexes.
type (
	Coherence  = Report
	Coherences = CoherenceIndexes
)
