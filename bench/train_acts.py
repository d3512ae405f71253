"""Train the speech-act classifier and write its weights to `src/claimledger/data/acts_model.json`.

    .venv/bin/python bench/train_acts.py [--polnear DIR] [--out FILE]

Needs scikit-learn (the `bench` extra) and the PolNeAR texts in ../shared; the runtime reads only
the JSON. Trains on `bench/data/acts_train.tsv` alone (the dev set stays held out for
`bench/acts.py`). The override threshold is chosen by 5-fold cross-validation on the training
set: the one whose rule/classifier combination has the best macro-F1. Deterministic (fixed seed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from acts import HERE, POLNEAR, REPO, examples, macro_f1, read_labels, scores
from claimledger.statements import acts

SEED = 13
C = 1.0  # inverse L2 strength; the data is small and the features many, so keep it regularised
MIN_COUNT = 2  # features seen once are noise at this size
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def fit(feats: list[list[str]], gold: list[str]) -> tuple[DictVectorizer, LogisticRegression]:
    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in fs if counts[f] >= MIN_COUNT} for fs in feats])
    clf = LogisticRegression(C=C, max_iter=2000, class_weight="balanced", random_state=SEED)
    clf.fit(x, gold)
    return vec, clf


def export(vec: DictVectorizer, clf: LogisticRegression, threshold: float) -> dict:
    coef = clf.coef_
    weights = {
        name: [round(float(v), 4) for v in coef[:, j]]
        for name, j in sorted(vec.vocabulary_.items())
        if np.any(np.abs(coef[:, j]) >= 1e-3)
    }
    return {
        "classes": [str(c) for c in clf.classes_],
        "intercept": [round(float(v), 4) for v in clf.intercept_],
        "weights": weights,
        "threshold": threshold,
        "trained_on": "bench/data/acts_train.tsv (PolNeAR train, hand-labelled)",
        "seed": SEED,
        "C": C,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--labels", type=Path, default=HERE / "data" / "acts_train.tsv")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "claimledger" / "data" / "acts_model.json")
    args = ap.parse_args()
    if not (args.polnear / "train" / "text").is_dir():
        print(f"skipped: PolNeAR texts not found under {args.polnear}")
        return 0
    data = examples(read_labels(args.labels), args.polnear)
    feats = [f for f, _, _ in data]
    rules = [r for _, r, _ in data]
    gold = [g for _, _, g in data]
    # held-out predictions for every training example, to choose the threshold without the dev set
    held: list[tuple[str, float]] = [("", 0.0)] * len(data)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    # a class too rare for 5 folds is folded into "other" only for the split, never for training
    strata = [g if gold.count(g) >= 5 else "other" for g in gold]
    for tr, te in folds.split(np.zeros(len(gold)), strata):
        vec, clf = fit([feats[i] for i in tr], [gold[i] for i in tr])
        model = acts.ActModel.from_json(export(vec, clf, 0.0))
        for i in te:
            held[i] = model.predict(feats[i])
    best = max(
        THRESHOLDS,
        key=lambda t: macro_f1(scores(gold, [acts.combine(r, a, p, t) for r, (a, p) in zip(rules, held, strict=True)])),
    )
    for t in THRESHOLDS:
        comb = [acts.combine(r, a, p, t) for r, (a, p) in zip(rules, held, strict=True)]
        print(f"cv t={t:.2f}: macro-F1 {macro_f1(scores(gold, comb)):.3f}")
    print(f"rules on train: macro-F1 {macro_f1(scores(gold, rules)):.3f}; chosen threshold {best}")
    vec, clf = fit(feats, gold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(export(vec, clf, best), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(vec.vocabulary_)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
