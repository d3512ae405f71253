"""Incremental story clustering: each new document joins the story it continues, or starts one.

A story is identified by who and what is in it: the actor keys of speakers and mentioned
actors (`entities.mention_keys`) and the rarer capitalised terms (product names, places).
Both are reduced to *stems* — a spelling skeleton of each distinctive word, cut to
`_STEM_LEN` letters — so that one name compares equal across kinds (a fictional country
the Russian NER tags as a person), inflections (Кестрании/Kestrania/Kestranian) and
scripts (Демский/Demsky). A document joins a story when

* they share at least `_MIN_SHARED` stems, one of them a specific actor (a person or a
  named/state organisation: two stories that only share countries are look-alikes);
* the weighted overlap coefficient of their stems is above `THRESHOLD`. Overlap over the
  smaller side rather than cosine, so a long article with many side actors still joins
  the short one it continues; each stem weighs by its kind, its salience (rank) on each
  side and its rarity among the candidate stories (an IDF);
* their dates are within `WINDOW_DAYS` of the story's span, when both are known.

Keys are `K:stem` with K the kind class (p person, o organisation, g place, t term); the
class only weighs, matching is on the stem. Story keys carry two metadata entries,
`@first:YYYY-MM-DD` and `@last:YYYY-MM-DD`: the story's date span. `doc_keys` never emits
`@` keys, so they never act as blocking keys.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from claimledger import embeddings
from claimledger.entities import mention_keys
from claimledger.models import DocAnalysis, Mention, Story
from claimledger.names import has_cyrillic, ru_surname_base, skeleton

WINDOW_DAYS = 45
THRESHOLD = 0.3
# Embedding similarity (title and lead vs the story's centroid) at which a document joins
# a story on meaning alone; never when both sides name specific actors and share none of
# them (same theme, other people: a look-alike story). Chosen on the "tune" half of
# Emergent's claims (bench/linking.py): 0.55-0.65 all beat keys alone by +0.2 pairwise F1;
# letting a lower similarity tip a weak key overlap into a join only cost precision.
EMB_JOIN = 0.6
_ACTOR_TOP = 6
MAX_KEYS = 50
_DOC_KEYS = 40
_STEM_LEN = 5
_MIN_SHARED = 2

# Entity-key kinds (see entities._keys_for) -> stem class; descriptions ("x:officials")
# name no one in particular and are left out.
_CLASS = {"p": "p", "o": "o", "n": "o", "a": "o", "m": "o", "g": "g", "c": "g", "t": "t"}
# How much a shared stem of each class says about a story's identity.
_WEIGHT = {"p": 3.0, "o": 2.0, "g": 1.0, "t": 1.0}
_SPECIFIC = {"p", "o"}

_TITLE_STOP = {
    "the", "a", "an", "in", "on", "of", "and", "for", "to", "at", "by", "with", "from", "as", "but", "or", "not",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "recall", "meanwhile", "however", "according", "today", "yesterday", "earlier", "also", "after", "before",
    "в", "на", "и", "с", "по", "как", "что", "это", "он", "она", "они", "однако", "также", "при", "для",
}  # fmt: skip
# Capitalised words that are parts of institutional names or titles in any story
# ("Foreign Ministry", "Defence", "Embassy", "General"): they tie every story to every other.
_GENERIC_WORDS = (
    "ministry minister ministers foreign affairs defence defense interior embassy embassies government president "
    "presidential prime national assembly commission committee council department office service services agency "
    "police army armed forces force royal kingdom republic state states united federal federation general colonel "
    "major chief deputy spokesperson spokeswoman spokesman press news radio television post times daily courier "
    "herald gazette journal tribune observer agency party parliament senate court supreme security international "
    "mfa mod mp un eu nato "
    "министерство министр мид правительство президент посольство ведомство агентство служба армия генерал "
    "пресс радио газета парламент партия суд республика государство глава заместитель представитель"
).split()
# A capital in any cased script (Latin with accents, Cyrillic incl. Tajik letters, Armenian, Greek).
_CAP_RE = re.compile(r"(?<![\w])([^\W\d_][\w\-]{2,})", re.UNICODE)
_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_SENT_START_RE = re.compile(r"(?:^|[.!?…:]\s+|\n\s*|[\"“«]\s*)$")


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _is_lsh(key: str) -> bool:
    return key[:1] == "e" and key[1:2].isdigit()


def _plain(keys: list[str]) -> list[str]:
    """Stem keys only: no `@` metadata, no embedding buckets."""
    return list(_plain_cached(tuple(keys)))


@lru_cache(maxsize=4096)  # a candidate story's keys are read by several steps of one assignment
def _plain_cached(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in keys if not k.startswith("@") and not _is_lsh(k))


def _stem_of(key: str) -> str:
    return key.split(":", 1)[1] if ":" in key else key


def _word_stem(word: str) -> str:
    w = word.lower()
    if has_cyrillic(w):
        w = ru_surname_base(w)
    return skeleton(w)[:_STEM_LEN]


_GENERIC = {_word_stem(w) for w in _GENERIC_WORDS}


def _stems(key: str) -> list[str]:
    """The comparable stems of one entity key or term: one per distinctive word."""
    kind, _, name = key.partition(":")
    if kind == "o":
        # A state body: its country is a place stem; the body itself (country + type) is
        # the specific actor. Document-scoped bodies ("@doc") name no one across documents.
        owner, _, body = name.partition("|")
        if owner.startswith("@"):
            return []
        place = _word_stem(owner.split()[0]) if owner.split() else ""
        return [s for s in (f"{place}|{body}" if place and body else "", place) if s]
    out = []
    for w in _WORD_RE.findall(name):
        s = _word_stem(w)
        if len(s) >= 3 and s not in _GENERIC:
            out.append(s)
    return out


def _capitalised_terms(text: str) -> Counter[str]:
    """Capitalised words that are not sentence-initial: names of things, places, products.

    A word the text also writes in lower case is a common word capitalised by a headline
    or a title ("Hacked Forum Post"), not a name.
    """
    lower = {w for w in _WORD_RE.findall(text) if w.islower()}
    out: Counter[str] = Counter()
    for m in _CAP_RE.finditer(text):
        word = m.group(1)
        if not word[0].isupper():
            continue
        if word.lower() in _TITLE_STOP or word.lower() in lower:
            continue
        if _SENT_START_RE.search(text[max(0, m.start() - 3) : m.start()]):
            continue
        out[f"t:{word}"] += 1
    return out


def _weighted_doc_keys(analysis: DocAnalysis) -> Counter[str]:
    """Stem keys (`class:stem`) of a document with their salience."""
    raw: Counter[str] = Counter()
    doc = analysis.document
    for m in analysis.mentions:
        for k in mention_keys(m):
            if k.startswith("p4:") or "@" in k:
                continue  # fuzzy or document-scoped keys say nothing across documents
            raw[k] += 1
    for st in analysis.statements:
        if not st.speaker:
            continue
        probe = Mention(doc.id, st.start, st.start, st.speaker, st.speaker_type, st.speaker)
        for k in mention_keys(probe):
            if k.startswith("p4:") or "@" in k:
                continue
            raw[k] += 2  # speakers are what a story is about
    text = " ".join(x for x in (doc.title or "", doc.title or "", doc.text) if x)
    raw.update(_capitalised_terms(text))
    # One stem keeps its most specific class: the same name seen as an actor and as a
    # capitalised term is one actor, counted once with all its occurrences.
    counts: Counter[str] = Counter()
    best: dict[str, str] = {}
    for k, n in raw.items():
        cls = _CLASS.get(_kind(k))
        if cls is None:
            continue
        for s in _stems(k):
            if "|" in s:
                cls_s = "o"
            elif _kind(k) == "o":
                cls_s = "g"  # the owner country of a state body
            else:
                cls_s = cls
            counts[s] += n
            if s not in best or _WEIGHT[cls_s] > _WEIGHT[best[s]]:
                best[s] = cls_s
    return Counter({f"{best[s]}:{s}": n for s, n in counts.items()})


def weighted_keys(analysis: DocAnalysis) -> Counter[str]:
    """The document's stem keys with their salience, for `doc_keys` and `assign` to share (they
    read the whole text and every mention; weigh them once per document)."""
    return _weighted_doc_keys(analysis)


def doc_keys(analysis: DocAnalysis, weighted: Counter[str] | None = None) -> list[str]:
    """Blocking keys of a document, most telling first (actors before terms, frequent first),
    then the buckets of its embedding (which find stories told in other words or languages).
    `weighted`: `weighted_keys(analysis)`, when the caller has it."""
    keys = weighted if weighted is not None else _weighted_doc_keys(analysis)
    return _ranked(keys) + embeddings.lsh_keys_packed(analysis.vector)


def _ranked(counts: Counter[str]) -> list[str]:
    ranked = sorted(counts, key=lambda k: (-(1.0 + math.log(counts[k])) * _WEIGHT.get(_kind(k), 1.0), k))
    return ranked[:_DOC_KEYS]


def _doc_date(analysis: DocAnalysis) -> str | None:
    """The publication date, else the latest dated statement or event (a lower bound)."""
    if analysis.document.published:
        return analysis.document.published
    dated = [d for d in [*(s.date for s in analysis.statements), *(e.date for e in analysis.events)] if d]
    return max(dated) if dated else None


def _to_date(iso: str) -> date | None:
    parts = iso.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 7  # mid-period for coarse dates
        d = int(parts[2]) if len(parts) > 2 else 15
        return date(y, m, d)
    except (ValueError, IndexError):
        return None


def _span(story: Story) -> tuple[str | None, str | None]:
    first = next((k[7:] for k in story.keys if k.startswith("@first:")), None)
    last = next((k[6:] for k in story.keys if k.startswith("@last:")), None)
    return first, last


def window(analysis: DocAnalysis) -> tuple[str, str] | None:
    """(earliest last day, latest first day) of the stories the document may join by date
    (`assign` checks the same with `_within_window`); None when it has no date."""
    day = _doc_date(analysis)
    d = _to_date(day) if day else None
    if d is None:
        return None
    return (d - timedelta(days=WINDOW_DAYS)).isoformat(), (d + timedelta(days=WINDOW_DAYS)).isoformat()


def span(story: Story) -> tuple[str | None, str | None]:
    """The story's first and last day as full dates (a month or a year read as its middle, as
    the window does): what `window` compares with."""
    _, _, _, lo, hi = _profile(tuple(story.keys))
    lo, hi = lo or hi, hi or lo
    return (lo.isoformat() if lo else None), (hi.isoformat() if hi else None)


def _within_window(day: str | None, story: Story) -> bool:
    if not day:
        return True
    _, _, _, lo, hi = _profile(tuple(story.keys))
    d = _to_date(day)
    if d is None or (lo is None and hi is None):
        return True
    lo = lo or hi
    hi = hi or lo
    assert lo is not None and hi is not None
    return (lo - d).days <= WINDOW_DAYS and (d - hi).days <= WINDOW_DAYS


def _salience(ranked: list[str]) -> dict[str, tuple[str, float]]:
    """stem -> (class, salience): the first-ranked keys are what the text is about."""
    out: dict[str, tuple[str, float]] = {}
    for r, k in enumerate(ranked):
        s = _stem_of(k)
        if s not in out:
            out[s] = (_kind(k), 1.0 / (1.0 + r / 10.0))
    return out


class _Idf(dict[str, float]):
    """Rarity of a stem among the candidate stories, computed once per stem per document (a
    document is scored against up to 200 candidates sharing most of their stems)."""

    def __init__(self, df: Counter[str], n: int) -> None:
        super().__init__()
        self.df, self.n = df, n

    def __missing__(self, s: str) -> float:
        # Rarer among the candidates = more telling; +1 smoothing keeps weights positive
        # when there is a single candidate.
        v = self[s] = math.log(1.0 + (self.n + 1) / (self.df[s] + 1))
        return v


def _mass(side: dict[str, tuple[str, float]], stems: set[str], idf: _Idf) -> float:
    return sum(_WEIGHT.get(side[s][0], 1.0) * side[s][1] * idf[s] for s in stems)


def _score(ranked: list[str], story: Story, idf: _Idf, d: dict[str, tuple[str, float]], d_mass: float) -> float:
    """Weighted overlap coefficient of the document's and the story's stems (0..1); `d` is
    `_salience(ranked)`, `d_mass` its `_mass`."""
    t = _profile(tuple(story.keys))[0]
    shared = set(d) & set(t)
    if len(shared) < _MIN_SHARED or not any(d[s][0] in _SPECIFIC or t[s][0] in _SPECIFIC for s in shared):
        return 0.0
    inter = sum(
        max(_WEIGHT.get(d[s][0], 1.0), _WEIGHT.get(t[s][0], 1.0)) * min(d[s][1], t[s][1]) * idf[s] for s in shared
    )
    denom = min(d_mass, _mass(t, set(t), idf))
    return min(1.0, inter / denom) if denom else 0.0


def _title(analysis: DocAnalysis) -> str:
    doc = analysis.document
    if doc.title:
        return doc.title.strip()
    if analysis.statements:
        st = analysis.statements[0]
        words = st.content.split()
        return f"{st.speaker}: {' '.join(words[:12])}{' …' if len(words) > 12 else ''}"
    first = re.split(r"(?<=[.!?])\s+", doc.text.strip(), maxsplit=1)[0]
    words = first.split()
    return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


def _update(story: Story, analysis: DocAnalysis, ranked: list[str], keys: Counter[str]) -> Story:
    doc = analysis.document
    if doc.id not in story.doc_ids:
        story.doc_ids.append(doc.id)
        story.size = max(story.size, len(story.doc_ids) - 1) + 1
    plain = _plain(story.keys)
    # Existing keys keep a rank-based score (their order is by importance); the document's
    # keys add theirs, so keys that recur across the story's documents rise to the top.
    # Keyed by stem: a stem seen under two classes keeps the more specific one.
    scores: dict[str, float] = {}
    cls: dict[str, str] = {}

    def note(k: str, add: float) -> None:
        s, c = _stem_of(k), _kind(k)
        scores[s] = scores.get(s, 0.0) + add
        if s not in cls or _WEIGHT.get(c, 1.0) > _WEIGHT.get(cls[s], 1.0):
            cls[s] = c

    for r, k in enumerate(plain):
        note(k, 1.0 + (len(plain) - r) / max(1, len(plain)))
    for r, k in enumerate(ranked):
        note(k, min(2.0, keys[k] * _WEIGHT.get(_kind(k), 1.0) / 2.0) / (1.0 + r / 20.0))
    top = sorted(scores, key=lambda s: (-scores[s], s))[:MAX_KEYS]
    first, last = _span(story)
    day = _doc_date(analysis)
    if day:
        first = min(first, day) if first else day
        last = max(last, day) if last else day
    meta = [f"@first:{first}"] if first else []
    meta += [f"@last:{last}"] if last else []
    story.vector = _centroid(story, analysis.vector)
    story.keys = [f"{cls[s]}:{s}" for s in top] + meta + embeddings.lsh_keys_packed(story.vector)
    return story


def _centroid(story: Story, packed: str | None) -> str | None:
    """Running mean of the member documents' vectors (the document is already in doc_ids)."""
    new = embeddings.unpack(packed)
    old = embeddings.unpack(story.vector)
    if new is None:
        return story.vector
    if old is None:
        return packed
    n = max(1, story.size - 1)
    mean = old * n + new
    norm = float(np.linalg.norm(mean))
    return embeddings.pack(mean / norm) if norm else story.vector


