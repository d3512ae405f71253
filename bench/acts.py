"""Speech acts on hand-labelled PolNeAR attributions: rules vs classifier vs combined.

    .venv/bin/python bench/acts.py [--polnear DIR] [--model FILE]

Reads `bench/data/acts_dev.tsv` (file, char offsets, act; no article text) and the article texts
from ../shared, parses each article once, and prints per-act precision/recall/F1 and macro-F1 for
the three ways of deciding an act: the rules, the classifier, and the two combined as the model's
stored mode and threshold say (both chosen by cross-validation on train in `bench/train_acts.py`;
the dev set only reports). Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
POLNEAR = REPO.parent / "shared" / "datasets" / "polnear" / "data"

sys.path.insert(0, str(REPO / "src"))

from claimledger.nlp import parse  # noqa: E402
from claimledger.statements import acts  # noqa: E402


def read_labels(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def examples(rows: list[dict[str, str]], polnear: Path) -> list[tuple[list[str], str, str]]:
    """(features, rule act, gold act) per labelled row; each article is parsed once."""
    out: list[tuple[list[str], str, str]] = []
    by_file: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in rows:
        by_file.setdefault((r["split"], r["file"]), []).append(r)
    for (split, name), group in sorted(by_file.items()):
        text = (polnear / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        doc = parse(text, "en")
        for r in group:
            cue = [(int(r["cue_start"]), int(r["cue_end"]))]
            content = [(int(r["content_start"]), int(r["content_end"]))]
            rule = acts.rule_act(doc, cue, content, "en")
            out.append((acts.features(doc, cue, content, rule, "en"), rule, r["act"]))
    return out


def scores(gold: list[str], pred: list[str]) -> dict[str, tuple[float, float, float, int]]:
    """Per act: precision, recall, F1, support."""
    out: dict[str, tuple[float, float, float, int]] = {}
    for a in acts.ACTS:
        tp = sum(g == a and p == a for g, p in zip(gold, pred, strict=True))
        np_ = sum(p == a for p in pred)
        ng = sum(g == a for g in gold)
        prec = tp / np_ if np_ else 0.0
        rec = tp / ng if ng else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[a] = (prec, rec, f1, ng)
    return out


def macro_f1(s: dict[str, tuple[float, float, float, int]]) -> float:
    present = [v[2] for v in s.values() if v[3]]
    return sum(present) / len(present) if present else 0.0


def table(gold: list[str], systems: dict[str, list[str]]) -> str:
    names = list(systems)
    lines = [f"{'act':<10} {'n':>4} " + " ".join(f"{n + ' P/R/F1':>24}" for n in names)]
    per = {n: scores(gold, p) for n, p in systems.items()}
    for a in acts.ACTS:
        cells = [f"{per[n][a][0]:.2f}/{per[n][a][1]:.2f}/{per[n][a][2]:.2f}" for n in names]
        lines.append(f"{a:<10} {per[names[0]][a][3]:>4} " + " ".join(f"{c:>24}" for c in cells))
    lines.append(f"{'macro-F1':<10} {len(gold):>4} " + " ".join(f"{macro_f1(per[n]):>24.3f}" for n in names))
    acc = [sum(g == p for g, p in zip(gold, systems[n], strict=True)) / len(gold) for n in names]
    lines.append(f"{'accuracy':<10} {'':>4} " + " ".join(f"{x:>24.3f}" for x in acc))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--labels", type=Path, default=HERE / "data" / "acts_dev.tsv")
    ap.add_argument("--model", type=Path, default=None, help="weights JSON (default: the shipped model)")
    args = ap.parse_args()
    if not (args.polnear / "dev" / "text").is_dir():
        print(f"skipped: PolNeAR texts not found under {args.polnear}")
        return 0
    model = (
        acts.ActModel.from_json(json.loads(args.model.read_text(encoding="utf-8"))) if args.model else acts.load_model()
    )
    if model is None:
        print("skipped: no act model shipped (run bench/train_acts.py)")
        return 0
    data = examples(read_labels(args.labels), args.polnear)
    gold = [g for _, _, g in data]
    rules = [r for _, r, _ in data]
    preds = [model.predict(f) for f, _, _ in data]
    clf = [a for a, _ in preds]
    comb = [acts.combine(r, a, p, model.threshold, model.mode) for r, (a, p) in zip(rules, preds, strict=True)]
    print(f"dev: {len(gold)} labelled attributions {dict(Counter(gold).most_common())}")
    how = {
        "claim": f"classifier where the rule says claim and p >= {model.threshold:.2f}, else the rule",
        "any": f"classifier where p >= {model.threshold:.2f}, else the rule",
        "classifier": "classifier alone",
        "rules": "rules alone",
    }[model.mode]
    print(f"chosen mode (5-fold CV on train): {model.mode}, threshold {model.threshold:.2f}")
    print(f"combined = {how}\n")
    print(table(gold, {"rules": rules, "classifier": clf, "combined": comb}))
    print("\nother modes and thresholds on dev, for information only (chosen on train; macro-F1 / accuracy):")
    for mode in acts.MODES:
        for t in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01) if mode in ("claim", "any") else (0.0,):
            c = [acts.combine(r, a, p, t, mode) for r, (a, p) in zip(rules, preds, strict=True)]
            acc = sum(g == x for g, x in zip(gold, c, strict=True)) / len(gold)
            chosen = mode == model.mode and (mode not in ("claim", "any") or t == model.threshold)
            mark = "  <- chosen" if chosen else ""
            print(f"  {mode:<10} t={t:.2f}: {macro_f1(scores(gold, c)):.3f} / {acc:.3f}{mark}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
