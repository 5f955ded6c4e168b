#!/usr/bin/env bash
# test.sh — the second of the README's two commands: install, build with
# AddressSanitizer and UBSan, and run every test. The last line is the
# summary CI reads: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
make -j"$(nproc)" check
