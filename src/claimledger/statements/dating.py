"""When each statement was made, as far as the text tells.

The attribution component attaches a date phrase only when it hangs straight off the cue
("said on May 3"). A careful reader dates many more statements, always from the text and
never by guessing. `statement_dates` applies these rules, in this order, to the statements
still without a date; both `statements.extract` (the statement's own date) and
`events.extract` (the timeline) use it, so the two always agree.

1. *Cue walk.* A date phrase dates the cue it reaches going up the dependency tree through
   words that are not a clause of their own: "Speaking to X on May 3, she said", "In a
   statement issued on May 3, the ministry said", "said in a statement on Friday", "The post,
   published on Tuesday, said", "— сказал он в воскресенье". A verb with its own subject or a
   subordinator blocks the walk ("After the union protested on Monday, the mayor said" is the
   protest's date), and so does a preposition of temporal relation ("after", "since", "до"):
   the act was then not on that date. A date inside a statement's content is the content's.
2. *Enclosing statement.* A statement told inside another one's content ("She said on May 3
   that she was appealing ...", "Agency X reported on May 3 that a spokesman has told it
   ...") was made when the outer one was reported. For another speaker the outer date is an
   upper bound (the inner act is on or before it); the ledger has no "on or before", and in
   news copy the report and the comment it quotes are nearly always of the same day, so the
   report's date is used with its own precision. Not when the inner cue is in the
   pluperfect ("had said") or carries an adverb that moves it in time ("earlier", "ранее"):
   then it is explicitly another, earlier time.
3. *Follow-on quote.* The same speaker's next statement, in the same or one of the next two
   sentences, with no other speaker's statement and no other date phrase in between, continues
   the same act ("X said on May 3 that ... . '...,' he said."). A perfect or time-shifted cue
   ("has long said", "later said") starts another act.
4. *Announced act.* The sentence before a statement dates a speech act of the same named
   speaker ("The ministry released a statement on May 3. '...,' the ministry said.", "С таким
   обращением Демский выступил в четверг. «...», — заявил он.").
5. *Anaphoric time.* "at the time", "at the ceremony", "during the visit", "тогда", "на
   церемонии" on the cue point back at the previous sentence: its date, when its dates agree
   (the finest one, with every coarser one containing it).
6. *Lede.* A headline or lede summary with no date of its own reports the news of the
   article: it takes the latest date of the same speaker's statements in the body dated by
   the rules above (for a headline, a lede that dates itself, "said on Sunday that ...", too),
   if that date lies within a week before the article's anchor date.

Publication date alone never dates a statement, not even a present-perfect lede ("has
rejected claims"): such an act was made on or shortly before publication, but whether the same
day or the day before depends on the outlet and the hour, and a wrong day is worse than none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from claimledger import dates
from claimledger.models import Statement
from claimledger.nlp import index as doc_index

__all__ = ["QUOTED_RE", "SPEECH_LEMMAS", "cue_statement", "statement_dates"]

DateValue = tuple[str, str]

# Verbs of saying/reporting (English lemmas, Russian lemmas): a dated speech verb is the
# date of a statement, not a separate happening.
SPEECH_LEMMAS = {
    "say", "state", "tell", "claim", "deny", "report", "note", "announce", "add", "stress", "emphasize",
    "emphasise", "declare", "write", "accuse", "appeal", "recommend", "urge", "call", "warn", "confirm", "insist",
    "argue", "assert", "allege", "refute", "reject", "comment", "explain", "reply", "respond", "admit", "apologize",
    "apologise", "retract", "voice", "suggest", "publish", "post", "tweet", "speak", "talk",
    "сказать", "заявить", "заявлять", "сообщить", "сообщать", "отметить", "подчеркнуть", "добавить", "написать",
    "опровергнуть", "отрицать", "признать", "призвать", "предупредить", "пояснить", "объявить", "говорить",
    "рассказать", "утверждать", "обвинить", "подтвердить", "ответить", "выступить", "говориться", "опубликовать",
}  # fmt: skip

# Nouns naming an act of speech or its record: "released a statement on May 3" is a speech act.
_SPEECH_NOUNS = {
    "statement", "interview", "comment", "comments", "release", "briefing", "address", "speech", "remarks",
    "remark", "video", "post", "message", "letter", "tweet", "broadcast", "denial", "rebuttal", "apology",
    "response", "reply", "appeal", "announcement", "declaration", "communique", "note",
    "заявление", "интервью", "комментарий", "брифинг", "выступление", "обращение", "видео", "пост", "сообщение",
    "письмо", "опровержение", "извинение", "ответ", "эфир",
}  # fmt: skip

# Words of a date's path that put the act at another time than the date ("after Monday's
# vote, he said"; "since May he has said").
_RELATION_WORDS = {
    "after", "before", "since", "until", "till", "following", "ahead", "prior",
    "после", "до", "перед", "спустя",
}  # fmt: skip

# Adverbs on a cue that move the act away from a time given nearby.
_SHIFT_ADVERBS = {
    "earlier", "previously", "before", "later", "first", "once", "often", "repeatedly", "long", "subsequently",
    "afterwards", "since", "ранее", "прежде", "раньше", "позже", "позднее", "впервые", "неоднократно", "затем",
    "потом", "впоследствии",
}  # fmt: skip

# Nouns that, made definite ("at the ceremony", "during his visit"), point back at an occasion
# the text has just dated.
_OCCASION_NOUNS = {
    "time", "ceremony", "event", "meeting", "opening", "visit", "launch", "signing", "conference", "briefing",
    "summit", "talks", "occasion", "rally", "hearing", "session", "inauguration", "unveiling", "presentation",
    "forum", "gathering", "celebration", "parade", "funeral",
}  # fmt: skip
_DEFINITE = {"the", "that", "this", "his", "her", "its", "their", "those"}
_OCCASION_RU = re.compile(
    r"^(?:церемони|встреч|визит|открыти|брифинг|саммит|переговор|форум|мероприяти|презентаци|заседани)"
)
_THEN_RU = {"тогда"}

_PERFECT = {"has", "have", "'s", "'ve"}
# Verbs by which a medium reports another's speech: what it reports was said by then.
_REPORT_LEMMAS = {
    "report", "write", "publish", "quote", "cite", "сообщить", "сообщать", "написать", "передать", "передавать",
    "опубликовать", "процитировать",
}  # fmt: skip
_SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"}
_CLAUSE_MARKERS = _SUBJECTS | {"mark"}
# How far up the tree a date phrase may sit below the cue of the statement it dates
# ("In a statement issued on May 3, X said": date -> on -> issued -> statement -> In -> said).
_CUE_HOPS = 7
# Follow-on quotes: how many sentences after the dated statement a quote may still continue it.
_FOLLOW_SENTENCES = 2
# Lede: how many days before the article's anchor the act it summarises may lie.
_LEDE_DAYS = 7

QUOTED_RE = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"\n]*\"|„[^“”]*[“”]")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=16)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Asked once per date phrase (`cue_statement`) and per document: find the quotations once.
    return tuple((q.start(), q.end()) for q in QUOTED_RE.finditer(text))


def _in_spans(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _clause_of_its_own(t: Token, child: Token) -> bool:
    """A verb with a subject or subordinator other than the word we came from is another
    clause: its date is its own event's."""
    return t.pos_ in ("VERB", "AUX") and any(c.i != child.i and c.dep_ in _CLAUSE_MARKERS for c in t.children)


