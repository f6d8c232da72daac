#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# CLI tests: run the built binary on fixtures; compare stdout with golden files
# under tests/golden/, and check exit statuses and one-line errors.
# usage: run.sh STATUSLOG SOURCE_DIR      (UPDATE_GOLDEN=1 rewrites the goldens)
set -u
BIN=$1
SRC=$2
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$SRC" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# golden NAME EXPECTED_STATUS ARGS... : stdout must equal tests/golden/NAME
golden() {
    name=$1 want=$2
    shift 2
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$(dirname "tests/golden/$name")"
        cp "$TMP/out" "tests/golden/$name"
    fi
    if [ "$got" != "$want" ]; then
        fail "$name: exit $got, expected $want: $(head -c 300 "$TMP/err")"
    elif ! cmp -s "$TMP/out" "tests/golden/$name"; then
        fail "$name: output differs from tests/golden/$name"
        diff "tests/golden/$name" "$TMP/out" | head -10
    else
        pass
    fi
}

# expect NAME EXPECTED_STATUS STDERR_PATTERN ARGS... : exit status and a
# single stderr line matching the pattern (grep -E); '' means no stderr.
expect() {
    name=$1 want=$2 pattern=$3
    shift 3
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    got=$?
    lines=$(wc -l <"$TMP/err")
    if [ "$got" != "$want" ]; then
        fail "$name: exit $got, expected $want: $(head -c 300 "$TMP/err")"
    elif [ -z "$pattern" ] && [ "$lines" != 0 ]; then
        fail "$name: unexpected stderr: $(head -c 300 "$TMP/err")"
    elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$TMP/err"; then
        fail "$name: stderr does not match '$pattern': $(head -c 300 "$TMP/err")"
    else
        pass
    fi
}

# --- parse: golden outputs ---------------------------------------------------
golden parse/plan.json 0 parse fixtures/plan.md
golden parse/log.json 0 parse fixtures/log.md
golden parse/plan-mojibake-macroman.json 0 parse --compact fixtures/plan-mojibake-macroman.md
golden parse/plan-mojibake-cp1252.json 0 parse --compact fixtures/plan-mojibake-cp1252.md
golden parse/plan-crlf.json 0 parse --compact fixtures/plan-crlf.md
golden parse/two-files.json 0 parse fixtures/plan.md fixtures/log.md
golden parse/two-files.jsonl 0 parse --jsonl fixtures/plan.md fixtures/log.md

# stdin is "-"
"$BIN" parse --compact - <fixtures/plan.md >"$TMP/stdin.json" 2>"$TMP/err" &&
    grep -q '"file":"-"' "$TMP/stdin.json" &&
    grep -q '"title":"Plan: Search Index Rebuild"' "$TMP/stdin.json" && pass ||
    fail "parse - reads standard input"

# --jsonl: exactly one line per file
"$BIN" parse --jsonl fixtures/plan.md fixtures/log.md fixtures/plan-crlf.md >"$TMP/l" &&
    [ "$(wc -l <"$TMP/l")" = 3 ] && pass || fail "--jsonl gives one line per file"

# the mojibake copies give the clean model (all but file and encoding)
for f in plan-mojibake-macroman plan-mojibake-cp1252 plan-crlf; do
    "$BIN" parse --compact "fixtures/$f.md" | sed -e 's/"file":"[^"]*",//' \
        -e 's/"encoding":{[^}]*},//' >"$TMP/a"
    "$BIN" parse --compact fixtures/plan.md | sed -e 's/"file":"[^"]*",//' \
        -e 's/"encoding":{[^}]*},//' >"$TMP/b"
    cmp -s "$TMP/a" "$TMP/b" && pass || fail "$f gives the same model as plan.md"
done

# --- bad input: one line naming the file, exit 2 ----------------------------
expect missing-file 2 '^statuslog: nope\.md: No such file or directory$' parse nope.md
expect directory 2 '^statuslog: fixtures: is a directory$' check fixtures --baseline fixtures/plan.md
"$BIN" parse --compact fixtures/plan.md nope.md >"$TMP/out" 2>"$TMP/err"
[ $? = 2 ] && grep -q '"title":"Plan: Search Index Rebuild"' "$TMP/out" &&
    [ "$(wc -l <"$TMP/err")" = 1 ] && pass || fail "a bad file among good ones: others printed, exit 2"
