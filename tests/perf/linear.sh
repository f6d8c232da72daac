#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# No super-linear path: every command on pathological shapes at two sizes,
# the second double the first; fails when the time grows by more than
# LINEAR_MAX (3) times: linear is 2, quadratic 4, and tests running beside
# this one stretch a pair by more than 2.5 now and then. Time is CPU time (bench/measure), which other
# tests running beside this one stretch less than wall time; each is the
# fastest of two runs, and a pair over the limit is measured again, up to
# LINEAR_ROUNDS (4) rounds, keeping the fastest time of each size, before
# failing. Times below 50 ms at the larger size are not
# compared (a quadratic path at these sizes takes seconds). make check times
# lint on every shape; SLOG_FULL_TESTS=1 (.ci/run) adds parse, parse
# --compact and digest.
# usage: linear.sh BUILD_DIR
set -eu
BUILD=$1
SLOG=$BUILD/statuslog
MAX=${LINEAR_MAX:-3}
ROUNDS=${LINEAR_ROUNDS:-4}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0

fastest() { # COMMAND... -> CPU seconds (the fastest of two runs)
    for _ in 1 2; do
        "$BUILD/measure" "$@" 2>/dev/null
    done | awk '$3 > 2 { bad = 1 } { if (NR == 1 || $4 < t) t = $4 }
                END { if (bad) print "crash"; else print t }'
}

# A B: whether the pair is over the limit and worth measuring again (a
# crash is not: it is final; below 50 ms at the larger size is noise)
over() {
    echo "$1 $2" | awk -v max="$MAX" '$1 == "crash" || $2 == "crash" { exit 1 }
                                       { exit !($2 > 0.05 && $2 / $1 > max) }'
}

# SHAPE N LABEL COMMAND-ARGS (FILE is replaced by the document)
run_pair() {
    shape=$1 n=$2 label=$3
    shift 3
    for size in "$n" $((n * 2)); do
        doc="$TMP/$shape-$size.md"
        [ -f "$doc" ] || "$BUILD/shapes" "$shape" "$size" >"$doc"
        args=""
        for a in "$@"; do
            case $a in
            FILE) a=$doc ;;
            BASE) a=$TMP/$shape-$size.base.md ;;
            esac
            args="$args $a"
        done
        eval "args_$size=\"\$args\""
    done
    # Up to ROUNDS rounds, each keeping the fastest time of each size so
    # far: a round slowed by the tests beside this one is outvoted by the
    # next, a quadratic path (4x per doubling) is over the limit every time.
    a="" b="" round=0
    while [ $round -lt "$ROUNDS" ] && { [ -z "$a" ] || over "$a" "$b"; }; do
        eval "args=\$args_$n"
        # shellcheck disable=SC2086 # the arguments are words without spaces
        ta=$(fastest $args)
        eval "args=\$args_$((n * 2))"
        # shellcheck disable=SC2086
        tb=$(fastest $args)
        set -- $(echo "${a:-$ta} $ta ${b:-$tb} $tb" | awk '{
            if ($1 == "crash" || $2 == "crash") a = "crash"; else a = $1 < $2 ? $1 : $2
            if ($3 == "crash" || $4 == "crash") b = "crash"; else b = $3 < $4 ? $3 : $4
            print a, b }')
        a=$1 b=$2 round=$((round + 1))
    done
    echo "$a $b" | awk -v max="$MAX" -v what="$shape $n $label" '
        $1 == "crash" || $2 == "crash" { printf "FAIL %s: crashed\n", what; exit 1 }
        { r = $2 > 0.05 ? $2 / $1 : 1 # below 50 ms: noise, not growth
          printf "%s %s: %.3f s -> %.3f s (x%.2f)\n", (r > max ? "FAIL" : "ok  "), what, $1, $2, r
          exit r > max }' || failed=1
}

# cycle: dates cycling through one year, items sharing most words (threads,
# staleness, duplicates, repeats, the digest's lists); sameday: many entries
# of one date; stamps: records opened by a bracketed stamp, output pasted
for spec in "words 400000" "items 50000" "done 200000" "entries 25000" "nested 80000" \
    "quotes 40000" "line 2000000" "yearless 20000" "cycle 10000" "sameday 10000" \
    "stamps 4000"; do
    # shellcheck disable=SC2086
    set -- $spec
    run_pair "$1" "$2" lint "$SLOG" lint --no-config --today 2026-01-01 FILE
    [ "${SLOG_FULL_TESTS:-0}" = 1 ] || continue # make check: lint, which reads
    run_pair "$1" "$2" parse "$SLOG" parse FILE
    run_pair "$1" "$2" "parse --compact" "$SLOG" parse --compact FILE
    run_pair "$1" "$2" digest "$SLOG" digest --no-config --format markdown FILE
    run_pair "$1" "$2" "digest --days 7" "$SLOG" digest --no-config --today 2027-01-01 --days 7 \
        --format json FILE
done

# check against a baseline whose every item reads differently (reworded:
# nothing matches by id), against an identical one, and checklists whose
# every item was reworded and unchecked
for n in 25000 50000; do
    "$BUILD/shapes" items $n >"$TMP/items-$n.md"
    sed 's/ \([0-9]*\)$/ n\1/' "$TMP/items-$n.md" >"$TMP/items-$n.base.md"
    cp "$TMP/items-$n.md" "$TMP/same-$n.md"
    cp "$TMP/items-$n.md" "$TMP/same-$n.base.md"
    "$BUILD/shapes" checks $n >"$TMP/checks-$n.base.md"
    sed 's/^- \[x\] \([a-z]*\) the/- [ ] \1 one/' "$TMP/checks-$n.base.md" >"$TMP/checks-$n.md"
done
run_pair items 25000 "check (reworded)" "$SLOG" check --no-config FILE --baseline BASE
run_pair same 25000 "check (same)" "$SLOG" check --no-config FILE --baseline BASE
run_pair checks 25000 "check (checklist)" "$SLOG" check --no-config FILE --baseline BASE

# append one item to the large entry, measured like the rest (rounds, the
# fastest run): each run appends to the same file, which grows by a line
for n in 50000 100000; do
    "$BUILD/shapes" items $n >"$TMP/append-$n.md"
done
run_pair append 50000 append "$SLOG" append FILE --no-config --date 2025-10-07 --done "one-more"

exit $failed
