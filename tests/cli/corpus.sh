#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Every command over every real document of ../shared/corpus/real: no crash
# (exit status 0, 1 or 2 only; sanitizer reports abort the process).
# usage: corpus.sh STATUSLOG SHARED_DIR        (skips with 77 without the corpus)
# env: SLOG_CORPUS_EVERY=N takes every N-th document (1: all); by default
# every 8th in make check, all with SLOG_FULL_TESTS=1 (.ci/run)
set -u
BIN=$1
REAL=$2/corpus/real
if [ ! -d "$REAL" ]; then
    echo "corpus-cli: $REAL not found, skipping"
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0
files=0
run() {
    "$@" >/dev/null 2>"$TMP/err"
    rc=$?
    if [ $rc -gt 2 ]; then
        failed=$((failed + 1))
        echo "FAIL (exit $rc): $*"
        head -5 "$TMP/err"
    fi
}
if [ "${SLOG_FULL_TESTS:-0}" = 1 ]; then
    EVERY=${SLOG_CORPUS_EVERY:-1}
else
    EVERY=${SLOG_CORPUS_EVERY:-8}
fi
n=0
for f in "$REAL"/*.md; do
    n=$((n + 1))
    [ $((n % EVERY)) = 0 ] || [ "$EVERY" = 1 ] || continue
    files=$((files + 1))
    cp "$f" "$TMP/doc.md"
    run "$BIN" parse --compact --no-config "$f"
    run "$BIN" lint --no-config --format sarif --today 2025-10-20 "$f"
    run "$BIN" append "$TMP/doc.md" --no-config --date 2025-10-02 --done "corpus check" --dry-run
    run "$BIN" append "$TMP/doc.md" --no-config --date 2025-10-02T10:00Z --label Sweep --next "x"
    run "$BIN" check "$TMP/doc.md" --no-config --baseline "$f"
    run "$BIN" check "$f" --no-config --baseline "$TMP/doc.md"
    run "$BIN" fix --no-config "$TMP/doc.md"
    run "$BIN" merge --no-config "$f" "$TMP/doc.md" "$f" doc.md
done
run "$BIN" digest --no-config --format html --since 2025-09-01 --until 2025-10-31 "$REAL"
run "$BIN" digest --no-config --format json --today 2025-10-05 "$REAL"
# The W41 digest of the whole corpus reads in two minutes: at most 150 lines,
# both documents with entries that week named, the quiet ones counted.
"$BIN" digest --no-config --week 2025-W41 "$REAL" >"$TMP/w41.md" 2>"$TMP/err"
lines=$(wc -l <"$TMP/w41.md")
if [ "$lines" -le 150 ] && grep -q '^## Plan: Prisma CLI Config Migration$' "$TMP/w41.md" &&
    grep -q '^## Data Layer Agent Feedback Log$' "$TMP/w41.md" &&
    grep -Eq '^[0-9]+ documents without entries in the period\.$' "$TMP/w41.md"; then
    echo "corpus-cli: the W41 digest is $lines lines"
else
    failed=$((failed + 1))
    echo "FAIL: the W41 digest of the corpus ($lines lines) is too long or misses a document"
fi
echo "corpus-cli: $files documents, 8 commands each and 2 digests; $failed crashed"
echo "corpus-cli: $((files * 8 + 3 - failed)) passed, $failed failed"
[ "$failed" = 0 ]
