#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# statuslog merge as git's merge driver, in repositories made here: two
# branches appending on the same day, on different days, to the same entry,
# in a newest-first log; a tick on one side and an append on the other; the
# same item on both sides; a true conflict (markers around that item only);
# a README without dated entries (git's own merge); the replay of the
# canonical example dealt to two branches; --install; bad input.
# usage: merge.sh STATUSLOG SOURCE_DIR SHARED_DIR     (skips, 77, without git)
set -u
BIN=$1
SRC=$2
SHARED=$3
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
command -v git >/dev/null || { echo "merge: git not found, skipping"; exit 77; }
TMP=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT; [ -n "${KEEP:-}" ] && echo "merge: keeping $TMP"
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP/home" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t \
    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
mkdir -p "$HOME"

# repo NAME BASE_TEXT: a repository with log.md committed on main, driver installed
repo() {
    r=$TMP/$1
    mkdir -p "$r"
    git -C "$r" init -q -b main
    printf '%b' "$2" >"$r/log.md"
    (cd "$r" && "$BIN" merge --install >/dev/null) || fail "$1: --install"
    git -C "$r" add -A && git -C "$r" commit -qm base
}
# on BRANCH TEXT_TO_APPEND (creates the branch from main when missing)
on() {
    git -C "$r" checkout -q "$1" 2>/dev/null || git -C "$r" checkout -q -b "$1" main
    printf '%b' "$2" >>"$r/log.md"
    git -C "$r" commit -qam "$1"
}
# merged: merge branch b into a; exit status of git merge
merged() {
    git -C "$r" checkout -q a
    git -C "$r" merge -q --no-edit b >/dev/null 2>&1
}
lints_clean() { # no order, duplicate or mojibake finding
    ! "$BIN" lint --no-config --today 2026-12-31 "$r/log.md" 2>/dev/null |
        grep -qE '\[(entry-order|duplicate-entry|mojibake)\]'
}

# 1. the same day on both branches: one entry with both items
repo sameday '# Log\n\n## Status (2026-03-01)\n- ✅ start\n'
on a '\n## Status (2026-03-02)\n- ✅ from a\n'
on b '\n## Status (2026-03-02)\n- ✅ from b\n'
merged && [ "$(grep -c '^## Status (2026-03-02)' "$r/log.md")" = 1 ] && grep -q 'from a' "$r/log.md" &&
    grep -q 'from b' "$r/log.md" && lints_clean && pass || fail "same day: $(cat "$r/log.md")"

# 2. different days, appended out of order on each side: date order
repo days '# Log\n\n## Status (2026-03-01)\n- ✅ start\n'
on a '\n## Status (2026-03-03)\n- ✅ a on the 3rd\n'
on b '\n## Status (2026-03-02)\n- ✅ b on the 2nd\n\n## Status (2026-03-04)\n- ✅ b on the 4th\n'
merged && lints_clean && [ "$(grep '^## Status' "$r/log.md" | tr -d '\n')" = \
    "## Status (2026-03-01)## Status (2026-03-02)## Status (2026-03-03)## Status (2026-03-04)" ] &&
    pass || fail "different days: $(cat "$r/log.md")"

# 3. items added to the same entry on both sides (and the same item twice)
repo entry '# Log\n\n## Status (2026-03-01)\n- ✅ start\n\n## Notes\nText.\n'
git -C "$r" checkout -q -b a
sed -i 's/^- ✅ start$/- ✅ start\n- ✅ from a\n- ✅ both/' "$r/log.md" && git -C "$r" commit -qam a
git -C "$r" checkout -q -b b main
sed -i 's/^- ✅ start$/- ✅ start\n- ✅ from b\n- ✅ both/' "$r/log.md" && git -C "$r" commit -qam b
merged && [ "$(grep -c '^- ✅ both$' "$r/log.md")" = 1 ] && grep -q 'from a' "$r/log.md" &&
    grep -q 'from b' "$r/log.md" && grep -q '^## Notes$' "$r/log.md" && pass ||
    fail "same entry: $(cat "$r/log.md")"

