"""A learned cue scorer: how likely a token is (part of) an attribution cue.

A logistic-regression model trained on PolNeAR train gold cue spans (`bench/train_cues.py`)
over the same spaCy parse the attribution component reads. Only its weights ship, as JSON
(`claimledger/data/cue_model.json`): feature names are lemmas, POS tags and dependency
labels, never text. Scoring a token is one sparse dot product over features read from the
existing parse, so the component stays linear in the document; scikit-learn is needed only
to train.
"""

from __future__ import annotations

import bisect
import json
import math
import weakref
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from claimledger.nlp import lexicon

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "cue_model.json"
# what a new cue may be: a verb or a transcript/headline colon. Nouns and auxiliaries were
# candidates once; they added no correct attribution on dev, only scoring time.
CANDIDATE_POS = {"VERB"}
TURN_MARKS = {":"}
_CHILD_DEPS = {"nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "prep", "advcl", "parataxis", "mark", "poss", "acl"}
_LEX_EN = lexicon.VERB_CUES["en"]
_NOUN_EN = lexicon.NOUN_CUES.get("en", {})


def is_candidate(tok: Token) -> bool:
    return tok.pos_ in CANDIDATE_POS or tok.text in TURN_MARKS


class QuoteIndex:
    """Per-document quotation lookup by char offset (built once per Doc)."""

    def __init__(self, quotes: list[tuple[int, int]] | list[list[int]]) -> None:
        self.quotes = sorted((int(q[0]), int(q[1])) for q in quotes)
        self.starts = [q[0] for q in self.quotes]
        self.ends = sorted(q[1] for q in self.quotes)

    def inside(self, char: int) -> bool:
        k = bisect.bisect_right(self.starts, char) - 1
        return k >= 0 and self.quotes[k][0] < char < self.quotes[k][1]

    def starts_within(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, a)
        return k < len(self.starts) and self.starts[k] < b

    def ends_within(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.ends, a)
        return k < len(self.ends) and self.ends[k] < b


def turn_shape(tok: Token) -> str | None:
    """ "PENCE: Well, ..." / "Poll: Wealthy Voters ...": a colon after a short capitalised run at
    the start of a line. Returns "upper" (all capitals: a transcript turn), "title" or None."""
    if tok.text != ":":
        return None
    doc = tok.doc
    j = tok.i - 1
    words: list[Token] = []
    while j >= 0 and "\n" not in doc[j].text and len(words) < 7:
        words.append(doc[j])
        j -= 1
    if not words or len(words) >= 7 or (j >= 0 and "\n" not in doc[j].text_with_ws):
        return None
    alpha = [w for w in words if w.is_alpha]
    if not alpha or not all(w.is_title or w.is_upper or w.lower_ in ("of", "the", "and", "de") for w in alpha):
        return None
    return "upper" if all(w.is_upper for w in alpha) else "title"


def features(tok: Token, quotes: QuoteIndex) -> list[str]:
    """Feature names of one candidate token; the same function serves training and inference."""
    lemma = tok.lemma_.lower()
    head = tok.head
    doc = tok.doc
    out = [
        f"l={lemma}",
        f"p={tok.pos_}",
        f"t={tok.tag_}",
        f"d={tok.dep_}",
        f"pd={tok.pos_}|{tok.dep_}",
        f"hl={head.lemma_.lower()}" if head.i != tok.i else "hl=ROOT",
        f"hp={head.pos_}|{tok.dep_}",
    ]
    kids = set()
    for c in tok.children:
        if c.dep_ in _CHILD_DEPS:
            kids.add(c.dep_)
            if c.dep_ in ("nsubj", "nsubjpass"):
                out.append(f"se={c.ent_type_ or c.pos_}")
                out.append(f"sl={c.lemma_.lower()}" if c.pos_ == "PRON" else "sl=_")
    for k in sorted(kids):
        out.append(f"c={k}")
        if k in ("ccomp", "xcomp", "dobj", "nsubj", "prep"):
            out.append(f"lc={lemma}|{k}")
    if tok.pos_ in ("VERB", "AUX"):
        out.append(f"lh={lemma}|{'s' if kids & {'nsubj', 'nsubjpass'} else '-'}{'c' if 'ccomp' in kids else '-'}")
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    out.append(f"pw={prev.lower_ if prev is not None and (prev.is_punct or prev.is_stop) else '_'}")
    out.append(f"nw={nxt.lower_ if nxt is not None and (nxt.is_punct or nxt.is_stop) else '_'}")
    if nxt is not None and nxt.text == ":":
        out.append("colon_after")
    # quotation context: a quote right before or after a speech verb is its content
    start, end = tok.idx, tok.idx + len(tok)
    if quotes.inside(start):
        out.append("q=in")
    else:
        if quotes.ends_within(start - 25, start + 1):
            out.append("q=before")
        if quotes.starts_within(end, end + 25):
            out.append("q=after")
        sent = tok.sent
        if quotes.starts_within(sent.start_char, sent.end_char):
            out.append("q=sent")
    if tok.i == tok.sent.start:
        out.append("sent_first")
    shape = turn_shape(tok)
    if shape is not None:
        out.append(f"turn={shape}")
        after = doc[tok.i + 1 : tok.i + 3]
        if any(quotes.inside(t.idx) or t.text in '"“' for t in after):
            out.append("turn_quote")
    act = _LEX_EN.get(lemma)
    if act is not None:
        out.append(f"lex={act}")
    if tok.pos_ == "NOUN" and lemma in _NOUN_EN:
        out.append(f"noun={_NOUN_EN[lemma]}")
    learned = lexicon.LEARNED_VERB_CUES.get(lemma)
    if learned is not None:
        out.append(f"lr={min(9, int(10 * learned[0] / max(1, learned[1])))}")
    return out


# Per Doc: the quotations the features were read with, and each token's features. A token is
# scored as a cue candidate, again as the cue of each reading the attribution scorer weighs, and
# again as a tagger's cue head; its features do not change in between.
_FEATURES: weakref.WeakKeyDictionary[Doc, tuple[list[tuple[int, int]], dict[int, list[str]]]] = (
    weakref.WeakKeyDictionary()
)


def token_features(tok: Token, quotes: QuoteIndex) -> list[str]:
    """`features`, read once per token of a Doc (for the same quotations); do not mutate."""
    entry = _FEATURES.get(tok.doc)
    if entry is None or entry[0] != quotes.quotes:
        entry = _FEATURES[tok.doc] = (quotes.quotes, {})
    got = entry[1].get(tok.i)
    if got is None:
        got = entry[1][tok.i] = features(tok, quotes)
    return got


class CueModel:
    """Logistic-regression weights over `features`: `score(tok)` is P(token is a cue)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float, veto: float = 0.0) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        # a rule cue (a verb the lexicon lists) scored below `veto` is dropped; 0 keeps them all
        self.veto = veto

    def score(self, tok: Token, quotes: QuoteIndex) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in token_features(tok, quotes))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> CueModel | None:
    """The shipped model, or None when the weights file is absent (the rules then work alone)."""
    p = Path(path)
    if not p.is_file():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return CueModel(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), float(data.get("veto", 0.0)))


def doc_quotes(doc: Doc) -> QuoteIndex:
    return QuoteIndex(list(doc._.quotes or []))


# -- the attribution scorer ----------------------------------------------------------------
# A second learned model judges whole candidate attributions (cue, source, content), the rules'
# and the learned cues' alike: is this one an annotator would mark, with these source and
# content boundaries? The cue scorer above only proposes; this one accepts. Trained on PolNeAR
# train by `bench/train_attribution.py`; weights in `data/attribution_model.json`.

TRIAGE_PATH = Path(__file__).resolve().parents[1] / "data" / "attribution_model.json"


class AttributionScorer:
    """Logistic-regression weights over `attribution.triple_features`."""

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        threshold: float,
        rule_threshold: float,
        candidate: float,
        variants: bool = True,
    ) -> None:
        self.weights = weights
        self.bias = bias
        # a new (learned) cue's attribution is kept at `threshold`; one the rules read, whose
        # act the ledger relies on, only needs `rule_threshold`
        self.threshold = threshold
        self.rule_threshold = rule_threshold
        # the cue scorer's bar for proposing a candidate at all; the model was trained on the
        # candidates this bar lets through, so it must stay the training one
        self.candidate = candidate
        # whether other content boundaries of each candidate are weighed too
        self.variants = variants

    def score(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_scorer(path: str = str(TRIAGE_PATH)) -> AttributionScorer | None:
    """The shipped attribution scorer, or None when its weights are absent."""
    p = Path(path)
    if not p.is_file():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return AttributionScorer(
        dict(data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        float(data["rule_threshold"]),
        float(data["candidate"]),
        bool(data.get("variants", True)),
    )
