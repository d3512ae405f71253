"""Train the cue-conditioned role tagger (`claimledger/nlp/_tagger.py`) on PolNeAR train.

    .venv/bin/python bench/train_tagger.py [--data DIR] [--cache /tmp/cuecache] [--c1 0.05] [--c2 0.5]
                                           [--iterations 150] [--candidate 0.1] [--min-weight 0.01]
                                           [-o src/claimledger/data/tagger_model.json]

Needs python-crfsuite (`pip install python-crfsuite==0.9.12`; training only: the component
decodes the exported weights itself, in numpy). One sequence per candidate cue of every train
article (the first annotator file per article, as in `bench/attribution.py`). The candidates
are those `_Finder.tag_candidates` gives: every reading the rules and the learned cues
propose (before the attribution scorer's triage), and every verb or colon outside quotation
marks that the cue scorer (`data/cue_model.json`) puts at or above --candidate, and every noun
outside quotation marks whose lemma is a train cue often enough (--noun-count times and in
--noun-rate of its uses: "allegation", "pledge", "warning"; stored as "nouns"). The sequence
is the candidate's window (`_tagger.window`: its sentence, grown over quotation-internal
sentence breaks). When a gold Cue span covers the candidate, that attribution's Source and
Content tokens are labelled B-/I-S and B-/I-C and its Cue tokens CUE; otherwise every token is
O, so the tagger also learns which candidates are no cue at all. Features are
`_tagger.role_features` (the rules' own reading of the candidate among them) over the parses
`bench/train_cues.py` caches under --cache (outside the repo: they hold article text).
L-BFGS with L1 (--c1) and L2 (--c2), fixed order, so a rerun gives the same weights; weights
below --min-weight in absolute value are dropped. The JSON written holds only feature names
(lemmas, tags, labels, relative positions) and weights.

The "meta" written holds the settings the component uses, chosen on dev end to end with
`bench/attribution.py --docs-cache /tmp/cuecache --tagger-model FILE --tagger-candidate C
--tagger-reread 0|1 --tagger-accept P` (attribution-level F1, ties to the higher precision):
candidate 0.6 (the cue score a verb no rule read needs to be offered), reread false (readings
the attribution scorer rejected are not read again), accept 0.5 (the best reading decides),
use_nouns empty (offering the cue nouns at run time added as many false attributions as true
ones on dev; --use-nouns stores them).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from attribution import DEFAULT_DATA, Att  # noqa: E402
from train_cues import parsed  # noqa: E402


def _tokens(doc, frags: list[tuple[int, int]]) -> list[int]:  # type: ignore[no-untyped-def]
    out: list[int] = []
    for a, b in frags:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            out.extend(t.i for t in span if not t.is_space)
    return out


def cue_nouns(pairs, min_count: int, min_rate: float) -> list[str]:  # type: ignore[no-untyped-def]
    """Noun lemmas that are (part of) a gold Cue at least `min_count` times and in at least
    `min_rate` of their occurrences."""
    from collections import Counter

    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for gold, doc in pairs:
        cue_tokens = {i for g in gold for i in _tokens(doc, g.cue)}
        for tok in doc:
            if tok.pos_ == "NOUN":
                lemma = tok.lemma_.lower()
                seen[lemma] += 1
                as_cue[lemma] += tok.i in cue_tokens
    return sorted(lemma for lemma, n in as_cue.items() if n >= min_count and n / seen[lemma] >= min_rate)


def sequences(pairs, candidate: float, nouns: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    """(features, labels, is a gold cue) per candidate cue, streamed: the same candidates and
    rule readings the attribution component gives the tagger (`_Finder.tag_candidates`)."""
    from claimledger import nlp
    from claimledger.nlp import _tagger, attribution, cues

    finder = nlp.load("en").get_pipe("claimledger_attribution")
    assert finder.cue_model is not None and finder.scorer is not None, "the cue and attribution scorers are missing"
    for gold, doc in pairs:
        f = attribution._Finder(doc, finder)
        found = f.rule_readings()
        found.extend(f.learned_cues(found, finder.scorer.candidate))
        readings = f.by_head(found)
        quotes = cues.QuoteIndex(list(doc._.quotes or []))
        df = _tagger.DocFeatures(doc, quotes)
        by_tok: dict[int, Att] = {}
        for g in gold:
            for i in _tokens(doc, g.cue):
                by_tok.setdefault(i, g)
        for tok, score in f.tag_candidates(readings, set(), candidate, True, nouns):
            g = by_tok.get(tok.i)
            lo, hi = _tagger.window(doc, tok, quotes)
            labels = ["O"] * (hi - lo)
            if g is not None:
                for role, tag in (("content", "C"), ("source", "S")):
                    for a, b in g.role(role):
                        toks = [i for i in _tokens(doc, [(a, b)]) if lo <= i < hi]
                        for k, i in enumerate(toks):
                            labels[i - lo] = f"{'B' if k == 0 else 'I'}-{tag}"
                for i in _tokens(doc, g.cue):
                    if lo <= i < hi:
                        labels[i - lo] = "CUE"
            # the component knows only the candidate token, not the gold cue's extent
            xseq = _tagger.role_features(df, tok, {tok.i}, lo, hi, score, readings.get(tok.i))
            yield xseq, labels, g is not None


def export(crf_file: Path, min_weight: float) -> tuple[dict[str, dict[str, float]], list[list[float]]]:
    """The weights of a trained crfsuite model: per feature, label index -> weight (those at
    least `min_weight` in absolute value), and the label transition matrix. Read from the
    model's text dump: pycrfsuite's own parser of it breaks on a feature name with a
    newline in it."""
    import re
    import tempfile

    import pycrfsuite

    from claimledger.nlp import _tagger

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf_file))
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "model.txt"
        tagger.dump(str(dump))
        text = dump.read_text(encoding="utf-8")
    index = {lab: k for k, lab in enumerate(_tagger.LABELS)}
    trans = [[0.0] * len(_tagger.LABELS) for _ in _tagger.LABELS]
    body = text[text.index("TRANSITIONS = {") : text.index("STATE_FEATURES = {")]
    for a, b, w in re.findall(r"^  \((?:\d+)\) (\S+) --> (\S+): (\S+)$", body, flags=re.M):
        trans[index[a]][index[b]] = round(float(w), 4)
    body = text[text.index("STATE_FEATURES = {") :]
    state: dict[str, dict[str, float]] = {}
    for feat, lab, w in re.findall(r"^  \(0\) (.*?) --> (\S+): (\S+)$", body, flags=re.M | re.S):
        if abs(float(w)) >= min_weight:
            state.setdefault(feat, {})[str(index[lab])] = round(float(w), 3)
    return state, trans


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/cuecache"))
    ap.add_argument("--c1", type=float, default=0.05, help="L1 regularisation (prunes features)")
    ap.add_argument("--c2", type=float, default=0.5, help="L2 regularisation")
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--candidate", type=float, default=0.1, help="cue score at which a verb is a candidate")
    ap.add_argument("--min-weight", type=float, default=0.01)
    ap.add_argument("--noun-count", type=int, default=5, help="a cue noun is a gold cue this often in train")
    ap.add_argument("--noun-rate", type=float, default=0.15, help="... and in this share of its uses")
    ap.add_argument("--use-nouns", action="store_true", help="store the cue nouns as offered to the component")
    ap.add_argument("--use-candidate", type=float, default=0.6, help="the candidate bar stored for the component")
    ap.add_argument("--crf-file", type=Path, default=Path("/tmp/crf_tagger.crfsuite"))
    ap.add_argument("-o", "--out", type=Path, default=REPO / "src" / "claimledger" / "data" / "tagger_model.json")
    args = ap.parse_args()
    if not (args.data / "train" / "attributions").is_dir():
        print(f"skipped: PolNeAR train is absent at {args.data / 'train'}")
        return 0
    try:
        import pycrfsuite
    except ImportError:
        print("skipped: python-crfsuite is not installed (pip install python-crfsuite==0.9.12)")
        return 0
    from claimledger.nlp import _tagger

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n = pos = toks = 0
    train = parsed(args.data / "train", args.cache)
    nouns = cue_nouns(train, args.noun_count, args.noun_rate)
    print(f"{len(nouns)} cue nouns")
    for xseq, yseq, is_pos in sequences(train, args.candidate, frozenset(nouns)):
        trainer.append(xseq, yseq)
        n += 1
        pos += is_pos
        toks += len(yseq)
    print(f"train: {n} candidate sequences ({pos} gold cues), {toks} tokens ({time.perf_counter() - t0:.0f}s)")
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
        }
    )
    t0 = time.perf_counter()
    trainer.train(str(args.crf_file))
    print(f"trained in {time.perf_counter() - t0:.0f}s")
    state, trans = export(args.crf_file, args.min_weight)
    model = {
        "about": "claimledger role tagger: linear-chain CRF on PolNeAR train candidate cues (bench/train_tagger.py)",
        "labels": list(_tagger.LABELS),
        "meta": {
            "c1": args.c1,
            "c2": args.c2,
            "iterations": args.iterations,
            "train_candidate": args.candidate,
            "candidate": args.use_candidate,
            "reread": False,
            "accept": 0.5,
            "nouns": nouns,
            "use_nouns": nouns if args.use_nouns else [],
        },
        "trans": trans,
        "state": dict(sorted(state.items())),
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(state)} features, {args.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
