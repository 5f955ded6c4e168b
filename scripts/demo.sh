#!/usr/bin/env bash
# demo.sh — the first of the README's two commands: install, build, and run
# sitrep over the project's own sample reports.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
make -j"$(nproc)" all
echo
echo "== sitrep read samples/"
build/sitrep read --format text samples/
