#!/usr/bin/env python3
"""Write one synthetic corpus in three formats: kwaliteit's, StrictDoc's and Doorstop's.

    python3 bench/generate_peers.py OUT_DIR --principles N --cases M [--seed S]

OUT_DIR/kwaliteit  the repository of bench/generate.py (same arguments, same bytes)
OUT_DIR/strictdoc  principles.sdoc + cases-NN.sdoc (1,000 cases per document); each
                   principle and case is a [REQUIREMENT] with UID = the kwaliteit id,
                   TITLE, STATEMENT = the Markdown body, TAGS = the parties of a case,
                   COMMENT = the responsibilities of a principle, and a Parent relation
                   from each case to its principle
OUT_DIR/doorstop   a Doorstop tree (a git repository, as Doorstop wants): document P
                   with one item per principle, document C (parent P) with one item per
                   case, linked to its principle; UID = P-<id> / C-<id> with the
                   hyphens of the id as underscores (Doorstop names are word characters)

The texts are the same in all three; only the markup around them differs.
Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (bench/generate.py)

CASES_PER_SDOC = 1000


def read(path):
    """Front matter (our generator's simple shape) and body of a kwaliteit file."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    fields, nested = {}, None
    for line in front.splitlines():
        if line.startswith("  ") and nested is not None:
            key, value = line.strip().split(": ", 1)
            fields[nested][key] = json.loads(value)
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if not value:
            nested = key
            fields[key] = {}
        elif value.startswith('"'):
            fields[key] = json.loads(value)
        elif value.startswith("["):
            fields[key] = [v.strip() for v in value[1:-1].split(",") if v.strip()]
        else:
            fields[key] = value
    return fields, body.strip("\n")


def load(root):
    principles = [read(p) for p in sorted((root / "manifest/principles").glob("*.md"))]
    cases = [read(p) for p in sorted((root / "cases").glob("*.md"))]
    return principles, cases


def sdoc_requirement(uid, title, statement, tags=None, comment=None, parent=None):
    out = ["", "[REQUIREMENT]", f"UID: {uid}"]
    if tags:
        out.append("TAGS: " + ", ".join(tags))
    out += [f"TITLE: {title}", "STATEMENT: >>>", statement, "<<<"]
    if comment:
        out += ["COMMENT: >>>", comment, "<<<"]
    if parent:
        out += ["RELATIONS:", "- TYPE: Parent", f"  VALUE: {parent}"]
    return out


def write_strictdoc(out, principles, cases):
    out.mkdir(parents=True)
    lines = ["[DOCUMENT]", "TITLE: Uitgangspunten"]
    for fields, body in principles:
        cells = "\n".join(f"{k}: {v}" for k, v in fields.get("verantwoordelijkheden", {}).items())
        lines += sdoc_requirement(fields["id"], fields["titel"], body, comment=cells or None)
    (out / "principles.sdoc").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for start in range(0, len(cases), CASES_PER_SDOC):
        n = start // CASES_PER_SDOC + 1
        lines = ["[DOCUMENT]", f"TITLE: Praktijkvoorbeelden {n}"]
        for fields, body in cases[start : start + CASES_PER_SDOC]:
            lines += sdoc_requirement(fields["id"], fields["titel"], body,
                                      tags=fields.get("partijen"), parent=fields.get("uitgangspunt"))
        (out / f"cases-{n:02d}.sdoc").write_text("\n".join(lines) + "\n", encoding="utf-8")


def block(text, indent="  "):
    """A YAML literal block (`|`) of text."""
    return "|\n" + "\n".join(indent + line if line else "" for line in text.split("\n"))


def doorstop_uid(prefix, kid):
    return f"{prefix}-{kid.replace('-', '_')}"


def doorstop_item(path, title, text, level, links):
    lines = ["active: true", "derived: false", "header: " + json.dumps(title, ensure_ascii=False),
             f"level: '{level}'"]
    lines += ["links:"] + [f"- {uid}: null" for uid in links] if links else ["links: []"]
    lines += ["normative: true", "ref: ''", "reviewed: null", "text: " + block(text)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_doorstop(out, principles, cases):
    pdir, cdir = out / "P", out / "C"
    pdir.mkdir(parents=True)
    cdir.mkdir()
    (pdir / ".doorstop.yml").write_text(
        "settings:\n  digits: 3\n  itemformat: yaml\n  prefix: P\n  sep: '-'\n", encoding="utf-8")
    (cdir / ".doorstop.yml").write_text(
        "settings:\n  digits: 3\n  itemformat: yaml\n  parent: P\n  prefix: C\n  sep: '-'\n",
        encoding="utf-8")
    for i, (fields, body) in enumerate(principles, 1):
        cells = "\n".join(f"{k}: {v}" for k, v in fields.get("verantwoordelijkheden", {}).items())
        uid = doorstop_uid("P", fields["id"])
        doorstop_item(pdir / f"{uid}.yml", fields["titel"], body + "\n\n" + cells, f"1.{i}", [])
    for i, (fields, body) in enumerate(cases, 1):
        uid = doorstop_uid("C", fields["id"])
        parent = fields.get("uitgangspunt")
        links = [doorstop_uid("P", parent)] if parent else []
        doorstop_item(cdir / f"{uid}.yml", fields["titel"], body, f"1.{i}", links)
    # Doorstop looks for the root of a version-controlled working copy.
    subprocess.run(["git", "init", "-q", str(out)], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", metavar="OUT_DIR")
    ap.add_argument("--principles", type=int, required=True, metavar="N")
    ap.add_argument("--cases", type=int, required=True, metavar="M")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        sys.exit(f"generate_peers.py: {out} is not empty; pick an empty or new folder")
    files = generate.generate(out / "kwaliteit", args.principles, args.cases, args.seed, 0)
    principles, cases = load(out / "kwaliteit")
    write_strictdoc(out / "strictdoc", principles, cases)
    write_doorstop(out / "doorstop", principles, cases)
    print(f"{files} kwaliteit files, {len(principles)} principles and {len(cases)} cases "
          f"as StrictDoc and Doorstop in {os.path.abspath(out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
