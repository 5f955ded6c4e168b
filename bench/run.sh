#!/usr/bin/env bash
# run.sh — `make bench`: sitrep's throughput and peak memory, next to `wc -w`
# over the same bytes.
#
# Builds a deterministic corpus of at least $BENCH_MB megabytes (default 48)
# from samples/ (bench/gen_corpus.c) as build/bench/corpus.txt, the same
# bytes as one file per page in build/bench/pages/, and
# build/bench/corpus.jsonl, then times, best of $BENCH_RUNS runs (default 3):
#
#   wc -w                     in the current locale and in LC_ALL=C
#   sitrep read               --format jsonl, output to /dev/null
#   matcher only              tokenize + matcher_find (sitrep lookup --bench
#                             if the CLI has it, else bench/bench_matcher.c
#                             linked against build/libsitrep.a)
#   sitrep extract            --format jsonl, output to /dev/null
#   sitrep ingest             the first $BENCH_INGEST_MB MB (default 8) of the
#                             JSONL into a fresh database; also its size per
#                             1,000 articles
#
# Stages that do not exist yet are skipped with a message. Speed targets are
# ratios to `wc -w` in the current locale on the same file; the memory target
# is peak RSS < 200 MB. Run from the repository root after `make`.
set -uo pipefail
cd "$(dirname "$0")/.."

SITREP=build/sitrep
OUT=build/bench
MB=${BENCH_MB:-48}
RUNS=${BENCH_RUNS:-3}
INGEST_MB=${BENCH_INGEST_MB:-8}
TIMEOUT=${BENCH_TIMEOUT:-600}  # seconds for one run of one command
RSS_LIMIT_MB=200
CC=${CC:-cc}
PKGS="sqlite3 gumbo libutf8proc jansson libmicrohttpd"

die() { echo "bench: $*" >&2; exit 1; }

[ -x "$SITREP" ] || die "$SITREP is missing: run make first"
mkdir -p "$OUT" || die "cannot create $OUT"
# Time a private copy, so that a rebuild during the run (make in another
# shell) cannot swap the binary under the benchmark; point it at the data
# and the gazetteer it would find next to build/sitrep.
cp "$SITREP" "$OUT/sitrep" || die "cannot copy $SITREP"
SITREP=$OUT/sitrep
export SITREP_DATA=${SITREP_DATA:-$PWD/data}
export SITREP_GAZETTEER=${SITREP_GAZETTEER:-$PWD/build/gazetteer.bin}

# ---- the corpus -------------------------------------------------------------
echo "== corpus: ${MB} MB from samples/ (bench/gen_corpus.c)"
"$CC" -O2 -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror bench/gen_corpus.c \
    $(pkg-config --cflags --libs jansson) -o "$OUT/gen_corpus" || die "cannot build gen_corpus"
mkdir -p "$OUT/pages" && find "$OUT/pages" -name 'page-*.txt' -delete
"$OUT/gen_corpus" samples "$OUT" "$MB" >/dev/null || die "gen_corpus failed"
TXT=$OUT/corpus.txt
PAGES=$OUT/pages
JSONL=$OUT/corpus.jsonl
info() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/corpus.info"; }
echo "   $TXT: $(info txt_bytes) bytes, $(info txt_articles) articles on $(info txt_pages) pages"
echo "   $PAGES/: the same bytes as $(info txt_pages) files, one per page"
echo "   $JSONL: $(info jsonl_bytes) bytes, $(info jsonl_documents) documents"
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")

# ---- how runs are measured ----------------------------------------------------
# Peak RSS comes from GNU time (Debian package `time`) when installed, else
# from bench/rusage.c (wait4's ru_maxrss). Wall time from date's nanoseconds.
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    RSS_TOOL=(/usr/bin/time -f %M -o "$OUT/rss")
    RSS_NAME="GNU time"
else
    "$CC" -O2 -std=c17 -Wall -Wextra -Werror bench/rusage.c -o "$OUT/rusage" \
        || die "cannot build bench/rusage.c"
    RSS_TOOL=("$OUT/rusage" "$OUT/rss")
    RSS_NAME="bench/rusage.c"
fi

