#!/usr/bin/env bash
# Benchmark `kwaliteit check` on the real manifest and on generated repositories.
# Run from anywhere: bash bench/run.sh   (RUNS=N for more or fewer measured runs;
# KWALITEIT_BIN=path measures that binary instead of building target/release/kwaliteit)
# Needs: cargo, python3. Exit code 1 when a target is missed.
set -euo pipefail

src_bin=""
if [ -n "${KWALITEIT_BIN:-}" ]; then # absolute, before changing directory
    src_bin="$(cd "$(dirname "$KWALITEIT_BIN")" && pwd)/$(basename "$KWALITEIT_BIN")"
fi
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"

if [ -z "$src_bin" ]; then
    echo "== cargo build --release" >&2
    cargo build --release --quiet
    src_bin=target/release/kwaliteit
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Measure a copy, so that a rebuild while the benchmark runs cannot swap the binary.
bin="$tmp/kwaliteit"
cp "$src_bin" "$bin"
results="$tmp/results.jsonl"

measure() { # label cases target_ms target_mb dir
    local label="$1" cases="$2" ms="$3" mb="$4" dir="$5"
    local extra=()
    [ -n "$cases" ] && extra+=(--cases "$cases")
    [ -n "$ms" ] && extra+=(--target-ms "$ms")
    [ -n "$mb" ] && extra+=(--target-mb "$mb")
    python3 bench/measure.py run --label "$label" --results "$results" --runs "$RUNS" \
        "${extra[@]}" -- "$bin" -C "$dir" check --format json
}

echo "== measuring (median and best of $RUNS runs, after 1 warm-up)" >&2
measure "real manifest" "" 10 "" .

#      principles cases  target_ms target_mb
for spec in "10 100 - -" "100 1000 - -" "1000 10000 300 200" "1000 20000 - -"; do
    read -r n m ms mb <<<"$spec"
    [ "$ms" = - ] && ms=""
    [ "$mb" = - ] && mb=""
    dir="$tmp/repo-$m"
    python3 bench/generate.py "$dir" --principles "$n" --cases "$m" --seed 1 2>/dev/null
    measure "$m cases / $n principles" \
        "$m" "$ms" "$mb" "$dir"
    rm -rf "$dir"
done

echo >&2
python3 bench/measure.py report "$results"
