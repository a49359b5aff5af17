package config

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteUsage writes settings as an aligned plain-text table for --help.
func WriteUsage(w io.Writer, settings []Setting) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  FLAG\tENV\tDEFAULT\tDESCRIPTION")
	for _, s := range settings {
		fmt.Fprintf(tw, "  --%s\t%s\t%s\t%s\n", s.Flag, s.Env, shown(s.Default), s.Description)
	}
	return tw.Flush()
}

// WriteMarkdown writes every setting as a Markdown table for the README, with
// the commands that take it.
func WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| flag | environment | default | description | commands |\n|---|---|---|---|---|\n")
	for _, s := range Settings() {
		fmt.Fprintf(&b, "| `--%s` | `%s` | %s | %s | %s |\n",
			s.Flag, s.Env, mdCode(s.Default), s.Description, commandList(s.Commands))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// commandList joins commands, writing the subcommands of neo4j and token
// as one each: "serve, token create/list/revoke, neo4j start/stop".
func commandList(commands []string) string {
	var out []string
	subs := map[string][]string{}
	for _, c := range commands {
		if parent, sub, ok := strings.Cut(c, " "); ok && (parent == "neo4j" || parent == "token") {
			subs[parent] = append(subs[parent], sub)
			continue
		}
		out = append(out, c)
	}
	for _, parent := range []string{"token", "neo4j"} {
		if len(subs[parent]) > 0 {
			out = append(out, parent+" "+strings.Join(subs[parent], "/"))
		}
	}
	return strings.Join(out, ", ")
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