def _walk_to(start: Token, skip: tuple[int, int], targets: dict[int, list[int]]) -> list[int] | None:
    """The target (by token index) that `start` reaches going up through subject-less words."""
    t = start
    for _ in range(_CUE_HOPS):
        if t.head.i == t.i:
            return None
        child, t = t, t.head
        if skip[0] <= t.i < skip[1]:
            continue
        if t.i in targets:
            return targets[t.i]
        if t.lower_ in _RELATION_WORDS or _clause_of_its_own(t, child):
            return None
    return None


def _cue_targets(doc: Doc, statements: Sequence[Statement]) -> dict[int, list[int]]:
    # Several statements may share one cue ("— сказал Демский" told as a claim and a retraction).
    targets: dict[int, list[int]] = {}
    for n, st in enumerate(statements):
        for tok in doc_index.tokens_in(doc, st.cue_spans):
            targets.setdefault(tok.i, []).append(n)
    return targets


def _date_reaches(
    span: Span, statements: Sequence[Statement], targets: dict[int, list[int]], quoted: list[tuple[int, int]]
) -> list[int]:
    """The statements whose cue this date phrase reaches and dates."""
    found = _walk_to(span.root, (span.start, span.end), targets)
    if not found:
        return []
    out: list[int] = []
    for n in found:
        st = statements[n]
        # "He said Monday's vote was rigged": the date is what he said, not when.
        if _in_spans(span.start_char, st.content_spans):
            continue
        # A quotation speaks of its own times, unless the cue is inside the same quotation.
        if any(a <= span.start_char < b and not any(a <= c < b for c, _ in st.cue_spans) for a, b in quoted):
            continue
        # A cue in a clause of relative time ("a day after the ministry issued a denial") is
        # not at the time of a date that reaches it from outside that clause.
        if _moved(_cue_root(span.doc, st)):
            continue
        out.append(n)
    return out


