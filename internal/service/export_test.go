package service

import "github.com/rodedraad/rodedraad/internal/analysis"

// NewForSnapshots returns a service whose analyses read from snap only.
func NewForSnapshots(snap Snapshotter) *Service { return &Service{snap: snap} }

// HoldAnalyses makes the service compute reports with f.
func (s *Service) HoldAnalyses(f func(*analysis.Graph, analysis.Scope, analysis.Options) (*analysis.Report, error)) {
	s.analyse = f
}
