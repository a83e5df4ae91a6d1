#!/usr/bin/env python3
"""Write a synthetic manifest repository of the same shape as the real one.

    python3 bench/generate.py OUT_DIR --principles N --cases M [--seed S] [--variant K]

The output passes `kwaliteit check` without findings (when M >= N): every
principle has a case, every actor a responsibility, every link resolves.

Deterministic: the same arguments and the same vocabulary give the same bytes.
Every file has its own random stream, seeded from (seed, kind, index), so the
text of one file does not depend on the sizes asked for the others.

The vocabulary is read from the real texts next to this script (`manifest/`
and `cases/` of the repository), with a small built-in list as fallback.

`--variant K` (K > 0) rewrites a deterministic ~5% of the case stories (some
words swapped, a sentence added or dropped), for diff benchmarks; K = 0 is the
base. Ids, titles, file names and front matter stay the same.

Standard library only.
"""

import argparse
import json
import os
import random
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The parties of the real manifest.yaml, in the same order.
ACTORS = [
    ("inwoners", "Inwoners", "inwonerniveau"),
    ("professionals", "Professionals", "het uitvoerende niveau"),
    ("management", "Management", "het strategische niveau"),
    ("bestuur", "Bestuur", "politiek en bestuur van gemeente en zorginstellingen"),
    ("gemeente", "Gemeente", "heldere kaders en toezicht op de kwaliteit"),
    ("zorgaanbieders", "Zorgaanbieders", "zorginstellingen en aanbieders"),
    ("adviesraad", "Adviesraad Sociaal Domein", "ongevraagd advies en evaluatie met partners"),
]

FALLBACK_VOCABULARY = (
    "de het een en van in op met voor aan te is zijn wordt worden dat die niet ook "
    "als door naar bij om kwaliteit inwoner inwoners gemeente partners zorg professionals "
    "management bestuur toezicht samenwerken verbeteren leren open professioneel basis orde "
    "wijkteam ondersteuning hulp behoefte klant cliënten aanbieders beleid manifest advies "
    "adviesraad evaluatie regels wet eigen inbreng wederkerigheid vertrouwen ruimte werk"
).split()

WORD = re.compile(r"[^\W\d_]+")


def strip_front_matter(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5 :]
    return text


def load_vocabulary():
    """Word tokens of the real bodies, in file order: frequent words stay frequent."""
    files = sorted((REPO / "manifest").glob("**/*.md")) + sorted((REPO / "cases").glob("*.md"))
    tokens = []
    for path in files:
        body = strip_front_matter(path.read_text(encoding="utf-8"))
        body = re.sub(r"\]\([^)]*\)", "]", body)  # no words from link targets
        tokens.extend(w.lower() for w in WORD.findall(body) if len(w) > 1 or w.lower() in ("u", "a"))
    return tokens if len(tokens) >= 200 else FALLBACK_VOCABULARY


def slug(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded))


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class Writer:
    def __init__(self, vocabulary, seed):
        self.vocab = vocabulary
        self.long_words = [w for w in vocabulary if len(w) >= 4] or vocabulary
        self.seed = seed

    def rng(self, *key):
        return random.Random(":".join(str(k) for k in (self.seed,) + key))

    def words(self, rng, n, pool=None):
        pool = pool or self.vocab
        return [rng.choice(pool) for _ in range(n)]

    def sentences(self, rng, n_words):
        """About n_words words as sentences of 6-18 words."""
        out = []
        left = n_words
        while left > 0:
            n = min(left, rng.randint(6, 18))
            if left - n < 4:
                n = left
            ws = self.words(rng, n)
            if n > 8 and rng.random() < 0.35:
                ws[rng.randint(3, n - 4)] += ","
            ws[0] = ws[0][:1].upper() + ws[0][1:]
            out.append(" ".join(ws) + ".")
            left -= n
        return out

    def paragraphs(self, rng, n_words, n_paragraphs):
        sizes = split_sizes(rng, n_words, n_paragraphs)
        return [" ".join(self.sentences(rng, s)) for s in sizes]

    def title(self, rng, lo, hi):
        ws = self.words(rng, rng.randint(lo, hi), self.long_words)
        t = " ".join(ws)
        return t[:1].upper() + t[1:]


