#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The hooks of .pre-commit-hooks.yaml run by the real pre-commit framework
# (pre-commit try-repo) in a temporary repository: each passes on a clean
# log and fails on a broken one with the finding shown.
# usage: precommit.sh STATUSLOG SOURCE_DIR      (skips, 77, without pre-commit or git)
set -u
BIN=$1
SRC=$(cd "$2" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
for tool in pre-commit git; do
    command -v $tool >/dev/null || { echo "precommit: $tool not found, skipping"; exit 77; }
done
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
# the hooks run `statuslog` from PATH: this build's
mkdir -p "$TMP/bin"
ln -s "$BIN" "$TMP/bin/statuslog"
export PATH="$TMP/bin:$PATH" PRE_COMMIT_HOME="$TMP/cache" HOME="$TMP" GIT_CONFIG_NOSYSTEM=1 \
    GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
# try-repo copies the hooks repository: a copy of the hook definition in a
# repository of its own (the source tree may not be one, as on a CI checkout)
hooks=$TMP/hooks
mkdir -p "$hooks"
cp "$SRC/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add -A && git -C "$hooks" commit -qm hooks

r=$TMP/repo
mkdir -p "$r"
git -C "$r" init -q
printf '# Log\n\n## Status (2026-03-01)\n- ✅ first\n\n## Status (2026-03-02)\n- ✅ second\n' >"$r/log.md"
git -C "$r" add log.md && git -C "$r" commit -qm log

try() { # HOOK: pre-commit's exit status, its output in $TMP/out
    (cd "$r" && pre-commit try-repo "$hooks" "$1" --files log.md) >"$TMP/out" 2>&1
}
for hook in statuslog-lint statuslog-check statuslog-fix; do
    try $hook && grep -q Passed "$TMP/out" && pass || fail "$hook on a clean log: $(tail -5 "$TMP/out")"
done
# broken: an entry out of order and the second entry rewritten
printf '# Log\n\n## Status (2026-03-02)\n- ✅ second, rewritten\n\n## Status (2026-03-01)\n- ✅ first\n\n## Status (2026-03-03)\n- ✅ third\n' >"$r/log.md"
try statuslog-lint
[ $? != 0 ] && grep -q 'entry-order' "$TMP/out" && pass || fail "lint on a broken log: $(tail -5 "$TMP/out")"
try statuslog-check
[ $? != 0 ] && grep -q 'entry-rewritten' "$TMP/out" && pass ||
    fail "check on a rewritten log: $(tail -5 "$TMP/out")"
try statuslog-fix
[ $? != 0 ] && grep -q 'out of order' "$TMP/out" && pass || fail "fix --check: $(tail -5 "$TMP/out")"
echo "precommit: $passed passed, $failed failed"
[ "$failed" = 0 ]
