"""The corpus timeline: the same event told by several documents becomes one Event.

Events arrive per document (see `events.py`). Two events are the same when their dates are
compatible (equal, or one is the month/year the other falls in) and their descriptions share
enough salient words: names and numbers count double, because "Gordon ... October 28" in two
articles is far stronger evidence than two articles both using "said".

Speech events are one event only when one actor spoke: two people quoted on the same day
about the same thing share names and words, yet made two statements. The speaker travels in
the event's keys as a bookkeeping key (`@spk:<stems>`, which the store keeps on the event but
does not use for blocking) and, for events stored before it existed, is read back from the
description ("<speaker> <verb>[ (channel)]: <content>").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimledger.models import Event
from claimledger.names import has_cyrillic, ru_surname_base, shared_prefix, translit

_STOP = {
    # English function words and news boilerplate that every event description shares.
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "that", "this", "these",
    "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "he", "she", "they",
    "his", "her", "their", "them", "him", "we", "our", "not", "no", "as", "but", "also", "will", "would", "could",
    "should", "can", "may", "said", "says", "say", "claims", "claim", "claimed", "denies", "retracts", "appeals",
    "recommends", "confirms", "which", "who", "what", "when", "where", "there", "than", "then", "into", "about",
    "after", "before", "over", "under", "all", "any", "some", "other", "such", "via", "mr", "ms", "mrs",
    "и", "в", "во", "на", "с", "со", "по", "к", "о", "об", "от", "до", "из", "за", "что", "как", "это", "не", "он",
    "она", "они", "его", "ее", "их", "был", "была", "были", "было", "также", "для", "при", "заявил", "заявила",
    "сказал", "сказала", "сообщил", "сообщила",
}  # fmt: skip

# Capitalised words of institutional names: two different ministries share "Foreign
# Ministry", so these count as content words, not as names.
_INSTITUTIONAL = {
    "ministry", "minister", "foreign", "affairs", "defence", "defense", "interior", "embassy", "government",
    "president", "prime", "national", "state", "department", "office", "agency", "council", "committee",
    "commission", "spokesman", "spokeswoman", "spokesperson", "general", "major", "chief",
    "министерство", "министр", "мид", "посольство", "правительство", "президент", "ведомство",
}  # fmt: skip

_TOKEN_RE = re.compile(r"[^\W_]+(?:[-.][^\W_]+)*", re.UNICODE)


def _stem(word: str) -> str:
    """Crude cross-language stem: transliterated, Russian case endings cut, truncated.

    Truncating to six letters makes "produced"/"production" and "заявление"/"заявления"
    meet without a real stemmer for every language.
    """
    w = word.lower()
    if has_cyrillic(w):
        w = ru_surname_base(w)
    w = translit(w)
    return w[:6]


def salient(text: str) -> dict[str, float]:
    """Salient stems of a description with weights: names and numbers 2, other content words 1."""
    return dict(_salient(text))


@lru_cache(maxsize=8192)  # one candidate event is compared with every new event of a document
def _salient(text: str) -> tuple[tuple[str, float], ...]:
    out: dict[str, float] = {}
    tokens = _TOKEN_RE.findall(text)
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if low in _STOP or (len(tok) < 3 and not tok.isdigit()):
            continue
        # Capitalised mid-description words are names; the first word is capitalised anyway.
        is_name = tok[:1].isupper() and i > 0 and low not in _INSTITUTIONAL
        weight = 2.0 if (is_name or any(c.isdigit() for c in tok)) else 1.0
        stem = _stem(tok)
        out[stem] = max(out.get(stem, 0.0), weight)
    return tuple(out.items())


def event_keys(event: Event) -> list[str]:
    """Blocking keys: the event's month joined with each of its most salient stems.

    The month (not the day) is used so that "2022-10" and "2022-10-28" versions of one event
    still meet; pairing it with a word keeps each key selective. A speech event also carries
    its speaker as an `@spk:` key: "@" keys are bookkeeping, so a prolific speaker does not
    make every one of their statements a merge candidate of every other.
    """
    month = (event.date or "")[:7] or "undated"
    weights = salient(event.description)
    ranked = sorted(weights, key=lambda s: (-weights[s], s))[:8]
    keys = [f"{month}|{s}" for s in ranked]
    spk = _speaker_key(event)
    if spk:
        keys.append(spk)
    return keys


SPEAKER_KEY = "@spk:"
# The verbs events.py writes after a statement's speaker ("X claims: ..."); the English
# present forms of the speech acts, any of which ends the speaker part.
_ACT_VERBS = {"claims", "denies", "retracts", "appeals", "recommends", "confirms", "says"}
# Words of a speaker's name that do not tell two speakers apart: institution words and
# abbreviations every foreign ministry shares, titles.
_SPEAKER_GENERIC = _INSTITUTIONAL | {
    "mfa", "mofa", "mod", "mid", "ministry's", "republic", "kingdom", "of", "the", "official", "officials",
    "dr", "mr", "mrs", "ms", "мид", "минобороны", "иностранных", "дел", "обороны", "республики",
}  # fmt: skip


def _speaker_name(event: Event) -> str | None:
    """The speaker part of a speech event's description, or None when it has none."""
    if event.kind != "statement" or not event.description:
        return None
    head = re.split(r"\s\(|:\s", event.description, maxsplit=1)[0].strip()
    words = head.split()
    if len(words) < 2 or words[-1].lower() not in _ACT_VERBS:
        return None
    return " ".join(words[:-1])


