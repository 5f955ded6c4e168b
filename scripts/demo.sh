#!/usr/bin/env bash
# demo.sh — the first of the README's two commands: install, build, and run
# sitrep's main job over the project's own sample reports: extract, fuse and
# store them in the default store (sitrep.db), then show what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make -j"$(nproc)" all

db=sitrep.db
echo
echo "== sitrep ingest samples/ --db $db"
build/sitrep ingest samples/ --db "$db"
echo
echo "== sitrep events --db $db --limit 15"
build/sitrep events --db "$db" --limit 15
echo
echo "== sitrep timeline Palmyra --db $db"
build/sitrep timeline Palmyra --db "$db"
echo
echo "== sitrep control --date 2017-06-15 --db $db"
build/sitrep control --date 2017-06-15 --db "$db"
echo
echo "Next: build/sitrep report --date 2017-03-05 --days 7 --db $db"
echo "      build/sitrep serve --db $db   (then open http://127.0.0.1:8080/)"