head -c 20000 /dev/urandom >"$TMP/junk.md"
expect binary-junk 0 '' parse "$TMP/junk.md"
printf '## Status (2025-10-07)\n- \342\234\205 ok \377\376\n- bad \300\n' >"$TMP/invalid.md"
"$BIN" parse --compact "$TMP/invalid.md" >"$TMP/out" 2>&1
grep -q '"invalid_utf8":3,"invalid_utf8_line":2' "$TMP/out" && pass ||
    fail "invalid UTF-8 is counted with its first line"
{ printf '## 2025-10-07\n- x'; head -c 4000000 /dev/zero | tr '\0' y; echo; } >"$TMP/huge-line.md"
expect huge-line 0 '' parse "$TMP/huge-line.md"
if [ -w /dev/full ]; then
    "$BIN" parse fixtures/plan.md >/dev/full 2>"$TMP/err"
    [ $? = 2 ] && grep -q 'error writing output' "$TMP/err" && pass || fail "write error gives exit 2"
fi
if [ "$(id -u)" != 0 ]; then
    cp fixtures/plan.md "$TMP/locked.md" && chmod 000 "$TMP/locked.md"
    expect unreadable 2 'locked\.md: Permission denied$' parse "$TMP/locked.md"
fi

# --- a PATH that names no Markdown file is an error (SPEC §3 r2) -------------
mkdir -p "$TMP/empty/sub"
for c in lint digest parse; do
    expect "$c empty dir" 2 "empty: no Markdown files" $c "$TMP/empty"
done
expect "lint typo'd dir" 2 "No such file or directory" lint "$TMP/emtpy"
"$BIN" parse fixtures/styles --jsonl >"$TMP/styles.jsonl" 2>/dev/null &&
    [ "$(wc -l <"$TMP/styles.jsonl")" = "$(ls fixtures/styles/*.md | wc -l)" ] && pass ||
    fail "parse DIR parses every *.md below"

# --- logs in other authors' styles: the findings a careful reader expects ---
# (SPEC §1 and §3 r2 and r3; fixtures/styles/, --today 2026-04-01). The parse goldens
# show every entry found, with its kind, date, time and zone.
# r3's styles from logs by other authors: a bug list with stamps inside each
# bug, automated status checks (runs of the same minute, a pasted copy, a
# flapping heartbeat), an append-only worklog with two entries added at its
# top, an agent's memory (a list log beside a heading log, a Previous Context,
# a bare time among PST ones, a Last Updated stamp), a Chinese requirements
# log with dated bold lines inside its entries, a changelog with version
# numbers, an analysis with metrics, statements and a replaced checklist.
# From 24 more logs judged on 2026-12-07: a heartbeat of key-dated records
# ("- timestamp (UTC): ...", its fields the items after it) below a metadata
# list, incidents each with its own prevention list and failed attempts, a
# Russian watcher log dated by "**Время:**" keys with a flood of copies, and
# a time log of hours spent. From 26 more judged on 2026-12-07 (second
# review): a weekly report by "Week of" with a meeting's agenda inside;
# (third) a history by resource in collapsed blocks with symbols before
# each date, and a checklist of dated work done. (Fifth) a game jam's
# standup: checklists, Blockers and Fix applied lists, a record whose status
# says done over its plan's boxes, days still to be filled in. (Sixth) an
# agent's diary of dated lines, without list markers; an agent's records
# between rules, each opened by a line that is only its date and time.
# (Seventh) an agent's records opened by a bracketed stamp and a title,
# a program's stamped output pasted inside one; agents' lines and
# paragraphs opened by a date and time, beside a program's output; a
# diary whose paragraphs each open with a line that is only a date.
for f in newest-first us-journal incidents worklog heartbeat misplaced-first journal pasted-output \
    german-newest-first japanese-journal weekly-groups monthly-journal french-newest-first \
    bug-tracker status-checks prepended-worklog session-memory requirements-zh changelog-versions \
    gap-report keyed-heartbeat incident-prevention watcher-ru time-log weekly-report \
    resource-log jam-standup dated-lines rule-records stamped-records \
    timed-lines date-line-diary; do
    golden "styles/$f.txt" \
        "$(case $f in newest-first | incidents | worklog | journal | pasted-output | weekly-groups | \
            monthly-journal | french-newest-first | bug-tracker | session-memory | requirements-zh | \
            changelog-versions | keyed-heartbeat | time-log) echo 0 ;; *) echo 1 ;; esac)" \
        lint --today 2026-04-01 --fail-on info "fixtures/styles/$f.md"
    golden "styles/$f.json" 0 parse --compact "fixtures/styles/$f.md"
