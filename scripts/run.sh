#!/usr/bin/env bash
# Runs the Pynsights API on http://localhost:8080 (override with PORT) from a fresh clone.
# Traces are kept in memory by default; set REDIS_URL (e.g. localhost:6379) to share them through Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null 2>&1 || { echo "dotnet (the .NET 10 SDK) is required: https://dot.net" >&2; exit 1; }
port="${PORT:-8080}"
echo "Pynsights API on http://localhost:$port  (Swagger UI: /swagger, GraphQL IDE: /graphql)"
exec dotnet run --project src/Api -c Release -- --urls "http://0.0.0.0:$port"
