package service

// NewForSnapshots returns a service whose analyses read from snap only.
func NewForSnapshots(snap Snapshotter) *Service { return &Service{snap: snap} }