done

# --- lint ---------------------------------------------------------------------
golden lint/problems.txt 1 lint --today 2026-06-10 fixtures/lint/problems.md
golden lint/problems.json 1 lint --today 2026-06-10 --format json fixtures/lint/problems.md
golden lint/problems.github 1 lint --today 2026-06-10 --format github fixtures/lint/problems.md
golden lint/problems.sarif 1 lint --today 2026-06-10 --format sarif fixtures/lint/problems.md
golden lint/config.txt 0 lint --today 2026-06-20 fixtures/config
golden lint/config-ignored.txt 0 lint --today 2026-06-20 --no-config fixtures/config/plan.md
golden lint/explicit-config.txt 1 lint --today 2026-06-10 --config fixtures/config/.statuslog.json \
    fixtures/lint/problems.md
expect lint-summary 1 '^statuslog: 4 errors, 4 warnings, 1 note in 1 file$' \
    lint --today 2026-06-10 fixtures/lint/problems.md
expect lint-fail-on-warning 1 '' lint --today 2026-06-20 --fail-on warning --format json fixtures/config
printf '# Clean\n\n## Status (2026-03-01)\n- \342\234\205 Shipped.\n' >"$TMP/clean.md"
expect lint-fail-on-info-clean 0 '' lint --today 2026-03-07 --fail-on info --format json \
    --no-config "$TMP/clean.md"
expect lint-fail-on-info 1 '' lint --today 2026-06-20 --fail-on info --format json fixtures/config
"$BIN" lint --today 2026-06-10 fixtures/lint >"$TMP/dir.txt" 2>/dev/null
cmp -s "$TMP/dir.txt" tests/golden/lint/problems.txt && pass || fail "lint DIR lints every *.md below"
expect lint-bad-config 2 '^statuslog: .*fixtures/bad-config/\.statuslog\.json:4:5: rule "entry-order": severity must be' \
    lint fixtures/bad-config/plan.md
[ "$(wc -l <"$TMP/err")" = 1 ] && pass || fail "an invalid configuration is one line"
# given with --config, for a folder of several documents: still one line
for cmd in lint digest; do
    expect "$cmd-bad-explicit-config" 2 'fixtures/bad-config/\.statuslog\.json:4:5: rule "entry-order"' \
        $cmd --config fixtures/bad-config/.statuslog.json fixtures/digest/team
    [ "$(wc -l <"$TMP/err")" = 1 ] && pass || fail "$cmd: an invalid --config is one line, not one a document"
done
expect lint-missing 2 '^statuslog: nope\.md: No such file or directory$' lint nope.md
expect lint-bad-format 2 "not one of text, json, github, sarif" lint --format xml fixtures/plan.md
expect lint-bad-fail-on 2 "not one of error, warning, info" lint --fail-on fatal fixtures/plan.md
expect lint-bad-today 2 "'2026-02-30' is not a date" lint --today 2026-02-30 fixtures/plan.md
expect lint-no-path 2 'no PATH given' lint
"$BIN" lint --help | grep -q 'stale-item  *warning' && pass || fail "lint --help lists the rules"
golden parse/config-markers.json 0 parse --compact fixtures/config/plan.md