# 4. a newest-first log: new entries on top, newest first
repo newest '# Deploys\n\n## 2026-03-02 — Deploy\n- ✅ 4.11\n\n## 2026-03-01 — Deploy\n- ✅ 4.10\n'
git -C "$r" checkout -q -b a
sed -i 's/^# Deploys$/# Deploys\n\n## 2026-03-03 — Deploy\n- ✅ 4.12/' "$r/log.md" && git -C "$r" commit -qam a
git -C "$r" checkout -q -b b main
sed -i 's/^# Deploys$/# Deploys\n\n## 2026-03-04 — Deploy\n- ✅ 4.13/' "$r/log.md" && git -C "$r" commit -qam b
merged && lints_clean && [ "$(grep '^## ' "$r/log.md" | cut -c4-13 | tr -d '\n')" = \
    "2026-03-042026-03-032026-03-022026-03-01" ] && pass || fail "newest first: $(cat "$r/log.md")"

# 5. a box ticked on one side, an entry appended on the other
repo tick '# Plan\n\n## Checklist\n- [ ] Dashboards\n- [ ] Runbook\n\n## Status (2026-03-01)\n- ✅ start\n'
git -C "$r" checkout -q -b a
sed -i 's/^- \[ \] Runbook$/- [x] Runbook/' "$r/log.md" && git -C "$r" commit -qam a
on b '\n## Status (2026-03-02)\n- ✅ more\n'
merged && grep -q '^- \[x\] Runbook$' "$r/log.md" && grep -q '^- \[ \] Dashboards$' "$r/log.md" &&
    grep -q '^- ✅ more$' "$r/log.md" && pass || fail "tick and append: $(cat "$r/log.md")"
# ... and the other way round (the tick comes from THEIRS)
repo tick2 '# Plan\n\n## Checklist\n- [ ] Dashboards\n- [ ] Runbook\n\n## Status (2026-03-01)\n- ✅ start\n'
on a '\n## Status (2026-03-02)\n- ✅ more\n'
git -C "$r" checkout -q -b b main
sed -i 's/^- \[ \] Runbook$/- [x] Runbook/' "$r/log.md" && git -C "$r" commit -qam b
merged && grep -q '^- \[x\] Runbook$' "$r/log.md" && grep -q '^- ✅ more$' "$r/log.md" && pass ||
    fail "tick from theirs: $(cat "$r/log.md")"

# 6. a true conflict: both reworded the same item; markers around it only
repo conflict '# Log\n\n## Status (2026-03-01)\n- ⏳ Load test against staging at 2x peak\n- ✅ other\n'
git -C "$r" checkout -q -b a
sed -i 's/2x peak$/2x peak, with SRE on call/' "$r/log.md" && on a '\n## Status (2026-03-02)\n- ✅ a\n'
git -C "$r" checkout -q -b b main
sed -i 's/2x peak$/3x peak, after the freeze/' "$r/log.md" && on b '\n## Status (2026-03-03)\n- ✅ b\n'
if merged; then
    fail "a true conflict merged cleanly: $(cat "$r/log.md")"
else
    [ "$(grep -c '^<<<<<<< ' "$r/log.md")" = 1 ] && grep -q 'with SRE on call' "$r/log.md" &&
        grep -q 'after the freeze' "$r/log.md" && grep -q '^- ✅ a$' "$r/log.md" &&
        grep -q '^- ✅ b$' "$r/log.md" && pass || fail "conflict markers: $(cat "$r/log.md")"
fi
# a rewording on one side only is taken
repo reword '# Log\n\n## Status (2026-03-01)\n- ⏳ Load test against staging at 2x peak\n'
on a '\n## Status (2026-03-02)\n- ✅ a\n'
git -C "$r" checkout -q -b b main
sed -i 's/2x peak$/2x peak, with SRE on call/' "$r/log.md" && git -C "$r" commit -qam b
merged && grep -q 'with SRE on call' "$r/log.md" && grep -q '^- ✅ a$' "$r/log.md" && pass ||
    fail "a rewording from theirs: $(cat "$r/log.md")"

# 7. a README without dated entries under the same pattern: git's merge
repo readme '# Readme\n\nLine one.\n\nLine two.\n\nLine three.\n'
git -C "$r" checkout -q -b a
sed -i 's/^Line one.$/Line one, edited by a./' "$r/log.md" && git -C "$r" commit -qam a
git -C "$r" checkout -q -b b main
sed -i 's/^Line three.$/Line three, edited by b./' "$r/log.md" && git -C "$r" commit -qam b
merged && grep -q 'edited by a' "$r/log.md" && grep -q 'edited by b' "$r/log.md" && pass ||
    fail "a README: $(cat "$r/log.md")"
