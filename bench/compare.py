#!/usr/bin/env python3
"""Interleaved side-by-side timings of kwaliteit and the tools a council could use instead.

    python3 bench/compare.py --corpus DIR --bin KWALITEIT --floor FLOOR --size LABEL
                             [--peers VENV_BIN] [--runs 3] [--warmup 1] [--skip NAME,...]
                             --results FILE
    python3 bench/compare.py report FILE

DIR is the output of bench/generate_peers.py. For each pair (A, B) it runs A, B, A, B, ...
(`--warmup` rounds first, not counted: StrictDoc's cache is then warm, except in the
`-cold` pairs, which give it a new, empty one for every run), and keeps the median wall
time of each side, with the ratio A/B. Peak memory of the kwaliteit side is
measured as in bench/measure.py (through /bin/sh, the binary alone). Every command must
exit 0; a pair whose other tool fails is reported as failed, with its error.
Standard library only; reuses bench/measure.py.
"""

import argparse
import json
import os
import statistics
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import MEM_WRAPPER, run_once  # noqa: E402

# Targets of the side-by-side comparison: other tool / kwaliteit at least this.
PEER_RATIO = 200
FLOOR_RATIO = 2.0  # check / floor at most
FMT_RATIO = 2.0  # fmt --check / check at most


def peak_rss(cmd, codes):
    """Peak RSS in bytes of one run of cmd alone, as measure.peak_rss, which allows only
    exit code 0; `fmt --check` may exit 1."""
    env = dict(os.environ, MEASURE_PY=sys.executable)
    out = subprocess.run(["/bin/sh", "-c", MEM_WRAPPER, "sh", *cmd], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
    maxrss, code = (int(x) for x in out.split())
    if code not in codes:
        sys.exit(f"compare.py: exit code {code} during a memory run of {' '.join(cmd)}")
    return maxrss * (1 if sys.platform == "darwin" else 1024)


def pairs(args, tmp):
    c = Path(args.corpus)
    kw = [args.bin, "-C", str(c / "kwaliteit")]
    check = kw + ["check", "--format", "json"]
    html = kw + ["render", "--format", "html", "--out", f"{tmp}/kw-html"]
    docx = kw + ["render", "--format", "docx", "--out", f"{tmp}/kw-docx"]
    # A repository kept in canonical form, as one whose CI runs `fmt --check` is: the
    # generated files quote their titles, which `fmt` leaves out.
    kept = [args.bin, "-C", f"{tmp}/kept"]
    if "fmt-kept" not in args.skip:
        shutil.copytree(c / "kwaliteit", f"{tmp}/kept")
        subprocess.run(kept + ["fmt"], stdout=subprocess.DEVNULL, check=True)
    peers = []
    if args.peers:
        args.peers = os.path.abspath(args.peers)
        sd = [f"{args.peers}/strictdoc", "export", str(c / "strictdoc")]
        sd_json = sd + ["--formats", "json", "--output-dir", f"{tmp}/sd-json"]
        sd_html = sd + ["--formats", "html", "--output-dir", f"{tmp}/sd-html"]
        # A new, empty cache for every run, as on a council's first export: StrictDoc
        # keeps it in the output folder (`_cache`), so each run gets a new one there and
        # the warm-up rounds cannot warm it.
        cold = ["/bin/sh", "-c", 'out="$(mktemp -d "$0/sd-cold.XXXXXX")" '
                '&& exec "$@" --output-dir "$out"', tmp]
        ds = ["env", "-C", str(c / "doorstop"), f"{args.peers}/doorstop"]
        peers = [
            ("strictdoc-json", "StrictDoc export --formats json", "check", sd_json, check),
            ("strictdoc-html", "StrictDoc export --formats html", "render html", sd_html, html),
            ("strictdoc-json-cold", "StrictDoc json, empty cache each run", "check",
             cold + sd + ["--formats", "json"], check),
            ("strictdoc-html-cold", "StrictDoc html, empty cache each run", "render html",
             cold + sd + ["--formats", "html"], html),
            ("doorstop-check", "Doorstop validate (doorstop -F)", "check", ds + ["-F"], check),
            ("doorstop-html", "Doorstop publish all --html", "render html",
             ds + ["publish", "all", f"{tmp}/ds-html", "--html"], html),
        ]
    own = [
        ("floor", "check / floor (read the files only)", "floor",
         check, [args.floor, str(c / "kwaliteit")]),
        ("fmt", "fmt --check / check (as generated)", "check",
         kw + ["fmt", "--check"], check),
        ("fmt-kept", "fmt --check / check (after fmt)", "check",
         kept + ["fmt", "--check"], kept + ["check", "--format", "json"]),
        ("docx", "render --format docx / check", "check", docx, check),
    ]
    return [p for p in peers + own if p[0] not in args.skip]


def run(args):
    tmp = tempfile.mkdtemp(prefix="kwaliteit-compare-")
    try:
        measure_pairs(args, tmp)
    finally:
        # The outputs, and a StrictDoc output folder per run of the `-cold` pairs.
        shutil.rmtree(tmp, ignore_errors=True)


def measure_pairs(args, tmp):
    with open(args.results, "a", encoding="utf-8") as results:
        for name, a_label, b_label, a, b in pairs(args, tmp):
            print(f"-- {args.size}: {a_label} vs {b_label}", file=sys.stderr)
            times = {"a": [], "b": []}
            cpus = {"a": [], "b": []}
            first = {}
            failed = None
            for i in range(args.warmup + args.runs):
                for side, cmd in (("a", a), ("b", b)):
                    wall, _, code, _, err, cpu = run_once(cmd, capture=True)
                    # `fmt --check` exits 1 when files are not in the fixed form (the
                    # generated ones are not, and each is then also read as formatted).
                    if code != 0 and not (name == "fmt" and side == "a" and code == 1):
                        failed = f"{' '.join(cmd[:3])}...: exit {code}: " \
                                 f"{err.decode(errors='replace').strip()[-300:]}"
                        break
                    first.setdefault(side, wall)
                    if i >= args.warmup:
                        times[side].append(wall)
                        cpus[side].append(cpu)
                if failed:
                    break
            row = {"size": args.size, "name": name, "a": a_label, "b": b_label}
            if failed:
                row["failed"] = failed
                print(f"   failed: {failed}", file=sys.stderr)
            else:
                row.update(a_s=statistics.median(times["a"]), b_s=statistics.median(times["b"]),
                           a_cpu=statistics.median(cpus["a"]), b_cpu=statistics.median(cpus["b"]),
                           a_first_s=first["a"], runs=args.runs)
                kw_cmds = [cmd for cmd in (a, b) if cmd[0] == args.bin]
                codes = (0, 1) if name == "fmt" else (0,)
                row["kw_mb"] = max(peak_rss(cmd, codes) for cmd in kw_cmds) / 1e6
                print(f"   {row['a_s']:.3f} s vs {row['b_s']:.3f} s (cpu {row['a_cpu']:.3f} s vs "
                      f"{row['b_cpu']:.3f} s)", file=sys.stderr)
            results.write(json.dumps(row) + "\n")


def report(path):
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    print(f"{'size':<28} {'A':<36} {'B':<11} {'A s':>8} {'B s':>7} {'A/B':>7} "
          f"{'A cpu':>8} {'B cpu':>7} {'A/B cpu':>8} {'kw MB':>6}  target (wall)")
    print("-" * 140)
    missed = 0
    for r in rows:
        if "failed" in r:
            print(f"{r['size']:<28} {r['a']:<36} {r['b']:<11} failed: {r['failed'][:70]}")
            missed += 1
            continue
        ratio = r["a_s"] / r["b_s"] if r["b_s"] else float("inf")
        cpu_ratio = r["a_cpu"] / r["b_cpu"] if r["b_cpu"] else float("inf")
        if r["name"] == "floor":
            ok = ratio <= FLOOR_RATIO
            target = f"<= {FLOOR_RATIO:g}x {'ok' if ok else 'MISSED'}"
        elif r["name"] in ("fmt", "fmt-kept"):
            ok = ratio <= FMT_RATIO
            target = f"<= {FMT_RATIO:g}x {'ok' if ok else 'MISSED'}"
        elif r["name"] == "docx":
            ok = True
            target = "-"
        else:
            ok = ratio >= PEER_RATIO
            target = f">= {PEER_RATIO}x {'ok' if ok else 'MISSED'}"
        missed += not ok
        print(f"{r['size']:<28} {r['a']:<36} {r['b']:<11} {r['a_s']:8.3f} {r['b_s']:7.3f} "
              f"{ratio:6.1f}x {r['a_cpu']:8.3f} {r['b_cpu']:7.3f} {cpu_ratio:7.1f}x "
              f"{r['kw_mb']:6.1f}  {target}")
    print()
    print("A s, B s: median wall time in seconds of interleaved runs A, B, A, B, ... after "
          "warm-up rounds\n(so StrictDoc's cache is warm, but for the rows with an empty cache "
          "each run); cpu: median user+system time\nof the same runs (children included); "
          "kw MB: peak RSS of the kwaliteit side. Targets are on the\nwall-time ratio.")
    return 1 if missed else 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "report":
        sys.exit(report(sys.argv[2]))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--size", required=True)
    ap.add_argument("--peers", help="bin folder of a virtual environment with strictdoc, doorstop")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--skip", type=lambda s: set(filter(None, s.split(","))), default=set())
    ap.add_argument("--results", required=True)
    run(ap.parse_args())


if __name__ == "__main__":
    main()