# --- append -------------------------------------------------------------------
cp fixtures/plan.md "$TMP/plan.md"
expect append-existing 0 '' append "$TMP/plan.md" --date 2026-03-06 --done "Mapping change merged" \
    --next "Rerun the canary after the merge"
two_lines=$(printf 'Backfill running\nsecond line\n# kept as text')
expect append-new 0 '' append "$TMP/plan.md" --date 2026-03-05 --label Status \
    --in-progress "$two_lines"
expect append-end 0 '' append "$TMP/plan.md" --date 2026-03-10 --blocked "Waiting on SRE"
cmp -s "$TMP/plan.md" tests/golden/append/plan-after.md && pass ||
    { [ "${UPDATE_GOLDEN:-}" = 1 ] && mkdir -p tests/golden/append &&
      cp "$TMP/plan.md" tests/golden/append/plan-after.md; fail "append result differs from tests/golden/append/plan-after.md"; }
cp "$TMP/plan.md" "$TMP/before.md"
expect append-dedupe 0 '1 item already recorded, not added again; file unchanged' \
    append "$TMP/plan.md" --date 2026-03-10 --blocked "waiting on  SRE"
cmp -s "$TMP/plan.md" "$TMP/before.md" && pass || fail "a duplicate leaves the file as it was"
golden append/dry-run.diff 0 append fixtures/plan.md --date 2026-03-04 --done "Dry" --dry-run
printf '[{"date": "2026-03-11", "items": [{"state": "done", "text": "From JSON"}]}]' |
    "$BIN" append "$TMP/plan.md" --from-json - && grep -q '^- ✅ From JSON$' "$TMP/plan.md" && pass ||
    fail "append --from-json - reads standard input"
# every error leaves the file byte-identical, with one line and exit 2
cp "$TMP/plan.md" "$TMP/before.md"
for args in "--date 2026-02-30 --done x" "--date tomorrow --done x" "--done" \
    "--from-json $TMP/nope.json" "--run" "--timeout 3 --done x" "--date 2026-03-01T10:00XYZT --done x" \
    "--label= --done x"; do
    # shellcheck disable=SC2086
    "$BIN" append "$TMP/plan.md" $args >/dev/null 2>"$TMP/err" </dev/null
    rc=$?
    [ $rc = 2 ] && cmp -s "$TMP/plan.md" "$TMP/before.md" && pass ||
        fail "append $args: exit $rc, or the file changed"
done
echo '{"items": [{"state": "finished", "text": "x"}]}' >"$TMP/bad.json"
expect append-bad-state 2 "entry 1: unknown state finished" append "$TMP/plan.md" --from-json "$TMP/bad.json"
echo '{"items": [' >"$TMP/bad.json"
expect append-bad-json 2 "bad\.json:1:12: invalid JSON" append "$TMP/plan.md" --from-json "$TMP/bad.json"
expect append-missing 2 '^statuslog: nope\.md: No such file or directory$' append nope.md --done x
expect append-directory 2 'is a directory' append fixtures --done x
cmp -s "$TMP/plan.md" "$TMP/before.md" && pass || fail "failed appends left the file as it was"
if [ "$(id -u)" != 0 ]; then
    chmod 555 "$TMP" && expect append-readonly-dir 2 'not writable' append "$TMP/plan.md" --done x
    chmod 755 "$TMP"
fi
cp "$TMP/plan.md" "$TMP/ro.md" && chmod 444 "$TMP/ro.md"
expect append-readonly 2 'ro\.md: is read-only$' append "$TMP/ro.md" --done x
cmp -s "$TMP/ro.md" "$TMP/plan.md" && pass || fail "a read-only file is untouched"
# --run: output passes through, the result is recorded, the exit status is the command's
"$BIN" append "$TMP/plan.md" --date 2026-03-12 --run -- sh -c 'echo out; echo err >&2; exit 0' \
    >"$TMP/out" 2>"$TMP/err"
