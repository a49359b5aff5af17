# rodedraad — every tool is a target. `make run` and `make test` are all a
# new user needs; both start the project's own Neo4j when they need one.

GO       ?= go
BIN      := bin/rodedraad
# The throw-away Neo4j of `make test`: its own port and data folder.
TEST_NEO4J_DIR  ?= .neo4j-test
TEST_NEO4J_ADDR ?= 127.0.0.1:17687
TEST_FLAGS      ?= -count=1 -timeout 30m
# The Neo4j of `make bench-peer`: its own port and data folder, kept between
# runs so that the synthetic graph is loaded only when its size changes.
PEER_NEO4J_DIR  ?= .neo4j-peer
PEER_NEO4J_ADDR ?= 127.0.0.1:17787
PEER_RECS       ?= 10000
PEER_FLAGS      ?=


.PHONY: assets assets-check screenshots all build run neo4j neo4j-stop neo4j-status seed-check test test-short test-llm bench bench-peer load fuzz generate check-generated lint fmt clean

all: build

## build: compile the binary into bin/
build:
	$(GO) build -o $(BIN) ./cmd/rodedraad

## run: start Neo4j unless NEO4J_URI is set, migrate, seed and serve GraphQL
run: build
	@./.ci/deps run
	RODEDRAAD_LOG_FORMAT=$${RODEDRAAD_LOG_FORMAT:-console} ./$(BIN) serve

## neo4j: start the project's own Neo4j (idempotent) and print its URI
neo4j: build
	./$(BIN) neo4j start

## neo4j-stop: stop the project's own Neo4j
neo4j-stop: build
	./$(BIN) neo4j stop

neo4j-status: build
	./$(BIN) neo4j status

## seed-check: validate the seeds without a database
seed-check: build
	./$(BIN) seed --check

## test: every test, against a throw-away Neo4j started and stopped here
test: build
	@./.ci/deps test
	@$(MAKE) --no-print-directory tools/httpaudit/node_modules/.package-lock.json
	@./.ci/with-test-neo4j $(TEST_NEO4J_DIR) $(TEST_NEO4J_ADDR) -- $(GO) test $(TEST_FLAGS) -p 1 ./...

## assets: fetch the dashboard's vendored libraries again from the npm registry
## (versions and integrity pinned in internal/web/vendor/assets.txt) and check them
assets:
	$(GO) run ./tools/assets

## assets-check: check the vendored files against SHA256SUMS (offline)
assets-check:
	$(GO) run ./tools/assets -check

## screenshots: refresh the README's screenshots in docs/img (browser tests against a throw-away Neo4j)
screenshots: build
	@mkdir -p docs/img
	@./.ci/with-test-neo4j $(TEST_NEO4J_DIR) $(TEST_NEO4J_ADDR) -- $(GO) test -count=1 -run 'TestBrowser_Views' ./internal/web -args -screenshots $(CURDIR)/docs/img

## test-short: the tests that need no database
test-short:
	$(GO) test -short -count=1 ./...

## test-llm: the GenAI path against a real small model served on loopback (see docs/extraction.md)
test-llm:
	@./tools/llm/test.sh

## bench: benchmarks of analysis, overlaps and the store (see docs/benchmarks.md)
bench: build
	@./.ci/with-test-neo4j $(TEST_NEO4J_DIR) $(TEST_NEO4J_ADDR) -- $(GO) test -run '^$$' -bench . -benchmem -timeout 60m -p 1 ./...

## load: 100 clients for 60 s against a local server (80% nested reads, 15% coherence, 5% writes), then check every acknowledged write (docs/reliability.md)
LOAD_NEO4J_DIR  ?= .neo4j-load
LOAD_NEO4J_ADDR ?= 127.0.0.1:17697
LOAD_FLAGS      ?= --clients 100 --duration 60s --read-only 20s
load: build
	$(GO) build -o bin/load ./tools/load
	@./.ci/with-test-neo4j $(LOAD_NEO4J_DIR) $(LOAD_NEO4J_ADDR) -- ./tools/load/run.sh load $(LOAD_FLAGS)

## fuzz: 10,000 hostile requests from the schema and mutated bundles against a local server (docs/reliability.md)
FUZZ_FLAGS ?= --n 10000
fuzz: build
	$(GO) build -o bin/fuzz ./tools/fuzz
	@./.ci/with-test-neo4j $(LOAD_NEO4J_DIR) $(LOAD_NEO4J_ADDR) -- ./tools/load/run.sh fuzz $(FUZZ_FLAGS)

## bench-peer: rodedraad against @neo4j/graphql and hand-written Cypher over one Neo4j
## (PEER_RECS=100000 for the large graph; takes minutes); rewrites its section of docs/benchmarks.md
bench-peer: build tools/peer/node_modules/.package-lock.json
	$(GO) run ./tools/peer/bench -neo4j-dir $(PEER_NEO4J_DIR) -neo4j-addr $(PEER_NEO4J_ADDR) \
		-recs $(PEER_RECS) -write docs/benchmarks.md $(PEER_FLAGS)

# The peer's packages, exactly as the lock file pins them.
tools/peer/node_modules/.package-lock.json: tools/peer/package-lock.json
	cd tools/peer && npm ci --no-audit --no-fund

# graphql-http's server audit (graph/overhttp_test.go), as its lock file pins it.
tools/httpaudit/node_modules/.package-lock.json: tools/httpaudit/package-lock.json
	cd tools/httpaudit && npm ci --no-audit --no-fund

## generate: regenerate gqlgen code from schema.graphql, and the README's command and settings tables
generate:
	$(GO) generate ./...
	$(GO) run ./cmd/rodedraad help --markdown | $(GO) run ./internal/mdsplice README.md
	awk '/^```graphql/{f=1; if (n++) print "# ---"; next} /^```/{f=0} f' README.md > internal/web/static/examples.graphql

## check-generated: fail when generated code or the README's tables are stale
check-generated: generate
	@git diff --exit-code -- graph README.md internal/web/static/examples.graphql || (echo "generated code is stale: run make generate and commit" >&2; exit 1)

STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

## lint: formatting, go vet and staticcheck
lint:
	@test -z "$$(gofmt -l cmd graph internal seeds neo4j)" || (gofmt -l cmd graph internal seeds neo4j; echo "run make fmt" >&2; exit 1)
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

fmt:
	gofmt -w cmd graph internal seeds neo4j

clean:
	rm -rf bin $(TEST_NEO4J_DIR) $(PEER_NEO4J_DIR) tools/peer/node_modules tools/httpaudit/node_modules
