"""Train the attribution scorer (`cues.AttributionScorer`) on PolNeAR train; choose its thresholds on dev.

    .venv/bin/python bench/train_attribution.py [--data DIR] [--cache /tmp/cuecache] [--c 0.1]
                                                [--candidate 0.1] [--min-count 3] [--no-variants]
                                                [-o src/claimledger/data/attribution_model.json]

The shipped weights: `.venv/bin/python bench/train_attribution.py --no-variants` (the defaults
otherwise; about 3 minutes on 2 cores with the parses cached).

The attribution component proposes candidates: every attribution the rules read, plus every
verb or colon that the cue scorer (`data/cue_model.json`) puts at or above --candidate,
read with the same machinery. Each train candidate is labelled 1 when it matches a gold
attribution as `bench/attribution.py` counts a match (sources overlap and contents overlap,
>= 50% of word tokens each way; a gold attribution without a source on content alone), else
0; a candidate the scorer judges (not a hand-listed cue's reading, see
`attribution.is_protected`) is also 0 when the only gold attributions it matches are matched by
a hand-listed reading already, since the bench matches one to one and it would be a second
reading of the same attribution. Features are `attribution.triple_features`: how the
candidate was found, the cue token's own features and cue score, the shape of its source and
content phrases, their conjunctions with the cue lemma, and how the candidate sits among the
document's other candidates (`attribution.triage_context`). Logistic
regression (scikit-learn, liblinear, fixed seed); features seen fewer than --min-count times
in train are dropped, as are near-zero weights. The spaCy parses are the ones
`bench/train_cues.py` caches under --cache (outside the repo: they hold article text); the
JSON written holds only feature names (lemmas, tags, labels) and weights.

Thresholds: the model is trained on train only; the two acceptance thresholds (a candidate
from a learned cue, one from the rules) are chosen on dev, end to end, by the attribution-level
F1 of `bench/attribution.py` over a grid, and stored with the weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from attribution import DEFAULT_DATA, Att, Count, Tokens, claimledger_atts, match_atts, overlap  # noqa: E402
from claimledger.nlp.attribution import is_protected  # noqa: E402
from train_cues import parsed  # noqa: E402

GRID = (0.35, 0.45, 0.55)
RULE_GRID = (0.2, 0.3, 0.4)


def fit(att: Att, gold: list[Att], toks: Tokens, taken: set[int] | frozenset[int] = frozenset()) -> float:
    """How well `att` matches its best gold attribution outside `taken` (indices): the smaller
    of its source and content overlaps, 0 when it does not match at all (either below 0.5)."""
    ps, pc = toks.of(att.source), toks.of(att.content)
    best = 0.0
    for j, g in enumerate(gold):
        if j in taken:
            continue
        oc = overlap(pc, toks.of(g.content))
        if oc < 0.5:
            continue
        gs = toks.of(g.source)
        os_ = overlap(ps, gs) if gs else 1.0
        if os_ >= 0.5:
            best = max(best, min(oc, os_))
    return best


def as_att(a) -> Att:  # type: ignore[no-untyped-def]
    return Att(source=[a.source or a.speaker], cue=list(a.cue), content=[*a.content, *a.continuation])


def matched(att: Att, gold: list[Att], toks: Tokens) -> set[int]:
    """The gold attributions (indices) `att` matches as the bench counts a match."""
    ps, pc = toks.of(att.source), toks.of(att.content)
    out = set()
    for j, g in enumerate(gold):
        gs = toks.of(g.source)
        if overlap(pc, toks.of(g.content)) >= 0.5 and (not gs or overlap(ps, gs) >= 0.5):
            out.add(j)
    return out


def candidates(pairs, finder) -> tuple[list[list[str]], list[int]]:  # type: ignore[no-untyped-def]
    xs: list[list[str]] = []
    ys: list[int] = []
    for gold, doc in pairs:
        toks = Tokens(doc.text)
        finder.collect = []
        finder(doc)
        # a gold attribution a hand-listed reading already matches is not one a scored
        # candidate can add (the bench matches one to one): matching it again is a false alarm
        taken: set[int] = set()
        for a, feats in finder.collect:
            if feats[-1] == "v=orig" and a.speaker is not None and is_protected(a, finder.learned):
                taken |= matched(as_att(a), gold, toks)
        # the collected list is groups: a candidate ("v=orig") and its other readings; within a
        # group only the reading(s) that fit the gold best are positive, so the scorer learns
        # which boundary to prefer as well as whether to accept
        group: list[tuple[list[str], float]] = []
        for a, feats in [*finder.collect, (None, ["v=orig"])]:
            if feats[-1] == "v=orig" and group:
                top = max(f for _, f in group)
                for fs, f in group:
                    xs.append(fs)
                    ys.append(1 if f > 0 and f >= top - 1e-9 else 0)
                group = []
            if a is None or a.speaker is None:
                continue  # never a statement, never scored
            group.append((feats, fit(as_att(a), gold, toks, frozenset() if is_protected(a, finder.learned) else taken)))
    finder.collect = None
    return xs, ys


def end_to_end(pairs, finder) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    count = Count()
    for gold, doc in pairs:
        finder(doc)
        pred = claimledger_atts(doc)
        count.add(len(match_atts(pred, gold, Tokens(doc.text))), len(pred), len(gold))
    return count.prf()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cuecache"))
    ap.add_argument("--c", type=float, default=0.1, help="inverse L2 regularisation strength")
    ap.add_argument("--candidate", type=float, default=0.1, help="the cue score at which a new cue is proposed")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--no-variants", action="store_true", help="judge each candidate's own content boundary only")
    ap.add_argument("-o", "--out", type=Path, default=REPO / "src" / "claimledger" / "data" / "attribution_model.json")
    args = ap.parse_args()
    if not (args.data / "train" / "attributions").is_dir():
        print(f"skipped: PolNeAR train is absent at {args.data / 'train'}")
        return 0
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from claimledger import nlp
    from claimledger.nlp import cues

    finder = nlp.load("en").get_pipe("claimledger_attribution")
    # proposing at --candidate and keeping everything: the scorer is trained on what it will see
    variants = not args.no_variants
    finder.scorer = cues.AttributionScorer({}, 0.0, 0.0, 0.0, args.candidate, variants)
    t0 = time.perf_counter()
    train = parsed(args.data / "train", args.cache)
    dev = parsed(args.data / "dev", args.cache)
    x_tr, y_tr = candidates(train, finder)
    print(f"train: {len(y_tr)} candidates, {sum(y_tr)} match a gold attribution ({time.perf_counter() - t0:.0f}s)")
    counts = Counter(f for fs in x_tr for f in fs)
    keep = {f for f, n in counts.items() if n >= args.min_count}
    vec = DictVectorizer()
    m_tr = vec.fit_transform([dict.fromkeys((f for f in fs if f in keep), 1) for fs in x_tr])
    m_tr.indices = m_tr.indices.astype("int32")  # liblinear takes 32-bit sparse indices only
    m_tr.indptr = m_tr.indptr.astype("int32")
    clf = LogisticRegression(C=args.c, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(m_tr, y_tr)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 0.005}
    bias = round(float(clf.intercept_[0]), 4)

    # the thresholds, chosen on dev end to end
    best = (-1.0, 0.5, 0.0)
    for th in GRID:
        for rule_th in RULE_GRID:
            finder.scorer = cues.AttributionScorer(weights, bias, th, rule_th, args.candidate, variants)
            p, r, f = end_to_end(dev, finder)
            print(f"dev threshold {th:.2f} rule {rule_th:.2f}: attribution P {p:.3f} R {r:.3f} F1 {f:.3f}")
            if f > best[0]:
                best = (f, th, rule_th)
    print(f"chosen: threshold {best[1]}, rule threshold {best[2]} (dev attribution F1 {best[0]:.3f})")
    model = {
        "about": "claimledger attribution scorer: logistic regression on PolNeAR train candidates "
        "(bench/train_attribution.py)",
        "c": args.c,
        "min_count": args.min_count,
        "candidate": args.candidate,
        "variants": variants,
        "threshold": best[1],
        "rule_threshold": best[2],
        "bias": bias,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, {args.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