[ $? = 0 ] && grep -q '^out$' "$TMP/out" && grep -q '^err$' "$TMP/err" &&
    grep -Fq -e "- ✅ \`sh -c 'echo out; echo err >&2; exit 0'\` passed in " "$TMP/plan.md" &&
    pass || fail "append --run success"
"$BIN" append "$TMP/plan.md" --date 2026-03-12 --run --name "unit tests" -- sh -c 'exit 3' 2>/dev/null
[ $? = 3 ] && grep -Eq '^- ❌ `unit tests` failed with exit status 3 after' "$TMP/plan.md" && pass ||
    fail "append --run failure"
"$BIN" append "$TMP/plan.md" --date 2026-03-12 --run --timeout 0.3 -- sleep 5 2>/dev/null
[ $? = 124 ] && grep -q '`sleep 5` timed out after' "$TMP/plan.md" && pass || fail "append --run --timeout"
"$BIN" append "$TMP/plan.md" --date 2026-03-12 --run -- sh -c 'kill -TERM $$' 2>/dev/null
[ $? = 143 ] && grep -q 'was killed by signal 15' "$TMP/plan.md" && pass || fail "append --run signal"
expect append-run-no-command 2 'no COMMAND after --' append "$TMP/plan.md" --run
expect append-extra 2 "unexpected argument 'extra'" append "$TMP/plan.md" extra --done x
ln -s plan.md "$TMP/link.md"
"$BIN" append "$TMP/link.md" --date 2026-03-13 --done "Through a link" &&
    [ -L "$TMP/link.md" ] && grep -q 'Through a link' "$TMP/plan.md" && pass ||
    fail "append through a symlink updates the target and keeps the link"
"$BIN" parse "$TMP/plan.md" >/dev/null && pass || fail "the appended file parses"
"$BIN" lint --today 2026-03-20 --no-config "$TMP/plan.md" 2>/dev/null | grep -q entry-order &&
    fail "appends keep the log in date order" || pass

# --- check ---------------------------------------------------------------------
cp fixtures/plan.md "$TMP/current.md"
expect check-same 0 '^statuslog: 0 errors, 0 warnings, 0 notes in 1 file$' \
    check "$TMP/current.md" --baseline fixtures/plan.md
# fixtures/check/regressed.md is fixtures/plan.md with a box unchecked, a box
# deleted, a done item turned next, an item reworded and an entry deleted
golden check/regressed.txt 1 check fixtures/check/regressed.md --baseline fixtures/plan.md
golden check/regressed.github 1 check --format github fixtures/check/regressed.md \
    --baseline fixtures/plan.md
golden check/reverse.txt 1 check fixtures/plan.md --baseline fixtures/check/regressed.md
expect check-appends-ok 0 '' check --format json tests/golden/append/plan-after.md --baseline fixtures/plan.md
expect check-fail-on 0 '' check --format json --fail-on error fixtures/plan.md --baseline fixtures/plan.md
expect check-no-mode 2 'give one of --baseline and --git' check fixtures/plan.md
expect check-both 2 'give one of --baseline and --git' check fixtures/plan.md --baseline a --git b
expect check-missing-baseline 2 '^statuslog: nope\.md: No such file or directory$' \
    check fixtures/plan.md --baseline nope.md
