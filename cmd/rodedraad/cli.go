package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rodedraad/rodedraad/internal/config"
)

// command is one subcommand of the binary. Each has its own flag set: the
// settings it takes (config.For its name) and the flags setup defines.
type command struct {
	name    string // as typed: "serve", "neo4j start"
	args    string // its positional arguments for the usage line, e.g. "FILE"; "" for none
	summary string // what it does, one line
	// setup defines the command's own flags on fs and returns what runs it.
	setup func(fs *flag.FlagSet) runFunc
}

// runFunc runs one command once its flags are parsed.
type runFunc func(ctx context.Context, in invocation) error

// invocation is one call of a command: its parsed settings, its positional
// arguments and the process's environment and output.
type invocation struct {
	cfg            config.Config
	args           []string
	getenv         func(string) string
	stdout, stderr io.Writer
}

// commands lists every subcommand in the order help shows them. It is filled
// in init because help's own setup reads it.
var commands []command

func init() {
	commands = []command{
		{name: "serve", setup: setupServe,
			summary: "start Neo4j if NEO4J_URI is unset, migrate, load the seeds when changed and serve GraphQL"},
		{name: "migrate", setup: setupMigrate, summary: "create the constraints and indexes (serve does this too)"},
		{name: "seed", setup: setupSeed,
			summary: "load the embedded IJmond seeds (idempotent); --check validates them without a database"},
		{name: "import", args: "FILE", setup: setupImport,
			summary: "load a bundle file (YAML or JSON, docs/seed-format.md) in one transaction; a bad file writes nothing"},
		{name: "ingest", args: "PATH...", setup: setupIngest,
			summary: "read documents (PDF, HTML, DOCX, text, Markdown; files or folders) into PROPOSED recommendations grounded in their text"},
		{name: "aggregate", setup: setupAggregate,
			summary: "propose OVERLAPS, SUPPORTS and CONFLICTS_WITH links between recommendations of different documents, for review"},
		{name: "report", setup: setupReport,
			summary: "print the briefing for the study team: conflicts, sides, sources and decisions, as text, md, html or json, in Dutch (--lang nl) or English, over a scope (--themes, ...)"},
		{name: "export", setup: setupExport,
			summary: "write the graph as GraphML or GEXF (Gephi, yEd), a CSV table (nodes, edges, contradictions, a matrix) or JSON, over a scope"},
		{name: "proposition", setup: setupProposition,
			summary: "write the draft of the shared proposition (Markdown, HTML, DOCX or JSON, Dutch or English), every statement cited; --since VERSION says what changed"},
		{name: "neo4j start", setup: setupNeo4j("start"),
			summary: "start the project's own Neo4j in the background; prints its Bolt URI when ready"},
		{name: "neo4j stop", setup: setupNeo4j("stop"), summary: "stop the project's own Neo4j; fine when it is not running"},
		{name: "neo4j status", setup: setupNeo4j("status"),
			summary: "say whether the project's own Neo4j runs, where, and its pid"},
		{name: "token create", args: "NAME", setup: setupTokenCreate,
			summary: "make an API token with a role (reader, editor, admin) and print its secret once; only its hash is stored"},
		{name: "token list", setup: setupTokenList, summary: "list the API tokens, revoked ones too, without their secrets"},
		{name: "token revoke", args: "ID|NAME", setup: setupTokenRevoke, summary: "revoke an API token at once"},
		{name: "help", args: "[COMMAND]", setup: setupHelp,
			summary: "print this help, or one command's; --markdown prints the README's command and settings tables"},
	}
}

// findCommand returns the command that args start with and the arguments
// after its name. The neo4j commands take two words.
func findCommand(args []string) (command, []string, error) {
	name, rest := args[0], args[1:]
	if name == "neo4j" {
		if len(rest) == 0 || isHelp(rest[0]) {
			return command{}, nil, errNeo4jUsage
		}
		name, rest = "neo4j "+rest[0], rest[1:]
	}
	if name == "token" {
		if len(rest) == 0 || isHelp(rest[0]) {
			return command{}, nil, errTokenUsage
		}
		name, rest = "token "+rest[0], rest[1:]
	}
	for _, c := range commands {
		if c.name == name {
			return c, rest, nil
		}
	}
	return command{}, nil, fmt.Errorf("unknown command %q", name)
}

// errNeo4jUsage asks for the list of neo4j commands.
var errNeo4jUsage = errors.New("neo4j: give a command: start, stop or status")

func isHelp(arg string) bool {
	switch arg {
	case "help", "-h", "-help", "--help":
		return true
	}
	return false
}