def cue_statement(span: Span, statements: Sequence[Statement]) -> Statement | None:
    """The statement whose cue this date phrase modifies, through words that are not a clause
    of their own ("Speaking to X on May 3", "in a statement published on Tuesday")."""
    quoted = list(_quoted_spans(doc_index.text(span.doc)))
    found = _date_reaches(span, statements, _cue_targets(span.doc, statements), quoted)
    return statements[found[0]] if found else None


def _shifted(cue: Token | None, perfect: bool = False) -> bool:
    """Whether the cue moves its act to another time than one given nearby: pluperfect ("had
    said"), an adverb ("earlier", "ранее"), a clause or phrase of relative time ("After the
    union protested, she said", "после того как ..."), and, when `perfect`, the present
    perfect too ("has said")."""
    if cue is None:
        return False
    return _moved(cue) or any(
        c.dep_ in ("aux", "aux:pass") and (c.lower_ in ("had", "'d") or (perfect and c.lower_ in _PERFECT))
        for c in cue.children
    )


def _moved(cue: Token | None) -> bool:
    """An adverb or a relative-time clause on the cue, or on the verb it is coordinated with
    ("After X protested, he apologised and said ...")."""
    if cue is None:
        return False
    heads = [cue] + ([cue.head] if cue.dep_ == "conj" and cue.head.i != cue.i else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in ("advmod", "npadvmod", "advmod:tmod") and c.lower_ in _SHIFT_ADVERBS:
                return True
            if c.dep_ in ("advcl", "prep", "obl", "mark", "advmod") and (
                c.lower_ in _RELATION_WORDS or c.left_edge.lower_ in _RELATION_WORDS
            ):
                return True
    return False


def _verb(tok: Token | None) -> bool:
    """A verb cue tells an act; a noun cue ("claims by X", "по словам X") names one made at
    some other time."""
    # "According to X" is tagged a verb but names a source, not an act at a time.
    return tok is not None and tok.pos_ in ("VERB", "AUX") and tok.lower_ != "according"


def _stems(text: str) -> set[str]:
    # Five letters are enough to match a name across case endings ("Демский"/"Демского").
    return {w.lower()[:5] for w in _NAME_WORD.findall(text)}


def _names_speaker(subject: Span, speaker: str) -> bool:
    """A subject that names this speaker: every capitalised word of it is in the name
    ("Tajikistan's Foreign Ministry" names "Tajikistan's Foreign Ministry", "Uzbekistan's
    Foreign Ministry" does not)."""
    caps = [w for w in _NAME_WORD.findall(subject.text) if w[:1].isupper()]
    if not caps:
        return False
    name = _stems(speaker)
    return all(w.lower()[:5] in name for w in caps)


def _speech_act(verb: Token) -> bool:
    if verb.lemma_.lower() in SPEECH_LEMMAS:
        return True
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _SPEECH_NOUNS for c in verb.children)