if command -v git >/dev/null 2>&1; then
    repo="$TMP/repo"
    mkdir -p "$repo/docs"
    g() { git -C "$repo" -c user.email=ci@example.com -c user.name=ci "$@" >/dev/null 2>&1; }
    g init -q
    cp fixtures/plan.md "$repo/docs/plan.md"
    g add docs/plan.md && g commit -qm one
    g branch base
    "$BIN" append "$repo/docs/plan.md" --date 2026-03-07 --done "Later work" 2>/dev/null
    g commit -qam two
    sed -i 's/- \[x\] Feature flag/- [ ] Feature flag/' "$repo/docs/plan.md"
    expect check-git-head 1 '0 warnings' check "$repo/docs/plan.md" --git HEAD
    grep -q 'checklist-regressed' "$TMP/out" && pass || fail "check --git HEAD finds the unchecked box"
    expect check-git-parent 1 '' check --format json "$repo/docs/plan.md" --git HEAD~1
    expect check-git-branch 1 '' check --format json "$repo/docs/plan.md" --git base
    (cd "$repo/docs" && "$BIN" check plan.md --git HEAD --format json >/dev/null 2>&1)
    [ $? = 1 ] && pass || fail "check --git from inside the repository with a relative path"
    cp fixtures/plan.md "$repo/docs/new.md"
    expect check-git-absent 0 "new\.md: not in HEAD: no baseline" check "$repo/docs/new.md" --git HEAD
    expect check-git-bad-ref 2 '^statuslog: .*plan\.md: git: Not a valid object name nope' \
        check "$repo/docs/plan.md" --git nope
    [ "$(wc -l <"$TMP/err")" = 1 ] && pass || fail "a bad ref is one line"
    expect check-git-dash 2 "is not a revision" check "$repo/docs/plan.md" --git --upload-pack=x
    mkdir -p "$TMP/norepo" && cp fixtures/plan.md "$TMP/norepo/plan.md"
    GIT_CEILING_DIRECTORIES="$TMP" expect check-git-norepo 2 'git: not a git repository' \
        check "$TMP/norepo/plan.md" --git HEAD
else
    echo "cli: git not found, skipping check --git tests"
fi

# --- digest and template ---------------------------------------------------------
golden digest/week.md 0 digest --today 2026-03-08 --week 2026-W10 fixtures/plan.md
golden digest/week.html 0 digest --today 2026-03-08 --week 2026-W10 --format html fixtures/plan.md
golden digest/week.txt 0 digest --today 2026-03-08 --week 2026-W10 --format text fixtures/plan.md
golden digest/week.json 0 digest --today 2026-03-08 --week 2026-W10 --format json fixtures/plan.md
golden digest/newyear.txt 0 digest --today 2027-01-05 --week 2026-W53 --format text \
    fixtures/digest/newyear.md
golden digest/several.md 0 digest --today 2027-01-05 --since 2026-03-01 --until 2027-01-03 \
    fixtures/plan.md fixtures/digest/newyear.md fixtures/digest/team
golden digest/empty.md 0 digest --today 2026-08-10 --days 3 fixtures/plan.md
# a directory with active and quiet documents (blocked and failed items, a
# newest-first log, a dated-list worklog, an old plan, a README)
golden digest/team.md 0 digest --week 2026-W10 --today 2026-03-20 fixtures/digest/team
golden digest/team.txt 0 digest --week 2026-W10 --today 2026-03-20 --format text fixtures/digest/team
golden digest/team.html 0 digest --week 2026-W10 --today 2026-03-20 --format html fixtures/digest/team
golden digest/team.json 0 digest --week 2026-W10 --today 2026-03-20 --format json fixtures/digest/team
golden digest/team-all.md 0 digest --week 2026-W10 --today 2026-03-20 --all fixtures/digest/team
golden digest/newest-first.md 0 digest --since 2026-03-01 --until 2026-03-31 --today 2026-04-01 \
    fixtures/styles/newest-first.md
# one log of each style (SPEC §1) in week 2026-W23, in every format: a
# heading log, newest first, bold-line incidents, a dated list, prose only,
# a heartbeat, and a near-copy pair (a log and its archived copy)
S=fixtures/digest/styles
for style in heading-log newest-first incidents dated-list prose-log heartbeat near-copy; do
    case $style in
    near-copy) paths="$S/ops-notes.md $S/archive" ;;
    *) paths=$S/$style.md ;;
    esac
    for f in md:markdown html:html txt:text json:json; do
        # shellcheck disable=SC2086 # paths are words
        golden "digest/styles/$style.${f%%:*}" 0 digest --week 2026-W23 --today 2026-06-08 \
            --format "${f#*:}" $paths
    done
