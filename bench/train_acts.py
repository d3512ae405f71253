"""Train the speech-act classifier and write its weights to `src/claimledger/data/acts_model.json`.

    .venv/bin/python bench/train_acts.py [--polnear DIR] [--out FILE]

Needs scikit-learn (the `bench` extra) and the PolNeAR texts in ../shared; the runtime reads only
the JSON. Trains on `bench/data/acts_train.tsv` alone (the dev set stays held out for
`bench/acts.py`). How the rules and the classifier are combined -- the mode (`acts.MODES`: the
classifier replaces only the rules' `claim`, or any rule act, when p >= threshold; the classifier
alone; the rules alone) and the threshold -- is chosen together by 5-fold cross-validation on the
training set, scoring the combination of every example's held-out prediction by macro-F1.
`--select best` takes the best pair outright. `--select 1se` (the default, the one-standard-error
rule) takes, among the pairs within one standard error (of the best pair's per-fold macro-F1) of
the best, the most conservative mode -- `rules`, then `claim`, `any`, `classifier`: the rules'
explicit acts are what the rest of the pipeline and its tests rely on -- at its best threshold.
Deterministic (fixed seed).
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


def candidates() -> list[tuple[str, float]]:
    """(mode, threshold) pairs to cross-validate; the threshold matters only for `claim` and `any`."""
    out: list[tuple[str, float]] = [("rules", 1.01)]
    out += [("claim", t) for t in THRESHOLDS if t <= 1.0]
    out += [("any", t) for t in THRESHOLDS if t <= 1.0]
    out.append(("classifier", 0.0))
    return out


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


def export(vec: DictVectorizer, clf: LogisticRegression, threshold: float, mode: str = "claim") -> dict:
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
        "mode": mode,
        "trained_on": "bench/data/acts_train.tsv (PolNeAR train, hand-labelled)",
        "seed": SEED,
        "C": C,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--labels", type=Path, default=HERE / "data" / "acts_train.tsv")
    ap.add_argument(
        "--select",
        choices=("1se", "best"),
        default="1se",
        help="best: the best CV pair; 1se: the most conservative mode within one standard error of it",
    )
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
    fold_ids: list[list[int]] = []
    for tr, te in folds.split(np.zeros(len(gold)), strata):
        fold_ids.append([int(i) for i in te])
        vec, clf = fit([feats[i] for i in tr], [gold[i] for i in tr])
        model = acts.ActModel.from_json(export(vec, clf, 0.0))
        for i in te:
            held[i] = model.predict(feats[i])
    cv: dict[tuple[str, float], float] = {}
    per_fold: dict[tuple[str, float], list[float]] = {}
    print(f"{'mode':<10} {'t':>5} {'macro-F1':>8} {'accuracy':>8}  per-fold macro-F1")
    for mode, t in candidates():
        comb = [acts.combine(r, a, p, t, mode) for r, (a, p) in zip(rules, held, strict=True)]
        cv[mode, t] = macro_f1(scores(gold, comb))
        per_fold[mode, t] = [macro_f1(scores([gold[i] for i in ids], [comb[i] for i in ids])) for ids in fold_ids]
        acc = sum(g == c for g, c in zip(gold, comb, strict=True)) / len(gold)
        folds_txt = " ".join(f"{x:.3f}" for x in per_fold[mode, t])
        print(f"{mode:<10} {t:>5.2f} {cv[mode, t]:>8.3f} {acc:>8.3f}  {folds_txt}")
    best = max(cv, key=cv.__getitem__)  # first of equals: the candidates' order
    se = float(np.std(per_fold[best], ddof=1) / np.sqrt(len(fold_ids)))
    print(f"best on train CV: mode={best[0]} threshold={best[1]} (macro-F1 {cv[best]:.3f}, standard error {se:.3f})")
    if args.select == "best":
        chosen = best
    else:
        near = [k for k in cv if cv[k] >= cv[best] - se]
        chosen = min(near, key=lambda k: (acts.MODES.index(k[0]) if k[0] != "rules" else -1, -cv[k]))
    best_mode, best_t = chosen
    print(f"chosen ({args.select}): mode={best_mode} threshold={best_t} (CV macro-F1 {cv[chosen]:.3f})")
    vec, clf = fit(feats, gold)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model = export(vec, clf, best_t, best_mode)
    args.out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes, {len(vec.vocabulary_)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
