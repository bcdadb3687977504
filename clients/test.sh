#!/usr/bin/env bash
# Runs every client test on a fresh machine: installs Debian's chromium when missing (never a downloaded browser),
# installs the npm packages from the lockfile, builds the SDK, the web frontend and the API (Release), starts the
# API on a free loopback port serving the built frontend, runs the SDK tests and the browser tests against it, stops
# it, and ends with exactly one line
#   clients: N passed, N failed
# summed from the test runners' own TAP summaries. Exits non-zero on any failure. Screenshots of the pages go to
# .artifacts/test-results/screenshots/.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.artifacts/test-results"
mkdir -p "$results"
rm -rf "$results/screenshots" "$results"/clients-*.tap

log() { printf '\n== %s\n' "$*"; }
finish() { echo; echo "clients: $1 passed, $2 failed"; exit "$3"; }

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "node and npm (Node.js 20+) are required"; finish 0 1 1; }
command -v dotnet >/dev/null 2>&1 || { echo "dotnet (the .NET 10 SDK) is required"; finish 0 1 1; }
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  log "installing chromium (Debian's package)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null \
    || { echo "could not install chromium"; finish 0 1 1; }
fi
export CHROMIUM_PATH="$chromium_path"

log "npm ci"
(cd clients && npm ci --no-audit --no-fund) || { echo "npm ci failed"; finish 0 1 1; }
log "build the SDK and the web frontend"
(cd clients && npm run build) || { echo "the client build failed"; finish 0 1 1; }
log "build the API (Release)"
dotnet build src/Api -c Release -nologo -v q || { echo "the API build failed"; finish 0 1 1; }

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"
api_log="$results/clients-api.log"
log "API on $url (frontend from clients/web/dist)"
(cd src/Api && ASPNETCORE_ENVIRONMENT=Production Web__Root="$root/clients/web/dist" \
  exec dotnet bin/Release/net10.0/Pynsights.Api.dll --urls "$url") >"$api_log" 2>&1 &
api_pid=$!
stop_api() { kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null; }
trap stop_api EXIT
ready=0
for _ in $(seq 1 120); do
  if curl -fsS "$url/health/ready" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$ready" != 1 ]; then echo "the API did not start:"; tail -20 "$api_log"; finish 0 1 1; fi

export PYNSIGHTS_API_URL="$url" PYNSIGHTS_WEB_URL="$url" PYNSIGHTS_SCREENSHOTS="$results/screenshots"
status=0
run_suite() { # run_suite NAME DIR TESTS...
  local name=$1 dir=$2; shift 2
  log "$name"
  (cd "$dir" && node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$results/clients-$name.tap" "$@") || status=1
}
run_suite sdk clients/typescript dist/test/
run_suite browser clients/web e2e/

passed=0
failed=0
for name in sdk browser; do
  tap="$results/clients-$name.tap"
  # The runner's closing summary: "# pass N", "# fail N", "# cancelled N" (a cancelled test counts as failed).
  p=$(awk '/^# pass /{v=$3} END{print v+0}' "$tap" 2>/dev/null || echo 0)
  f=$(awk '/^# (fail|cancelled) /{v+=$3} END{print v+0}' "$tap" 2>/dev/null || echo 0)
  if ! grep -q '^# pass ' "$tap" 2>/dev/null; then echo "$name: the test runner printed no summary"; f=$((f + 1)); fi
  passed=$((passed + p))
  failed=$((failed + f))
done

[ "$failed" -ne 0 ] || [ "$passed" -eq 0 ] && status=1
finish "$passed" "$failed" "$status"