def _subject(verb: Token) -> Span | None:
    t = verb
    for _ in range(3):
        subs = [c for c in t.children if c.dep_ in _SUBJECTS]
        if subs:
            s = subs[0]
            return s.doc[s.left_edge.i : s.right_edge.i + 1]
        if t.dep_ not in ("conj", "xcomp", "advcl") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _announced_date(span: Span) -> tuple[Token, Token] | None:
    """The speech verb this date phrase dates, and nothing else on the way: (verb, date root).
    Participles of speech nouns are crossed ("a statement issued on May 3")."""
    t = span.root
    for _ in range(_CUE_HOPS):
        if t.head.i == t.i:
            return None
        child, t = t, t.head
        if span.start <= t.i < span.end:
            continue
        if t.lower_ in _RELATION_WORDS:
            return None
        if t.pos_ in ("VERB", "AUX"):
            if _speech_act(t):
                return t, span.root
            if (
                t.dep_ in ("acl", "amod")
                and t.head.lemma_.lower() in _SPEECH_NOUNS
                and not _clause_of_its_own(t, child)
            ):
                continue
            return None
    return None


class _Sentences:
    def __init__(self, doc: Doc) -> None:
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)


def _finest_agreeing(values: Sequence[dates.TimeValue]) -> DateValue | None:
    """The finest value when all values agree (each coarser one a prefix of it)."""
    if not values:
        return None
    finest = max(values, key=lambda v: len(v.iso))
    if all(finest.iso.startswith(v.iso) for v in values):
        return finest.iso, finest.precision
    return None


def _occasion_phrase(cue: Token, skip: list[tuple[int, int]]) -> bool:
    """Whether the cue carries "at the time", "at the ceremony", "during his visit", "тогда"."""
    for t in cue.children:
        if _in_spans(t.idx, skip):
            continue
        if t.lower_ in _THEN_RU:
            return True
        # English parses hang the noun on a preposition ("said -> at -> time"); UD hangs it on
        # the verb with the preposition as its "case" ("заявил -> церемонии -> на").
        nouns = [g for g in t.children if g.dep_ == "pobj"] if t.dep_ == "prep" else [t]
        for noun in nouns:
            low = noun.lower_
            if low in _OCCASION_NOUNS:
                # Only a definite occasion points back ("at the time"; not "at a time when").
                if not any(c.lower_ in _DEFINITE for c in noun.children):
                    continue
            elif not (_OCCASION_RU.match(low) and any(c.dep_ == "case" for c in noun.children)):
                continue
            # "in the event of war" is a condition, not an occasion.
            if any(c.dep_ in ("prep", "nmod") for c in noun.children):
                continue
            return True
    return False


