#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The GitHub Action's script (scripts/github-action, what action.yml runs),
# locally: a repository with a base branch and a pull-request branch, the
# variables GitHub sets; the changed files are found, annotations printed,
# the exit status right; SARIF written when asked; on a shallow clone (as
# actions/checkout makes) and with a base that exists only as origin/NAME.
# usage: action.sh STATUSLOG SOURCE_DIR        (skips, 77, without git)
set -u
BIN=$1
SRC=$(cd "$2" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
command -v git >/dev/null || { echo "action: git not found, skipping"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
export HOME="$TMP" GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t \
    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t STATUSLOG="$BIN" GITHUB_BASE_REF=main \
    GITHUB_PATH="$TMP/github_path"

r=$TMP/repo
mkdir -p "$r/docs"
git -C "$r" init -q -b main
printf '# Log\n\n## Status (2026-03-01)\n- ✅ first\n\n## Status (2026-03-02)\n- ✅ second\n' >"$r/docs/log.md"
printf '# Readme\n' >"$r/README.md"
printf 'x\n' >"$r/notes.txt"
git -C "$r" add -A && git -C "$r" commit -qm base
act() { (cd "$r" && sh "$SRC/scripts/github-action" run) >"$TMP/out" 2>&1; }

# a good pull request: an entry appended, a text file changed
git -C "$r" checkout -q -b good
printf '\n## Status (2026-03-03)\n- ✅ third\n' >>"$r/docs/log.md"
echo y >>"$r/notes.txt"
git -C "$r" commit -qam good
act && pass || fail "a good pull request failed: $(cat "$TMP/out")"
# a bad one: history rewritten and an entry out of order
git -C "$r" checkout -q -b bad main
printf '# Log\n\n## Status (2026-03-02)\n- ✅ second\n\n## Status (2026-03-01)\n- ✅ first, reworded\n\n## Status (2026-03-03)\n- ✅ third\n' >"$r/docs/log.md"
git -C "$r" commit -qam bad
act
[ $? = 1 ] && pass || fail "a bad pull request did not exit 1: $(cat "$TMP/out")"
grep -q '^::error file=docs/log.md,line=[0-9]*.*entry-order' "$TMP/out" && pass ||
    fail "no entry-order annotation: $(cat "$TMP/out")"
grep -q '^::error file=docs/log.md,line=[0-9]*.*entry-rewritten' "$TMP/out" && pass ||
    fail "no entry-rewritten annotation: $(cat "$TMP/out")"
grep -q 'notes.txt\|README' "$TMP/out" && fail "unchanged or non-Markdown files checked" || pass
# SARIF when asked
(cd "$r" && SLOG_SARIF="$TMP/out.sarif" sh "$SRC/scripts/github-action" run) >/dev/null 2>&1
grep -q '"version":[[:space:]]*"2.1.0"' "$TMP/out.sarif" && pass || fail "no SARIF written"
# no Markdown changed: nothing to do
git -C "$r" checkout -q -b text main
echo z >>"$r/notes.txt"
git -C "$r" commit -qam text
act && grep -q 'no Markdown file changed' "$TMP/out" && pass || fail "no Markdown: $(cat "$TMP/out")"
# explicit paths, and a base given
git -C "$r" checkout -q bad
(cd "$r" && SLOG_PATHS=docs SLOG_BASE=main sh "$SRC/scripts/github-action" run) >"$TMP/out" 2>&1
[ $? = 1 ] && grep -q 'entry-order' "$TMP/out" && pass || fail "SLOG_PATHS: $(cat "$TMP/out")"
# the default checkout of actions/checkout: a shallow clone (depth 1) of the
# pull request's branch, the base not fetched; the base branch has moved on
# since the pull request left it, so the histories meet only deeper down
o=$TMP/origin
git clone -q --bare "$r" "$o"
git -C "$r" checkout -q main
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    echo "$i" >>"$r/notes.txt" && git -C "$r" commit -qam "main $i"
done
git -C "$r" push -q "$o" main
git -C "$r" checkout -q bad
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    echo "$i" >>"$r/README.md" && git -C "$r" commit -qam "bad $i"
done
git -C "$r" push -q "$o" bad good
shallow=$TMP/shallow
git clone -q --depth=1 --branch bad "file://$o" "$shallow"
[ "$(git -C "$shallow" rev-parse --is-shallow-repository)" = true ] && pass || fail "the clone is not shallow"
(cd "$shallow" && sh "$SRC/scripts/github-action" run) >"$TMP/out" 2>&1
rc=$?
[ $rc = 1 ] && grep -q '^::error file=docs/log.md,line=[0-9]*.*entry-order' "$TMP/out" &&
    grep -q 'entry-rewritten' "$TMP/out" && pass || fail "shallow clone: exit $rc: $(cat "$TMP/out")"
grep -q 'README\|notes.txt' "$TMP/out" && fail "shallow clone: files the pull request did not change" || pass
# a good pull request, shallow too
git clone -q --depth=1 --branch good "file://$o" "$TMP/shallow-good"
(cd "$TMP/shallow-good" && sh "$SRC/scripts/github-action" run) >"$TMP/out" 2>&1 && pass ||
    fail "shallow clone of a good pull request: $(cat "$TMP/out")"
# base: main given as a name that exists only as origin/main
full=$TMP/full
git clone -q --branch bad "file://$o" "$full"
git -C "$full" rev-parse --verify -q main >/dev/null && fail "the clone has a local main" || pass
(cd "$full" && GITHUB_BASE_REF='' SLOG_BASE=main sh "$SRC/scripts/github-action" run) >"$TMP/out" 2>&1
rc=$?
[ $rc = 1 ] && grep -q 'entry-order' "$TMP/out" && pass || fail "SLOG_BASE=main as origin/main: exit $rc: $(cat "$TMP/out")"
# a base nobody has: one line, exit 2
(cd "$full" && GITHUB_BASE_REF='' SLOG_BASE=no-such-branch sh "$SRC/scripts/github-action" run) >"$TMP/out" 2>&1
rc=$?
[ $rc = 2 ] && grep -q "no-such-branch" "$TMP/out" && pass || fail "an unknown base: exit $rc: $(cat "$TMP/out")"

# install: an installed statuslog is used as it is
mkdir -p "$TMP/bin" && ln -s "$BIN" "$TMP/bin/statuslog"
PATH="$TMP/bin:$PATH" sh "$SRC/scripts/github-action" install | grep -q '^statuslog: statuslog [0-9]' &&
    pass || fail "install with statuslog on PATH"
# action.yml runs the script's two steps
grep -q 'github-action" install' "$SRC/action.yml" && grep -q 'github-action" run' "$SRC/action.yml" &&
    grep -q "using: composite" "$SRC/action.yml" && pass || fail "action.yml does not run the script"
echo "action: $passed passed, $failed failed"
[ "$failed" = 0 ]