def _actors(ranked: list[str]) -> set[str]:
    return {_stem_of(k) for k in ranked[:_ACTOR_TOP] if _kind(k) in _SPECIFIC}


def _conflict(ranked: list[str], story: Story) -> bool:
    """Both name specific actors up front and none of them is shared: a look-alike."""
    mine, theirs = _actors(ranked), _profile(tuple(story.keys))[2]
    return bool(mine and theirs and not (mine & theirs))


@lru_cache(maxsize=4096)
def _profile(
    keys: tuple[str, ...],
) -> tuple[dict[str, tuple[str, float]], frozenset[str], frozenset[str], date | None, date | None]:
    """What assignment reads from a story's keys: (stem salience, stems, specific actors up
    front, first day, last day). Cached by the keys, which change only when the story does:
    a story is a candidate for most documents that continue it, and reading its keys again
    for each of up to 200 candidates per document was most of the cost of assigning one."""
    plain = _plain_cached(keys)
    first = next((k[7:] for k in keys if k.startswith("@first:")), None)
    last = next((k[6:] for k in keys if k.startswith("@last:")), None)
    lo = _to_date(first) if first else None
    hi = _to_date(last) if last else None
    return _salience(list(plain)), frozenset(_stem_of(k) for k in plain), frozenset(_actors(list(plain))), lo, hi


