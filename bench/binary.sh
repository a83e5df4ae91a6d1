# Sourced by run.sh and growth.sh: goes to the repository root and puts the binary to
# measure in $bin, a copy in the temporary folder $tmp (removed on exit), so that a rebuild
# while the benchmark runs cannot swap it; $results is the file for measure.py's rows.
# KWALITEIT_BIN=path measures that binary instead of building target/release/kwaliteit.
src_bin=""
if [ -n "${KWALITEIT_BIN:-}" ]; then # absolute, before changing directory
    src_bin="$(cd "$(dirname "$KWALITEIT_BIN")" && pwd)/$(basename "$KWALITEIT_BIN")"
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -z "$src_bin" ]; then
    echo "== cargo build --release" >&2
    cargo build --release --quiet
    src_bin=target/release/kwaliteit
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bin="$tmp/kwaliteit"
cp "$src_bin" "$bin"
results="$tmp/results.jsonl"
