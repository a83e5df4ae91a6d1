#!/usr/bin/env bash
# kwaliteit side by side with StrictDoc and Doorstop on one corpus in all three formats,
# plus check against a floor that only reads the files, and fmt --check against check.
# Run from anywhere: bash bench/compare.sh
#   SIZES="2000 10000"  cases per corpus (principles: one per ten cases)
#   RUNS=3 WARMUP=1     interleaved measured runs and warm-up rounds per pair
#   SKIP=doorstop-html  pairs to leave out (names: strictdoc-json strictdoc-html
#                       strictdoc-json-cold strictdoc-html-cold doorstop-check
#                       doorstop-html floor fmt fmt-kept docx), comma-separated
#   NO_PEERS=1          only kwaliteit's own rows (no virtual environment, no network)
#   KWALITEIT_BIN=path  measure that binary instead of building target/release/kwaliteit
# StrictDoc and Doorstop (pinned below) are installed once from the Python package index
# into target/bench-peers/venv; without network or pip their rows are skipped, with a
# message. Exit code 1 when a ratio misses its target. Needs cargo, python3, git.
set -euo pipefail

STRICTDOC_VERSION=0.30.4
DOORSTOP_VERSION=3.2

src_bin=""
if [ -n "${KWALITEIT_BIN:-}" ]; then
    src_bin="$(cd "$(dirname "$KWALITEIT_BIN")" && pwd)/$(basename "$KWALITEIT_BIN")"
fi
cd "$(dirname "$0")/.."
root="$(pwd)"
SIZES="${SIZES:-2000 10000}"
RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-1}"
SKIP="${SKIP:-}"

echo "== cargo build --release (kwaliteit and the floor example)" >&2
if [ -z "$src_bin" ]; then
    cargo build --release --quiet
    src_bin=target/release/kwaliteit
fi
cargo build --release --quiet --example floor

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bin="$tmp/kwaliteit"
floor="$tmp/floor"
cp "$src_bin" "$bin"
cp target/release/examples/floor "$floor"

peers=()
venv="$root/target/bench-peers/venv"
want="strictdoc==$STRICTDOC_VERSION doorstop==$DOORSTOP_VERSION"
if [ -n "${NO_PEERS:-}" ]; then
    echo "compare.sh: NO_PEERS set: StrictDoc and Doorstop are not measured" >&2
elif [ -f "$venv/installed" ] && [ "$(cat "$venv/installed")" = "$want" ]; then
    peers=(--peers "$venv/bin")
else
    echo "== installing $want into target/bench-peers/venv (once)" >&2
    rm -rf "$venv"
    if python3 -m venv "$venv" >"$tmp/venv.log" 2>&1 &&
        "$venv/bin/pip" install --quiet $want >>"$tmp/venv.log" 2>&1; then
        echo "$want" >"$venv/installed"
        peers=(--peers "$venv/bin")
    else
        echo "compare.sh: StrictDoc and Doorstop could not be installed (no network, pip or" >&2
        echo "  venv?); only kwaliteit's own rows are measured. Last lines of the log:" >&2
        tail -n 5 "$tmp/venv.log" | sed 's/^/  /' >&2
    fi
fi

results="$tmp/results.jsonl"
for m in $SIZES; do
    n=$((m / 10))
    corpus="$tmp/corpus-$m"
    echo "== generating $n principles + $m cases in three formats" >&2
    python3 bench/generate_peers.py "$corpus" --principles "$n" --cases "$m" --seed 1
    python3 bench/compare.py --corpus "$corpus" --bin "$bin" --floor "$floor" \
        --size "$n principles + $m cases" --runs "$RUNS" --warmup "$WARMUP" --skip "$SKIP" \
        --results "$results" "${peers[@]}"
    rm -rf "$corpus"
done

echo >&2
echo "machine: $(nproc) cores, $(uname -sm); load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ ${#peers[@]} -gt 0 ] && echo "StrictDoc $STRICTDOC_VERSION, Doorstop $DOORSTOP_VERSION, $("$venv/bin/python" --version)"
python3 bench/compare.py report "$results"
