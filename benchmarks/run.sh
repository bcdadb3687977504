#!/usr/bin/env bash
# Steps/second and allocated bytes/step of the simulators, from one Release run each (no warm-up runs).
# Usage: benchmarks/run.sh [simulator-id [input-json]]
# Without arguments: slicing over length 1,000,000 (a 1,000,007-step trace).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build benchmarks/Simulation.Benchmarks -c Release -v quiet -nologo >/dev/null
bench=benchmarks/Simulation.Benchmarks/bin/Release/net10.0/Pynsights.Simulation.Benchmarks
if [ $# -eq 0 ]; then
  "$bench" slicing '{"length": 1000000}'
else
  "$bench" "$@"
fi
