#!/usr/bin/env python3
"""Time a command and measure its peak memory, without hyperfine or GNU time.

    python3 bench/measure.py run --label L --results FILE [--runs 5] [--warmup 1] [--mem-runs 3]
                                 [--section S] [--cases M] [--files F]
                                 [--expect check | --expect render --out-dir D --ext E
                                  | --expect diff --changes MIN:MAX | --expect findings
                                  | --expect output]
                                 [--target-ms T] [--target-mb MB] -- CMD ARGS...
    python3 bench/measure.py report FILE
    python3 bench/measure.py growth FILE

`run` first runs CMD once with its output captured and checks its result:

  --expect check   (default) a clean `kwaliteit check --format json`: exit code 0
                   and no findings (it also takes the file count from the JSON);
  --expect render  `kwaliteit render --out D`: exit code 0 and exactly one
                   non-empty `*.E` file in D, which must be missing or empty
                   before (HTML: ends with </html>; DOCX: a zip with
                   word/document.xml);
  --expect diff    `kwaliteit diff --format json`: exit code 0, valid JSON and a
                   `changes` count between MIN and MAX;
  --expect output  a printed document (`diff --format md|terminal|html`): exit code 0
                   and some output, HTML ending with </html>;
  --expect findings  a manifest with very many findings (bench/hostile.py), for
                   `check` in any format or a `render` that refuses: exit code 1
                   and the finding that counts the findings not shown (`... en nog
                   N dezelfde meldingen`) on stdout or stderr; with JSON, the
                   file count and the number of findings listed.

Then it does the warm-up runs and `--runs` measured runs with stdout to
/dev/null, then --mem-runs runs for peak memory, and appends one JSON line to
FILE. --section groups rows in the report (check, render, diff).

Wall time: time.perf_counter around start and wait of a direct child (includes
the ~1 ms it costs Python to start a process).

Peak memory: ru_maxrss. Not of a direct child of Python: on Linux a child's
ru_maxrss also counts the memory it had before exec, which is a copy of (or,
with vfork, the same as) this Python process, so every figure below ~15 MB
would read as ~15 MB. Instead /bin/sh runs CMD as its child and then execs
Python to print getrusage(RUSAGE_CHILDREN).ru_maxrss: the peak of CMD alone
(kilobytes on Linux, bytes on macOS). Separate runs (--mem-runs), so the shell
does not add to the timed runs.

`report` prints the table, the targets and the ratio time(20k)/time(10k);
its exit code is 1 when a target is missed. Standard library only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

RATIO_TARGET = 2.2


def run_once(cmd, capture=False):
    """Run cmd once; return (wall seconds, ru_maxrss bytes (inflated, see above), exit code,
    stdout, stderr, user+system CPU seconds)."""
    err_file = tempfile.TemporaryFile() if capture else None
    start = time.perf_counter()
    # Timed runs discard stderr too (render prints the errors that make it refuse).
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=err_file if capture else subprocess.DEVNULL)
    out = b""
    if capture:
        # Read before waiting, so a large output cannot block the child.
        out = proc.stdout.read()
        proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # already reaped; keep Popen from waiting again
    err = b""
    if err_file:
        err_file.seek(0)
        err = err_file.read()
        err_file.close()
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, rss, code, out, err, cpu


MEM_WRAPPER = (
    '"$@" >/dev/null; rc=$?; exec "$MEASURE_PY" -c '
    '"import resource, sys; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, sys.argv[1])" "$rc"'
)


def peak_rss(cmd, expected_code=0):
    """Peak RSS in bytes of one run of cmd, measured through /bin/sh (see above)."""
    env = dict(os.environ, MEASURE_PY=sys.executable)
    out = subprocess.run(["/bin/sh", "-c", MEM_WRAPPER, "sh", *cmd], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
    maxrss, code = (int(x) for x in out.split())
    if code != expected_code:
        sys.exit(f"measure.py: exit code {code} during a memory run")
    return maxrss * (1 if sys.platform == "darwin" else 1024)


def verify_check(args, code, out, err):
    """(problem or None, facts) for a `check --format json` run."""
    try:
        report = json.loads(out)
    except ValueError as e:
        return f"output is not JSON ({e}); stderr: {err.decode(errors='replace')[:500]}", {}
    facts = {"files": report.get("summary", {}).get("files")}
    if report.get("findings"):
        return f"{len(report['findings'])} findings, first: {report['findings'][0]}", facts
    if code != 0:
        return f"exit code {code}", facts
    return None, facts


def verify_render(args, code, out, err):
    """(problem or None, facts) for a `render --out DIR` run: one non-empty *.EXT in DIR."""
    stderr = err.decode(errors="replace")[:500]
    if code != 0:
        return f"exit code {code}; stderr: {stderr}", {}
    made = sorted(p for p in os.listdir(args.out_dir) if p.endswith("." + args.ext)) \
        if os.path.isdir(args.out_dir) else []
    if len(made) != 1:
        return f"expected one *.{args.ext} file in {args.out_dir}, found {made}", {}
    path = os.path.join(args.out_dir, made[0])
    size = os.path.getsize(path)
    if size == 0:
        return f"{path} is empty", {}
    if args.ext == "html":
        with open(path, "rb") as f:
            if b"</html>" not in f.read()[-4096:].lower():
                return f"{path} does not end with </html>", {}
    elif args.ext == "docx":
        try:
            with zipfile.ZipFile(path) as z:
                if "word/document.xml" not in z.namelist():
                    return f"{path} has no word/document.xml", {}
        except zipfile.BadZipFile as e:
            return f"{path} is not a zip file ({e})", {}
    return None, {"output": made[0], "output_bytes": size}


def verify_diff(args, code, out, err):
    """(problem or None, facts) for a `diff --format json` run: `changes` in MIN:MAX."""
    stderr = err.decode(errors="replace")[:500]
    try:
        report = json.loads(out)
    except ValueError as e:
        return f"output is not JSON ({e}); stderr: {stderr}", {}
    changes = report.get("changes")
    delta = report.get("delta") or {}
    facts = {"changes": changes,
             "changed": {k: len(v) for k, v in delta.items() if isinstance(v, list) and v}}
    if code != 0:
        return f"exit code {code}; stderr: {stderr}", facts
    lo, hi = (int(x) for x in args.changes.split(":"))
    if not isinstance(changes, int) or not lo <= changes <= hi:
        return f"`changes` is {changes!r}, expected {lo}..{hi} ({facts['changed']})", facts
    return None, facts


def verify_findings(args, code, out, err):
    """(problem or None, facts) for a run on a hostile manifest: exit 1, repeats counted."""
    facts = {}
    try:
        report = json.loads(out)
        facts = {"files": report.get("summary", {}).get("files"),
                 "findings": len(report.get("findings", []))}
    except ValueError:
        pass  # a terminal report, or render's errors on stderr
    if code != 1:
        return f"exit code {code}, expected 1; stderr: {err.decode(errors='replace')[:500]}", facts
    if "dezelfde meldingen".encode() not in out + err:
        return "no finding counts the repeated findings (`... en nog N dezelfde meldingen`)", facts
    return None, facts


def verify_output(args, code, out, err):
    """(problem or None, facts) for a command that prints a document (`diff --format
    md`, `terminal`, `html`): exit code 0 and a non-empty output; HTML ends whole."""
    if code != 0:
        return f"exit code {code}; stderr: {err.decode(errors='replace')[:500]}", {}
    if not out.strip():
        return "no output", {}
    if out.lstrip().startswith(b"<!DOCTYPE") and b"</html>" not in out[-4096:].lower():
        return "the HTML does not end with </html>", {}
    return None, {"output_bytes": len(out)}


VERIFY = {"check": verify_check, "render": verify_render, "diff": verify_diff,
          "findings": verify_findings, "output": verify_output}


def cmd_run(args):
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    if not cmd:
        sys.exit("measure.py: no command given after --")
    if args.expect == "render":
        if not (args.out_dir and args.ext):
            sys.exit("measure.py: --expect render needs --out-dir and --ext")
        if os.path.isdir(args.out_dir) and os.listdir(args.out_dir):
            sys.exit(f"measure.py: {args.out_dir} is not empty; pick a new folder")
    if args.expect == "diff" and not args.changes:
        sys.exit("measure.py: --expect diff needs --changes MIN:MAX")
    _, _, code, out, err, _ = run_once(cmd, capture=True)
    problem, facts = VERIFY[args.expect](args, code, out, err)
    if problem:
        sys.exit(f"measure.py: {args.label}: not a clean {args.expect}: {problem}")
    files = args.files if args.files is not None else facts.pop("files", None)
    facts.pop("files", None)
    expected_code = 1 if args.expect == "findings" else 0

    for _ in range(args.warmup):
        run_once(cmd)
    times, cpus = [], []
    for _ in range(args.runs):
        elapsed, _, code, _, _, cpu = run_once(cmd)
        if code != expected_code:
            sys.exit(f"measure.py: {args.label}: exit code {code} during a measured run")
        times.append(elapsed * 1000)
        cpus.append(cpu * 1000)
    peaks = [peak_rss(cmd, expected_code) / (1024 * 1024) for _ in range(args.mem_runs)]
    row = {
        "label": args.label,
        "section": args.section,
        "cases": args.cases,
        "files": files,
        "runs": args.runs,
        "best_ms": min(times),
        "median_ms": statistics.median(times),
        "cpu_ms": statistics.median(cpus),
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "peak_rss_mb": max(peaks),
        "target_ms": args.target_ms,
        "target_mb": args.target_mb,
        **facts,
    }
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(row) + "\n")
    print(f"  {args.label}: median {row['median_ms']:.1f} ms, best {row['best_ms']:.1f} ms, "
          f"cpu {row['cpu_ms']:.1f} ms, peak {row['peak_rss_mb']:.1f} MB", file=sys.stderr)


SECTIONS = {
    "check": "check --format json",
    "render": "render --format html|docx --out DIR",
    "diff-loose": "diff --format json (loose objects, as after fresh commits)",
    "diff": "diff --format json (packed git repository)",
    "hostile": "one case with very many findings (bench/hostile.py)",
}


def print_load(rows):
    """The highest load average seen during the runs, and a warning when it was high."""
    loads = [r["load"] for r in rows if r.get("load") is not None]
    if loads:
        cores = os.cpu_count() or 1
        note = "  (busy machine: wall times are noisy, compare cpu ms)" if max(loads) > cores / 2 else ""
        print(f"load average during the runs: up to {max(loads):.2f} on {cores} cores{note}")


def cmd_report(args):
    with open(args.results, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    missed = []
    width = max([30] + [len(r["label"]) for r in rows])
    head = (f"{'size':<{width}} {'files':>6} {'best ms':>8} {'median ms':>10} {'cpu ms':>8} "
            f"{'peak RSS MB':>12}  target")
    print(head)
    print("-" * (len(head) + 28))
    section = None
    for r in rows:
        r.setdefault("section", "check")
        if r["section"] != section and len({x.get("section", "check") for x in rows}) > 1:
            section = r["section"]
            print(f"[{SECTIONS.get(section, section)}]")
        targets = []
        if r["target_ms"] is not None:
            ok = r["median_ms"] < r["target_ms"]
            targets.append(f"< {r['target_ms']:g} ms {'ok' if ok else 'MISSED'}")
            if not ok:
                missed.append(f"{r['label']}: time")
        if r["target_mb"] is not None:
            ok = r["peak_rss_mb"] < r["target_mb"]
            targets.append(f"< {r['target_mb']:g} MB {'ok' if ok else 'MISSED'}")
            if not ok:
                missed.append(f"{r['label']}: memory")
        files = r["files"] if r["files"] is not None else "?"
        print(f"{r['label']:<{width}} {files:>6} {r['best_ms']:>8.1f} {r['median_ms']:>10.1f} "
              f"{r['cpu_ms']:>8.1f} {r['peak_rss_mb']:>12.1f}  " + ("; ".join(targets) or "-"))
    by_cases = {r["cases"]: r for r in rows if r["cases"] and r["section"] == "check"}
    if 10000 in by_cases and 20000 in by_cases:
        ratio = by_cases[20000]["median_ms"] / by_cases[10000]["median_ms"]
        ok = ratio <= RATIO_TARGET
        cpu_ratio = by_cases[20000]["cpu_ms"] / by_cases[10000]["cpu_ms"]
        print(f"\nratio time(20k)/time(10k), medians: {ratio:.2f}  "
              f"(target <= {RATIO_TARGET}: {'ok' if ok else 'MISSED'}); cpu time ratio {cpu_ratio:.2f}")
        if not ok:
            missed.append("linearity")
    outputs = [f"{r['label']}: " + (f"{r['output_bytes'] / 1e6:.1f} MB" if r["output_bytes"] >= 1e6
                                    else f"{r['output_bytes'] / 1e3:.0f} kB")
               for r in rows if r.get("output_bytes") is not None]
    if outputs:
        print("\nrendered documents: " + "; ".join(outputs))
    for r in rows:
        if r.get("findings") is not None:
            print(f"{r['label']}: {r['findings']} findings listed in the JSON report")
    for r in rows:
        if r.get("changes") is not None:
            parts = ", ".join(f"{k} {v}" for k, v in r["changed"].items()) or "none"
            of = f" of {r['cases']} cases" if r.get("cases") else ""
            print(f"{r['label']}: {r['changes']} changes{of} ({parts})")
    print(f"\ntimes: wall time, median and best of {rows[0]['runs'] if rows else '?'} runs after a "
          "warm-up (targets use the median); cpu = median user+system time")
    print_load(rows)
    if missed:
        print("targets missed: " + ", ".join(missed))
        return 1
    print("all targets met")
    return 0


DIFF_LIMIT_MS, DIFF_LIMIT_MB, DIFF_LIMIT_CASES = 10_000, 1_000, 100_000


def cmd_growth(args):
    """The rows of bench/growth.sh by command and size, each with the ratio of its time
    and memory to the same command at half the size (target <= RATIO_TARGET); `diff`
    at 100,000 cases or more also under DIFF_LIMIT_MS and DIFF_LIMIT_MB."""
    with open(args.results, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    by_command = {}
    for r in rows:
        by_command.setdefault(r["label"].split(":")[0], {})[r["cases"]] = r
    head = (f"{'command':<12} {'cases':>7} {'median ms':>10} {'cpu ms':>8} {'peak MB':>8} "
            f"{'time ratio':>11} {'memory ratio':>13}  target")
    print(head)
    print("-" * (len(head) + 20))
    missed = []
    for command, sizes in by_command.items():
        for cases in sorted(sizes):
            r = sizes[cases]
            half = sizes.get(cases // 2)
            ratios, notes = ("", ""), []
            if half:
                t = r["median_ms"] / half["median_ms"]
                m = r["peak_rss_mb"] / half["peak_rss_mb"]
                ratios = (f"{t:.2f}", f"{m:.2f}")
                for what, value in (("time", t), ("memory", m)):
                    if value > RATIO_TARGET:
                        notes.append(f"{what} ratio > {RATIO_TARGET} MISSED")
                        missed.append(f"{command} at {cases}: {what} ratio {value:.2f}")
            if command.startswith("diff") and cases >= DIFF_LIMIT_CASES:
                ok = r["median_ms"] < DIFF_LIMIT_MS and r["peak_rss_mb"] < DIFF_LIMIT_MB
                notes.append(f"< {DIFF_LIMIT_MS // 1000} s and < {DIFF_LIMIT_MB} MB "
                             + ("ok" if ok else "MISSED"))
                if not ok:
                    missed.append(f"{command} at {cases}: over {DIFF_LIMIT_MS // 1000} s or "
                                  f"{DIFF_LIMIT_MB} MB")
            print(f"{command:<12} {cases:>7} {r['median_ms']:>10.0f} {r['cpu_ms']:>8.0f} "
                  f"{r['peak_rss_mb']:>8.1f} {ratios[0]:>11} {ratios[1]:>13}  "
                  + ("; ".join(notes) or "-"))
    print(f"\nratio: to the same command at half the cases (and principles), target <= {RATIO_TARGET}; "
          f"times: wall, median of {rows[0]['runs'] if rows else '?'} runs after a warm-up")
    print_load(rows)
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1
    print("all targets met")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--label", required=True)
    r.add_argument("--results", required=True)
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("--warmup", type=int, default=1)
    r.add_argument("--mem-runs", type=int, default=3)
    r.add_argument("--section", default="check")
    r.add_argument("--cases", type=int, default=None)
    r.add_argument("--files", type=int, default=None,
                   help="file count for the table (check takes it from its JSON)")
    r.add_argument("--expect", choices=sorted(VERIFY), default="check")
    r.add_argument("--out-dir", help="--expect render: the --out folder of the command")
    r.add_argument("--ext", help="--expect render: extension of the document (html, docx)")
    r.add_argument("--changes", metavar="MIN:MAX", help="--expect diff: allowed `changes`")
    r.add_argument("--target-ms", type=float, default=None)
    r.add_argument("--target-mb", type=float, default=None)
    r.add_argument("cmd", nargs=argparse.REMAINDER)
    p = sub.add_parser("report")
    p.add_argument("results")
    p = sub.add_parser("growth")
    p.add_argument("results")
    args = ap.parse_args()
    if args.command == "run":
        cmd_run(args)
    elif args.command == "growth":
        sys.exit(cmd_growth(args))
    else:
        sys.exit(cmd_report(args))


if __name__ == "__main__":
    main()
