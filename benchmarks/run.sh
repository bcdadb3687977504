#!/usr/bin/env bash
# Steps/second and bytes/step of the simulators, simulator alone and stored as a trace, measured in one process.
# Usage: benchmarks/run.sh [simulator-id [input-json | @file [python-version]]]
# Without arguments: slicing over length 1,000,000 (a 1,000,007-step trace), dict-probing with 1,000,000 inserts of
# distinct int keys, then page reads of cached traces (1,000,000 vs 1,000 steps; in-memory store vs a private
# redis-server on loopback when one is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build benchmarks/Simulation.Benchmarks -c Release -v quiet -nologo >/dev/null
bench=benchmarks/Simulation.Benchmarks/bin/Release/net10.0/Pynsights.Simulation.Benchmarks
if [ $# -eq 0 ]; then
  "$bench" slicing '{"length": 1000000}'
  inserts=$(mktemp)
  python3 -c 'import json; print(json.dumps({"operations": [{"op": "set", "key": str(i), "value": "0"} for i in range(1_000_000)]}))' > "$inserts"
  "$bench" dict-probing "@$inserts"
  rm -f "$inserts"
  if command -v redis-server >/dev/null 2>&1; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    dir=$(mktemp -d)
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" --daemonize yes --pidfile "$dir/pid" >/dev/null
    sleep 0.5
    "$bench" pages "127.0.0.1:$port" || true
    kill "$(cat "$dir/pid")" 2>/dev/null; rm -rf "$dir"
  else
    "$bench" pages
  fi
else
  "$bench" "$@"
fi
