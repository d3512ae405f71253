"""Dated events of one document: what was said when, and what happened when.

Two sources:

* every statement with a date becomes a speech event ("Dmitry Gordon claims: ..."); the
  date is the one `statements.dating` gives it (the same rules that set `Statement.date`,
  so the timeline and the statements always agree; statements given here without a date
  are dated by them too);
* every sentence that ties an explicit date to a verb becomes a narrative event, described
  by a compact clause built from the dependency parse: subject + verb + objects, with the
  date phrase, hedges and side clauses dropped, pronoun subjects replaced by the person they
  refer to, relative pronouns by the noun they stand for, and the place appended when the
  sentence names one. A date with a "when" clause ("since May 16, when X opened ...") dates
  that clause.

Speech verbs whose speech is already a statement are not repeated as narrative events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from claimledger import dates, timeline
from claimledger.models import Document, Event, Statement
from claimledger.nlp import index as doc_index
from claimledger.statements.dating import QUOTED_RE, SPEECH_LEMMAS, cue_statement, statement_dates

_ACT_VERB = {
    "claim": "claims",
    "deny": "denies",
    "retract": "retracts",
    "appeal": "appeals",
    "recommend": "recommends",
    "confirm": "confirms",
    "other": "says",
}

# Dependents that are side information for a compact description (ClearNLP and UD labels).
_DROP_DEPS = {
    "advcl", "parataxis", "punct", "mark", "intj", "discourse", "appos", "relcl", "acl:relcl", "dep", "meta",
    "vocative", "cc:preconj", "obl:tmod", "nmod:tmod", "reparandum", "dislocated", "orphan",
}  # fmt: skip
_NEGATIONS = {"not", "n't", "never", "no", "не", "ни", "никогда"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "он", "она", "его", "её", "ее", "ему", "ей"}
_LOCATIVE = {"in", "at", "visit", "visited", "visiting", "to", "в", "во", "на"}
# Circumstance prepositions: context around the act, not part of what happened.
_CONTEXT_PREPS = {"during", "amid", "despite", "following", "after", "before", "while", "according", "recall",
                  "во время", "после", "несмотря", "согласно"}  # fmt: skip
# Relative pronouns standing for the noun their clause modifies ("Demsky, who withdrew ...").
_RELATIVE = {"who", "which", "that", "whom", "который", "которая", "которое", "которые", "кто"}
# Words that make a clause hanging off a date the thing that happened then ("since May 16,
# when X opened ...").
_WHEN = {"when", "когда"}
_DETERMINERS = {"a", "an", "the", "this", "that", "its", "his", "her", "their", "our", "этот", "эта", "это"}
_MAX_TOKENS = 32
_CONTENT_WORDS = 25


def _shorten(text: str, words: int = _CONTENT_WORDS) -> str:
    parts = " ".join(text.split()).strip(" \"'“”«»„").split(" ")
    short = " ".join(parts[:words])
    return short + (" …" if len(parts) > words else "")


def _statement_description(st: Statement, via: str | None = None) -> str:
    verb = _ACT_VERB.get(st.act, "says")
    extra = []
    if st.channel:
        ch = st.channel.strip()
        # A channel given as a bare noun phrase ("an interview with X") reads as "in ...".
        extra.append(ch if re.match(r"(?i)^(in|on|at|to|during|via|в|на)\b", ch) else f"in {ch}")
    if via:
        extra.append(f"via {via}")
    suffix = f" ({'; '.join(extra)})" if extra else ""
    return f"{st.speaker} {verb}{suffix}: {_shorten(st.content)}"


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _in_spans(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _has_parse(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _governor(date_tokens: Span) -> Token:
    """The verb (or clause head) a date expression modifies."""
    t = date_tokens.root
    seen = 0
    while t.head.i != t.i and seen < 20:
        t = t.head
        seen += 1
        if t.pos_ in ("VERB", "AUX") and not (date_tokens.start <= t.i < date_tokens.end):
            return t
    return t


def _subtree_without(tok: Token, banned: set[int]) -> list[Token]:
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        if t.i in banned:
            continue
        out.append(t)
        for c in t.children:
            if c.dep_ in _DROP_DEPS and c.dep_ != "punct" and not _name_appos(c):
                continue
            if c.dep_ == "advmod" and c.lower_ not in _NEGATIONS:
                continue
            stack.append(c)
    return out


def _name_appos(tok: Token) -> bool:
    """An apposition that is a name ("министр Павел Орлов", "компании «Волга Энерго»") is kept;
    a descriptive one ("Bagheri, the chief of staff") is side information."""
    return tok.dep_ == "appos" and tok.pos_ == "PROPN"


def _subject_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl")]


def _antecedent(doc: Doc, before: int, sent_floor: int) -> str | None:
    """The nearest PERSON named before character `before` (within the previous sentences)."""
    best = None
    for ent in doc_index.ents(doc):
        if ent.label_ in ("PERSON", "PER") and sent_floor <= ent.start_char < before:
            best = ent.text
    return best


def _clause(doc: Doc, verb: Token, banned: set[int], sent: Span, floor: int) -> str:
    """Subject + verb + complements of `verb`, without the tokens in `banned`."""
    keep: dict[int, Token] = {verb.i: verb}
    # A small parser sometimes gives a verb two subjects; the one nearest the verb is right
    # far more often than a sentence-initial word ("Recall, ..., he launched").
    subjects = _subject_of(verb)
    if len(subjects) > 1:
        nearest = min(subjects, key=lambda s: abs(verb.i - s.i))
        for s in subjects:
            lo, hi = sorted((s.i, nearest.i))
            # "she and X opened" is a coordination the parser split: only a subject cut off
            # by punctuation is a stray one.
            if s.i != nearest.i and any(doc[k].is_punct for k in range(lo, hi)):
                banned = banned | {t.i for t in s.subtree}
    # A speech/act verb the parser left without a subject: the named actor closest to it in
    # the tree among the words before it ("In an address in Tehran, General X said").
    fallback_subject: str | None = None
    if not subjects and verb.dep_ not in ("acl", "amod", "conj", "xcomp"):
        best: tuple[int, Token, Token] | None = None
        for child in verb.children:
            if child.i > verb.i or child.i in banned:
                continue
            for t in child.subtree:
                if t.ent_type_ in ("PERSON", "PER", "ORG") and t.ent_iob_ != "O" and t.head.ent_type_ != t.ent_type_:
                    depth, h = 0, t
                    while h.i != verb.i and h.head.i != h.i and depth < 30:
                        h, depth = h.head, depth + 1
                    if best is None or depth < best[0]:
                        best = (depth, t, child)
        if best is not None:
            _d, t, child = best
            ent = doc_index.ent_at(doc, t.i)
            fallback_subject = ent.text if ent is not None else t.text
            banned = banned | {x.i for x in child.subtree}
    for child in verb.children:
        if child.i in banned:
            continue
        if child.dep_ in _DROP_DEPS and not _name_appos(child):
            continue
        if child.dep_ == "advmod" and child.lower_ not in _NEGATIONS:
            continue
        if child.dep_ in ("prep", "obl") and child.lower_ in _CONTEXT_PREPS:
            continue
        if child.dep_ in ("nsubj", "ROOT") and child.lower_ in _CONTEXT_PREPS:
            continue
        # Purpose clauses ("to refute claims") say what the act was for: keep them.
        for t in _subtree_without(child, banned):
            keep[t.i] = t
    if verb.pos_ in ("VERB", "AUX"):
        for c in verb.children:
            if c.dep_ == "advcl" and any(g.lower_ == "to" for g in c.children if g.dep_ in ("aux", "mark")):
                for t in _subtree_without(c, banned):
                    keep[t.i] = t
    # A verb without its own subject borrows the one it shares (coordination, infinitives),
    # and a participle modifying a noun takes that noun ("claims made by Gordon").
    if not _subject_of(verb):
        head = verb.head
        if verb.dep_ in ("acl", "amod") and head.i != verb.i:
            for t in [head, *[c for c in head.children if c.dep_ in ("compound", "amod", "det", "poss")]]:
                if t.i not in banned:
                    keep[t.i] = t
        elif verb.dep_ in ("conj", "xcomp", "advcl") and head.i != verb.i:
            for s in _subject_of(head):
                for t in _subtree_without(s, banned):
                    keep[t.i] = t
    # Words of another paragraph are another sentence the segmenter failed to split off.
    text = doc_index.text(doc)
    para_start = text.rfind("\n", 0, verb.idx) + 1
    para_end = text.find("\n", verb.idx)
    para_end = len(text) if para_end < 0 else para_end
    toks = sorted(
        (t for t in keep.values() if para_start <= t.idx < para_end and t.i not in banned),
        key=lambda t: t.i,
    )
    # Punctuation survives only between two kept words (list commas, hyphens).
    kept_ids = {t.i for t in toks}
    toks = [t for t in toks if not t.is_punct or (t.i - 1 in kept_ids and t.i + 1 in kept_ids)]
    # Trim punctuation and conjunctions left dangling at the edges.
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "prep", "case")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "prep", "case")):
        toks = toks[:-1]
    cut = len(toks) > _MAX_TOKENS
    toks = toks[:_MAX_TOKENS]
    words: list[str] = []
    prev: Token | None = None
    for t in toks:
        text = t.text
        if t.lower_ in _PERSON_PRONOUNS and t.head.i == verb.i and t.dep_ in ("nsubj", "nsubjpass", "nsubj:pass"):
            name = _antecedent(doc, t.idx, floor)
            if name:
                text = name
        elif (
            t.lower_ in _RELATIVE
            and t.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")
            and t.head.dep_ in ("relcl", "acl:relcl", "acl")
            and t.head.head.i != t.head.i
        ):
            # "who withdrew his claim" says nothing on a timeline; the person it stands for does.
            text = _noun_phrase(doc, t.head.head)
        if prev is not None and t.i != prev.i + 1:
            words.append(" ")
        elif prev is not None:
            words.append(prev.whitespace_)
        words.append(text)
        prev = t
    desc = "".join(words).strip()
    if fallback_subject:
        desc = f"{fallback_subject} {desc}"
    desc = re.sub(r"\s+([,.;:!?])", r"\1", desc)
    desc = re.sub(r"\s+", " ", desc)
    # Where it happened, when the clause itself does not say.
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.text in desc:
            continue
        if not (para_start <= ent.start_char < para_end) or verb.i not in {a.i for a in ent.root.ancestors}:
            continue
        prev_tok = doc[ent.start - 1].lower_ if ent.start > sent.start else ""
        if prev_tok in _LOCATIVE or ent.root.head.lemma_.lower() in _LOCATIVE:
            desc = f"{desc} in {ent.text}"
            break
    return desc + (" …" if cut else "")


def _says_something(desc: str) -> bool:
    """Whether a participle phrase says who or what: a name, a number or enough words.
    A bare one ("a statement issued") is the date of a document, not an event."""
    words = desc.split()
    if len(words) >= 4:
        return True
    if len(words) < 2:
        return False
    return any(
        (w[:1].isupper() and (i > 0 or w.lower() not in _DETERMINERS)) or any(c.isdigit() for c in w)
        for i, w in enumerate(words)
    )


def _noun_phrase(doc: Doc, head: Token) -> str:
    """The name or compact noun phrase headed by `head` ("Viktor Demsky", "the plant")."""
    for ent in doc_index.ents(doc):
        if ent.start <= head.i < ent.end:
            return ent.text
    parts = [c for c in head.children if c.dep_ in ("compound", "flat", "flat:name", "amod", "det", "poss")]
    toks = sorted([head, *[t for c in parts for t in c.subtree]], key=lambda t: t.i)
    return " ".join(t.text for t in toks)


def _when_clause(span: Span) -> Token | None:
    """The clause a date introduces with "when" ("since May 16, when X opened ..."), if any."""
    doc = span.doc
    # Parsers often hang the clause on the main verb instead: the "when" right after the
    # date still says which clause the date is about.
    k = span.end
    while k < len(doc) and doc[k].is_punct and doc[k].text in ",—–-":
        k += 1
    if k < len(doc) and doc[k].lower_ in _WHEN and doc[k].head.pos_ in ("VERB", "AUX") and doc[k].head.i > k:
        return doc[k].head
    for t in span:
        for c in t.children:
            if span.start <= c.i < span.end or c.dep_ not in ("relcl", "acl:relcl", "acl", "advcl"):
                continue
            if any(g.lower_ in _WHEN and g.dep_ in ("advmod", "mark") for g in c.children):
                return c
    return None


def _plain_clause(sent_text: str, date_text: str) -> str:
    """Description when there is no parse: the sentence without its date phrase, shortened."""
    s = sent_text.replace(date_text, " ")
    s = re.sub(r"\b(?:on|in|at|since|by)\s+(?=[,.]|\s*$)", " ", s)
    s = re.sub(r"\s+([,.;:])", r"\1", " ".join(s.split()))
    return _shorten(s.strip(" ,;"), _MAX_TOKENS)


def _date_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def extract(doc: Doc, document: Document, statements: list[Statement]) -> list[Event]:
    """All dated events of one document, ids `"{doc_id}:v{n}"` in text order."""
    text = document.text
    lang = document.language or "en"
    anchor = dates.anchor_for(text, document.published, lang)
    reported = document.published or (anchor.iso if anchor else None)
    dl = dates.dateline(text)
    dateline_span = (dl[1], dl[2]) if dl else None
    mentions = [
        m
        for m in dates.find_dates(text, anchor, lang)
        if m.value is not None
        and m.value.precision in ("day", "month")
        and not (dateline_span and _overlaps(m.start, m.end, *dateline_span))
    ]
    sents = _sentences(doc)
    quoted = [(q.start(), q.end()) for q in QUOTED_RE.finditer(text)]

    def sent_index(pos: int) -> int:
        for i, s in enumerate(sents):
            if s.start_char <= pos < s.end_char:
                return i
        return -1

    drafts: list[Event] = []

    # (b) narrative events, and "via" sources of statements dated in their sentence.
    via: dict[str, str] = {}
    covered_verbs: set[int] = set()
    parsed = _has_parse(doc)
    for m in mentions:
        assert m.value is not None
        si = sent_index(m.start)
        if si < 0:
            continue
        sent = sents[si]
        # Quoted speech is what someone claims happened; it belongs to the statement.
        if _in_spans(m.start, quoted) or any(st.direct and _in_spans(m.start, st.content_spans) for st in statements):
            continue
        floor = sents[max(0, si - 2)].start_char
        if not parsed:
            if any(_overlaps(st.start, st.end, sent.start_char, sent.end_char) for st in statements):
                continue
            desc = _plain_clause(sent.text, m.text)
            participle = False
            start, end = sent.start_char, sent.end_char
        else:
            span = _date_tokens(doc, m.start, m.end)
            if span is None or len(span) == 0:
                continue
            if not any(_in_spans(m.start, st.content_spans) for st in statements):
                if cue_statement(span, statements) is not None:
                    # The date of an act of speech already told as a statement.
                    continue
            verb = _when_clause(span) or _governor(span)
            if verb.i in covered_verbs:
                continue
            if any(_in_spans(verb.idx, st.cue_spans) for st in statements):
                continue
            if verb.lemma_.lower() in SPEECH_LEMMAS:
                same = [
                    st
                    for st in statements
                    if _overlaps(st.start, st.end, sent.start_char, sent.end_char)
                    and (st.date is None or st.date == m.value.iso)
                ]
                if same:
                    # The speech is a statement already; a reporting outlet that is not the
                    # speaker ("X reported that a spokesman said") is kept as its source.
                    for subj in _subject_of(verb):
                        subj_text = doc[subj.left_edge.i : subj.right_edge.i + 1].text
                        for st in same:
                            if subj.pos_ == "PROPN" and not any(
                                _overlaps(subj.idx, subj.idx + len(subj.text), a, b) for a, b in st.speaker_spans
                            ):
                                via.setdefault(st.id, subj_text)
                    covered_verbs.add(verb.i)
                    continue
            banned: set[int] = set()
            for other in mentions:
                sp = _date_tokens(doc, other.start, other.end)
                if sp is None:
                    continue
                banned.update(t.i for t in sp)
                # The preposition introducing the date ("on", "в") goes with it.
                head = sp.root.head
                if head.pos_ == "ADP" and all(c.i in banned or c.is_punct for c in head.children):
                    banned.add(head.i)
            desc = _clause(doc, verb, banned, sent, floor)
            participle = verb.dep_ in ("acl", "amod") and not _subject_of(verb)
            covered_verbs.add(verb.i)
            start, end = sent.start_char, sent.end_char
        if len(desc.split()) < 2 or (participle and not _says_something(desc)):
            continue
        drafts.append(
            Event(
                id="",
                description=desc,
                date=m.value.iso,
                date_precision=m.value.precision,
                said_date=None,
                reported_date=reported,
                doc_ids=[document.id],
                kind="event",
                start=start,
                end=end,
            )
        )

    # (a) speech events.
    said = statement_dates(doc, statements, dates.find_dates(text, anchor, lang), anchor)
    for st, found in zip(statements, said, strict=True):
        if found is None:
            continue
        date, precision = found
        drafts.append(
            Event(
                id="",
                description=_statement_description(st, via.get(st.id)),
                date=date,
                date_precision=precision or _precision_of(date),
                said_date=date,
                reported_date=reported,
                doc_ids=[document.id],
                statement_ids=[st.id],
                kind="statement",
                start=st.start,
                end=st.end,
            )
        )

    drafts.sort(key=lambda e: (e.start or 0, e.kind != "statement"))
    for n, ev in enumerate(drafts, 1):
        ev.id = f"{document.id}:v{n}"
        ev.keys = timeline.event_keys(ev)
    return drafts


def _precision_of(iso: str) -> str:
    return {10: "day", 7: "month"}.get(len(iso), "year")