def speaker_stems(name: str) -> list[str]:
    """Stems of the words of a speaker's name that identify it, in order ("Viktor Demsky" ->
    ["viktor", "demsky"]; "Valdorian Foreign Ministry" -> ["valdor"])."""
    out: list[str] = []
    for tok in _TOKEN_RE.findall(name):
        low = tok.lower().replace("’s", "").replace("'s", "")
        if low in _STOP or low in _SPEAKER_GENERIC or len(low) < 2:
            continue
        st = _stem(low)
        if st not in out:
            out.append(st)
    return out


def _speaker_key(event: Event) -> str | None:
    name = _speaker_name(event)
    stems = speaker_stems(name) if name else []
    return SPEAKER_KEY + " ".join(stems) if stems else None


def _speakers(event: Event) -> list[list[str]]:
    """Each speaker the event is known to hold, as stems (several after a merge with a
    narrative event that absorbed statements)."""
    found = [k[len(SPEAKER_KEY) :].split() for k in event.keys if k.startswith(SPEAKER_KEY)]
    if not found:
        name = _speaker_name(event)
        stems = speaker_stems(name) if name else []
        if stems:
            found = [stems]
    return found


def _stems_match(a: str, b: str) -> bool:
    # Transliteration, case endings and demonyms change a name's last letter or cut it at a
    # different length ("demski"/"demsky", "tajik"/"tajiki"): all but one letter of the
    # shorter stem in common, four letters at least.
    if a == b:
        return True
    n = shared_prefix(a, b)
    return n >= 4 and n >= min(len(a), len(b)) - 1


def same_speaker(a: list[str], b: list[str]) -> bool:
    """Whether two speakers' name stems can be one actor. Any shared name word suffices
    ("Gordon" ~ "Dmitry Gordon", "Kestrania's Foreign Ministry" ~ "МИД Кестрании"), except
    a shared first word alone between two full names that end differently: "Dmitry Gordon"
    and "Dmitry Peskov" are two people."""
    if not a or not b:
        return True
    shared = [(i, j) for i, x in enumerate(a) for j, y in enumerate(b) if _stems_match(x, y)]
    if not shared:
        return False
    if len(a) >= 2 and len(b) >= 2 and not _stems_match(a[-1], b[-1]):
        return any(i == len(a) - 1 or j == len(b) - 1 for i, j in shared)
    return True


