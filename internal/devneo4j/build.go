package devneo4j

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/neo4j/launcher"
)

const (
	launcherClass = "Launcher"
	installHint   = "install a JDK 17 and Maven (apt-get install openjdk-17-jdk-headless maven)"
)

// build is a compiled launcher: the folder of Launcher.class and the
// classpath of Neo4j's jars in the local Maven repository.
type build struct {
	Classes   string
	Classpath string
}

// prepare returns a compiled launcher for o, resolving Neo4j with Maven and
// compiling with javac only when the cache under o.Dir lacks them.
func prepare(ctx context.Context, o Options) (build, error) {
	pom, src, err := launcherSources(o.LauncherDir)
	if err != nil {
		return build{}, err
	}
	if err := checkJava(ctx); err != nil {
		return build{}, err
	}
	dir := filepath.Join(o.Dir, "launcher", sourceHash(pom, src, o.Neo4jVersion))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return build{}, fmt.Errorf("launcher cache: %w", err)
	}
	for name, data := range map[string][]byte{"pom.xml": pom, launcherClass + ".java": src} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return build{}, fmt.Errorf("launcher cache: %w", err)
		}
	}
	cp, err := classpath(ctx, o, dir)
	if err != nil {
		return build{}, err
	}
	classes, err := compile(ctx, dir, cp)
	if err != nil {
		return build{}, err
	}
	return build{Classes: classes, Classpath: cp}, nil
}

// launcherSources reads pom.xml and Launcher.java from dir, or returns the
// copies built into the binary when dir is empty.
func launcherSources(dir string) (pom, src []byte, err error) {
	if dir == "" {
		return launcher.Pom, launcher.Source, nil
	}
	if pom, err = os.ReadFile(filepath.Join(dir, "pom.xml")); err == nil {
		src, err = os.ReadFile(filepath.Join(dir, launcherClass+".java"))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("launcher sources: %w", err)
	}
	return pom, src, nil
}

func sourceHash(pom, src []byte, version string) string {
	h := sha256.New()
	for _, b := range [][]byte{pom, {0}, src, {0}, []byte(version)} {
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

var javaVersion = regexp.MustCompile(`version "(\d+)(?:\.(\d+))?`)

// checkJava makes sure java and javac are on PATH and java is 17 or newer.
func checkJava(ctx context.Context) error {
	for _, tool := range []string{"java", "javac"} {
		if _, err := exec.LookPath(tool); err != nil {
			return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "%s not found on PATH: %s", tool, installHint)
		}
	}
	out, err := exec.CommandContext(ctx, "java", "-version").CombinedOutput()
	if err != nil {
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "java -version failed (%v): %s", err, installHint)
	}
	if major := parseJavaMajor(string(out)); major < 17 {
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE,
			"Neo4j %s needs Java 17 or 21, PATH has %q: %s", DefaultNeo4jVersion, firstLine(string(out)), installHint)
	}
	return nil
}

// parseJavaMajor reads the major version from `java -version` output: "1.8.0"
// is 8, "17.0.15" is 17; 0 when it cannot tell.
func parseJavaMajor(out string) int {
	m := javaVersion.FindStringSubmatch(out)
	if m == nil {
		return 0
	}
	major, _ := strconv.Atoi(m[1])
	if major == 1 && m[2] != "" {
		major, _ = strconv.Atoi(m[2])
	}
	return major
}

// classpath returns the cached classpath in dir when all its jars still exist,
// and otherwise resolves it with Maven, downloading on a fresh machine.
func classpath(ctx context.Context, o Options, dir string) (string, error) {
	file := filepath.Join(dir, "classpath.txt")
	if cp, err := os.ReadFile(file); err == nil && jarsExist(string(cp)) {
		return string(cp), nil
	}
	if _, err := exec.LookPath("mvn"); err != nil {
		return "", rodedraad.Errorf(rodedraad.EUNAVAILABLE, "mvn not found on PATH: %s", installHint)
	}
	fmt.Fprintf(o.Progress, "Resolving Neo4j %s with Maven (downloads about 150 MB into ~/.m2 unless it is there already)\n", o.Neo4jVersion)
	mvnLog := filepath.Join(dir, "mvn.log")
	logf, err := os.Create(mvnLog)
	if err != nil {
		return "", fmt.Errorf("maven log: %w", err)
	}
	defer logf.Close()
	// -B prints one "Downloaded from central" line per artifact instead of
	// redrawing a progress bar, which reads well in logs and CI too.
	cmd := exec.CommandContext(ctx, "mvn", "-B", "-f", filepath.Join(dir, "pom.xml"),
		"-Dstyle.color=never", "dependency:build-classpath",
		"-Dmdep.outputFile="+file+".tmp", "-Dneo4j.version="+o.Neo4jVersion)
	cmd.Dir = dir
	cmd.Stdout = io.MultiWriter(o.Progress, logf)
	cmd.Stderr = cmd.Stdout
	if err := cmd.Run(); err != nil {
		return "", rodedraad.Errorf(rodedraad.EUNAVAILABLE,
			"Maven could not resolve Neo4j %s (%v); see %s. Check access to Maven Central (proxies go in ~/.m2/settings.xml)",
			o.Neo4jVersion, err, mvnLog)
	}
	if err := os.Rename(file+".tmp", file); err != nil {
		return "", fmt.Errorf("classpath: %w", err)
	}
	cp, err := os.ReadFile(file)
	return string(cp), err
}

func jarsExist(cp string) bool {
	if strings.TrimSpace(cp) == "" {
		return false
	}
	for _, jar := range filepath.SplitList(cp) {
		if _, err := os.Stat(jar); err != nil {
			return false
		}
	}
	return true
}

// compile compiles Launcher.java in dir into dir/classes unless done before.
func compile(ctx context.Context, dir, cp string) (string, error) {
	classes := filepath.Join(dir, "classes")
	if _, err := os.Stat(filepath.Join(classes, launcherClass+".class")); err == nil {
		return classes, nil
	}
	tmp := classes + ".tmp"
	_ = os.RemoveAll(tmp)
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, "javac", "-d", tmp, "-cp", cp, filepath.Join(dir, launcherClass+".java"))
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("compile launcher: %v\n%s", err, out.String())
	}
	if err := os.Rename(tmp, classes); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("compile launcher: %w", err)
	}
	return classes, nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