def statement_dates(
    doc: Doc,
    statements: Sequence[Statement],
    mentions: Sequence[dates.TimeMention],
    anchor: dates.TimeValue | None = None,
) -> list[DateValue | None]:
    """The date each statement was made (its own `date` where it has one), aligned with
    `statements`; None where the text does not say. `mentions` are the document's time
    expressions (`dates.find_dates`); `anchor` the article's date (`dates.anchor_for`)."""
    out: list[DateValue | None] = [
        (st.date, st.date_precision or _precision_of(st.date)) if st.date else None for st in statements
    ]
    if not statements or not doc.has_annotation("DEP"):
        return out
    text = doc_index.text(doc)
    dl = dates.dateline(text) or dates.dateline(text, yearless=True)
    valued = [m for m in mentions if m.value is not None and not (dl and m.start < dl[2] and dl[1] < m.end)]
    quoted = list(_quoted_spans(text))
    sents = _Sentences(doc)
    targets = _cue_targets(doc, statements)

    # 1. Date phrases reaching a cue.
    for m in valued:
        assert m.value is not None
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for n in _date_reaches(span, statements, targets, quoted):
            if out[n] is None:
                out[n] = (m.value.iso, m.value.precision)

    order = sorted(range(len(statements)), key=lambda k: (statements[k].start, -statements[k].end))
    cues = [_cue_root(doc, st) for st in statements]

    def free_dates(a: int, b: int, skip: list[tuple[int, int]]) -> list[dates.TimeValue]:
        """Values of the date phrases in [a, b) outside quotations and `skip`."""
        return [
            m.value
            for m in valued
            if m.value is not None
            and a <= m.start < b
            and not _in_spans(m.start, quoted)
            and not _in_spans(m.start, skip)
        ]

    # Two passes: a rule may date a statement from one that only a later one dates.
    for k in order + order:
        if out[k] is not None:
            continue
        st = statements[k]
        cue = cues[k]
        found: DateValue | None = None
        # 2. The statement whose content holds this one.
        if _verb(cue) and not _shifted(cue):
            outers = [
                j
                for j in order
                if j != k
                and out[j] is not None
                and any(a <= st.start and st.end <= b for a, b in statements[j].content_spans)
            ]
            if outers:
                # The innermost enclosing statement is the one this act was reported in: the
                # same speaker's (one act), or a medium's report of it.
                j = max(outers, key=lambda j: statements[j].start)
                outer_cue = cues[j]
                if statements[j].speaker == st.speaker or (
                    outer_cue is not None and outer_cue.lemma_.lower() in _REPORT_LEMMAS
                ):
                    found = out[j]
        # 2b. A cue coordinated with a dated one, sharing its subject ("said on May 3 that ...
        # and urged ..."): one act of speech.
        if found is None and cue is not None and cue.dep_ == "conj" and not _shifted(cue, perfect=True):
            if not any(c.dep_ in _SUBJECTS for c in cue.children):
                for j in targets.get(cue.head.i, []):
                    if j != k and out[j] is not None and statements[j].speaker == st.speaker:
                        found = out[j]
                        break
        # 3. The same speaker's statement just before, continued.
        if found is None and _verb(cue) and not _shifted(cue, perfect=True):
            found = _follow_on(k, statements, out, sents, free_dates)
        # 4. The sentence before announces this speaker's dated act of speech.
        if found is None and _verb(cue) and not _shifted(cue, perfect=True):
            found = _announced(doc, st, statements, k, sents, valued, quoted)
        # 5. "At the time", "at the ceremony": the date the sentence before gave.
        if found is None and cue is not None and _occasion_phrase(cue, list(st.content_spans)):
            si = sents.index(cue.idx)
            if si > 0:
                prev = sents.sents[si - 1]
                found = _finest_agreeing(free_dates(prev.start_char, prev.end_char, []))
        out[k] = found

    # 6. Headline and lede summaries take the latest act of the same speaker they report; a
    # lede that dates its own summary ("the ministry said on Sunday that ...") is one of them.
    dated_before = list(out)
    for k, st in enumerate(statements):
        if out[k] is not None or not st.reported_summary or not _verb(cues[k]):
            continue
        # A summary told inside another one ("rejected claims by X that ...") is older news.
        if any(j != k and _inside(st, other) for j, other in enumerate(statements)):
            continue
        # the headline may follow a lede that dated itself; a lede sentence never borrows
        # another lede sentence's date, which may be of another act
        headline = "\n" in text and "\n" not in text[: st.start]
        body = [
            dated_before[j]
            for j, other in enumerate(statements)
            if j != k
            and other.speaker == st.speaker
            and dated_before[j] is not None
            and (headline or not other.reported_summary)
            and not _background(cues[j])
        ]
        recent = [v for v in body if v is not None and v[1] == "day" and _recent(v[0], anchor)]
        if recent:
            out[k] = max(recent)
    return out