def speakers_compatible(a: Event, b: Event) -> bool:
    """Two speech events may be one only when one actor spoke in both; an event that is not
    a statement, or whose speaker is unknown, constrains nothing."""
    if a.kind != "statement" or b.kind != "statement":
        return True
    sa, sb = _speakers(a), _speakers(b)
    if not sa or not sb:
        return True
    return any(same_speaker(x, y) for x in sa for y in sb)


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal, or one is a coarser date containing the other ("2022-10" vs "2022-10-28")."""
    if not a or not b:
        return a == b
    return a.startswith(b) or b.startswith(a)


def similarity(a: Event, b: Event) -> float:
    """Weighted overlap coefficient of salient stems (0..1)."""
    wa, wb = salient(a.description), salient(b.description)
    shared = set(wa) & set(wb)
    if not shared:
        return 0.0
    inter = sum(min(wa[s], wb[s]) for s in shared)
    smaller = min(sum(wa.values()), sum(wb.values()))
    return inter / smaller if smaller else 0.0


# Above this the two descriptions name the same actors/things; tuned so that one shared
# name plus one shared content word in short descriptions qualifies, one shared name alone
# in long descriptions does not.
THRESHOLD = 0.3


def _same(a: Event, b: Event) -> float:
    if not dates_compatible(a.date, b.date) or a.date is None:
        return 0.0
    if not speakers_compatible(a, b):
        return 0.0  # two people speaking on one day about one thing made two statements
    wa, wb = salient(a.description), salient(b.description)
    names = {s for s in set(wa) & set(wb) if wa[s] >= 2.0 and wb[s] >= 2.0}
    if not names:
        return 0.0  # no shared name or number: too weak to call it the same event
    score = similarity(a, b)
    return score if score >= THRESHOLD else 0.0


def _earliest(*values: str | None) -> str | None:
    known = [v for v in values if v]
    return min(known) if known else None


def _absorb(target: Event, ev: Event) -> None:
    for d in ev.doc_ids:
        if d not in target.doc_ids:
            target.doc_ids.append(d)
    for s in ev.statement_ids:
        if s not in target.statement_ids:
            target.statement_ids.append(s)
    # The more precise date wins; "2022-10-28" refines "2022-10". The account that knows
    # the day usually tells the event itself ("opened an assembly line") where the vaguer
    # one tells a circumstance ("visited the plant in May"), so its description comes too.
    if ev.date and (not target.date or len(ev.date) > len(target.date)):
        target.date, target.date_precision = ev.date, ev.date_precision
        if ev.description:
            target.description = ev.description
    target.said_date = target.said_date or ev.said_date
    # When it was first known: the earliest report.
    target.reported_date = _earliest(target.reported_date, ev.reported_date)
    for k in ev.keys:
        if k not in target.keys:
            target.keys.append(k)


def merge(events: list[Event], candidates: list[Event]) -> list[Event]:
    """Fold new events into matching candidates; return the changed candidates and the
    events that matched none.

    Matching is one-to-one and best-first, and an event never merges into an event that
    already carries its document: one article telling two things on one day tells two things.
    """
    pool: list[Event] = list(candidates)
    pairs: list[tuple[float, int, int]] = []
    for i, ev in enumerate(events):
        for j, cand in enumerate(pool):
            if cand.id == ev.id:
                continue
            score = _same(ev, cand)
            if score > 0:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    placed: dict[int, int] = {}
    for _score, i, j in pairs:
        if i in placed:
            continue
        ev, cand = events[i], pool[j]
        if set(ev.doc_ids) & set(cand.doc_ids):
            continue
        _absorb(cand, ev)
        placed[i] = j
    changed = {id(pool[j]): pool[j] for j in placed.values()}
    out: list[Event] = list(changed.values())
    # Unmatched new events stay; new events of different documents in one batch may still
    # be one event.
    fresh: list[Event] = []
    for i, ev in enumerate(events):
        if i in placed:
            continue
        target = next(
            (f for f in fresh if _same(ev, f) > 0 and not set(ev.doc_ids) & set(f.doc_ids)),
            None,
        )
        if target is not None:
            _absorb(target, ev)
        else:
            fresh.append(ev)
    return out + fresh


def _known_at(event: Event) -> str | None:
    return event.reported_date or event.said_date or event.date


def as_of(events: Iterable[Event], date: str) -> list[Event]:
    """What was known on `date`: events first reported on or before it, in order.

    A report known only to the month ("2022-10") counts as known on any day of that month's
    comparison prefix, which is how ISO strings of mixed precision sort.
    """
    return ordered(e for e in events if (k := _known_at(e)) is not None and k[: len(date)] <= date)


def ordered(events: Iterable[Event]) -> list[Event]:
    """Oldest first; undated events last; ties by report date and id for a stable order."""
    return sorted(
        events,
        key=lambda e: (e.date is None, e.date or "", e.said_date or "", e.reported_date or "", e.id),
    )
