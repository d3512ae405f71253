"""Stance benchmark: FNC-1 dev and Emergent dev, the shipped model beside the official baseline.

    .venv/bin/python bench/stance.py [--no-baseline] [--only fnc|emergent] [--model FILE]

FNC-1 dev = the 337 bodies of the official baseline's hold-out (9,622 pairs); both systems are
trained on the other bodies. Reported: FNC score (as a fraction of the best possible), macro-F1
over the four classes and F1 of `disagree`. The baseline (`fnc_baseline.py`, its hand features
and GradientBoostingClassifier(200)) is trained in this run; ours is the shipped
`src/claimledger/data/stance_model.json` (rebuilt by `bench/train_stance.py` / `make model`,
which trains on the same training bodies). Emergent dev = a fixed 20% of the claimIds
(`train_stance.emergent_split`), claim headline vs article headline: accuracy and macro-F1 of
the `short` model (the one `stance.classify` uses), beside the majority class.

Reads ../shared/datasets (absent: says so and exits 0); needs scikit-learn for the baseline.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fnc_baseline
import train_stance as ts
from claimledger import _stance_model as sm


def row(name: str, gold: list[str], pred: list[str]) -> str:
    f = ts.f1s(gold, pred, ts.FNC_CLASSES)
    return (f"| {name:<34} | {ts.fnc_score(gold, pred):.4f} | {ts.macro_f1(gold, pred, ts.FNC_CLASSES):.4f} | "
            f"{f['disagree']:.4f} | {f['agree']:.3f} | {f['discuss']:.3f} | {f['unrelated']:.3f} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-baseline", action="store_true", help="skip training the official baseline")
    ap.add_argument("--only", choices=("fnc", "emergent"), help="run one of the two benchmarks (default: both)")
    ap.add_argument("--model", default=str(sm.MODEL_PATH))
    args = ap.parse_args(argv)
    if not ts.have_data():
        print(f"datasets absent under {ts.DATA}: no stance benchmark")
        return 0
    spec = sm.json.loads(Path(args.model).read_text(encoding="utf-8"))
    cache = ts.EmbedCache("use")
    if args.only != "emergent":
        run_fnc(spec, cache, baseline=not args.no_baseline)
    if args.only != "fnc":
        run_emergent(spec, cache)
    return 0


def run_fnc(spec: dict, cache: ts.EmbedCache, baseline: bool = True) -> None:  # type: ignore[type-arg]
    idf = spec["idf"]
    bodies, pairs, dev_ids = ts.load_fnc()
    train = [p for p in pairs if p[1] not in dev_ids]
    dev = [p for p in pairs if p[1] in dev_ids]
    gold = [p[2] for p in dev]
    print(f"FNC-1: {len(train)} training pairs, {len(dev)} dev pairs ({len(dev_ids)} dev bodies); "
          f"dev classes {dict(Counter(gold))}")
    lines = ["| system (FNC-1 dev) | FNC score | macro-F1 | disagree F1 | agree F1 | discuss F1 | unrelated F1 |",
             "|---|---|---|---|---|---|---|"]
    if baseline:
        t0 = time.time()
        xb = fnc_baseline.feature_matrix([(h, bodies[b]) for h, b, _ in train])
        clf = fnc_baseline.train(xb, [p[2] for p in train])
        pred_b = fnc_baseline.predict(clf, fnc_baseline.feature_matrix([(h, bodies[b]) for h, b, _ in dev]))
        lines.append(row("FNC-1 baseline (re-implemented)", gold, pred_b))
        print(f"baseline trained and run in {time.time() - t0:.0f}s", flush=True)
    t0 = time.time()
    model = sm.StanceModel(spec["models"]["fnc"], idf)
    p = model.proba(ts.fnc_features(dev, bodies, idf, cache))
    pred = [model.classes[i] for i in model.decide(p)]
    lines.append(row("claimledger fnc model (USE+cues+GBT)", gold, pred))
    print(f"claimledger model featurised and run in {time.time() - t0:.0f}s", flush=True)
    print()
    print("\n".join(lines))


def run_emergent(spec: dict, cache: ts.EmbedCache) -> None:  # type: ignore[type-arg]
    idf = spec["idf"]
    rows = ts.load_emergent()
    _, edev = ts.emergent_split(rows)
    egold = [ts.EMERGENT_LABEL[r["articleHeadlineStance"]] for r in edev]
    short = sm.StanceModel(spec["models"]["short"], idf)
    pe = short.proba(ts.short_features(edev, idf, cache), [r["articleHeadline"] for r in edev],
                     [r["claimHeadline"] for r in edev], embed=cache)
    epred = [short.classes[i] for i in short.decide(pe)]
    major = Counter(ts.EMERGENT_LABEL[r["articleHeadlineStance"]] for r in ts.emergent_split(rows)[0]).most_common(1)
    mpred = [major[0][0]] * len(egold)
    print()
    print(f"Emergent dev: {len(edev)} headlines, {len({r['claimId'] for r in edev})} claims; "
          f"classes {dict(Counter(egold))}")
    print("| system (Emergent dev) | accuracy | macro-F1 | for F1 | against F1 | observing F1 |")
    print("|---|---|---|---|---|---|")
    for name, pr in (("majority class", mpred), ("claimledger short model", epred)):
        f = ts.f1s(egold, pr, ts.SHORT_CLASSES)
        print(f"| {name:<23} | {ts.accuracy(egold, pr):.4f} | {ts.macro_f1(egold, pr, ts.SHORT_CLASSES):.4f} | "
              f"{f['agree']:.3f} | {f['disagree']:.3f} | {f['discuss']:.3f} |")


if __name__ == "__main__":
    raise SystemExit(main())
