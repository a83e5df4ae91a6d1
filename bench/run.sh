#!/usr/bin/env bash
# Benchmark `kwaliteit check`, `render` and `diff` on the real manifest, on generated
# repositories, and on hostile ones (one case with very many findings).
# Run from anywhere: bash bench/run.sh   (RUNS=N for more or fewer measured runs;
# KWALITEIT_BIN=path measures that binary instead of building target/release/kwaliteit)
# Needs: cargo, python3, git. Exit code 1 when a target is missed.
set -euo pipefail

source "$(dirname "$0")/binary.sh"
RUNS="${RUNS:-5}"

# measure LABEL CASES TARGET_MS TARGET_MB [measure.py options...] -- CMD...
# (CASES, TARGET_MS, TARGET_MB: "" or - for none)
measure() {
    local label="$1" cases="$2" ms="$3" mb="$4"
    shift 4
    local extra=()
    [ -n "$cases" ] && [ "$cases" != - ] && extra+=(--cases "$cases")
    [ -n "$ms" ] && [ "$ms" != - ] && extra+=(--target-ms "$ms")
    [ -n "$mb" ] && [ "$mb" != - ] && extra+=(--target-mb "$mb")
    python3 bench/measure.py run --label "$label" --results "$results" --runs "$RUNS" \
        "${extra[@]}" "$@"
}

files_of() { # number of files `check` reads in DIR
    "$bin" -C "$1" check --format json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["files"])'
}

# measure_render LABEL CASES FORMAT TARGET_MS TARGET_MB DIR: `render` into a new folder
n_out=0
measure_render() {
    local label="$1" cases="$2" format="$3" ms="$4" mb="$5" dir="$6"
    n_out=$((n_out + 1))
    local out="$tmp/out-$n_out-$format"
    measure "$label" "$cases" "$ms" "$mb" --section render --files "$(files_of "$dir")" \
        --expect render --out-dir "$out" --ext "$format" \
        -- "$bin" -C "$dir" render --format "$format" --out "$out"
    rm -rf "$out"
}

# Git for the diff repository: no user config needed, no signing, no automatic gc.
g() {
    git -C "$diff_repo" -c user.name=x -c user.email=x@example.org -c gc.auto=0 \
        -c commit.gpgsign=false -c tag.gpgsign=false -c init.defaultBranch=main "$@"
}

echo "== measuring (median and best of $RUNS runs, after 1 warm-up)" >&2
echo "-- check" >&2
measure "real manifest" - 10 - -- "$bin" -C . check --format json

#      principles cases  target_ms target_mb
for spec in "10 100 - -" "100 1000 - -" "1000 10000 300 200" "1000 20000 - -"; do
    read -r n m ms mb <<<"$spec"
    dir="$tmp/repo-$m"
    python3 bench/generate.py "$dir" --principles "$n" --cases "$m" --seed 1 2>/dev/null
    measure "$m cases / $n principles" "$m" "$ms" "$mb" -- "$bin" -C "$dir" check --format json
    [ "$m" = 10000 ] || rm -rf "$dir" # kept for render and diff
done

echo "-- render" >&2
big="$tmp/repo-10000"
measure_render "html: real manifest" - html 20 - .
measure_render "docx: real manifest" - docx - - .
measure_render "html: 10000 cases / 1000 principles" 10000 html 1000 500 "$big"
measure_render "docx: 10000 cases / 1000 principles" 10000 docx 3000 500 "$big"

echo "-- diff" >&2
# v1 = the repository above, v2 = the same files with ~5% of the case stories rewritten
# (generate.py --variant 1). Packed with `git gc`, as a clone is.
diff_repo="$big"
g init -q
g add -A
g commit -q -m v1
g tag v1
rm -rf "$big/manifest" "$big/cases"
python3 bench/generate.py "$big" --principles 1000 --cases 10000 --seed 1 --variant 1 2>/dev/null
if [ -n "$(g status --porcelain | grep -v '^ M ' || true)" ]; then
    echo "bench: --variant 1 added or removed files:" >&2
    g status --porcelain | grep -v '^ M ' | head >&2
    exit 1
fi
g add -A
g commit -q -m v2
g tag v2
lo=$((10000 * 4 / 100)) hi=$((10000 * 6 / 100)) # about 5% of the cases changed
big_files="$(files_of "$big")"
# Fresh commits leave loose objects (one file each), a clone has them packed: both.
measure "diff v1 v2 (loose): 10000 cases" 10000 - - --section diff-loose --files "$big_files" \
    --expect diff --changes "$lo:$hi" -- "$bin" -C "$big" diff v1 v2 --format json
g gc -q
measure "diff v1 v2: 10000 cases" 10000 1000 500 --section diff --files "$big_files" \
    --expect diff --changes "$lo:$hi" -- "$bin" -C "$big" diff v1 v2 --format json
measure "diff v1 (work tree): 10000 cases" 10000 - - --section diff --files "$big_files" \
    --expect diff --changes "$lo:$hi" -- "$bin" -C "$big" diff v1 --format json
# Every other format of the same diff (issue 12): under 1 s and 500 MB each.
for format in terminal md html; do
    measure "diff v1 v2 --format $format: 10000 cases" 10000 1000 500 --section diff \
        --files "$big_files" --expect output -- "$bin" -C "$big" diff v1 v2 --format "$format"
done
measure "diff v1 v2 --format docx: 10000 cases" 10000 1000 500 --section diff \
    --files "$big_files" --expect render --out-dir "$tmp/diff-docx" --ext docx \
    -- "$bin" -C "$big" diff v1 v2 --format docx --out "$tmp/diff-docx"
rm -rf "$tmp/diff-docx"
rm -rf "$big"

# PDF (issue 11): typst lays out every page, so its targets are its own: the real
# manifest under 300 ms, 1,000 cases under 5 s, memory under 500 MB.
echo "-- pdf" >&2
measure_render "pdf: real manifest" - pdf 300 500 .
pdf_repo="$tmp/repo-pdf-1000"
python3 bench/generate.py "$pdf_repo" --principles 100 --cases 1000 --seed 1 2>/dev/null
measure_render "pdf: 1000 cases / 100 principles" 1000 pdf 5000 500 "$pdf_repo"
rm -rf "$pdf_repo"

echo "-- hostile input: one case with very many findings" >&2
# The whole story on one line: the worst case for anything that copies or scans the
# line of each finding. `render` checks first and refuses, printing the errors.
#      kind  count   target_ms target_mb
for spec in "bsn 8000 500 100" "links 100000 5000 500"; do
    read -r kind count ms mb <<<"$spec"
    dir="$tmp/hostile-$kind"
    python3 bench/hostile.py "$dir" --kind "$kind" --count "$count" 2>/dev/null
    kb=$(($(wc -c <"$dir/cases/vijandig.md") / 1000))
    files="$(find "$dir/manifest" "$dir/cases" -type f | wc -l)"
    for format in json terminal; do
        measure "$count x $kind, $kb KB: check $format" - "$ms" "$mb" --section hostile \
            --files "$files" --expect findings -- "$bin" -C "$dir" check --format "$format"
    done
    measure "$count x $kind, $kb KB: render html" - "$ms" "$mb" --section hostile \
        --files "$files" --expect findings -- "$bin" -C "$dir" render --out "$tmp/uit-$kind"
    rm -rf "$dir" "$tmp/uit-$kind"
done

echo >&2
python3 bench/measure.py report "$results"
