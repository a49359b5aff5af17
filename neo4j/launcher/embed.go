// Package launcher carries the sources of the Java launcher that runs the
// project's own Neo4j (pom.xml and Launcher.java), embedded so that the
// rodedraad binary can start Neo4j from any working directory.
package launcher

import _ "embed"

// Pom is pom.xml: the Neo4j artifacts and their version.
//
//go:embed pom.xml
var Pom []byte

// Source is Launcher.java, compiled against the classpath Maven resolves.
//
//go:embed Launcher.java
var Source []byte

// ReadyPrefix starts the line Launcher prints on stdout once Bolt listens.
// It must match Launcher.READY_PREFIX.
const ReadyPrefix = "rodedraad-neo4j ready "

// DefaultNeo4jVersion is the neo4j.version property of pom.xml.
const DefaultNeo4jVersion = "5.26.30"