# a paragraph THEIRS edits outside entries is not lost either
repo outside '# Plan\n\nOwner: data.\n\n## Status (2026-03-01)\n- ✅ start\n'
on a '\n## Status (2026-03-02)\n- ✅ a\n'
git -C "$r" checkout -q -b b main
sed -i 's/^Owner: data.$/Owner: platform./' "$r/log.md" && git -C "$r" commit -qam b
merged && grep -q 'Owner: platform.' "$r/log.md" && grep -q '^- ✅ a$' "$r/log.md" && pass ||
    fail "an edit outside entries: $(cat "$r/log.md")"

# 8. the replay: the canonical example's entries in date order, dealt to two
# branches alternately as appends, then merged: every item once, the two
# 2025-10-07 entries as one, in date order, no conflict
EXAMPLE=$SHARED/corpus/prisma-config-plan.md
if [ -f "$EXAMPLE" ]; then
    r=$TMP/replay
    mkdir -p "$r/entries"
    awk '/^## Status \(/ { n++; f = sprintf("%s/entries/%03d", dir, n) }
         /^## / && !/^## Status \(/ { f = "" }
         f { print > f } !n { print > (dir "/head") }' dir="$r" "$EXAMPLE"
    # each entry file named by its date, stable for equal dates
    for f in "$r"/entries/*; do
        d=$(head -1 "$f" | sed 's/.*(\(.*\)).*/\1/')
        mv "$f" "$r/entries/$d-$(basename "$f")"
    done
    git -C "$r" init -q -b main
    cp "$r/head" "$r/log.md"
    (cd "$r" && "$BIN" merge --install >/dev/null)
    printf 'entries/\nhead\n' >"$r/.gitignore"
    git -C "$r" add log.md .gitattributes .gitignore && git -C "$r" commit -qm base
    git -C "$r" branch a && git -C "$r" branch b
    i=0
    for f in $(ls "$r/entries" | sort); do
        br=a
        [ $((i % 2)) = 1 ] && br=b
        git -C "$r" checkout -q $br
        { [ -n "$(tail -c1 "$r/log.md")" ] && echo; echo; cat "$r/entries/$f"; } >>"$r/log.md"
        git -C "$r" commit -qam "$f"
        i=$((i + 1))
    done
    if merged; then
        model=$("$BIN" parse --compact --no-config "$r/log.md")
        entries=$(echo "$model" | grep -o '"kind":"heading"' | wc -l)
        items=$(echo "$model" | grep -oE '"id":"[0-9a-f]{8}","line":[0-9]+,"state":"(done|next|in_progress|blocked|failed)"' |
            sed 's/"line":[0-9]*,//' | sort -u | wc -l)
        all=$(echo "$model" | grep -oE '"id":"[0-9a-f]{8}","line":[0-9]+,"state":"(done|next|in_progress|blocked|failed)"' | wc -l)
        [ "$entries" = 18 ] && [ "$items" = 43 ] && [ "$all" = 43 ] && lints_clean && pass ||
            fail "replay: $entries entries, $items distinct of $all items"
    else
        fail "replay: the merge stopped: $(git -C "$r" diff | head -20)"
    fi
fi

# 9. --install is idempotent, --global writes the user's files
r=$TMP/sameday
(cd "$r" && "$BIN" merge --install >/dev/null && "$BIN" merge --install '*.log.md' >/dev/null)
[ "$(grep -c 'merge=statuslog' "$r/.gitattributes")" = 2 ] && pass || fail "--install twice"
(cd "$r" && "$BIN" merge --install --global >/dev/null)
grep -q '^\*\.md merge=statuslog$' "$HOME/.config/git/attributes" &&
    git config --global merge.statuslog.driver | grep -q "merge %O %A %B %P" && pass ||
    fail "--install --global"

# 11. THEIRS renamed an entry's heading while OURS appended: the new name,
# no second entry, both appends (as git merge-file would)
repo rename '# Log\n\n## Status (2026-03-01)\n- ✅ start\n\n## Status (2026-03-02)\n- ✅ middle\n\n## Notes\nText.\n\n## Status (2026-03-03)\n- ✅ end\n'
on a '\n## Status (2026-03-04)\n- ✅ from a\n'
git -C "$r" checkout -q -b b main
sed -i 's/^## Status (2026-03-01)$/## Kickoff (2026-03-01)/' "$r/log.md" && git -C "$r" commit -qam b
merged && grep -q '^## Kickoff (2026-03-01)$' "$r/log.md" && ! grep -q '^## Status (2026-03-01)$' "$r/log.md" &&
    [ "$(grep -c '^- ✅ start$' "$r/log.md")" = 1 ] && grep -q '^- ✅ from a$' "$r/log.md" && pass ||
    fail "a heading renamed on one side: $(cat "$r/log.md")"