// flagSet builds c's flag set over getenv and returns it, the run function,
// the configuration the flags write into, and any bad environment variable.
func (c command) flagSet(getenv func(string) string) (*flag.FlagSet, runFunc, *config.Config, error) {
	fs := flag.NewFlagSet("rodedraad "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors and help itself
	fs.Usage = func() {}
	runner := c.setup(fs)
	cfg := &config.Config{}
	err := config.Bind(fs, cfg, getenv, config.For(c.name))
	return fs, runner, cfg, err
}

// parse parses c's flags in args, which may come before, between and after
// the positional arguments, and checks the settings. On -h or --help it
// prints c's help to stdout and returns flag.ErrHelp.
func (c command) parse(args []string, in *invocation) (runFunc, error) {
	fs, runner, cfg, envErr := c.flagSet(in.getenv)
	positional, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return nil, c.writeHelp(in.stdout, fs)
	case err != nil:
		return nil, fmt.Errorf("%s: %w (see rodedraad %s --help)", c.name, err, c.name)
	case envErr != nil:
		return nil, envErr
	case c.args == "" && len(positional) > 0:
		return nil, fmt.Errorf("%s: unexpected argument %q", c.name, positional[0])
	}
	in.cfg, in.args = *cfg, positional
	return runner, cfg.Validate()
}

// parseInterspersed parses fs's flags wherever they stand in args and returns
// the other arguments in order: `import plans.yaml --log-level warn` works as
// well as `import --log-level warn plans.yaml`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// writeHelp prints c's usage line, summary and flags, and returns
// flag.ErrHelp so the caller stops without failing.
func (c command) writeHelp(w io.Writer, fs *flag.FlagSet) error {
	fmt.Fprintf(w, "usage: rodedraad %s [flags]%s\n\n%s\n", c.name, prefixed(" ", c.args), c.summary)
	settings := config.For(c.name)
	own := ownFlags(fs, settings)
	if len(own) > 0 {
		fmt.Fprintln(w, "\nflags:")
		for _, f := range own {
			fmt.Fprintf(w, "  --%s%s\n      %s\n", f.Name, flagDefault(f), f.Usage)
		}
	}
	if len(settings) > 0 {
		fmt.Fprintln(w, "\nsettings (flag or environment variable; the flag wins):")
		_ = config.WriteUsage(w, settings)
	}
	return flag.ErrHelp
}

// ownFlags returns the flags of fs that are not settings, in the order
// flag.VisitAll gives (by name).
func ownFlags(fs *flag.FlagSet, settings []config.Setting) []*flag.Flag {
	isSetting := map[string]bool{}
	for _, s := range settings {
		isSetting[s.Flag] = true
	}
	var own []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if !isSetting[f.Name] {
			own = append(own, f)
		}
	})
	return own
}

func flagDefault(f *flag.Flag) string {
	switch f.DefValue {
	case "", "false":
		return ""
	}
	return fmt.Sprintf(" (default %s)", f.DefValue)
}

func prefixed(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// writeUsage prints the list of commands and every setting.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "usage: rodedraad <command> [flags]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-22s %s\n", c.name+prefixed(" ", c.args), c.summary)
	}
	fmt.Fprint(w, "\n`rodedraad <command> --help` lists the flags of one command.\n\n"+
		"settings (flag or environment variable; the flag wins):\n")
	_ = config.WriteUsage(w, config.Settings())
}

// setupHelp is `rodedraad help [COMMAND] [--markdown]`.
func setupHelp(fs *flag.FlagSet) runFunc {
	markdown := fs.Bool("markdown", false, "print the README's generated tables (commands and settings) as Markdown")
	return func(_ context.Context, in invocation) error {
		switch {
		case *markdown:
			return writeMarkdown(in.stdout)
		case len(in.args) == 0:
			writeUsage(in.stdout)
			return nil
		}
		c, _, err := findCommand(in.args)
		if errors.Is(err, errNeo4jUsage) {
			return neo4jUsage([]string{"help"}, in.stdout, in.stderr)
		}
		if err != nil {
			return err
		}
		fs, _, _, _ := c.flagSet(in.getenv)
		_ = c.writeHelp(in.stdout, fs) // its flag.ErrHelp only matters to parse
		return nil
	}
}

// writeMarkdown prints the README's generated parts, each between the marker
// comments that internal/mdsplice replaces.
func writeMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("<!-- BEGIN commands (generated by `rodedraad help --markdown`: edit cmd/rodedraad/cli.go) -->\n")
	b.WriteString("| command | what it does | its own flags |\n|---|---|---|\n")
	for _, c := range commands {
		fs, _, _, _ := c.flagSet(func(string) string { return "" })
		var own []string
		for _, f := range ownFlags(fs, config.For(c.name)) {
			own = append(own, "`--"+f.Name+"`")
		}
		fmt.Fprintf(&b, "| `rodedraad %s` | %s | %s |\n", c.name+prefixed(" ", c.args), c.summary, strings.Join(own, " "))
	}
	b.WriteString("<!-- END commands -->\n")
	b.WriteString("<!-- BEGIN settings (generated by `rodedraad help --markdown`: edit internal/config/settings.go) -->\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if err := config.WriteMarkdown(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "<!-- END settings -->\n")
	return err
}