def split_sizes(rng, total, parts):
    if parts <= 1:
        return [total]
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if total > parts else []
    bounds = [0] + cuts + [total]
    sizes = [b - a for a, b in zip(bounds, bounds[1:])]
    # No tiny paragraphs: even them out if one is below 30 words.
    if min(sizes) < 30 and total >= 30 * parts:
        base = total // parts
        sizes = [base] * parts
        sizes[-1] += total - base * parts
    return sizes


def unique_id(base, taken):
    base = base or "x"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def vary_story(w, seed, variant, index, story):
    """Deterministically change a story: swap ~10% of words, add or drop a sentence."""
    rng = random.Random(f"{seed}:variant:{variant}:case:{index}")
    paragraphs = story.split("\n\n")
    p = rng.randrange(len(paragraphs))
    tokens = paragraphs[p].split(" ")
    plain = [i for i, t in enumerate(tokens) if not any(ch in t for ch in "[]()")]
    for _ in range(max(1, len(tokens) // 10)):
        i = rng.choice(plain)
        tail = tokens[i][len(tokens[i].rstrip(".,")) :]
        word = rng.choice(w.vocab)
        if i == 0 or tokens[i - 1].endswith("."):
            word = word[:1].upper() + word[1:]
        tokens[i] = word + tail
    paragraphs[p] = " ".join(tokens)
    sentences = paragraphs[-1].split(". ")
    if rng.random() < 0.5 or len(sentences) < 2:
        paragraphs[-1] += " " + " ".join(w.sentences(rng, rng.randint(8, 16)))
    else:
        del sentences[rng.randrange(len(sentences))]
        paragraphs[-1] = ". ".join(sentences)
        if not paragraphs[-1].endswith("."):
            paragraphs[-1] += "."
    return "\n\n".join(paragraphs)


def generate(out, n_principles, n_cases, seed, variant):
    w = Writer(load_vocabulary(), seed)
    n_actors = len(ACTORS)
    width = max(2, len(str(n_principles)))

    # --- principles: ids, titles and file names first, so cases can link to them
    taken = set()
    principles = []
    for i in range(n_principles):
        rng = w.rng("principle", i)
        title = w.title(rng, 2, 5)
        pid = unique_id(slug(title), taken)
        principles.append({"rng": rng, "id": pid, "title": title, "order": i + 1,
                           "file": f"{i + 1:0{width}d}-{pid}.md", "cases": []})

    # --- cases: the first N cover every principle, the rest pick at random
    taken = set()
    cases = []
    for i in range(n_cases):
        rng = w.rng("case", i)
        title = "De " + w.title(rng, 2, 4).lower()
        cid = unique_id(slug(title), taken)
        p = i if i < n_principles else rng.randrange(n_principles) if n_principles else None
        actors = sorted(rng.sample(range(n_actors), rng.randint(1, 3)))
        case = {"rng": rng, "id": cid, "title": title, "principle": p, "actors": actors,
                "since": rng.randint(2015, 2024)}
        cases.append(case)
        if p is not None:
            principles[p]["cases"].append(i)

    # --- write
    root = Path(out)
    pdir, rdir, cdir = root / "manifest/principles", root / "manifest/rounds", root / "cases"
    for d in (pdir, rdir, cdir):
        if d.exists() and any(d.iterdir()):
            sys.exit(f"generate.py: {d} is not empty; pick an empty or new folder")
        d.mkdir(parents=True, exist_ok=True)

    (root / "manifest/manifest.yaml").write_text(manifest_yaml(), encoding="utf-8")

    for j, p in enumerate(principles):
        rng = p["rng"]
        # Every actor gets responsibilities: actor k is always in principle k mod N.
        required = {k for k in range(n_actors) if k % n_principles == j}
        extra = set(rng.sample(range(n_actors), rng.randint(1, 4)))
        cells = sorted(required | extra)
        lines = ["---", f"id: {p['id']}", f"titel: {q(p['title'])}", f"volgorde: {p['order']}",
                 "verantwoordelijkheden:"]
        for k in cells:
            text = " ".join(w.words(rng, rng.randint(8, 20)))
            lines.append(f"  {ACTORS[k][0]}: {q(text)}")
        lines.append("---")
        short = " ".join(w.sentences(rng, rng.randint(60, 90)))
        elaboration = w.paragraphs(rng, rng.randint(250, 450), rng.randint(2, 4))
        if j % 5 == 0 and p["cases"]:
            c = cases[p["cases"][0]]
            elaboration[-1] += f" Zie ook [{c['title']}](../../cases/{c['id']}.md) uit de praktijk."
        body = short + "\n\n## Uitwerking\n\n" + "\n\n".join(elaboration) + "\n"
        (pdir / p["file"]).write_text("\n".join(lines) + "\n" + body, encoding="utf-8")

    chosen = set()
    if variant:
        vr = random.Random(f"{seed}:variant:{variant}")
        chosen = set(vr.sample(range(n_cases), max(1, round(n_cases * 0.05)))) if n_cases else set()

    for i, c in enumerate(cases):
        rng = c["rng"]
        story = "\n\n".join(w.paragraphs(rng, rng.randint(50, 100), 1 if rng.random() < 0.7 else 2))
        if i % 20 == 0 and c["principle"] is not None:
            p = principles[c["principle"]]
            story += f" Dit hoort bij [{p['title']}](../manifest/principles/{p['file']}#uitwerking)."
        if i in chosen:
            story = vary_story(w, seed, variant, i, story)
        lines = ["---", f"id: {c['id']}", f"titel: {q(c['title'])}"]
        if c["principle"] is not None:
            lines.append(f"uitgangspunt: {principles[c['principle']]['id']}")
        lines.append("partijen: [" + ", ".join(ACTORS[k][0] for k in c["actors"]) + "]")
        lines.append(f"sinds: {c['since']}")
        lines.append("---")
        (cdir / f"{c['id']}.md").write_text("\n".join(lines) + "\n" + story + "\n", encoding="utf-8")

    (rdir / "2015.md").write_text(round_file(w, principles, cases), encoding="utf-8")
    return 2 + len(principles) + len(cases)


def manifest_yaml():
    lines = [
        "# Synthetisch manifest voor benchmarks (bench/generate.py).",
        "titel: Kwaliteitsmanifest Sociaal Domein",
        "uitwerking_titel: Uitwerking Kwaliteitsmanifest",
        "raad: Adviesraad Sociaal Domein Proefstad",
        "raad_afkorting: ASD",
        "gemeente: Proefstad",
        "partijen:",
    ]
    for aid, name, description in ACTORS:
        lines += [f"  - id: {aid}", f"    naam: {name}", f"    omschrijving: {description}"]
    return "\n".join(lines) + "\n"


def round_file(w, principles, cases):
    rng = w.rng("round", 2015)
    paragraphs = w.paragraphs(rng, rng.randint(350, 500), rng.randint(4, 7))
    if principles:
        p = principles[0]
        paragraphs[0] += f" Het eerste uitgangspunt is [{p['title']}](../principles/{p['file']})."
    if cases:
        c = cases[0]
        paragraphs[-1] += f" Een voorbeeld is [{c['title']}](../../cases/{c['id']}.md)."
    front = [
        "---",
        "jaar: 2015",
        "datum: 2015-08-18",
        "aan:",
        '  - "college van Burgemeester en wethouders"',
        '  - "Gemeente Proefstad"',
        'betreft: "Ongevraagd advies Adviesraad Sociaal Domein ten aanzien van Kwaliteitsbeleid"',
        'aanhef: "Geacht college,"',
        'slot: "Met hartelijke groet,"',
        "ondertekening:",
        "  - naam: Jan de Vries",
        "    functie: Voorzitter",
        "geraadpleegd:",
        '  - "professionals en partners"',
        '  - "medewerkers van uw dienst"',
        "revisie: ronde-2015",
        "---",
    ]
    return "\n".join(front) + "\n" + "\n\n".join(paragraphs) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", metavar="OUT_DIR")
    ap.add_argument("--principles", type=int, required=True, metavar="N")
    ap.add_argument("--cases", type=int, required=True, metavar="M")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variant", type=int, default=0, metavar="K",
                    help="K > 0 rewrites a deterministic ~5%% of the case stories")
    args = ap.parse_args()
    if args.principles < 1 or args.cases < 0:
        ap.error("--principles must be >= 1 and --cases >= 0")
    if args.cases < args.principles:
        print("generate.py: M < N, some principles get no case (warning principle-without-case)",
              file=sys.stderr)
    files = generate(args.out, args.principles, args.cases, args.seed, args.variant)
    print(f"{files} files in {os.path.abspath(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