@lru_cache(maxsize=4096)  # a candidate story's centroid, decoded once while its vector stays the same
def _vector(packed: str | None) -> np.ndarray | None:
    return embeddings.unpack(packed)


def _joins(key_score: float, cos: float, conflict: bool) -> float:
    """The score a candidate story earns; below THRESHOLD it is not joined."""
    if key_score >= THRESHOLD:
        return key_score + cos
    if not conflict and cos >= EMB_JOIN:
        return THRESHOLD + cos
    return 0.0


def assign(
    analysis: DocAnalysis,
    candidates: list[Story],
    new_id: Callable[[], str],
    weighted: Counter[str] | None = None,
) -> Story:
    """The story the document belongs to (changed: doc id added, keys extended), or a new one.

    Candidates may come without their `doc_ids` (`Story.size` counts them): the story then
    returned lists only the documents it gained here. `weighted`: `weighted_keys(analysis)`,
    when the caller has it."""
    doc = analysis.document
    for story in candidates:
        if doc.id in story.doc_ids:
            return story  # re-analysis of a document already placed
    keys = weighted if weighted is not None else _weighted_doc_keys(analysis)
    ranked = _ranked(keys)  # = doc_keys(analysis), without weighing the document's keys again
    day = _doc_date(analysis)
    df: Counter[str] = Counter()
    for story in candidates:
        df.update(_profile(tuple(story.keys))[1])
    vec = embeddings.unpack(analysis.vector)
    salience = _salience(ranked)
    idf = _Idf(df, len(candidates))
    d_mass = _mass(salience, set(salience), idf)
    best: tuple[float, Story] | None = None
    for story in candidates:
        if not _within_window(day, story):
            continue
        cos = embeddings.cosine(vec, _vector(story.vector))
        s = _joins(_score(ranked, story, idf, salience, d_mass), cos, _conflict(ranked, story))
        if s >= THRESHOLD and (best is None or s > best[0]):
            best = (s, story)
    if best is not None:
        return _update(best[1], analysis, ranked, keys)
    story = Story(id=new_id(), title=_title(analysis), doc_ids=[], keys=[])
    return _update(story, analysis, ranked, keys)
