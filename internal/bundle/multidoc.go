package bundle

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// singleDocument refuses a YAML stream of more than one document: a bundle
// is one document, and loading only the first of several would report
// success while leaving the rest out. A trailing empty document is fine.
func singleDocument(name string, data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var first, next yaml.Node
	if err := dec.Decode(&first); err != nil {
		return nil // empty or malformed: Parse reports it
	}
	for {
		next = yaml.Node{}
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return nil // Parse reports the syntax error of the first
		}
		if !emptyDocument(&next) {
			return Errors{&Error{File: name, Line: next.Line, Message: "meer dan één YAML-document (---): een bundel is één document; voeg ze samen of laad ze apart / more than one YAML document (---): a bundle is one document; merge them or load each file on its own"}}
		}
	}
}

func emptyDocument(n *yaml.Node) bool {
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	return n.Kind == 0 || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}
