#!/usr/bin/env bash
# Steps/second and bytes/step of the simulators, simulator alone and stored as a trace, measured in one process.
# Usage: benchmarks/run.sh [simulator-id [input-json | @file [python-version]]]
# Without arguments: slicing over length 1,000,000 (a 1,000,007-step trace), then dict-probing with 1,000,000
# inserts of distinct int keys.
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
else
  "$bench" "$@"
fi
