#!/usr/bin/env python3
"""Write a repository with one hostile case: thousands of findings in one file.

    python3 bench/hostile.py OUT_DIR --kind bsn|links --count N [--layout line|lines]

The repository is the real manifest's shape from bench/generate.py (10 principles,
10 cases, one round, clean), plus `cases/vijandig.md` with:

  bsn    N citizen service numbers that pass the elfproef (each a `personal-data`
         error), about 17 bytes each: 8,000 give a 136 KB case;
  links  N links to files that do not exist (each a `broken-link` error), about
         22 bytes each: 100,000 give a 2.2 MB case.

`--layout line` (default) puts the whole story on one line: the worst case for
anything that copies or scans the line of a finding; `lines` puts ten per line.

Deterministic. Standard library only.
"""

import argparse
import os
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def bsn(rng):
    """Nine digits passing the elfproef (weights 9..2, minus the last digit)."""
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        if d[0] == 0:
            continue
        rest = sum((9 - i) * x for i, x in enumerate(d)) % 11
        if rest < 10:
            return "".join(map(str, d)) + str(rest)


def story(kind, count, layout, rng):
    items = []
    for i in range(count):
        if kind == "bsn":
            items.append(f"nr. {bsn(rng)}")
        else:
            items.append(f"[zie](weg/d{i:06d}.md)")
    sep = " en " if kind == "bsn" else " "
    if layout == "line":
        return sep.join(items) + ".\n"
    return "\n".join(sep.join(items[i : i + 10]) for i in range(0, len(items), 10)) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", metavar="OUT_DIR")
    ap.add_argument("--kind", choices=["bsn", "links"], required=True)
    ap.add_argument("--count", type=int, required=True, metavar="N")
    ap.add_argument("--layout", choices=["line", "lines"], default="line")
    args = ap.parse_args()
    subprocess.run([sys.executable, str(HERE / "generate.py"), args.out, "--principles", "10",
                    "--cases", "10", "--seed", "1"], check=True, stderr=subprocess.DEVNULL)
    rng = random.Random(f"hostile:{args.kind}:{args.count}")
    front = "---\nid: vijandig\ntitel: Vijandig\nuitgangspunt: {}\npartijen: [inwoners]\nsinds: 2015\n---\n"
    # Any principle id of the generated repository will do.
    principle = next(Path(args.out, "manifest/principles").glob("01-*.md")).stem[3:]
    path = Path(args.out, "cases/vijandig.md")
    path.write_text(front.format(principle) + story(args.kind, args.count, args.layout, rng),
                    encoding="utf-8")
    print(f"{path}: {os.path.getsize(path)} bytes, {args.count} x {args.kind}", file=sys.stderr)


if __name__ == "__main__":
    main()
