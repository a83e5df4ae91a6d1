#!/usr/bin/env bash
# Does every command stay linear as a council's repository grows? Principles grow with
# the cases (one per ten), so quadratic work in either shows. For each size: `check`,
# `render` (HTML, Word) and `diff` of two revisions (JSON, HTML, Word), then the ratio
# of each figure to the one at half the size.
# Run from anywhere: bash bench/growth.sh
#   SIZES="25000 50000 100000"  case counts, each twice the one before (the default)
#   RUNS=3                       measured runs per command (median)
#   KWALITEIT_BIN=path           measure that binary instead of building one
# Needs: cargo, python3, git. Exit code 1 when a target is missed. Takes about 15 minutes
# at the default sizes on two cores.
set -euo pipefail

source "$(dirname "$0")/binary.sh"
RUNS="${RUNS:-3}"
SIZES="${SIZES:-25000 50000 100000}"

measure() { # LABEL CASES [measure.py options...] -- CMD...
    local label="$1" cases="$2"
    shift 2
    python3 bench/measure.py run --label "$label" --results "$results" --runs "$RUNS" \
        --mem-runs 1 --cases "$cases" "$@"
}

for m in $SIZES; do
    n=$((m / 10))
    repo="$tmp/repo-$m"
    echo "== $m cases / $n principles" >&2
    g() {
        git -C "$repo" -c user.name=x -c user.email=x@example.org -c gc.auto=0 \
            -c commit.gpgsign=false -c tag.gpgsign=false -c init.defaultBranch=main "$@"
    }
    # v1, then v2 with ~5% of the case stories rewritten, as in run.sh.
    python3 bench/generate.py "$repo" --principles "$n" --cases "$m" --seed 1 2>/dev/null
    g init -q
    g add -A
    g commit -q -m v1
    g tag v1
    rm -rf "$repo/manifest" "$repo/cases"
    python3 bench/generate.py "$repo" --principles "$n" --cases "$m" --seed 1 --variant 1 2>/dev/null
    g add -A
    g commit -q -m v2
    g tag v2
    g gc -q
    files="$("$bin" -C "$repo" check --format json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["files"])')"
    lo=$((m * 4 / 100)) hi=$((m * 6 / 100))

    measure "check: $m" "$m" --section check -- "$bin" -C "$repo" check --format json
    for format in html docx; do
        measure "render $format: $m" "$m" --section render --files "$files" --expect render \
            --out-dir "$tmp/out-$m-$format" --ext "$format" \
            -- "$bin" -C "$repo" render --format "$format" --out "$tmp/out-$m-$format"
        rm -rf "$tmp/out-$m-$format"
    done
    measure "diff json: $m" "$m" --section diff --files "$files" --expect diff \
        --changes "$lo:$hi" -- "$bin" -C "$repo" diff v1 v2 --format json
    measure "diff html: $m" "$m" --section diff --files "$files" --expect output \
        -- "$bin" -C "$repo" diff v1 v2 --format html
    measure "diff docx: $m" "$m" --section diff --files "$files" --expect render \
        --out-dir "$tmp/diff-$m" --ext docx \
        -- "$bin" -C "$repo" diff v1 v2 --format docx --out "$tmp/diff-$m"
    rm -rf "$tmp/diff-$m" "$repo"
done

python3 bench/measure.py growth "$results"
