#!/usr/bin/env bash
# Runs the Pynsights API and its web frontend on http://localhost:8080 (override with PORT) from a fresh clone.
# Traces are kept in memory by default; set REDIS_URL (e.g. localhost:6379) to share them through Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null 2>&1 || { echo "dotnet (the .NET 10 SDK) is required: https://dot.net" >&2; exit 1; }
port="${PORT:-8080}"
# The web frontend (clients/web), served by the API from clients/web/dist, is built when npm is there; without npm
# the API runs headless (or serves a build made earlier).
if command -v npm >/dev/null 2>&1; then
  echo "Building the web frontend (clients/web)..."
  if [ ! clients/node_modules/.package-lock.json -nt clients/package-lock.json ]; then
    (cd clients && npm ci --no-audit --no-fund --loglevel=error) || echo "npm ci failed: serving the API without the frontend" >&2
  fi
  (cd clients && npm run build --silent >/dev/null) || echo "the frontend build failed: serving the API without it" >&2
else
  echo "npm not found: serving the API only (Node.js 20+ builds the web frontend)" >&2
fi
if [ -f clients/web/dist/index.html ]; then
  echo "Pynsights on http://localhost:$port  (web frontend: /, Swagger UI: /swagger, GraphQL IDE: /graphql)"
else
  echo "Pynsights API on http://localhost:$port  (Swagger UI: /swagger, GraphQL IDE: /graphql)"
fi
exec dotnet run --project src/Api -c Release -- --urls "http://0.0.0.0:$port"
