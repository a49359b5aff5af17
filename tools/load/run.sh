#!/usr/bin/env bash
# run.sh load|fuzz [FLAGS...]: start `rodedraad serve` on loopback over the
# Neo4j in RODEDRAAD_TEST_NEO4J_URI (make load and make fuzz start a
# throw-away one), wait until it is ready, run bin/load or bin/fuzz against
# it with the server's pid, and stop the server again.
set -euo pipefail
tool=$1
shift
addr=${RODEDRAAD_LOAD_ADDR:-127.0.0.1:18181}
log=$(mktemp)
NEO4J_URI="$RODEDRAAD_TEST_NEO4J_URI" RODEDRAAD_LOG_LEVEL=warn ./bin/rodedraad serve --addr "$addr" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
	curl -sf "http://$addr/readyz" >/dev/null 2>&1 && break
	sleep 1
done
curl -sf "http://$addr/readyz" >/dev/null || { echo "server not ready:" >&2; cat "$log" >&2; exit 1; }
case $tool in
load) ./bin/load --url "http://$addr/graphql" --pid "$pid" "$@" ;;
fuzz) ./bin/fuzz --url "http://$addr/graphql" "$@" && echo "server peak memory (VmHWM): $(grep VmHWM /proc/$pid/status | tr -s ' ' | cut -d' ' -f2-)" ;;
esac