# measure OUTFILE CMD...: runs CMD $RUNS times (stdout to OUTFILE); sets
# SECONDS_BEST (best wall time), RSS_KB (highest peak RSS), RC (last exit
# status; 124 = timed out). Stops early on failure, and after one run that
# takes longer than a minute (its best of 3 would not tell more).
measure() {
    local outfile=$1; shift
    SECONDS_BEST="" RSS_KB=0 RC=0
    local r t0 t1 secs rss
    for ((r = 1; r <= RUNS; r++)); do
        [ -n "${BEFORE_EACH:-}" ] && eval "$BEFORE_EACH"
        t0=$(date +%s%N)
        "${RSS_TOOL[@]}" timeout "$TIMEOUT" "$@" >"$outfile" 2>"$OUT/stderr"
        RC=$?
        t1=$(date +%s%N)
        [ -n "${AFTER_EACH:-}" ] && eval "$AFTER_EACH"
        secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
        rss=$(tail -1 "$OUT/rss" 2>/dev/null | tr -dc 0-9)
        [ -n "$rss" ] && [ "$rss" -gt "$RSS_KB" ] && RSS_KB=$rss
        if [ "$RC" -ne 0 ]; then
            return
        fi
        if [ -z "$SECONDS_BEST" ] || awk -v a="$secs" -v b="$SECONDS_BEST" 'BEGIN { exit !(a < b) }'; then
            SECONDS_BEST=$secs
        fi
        awk -v a="$secs" 'BEGIN { exit !(a > 60) }' && break
    done
}

# ---- the table ---------------------------------------------------------------
ROWS=()
NOTES=()
WC_MBS_txt="" WC_MBS_jsonl=""

mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", b / 1e6 / s; else print "-" }'; }

