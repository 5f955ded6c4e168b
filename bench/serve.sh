#!/usr/bin/env bash
# serve.sh — HTTP load benchmark of `sitrep serve` with wrk, on loopback only.
#
#   bench/serve.sh [EVENTS] [SECONDS]      (defaults: 100000 events, 10 s per URL)
#
# Builds a store of EVENTS synthetic fused events with bench/gen_store.c
# (through store_ingest, so fusion and indexes are real; cached in
# build/bench/serve-EVENTS.db), starts the server on a free 127.0.0.1 port
# and runs wrk (Debian `wrk`) against a few API URLs for SECONDS each,
# printing requests/s and latency percentiles. Every run is bounded in time
# and the server is stopped at the end. Exits 0 with a note when wrk is
# missing (scripts/setup.sh --test installs it).
#
# Environment: SERVE_THREADS (server workers, default 4), WRK_CONNECTIONS
# (default 32), WRK_THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

events=${1:-100000}
seconds=${2:-10}
threads=${SERVE_THREADS:-4}
connections=${WRK_CONNECTIONS:-32}
wrk_threads=${WRK_THREADS:-2}

if ! command -v wrk >/dev/null 2>&1; then
    echo "bench/serve.sh: wrk not installed (scripts/setup.sh --test); skipped"
    exit 0
fi

make -s build/sitrep build/libsitrep.a
mkdir -p build/bench
cc -O2 -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror -o build/bench/gen_store \
    bench/gen_store.c build/libsitrep.a \
    $(pkg-config --libs sqlite3 gumbo libutf8proc jansson libmicrohttpd) -lm -lpthread

# The cached store is keyed by the store's and fusion's source, so a schema change
# regenerates it instead of serving a database the code no longer reads.
schema=$(cat src/store/*.[ch] src/fuse/*.[ch] | cksum | cut -d' ' -f1)
db=build/bench/serve-$events-$schema.db
if [ ! -f "$db" ]; then
    build/bench/gen_store "$db.tmp" "$events"
    mv "$db.tmp" "$db"
    rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
size=$(du -m "$db" | cut -f1)

log=$(mktemp)
build/sitrep serve --db "$db" --port 0 --host 127.0.0.1 --threads "$threads" >"$log" 2>&1 &
server=$!
cleanup() {
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -f "$log"
}
trap cleanup EXIT
port=
for _ in $(seq 50); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log")
    [ -n "$port" ] && break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "bench/serve.sh: server did not start:" >&2
    cat "$log" >&2
    exit 1
fi
base="http://127.0.0.1:$port"

# A mid-table event id for the detail URL.
id=$(curl -s "$base/api/events?limit=1&offset=$((events / 2))" |
     sed -n 's/^{"events":\[{"id":\([0-9]*\).*/\1/p')
urls=(
    "/api/events"
    "/api/events?limit=1000"
    "/api/events?admin1=SY-HL&from=2016-01-01&to=2016-12-31"
    "/api/events?q=000123&limit=50"
    "/api/events/${id:-1}"
    "/api/control?date=2017-06-15"
    "/api/health"
)

echo "sitrep serve: $events-event store ($size MB), $threads server threads; wrk $wrk_threads threads, $connections connections, ${seconds}s per URL"
printf '%-58s %10s %9s %9s %9s %8s\n' URL "req/s" "p50" "p99" "max" "errors"
for u in "${urls[@]}"; do
    out=$(wrk -t"$wrk_threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "$base$u")
    rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec/ {print $2}')
    p50=$(printf '%s\n' "$out" | awk '$1 == "50%" {print $2}')
    p99=$(printf '%s\n' "$out" | awk '$1 == "99%" {print $2}')
    max=$(printf '%s\n' "$out" | awk '$1 == "Latency" {print $4; exit}')
    errs=$(printf '%s\n' "$out" | awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}')
    printf '%-58s %10s %9s %9s %9s %8s\n' "$u" "$rps" "$p50" "$p99" "$max" "${errs:-0}"
    # Requests wrk abandoned may still be running: let the server drain.
    until curl -s -m 30 -o /dev/null "$base/api/health"; do sleep 0.5; done
    sleep 1
done
