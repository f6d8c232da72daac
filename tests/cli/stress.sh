#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# append under load and under SIGKILL.
# usage: stress.sh STATUSLOG GENPLAN
# env: SLOG_STRESS_PROCS (8), SLOG_STRESS_APPENDS (15), SLOG_CRASH_ROUNDS (6);
# make check runs these counts, .ci/run also 200 and 100
set -u
BIN=$1
GENPLAN=$2
PROCS=${SLOG_STRESS_PROCS:-8}
APPENDS=${SLOG_STRESS_APPENDS:-15}
ROUNDS=${SLOG_CRASH_ROUNDS:-6}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# --- concurrent appenders and a reader ---------------------------------------
f="$TMP/log.md"
printf '# Stress\n\n## Status (2026-01-01)\n- start\n' >"$f"
(
    last=0
    while [ ! -e "$TMP/stop" ]; do
        "$BIN" parse --compact "$f" >/dev/null 2>&1 || echo "parse failed" >>"$TMP/reader.err"
        [ "$(head -n 1 "$f")" = "# Stress" ] || echo "bad start" >>"$TMP/reader.err"
        [ "$(tail -c 1 "$f" | od -An -c | tr -d ' ')" = '\n' ] || echo "truncated" >>"$TMP/reader.err"
        n=$(grep -c '^- ✅ p' "$f")
        [ "$n" -ge "$last" ] || echo "items went from $last to $n" >>"$TMP/reader.err"
        last=$n
    done
) &
reader=$!
writers=""
p=1
while [ $p -le "$PROCS" ]; do
    (
        i=1
        while [ $i -le "$APPENDS" ]; do
            "$BIN" append "$f" --date 2026-01-01 --done "p$p item $i" 2>>"$TMP/writer.err" ||
                echo "append p$p $i failed" >>"$TMP/writer.err"
            i=$((i + 1))
        done
    ) &
    writers="$writers $!"
    p=$((p + 1))
done
for job in $writers; do
    wait "$job"
done
touch "$TMP/stop"
wait "$reader"
want=$((PROCS * APPENDS))
got=$(grep -c '^- ✅ p[0-9]* item [0-9]*$' "$f")
[ "$got" = "$want" ] && pass || fail "$want items appended concurrently, $got in the file"
[ -z "$(grep '^- ✅ p' "$f" | sort | uniq -d)" ] && pass || fail "an item appears twice"
[ ! -s "$TMP/writer.err" ] && pass || fail "appenders failed: $(head -3 "$TMP/writer.err")"
[ ! -s "$TMP/reader.err" ] && pass || fail "the reader saw a partial file: $(sort -u "$TMP/reader.err" | head -3)"
"$BIN" parse --compact "$f" >/dev/null && pass || fail "the file parses"
[ -z "$(ls -A "$TMP" | grep statuslog-)" ] && pass || fail "temporary files left behind"

# --- SIGKILL at random moments ---------------------------------------------------
big="$TMP/big.md"
"$GENPLAN" 10 >"$big"
killed_before=0
killed_after=0
r=1
while [ $r -le "$ROUNDS" ]; do
    cp "$big" "$TMP/expected.md"
    "$BIN" append "$TMP/expected.md" --date 2001-06-01 --done "crash round $r" || fail "reference append"
    old=$(cksum <"$big")
    new=$(cksum <"$TMP/expected.md")
    "$BIN" append "$big" --date 2001-06-01 --done "crash round $r" &
    pid=$!
    delay=$(od -An -N2 -tu2 /dev/urandom | awk '{ printf "%.3f", ($1 % 250) / 1000 }')
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    now=$(cksum <"$big")
    [ "$now" = "$old" ] && killed_before=$((killed_before + 1))
    [ "$now" = "$new" ] && killed_after=$((killed_after + 1))
    if [ "$now" != "$old" ] && [ "$now" != "$new" ]; then
        fail "round $r: after SIGKILL the file is neither the old nor the new version"
        cp "$TMP/expected.md" "$big"
    else
        pass
    fi
    # the next append succeeds at once: no lock survives its holder
    timeout 20 "$BIN" append "$big" --date 2001-06-01 --done "crash round $r" 2>/dev/null ||
        fail "round $r: the append after a SIGKILL failed"
    [ "$(cksum <"$big")" = "$new" ] || fail "round $r: the retried append gave another file"
    r=$((r + 1))
done
"$BIN" parse --compact "$big" >/dev/null && pass || fail "the crashed-on file parses"
[ -z "$(ls -A "$TMP" | grep statuslog-)" ] && pass || fail "temporary files left behind after crashes"

echo "crash: $ROUNDS SIGKILLs, $killed_before left the old file, $killed_after the new one"
echo "stress: $passed passed, $failed failed"
[ "$failed" = 0 ]
