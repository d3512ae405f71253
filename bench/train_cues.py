"""Train the learned cue scorer (`claimledger/nlp/cues.py`) on PolNeAR train; report it on dev.

    .venv/bin/python bench/train_cues.py [--data DIR] [--cache /tmp/cuecache] [--c 0.3] [--min-count 3]
                                         [--threshold 0.4] [--veto 0.5] [-o src/claimledger/data/cue_model.json]

Every candidate token (a verb or a colon; see `cues.is_candidate`) of every train
article is labelled 1 when a gold Cue span covers it (the first annotator file per article,
as in `bench/attribution.py`). Features come from the same spaCy parse the attribution
component reads. The parses are cached under --cache (outside the repo: they hold article
text); the output JSON holds only feature names (lemmas, tags, labels) and weights.
Logistic regression (scikit-learn, liblinear, fixed seed); features seen fewer than
--min-count times in train are dropped, as are near-zero weights, to keep the file small.
The threshold (a new cue) and veto (a rule cue dropped) stored with the weights are the
ones the attribution component uses: choose them on dev with `bench/attribution.py
--docs-cache /tmp/cuecache --cue-threshold T --cue-veto V` (end to end), not here.
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

from attribution import DEFAULT_DATA, articles  # noqa: E402


def parsed(split_dir: Path, cache: Path):  # type: ignore[no-untyped-def]
    """(gold, doc) per article; the docs are parsed once and kept in `cache` as a DocBin."""
    from spacy.tokens import DocBin

    from claimledger import nlp

    pipeline = nlp.load("en")
    arts = articles(split_dir, None)
    path = cache / f"{split_dir.name}.spacy"
    if path.is_file():
        # the quotation finder runs after the parser: rerun it, so the cache only holds the parse
        quoting = pipeline.get_pipe("claimledger_quotes")
        docs = [quoting(d) for d in DocBin().from_disk(path).get_docs(pipeline.vocab)]
    else:
        cache.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=True)
        docs = []
        with pipeline.select_pipes(disable=["claimledger_attribution"]):
            for doc in pipeline.pipe([t for _, t, _ in arts], batch_size=16):
                doc._.quotes = [list(q) for q in (doc._.quotes or [])]
                db.add(doc)
                docs.append(doc)
        db.to_disk(path)
    assert len(docs) == len(arts)
    return [(gold, doc) for (_, _, gold), doc in zip(arts, docs, strict=True)]


def examples(pairs) -> tuple[list[list[str]], list[int]]:  # type: ignore[no-untyped-def]
    from claimledger.nlp import cues

    xs: list[list[str]] = []
    ys: list[int] = []
    for gold, doc in pairs:
        cue_chars = {c for g in gold for a, b in g.cue for c in range(a, b)}
        quotes = cues.QuoteIndex(list(doc._.quotes or []))
        for tok in doc:
            if not cues.is_candidate(tok):
                continue
            xs.append(cues.features(tok, quotes))
            ys.append(1 if tok.idx in cue_chars else 0)
    return xs, ys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cuecache"))
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength")
    ap.add_argument("--min-count", type=int, default=3)
    # chosen on dev end to end (bench/attribution.py --cue-threshold/--cue-veto): a new cue above
    # 0.4; a rule cue from the counted lexicon whose act is "other" dropped below 0.5
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--veto", type=float, default=0.5)
    ap.add_argument("-o", "--out", type=Path, default=REPO / "src" / "claimledger" / "data" / "cue_model.json")
    args = ap.parse_args()
    if not (args.data / "train" / "attributions").is_dir():
        print(f"skipped: PolNeAR train is absent at {args.data / 'train'}")
        return 0
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_recall_fscore_support

    t0 = time.perf_counter()
    x_tr, y_tr = examples(parsed(args.data / "train", args.cache))
    x_dev, y_dev = examples(parsed(args.data / "dev", args.cache))
    print(
        f"features: train {len(y_tr)} candidates ({sum(y_tr)} cues), dev {len(y_dev)} ({sum(y_dev)}) "
        f"in {time.perf_counter() - t0:.0f}s"
    )
    counts = Counter(f for fs in x_tr for f in fs)
    keep = {f for f, n in counts.items() if n >= args.min_count}
    vec = DictVectorizer()
    m_tr = vec.fit_transform([dict.fromkeys((f for f in fs if f in keep), 1) for fs in x_tr])
    m_dev = vec.transform([dict.fromkeys(fs, 1) for fs in x_dev])
    # liblinear takes 32-bit sparse indices only
    for m in (m_tr, m_dev):
        m.indices = m.indices.astype("int32")
        m.indptr = m.indptr.astype("int32")
    clf = LogisticRegression(C=args.c, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(m_tr, y_tr)
    prob = clf.predict_proba(m_dev)[:, 1]
    for th in (0.3, 0.4, 0.5, 0.6, 0.7):
        p, r, f, _ = precision_recall_fscore_support(y_dev, prob >= th, average="binary", zero_division=0)
        print(f"dev token-level cue  threshold {th:.1f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 0.01}
    model = {
        "about": "claimledger cue scorer: logistic regression on PolNeAR train gold cues (bench/train_cues.py)",
        "c": args.c,
        "min_count": args.min_count,
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": args.threshold,
        "veto": args.veto,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, {args.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
