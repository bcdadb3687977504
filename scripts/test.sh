#!/usr/bin/env bash
# Runs every Pynsights test on a fresh machine: installs what the tests need (redis-server from Debian's
# packages; chromium and the npm packages through clients/test.sh), starts a private Redis on loopback, runs the
# .NET test projects (API, simulators, content) and the client tests (SDK and browser), and ends with the line
#   Tests: N passed, N failed
# summed from the test runners' own summaries. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/.artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"

log() { printf '\n== %s\n' "$*"; }

apt_updated=0
need_package() { # need_package COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2"
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

command -v dotnet >/dev/null 2>&1 || { echo "dotnet (the .NET 10 SDK) is required"; echo "Tests: 0 passed, 1 failed"; exit 1; }
need_package redis-server redis-server || { echo "could not install redis-server"; echo "Tests: 0 passed, 1 failed"; exit 1; }

# A private Redis on a free loopback port, no persistence; stopped when this script ends.
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 6399)
redis_dir=$(mktemp -d)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$redis_dir" --daemonize yes \
  --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" >/dev/null
cleanup() {
  [ -f "$redis_dir/redis.pid" ] && kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null
  rm -rf "$redis_dir"
}
trap cleanup EXIT
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
export PYNSIGHTS_TEST_REDIS="127.0.0.1:$redis_port"
export PYNSIGHTS_REQUIRE_REDIS=1
log "redis-server on $PYNSIGHTS_TEST_REDIS"

passed=0
failed=0
status=0

# .NET: one run over the solution; the Microsoft.Testing.Platform summary gives the counts.
log "dotnet test"
dotnet test --solution Pynsights.sln -c Release 2>&1 | tee "$results/dotnet.log"
dotnet_status=${PIPESTATUS[0]}
summary=$(sed -n '/Test run summary/,$p' "$results/dotnet.log")
succeeded=$(printf '%s\n' "$summary" | awk '/succeeded:/ {s += $2} END {print s + 0}')
failures=$(printf '%s\n' "$summary" | awk '/^ *failed:/ {s += $2} END {print s + 0}')
passed=$((passed + succeeded))
failed=$((failed + failures))
if [ "$dotnet_status" -ne 0 ]; then
  status=1
  if [ "$failures" -eq 0 ]; then
    echo "dotnet test exited with $dotnet_status without a failed test (a build error, or no test ran)"
  fi
fi

# Clients: the TypeScript SDK and the web frontend in a real browser; their script prints "clients: N passed, N failed".
log "clients (SDK and browser tests)"
bash clients/test.sh 2>&1 | tee "$results/clients.log"
clients_status=${PIPESTATUS[0]}
clients_line=$(grep -E '^clients: [0-9]+ passed, [0-9]+ failed$' "$results/clients.log" | tail -n 1)
if [ -n "$clients_line" ]; then
  passed=$((passed + $(echo "$clients_line" | awk '{print $2}')))
  failed=$((failed + $(echo "$clients_line" | awk '{print $4}')))
else
  echo "clients/test.sh printed no summary line"
  failed=$((failed + 1))
fi
[ "$clients_status" -eq 0 ] || status=1

echo
echo "Tests: $passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  status=1
fi
exit "$status"
