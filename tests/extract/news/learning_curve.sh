#!/bin/sh
# The learned reader's learning curve (docs/extract.md, "Tenth round: what
# the fresh sets say"): the reader and second look trained on dev..devK for
# each K given, each build scored on SET, a development set none of them
# read. Works in a temporary git worktree of HEAD, so the checkout's model
# files are never touched. About three minutes a K on one core.
#   usage: tests/extract/news/learning_curve.sh SET K...
#   e.g.   tests/extract/news/learning_curve.sh dev10 3 5 7 9
set -eu
[ $# -ge 2 ] || { echo "usage: $0 SET K..." >&2; exit 64; }
set_name=$1; shift
root=$(cd "$(dirname "$0")/../../.." && pwd)
news=$root/tests/extract/news
[ -f "$news/$set_name.txt" ] || { echo "$0: no $news/$set_name.txt" >&2; exit 66; }
tmp=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tmp/tree" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
git -C "$root" worktree add -q --detach "$tmp/tree" HEAD
cd "$tmp/tree"
make -s build/train-extract >/dev/null
for k in "$@"; do
    case $k in *[!0-9]*|'') echo "$0: K must be a number, not '$k'" >&2; exit 64 ;; esac
    sets=$tmp/sets$k
    mkdir -p "$sets"
    ln -s "$news/sources.csv" "$sets/"
    for s in dev $(seq -f 'dev%g' 2 "$k"); do
        [ "$s" != "$set_name" ] || { echo "$0: $set_name would be trained on at K=$k" >&2; exit 64; }
        ln -s "$news/$s.txt" "$news/$s-gold.csv" "$sets/"
    done
    build/train-extract "$sets" data/extract-model.csv data/extract-calibration.csv >"$tmp/train$k.log" 2>&1
    make -s BUILD="build-k$k" "build-k$k/exodus" >/dev/null
    moves=$(cat "$sets"/dev*-gold.csv | grep -vc '^id,')
    printf 'dev..dev%s (%s moves) on %s: ' "$k" "$moves" "$set_name"
    python3 "$news/score.py" "$tmp/tree/build-k$k/exodus" "$set_name" | tail -1
done