_RE_BACKGROUND = re.compile(
    r"^\W*(?:напомним|напомню|ранее|как\s+сообщалось|как\s+уже\s+сообщалось|earlier|previously|"
    r"as\s+(?:previously\s+|earlier\s+)?reported)\b",
    re.IGNORECASE,
)


def _background(cue: Token | None) -> bool:
    """A statement the article recalls rather than reports ("Напомним, 28 октября он заявил",
    "Earlier, he had said"): not the news a headline or lede sums up."""
    if cue is None:
        return False
    return _shifted(cue) or _RE_BACKGROUND.match(cue.sent.text) is not None


def _inside(st: Statement, other: Statement) -> bool:
    return any(a <= st.start and st.end <= b for a, b in other.content_spans)


def _precision_of(iso: str) -> str:
    return {10: "day", 7: "month"}.get(len(iso), "year")


def _recent(iso: str, anchor: dates.TimeValue | None) -> bool:
    if anchor is None or anchor.precision != "day":
        return False
    try:
        d, a = date.fromisoformat(iso), date.fromisoformat(anchor.iso)
    except ValueError:
        return False
    return a - timedelta(days=_LEDE_DAYS) <= d <= a


def _cue_root(doc: Doc, st: Statement) -> Token | None:
    if not st.cue_spans:
        return None
    a, b = st.cue_spans[0]
    sp = doc.char_span(a, b, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


def _follow_on(
    k: int,
    statements: Sequence[Statement],
    out: list[DateValue | None],
    sents: _Sentences,
    free_dates: Callable[[int, int, list[tuple[int, int]]], list[dates.TimeValue]],
) -> DateValue | None:
    st = statements[k]
    before = [j for j in range(len(statements)) if j != k and statements[j].end <= st.start]
    if not before:
        return None
    # The nearest statement before this one; of several ending together (a medium's "reports
    # that X said ..." frames X's act), the one by this speaker.
    last = max(statements[j].end for j in before)
    ending = [j for j in before if statements[j].end == last]
    j = next((j for j in ending if statements[j].speaker == st.speaker), ending[0])
    prev = statements[j]
    if prev.speaker != st.speaker or out[j] is None:
        return None
    if sents.index(st.start) - sents.index(max(prev.end - 1, prev.start)) > _FOLLOW_SENTENCES:
        return None
    # A date phrase on the way (outside what is quoted) opens another time.
    if free_dates(prev.end, st.end, list(st.content_spans)):
        return None
    return out[j]


def _announced(
    doc: Doc,
    st: Statement,
    statements: Sequence[Statement],
    k: int,
    sents: _Sentences,
    valued: Sequence[dates.TimeMention],
    quoted: list[tuple[int, int]],
) -> DateValue | None:
    si = sents.index(st.start)
    if si <= 0:
        return None
    prev = sents.sents[si - 1]
    # Another speaker's statement in between breaks the thread.
    if any(
        j != k and other.speaker != st.speaker and prev.end_char <= other.start < st.start
        for j, other in enumerate(statements)
    ):
        return None
    for m in valued:
        if m.value is None or not (prev.start_char <= m.start < prev.end_char) or _in_spans(m.start, quoted):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        hit = _announced_date(span)
        if hit is None:
            continue
        subject = _subject(hit[0])
        if subject is not None and _names_speaker(subject, st.speaker):
            return m.value.iso, m.value.precision
    return None
