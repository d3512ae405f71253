"""Incremental story clustering: each new document joins the story it continues, or starts one.

A story is identified by who is in it (entity keys of speakers and mentioned actors, as
normalised by `entities.mention_keys`) and by its rarer capitalised terms (product names,
places). A document joins a story when

* they share at least one *specific* actor (a person or a named/state organisation: two
  stories that only share countries are look-alikes, not one story), and
* the weighted overlap of their keys is above `THRESHOLD`, keys that many candidate
  stories share counting less (an IDF over the candidates), and
* their dates are within `WINDOW_DAYS` of the story's span, when both are known.

Story keys carry two metadata entries, `@first:YYYY-MM-DD` and `@last:YYYY-MM-DD`: the
story's date span. `doc_keys` never emits `@` keys, so they never act as blocking keys.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from datetime import date

from claimledger.entities import has_cyrillic, mention_keys, ru_surname_base, translit
from claimledger.models import DocAnalysis, Mention, Story

WINDOW_DAYS = 45
THRESHOLD = 0.3
MAX_KEYS = 50
_DOC_KEYS = 40

# Key kinds and how much they say about a story's identity.
_WEIGHT = {"p": 3.0, "o": 2.0, "n": 2.0, "a": 1.5, "x": 1.0, "g": 1.0, "t": 1.0, "c": 0.5}
_SPECIFIC = {"p", "o", "n", "a"}

_TITLE_STOP = {
    "the", "a", "an", "in", "on", "of", "and", "for", "to", "at", "by", "with", "from", "as", "but", "or", "not",
    "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
    "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "recall", "meanwhile", "however", "according", "today", "yesterday", "earlier", "also", "after", "before",
    "в", "на", "и", "с", "по", "как", "что", "это", "он", "она", "они", "однако", "также", "при", "для",
}  # fmt: skip
_CAP_RE = re.compile(r"(?<![\w])([A-ZА-ЯЁ][\w\-]{2,})", re.UNICODE)
_SENT_START_RE = re.compile(r"(?:^|[.!?…:]\s+|\n\s*|[\"“«]\s*)$")


def _kind(key: str) -> str:
    return key.split(":", 1)[0]


def _term(word: str) -> str:
    w = word.lower()
    if has_cyrillic(w):
        w = ru_surname_base(w)
    return translit(w)[:7]


def _capitalised_terms(text: str) -> Counter[str]:
    """Capitalised words that are not sentence-initial: names of things, places, products."""
    out: Counter[str] = Counter()
    for m in _CAP_RE.finditer(text):
        word = m.group(1)
        if word.lower() in _TITLE_STOP or _SENT_START_RE.search(text[max(0, m.start() - 3) : m.start()]):
            continue
        out[f"t:{_term(word)}"] += 1
    return out


def _weighted_doc_keys(analysis: DocAnalysis) -> Counter[str]:
    counts: Counter[str] = Counter()
    doc = analysis.document
    for m in analysis.mentions:
        for k in mention_keys(m):
            if k.startswith("p4:") or "@" in k:
                continue  # fuzzy or document-scoped keys say nothing across documents
            counts[k] += 1
    for st in analysis.statements:
        if not st.speaker:
            continue
        probe = Mention(doc.id, st.start, st.start, st.speaker, st.speaker_type, st.speaker)
        for k in mention_keys(probe):
            if k.startswith("p4:") or "@" in k:
                continue
            counts[k] += 2  # speakers are what a story is about
    text = " ".join(x for x in (doc.title or "", doc.title or "", doc.text) if x)
    # Terms that are already an actor key (a surname) would count twice.
    actor_words = {k.split(":", 1)[1][:7] for k in counts}
    for k, n in _capitalised_terms(text).items():
        if k.split(":", 1)[1] not in actor_words:
            counts[k] += n
    return counts


def doc_keys(analysis: DocAnalysis) -> list[str]:
    """Blocking keys of a document, most telling first (actors before terms, frequent first)."""
    counts = _weighted_doc_keys(analysis)
    ranked = sorted(counts, key=lambda k: (-counts[k] * _WEIGHT.get(_kind(k), 1.0), k))
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


def _within_window(day: str | None, story: Story) -> bool:
    if not day:
        return True
    first, last = _span(story)
    d = _to_date(day)
    lo = _to_date(first) if first else None
    hi = _to_date(last) if last else None
    if d is None or (lo is None and hi is None):
        return True
    lo = lo or hi
    hi = hi or lo
    assert lo is not None and hi is not None
    return (lo - d).days <= WINDOW_DAYS and (d - hi).days <= WINDOW_DAYS


def _score(keys: Counter[str], story: Story, df: Counter[str], n: int) -> float:
    story_keys = [k for k in story.keys if not k.startswith("@")]
    shared = set(keys) & set(story_keys)
    if not any(_kind(k) in _SPECIFIC for k in shared):
        return 0.0

    def w(k: str) -> float:
        # Rarer among the candidates = more telling; +1 smoothing keeps weights positive
        # when there is a single candidate.
        return _WEIGHT.get(_kind(k), 1.0) * math.log(1.0 + (n + 1) / (df[k] + 1))

    def cosine(kinds: set[str] | None) -> float:
        def sel(k: str) -> bool:
            return (_kind(k) in kinds) if kinds is not None else (_kind(k) == "t")

        d = [k for k in keys if sel(k)]
        t = [k for k in story_keys if sel(k)]
        if not d or not t:
            return 0.0
        inter = sum(w(k) ** 2 for k in set(d) & set(t))
        return inter / math.sqrt(sum(w(k) ** 2 for k in d) * sum(w(k) ** 2 for k in t))

    # Who is in it matters most; shared rarer terms (places, products) confirm it. Cosine
    # rather than containment, so a document naming only one ubiquitous actor (a ministry
    # that comments on everything) does not join every story that actor appears in.
    return 0.65 * cosine({"p", "o", "n", "a", "c", "g", "x"}) + 0.35 * cosine(None)


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


def _update(story: Story, analysis: DocAnalysis, keys: Counter[str]) -> Story:
    doc = analysis.document
    if doc.id not in story.doc_ids:
        story.doc_ids.append(doc.id)
    plain = [k for k in story.keys if not k.startswith("@")]
    # Existing keys keep a rank-based score (their order is by importance); the document's
    # keys add theirs, so keys that recur across the story's documents rise to the top.
    scores: dict[str, float] = {}
    for r, k in enumerate(plain):
        scores[k] = 1.0 + (len(plain) - r) / max(1, len(plain))
    for k, c in keys.items():
        scores[k] = scores.get(k, 0.0) + min(2.0, c * _WEIGHT.get(_kind(k), 1.0) / 2.0)
    ranked = sorted(scores, key=lambda k: (-scores[k], k))[:MAX_KEYS]
    first, last = _span(story)
    day = _doc_date(analysis)
    if day:
        first = min(first, day) if first else day
        last = max(last, day) if last else day
    meta = [f"@first:{first}"] if first else []
    meta += [f"@last:{last}"] if last else []
    story.keys = ranked + meta
    return story


def assign(analysis: DocAnalysis, candidates: list[Story], new_id: Callable[[], str]) -> Story:
    """The story the document belongs to (changed: doc id added, keys extended), or a new one."""
    doc = analysis.document
    for story in candidates:
        if doc.id in story.doc_ids:
            return story  # re-analysis of a document already placed
    keys = Counter({k: c for k, c in _weighted_doc_keys(analysis).items() if k in set(doc_keys(analysis))})
    day = _doc_date(analysis)
    df: Counter[str] = Counter()
    for story in candidates:
        df.update({k for k in story.keys if not k.startswith("@")})
    best: tuple[float, Story] | None = None
    for story in candidates:
        if not _within_window(day, story):
            continue
        s = _score(keys, story, df, len(candidates))
        if s >= THRESHOLD and (best is None or s > best[0]):
            best = (s, story)
    if best is not None:
        return _update(best[1], analysis, keys)
    story = Story(id=new_id(), title=_title(analysis), doc_ids=[], keys=[])
    return _update(story, analysis, keys)