# row NAME INPUT BYTES TARGET_RATIO(or -) [SECONDS_OVERRIDE]
# Uses SECONDS_BEST / RSS_KB / RC from the last measure.
row() {
    local name=$1 input=$2 bytes=$3 target=$4 secs=${5:-$SECONDS_BEST}
    local key=${input##*.} wc_mbs rate ratio="-" verdict="-" rss_mb target_text="-"
    local shown
    shown=$(basename "$input")
    if [ -d "$input" ]; then  # a folder of pages: compared with wc on corpus.txt
        key=txt
        shown="$shown/ ($(find "$input" -type f | wc -l) files)"
    fi
    local wc_var="WC_MBS_$key"
    wc_mbs=${!wc_var:-}
    rss_mb=$(awk -v k="$RSS_KB" 'BEGIN { printf "%.1f", k / 1024 }')
    if [ "$RC" -ne 0 ] || [ -z "$secs" ]; then
        if [ "$RC" -eq 124 ]; then verdict="TIMEOUT (${TIMEOUT}s)"; else verdict="FAILED (exit $RC)"; fi
        NOTES+=("$name on $input: $(tail -3 "$OUT/stderr" | tr '\n' ' ')")
        ROWS+=("$name|$shown|$bytes|-|-|-|-|$rss_mb|$verdict")
        return
    fi
    rate=$(mbs "$bytes" "$secs")
    [ -n "$wc_mbs" ] && ratio=$(awk -v a="$rate" -v b="$wc_mbs" 'BEGIN { printf "%.3f", a / b }')
    if [ "$target" != "-" ]; then
        target_text=">= ${target}x wc, < ${RSS_LIMIT_MB} MB"
        local fast=1 small=1
        awk -v r="$ratio" -v t="$target" 'BEGIN { exit !(r >= t) }' || fast=0
        awk -v m="$rss_mb" -v l="$RSS_LIMIT_MB" 'BEGIN { exit !(m < l) }' || small=0
        if [ $fast = 1 ] && [ $small = 1 ]; then verdict=PASS
        elif [ $fast = 0 ] && [ $small = 0 ]; then verdict="BELOW TARGET (speed, memory)"
        elif [ $fast = 0 ]; then verdict="BELOW TARGET (speed)"
        else verdict="BELOW TARGET (memory)"; fi
    fi
    ROWS+=("$name|$shown|$bytes|$secs|$rate|$ratio|$target_text|$rss_mb|$verdict")
}

# Bytes of a file, or of all files in a folder.
size_of() {
    if [ -d "$1" ]; then find "$1" -type f -printf '%s\n' | awk '{ n += $1 } END { print n + 0 }'
    else stat -c %s "$1"; fi
}
has_command() { "$SITREP" --help 2>/dev/null | grep -qE "^ +$1( |$)"; }
has_option() { "$SITREP" "$1" --help 2>&1 | grep -q -- "$2"; }

LOCALE_NOW=$(locale 2>/dev/null | sed -n 's/^LC_CTYPE="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p')
LOCALE_NOW=${LOCALE_NOW:-C}

# ---- wc -w: the yardstick --------------------------------------------------------
for f in "$TXT" "$JSONL"; do
    key=${f##*.}
    echo "== wc -w $f"
    measure /dev/null wc -w "$f"
    if [ "$RC" -eq 0 ]; then
        printf -v "WC_MBS_$key" '%s' "$(mbs "$(size_of "$f")" "$SECONDS_BEST")"
    fi
    row "wc -w ($LOCALE_NOW)" "$f" "$(size_of "$f")" -
    measure /dev/null env LC_ALL=C wc -w "$f"
    row "wc -w (LC_ALL=C)" "$f" "$(size_of "$f")" -
done

# ---- sitrep read --------------------------------------------------------------
for f in "$TXT" "$PAGES" "$JSONL"; do
    echo "== sitrep read --format jsonl $f"
    measure "$OUT/read.out" "$SITREP" read --format jsonl "$f"
    row "sitrep read" "$f" "$(size_of "$f")" 0.25
    if [ "$RC" -eq 0 ]; then
        if [ "$f" = "$JSONL" ]; then written=$(info jsonl_documents); else written=$(info txt_articles); fi
        NOTES+=("sitrep read on $(basename "$f"): $(wc -l <"$OUT/read.out") articles found; gen_corpus wrote $written")
    fi
done
rm -f "$OUT/read.out"

# ---- matcher only ----------------------------------------------------------------
if has_command lookup && has_option lookup --bench; then
    echo "== sitrep lookup --bench $TXT"
    measure /dev/null "$SITREP" lookup --bench "$TXT"
    row "matcher (lookup --bench)" "$TXT" "$(size_of "$TXT")" 0.333
else
    echo "== matcher: no 'sitrep lookup --bench'; building bench/bench_matcher.c against build/libsitrep.a"
    cp build/libsitrep.a "$OUT/libsitrep.a" 2>/dev/null
    if [ -f "$OUT/libsitrep.a" ] && "$CC" -O2 -g -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror \
            $(pkg-config --cflags $PKGS) bench/bench_matcher.c "$OUT/libsitrep.a" \
            $(pkg-config --libs $PKGS) -lm -lpthread -o "$OUT/bench_matcher" 2>"$OUT/matcher-build.log"; then
        : >"$OUT/matcher.all"
        AFTER_EACH='cat "$OUT/matcher.out" >>"$OUT/matcher.all"'
        measure "$OUT/matcher.out" "$OUT/bench_matcher" "$SITREP_DATA" "$SITREP_GAZETTEER" "$TXT"
        AFTER_EACH=""
        if [ "$RC" -eq 0 ]; then
            # The seconds are the runs' own tokenize+match time (best run);
            # reading the file and loading the lexicon are left out.
            read -r _ mbytes _ mlines _ mtokens _ mmatches _ mload _ msecs < <(sort -g -k12,12 "$OUT/matcher.all" | head -1)
            row "matcher (tokenize+match)" "$TXT" "$mbytes" 0.333 "$msecs"
            NOTES+=("matcher: $mlines lines, $mtokens tokens, $mmatches matches; lexicon load ${mload}s; whole process ${SECONDS_BEST}s (best) with reading and loading")
        else
            row "matcher (tokenize+match)" "$TXT" "$(size_of "$TXT")" 0.333
        fi
    else
        echo "   skipped: bench_matcher does not link yet (src/lex not implemented?); see $OUT/matcher-build.log"
        NOTES+=("matcher: skipped, bench/bench_matcher.c did not build against build/libsitrep.a")
    fi
fi

# ---- sitrep extract -------------------------------------------------------------
if has_command extract; then
    fmt=()
    has_option extract --format && fmt=(--format jsonl)
    for f in "$TXT" "$PAGES" "$JSONL"; do
        echo "== sitrep extract ${fmt[*]} $f"
        measure "$OUT/extract.out" "$SITREP" extract "${fmt[@]}" "$f"
        row "sitrep extract" "$f" "$(size_of "$f")" 0.10
        [ "$RC" -eq 0 ] && NOTES+=("sitrep extract on $(basename "$f"): $(wc -l <"$OUT/extract.out") events")
    done
    rm -f "$OUT/extract.out"
else
    echo "== sitrep extract: not in '$SITREP --help' yet, skipped"
    NOTES+=("sitrep extract: skipped (no such command yet)")
fi

# ---- sitrep ingest ----------------------------------------------------------------
if has_command ingest; then
    # A prefix of the JSONL keeps `make bench` short; MB/s does not need all.
    INGEST=$OUT/ingest.jsonl
    all_docs=$(info jsonl_documents)
    docs=$(awk -v n="$all_docs" -v want="$INGEST_MB" -v have="$(info jsonl_bytes)" \
        'BEGIN { k = int(n * want * 1e6 / have); print (k < 1 ? 1 : (k > n ? n : k)) }')
    head -n "$docs" "$JSONL" >"$INGEST"
    DB=$OUT/bench.db
    echo "== sitrep ingest --db $DB $INGEST ($docs documents)"
    BEFORE_EACH="rm -f '$DB' '$DB-wal' '$DB-shm' '$DB-journal'"
    measure /dev/null "$SITREP" ingest --db "$DB" "$INGEST"
    BEFORE_EACH=""
    row "sitrep ingest" "$INGEST" "$(size_of "$INGEST")" 0.05
    if [ "$RC" -eq 0 ] && [ -f "$DB" ]; then
        db_bytes=$(size_of "$DB")
        NOTES+=("sitrep ingest: database $(awk -v b="$db_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB for $docs articles = $(awk -v b="$db_bytes" -v n="$docs" 'BEGIN { printf "%.2f", b / 1e6 / n * 1000 }') MB per 1,000 articles; $(tail -1 "$OUT/stderr")")
    fi
else
    echo "== sitrep ingest: not in '$SITREP --help' yet, skipped"
    NOTES+=("sitrep ingest: skipped (no such command yet)")
fi

# ---- store queries, ingest into a store, HTTP load -------------------------------
# Query latency on a 100,000-event store (target: under 50 ms each), ingest
# throughput and database size, then the HTTP load test with wrk. Each prints
# its own table; none fails the run for being slow.
if "$CC" -O2 -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror $(pkg-config --cflags $PKGS) \
        bench/bench_store.c build/libsitrep.a $(pkg-config --libs $PKGS) -lm -lpthread \
        -o "$OUT/bench_store" 2>"$OUT/store-build.log" &&
   "$CC" -O2 -std=c17 -D_DEFAULT_SOURCE -Wall -Wextra -Werror $(pkg-config --cflags $PKGS) \
        bench/gen_store.c build/libsitrep.a $(pkg-config --libs $PKGS) -lm -lpthread \
        -o "$OUT/gen_store" 2>>"$OUT/store-build.log"; then
    schema=$(cat src/store/*.[ch] src/fuse/*.[ch] | cksum | cut -d' ' -f1)
    STORE_DB=$OUT/serve-100000-$schema.db     # the same cache as bench/serve.sh
    echo
    echo "== store queries on 100,000 events ($STORE_DB)"
    [ -f "$STORE_DB" ] || { "$OUT/gen_store" "$STORE_DB.tmp" 100000 && mv "$STORE_DB.tmp" "$STORE_DB"; }
    "$OUT/bench_store" queries "$STORE_DB" 50 || NOTES+=("bench_store queries: failed")
    if [ -d ../shared/corpus/seeds ]; then
        echo
        echo "== ingest: ../shared seeds + fakes-dev, 20 times"
        rm -f "$OUT/ingest-store.db"*
        "$OUT/bench_store" ingest "$OUT/ingest-store.db" 20 ../shared/corpus/seeds \
            ../shared/corpus/fakes-dev.jsonl || NOTES+=("bench_store ingest: failed")
    fi
else
    NOTES+=("store benchmark: did not build (see $OUT/store-build.log)")
fi
echo
echo "== HTTP: bench/serve.sh"
bench/serve.sh 100000 10 || NOTES+=("bench/serve.sh: failed")

# ---- report ----------------------------------------------------------------------
echo
echo "sitrep benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
# The benchmark itself keeps about one core busy; more than that was others.
echo "load average ${LOAD_BEFORE} before, ${LOAD_AFTER} after$(awk -v a="$LOAD_BEFORE" -v b="$LOAD_AFTER" 'BEGIN { if (a + 0 > 1 || b + 0 > 2) print ": other work was running, figures are pessimistic" }')"
echo "best of $RUNS runs; MB = 10^6 bytes; x wc = MB/s over wc -w ($LOCALE_NOW) on the same file; peak RSS by $RSS_NAME"
echo
{
    echo "name|input|bytes|seconds|MB/s|x wc|target|peak RSS MB|verdict"
    printf '%s\n' "${ROWS[@]}"
} | awk -F'|' '
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; w = length($i); if (w > width[i]) width[i] = w } n = NF; rows = NR }
    END {
        for (r = 1; r <= rows; r++) {
            line = ""
            for (i = 1; i <= n; i++) line = line sprintf("%-" width[i] "s  ", cell[r, i])
            sub(/ +$/, "", line); print line
            if (r == 1) { line = ""; for (i = 1; i <= n; i++) { d = sprintf("%" width[i] "s", ""); gsub(/ /, "-", d); line = line d "  " } sub(/ +$/, "", line); print line }
        }
    }'
echo
for note in "${NOTES[@]}"; do echo "  - $note"; done

# Non-zero only when a sitrep stage failed outright; slow is reported, not fatal.
printf '%s\n' "${ROWS[@]}" | grep -qE '\|(FAILED|TIMEOUT)' && exit 1
exit 0