done
golden digest/styles/all.md 0 digest --week 2026-W23 --today 2026-06-08 $S
# a past week is the same whenever it is made (lint counts included)
for f in markdown json; do
    "$BIN" digest --week 2026-W10 --today 2026-03-20 --format $f fixtures/digest/team >"$TMP/day1"
    "$BIN" digest --week 2026-W10 --today 2026-11-02 --format $f fixtures/digest/team >"$TMP/day2"
    cmp -s "$TMP/day1" "$TMP/day2" && pass || fail "digest of a past week ($f) changes with --today"
done
# inside the week: as of today (the week has not ended)
"$BIN" digest --week 2026-W10 --today 2026-03-04 --format json fixtures/digest/team |
    grep -q '"as_of":	"2026-03-04"' && pass || fail "a digest of the running week is as of today"
golden digest/custom.txt 0 digest --today 2026-03-08 --template fixtures/templates/custom.mustache \
    fixtures/plan.md fixtures/digest/newyear.md
"$BIN" digest --today 2026-03-08 fixtures/plan.md >"$TMP/d1" && "$BIN" digest --today 2026-03-08 \
    --days 7 --until 2026-03-08 fixtures/plan.md >"$TMP/d2" && cmp -s "$TMP/d1" "$TMP/d2" && pass ||
    fail "the default period is the 7 days ending on --today"
"$BIN" digest --today 2026-03-08 --week 2026-W10 --format html -o "$TMP/d.html" fixtures/plan.md &&
    cmp -s "$TMP/d.html" tests/golden/digest/week.html && pass || fail "digest -o FILE"
grep -q '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;' tests/golden/digest/several.md && 
    fail "markdown is not HTML-escaped" || pass
"$BIN" digest --today 2027-01-05 --week 2026-W53 --format html fixtures/digest/newyear.md >"$TMP/ny.html"
grep -q '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;' "$TMP/ny.html" &&
    ! grep -q '<script' "$TMP/ny.html" && pass || fail "the HTML digest escapes document text"
grep -q 'http' tests/golden/digest/week.html && fail "the HTML digest loads nothing from outside" || pass
expect digest-bad-week 2 "2027 has no week 53" digest --week 2027-W53 fixtures/plan.md
expect digest-bad-week-form 2 "expected YYYY-Www" digest --week 2027-53 fixtures/plan.md
expect digest-week-and-days 2 "--week goes alone" digest --week 2026-W10 --days 3 fixtures/plan.md
expect digest-since-after-until 2 "--since is after --until" digest --since 2026-03-09 --until 2026-03-01 fixtures/plan.md
expect digest-bad-format 2 "not one of markdown, html, text, json" digest --format pdf fixtures/plan.md
expect digest-missing 2 '^statuslog: nope\.md: No such file or directory$' digest nope.md
expect digest-broken-template 2 'broken\.mustache:1: unclosed section .documents.' \
    digest --template fixtures/templates/broken.mustache fixtures/plan.md
echo '{"name": "<b>"}' >"$TMP/data.json"
golden template/nopartial.txt 0 template fixtures/templates/nopartial.mustache "$TMP/data.json"
"$BIN" digest --today 2026-03-08 --format json fixtures/plan.md >"$TMP/d.json"
"$BIN" template fixtures/templates/custom.mustache "$TMP/d.json" >"$TMP/t.txt" &&
    "$BIN" digest --today 2026-03-08 --template fixtures/templates/custom.mustache fixtures/plan.md |
    cmp -s - "$TMP/t.txt" && pass || fail "template over digest --format json equals digest --template"
echo '{"name": ' >"$TMP/bad.json"
expect template-bad-json 2 'bad\.json:2:1: invalid JSON' template fixtures/templates/nopartial.mustache "$TMP/bad.json"
expect template-broken 2 'unclosed section' template fixtures/templates/broken.mustache
echo '{"name": "stdin"}' | "$BIN" template fixtures/templates/nopartial.mustache - | grep -q '^\[\]stdin$' &&
    pass || fail "template reads data from standard input"

