#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets from the repository's own files.

    python3 fuzz/seed.py      # from anywhere; writes fuzz/corpus/{load,render,diff}/

Seeds: the real manifest (`manifest/`, `cases/`) and every repository under
`tests/cmd/*.in/` (two levels deep too, as `diff-folders.in/oud`). The layout of an
input is the one the targets read (fuzz/src/lib.rs):

  load    one byte: the kind (modulo 4: 0 manifest.yaml, 1 principle, 2 case,
          3 round) and the findings format (divided by 4, modulo 5), then the file;
  render  one byte for the output (0 HTML, 1 Markdown, 2 Word, 3 the matrix), then
          the files of PATHS joined with 0xFF (an empty piece: the file is absent);
  diff    one byte for the output (0 terminal, 1 Markdown, 2 JSON, 3 HTML, 4 Word),
          then two such repositories joined with 0xFE.

Every seed is written once per output, so the corpus reaches every format.

Standard library only. Existing seeds are overwritten, other corpus files kept.
"""

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
MAX_LOAD, MAX_REPO = 4096, 16384
# How many outputs the first byte of a render and a diff input chooses from.
RENDER_OUTPUTS, DIFF_OUTPUTS = 4, 5


def repositories():
    """Folders holding manifest/manifest.yaml: the repository itself and the fixtures."""
    found = [ROOT]
    for yaml in sorted((ROOT / "tests" / "cmd").glob("**/manifest/manifest.yaml")):
        found.append(yaml.parent.parent)
    return found


def files_of(repo):
    """(manifest.yaml, principles, cases, rounds) of one repository, as bytes."""
    def read(paths):
        return [p.read_bytes() for p in sorted(paths) if p.is_file()]
    return (read([repo / "manifest/manifest.yaml"]),
            read((repo / "manifest/principles").glob("*.md")),
            read((repo / "cases").glob("*.md")),
            read((repo / "manifest/rounds").glob("*.md")))


def packed(repo):
    """The repository as one render input, in the order of PATHS, small files first."""
    identity, principles, cases, rounds = files_of(repo)
    def nth_smallest(files, i):
        files = sorted(files, key=len)
        return files[i] if len(files) > i else b""
    pieces = [nth_smallest(identity, 0), nth_smallest(principles, 0), nth_smallest(cases, 0),
              nth_smallest(rounds, 0), nth_smallest(principles, 1), nth_smallest(cases, 1)]
    return b"\xff".join(pieces)


def write(target, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ("seed-" + hashlib.sha1(data).hexdigest()[:16])).write_bytes(data)


def main():
    repos = repositories()
    counts = {"load": 0, "render": 0, "diff": 0}
    for repo in repos:
        for kind, files in enumerate(files_of(repo)):
            for data in files:
                # The findings formats in turn, so the seeds reach each of them.
                report = counts["load"] % 5
                write("load", bytes([kind + 4 * report]) + data[:MAX_LOAD - 1])
                counts["load"] += 1
        data = packed(repo)
        if len(data) < MAX_REPO:
            for output in range(RENDER_OUTPUTS):
                write("render", bytes([output]) + data)
                counts["render"] += 1
    sides = [packed(r) for r in repos if len(packed(r)) < MAX_REPO // 2]
    # Each fixture against the next one, and against itself changed a little.
    for a, b in zip(sides, sides[1:] + sides[:1]):
        for output in range(DIFF_OUTPUTS):
            write("diff", bytes([output]) + a + b"\xfe" + b)
            write("diff", bytes([output]) + a + b"\xfe" + a.replace(b"e", b"a", 3))
            counts["diff"] += 2
    print(", ".join(f"{k}: {v} seeds" for k, v in counts.items()), "in", CORPUS.relative_to(ROOT))


if __name__ == "__main__":
    main()
