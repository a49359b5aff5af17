package config

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteUsage writes the settings as an aligned plain-text table for --help.
func WriteUsage(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FLAG\tENV\tDEFAULT\tDESCRIPTION")
	for _, s := range Settings() {
		fmt.Fprintf(tw, "--%s\t%s\t%s\t%s\n", s.Flag, s.Env, shown(s.Default), s.Description)
	}
	return tw.Flush()
}

// WriteMarkdown writes the settings as a Markdown table for the README.
func WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| flag | environment | default | description |\n|---|---|---|---|\n")
	for _, s := range Settings() {
		fmt.Fprintf(&b, "| `--%s` | `%s` | %s | %s |\n", s.Flag, s.Env, mdCode(s.Default), s.Description)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func shown(def string) string {
	if def == "" {
		return `""`
	}
	return def
}

func mdCode(def string) string {
	if def == "" {
		return "(empty)"
	}
	return "`" + def + "`"
}
