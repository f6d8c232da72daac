#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# statuslog fix: each repair on fixtures (goldens of the repaired files), on
# the canonical example when ../shared exists, idempotence, --check,
# --dry-run, and every error path leaving the file as it was.
# usage: fix.sh STATUSLOG SOURCE_DIR SHARED_DIR   (UPDATE_GOLDEN=1 rewrites the goldens)
set -u
BIN=$1
SRC=$2
SHARED=$3
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$SRC" || exit 2
TMP=$(mktemp -d)
trap 'chmod -R u+w "$TMP"; rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# items (id, state, text) of a document, sorted: fix moves them, never changes them
items() { "$BIN" parse --compact --no-config "$1" | grep -oE '"id":"[0-9a-f]{8}","line":[0-9]+,"state":"[a-z_]+"' | sed 's/"line":[0-9]*,//' | sort; }
order_findings() {
    "$BIN" lint --no-config --today 2026-12-31 --format text "$1" 2>/dev/null |
        grep -cE '\[(entry-order|duplicate-entry|mojibake)\]'
}

for f in plan newest bold list; do
    cp "fixtures/fix/$f.md" "$TMP/$f.md"
    [ "$(order_findings "$TMP/$f.md")" -gt 0 ] && pass || fail "$f: nothing for fix to do"
    "$BIN" fix --check --no-config "$TMP/$f.md" >/dev/null
    [ $? = 1 ] && pass || fail "$f: --check does not exit 1 before the fix"
    cmp -s "$TMP/$f.md" "fixtures/fix/$f.md" && pass || fail "$f: --check changed the file"
    "$BIN" fix --dry-run --no-config "$TMP/$f.md" >"$TMP/$f.diff"
    grep -q '^@@ ' "$TMP/$f.diff" && cmp -s "$TMP/$f.md" "fixtures/fix/$f.md" && pass ||
        fail "$f: --dry-run prints no diff or changed the file"
    items "$TMP/$f.md" >"$TMP/$f.before"
    "$BIN" fix --no-config "$TMP/$f.md" >"$TMP/$f.out" || fail "$f: fix failed"
    [ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$TMP/$f.md" "tests/golden/fix/$f.md"
    cmp -s "$TMP/$f.md" "tests/golden/fix/$f.md" && pass ||
        { fail "$f: differs from tests/golden/fix/$f.md"; diff "tests/golden/fix/$f.md" "$TMP/$f.md" | head; }
    [ "$(order_findings "$TMP/$f.md")" = 0 ] && pass || fail "$f: lint still finds order problems"
    items "$TMP/$f.md" >"$TMP/$f.after"
    # a merged duplicate's repeated items are dropped, nothing else is lost
    sort -u "$TMP/$f.before" | cmp -s - "$TMP/$f.after" && pass || fail "$f: the items changed"
    cp "$TMP/$f.md" "$TMP/$f.once"
    "$BIN" fix --no-config "$TMP/$f.md" >"$TMP/$f.out2"
    cmp -s "$TMP/$f.md" "$TMP/$f.once" && [ ! -s "$TMP/$f.out2" ] && pass ||
        fail "$f: fix twice differs from fix once"
    "$BIN" fix --check --no-config "$TMP/$f.md" && pass || fail "$f: --check after the fix"
done
# one repair at a time
cp fixtures/fix/plan.md "$TMP/only.md"
"$BIN" fix --no-config --merge-duplicates "$TMP/only.md" | grep -q '1 duplicate entry merged$' &&
    "$BIN" lint --no-config --today 2026-12-31 "$TMP/only.md" 2>/dev/null | grep -q 'entry-order' &&
    pass || fail "--merge-duplicates alone moved entries"
cp fixtures/fix/plan.md "$TMP/only2.md"
"$BIN" fix --no-config --encoding "$TMP/only2.md" >"$TMP/o" && cmp -s "$TMP/only2.md" fixtures/fix/plan.md &&
    [ ! -s "$TMP/o" ] && pass || fail "--encoding on a clean file changed it"

# mojibake, line endings and a byte order mark are kept or undone exactly
cp fixtures/plan-mojibake-macroman.md "$TMP/moji.md"
"$BIN" fix --no-config --encoding "$TMP/moji.md" >/dev/null
cmp -s "$TMP/moji.md" fixtures/plan.md && pass || fail "mojibake (Mac Roman) not undone exactly"
cp fixtures/plan-mojibake-cp1252.md "$TMP/moji2.md"
"$BIN" fix --no-config "$TMP/moji2.md" >/dev/null
cmp -s "$TMP/moji2.md" fixtures/plan.md && pass || fail "mojibake (CP1252) not undone exactly"
sed 's/$/\r/' fixtures/fix/newest.md | { printf '\357\273\277'; cat; } >"$TMP/crlf.md"
"$BIN" fix --no-config "$TMP/crlf.md" >/dev/null
sed 's/$/\r/' tests/golden/fix/newest.md | { printf '\357\273\277'; cat; } | cmp -s - "$TMP/crlf.md" &&
    pass || fail "CRLF and BOM not kept"

# the canonical example: three misplaced entries and a duplicate date
if [ -f "$SHARED/corpus/prisma-config-plan.md" ]; then
    cp "$SHARED/corpus/prisma-config-plan.mojibake.md" "$TMP/example.md"
    chmod u+w "$TMP/example.md"
    "$BIN" fix --no-config --encoding "$TMP/example.md" >/dev/null
    cmp -s "$TMP/example.md" "$SHARED/corpus/prisma-config-plan.md" && pass ||
        fail "the example's mojibake is not undone byte for byte"
    items "$TMP/example.md" >"$TMP/example.before"
    "$BIN" fix --no-config "$TMP/example.md" | grep -q '1 duplicate entry merged, 2 entries moved' &&
        pass || fail "the example: not 1 duplicate merged and 2 entries moved"
    [ "$(order_findings "$TMP/example.md")" = 0 ] && pass || fail "the example: order problems remain"
    items "$TMP/example.md" | cmp -s - "$TMP/example.before" && pass || fail "the example: items changed"
    "$BIN" parse --compact --no-config "$TMP/example.md" | grep -o '"date":"2025-[0-9-]*"' |
        awk -F'"' 'NR > 1 && $4 < prev { bad = 1 } { prev = $4 } END { exit bad }' && pass ||
        fail "the example's entries are not in date order"
fi

# every real document: after fix, no duplicate or mojibake finding, and no
# entry-order finding but those fix says it had to leave (a "##" entry that
# belongs after a "#" section). make check takes every 4th document,
# SLOG_FULL_TESTS=1 (.ci/run) all of them.
if [ -d "$SHARED/corpus/real" ]; then
    left_over=0 n=0
    for doc in "$SHARED"/corpus/real/*.md; do
        n=$((n + 1))
        [ "${SLOG_FULL_TESTS:-0}" = 1 ] || [ $((n % 4)) = 0 ] || continue
        cp "$doc" "$TMP/real.md" && chmod u+w "$TMP/real.md"
        "$BIN" fix --no-config "$TMP/real.md" >/dev/null 2>"$TMP/real.err"
        kept=$(sed -n 's/.*: \([0-9]*\) entr[a-z]* out of order left as.*/\1/p' "$TMP/real.err")
        found=$(order_findings "$TMP/real.md")
        [ "$found" = "${kept:-0}" ] || {
            left_over=$((left_over + 1))
            echo "  $(basename "$doc"): $found findings after fix, $kept left by it"
        }
    done
    [ "$left_over" = 0 ] && pass || fail "$left_over real documents keep order problems after fix"
fi

# errors: one line, exit 2, the file as it was
cp fixtures/fix/plan.md "$TMP/ro.md" && chmod 444 "$TMP/ro.md"
"$BIN" fix --no-config "$TMP/ro.md" >/dev/null 2>"$TMP/err"
[ $? = 2 ] && [ "$(wc -l <"$TMP/err")" = 1 ] && cmp -s "$TMP/ro.md" fixtures/fix/plan.md && pass ||
    fail "a read-only file: $(cat "$TMP/err")"
"$BIN" fix --no-config "$TMP/nope.md" 2>"$TMP/err"
[ $? = 2 ] && grep -q 'nope.md: No such file or directory' "$TMP/err" && pass || fail "a missing file"
"$BIN" fix --no-config "$TMP" 2>"$TMP/err"
[ $? = 2 ] && grep -q 'is a directory' "$TMP/err" && pass || fail "a directory: $(cat "$TMP/err")"
"$BIN" fix --dry-run --check "$TMP/ro.md" 2>"$TMP/err"
[ $? = 2 ] && pass || fail "--dry-run with --check"
echo "fix: $passed passed, $failed failed"
[ "$failed" = 0 ]