# ... THEIRS ran fix (an entry moved where it belongs) while OURS appended
repo fixed '# Log\n\n## Status (2026-03-01)\n- ✅ one\n\n## Status (2026-03-03)\n- ✅ three\n\n## Status (2026-03-02)\n- ✅ two\n\n## Status (2026-03-04)\n- ✅ four\n'
on a '\n## Status (2026-03-05)\n- ✅ five\n'
git -C "$r" checkout -q -b b main
(cd "$r" && "$BIN" fix --order log.md >/dev/null) && git -C "$r" commit -qam b
merged && [ "$(grep '^## Status' "$r/log.md" | cut -c12-21 | tr -d '\n')" = \
    "2026-03-012026-03-022026-03-032026-03-042026-03-05" ] && [ "$(grep -c '^- ✅ two$' "$r/log.md")" = 1 ] &&
    pass || fail "fix on one side, an append on the other: $(cat "$r/log.md")"
# ... THEIRS merged a duplicate entry (fix --merge-duplicates) while OURS appended: no item twice
repo dup '# Log\n\n## Status (2026-03-01)\n- ✅ one\n\n## Status (2026-03-01)\n- ✅ again\n\n## Status (2026-03-02)\n- ✅ two\n\n## Notes\nText.\n'
on a '\n## Status (2026-03-03)\n- ✅ three\n'
git -C "$r" checkout -q -b b main
(cd "$r" && "$BIN" fix --merge-duplicates log.md >/dev/null) && git -C "$r" commit -qam b
merged && [ "$(grep -c '^## Status (2026-03-01)$' "$r/log.md")" = 1 ] &&
    [ "$(grep -c '^- ✅ again$' "$r/log.md")" = 1 ] && grep -q '^- ✅ three$' "$r/log.md" && pass ||
    fail "duplicates merged on one side: $(cat "$r/log.md")"

# 12. bytes that are no UTF-8: THEIRS rewords a Latin-1 line, OURS appends;
# every byte of both sides stays exactly
repo latin1 '# Log\n\n## Status (2026-03-01)\n- \342\234\205 CV\n\n## Notes\nText.\n\n## Status (2026-03-02)\n- \342\234\205 two\n'
git -C "$r" checkout -q -b b main
sed -i 's/^- ✅ CV$/- ✅ r\xe9sum\xe9 sent/' "$r/log.md" && git -C "$r" commit -qam b
on a '\n## Status (2026-03-03)\n- \342\234\205 three\n'
merged && grep -q "$(printf 'r\351sum\351 sent')" "$r/log.md" && grep -q '^- ✅ three$' "$r/log.md" &&
    ! grep -q "$(printf '\357\277\275')" "$r/log.md" && pass || fail "Latin-1 bytes: $(od -c "$r/log.md" | head)"
# ... and through the driver alone: THEIRS adds one, both append at the end
printf '# Log\n\n## Status (2026-03-01)\n- ok\n' >"$TMP/l1.base"
printf '# Log\n\n## Status (2026-03-01)\n- ok\n\n## Status (2026-03-02)\n- ours\n' >"$TMP/l1.ours"
printf '# Log\n\n## Status (2026-03-01)\n- ok\n\n## Status (2026-03-03)\n- r\351sum\351\n' >"$TMP/l1.theirs"
"$BIN" merge "$TMP/l1.base" "$TMP/l1.ours" "$TMP/l1.theirs" >/dev/null 2>&1
grep -q "$(printf 'r\351sum\351')" "$TMP/l1.ours" && ! grep -q "$(printf '\357\277\275')" "$TMP/l1.ours" &&
    pass || fail "a Latin-1 line from theirs became: $(cat "$TMP/l1.ours")"

# 10. bad input: one line, exit 2, OURS unchanged
printf 'x\n' >"$TMP/ours.md"
"$BIN" merge "$TMP/nope.md" "$TMP/ours.md" "$TMP/ours.md" 2>"$TMP/err"
[ $? = 2 ] && [ "$(wc -l <"$TMP/err")" = 1 ] && [ "$(cat "$TMP/ours.md")" = x ] && pass ||
    fail "a missing BASE: $(cat "$TMP/err")"
"$BIN" merge "$TMP/ours.md" 2>/dev/null
[ $? = 2 ] && pass || fail "merge with one file"
echo "merge: $passed passed, $failed failed"
[ "$failed" = 0 ]
