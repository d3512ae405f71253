"""A re-implementation of the official FNC-1 baseline (FakeNewsChallenge/fnc-1-baseline).

Its features, as the original computes them: word overlap (Jaccard of lemmatised tokens),
refuting words in the headline, polarity (odd/even count of refuting words) of headline and
body, and the hand features (binary co-occurrence of headline tokens in the body and its first
255 characters, with and without stopwords; headline character-gram and word n-gram hits in the
body, its first 255 and first 100 characters); then
GradientBoostingClassifier(n_estimators=200, random_state=14).

Deviations, all forced by running offline: NLTK's WordNet lemmatiser and tokenizer (data
downloaded at run time) are replaced by a regex tokenizer and a plural-stripping lemmatiser; the
original picks the best of ten cross-validation folds' classifiers, this one trains once on the
whole training set. The original's quirk of spacing out the characters of each character-gram
before looking it up ("a b" for "ab") is kept: it is what the baseline's figures came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

LABELS = ["agree", "disagree", "discuss", "unrelated"]
REFUTING = ["fake", "fraud", "hoax", "false", "deny", "denies", "not", "despite", "nope", "doubt", "doubts",
            "bogus", "debunk", "pranks", "retract"]


def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def clean(s: str) -> str:
    return " ".join(re.findall(r"\w+", s, flags=re.UNICODE)).lower()


def lemma(w: str) -> str:
    # WordNet's noun lemmatiser mostly strips plural endings; this does the same for regular ones.
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def lemmas(s: str) -> list[str]:
    return [lemma(t) for t in re.findall(r"\w+|[^\w\s]", s)]


def word_overlap(headline: str, body: str) -> list[float]:
    h, b = set(lemmas(clean(headline))), set(lemmas(clean(body)))
    return [len(h & b) / float(len(h | b))] if h | b else [0.0]


def refuting(headline: str) -> list[float]:
    h = lemmas(clean(headline))
    return [1.0 if w in h else 0.0 for w in REFUTING]


def polarity(headline: str, body: str) -> list[float]:
    def pol(text: str) -> float:
        return float(sum(t in REFUTING for t in lemmas(text)) % 2)

    return [pol(clean(headline)), pol(clean(body))]


def _chargrams(features: list[float], head: str, body: str, size: int, stops: frozenset[str]) -> None:
    text = " ".join(w for w in head.split() if w not in stops)
    grams = [" ".join(text[i : i + size]) for i in range(len(text) - size + 1)]
    features += [float(sum(g in body for g in grams)), float(sum(g in body[:255] for g in grams)),
                 float(sum(g in body[:100] for g in grams))]


def _ngrams(features: list[float], head: str, body: str, size: int) -> None:
    words = head.split(" ")
    grams = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    features += [float(sum(g in body for g in grams)), float(sum(g in body[:255] for g in grams))]


def hand(headline: str, body: str, stops: frozenset[str]) -> list[float]:
    ch, cb = clean(headline), clean(body)
    out = [float(sum(t in cb for t in ch.split(" "))), float(sum(t in cb[:255] for t in ch.split(" ")))]
    no_stop = sum(t in cb for t in ch.split(" ") if t not in stops)
    out += [float(no_stop), float(no_stop)]  # the original counts the "early" hits against the whole body
    for size in (2, 8, 4, 16):
        _chargrams(out, ch, cb, size, stops)
    for size in (2, 3, 4, 5, 6):
        _ngrams(out, ch, cb, size)
    return out


def features(headline: str, body: str, stops: frozenset[str] | None = None) -> list[float]:
    stops = stops if stops is not None else _stopwords()
    return word_overlap(headline, body) + refuting(headline) + polarity(headline, body) + hand(headline, body, stops)


def feature_matrix(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    stops = _stopwords()
    return np.asarray([features(h, b, stops) for h, b in pairs], dtype=np.float64)


def train(x: np.ndarray, y: Sequence[str]):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import GradientBoostingClassifier

    clf = GradientBoostingClassifier(n_estimators=200, random_state=14)
    clf.fit(x, np.asarray([LABELS.index(c) for c in y]))
    return clf


def predict(clf, x: np.ndarray) -> list[str]:  # type: ignore[no-untyped-def]
    return [LABELS[int(i)] for i in clf.predict(x)]