# --- --jobs: the same output for every number of threads ----------------------
mkdir -p "$TMP/many"
i=0
for f in fixtures/*.md fixtures/styles/*.md; do
    i=$((i + 1))
    cp "$f" "$TMP/many/$i-$(basename "$f")"
done
ln -s nowhere.md "$TMP/many/5-broken.md" # reported in its place, whatever the threads
for cmd in "lint --today 2026-03-10" "parse" "parse --compact" "parse --jsonl" \
    "digest --today 2026-03-10" "digest --today 2026-03-10 --format json"; do
    # shellcheck disable=SC2086 # the command's words
    "$BIN" $cmd -j 1 "$TMP/many" >"$TMP/j1.out" 2>"$TMP/j1.err"
    s1=$?
    for j in 2 5; do
        # shellcheck disable=SC2086
        "$BIN" $cmd --jobs $j "$TMP/many" >"$TMP/jn.out" 2>"$TMP/jn.err"
        sn=$?
        if [ "$s1" = "$sn" ] && cmp -s "$TMP/j1.out" "$TMP/jn.out" && cmp -s "$TMP/j1.err" "$TMP/jn.err"; then
            pass
        else
            fail "$cmd --jobs $j differs from -j 1 (exit $s1, $sn)"
        fi
    done
done
# one large document: its pieces parsed ahead on other threads
cp fixtures/plan.md "$TMP/large.md" # doubled 12 times: 4096 copies, 6.3 MB (a cat per copy
i=0                                  # took 15 s where a process is dear)
while [ $i -lt 12 ]; do
    cat "$TMP/large.md" "$TMP/large.md" >"$TMP/large2.md" && mv "$TMP/large2.md" "$TMP/large.md"
    i=$((i + 1))
done
"$BIN" parse --compact -j 1 "$TMP/large.md" >"$TMP/j1.out" 2>&1
"$BIN" parse --compact -j 3 "$TMP/large.md" >"$TMP/jn.out" 2>&1
cmp -s "$TMP/j1.out" "$TMP/jn.out" && pass || fail "a large document read with -j 3 differs from -j 1"
expect jobs-not-a-number 2 "lint: --jobs: 'x' is not a number from 0 to 64" lint -j x fixtures/plan.md
expect jobs-too-many 2 "is not a number from 0 to 64" parse --jobs 65 fixtures/plan.md

# --- usage --------------------------------------------------------------------
expect help 0 '' --help
expect version 0 '' --version
expect help-parse 0 '' help parse
expect parse-help 0 '' parse --help
"$BIN" parse --help | grep -q -- '--jsonl' && pass || fail "parse --help lists its options"
"$BIN" --version | grep -Eq '^statuslog [0-9]+\.[0-9]+\.[0-9]+$' && pass || fail "--version format"
expect no-command 2 'usage: statuslog' 
expect unknown-command 2 "unknown command 'frobnicate'" frobnicate
expect unknown-option 2 "unknown option '--frob'" parse --frob fixtures/plan.md
expect no-file 2 'no PATH given' parse
expect help-unknown 2 "unknown command 'nope'" help nope
expect help-help 0 '' help --help
expect help-of-help 0 '' help help
"$BIN" --help | grep -q '^Examples:' && pass || fail "statuslog --help has examples"
# a near miss gets the nearest name; a far one does not
expect did-you-mean-command 2 "^statuslog: unknown command 'lnt'; did you mean 'lint'[?]$" lnt fixtures/plan.md
expect did-you-mean-help 2 "did you mean 'digest'?" help dgest
expect did-you-mean-option 2 "^statuslog: unknown option '--fromat'; did you mean '--format'[?]$" \
    lint --fromat json fixtures/plan.md
expect did-you-mean-option-arg 2 "unknown option '--fromat'; did you mean '--format'?" \
    lint --fromat=json fixtures/plan.md
"$BIN" frobnicate 2>&1 | grep -q 'did you mean' && fail "'frobnicate' got a suggestion" || pass
"$BIN" parse --frob fixtures/plan.md 2>&1 | grep -q 'did you mean' && fail "'--frob' got a suggestion" || pass
"$BIN" lint --help | tail -6 | grep -q '^  statuslog lint ' && pass || fail "lint --help does not end with examples"

echo "cli: $passed passed, $failed failed"
[ "$failed" = 0 ]
