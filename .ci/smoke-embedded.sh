#!/usr/bin/env bash
# Starts `npm start` with no DATABASE_URL, waits for /api/v1/health to report the database OK, then stops
# it the way Ctrl+C does and checks that the embedded Postgres went down with it.
set -euo pipefail
port="${SMOKE_PORT:-3210}"
data_dir=$(mktemp -d /tmp/goldloop-smoke-XXXXXX)
chmod 755 "$data_dir"
log="$data_dir/server.log"

GOLDLOOP_DATA_DIR="$data_dir" PORT="$port" setsid npm start >"$log" 2>&1 &
group=$!
cleanup() { kill -KILL -- "-$group" 2>/dev/null || true; }
trap cleanup EXIT

deadline=$(( $(date +%s) + 300 ))
until curl -fsS "http://127.0.0.1:$port/api/v1/health" 2>/dev/null | grep -q '"database":"ok"'; do
  if (( $(date +%s) > deadline )) || ! kill -0 "$group" 2>/dev/null; then
    echo "smoke: server did not become healthy"; tail -50 "$log"; exit 1
  fi
  sleep 1
done
echo "smoke: healthy: $(curl -fsS "http://127.0.0.1:$port/api/v1/health")"
grep -q "embedded Postgres listening" "$log" || { echo "smoke: embedded Postgres was not used"; tail -50 "$log"; exit 1; }
grep -q "/setup?token=" "$log" || { echo "smoke: no first-run setup link was printed"; exit 1; }

kill -TERM -- "-$group"
# npm may exit before the server has finished shutting down; wait for every process of the group.
for _ in $(seq 1 60); do pgrep -g "$group" >/dev/null || break; sleep 1; done
if pgrep -g "$group" >/dev/null; then echo "smoke: server did not stop within 60 s"; tail -50 "$log"; exit 1; fi
if [ -f "$data_dir/postgres/postmaster.pid" ]; then echo "smoke: embedded Postgres still running after shutdown"; tail -20 "$log"; exit 1; fi
trap - EXIT
rm -rf "$data_dir"
echo "smoke: stopped cleanly"
