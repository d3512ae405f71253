"""Attribution finder: who said what, with which cue, in which words.

Reads the dependency parse once, left to right. Each cue (a speech verb, "according to",
"по словам", a speech noun like "X's statement that") yields an `Attribution` whose
speaker, cue and content are char spans into `doc.text`. A quotation next to a cue becomes
that cue's content (direct speech); a quotation standing alone takes the speaker of the
attribution just before it. For English, a learned cue scorer (`nlp/cues.py`, trained on
PolNeAR train) adds cues the lexicon lacks ("a poll found", "PENCE: ...", "called for an
inquiry"); a learned attribution scorer (`cues.AttributionScorer`, also from PolNeAR train)
then judges each whole candidate (cue, source and content together) and drops the learned
cues' and the counted lexicon's readings it finds unlike an annotated attribution; the
hand-listed cues' readings are always kept. Last, a learned role tagger (`nlp/_tagger.py`, a
CRF from PolNeAR train) reads source and content around the confident cue candidates that no
kept reading has ("downplayed the risk", "..., saying the deal was dead") and adds what it
finds; it never overrules a kept reading. Speaker names are resolved
later, per document, by `claimledger.statements`; here a speaker is only the words in this
sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from claimledger.nlp import _tagger, cues, lexicon
from claimledger.nlp import index as doc_index
from claimledger.nlp.quotes import inner

CharSpan = tuple[int, int]

SUBJ = {"nsubj", "nsubj:pass", "nsubjpass"}
CONTENT_CLAUSE = {"ccomp", "xcomp", "parataxis:ccomp"}
DATE_DEPS = {"prep", "npadvmod", "obl", "obl:tmod", "nmod:tmod", "nmod", "advmod", "tmod", "obl:npmod"}
SPEAKER_DROP = {"relcl", "acl", "acl:relcl", "punct", "advmod", "parataxis", "cc"}
MONTHS_RU = {
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
    "вчера",
    "сегодня",
    "год",
    "неделя",
}
_WORD = re.compile(r"\w")
TITLE_WORDS = set(
    "mr mrs ms dr prof president general major lieutenant colonel gen admiral captain chief senator sen rep "
    "gov governor mayor minister ayatollah sheikh secretary ambassador commander marshal brigadier deputy "
    "spokesman spokeswoman".split()
)


@dataclass
class Attribution:
    """One attribution found in a Doc; all spans are char offsets into `doc.text`."""

    start: int
    end: int
    act: str
    direct: bool
    speaker: CharSpan | None
    cue: list[CharSpan] = field(default_factory=list)
    content: list[CharSpan] = field(default_factory=list)
    cue_lemma: str = ""
    channel: CharSpan | None = None
    date_spans: list[CharSpan] = field(default_factory=list)
    negated: bool = False
    summary: bool = False  # headline or lede: the reporter's own summary
    nested: bool = False  # found inside another attribution's content (a quote or a noun cue)
    speaker_token: int | None = None  # head token of the speaker phrase
    # The whole source phrase as an annotator marks it ("Jane Roe, an economist at X, who ..."):
    # `speaker` stays the name that statements resolve; this one is for span-level evaluation
    # and display. None means the same as `speaker`.
    source: CharSpan | None = None
    # "“A,” she said, “B.”": the quotation after the interruption, which an annotator counts as
    # the same content, and any quotation standing alone after it (`orphan_quotes`). Each also
    # stays an orphan quotation (its own statement) for the ledger.
    continuation: list[CharSpan] = field(default_factory=list)
    # which reading proposed it: "rule" (a listed verb cue), "according", "noun", "learned"
    # (a cue the cue scorer found), "turn"; the attribution scorer weighs them differently
    origin: str = ""


class AttributionFinder:
    """The `claimledger_attribution` component: sets `doc._.attributions`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in lexicon.VERB_CUES else "xx"
        learned, learned_clause = lexicon.learned_verb_cues(self.lang)
        # naming verbs ("described the offer as a fabrication") are read by `naming`, which
        # decides their act from what the thing is called
        learned = {k: v for k, v in learned.items() if k not in _NAMING}
        self.learned = set(learned) - set(lexicon.VERB_CUES.get(self.lang, {}))
        # hand-listed cues win: their acts were chosen, the learned ones are defaults
        self.verbs = {**learned, **lexicon.VERB_CUES.get(self.lang, {})}
        self.needs_clause = lexicon.NEEDS_CLAUSE | (learned_clause - set(lexicon.VERB_CUES.get(self.lang, {})))
        self.phrasal = lexicon.PHRASAL_CUES.get(self.lang, {})
        self.nouns = lexicon.NOUN_CUES.get(self.lang, {})
        # the learned cue scorer (English only: it was trained on PolNeAR's parse); None
        # when its weights are absent, and the rules then work alone
        self.cue_model = cues.load_model() if self.lang == "en" else None
        # the learned judge of whole candidate attributions; it needs the cue scorer's proposals
        self.scorer = cues.load_scorer() if self.cue_model is not None else None
        # set by bench/train_attribution.py: every candidate's (attribution, features) is
        # appended here and all are kept, so the scorer can be trained on them
        self.collect: list[tuple[Attribution, list[str]]] | None = None
        # the learned role tagger (`_tagger.py`): reads source and content for the cue
        # candidates no rule reading kept; it is offered the cue scorer's candidates, so it
        # needs that scorer too
        self.tagger = _tagger.load_tagger() if self.cue_model is not None else None

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP") or self.lang == "xx":
            doc._.attributions = []
            return doc
        doc._.attributions = _Finder(doc, self).run()
        return doc


class _Finder:
    def __init__(self, doc: Doc, cfg: AttributionFinder) -> None:
        self.doc = doc
        self.cfg = cfg
        self.text = doc_index.text(doc)  # spaCy rebuilds `doc.text` from every token on each read
        self.quotes: list[CharSpan] = list(doc._.quotes or [])
        self.q_starts = [q[0] for q in self.quotes]
        self.used_quotes: set[int] = set()
        self.title_end, self.lede_end = _title_and_lede(self.text)
        # cue scores by token index: the learned cues and the role tagger both need them
        self.scores: dict[int, float] = {}

    # -- helpers -----------------------------------------------------------------------
    def quote_at(self, char: int) -> int | None:
        k = bisect.bisect_right(self.q_starts, char) - 1
        if k >= 0 and self.quotes[k][0] <= char < self.quotes[k][1]:
            return k
        return None

    def in_quote(self, tok: Token) -> bool:
        k = self.quote_at(tok.idx)
        return k is not None and self.quotes[k][0] < tok.idx

    def span_of(self, tokens: list[Token]) -> CharSpan | None:
        toks = [t for t in tokens if not t.is_space]
        while toks and (toks[0].is_punct or toks[0].lower_ in ("that", "что", "чтобы")):
            toks = toks[1:]
        while toks and (
            (toks[-1].is_punct and toks[-1].text not in ")?!»”\"'’") or (toks[-1].dep_ == "cc" and len(toks) > 1)
        ):
            toks = toks[:-1]
        if not toks:
            return None
        a = min(t.idx for t in toks)
        b = max(t.idx + len(t) for t in toks)
        return a, b

    def subtree(self, tok: Token, drop: set[str] | None = None, skip: set[int] | None = None) -> list[Token]:
        out: list[Token] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            if skip and t.i in skip:
                continue
            out.append(t)
            for c in t.children:
                if drop and c.dep_ in drop:
                    continue
                stack.append(c)
        out.sort(key=lambda t: t.i)
        return out

    # -- cues --------------------------------------------------------------------------
    def cue_act(self, tok: Token) -> tuple[str, list[Token]] | None:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") and not (
            tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and lemma in self.cfg.verbs
        ):
            return None
        if self.cfg.lang == "ru" and "Pass" in tok.morph.get("Voice") and "Part" in tok.morph.get("VerbForm"):
            # "все они переданы пограничникам": a passive participle reports no speech (the
            # impersonal "говорится", also passive to the tagger, does)
            return None
        for c in tok.children:
            # "took back his words": the small model tags a detached particle as an adverb
            if c.dep_ in ("prt", "prep", "compound:prt", "advmod") and (lemma, c.lower_) in self.cfg.phrasal:
                return self.cfg.phrasal[(lemma, c.lower_)], [tok, c]
        act = self.cfg.verbs.get(lemma)
        if act is None:
            naming = self.naming(tok)
            if naming is None:
                return None
            words = {w for t in naming[1].subtree for w in (t.lower_, t.lemma_.lower())}
            called = naming[1]
            phrase = self.doc[called.left_edge.i : called.right_edge.i + 1].text
            denial = words & lexicon.DENIAL_MARKERS or lexicon.DENIAL_PHRASES.search(phrase)
            return ("deny" if denial else "claim"), [tok]
        return act, [tok]

    def naming(self, tok: Token) -> tuple[Token, Token] | None:
        """ "called the invitation a public-relations exercise", "described it as a fabrication",
        "назвал обвинения ложью": an evaluation of something is a statement about it.
        Returns (what is named, what it is called)."""
        lemma = tok.lemma_.lower()
        if lemma not in _NAMING:
            return None
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if obj is None:
            return None
        for c in tok.children:
            if c.i <= obj.i:
                continue
            if c.dep_ in ("oprd", "xcomp") and lemma in ("call", "label", "brand", "term"):
                return obj, c
            if c.dep_ == "prep" and c.lower_ == "as" and lemma in ("describe", "characterize", "characterise", "label"):
                return obj, c
        if self.cfg.lang == "ru":
            # the instrumental complement, wherever the parser hung it (even on a word of the
            # object: "назвал слова блогера ложью")
            found = [
                c
                for c in [*tok.children, *obj.subtree]
                if c.i > obj.i
                and (c.pos_ in ("NOUN", "ADJ") or "Part" in c.morph.get("VerbForm"))
                and "Ins" in c.morph.get("Case")
                and not _case(c)
            ]
            # the noun heads the complement ("абсолютной ложью"); an adjective alone is one too
            nouns = [c for c in found if c.pos_ == "NOUN"]
            if found:
                return obj, (nouns or found)[0]
        return None

    def subject(self, tok: Token) -> Token | None:
        cur: Token | None = self.reporter(tok) or tok
        for _ in range(4):
            if cur is None:
                return None
            # Of two subjects ("MERENBURG — the minister has said"), the one nearest the
            # verb on its left is the speaker; a dateline or heading word is further out.
            kids = sorted(cur.children, key=lambda c: (c.i > cur.i, abs(c.i - cur.i)))
            # natasha may label both words of "МИД Кестрании" nsubj: the run starts at the first
            near = next((c for c in kids if c.dep_ in SUBJ and c.i < cur.i), None)
            while near is not None and near.left_edge.i > 0 and not self.doc[near.left_edge.i - 1].is_punct:
                prev = next(
                    (c for c in cur.children if c.dep_ in SUBJ and c.right_edge.i == near.left_edge.i - 1), None
                )
                if prev is None:
                    break
                near = prev
            if near is not None:
                kids = [near, *(c for c in kids if c is not near)]
            for c in kids:
                if c.dep_ in ("nsubjpass", "nsubj:pass"):
                    # "it was made by the journalist when he ... noted": the agent speaks
                    for a in cur.children:
                        if a.dep_ == "agent":
                            objs = [g for g in a.children if g.dep_ == "pobj"]
                            if objs:
                                return objs[0]
                if c.dep_ in SUBJ:
                    if c.lower_ in ("who", "which", "that", "который", "которая", "которые") and cur.dep_ in (
                        "relcl",
                        "acl:relcl",
                    ):
                        return cur.head
                    return c
            body = self.institution(cur)
            if body is not None:
                return body
            if cur is tok:
                # "X first accused A, then said B": the parser makes the first verb a
                # modifier of the second, and the shared subject hangs on the first.
                for c in cur.children:
                    if c.dep_ in ("advcl", "conj") and c.i < cur.i and not any(g.dep_ == "mark" for g in c.children):
                        subj = next((g for g in c.children if g.dep_ in SUBJ), None)
                        if subj is not None:
                            return subj
            if cur is tok and cur.dep_ == "parataxis":
                # "«...», — заявил X": the parser often hangs X on the quotation's verb
                for c in cur.head.children:
                    if c.dep_ in SUBJ and c.i > cur.i:
                        return c
            if cur is tok and (self.stray_conj(cur) or self.ru_stray_conj(cur)):
                # "said that the bridge was safe and added that ...": the second speech verb
                # shares the subject of the verb above the reported clause, not the clause's own
                up = cur.head.head
                while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
                    up = up.head
                if up.pos_ in ("VERB", "AUX"):
                    cur = up
                    continue
            # "X first blamed A, then said B" may come out with the second verb as a bare "dep"
            coordinated = cur.dep_ == "dep" and cur.head.i < cur.i and cur.head.pos_ in ("VERB", "AUX")
            if (cur.dep_ in ("conj", "xcomp", "advcl") or coordinated) and cur.head.i != cur.i:
                cur = cur.head
                continue
            if cur.dep_ in ("relcl", "acl", "acl:relcl") and cur.head.i != cur.i:
                if self.cfg.lang == "ru" and any(
                    c.lemma_.lower() == "который" and "Nom" not in c.morph.get("Case") for c in cur.children
                ):
                    return None  # "Валдорией, которую назвал ...": the noun is the object, not the speaker
                return cur.head if cur.head.pos_ in ("NOUN", "PROPN") else None
            if (
                cur is tok
                and cur.dep_ == "pcomp"
                and cur.tag_ == "VBG"
                and cur.head.lower_ in ("by", "after", "before", "while", "in", "when", "without")
                and cur.head.head.pos_ in ("VERB", "AUX")
                and cur.head.head.i != cur.head.i
                and self.has_clause(cur)
                and not any(c.dep_ in SUBJ and c.lower_ == "it" for c in cur.head.head.children)
            ):
                # "began by saying ...", "After saying ..., she was": the gerund's speaker is the
                # subject of the verb its preposition modifies
                cur = cur.head.head
                continue
            return self.left_name(tok) if cur is tok else None
        return None

    def reporter(self, tok: Token) -> Token | None:
        """ "X said the deal was dead, arguing that ...": the parser hangs a trailing participle on
        the reported clause's verb, but its doer is whoever reports that clause (`trim_tail` leaves
        the participle out of the content for the same reason). The speech verb above, if any."""
        if (
            self.cfg.lang != "en"
            or tok.tag_ != "VBG"
            or tok.dep_ not in ("advcl", "xcomp", "acl", "conj")
            or tok.i == 0
            or self.doc[tok.i - 1].text != ","
            or any(c.dep_ in SUBJ for c in tok.children)
        ):
            return None
        cur = tok.head
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ in SUBJ:
                return None
            if cur.dep_ in ("ccomp", "parataxis:ccomp") and cur.head.i < cur.i and self.cue_act(cur.head):
                return cur.head
            cur = cur.head
        return None

    def relative_subject(self, tok: Token) -> Token | None:
        """The relative pronoun ("who", "which", "that") subject of the relative clause whose
        verb, or a verb coordinated with it, is `tok`."""
        cur = tok
        for _ in range(3):
            for c in cur.children:
                if c.dep_ in SUBJ and c.lower_ in ("who", "which", "that") and cur.dep_ in ("relcl", "acl:relcl"):
                    return c
            if cur.dep_ not in ("conj", "xcomp") or cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def institution(self, verb: Token) -> Token | None:
        """Russian "в министерстве заявили", "говорится в заявлении ведомства": a verb with no
        subject (third person plural, or an impersonal -ся form) names the speaking body in a
        locative phrase, or as the holder of the statement it quotes from."""
        if self.cfg.lang != "ru" or verb.pos_ not in ("VERB", "AUX"):
            return None
        if not (verb.lemma_.lower().endswith(("ся", "сь")) or "Plur" in verb.morph.get("Number")):
            return None
        for c in verb.children:
            if c.dep_ not in ("obl", "nmod") or _case(c) not in ("в", "во") or c.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = c.lemma_.lower()
            if lemma in MONTHS_RU or c.ent_type_ in ("DATE", "TIME") or c.like_num:
                continue
            if lemma in lexicon.CHANNEL_NOUNS or c.lower_ in lexicon.CHANNEL_NOUNS:
                # "в заявлении ведомства": the holder speaks; a bare "в интервью" names no one
                for g in c.children:
                    if g.dep_ == "nmod" and g.pos_ in ("NOUN", "PROPN") and not _case(g):
                        return g
                continue
            return c
        return None

    def left_name(self, tok: Token) -> Token | None:
        """ "Name, the adviser to ..., said": a parse that lost the subject still has the name
        at the start of a comma-wrapped appositive right before the cue."""
        sent = tok.sent
        for ent in reversed([e for e in doc_index.ents(self.doc) if e.start >= sent.start and e.end <= tok.i]):
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            gap = self.text[ent.end_char : tok.idx]
            if not re.fullmatch(r"\s*(,[^.;:]*,)?\s*", gap):
                continue
            j = ent.start - 1
            while j >= sent.start and (self.doc[j].lower_.strip(".") in TITLE_WORDS or self.doc[j].text in "-‐"):
                j -= 1
            if j < sent.start or self.doc[j].text in (",", "that", "—", "–") or self.doc[j].dep_ == "mark":
                return ent.root
        return None

    def speaker_tokens(self, subj: Token) -> list[Token]:
        named = subj.ent_type_ != ""
        drop = set(SPEAKER_DROP) - {"punct"}
        has_person_appos = any(
            c.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in c.subtree) for c in subj.children
        )
        if named or not has_person_appos:
            drop.add("appos")
        # "в министерстве": the preposition of a locative speaker is not part of the name
        toks = [t for t in self.subtree(subj, drop) if not (t.dep_ == "case" and t.head.i == subj.i)]
        # "Tajikistan on Sunday rejected": a time the parser hangs on the subject is the cue's
        when = {t.i for c in subj.children if _is_time_phrase(c) for t in c.subtree}
        toks = [t for t in toks if t.i not in when]
        # "МИД Кестрании" parsed as two subjects side by side: one name
        nxt = subj.right_edge.i + 1
        while subj.dep_ in SUBJ and nxt < len(self.doc):
            sib = self.doc[nxt]
            if sib.dep_ not in SUBJ or sib.head.i != subj.head.i or sib.left_edge.i != nxt:
                break
            toks.extend(self.subtree(sib, drop))
            nxt = sib.right_edge.i + 1
        # keep the contiguous run around the head: an inserted clause is not part of the name
        out = [t for t in toks if t.i >= subj.i]
        prev = subj.i
        for t in reversed([t for t in toks if t.i < subj.i]):
            if t.i == prev - 1:
                out.insert(0, t)
                prev = t.i
        run: list[Token] = []
        for t in out:
            if run and (t.i != run[-1].i + 1 or (t.is_punct and t.text not in "-‐’'.")):
                break
            if not run and t.is_punct:
                continue
            run.append(t)
        return run

    def full_source(self, subj: Token, stop: set[int]) -> CharSpan | None:
        """The source phrase with its appositives, titles and relative clauses, up to (not
        across) the cue and the content: the contiguous run of the subject's subtree around it.
        A participle set off after the name ("Trump, speaking to a veterans group, said") tells
        what the speaker was doing, not who speaks, and ends the phrase."""
        cut = {
            t.i
            for c in subj.children
            if c.dep_ in ("acl", "advcl")
            and c.tag_ == "VBG"
            and c.i > subj.i
            and c.left_edge.i > 0
            and self.doc[c.left_edge.i - 1].text == ","
            for t in c.subtree
        }
        toks = [t for t in subj.subtree if t.i not in cut]
        run: list[Token] = [subj]
        by_i = {t.i: t for t in toks}
        j = subj.i - 1
        while j in by_i and j not in stop:
            run.insert(0, by_i[j])
            j -= 1
        j = subj.i + 1
        while j in by_i and j not in stop:
            run.append(by_i[j])
            j += 1
        return self.span_of(run)

    def channel(self, cue: Token, exclude: set[int]) -> Token | None:
        for c in cue.children:
            if c.i in exclude:
                continue
            if c.dep_ in ("prep", "obl", "nmod"):
                if c.lower_ in ("as", "like", "как"):
                    continue  # "dismissed the visit as a show": a verdict, not the venue
                if _case(c) in ("от", "без"):
                    continue  # "отказались от комментариев": what was turned down, not the venue
                obj = c
                if c.dep_ == "prep":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if not objs:
                        continue
                    obj = objs[0]
                if obj.lemma_.lower() in lexicon.CHANNEL_NOUNS or obj.lower_ in lexicon.CHANNEL_NOUNS:
                    return c
        return None

    def date_spans(self, heads: list[Token], exclude: set[int]) -> list[CharSpan]:
        out: list[CharSpan] = []
        for h in heads:
            for c in h.children:
                if c.i in exclude or c.dep_ not in DATE_DEPS:
                    continue
                sub = list(c.subtree)
                if any(t.i in exclude for t in sub):
                    continue
                if any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in MONTHS_RU for t in sub):
                    sp = self.span_of(sub)
                    if sp:
                        out.append(sp)
        return out

    def continued_quote(self, k: int, clause: CharSpan) -> int | None:
        """ "“First part,” she said, “second part.”": a quotation the attribution interrupts
        goes on right after the speaker and cue, and both halves are one content."""
        qe = self.quotes[k][1]
        if qe > clause[0] or k + 1 >= len(self.quotes) or k + 1 in self.used_quotes:
            return None
        ns, ne = self.quotes[k + 1]
        if ns < clause[1]:
            return None  # a quoted name inside the source phrase ("фонда «Северный мост»")
        if not re.fullmatch(r"\s*[,.;:—–-]?\s*", self.text[clause[1] : ns]) or "\n" in self.text[clause[1] : ns]:
            return None
        # "“A,” he said. “B,” she said.": a second half that hands over to its own cue is not ours
        body = self.text[ns:ne].rstrip("”\"’'» ")
        after = self.text[ne : ne + 3].lstrip(" ")
        if body.endswith(",") or (after[:1].isalpha() and after[:1].islower()):
            return None
        # "“A,” she said. “B?” Trump said.": nor is one credited right after it to someone else
        tail = self.doc.char_span(ne, min(len(self.text), ne + 80), alignment_mode="contract")
        if tail is not None:
            for t in tail:
                if t.text in (".", "!", "?", "“", '"', "«") or "\n" in t.text:
                    break
                if self.cue_act(t) is not None:
                    return None
        return k + 1

    def own_clauses(self, cue: Token) -> list[Token]:
        """The cue's reported clauses after it, outside quotations."""
        return [
            c
            for c in cue.children
            if c.dep_ in CONTENT_CLAUSE and c.i > cue.i and not self.in_quote(c) and self.quote_at(c.idx) is None
        ]

    def quote_for(self, cue: Token, clause: CharSpan) -> int | None:
        """A quotation that is this cue's content: right before or right after its clause."""
        sent = cue.sent
        best: int | None = None
        # "He said Valdoria did have ...": a cue with a reported clause of its own after it
        # does not reach back for a quotation that ended before it.
        own_clause = bool(self.own_clauses(cue))
        for k, (qs, qe) in enumerate(self.quotes):
            # "Her spokesman added:" and the quotation opens the next paragraph
            after_colon = qs >= clause[1] and re.fullmatch(r"[ \t]*:\s*", self.text[clause[1] : qs]) is not None
            if k in self.used_quotes or qe <= sent.start_char - 1500 or (qs >= sent.end_char and not after_colon):
                continue
            if len(_WORD.findall(self.text[qs:qe])) < 3 or len(self.text[qs:qe].split()) < 3:
                continue
            if qs <= cue.idx < qe:
                continue
            if qe <= clause[0]:
                gap = self.text[qe : clause[0]]
                if own_clause or re.search(r"\n\s*\n|[:;]", gap):
                    # a blank line ends the paragraph, and with it the quotation's speaker;
                    # after a colon the next clause explains the quotation, it does not attribute it
                    continue
                if re.fullmatch(r"[\s,;:.—–-]*", gap) and qe > sent.start_char - 1500:
                    if "." in gap and cue.sent.start_char > qe and not re.fullmatch(r"[\s,;:—–-]*", gap):
                        continue
                    best = k
            elif after_colon:
                return k
            elif qs >= clause[1] and qs < sent.end_char + 2:
                if best is not None:
                    # "“A,” he said, “B.”": the interrupted quotation is the content; the
                    # second half is its continuation (`continued_quote`), not a new one
                    return best
                if self.partial_quote(cue, qs, qe):
                    continue
                # "заявило, что ..., и назвало их «ложью»": a cue whose reported clause comes
                # first has said its piece; a quotation after that clause is another verb's
                if any(c.right_edge.idx < qs for c in self.own_clauses(cue)):
                    continue
                between = self.doc.char_span(clause[1], qs, alignment_mode="expand")
                if between is None:
                    continue
                lo, hi = cue.left_edge.i, cue.right_edge.i
                ok = all(lo <= t.i <= hi or t.is_punct or t.is_space for t in between)
                gap_txt = self.text[clause[1] : qs]
                if ok and not any(self.cue_act(t) for t in between if t.i != cue.i) and gap_txt.count(".") == 0:
                    return k
        return best

    # -- main --------------------------------------------------------------------------
    def rule_readings(self) -> list[Attribution]:
        """Every attribution the hand-written readings find, left to right."""
        found: list[Attribution] = []
        for tok in self.doc:
            if tok.is_space or tok.is_punct:
                continue
            att: Attribution | None = None
            inside = self.in_quote(tok)
            if not inside:
                cue = self.cue_act(tok)
                if cue is not None:
                    att = self.verb_attribution(tok, cue[0], cue[1])
                    if att is None and any(c.dep_ == "prep" for c in cue[1]):
                        # "called for an inquiry", "has called for eliminating the loophole":
                        # a phrasal cue's preposition governs what was asked, a phrase, not a clause
                        att = self.learned_verb(tok)
                    if att is not None:
                        att.origin = "rule"
                elif tok.lower_ == "according" or self.ru_according(tok):
                    att = self.according(tok)
                    if att is not None:
                        att.origin = "according"
                elif tok.lower_ == "in" and self.cfg.lang == "en":
                    att = self.in_poll(tok)
                    if att is not None:
                        att.origin = "according"
            if att is None and not inside and tok.pos_ == "ADJ" and self.cfg.lang == "en":
                att = self.stance(tok)
                if att is not None:
                    att.origin = "rule"
            if att is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.cfg.nouns:
                att = self.noun_attribution(tok)
                if att is not None:
                    att.nested = inside
                    att.origin = "noun"
            if att is not None:
                found.append(att)
        return found

    def run(self) -> list[Attribution]:
        found = self.rule_readings()
        readings: dict[int, Attribution] = {}
        if self.cfg.cue_model is not None and self.cfg.scorer is not None:
            found.extend(self.learned_cues(found, self.cfg.scorer.candidate))
            readings = self.by_head(found)
            found = self.triage(found)
        elif self.cfg.cue_model is not None:
            found = self.veto(found)
            found.extend(self.learned_cues(found))
        if self.cfg.tagger is not None and self.cfg.collect is None:
            found = self.tagged(found, readings)
        found = self.drop_embedded(found)
        found = _according_as_channel(self.doc, found)
        found.extend(self.credited_quotes(found))
        found.extend(self.orphan_quotes(found))
        found = self.split_quotes(found)
        for a in found:
            if a.start < self.title_end or (not a.direct and a.start < self.lede_end):
                a.summary = True
        found.sort(key=lambda a: (a.start, a.end))
        return _dedupe(found)

    def drop_embedded(self, found: list[Attribution]) -> list[Attribution]:
        """ "The mayor said she thinks the video should be released", "The statement noted they had
        said they would act": a cue that heads the reported clause of another attribution, with
        a pronoun for its subject, is part of what the outer speaker said (mostly of their own
        mind), not an attribution the text makes itself; its words stay in the outer content.
        A named speaker inside the clause ("reported that a spokesman told it ...") keeps its
        own attribution: the ledger dates and credits that report. So, anywhere in another
        attribution's content (a transcript turn, an unquoted speech), does a first person: "I
        think ..." there is the outer speaker hedging."""
        heads: dict[int, Attribution] = {}
        for a in found:
            if a.cue and a.content and not a.direct:
                span = self.doc.char_span(*a.cue[0], alignment_mode="expand")
                if span is not None and len(span):
                    heads.setdefault(span.root.i, a)
        out = []
        for a in found:
            span = self.doc.char_span(*a.cue[0], alignment_mode="expand") if a.cue else None
            tok = span.root if span is not None and len(span) else None
            if (
                tok is not None
                and a.speaker_token is not None
                and self.doc[a.speaker_token].lower_ in lexicon.FIRST_PERSON
                and any(b is not a and not b.direct and any(x <= tok.idx < y for x, y in b.content) for b in found)
            ):
                continue
            outer = heads.get(tok.head.i) if tok is not None and tok.dep_ in CONTENT_CLAUSE - {"xcomp"} else None
            if (
                outer is not None
                and outer is not a
                and any(x <= tok.idx < y for x, y in outer.content)
                and a.speaker_token is not None
                and self.doc[a.speaker_token].pos_ == "PRON"
            ):
                continue
            out.append(a)
        return out

    def veto(self, found: list[Attribution]) -> list[Attribution]:
        """Drop the rules' verb cues that the learned scorer finds very unlike a cue. Only cues
        from the counted (learned) lexicon: a hand-listed verb ("appealed to", "confirmed")
        keeps its statement, since the ledger relies on those acts."""
        model = self.cfg.cue_model
        if model is None or model.veto <= 0:
            return found
        index = cues.QuoteIndex(self.quotes)
        out = []
        for a in found:
            tok = self.doc.char_span(*a.cue[0], alignment_mode="expand") if a.cue else None
            if (
                tok is not None
                and len(tok) == 1
                and a.cue_lemma in self.cfg.learned
                and a.act == "other"
                and cues.is_candidate(tok[0])
            ):
                if model.score(tok[0], index) < model.veto:
                    continue
            out.append(a)
        return out

    def triage(self, found: list[Attribution]) -> list[Attribution]:
        """Keep the candidates the attribution scorer accepts (see `cues.AttributionScorer`),
        each with the content boundary it likes best among a few readings (`variants`)."""
        scorer = self.cfg.scorer
        assert scorer is not None
        index = cues.QuoteIndex(self.quotes)
        keep = [is_protected(a, self.cfg.learned) for a in found]
        context = triage_context(self.doc, found, keep)
        out: list[Attribution] = []
        for k, a in enumerate(found):
            options = [(a, "v=orig"), *(self.variants(a) if scorer.variants else [])]
            scored = []
            for v, tag in options:
                feats = [*triple_features(self.doc, self.text, v, index, self.cfg.cue_model, context[k]), tag]
                if self.cfg.collect is not None:
                    self.cfg.collect.append((v, feats))
                else:
                    scored.append((scorer.score(feats), -len(scored), v))
            if self.cfg.collect is not None:
                out.append(a)
                continue
            p, _, best = max(scored, key=lambda x: (x[0], x[1]))
            bar = scorer.threshold if a.origin in ("learned", "turn") else scorer.rule_threshold
            if p >= bar or keep[k]:
                out.append(best)
            else:
                # a rejected quotation reading frees its quotation for the orphan pass
                for qi, q in enumerate(self.quotes):
                    if a.direct and a.content and q[0] <= a.content[0][0] < q[1]:
                        self.used_quotes.discard(qi)
        return out

    def variants(self, a: Attribution) -> list[tuple[Attribution, str]]:
        """Other readings of a candidate's content for the scorer to weigh: an indirect content
        cut before a trailing modifier ("criticized X as Y | during a campaign stop"), or run
        on over what follows it in the sentence ("said A | , but B"); a quotation without the
        one after the interruption."""
        out: list[tuple[Attribution, str]] = []
        if not a.content or a.speaker is None:
            return out
        if a.direct:
            if a.continuation:
                out.append((self._with(a, list(a.content), []), "v=nocont"))
            return out
        if len(a.content) != 1:
            return out
        span = self.doc.char_span(*a.content[0], alignment_mode="expand")
        if span is None or not len(span):
            return out
        root = span.root
        lo, hi = span.start, span.end
        heads = {root.i} | {c.i for c in root.children if c.dep_ in ("dobj", "pobj", "attr") and lo <= c.i < hi}
        cuts = [t for t in span if t.head.i in heads and t.i > t.head.i and t.dep_ in _TRIM_DEPS and t.left_edge.i > lo]
        for t in sorted(cuts, key=lambda t: t.left_edge.i)[:3]:
            toks = [x for x in span if x.i < t.left_edge.i]
            sp = self.span_of(toks)
            if sp is not None and sp[1] - sp[0] >= 2:
                kind = "obj" if t.head.i != root.i else "root"
                out.append((self._with(a, [sp], []), f"v=trim|{t.dep_}|{kind}"))
        # what follows the content in its sentence, hung on the cue or on the content's head
        sent = root.sent
        cue_span = self.doc.char_span(*a.cue[0], alignment_mode="expand") if a.cue else None
        anchors = {root.i, root.head.i} | ({cue_span.root.i} if cue_span is not None and len(cue_span) else set())
        nxt = [t for t in sent if t.i >= hi and t.head.i in anchors and t.dep_ in _EXTEND_DEPS and not t.is_punct]
        if nxt:
            t = min(nxt, key=lambda t: t.i)
            toks = [x for x in self.doc[lo : t.right_edge.i + 1]]
            sp = self.span_of(toks)
            if sp is not None and sp[1] > a.content[0][1]:
                out.append((self._with(a, [sp], []), f"v=ext|{t.dep_}"))
            end = [x for x in self.doc[lo : sent.end]]
            sp2 = self.span_of(end)
            if sp2 is not None and sp is not None and sp2[1] > sp[1]:
                out.append((self._with(a, [sp2], []), "v=sentend"))
        return out

    def _with(self, a: Attribution, content: list[CharSpan], continuation: list[CharSpan]) -> Attribution:
        parts = [*content, *continuation, *a.cue, *([a.speaker] if a.speaker else [])]
        return replace(
            a,
            content=content,
            continuation=continuation,
            start=min(p[0] for p in parts),
            end=max(p[1] for p in parts),
        )

    def learned_cues(self, found: list[Attribution], threshold: float | None = None) -> list[Attribution]:
        """Cues the lexicon does not list that the learned scorer is confident about ("a poll
        found that ...", "X's pledge that ...", "PENCE: ..."). Only tokens the rules did not
        already try are scored, one dot product each; their source and content are read with
        the same machinery as the rules' cues."""
        model = self.cfg.cue_model
        assert model is not None
        taken = {c for a in found for sp in a.cue for c in range(sp[0], sp[1])}
        index = cues.QuoteIndex(self.quotes)
        out: list[Attribution] = []
        for tok in self.doc:
            if not cues.is_candidate(tok) or tok.idx in taken or self.in_quote(tok):
                continue
            # a transcript turn in capitals ("PENCE: ...") or a headline's "Pence: ..." is a cue
            # whatever the score: the model saw few of them, and `turn` still checks the name
            shape = cues.turn_shape(tok) if tok.text == ":" else None
            upper_turn = shape == "upper" or (shape == "title" and self.in_headline(tok))
            if not upper_turn and self.cue_score(tok, index) < (model.threshold if threshold is None else threshold):
                continue
            att: Attribution | None
            if tok.text == ":":
                att = self.turn(tok)
            else:
                att = self.learned_verb(tok)
            if att is not None:
                att.origin = "turn" if tok.text == ":" else "learned"
                out.append(att)
        return out

    def cue_score(self, tok: Token, index: cues.QuoteIndex) -> float:
        got = self.scores.get(tok.i)
        if got is None:
            model = self.cfg.cue_model
            assert model is not None
            got = self.scores[tok.i] = model.score(tok, index)
        return got

    def by_head(self, found: list[Attribution]) -> dict[int, Attribution]:
        """Candidate readings by the index of their cue's first token (the first wins)."""
        out: dict[int, Attribution] = {}
        for a in found:
            if not a.cue:
                continue
            span = self.doc.char_span(a.cue[0][0], a.cue[0][1], alignment_mode="expand")
            if span is not None and len(span):
                out.setdefault(span[0].i, a)
        return out

    def tag_candidates(
        self,
        readings: dict[int, Attribution],
        skip: set[int],
        bar: float,
        reread: bool,
        nouns: frozenset[str] = frozenset(),
    ) -> list[tuple[Token, float | None]]:
        """The cues the role tagger reads, with their cue scores: each verb or colon outside
        quotations that the cue scorer puts at `bar`, each noun outside quotations whose lemma
        is in `nouns` ("the plan", "charges that"), and with `reread` every candidate
        reading's cue too; none in `skip` (token indices)."""
        index = cues.QuoteIndex(self.quotes)
        out: list[tuple[Token, float | None]] = []
        for tok in self.doc:
            if tok.i in skip:
                continue
            reading = reread and tok.i in readings
            if cues.is_candidate(tok) and not self.in_quote(tok):
                score = self.cue_score(tok, index)
                if score >= bar or reading:
                    out.append((tok, score))
            elif reading or (tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns and not self.in_quote(tok)):
                out.append((tok, None))
        return out

    def tagged(self, found: list[Attribution], readings: dict[int, Attribution]) -> list[Attribution]:
        """The attributions the role tagger adds at the candidate cues that no kept reading
        has ("downplayed the risk", "…, saying the deal was dead"); each candidate is read with
        the rules' reading of it, if any, as features (`_tagger.role_features`)."""
        tagger = self.cfg.tagger
        assert tagger is not None
        index = cues.QuoteIndex(self.quotes)
        feats = _tagger.DocFeatures(self.doc, index)
        added: list[Attribution] = []
        skip = set(self.by_head(found))
        for tok, score in self.tag_candidates(readings, skip, tagger.candidate, tagger.reread, tagger.nouns):
            lo, hi = _tagger.window(self.doc, tok, index)
            xseq = _tagger.role_features(feats, tok, {tok.i}, lo, hi, score, readings.get(tok.i))
            labels = tagger.read(xseq, tok.i - lo)
            if labels is None:
                continue
            att = self.from_tags(tok, _tagger.spans(labels, lo))
            if att is not None:
                att.origin = "tagger"
                added.append(att)
        return found + added

    def from_tags(self, tok: Token, runs: dict[str, list[tuple[int, int]]]) -> Attribution | None:
        """An attribution from the tagger's source and content runs around cue `tok`: the source
        run nearest the cue (its head's name phrase is the speaker), every content run."""
        if not runs["S"] or not runs["C"]:
            return None
        a, b = min(runs["S"], key=lambda r: min(abs(r[0] - tok.i), abs(r[1] - 1 - tok.i)))
        src_toks = list(self.doc[a:b])
        roots = [t for t in src_toks if not (a <= t.head.i < b) or t.head.i == t.i]
        subj = roots[0] if roots else src_toks[0]
        source = self.span_of(src_toks)
        if source is None:
            return None
        sp_toks = self.speaker_tokens(subj) if subj.pos_ in ("PROPN", "NOUN", "PRON") else []
        speaker = self.span_of([t for t in sp_toks if a <= t.i < b]) if sp_toks else None
        speaker = speaker or source
        content: list[CharSpan] = []
        for ca, cb in runs["C"]:
            sp = self.span_of(list(self.doc[ca:cb]))
            if sp is not None and sp[1] - sp[0] >= 3 and not _overlaps(sp, source):
                content.append(sp)
        if not content:
            return None
        direct = False
        for k, q in enumerate(self.quotes):
            qi = inner(self.text, q)
            if any(c[0] <= qi[0] < c[1] or qi[0] <= c[0] < qi[1] for c in content):
                self.used_quotes.add(k)
                direct = direct or any(abs(c[0] - qi[0]) <= 1 and abs(c[1] - qi[1]) <= 1 for c in content)
        cue_toks = [tok, *(c for c in tok.children if c.dep_ == "prt")]
        cue_span = [(t.idx, t.idx + len(t)) for t in cue_toks]
        exclude = set(range(a, b)) | {t.i for t in cue_toks}
        for ca, cb in runs["C"]:
            exclude |= set(range(ca, cb))
        parts = [source, speaker, *cue_span, *content]
        att = Attribution(
            start=min(p[0] for p in parts),
            end=max(p[1] for p in parts),
            act=self.cfg.verbs.get(tok.lemma_.lower(), "other"),
            direct=direct,
            speaker=speaker,
            cue=cue_span,
            content=content,
            cue_lemma=tok.lemma_.lower(),
            date_spans=self.date_spans([tok], exclude),
            negated=any(c.dep_ == "neg" for c in tok.children),
            speaker_token=subj.i,
            source=source,
        )
        att.act = refine_act(self.doc, att, self.cfg.lang)
        return att

    def learned_verb(self, tok: Token) -> Attribution | None:
        """A verb cue the lexicon lacks: "cited X", "called for X", "the poll found that X". The
        rules' reading first (a quotation or a reported clause); failing that, what the verb
        takes to its right (its object, or the object of the preposition it governs) is what
        was said. A preposition right after the verb is part of the cue ("pointed to")."""
        rule = self.cue_act(tok)
        if rule is not None:
            # the rules read this verb and found no reported clause or quotation: only the
            # fallback below is new ("called for an inquiry", "pointed to the cost")
            act, cue_toks = rule[0], list(rule[1])
            if len(cue_toks) == 1 and tok.lemma_.lower() in self.cfg.needs_clause:
                # "spoke of her early talks with the director", "asked Clinton about her
                # emails": a verb of talking names its topic after "about"/"of"
                topic = self.topic(tok)
                if topic is not None:
                    prep, obj = topic
                    return self.verb_attribution(tok, "other", [*cue_toks, prep], list(obj.subtree))
                # "wants a new tractor", "knows the city": a verb of mind or desire takes a thing,
                # not a proposition, as its object; the lexicon takes it only with a clause
                if tok.lemma_.lower() in _MINDING:
                    return None
                # "published the tax returns", "backed Clinton", "addressed the plight of ...": an
                # act in public on what it names, which the attribution scorer weighs like an
                # unlisted verb's reading (the lexicon counted it a cue mostly with a clause)
                cue_toks += [c for c in tok.children if c.dep_ == "prt"]
        else:
            cue_toks = [tok, *(c for c in tok.children if c.dep_ == "prt")]
            act = self.cfg.verbs.get(tok.lemma_.lower(), "other")
            att = self.verb_attribution(tok, act, cue_toks)
            if att is not None:
                return att
        if any(c.dep_ in ("nsubjpass", "nsubj:pass", "auxpass") for c in tok.children):
            # "were charged with a crime": the subject is the one spoken of; with an agent
            # ("was first reported by the Post") the agent spoke of it
            return self.passive(tok, act, cue_toks)
        right = [c for c in tok.children if c.i > tok.i and not c.is_punct and c not in cue_toks]
        # "called for X": the phrasal cue's preposition governs what was asked
        right = [g for c in cue_toks if c.dep_ == "prep" for g in c.children if g.dep_ in ("pobj", "pcomp")] + right
        if not right:
            return None
        first = right[0]
        content_toks: list[Token] = []
        if first.dep_ in ("pobj", "pcomp"):
            content_toks = list(first.subtree)
        elif first.dep_ == "prep" and first.i == max(t.i for t in cue_toks) + 1 and first not in cue_toks:
            objs = [g for g in first.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                cue_toks.append(first)
                content_toks = list(objs[0].subtree)
        else:
            objs = [c for c in right if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd")]
            if objs:
                content_toks = list(objs[0].subtree)
                # "dismissed the visit as a show", "condemned the test as provocative": the
                # verdict on the object is said too
                content_toks += [
                    t for c in right if c.dep_ == "prep" and c.lower_ == "as" and c.i > objs[0].i for t in c.subtree
                ]
        # one name may be what was spoken of ("attacked Trump", "backed Clinton"); a lone pronoun
        # is more often whom something was done to ("called him yesterday")
        if len(content_toks) == 1 and content_toks[0].pos_ != "PROPN":
            return None
        if not content_toks or all(t.ent_type_ in ("DATE", "TIME") or not t.is_alpha for t in content_toks):
            return None
        # a thing named, not a proposition: no claim or denial the ledger could check, except
        # a request ("called for an inquiry") -- or a reported clause the parser took for an
        # object ("said the shipment left in March": "left" hung on "shipment"), which keeps
        # the speech verb's own act
        clause = rule is not None and any(
            t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "relcl") and t.tag_ in ("VBD", "VBZ", "VBP", "VBN")
            and not any(c.dep_ in ("auxpass", "aux") for c in t.children)
            for t in content_toks
        )  # fmt: skip
        keep = act == "appeal" or (clause and act in ("claim", "deny", "confirm"))
        return self.verb_attribution(tok, act if keep else "other", cue_toks, content_toks)

    def topic(self, tok: Token) -> tuple[Token, Token] | None:
        """The "about"/"of"/"on" preposition after a verb of talking and its object ("spoke
        about the need for reform")."""
        if tok.lemma_.lower() not in _TALKING:
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("about", "of", "on"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return c, obj
        return None

    def passive(self, tok: Token, act: str, cue_toks: list[Token]) -> Attribution | None:
        """ "The registration issue was first reported by The Washington Post": the agent is
        the source and the passive subject what it said or spoke of."""
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj:pass")), None)
        by = [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
        if agent is None or subj is None or not by or by[0].pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        sp_toks = self.speaker_tokens(by[0])
        speaker = self.span_of(sp_toks)
        cue = [*cue_toks, agent]
        content_toks = list(subj.subtree)
        if subj.lower_ in ("which", "that", "who") and tok.dep_ in ("relcl", "acl:relcl"):
            content_toks = [t for t in tok.head.subtree if t.i < tok.head.i or t.i == tok.head.i]
        content = self.span_of(content_toks)
        if speaker is None or content is None or _overlaps(content, speaker):
            return None
        cue_span = [(t.idx, t.idx + len(t)) for t in sorted(cue, key=lambda t: t.i)]
        att = Attribution(
            start=min(speaker[0], cue_span[0][0], content[0]),
            end=max(speaker[1], cue_span[-1][1], content[1]),
            act=act if act == "appeal" else "other",
            direct=False,
            speaker=speaker,
            cue=cue_span,
            content=[content],
            cue_lemma=tok.lemma_.lower(),
            speaker_token=by[0].i,
            source=self.full_source(by[0], {t.i for t in cue} | {t.i for t in content_toks}),
        )
        return att

    def turn(self, colon: Token) -> Attribution | None:
        """ "PENCE: Well, look, ..." (a transcript turn) or "Poll: Voters Abandon ..." (a
        headline): the name before the colon speaks the rest of the line."""
        shape = cues.turn_shape(colon)
        if shape is None:
            return None
        j = colon.i - 1
        names: list[Token] = []
        while j >= 0 and "\n" not in self.doc[j].text:
            names.insert(0, self.doc[j])
            j -= 1
        # a name, a transcript's capitals, or a poll; not "The Latest:", "Video:", "Correction:"
        if (
            not (
                all(t.is_upper for t in names if t.is_alpha)
                or any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in names)
                or any(t.lemma_.lower() in _TURN_SOURCES for t in names)
                or self.named_later(names)
            )
            or len(names) > 6
            or any(t.lower_ in _TURN_LABELS for t in names)
        ):
            return None
        speaker = self.span_of(names)
        line_end = self.text.find("\n", colon.idx)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = self.doc.char_span(colon.idx + 1, line_end, alignment_mode="contract")
        content = self.span_of(list(rest)) if rest is not None else None
        if speaker is None or content is None or len(self.text[content[0] : content[1]].split()) < 3:
            return None
        k = self.quote_at(content[0])
        direct = k is not None
        if k is not None:
            self.used_quotes.add(k)
        head = max(names, key=lambda t: (t.is_title or t.is_upper, t.i))
        att = Attribution(
            start=speaker[0],
            end=content[1],
            act="claim",
            direct=direct,
            speaker=speaker,
            cue=[(colon.idx, colon.idx + 1)],
            content=[content],
            cue_lemma=":",
            speaker_token=head.i,
        )
        att.act = refine_act(self.doc, att, self.cfg.lang)
        return att

    def in_headline(self, tok: Token) -> bool:
        """On the text's first line: "Pence: Flowers Won't Be at Debate" is the headline
        convention of crediting a line to the name before its colon."""
        return "\n" not in self.text[: tok.idx].strip()

    def named_later(self, names: list[Token]) -> bool:
        """Every word of a title-case run before a colon belongs to one named actor of the text
        after it ("Sanders" in "Bernie Sanders"): the parser's entity tagger often misses names
        in headlines, and "Tax Plan:" or "Election 2016:" are topics, not speakers."""
        words = {t.lower_ for t in names if t.is_alpha}
        if not words or any(w in _TURN_LABELS for w in words):
            return False
        last = names[-1].i
        return any(
            e.start > last and e.label_ in ("PERSON", "ORG", "NORP", "GPE") and words <= {t.lower_ for t in e}
            for e in doc_index.ents(self.doc)
        )

    def verb_attribution(
        self, tok: Token, act: str, cue_toks: list[Token], content_toks: list[Token] | None = None
    ) -> Attribution | None:
        subj = self.subject(tok)
        # "Halvia Today quoted him as saying", "цитирует его издание": the one quoted speaks,
        # the quoting outlet is the channel
        outlet: Token | None = None
        person = self.quoted_person(tok)
        if person is not None:
            outlet, subj = subj, person
        if subj is None or subj.pos_ in ("VERB",) or subj.lower_ in ("it", "this", "that", "это", "what"):
            if subj is None or subj.lower_ not in ("it",) or not self.has_clause(tok):
                return None
        if act == "other" and tok.lemma_.lower() in self.cfg.learned and any(c.dep_ == "nummod" for c in subj.children):
            # "19 countries expressed interest": a learned non-speech cue with a counted
            # subject reports a tally, and its subject must not become the next "he"
            return None
        sp_toks = self.speaker_tokens(subj)
        speaker = self.span_of(sp_toks) if sp_toks else None
        if speaker is None:
            return None
        exclude = {t.i for t in sp_toks} | {t.i for t in cue_toks}
        channel_tok = self.channel(tok, exclude)
        if outlet is not None:
            channel_tok = outlet
            exclude |= {t.i for t in outlet.subtree}
            # "as saying": part of the cue, not of what was said
            saying = [t for c in tok.children if c.lower_ == "as" for t in (c, *c.children) if t.lower_ in _AS_SAYING]
            cue_toks = [*cue_toks, *saying]
            exclude |= {t.i for t in cue_toks}
        if channel_tok is not None:
            # "говорится в заявлении фонда «Северный мост»": the holder of the statement is the
            # speaker, inside the channel phrase; its words stay with it
            exclude |= {t.i for t in channel_tok.subtree} - {t.i for t in subj.subtree}
        negated = any(c.dep_ == "neg" or c.lower_ in ("не", "not", "never", "n't") for c in tok.children)
        cue_span = [(t.idx, t.idx + len(t)) for t in cue_toks]
        clause_toks = [*sp_toks, *cue_toks, *(outlet.subtree if outlet is not None else [])]
        clause = (min(t.idx for t in clause_toks), max(t.idx + len(t) for t in clause_toks))
        content: list[CharSpan] = []
        continuation: list[CharSpan] = []
        direct = False
        # "called the invitation “a stunt”": the quotation is only the name given, not the content
        k = self.quote_for(tok, clause) if self.naming(tok) is None else None
        if k is not None:
            qs, qe = self.quotes[k]
            content = [inner(self.text, (qs, qe))]
            self.used_quotes.add(k)
            direct = True
            # the interruption ends after the whole source phrase ("said Jane Roe, an economist.")
            whole = self.full_source(subj, {t.i for t in cue_toks}) or clause
            tail = max(clause[1], whole[1])
            # "“A,” she said in the first debate. “B.”": the cue's own modifiers (when, where,
            # to whom) end the interruption too
            mods = [
                t.idx + len(t)
                for t in tok.subtree
                if t.idx >= tail and not t.is_punct and self.quote_at(t.idx) is None and t.sent == tok.sent
            ]
            nxt = self.continued_quote(k, (clause[0], max([tail, *mods])))
            if nxt is not None:
                # kept apart from `content`: the second half is often a new proposition that
                # the ledger wants as a statement of its own (an orphan quotation below)
                continuation = [inner(self.text, self.quotes[nxt])]
        else:
            # `content_toks`: the learned cues' fallback reading (`learned_verb`)
            if content_toks is not None:
                sp = self.span_of([t for t in content_toks if t.i not in exclude])
            else:
                says = [t for t in cue_toks if t.lower_ in _AS_SAYING and t.lower_ != "as"]
                # "quoted him as saying that ...": what "saying" reports
                sp = self.indirect_content(says[0] if says else tok, act, exclude)
            if sp is not None:
                content = [sp]
            elif content_toks is None:
                content = (
                    self.interposed_content(tok, exclude)
                    or self.ru_reported_clause(tok, exclude)
                    or self.block_after_colon(tok)
                    or self.as_clause_content(tok, exclude)
                )
        if content and not direct and len(content) == 1 and self.cfg.lang == "en":
            content = [self.trim_tail(content[0])]
        if content and not direct:
            content = [self.whole_quotes(sp) for sp in content]
        if not content or content[0][1] - content[0][0] < 3:
            return None
        if _overlaps(content[0], speaker):
            return None
        date_heads = [tok]
        if tok.dep_ in ("xcomp", "advcl", "conj") and tok.head.i != tok.i:
            date_heads.append(tok.head)
        content_idx = {t.i for t in self.doc.char_span(*content[0], alignment_mode="expand") or []}
        dates = self.date_spans(date_heads, exclude | content_idx)
        start = min(speaker[0], cue_span[0][0], content[0][0])
        end = max(speaker[1], cue_span[-1][1], content[-1][1])
        if direct:
            # the quotation marks belong to the attribution too
            qs, qe = self.quotes[k]  # type: ignore[index]
            start, end = min(start, qs), max(end, qe)
        att = Attribution(
            start=start,
            end=end,
            act=act,
            direct=direct,
            speaker=speaker,
            cue=cue_span,
            content=content,
            cue_lemma=tok.lemma_.lower(),
            channel=self.span_of(
                _until(list(channel_tok.subtree), exclude - {t.i for t in channel_tok.subtree} | {t.i for t in sp_toks})
            )
            if channel_tok is not None
            else None,
            date_spans=dates,
            negated=negated,
            speaker_token=subj.i,
        )
        att.source = self.full_source(subj, exclude - {t.i for t in sp_toks} | content_idx)
        rel = self.relative_subject(tok) if self.cfg.lang == "en" else None
        if rel is not None:
            # "Mr. Kamin, who emphasized that ...": annotators mark the relative pronoun as the
            # source of a relative clause's speech verb; the speaker stays the name it stands for
            att.source = (rel.idx, rel.idx + len(rel))
        att.continuation = continuation
        att.act = refine_act(self.doc, att, self.cfg.lang)
        return att

    def as_clause_content(self, tok: Token, exclude: set[int]) -> list[CharSpan]:
        """ "Scott had a gun, as police have said": a cue in an "as" clause reports the clause
        it hangs on, the sentence around it."""
        if tok.dep_ != "advcl" or tok.head.i == tok.i:
            return []
        if tok.left_edge.lower_ != "as" or tok.left_edge.head.i != tok.i:
            return []
        # "as she called for X", "as Clinton talked about Y": a cue with something of its own
        # to say is a time ("while"), not a credit for the clause around it
        if tok.lemma_.lower() not in lexicon.VERB_CUES.get(self.cfg.lang, {}):
            return []
        if any(c.dep_ not in _BARE_CUE_DEPS and not _is_time_phrase(c) for c in tok.children):
            return []
        own = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in own and t.i not in exclude and t.sent == tok.sent]
        while toks and (toks[-1].is_punct or toks[-1].is_space):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks.pop(0)
        # one contiguous stretch before or after the "as" clause
        run = [t for t in toks if t.i < min(own)] or [t for t in toks if t.i > max(own)]
        sp = self.span_of(run)
        if sp is None or len(self.text[sp[0] : sp[1]].split()) < 4:
            return []
        return [sp]

    def block_after_colon(self, tok: Token) -> list[CharSpan]:
        """ "The governor added:" at the end of a line, and what he said is the next paragraph,
        set off as a block with no quotation marks (or with an opening mark the writer never
        closed)."""
        end = tok.idx + len(tok)
        m = _COLON_LINE.match(self.text, end)
        if m is None or self.quote_at(m.end()) is not None:
            return []
        line_end = self.text.find("\n", m.end())
        block = (m.end(), len(self.text) if line_end < 0 else line_end)
        a, b = inner(self.text, block) if self.text[block[0]] in "\"“«'" else block
        while b > a and self.text[b - 1].isspace():
            b -= 1
        if len(self.text[a:b].split()) < 4:
            return []
        return [(a, b)]

    def trim_tail(self, sp: CharSpan) -> CharSpan:
        """Cut a reported clause before a comment set off at its end: a non-restrictive relative
        (", who has never faced a race"), a participle (", arguing that ..."), an apposition
        ("-- a news network"), a comma-led "with" phrase or concession (", although he refused
        to ..."), or what follows a semicolon. They are the writer's gloss or a second act, not
        what was said, and annotators leave them out;
        a contrast (", but B") stays, being said too. English only: Russian sets off every
        relative clause with a comma, restrictive or not."""
        span = self.doc.char_span(*sp, alignment_mode="expand")
        if span is None or len(span) < 4:
            return sp
        lo, hi = span.start, span.end
        last = max((t.i for t in span if not (t.is_punct or t.is_space)), default=lo)
        for t in span[1:-1]:
            if t.text == ";":
                return self._cut(sp, lo, t.i)
            if t.text not in (",", "--", "—", "–") or self.in_quote(t):
                continue
            n = self.doc[t.i + 1]
            # the constituent that opens right after the comma and runs to the content's end
            head = n
            while head.head.i != head.i and head.head.left_edge.i >= n.i and lo <= head.head.i < hi:
                head = head.head
            if head.right_edge.i < last or head.left_edge.i < n.i:
                continue
            nonrestrictive = head.dep_ in ("relcl", "acl:relcl") and n.lower_ in _RELATIVES
            participle = head.tag_ == "VBG" and head.dep_ in _PARTICIPLE_DEPS and n.i == head.left_edge.i
            apposition = head.dep_ == "appos"
            absolute = head.dep_ == "prep" and head.lower_ == "with" and head.i == n.i
            concessive = head.dep_ == "advcl" and n.lower_ in _CONCESSIVE and n.i == head.left_edge.i
            if nonrestrictive or participle or apposition or absolute or concessive:
                return self._cut(sp, lo, t.i)
        return sp

    def whole_quotes(self, sp: CharSpan) -> CharSpan:
        """An indirect content that ends inside a quotation it opened runs to the quotation's
        end: 'called Burma a "good news story in an era when ..."' is not cut after "era" when
        the parser hangs the rest of the quotation elsewhere. The speaker's own words are
        never cut in the middle."""
        cs, ce = sp
        for qs, qe in self.quotes:
            if cs <= qs < ce < qe and "\n" not in self.text[ce:qe] and qe - qs < 600:
                end = inner(self.text, (qs, qe))[1]
                if end > ce:
                    return (cs, end)
        return sp

    def _cut(self, sp: CharSpan, lo: int, at: int) -> CharSpan:
        got = self.span_of(list(self.doc[lo:at]))
        return got if got is not None and got[1] - got[0] >= 3 else sp

    def clauses(self, tok: Token) -> list[Token]:
        """The reported clauses of a speech verb. In "сообщили, что A, и напомнили, что B" the
        parser may hang A on the second verb and B on the first; between coordinated verbs
        each clause belongs to the nearest verb before it."""
        group = [tok]
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        stack = [top]
        while stack:
            t = stack.pop()
            if t not in group:
                group.append(t)
            stack.extend(c for c in t.children if c.dep_ == "conj")
        # any coordinated verb owns the clauses after it, a cue or not ("заявило, что A, и
        # назвало слова «B»": B, hung on the first verb, is the naming verb's)
        cues = [t for t in group if t.pos_ == "VERB" or self.cue_act(t) is not None]
        if len(cues) < 2:
            return [c for c in tok.children if c.dep_ in CONTENT_CLAUSE]
        cues.sort(key=lambda t: t.i)
        out: list[Token] = []
        for cue in cues:
            for c in cue.children:
                if c.dep_ not in CONTENT_CLAUSE:
                    continue
                before = [v for v in cues if v.i < c.left_edge.i]
                owner = before[-1] if before else cue
                if owner is tok:
                    out.append(c)
        return sorted(out, key=lambda c: c.i)

    def fronted_content(self, tok: Token, exclude: set[int]) -> CharSpan | None:
        """ "A post ... was planted by hackers, the administrator said": the reported clause
        comes first and the parser, lost in it, labels it anything but ccomp. It is the
        content when only a comma or dash separates it from the speaker and cue."""
        if not exclude:
            return None
        first = min(exclude)
        parts = [
            c
            for c in tok.children
            if c.i < first and c.i not in exclude and c.dep_ in ("dep", "parataxis", "ccomp", "csubj")
        ]
        picked = {t for p in parts for t in p.subtree if t.i < first}
        if tok.dep_ == "parataxis" and tok.head.i < first:
            # "..., the administrator said" hung on the clause it reports
            own = {t.i for t in tok.subtree}
            picked |= {t for t in tok.head.subtree if t.i < first and t.i not in own}
        if not picked:
            return None
        toks = [t for t in sorted(picked, key=lambda t: t.i) if not (t.is_punct or t.is_space)]
        # "But when Congress cut funding, Mexico said": a subordinate clause is not what was said
        while toks and toks[0].dep_ == "cc":
            toks = toks[1:]
        if not toks or toks[0].dep_ == "mark" or toks[0].pos_ == "SCONJ" or toks[0].tag_ == "VBG":
            return None
        sp = self.span_of(toks)
        if sp is None or len(self.text[sp[0] : sp[1]].split()) < 4:
            return None
        if not re.fullmatch(r"[\s,—–-]*,[\s—–-]*|\s*[—–]\s*", self.text[sp[1] : self.doc[first].idx]):
            return None
        return sp

    def interposed_content(self, tok: Token, exclude: set[int]) -> list[CharSpan]:
        """ "The latest test, the agency said, was its biggest yet": a speaker and cue set off by
        commas inside the clause they report. The parser hangs the cue on that clause's verb;
        the content is the whole clause around the interruption, in two pieces."""
        if tok.dep_ != "parataxis" or tok.head.i <= tok.i or not exclude:
            return []
        own = {t.i for t in tok.subtree}
        lo, hi = min(own), max(own)
        # comma-wrapped (or dash-wrapped) and with the clause's words on both sides
        if lo == 0 or hi + 1 >= len(self.doc):
            return []
        if self.doc[lo].text not in ",—–" and self.doc[lo - 1].text not in ",—–":
            return []
        if self.doc[hi].text not in ",—–" and self.doc[hi + 1].text not in ",—–":
            return []
        # what the cue governs must be only the speaker and punctuation (no reported clause of its own)
        if any(t.i not in exclude and not (t.is_punct or t.is_space) for t in tok.subtree):
            return []
        head = tok.head
        toks = [t for t in head.subtree if t.i not in own]
        before = [t for t in toks if t.i < lo and not t.is_punct]
        after = [t for t in toks if t.i > hi and not t.is_punct]
        if not before or len(after) < 2:
            return []
        a = self.span_of([t for t in toks if t.i < lo])
        b = self.span_of([t for t in toks if t.i > hi])
        return [a, b] if a is not None and b is not None else []

    def quoted_person(self, tok: Token) -> Token | None:
        """The object of a quoting verb that names who is quoted: a person or a personal pronoun."""
        if tok.lemma_.lower() not in _QUOTING:
            return None
        # "quoted the minister as saying": whoever is quoted "as saying" is the speaker
        as_saying = any(c.lower_ == "as" and any(g.lower_ in _AS_SAYING for g in c.children) for c in tok.children)
        for c in tok.children:
            if c.dep_ in ("dobj", "obj") and (
                as_saying or c.lower_ in _QUOTED_PRONOUNS or c.ent_type_ in ("PERSON", "PER")
            ):
                return c
        return None

    def partial_quote(self, cue: Token, qs: int, qe: int) -> bool:
        """ "заявил, что республика «не экспортирует оружие»": the quotation is only the end of
        the reported clause, whose own words before it belong to the content too."""
        for c in cue.children:
            if c.dep_ not in CONTENT_CLAUSE or c.i < cue.i:
                continue
            lo, hi = c.left_edge, c.right_edge
            # the quotation opens inside the clause; its closing mark and the full stop often
            # hang on the cue instead ("reports that ... to “keep it quiet.”")
            if not (lo.idx < qs < hi.idx + len(hi)):
                continue
            # words of the clause outside the quotation, before or after it
            if any(
                not (t.is_punct or t.is_space or t.dep_ == "mark" or t.lower_ in ("that", "что"))
                for t in self.doc[lo.i : hi.i + 1]
                if t.idx < qs or t.idx >= qe
            ):
                return True
        # "condemned the test as “provocative”", "compared him to a coach who is “working the
        # referees”": a quotation opening inside the cue's object or complement, after words of
        # it, is a phrase of that object, not what was said
        for c in cue.children:
            if c.i < cue.i or c.dep_ not in _QUOTE_HOSTS:
                continue
            lo, hi = c.left_edge, c.right_edge
            if not (lo.idx < qs < hi.idx + len(hi)):
                continue
            if any(t.is_alpha and t.idx < qs for t in self.doc[lo.i : hi.i + 1]):
                return True
        return False

    def stray_conj(self, tok: Token) -> bool:
        """A speech verb without a subject that the parser conjoined into the clause reported
        by another speech verb ("said that X was safe and added that ...")."""
        if tok.dep_ != "conj" or tok.head.head.i == tok.head.i or any(c.dep_ in SUBJ for c in tok.children):
            return False
        head = tok.head
        embedded = head.dep_ in CONTENT_CLAUSE or any(
            c.dep_ == "mark" and c.lower_ in ("that", "что") for c in head.children
        )
        # it must report something itself: "and would reply next week" is not speech
        if not embedded or self.cue_act(tok) is None or not any(c.dep_ in CONTENT_CLAUSE for c in tok.children):
            return False
        # "said that the minister resigned and denied ...": a person or body in the clause can
        # be the one who denied; "the bridge", "the aircraft" cannot
        subj = next((c for c in head.children if c.dep_ in SUBJ), None)
        return subj is None or not (subj.ent_type_ == "PERSON" or subj.lower_ in _PERSONAL)

    def has_clause(self, tok: Token) -> bool:
        return any(c.dep_ in CONTENT_CLAUSE for c in tok.children)

    # -- Russian-only readings ---------------------------------------------------------
    def ru_according(self, tok: Token) -> bool:
        """Russian "according to": "по словам X", "по данным X", "по мнению X", "согласно отчёту X"."""
        if self.cfg.lang != "ru" or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if _has_case(tok, "согласно"):
            return True
        return tok.lemma_.lower() in lexicon.ACCORDING_NOUNS_RU and _has_case(tok, "по")

    def ru_stray_conj(self, tok: Token) -> bool:
        """"признал, что видео было смонтировано, и извинился": natasha hangs the second speech
        verb on the reported clause. Russian verbs agree with their subject in number (and, in
        the past tense, gender): when the clause's subject disagrees with the verb, the verb is
        not the clause's and shares the subject of the speech verb above."""
        if self.cfg.lang != "ru" or tok.dep_ != "conj" or any(c.dep_ in SUBJ for c in tok.children):
            return False
        head = tok.head
        if head.dep_ not in CONTENT_CLAUSE or head.head.i == head.i or self.cue_act(head.head) is None:
            return False
        subj = next((c for c in head.children if c.dep_ in SUBJ), None)
        return subj is not None and not _ru_agrees(tok, subj)

    def ru_reported_clause(self, tok: Token, exclude: set[int]) -> list[CharSpan]:
        """Russian news idioms where the reported clause is not the cue's complement:
        "Как заявил X, учения пройдут ..." / "Учения, как заявил X, пройдут ..." (the clause the
        "как" clause is attached to, on both sides of it), and "... . Об этом сообщил X" (the
        sentence before, in the same paragraph)."""
        if self.cfg.lang != "ru":
            return []
        if any(c.dep_ == "mark" and c.lower_ == "как" for c in tok.children) and tok.head.i != tok.i:
            own = {t.i for t in tok.subtree} | exclude
            lo, hi = min(t.i for t in tok.subtree), max(t.i for t in tok.subtree)
            rest = [t for t in tok.head.subtree if t.i not in own and not t.is_space]
            parts = [self.span_of([t for t in rest if t.i < lo]), self.span_of([t for t in rest if t.i > hi])]
            return [sp for sp in parts if sp is not None and len(_WORD_RUN.findall(self.text[sp[0] : sp[1]])) >= 2]
        about = next(
            (c for c in tok.children if c.lemma_.lower() == "это" and _case(c) in ("о", "об") and c.i < tok.i), None
        )
        if about is None or tok.sent.start == 0:
            return []
        prev = self.doc[tok.sent.start - 1].sent
        words = [t for t in prev if not t.is_space]
        first = next((t for t in tok.sent if not t.is_space), tok)
        if not words or "\n" in self.text[words[-1].idx : first.idx] or self.quote_at(words[0].idx) is not None:
            return []  # another paragraph; a quotation before "об этом" has its own reading
        sp = self.span_of(words)
        return [sp] if sp is not None else []

    def indirect_content(self, tok: Token, act: str, exclude: set[int]) -> CharSpan | None:
        lemma = tok.lemma_.lower()
        named = self.naming(tok) if lemma in _NAMING else None
        if named is not None:
            obj, complement = named
            toks = sorted(
                {*obj.subtree, *complement.subtree} - {t for t in obj.subtree if t.i > complement.right_edge.i},
                key=lambda t: t.i,
            )
            return self.span_of([t for t in toks if t.i not in exclude])
        own = self.clauses(tok)
        clause = [c for c in own if c.i not in exclude and c.i > tok.i]
        if not clause:
            clause = [c for c in own if c.i not in exclude]
        objs = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative", "iobj") and c.i not in exclude]
        if clause:
            parts = list(clause)
            if act in ("appeal", "recommend") or lemma in ("urge", "ask", "call", "warn", "advise"):
                # "urged the court to act": the addressee belongs to what was asked
                parts += [c for c in tok.children if c.i not in exclude and c.dep_ in ("dobj", "obj", "prep", "iobj")]
                # "called on the government to act": the particle is the cue, its object is asked
                parts += [
                    g for c in tok.children if c.i in exclude and c.i != tok.i for g in c.children if g.dep_ == "pobj"
                ]
                parts = [p for p in parts if p.i > tok.i or p in clause]
            toks: list[Token] = []
            stray = {t.i for p in parts for t in p.subtree if self.stray_conj(t) for t in t.subtree}
            for p in parts:
                toks.extend(t for t in p.subtree if t.i not in stray)
            toks.extend(t for k in self.content_conjuncts(tok, clause, exclude) for t in k.subtree)
            if lemma in ("tell", "inform", "assure", "сказать", "сообщить") and act not in ("appeal", "recommend"):
                toks = [t for t in toks if t.i >= min(c.left_edge.i for c in clause)]
            return self.span_of(sorted(set(toks), key=lambda t: t.i))
        if not objs:
            # "have not said when they would vote", "asked whether it was safe": the parser
            # often makes a wh-clause after the cue an adverbial one; it is what was said
            for c in tok.children:
                if c.dep_ != "advcl" or c.i < tok.i or c.i in exclude:
                    continue
                first = c.left_edge
                # "when"/"if" open conditions and times as often; only verbs of asking and
                # telling take them as what is said
                if first.lower_ in ("when", "if") and lemma not in _WH_VERBS:
                    continue
                if first.lower_ in _WH and first.i > tok.i and all(t.i not in exclude for t in c.subtree):
                    return self.span_of(list(c.subtree))
        fronted = self.fronted_content(tok, exclude)
        if fronted is not None and not objs:
            return fronted
        if lemma in _REFUSALS and not objs:
            # "отказались от комментариев": what a refusal turns down is its content
            # only words are turned down here: "отказаться от поездок" reports no speech
            turned = [
                c
                for c in tok.children
                if c.i > tok.i and c.i not in exclude and _case(c) == "от" and c.lemma_.lower().startswith(_WORDS_RU)
            ]
            if turned:
                return self.span_of(list(turned[0].subtree))
        if lemma in ("respond", "reply") and any(c.dep_ == "neg" for c in tok.children):
            # "did not respond to requests for comment": a non-answer is on the record too
            asked = [
                c
                for c in tok.children
                if c.dep_ == "prep"
                and c.lower_ == "to"
                and c.i not in exclude
                and any(g.dep_ == "pobj" and g.lemma_.lower() in _REQUESTS for g in c.children)
            ]
            if asked:
                return self.span_of(list(asked[0].subtree))
        if lemma in self.cfg.needs_clause:
            return None
        passive_subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj:pass") and c.i not in exclude]
        if passive_subj and not objs and any(c.dep_ == "agent" for c in tok.children):
            # "The claim was denied by the ministry": what was denied is the passive subject
            return self.span_of(list(passive_subj[0].subtree))
        if objs and (act not in ("claim",) or lemma in ("accuse", "charge", "allege", "обвинить", "обвинять")):
            toks = []
            for o in objs:
                toks.extend(o.subtree)
            # "accused X of Y", "dismissed X as Y": the charge or the verdict is the content too
            for c in tok.children:
                if c.dep_ in ("prep", "obl") and c.i not in exclude and c.i > tok.i:
                    # "criticized the law as a crazy system | during a campaign stop": when and where
                    # it was said is the occasion, not what was said
                    if c.lower_ in _OCCASION:
                        continue
                    if c.lower_ in ("of", "as", "в") or act != "claim":
                        toks.extend(c.subtree)
            return self.span_of(sorted(set(toks), key=lambda t: t.i))
        if act in ("appeal", "recommend", "retract", "deny", "confirm"):
            parts = [
                c
                for c in tok.children
                if c.i not in exclude and c.i > tok.i and c.dep_ in ("prep", "obl", "advcl") and not _is_time_phrase(c)
            ]
            if parts:
                toks = []
                for p in parts:
                    toks.extend(p.subtree)
                return self.span_of(sorted(set(toks), key=lambda t: t.i))
        return None

    def content_conjuncts(self, tok: Token, clause: list[Token], exclude: set[int]) -> list[Token]:
        """ "wants to cut taxes, raise wages and build roads": the parser conjoins the later
        verbs to the cue, but their form is the reported clause's ("cut"), not the cue's
        ("wants"), and they have no subject of their own: they continue the content."""
        last = clause[-1]
        if last.dep_ != "xcomp":
            return []
        out = []
        for k in tok.children:
            if k.dep_ != "conj" or k.i <= last.right_edge.i or k.i in exclude:
                continue
            if k.tag_ != last.tag_ or k.tag_ == tok.tag_ or any(c.dep_ in SUBJ for c in k.children):
                continue
            if self.cue_act(k) is not None:
                continue
            out.append(k)
        return out

    def according(self, tok: Token) -> Attribution | None:
        if tok.lower_ == "according":
            preps = [c for c in tok.children if c.lower_ == "to"]
            if not preps:
                return None
            objs = [c for c in preps[0].children if c.dep_ == "pobj"]
            cue_toks = [tok, preps[0]]
        else:
            objs = [c for c in tok.children if c.dep_ in ("nmod", "appos", "flat", "amod", "det")]
            # "по его словам": the possessive pronoun is tagged DET but names the speaker
            objs = [o for o in objs if o.pos_ in ("PROPN", "NOUN", "PRON") or o.lower_ in ("его", "её", "ее", "их")]
            cue_toks = [c for c in tok.children if c.dep_ == "case"] + [tok]
            if _has_case(tok, "согласно"):
                # "согласно отчёту Счётной палаты": the document itself is the source
                objs = [tok]
                cue_toks = [c for c in tok.children if c.dep_ == "case"]
        if not objs:
            return None
        subj = objs[0]
        sp_toks = self.speaker_tokens(subj)
        speaker = self.span_of(sp_toks)
        phrase = {t.i for t in tok.subtree} | {t.i for t in cue_toks}
        sent = tok.sent
        rest = [t for t in sent if t.i not in phrase and not t.is_space]
        # the phrase modifies one clause: take it, not a following sentence-level conjunct
        content = self.span_of(rest)
        if speaker is None or content is None or content[1] - content[0] < 3:
            return None
        cue_span = [(min(t.idx for t in cue_toks), max(t.idx + len(t) for t in cue_toks))]
        return Attribution(
            start=min(speaker[0], cue_span[0][0], content[0]),
            end=max(speaker[1], content[1]),
            act="claim",
            direct=False,
            speaker=speaker,
            cue=cue_span,
            content=[content],
            cue_lemma="according to" if tok.lower_ == "according" else "по словам",
            speaker_token=subj.i,
            source=self.full_source(subj, {t.i for t in cue_toks}),
        )

    def stance(self, tok: Token) -> Attribution | None:
        """ "Graham has been critical of Trump", "Democrats were eager to move on", "He is confident
        that the bill will pass": an adjective of stance after "be" (a counted list, see
        `lexicon.STANCE_ADJECTIVES`) holds its subject's view of what its complement names."""
        if tok.dep_ != "acomp" or tok.head.lemma_ != "be" or tok.lemma_.lower() not in lexicon.STANCE_ADJECTIVES:
            return None
        be = tok.head
        subj = next((c for c in be.children if c.dep_ in ("nsubj",) and c.i < be.i), None)
        if subj is None or subj.lower_ in ("it", "this", "that", "what", "there"):
            return None
        comp: list[Token] = []
        cue_toks = [be, *(c for c in be.children if c.dep_ in ("neg", "aux") and c.i < tok.i), tok]
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                cue_toks.append(c)
                comp = [t for g in c.children if g.dep_ in ("pobj", "pcomp") for t in g.subtree]
                break
            if c.dep_ in ("xcomp", "ccomp"):
                comp = list(c.subtree)
                break
        if not comp:
            return None
        sp_toks = self.speaker_tokens(subj)
        speaker = self.span_of(sp_toks)
        content = self.span_of(comp)
        if speaker is None or content is None or content[1] - content[0] < 3 or _overlaps(content, speaker):
            return None
        if self.cfg.lang == "en":
            content = self.trim_tail(content)
        cue_toks.sort(key=lambda t: t.i)
        cue_span = [(t.idx, t.idx + len(t)) for t in cue_toks]
        return Attribution(
            start=min(speaker[0], cue_span[0][0], content[0]),
            end=max(speaker[1], cue_span[-1][1], content[1]),
            act="other",
            direct=False,
            speaker=speaker,
            cue=cue_span,
            content=[content],
            cue_lemma=tok.lemma_.lower(),
            negated=any(c.dep_ == "neg" for c in be.children),
            speaker_token=subj.i,
            source=self.full_source(subj, {t.i for t in cue_toks} | {t.i for t in comp}),
        )

    def in_poll(self, tok: Token) -> Attribution | None:
        """ "In the latest poll, Clinton leads by five points": a poll or survey named in a fronted
        "in" phrase reports the clause it opens, as "according to" would."""
        if tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX") or tok.i > tok.head.i:
            return None
        objs = [c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in _POLLS]
        if not objs:
            return None
        subj = objs[0]
        sp_toks = self.speaker_tokens(subj)
        speaker = self.span_of(sp_toks)
        # the clause after the phrase ("But in some polls, ...": not the conjunction before it)
        content = self.span_of([t for t in tok.sent if t.i > tok.right_edge.i and not t.is_space])
        if speaker is None or content is None or len(self.text[content[0] : content[1]].split()) < 4:
            return None
        cue_span = [(tok.idx, tok.idx + len(tok))]
        return Attribution(
            start=min(tok.idx, content[0]),
            end=max(speaker[1], content[1]),
            act="claim",
            direct=False,
            speaker=speaker,
            cue=cue_span,
            content=[content],
            cue_lemma="in",
            speaker_token=subj.i,
            source=self.full_source(subj, {tok.i}),
        )

    def noun_attribution(self, tok: Token) -> Attribution | None:
        """ "X's statement that ...", "the words of X about ...", "заявление X о том, что ..."."""
        holder: Token | None = None
        content_toks: list[Token] = []
        for c in tok.children:
            # "its", "my", "our": an institution's or the writer's own plan is seldom a statement
            if c.dep_ in ("poss", "nmod:poss") and c.lower_ not in ("its", "my", "our"):
                holder = holder or c
            elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")]
                if objs and objs[0].lemma_.lower() not in self.cfg.nouns:
                    holder = holder or objs[0]
            elif c.dep_ == "nmod" and c.pos_ in ("PROPN", "NOUN") and _case(c) in ("", None):
                holder = holder or c
            elif c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children):
                for g in c.children:
                    if g.dep_ == "agent":
                        objs = [x for x in g.children if x.dep_ == "pobj"]
                        if objs:
                            holder = holder or objs[0]
                content_toks.extend(
                    t
                    for g in c.children
                    if g.dep_ in ("prep",) and g.lower_ in ("about", "regarding")
                    for t in g.subtree
                )
            if (
                c.dep_ in ("acl", "ccomp", "acl:relcl")
                and any(g.lower_ in ("that", "что") and g.dep_ in ("mark", "dobj", "nsubj", "obj") for g in c.children)
                and c.i > tok.i
            ):
                if any(g.lower_ in ("that", "что") and g.dep_ == "mark" for g in c.children) or c.dep_ == "ccomp":
                    content_toks.extend(c.subtree)
            elif (c.dep_ == "prep" and c.lower_ in ("about", "regarding")) or (c.dep_ == "nmod" and _case(c) == "о"):
                content_toks.extend(c.subtree)
        # "denied the statement of X that ...": the parser hangs the that-clause on the verb
        if holder is not None and not content_toks and tok.dep_ in ("dobj", "obj"):
            for c in tok.head.children:
                if c.dep_ == "ccomp" and c.i > tok.i and any(g.dep_ == "mark" for g in c.children):
                    content_toks.extend(c.subtree)
        # "the statement of X, voiced on DATE, about ...": the about-phrase may hang lower
        if holder is not None and not content_toks:
            for t in tok.subtree:
                if t.dep_ == "prep" and t.lower_ in ("about", "regarding"):
                    content_toks.extend(t.subtree)
                    break
        if holder is None or not content_toks:
            return None
        # "his claim that ...": a possessive pronoun holds the words as a name would (the speaker
        # is resolved like a "he"); other pronouns ("it", "this") name no speaker
        possessive = holder.dep_ in ("poss", "nmod:poss")
        if holder.pos_ == "PRON" and holder.lower_ not in ("him", "her", "them") and not possessive:
            return None
        sp_toks = self.speaker_tokens(holder)
        speaker = self.span_of(sp_toks)
        content = self.span_of(sorted(set(content_toks), key=lambda t: t.i))
        if speaker is None or content is None or _overlaps(content, speaker):
            return None
        if len(self.text[content[0] : content[1]].split()) < 4:
            return None
        exclude = {t.i for t in sp_toks} | {t.i for t in content_toks}
        dates: list[CharSpan] = []
        for c in tok.children:
            if c.dep_ == "acl":
                dates.extend(self.date_spans([c], exclude))
        cue_span = [(tok.idx, tok.idx + len(tok))]
        return Attribution(
            start=min(speaker[0], tok.idx, content[0]),
            end=max(speaker[1], content[1], tok.idx + len(tok)),
            act=self.cfg.nouns.get(tok.lemma_.lower(), "other"),
            direct=False,
            speaker=speaker,
            cue=cue_span,
            content=[content],
            cue_lemma=tok.lemma_.lower(),
            date_spans=dates,
            summary=True,
            speaker_token=holder.i,
            source=self.full_source(holder, {tok.i} | {t.i for t in content_toks}),
        )

    def credited_quotes(self, found: list[Attribution]) -> list[Attribution]:
        """ "“We need new schools.” ― Jane Roe": a quotation credited with a dash and a bare name
        to the end of its line (reader comments, pull quotes, epigraphs). Read from the text,
        not the quote finder: such lists often open a quotation with the wrong mark."""
        if self.cfg.lang != "en":
            return []
        taken = [sp for a in found for sp in a.content]
        out: list[Attribution] = []
        for m in _CREDIT.finditer(self.text):
            qs, qe = m.span("quote")
            if any(a < qe and qs < b for a, b in taken):
                continue
            name_span = self.doc.char_span(*m.span("name"), alignment_mode="expand")
            if name_span is None or not any(t.ent_type_ in ("PERSON", "ORG", "NORP") for t in name_span):
                # a capitalised phrase that the tagger does not call a name may be a title or a place
                if name_span is None or not all(t.pos_ == "PROPN" or t.is_punct for t in name_span):
                    continue
            content = inner(self.text, (qs, qe))
            if len(self.text[content[0] : content[1]].split()) < 3:
                continue
            speaker = m.span("name")
            if self.text[speaker[1] - 1] == "." and not re.search(r"\b\w\.$", self.text[speaker[0] : speaker[1]]):
                speaker = (speaker[0], speaker[1] - 1)  # the full stop, not an initial
            k = self.quote_at(qs) if self.quote_at(qs) is not None else self.quote_at(content[0])
            if k is not None:
                self.used_quotes.add(k)
            att = Attribution(
                start=qs,
                end=speaker[1],
                act="claim",
                direct=True,
                speaker=speaker,
                cue=[m.span("dash")],
                content=[content],
                cue_lemma="―",
                speaker_token=name_span[-1].i if not name_span[-1].is_punct else name_span[0].i,
            )
            att.act = refine_act(self.doc, att, self.cfg.lang)
            out.append(att)
        return out

    def orphan_quotes(self, found: list[Attribution]) -> list[Attribution]:
        """A quotation standing alone continues the speech of the attribution just before it. It is a
        statement of its own (its record here) and part of that attribution's content (its
        `continuation`), as annotators count a speech that runs over several quotations."""
        out: list[Attribution] = []
        ordered = sorted((a for a in found if not a.nested), key=lambda a: a.end)
        ends = [a.end for a in ordered]
        for k, (qs, qe) in enumerate(self.quotes):
            if k in self.used_quotes or len(self.text[qs:qe].split()) < 5:
                continue
            if any(a.content and a.content[0][0] <= qs < a.content[-1][1] for a in found):
                continue
            span = self.doc.char_span(qs, qe, alignment_mode="expand")
            if span is None:
                continue
            # the quotation must be (nearly) a sentence of its own, not a phrase within one
            sent_toks = [t for s in {t.sent.start: t.sent for t in span}.values() for t in s]
            words_out = [t for t in sent_toks if not t.is_punct and not t.is_space and not qs <= t.idx < qe]
            if len(words_out) > 2:
                continue
            j = bisect.bisect_right(ends, qs) - 1
            if j < 0:
                continue
            prev = ordered[j]
            between = self.text[prev.end : qs]
            if len(between) > 600 or between.count("\n\n") > 1 or prev.speaker is None:
                continue
            content = inner(self.text, (qs, qe))
            att = Attribution(
                start=min(qs, prev.speaker[0]),
                end=max(qe, prev.speaker[1]),
                act="claim",
                direct=True,
                speaker=prev.speaker,
                cue=[],
                content=[content],
                cue_lemma="",
                channel=prev.channel,
                date_spans=list(prev.date_spans),
                speaker_token=prev.speaker_token,
            )
            att.act = refine_act(self.doc, att, self.cfg.lang)
            self.used_quotes.add(k)
            out.append(att)
            if content not in prev.continuation:
                prev.continuation.append(content)
        return out

    def split_quotes(self, found: list[Attribution]) -> list[Attribution]:
        """A long quotation whose sentences do different things (a correction, then an
        appeal) is several statements; consecutive sentences with the same act stay one."""
        out: list[Attribution] = []
        for a in found:
            if not a.direct or not a.content:
                out.append(a)
                continue
            cs, ce = a.content[0]
            span = self.doc.char_span(cs, ce, alignment_mode="expand")
            sents = list(span.sents) if span is not None else []
            if len(sents) < 2:
                out.append(a)
                continue
            pieces: list[tuple[str, int, int]] = []
            for s in sents:
                ss, se = max(s.start_char, cs), min(s.end_char, ce)
                probe = Attribution(start=ss, end=se, act="claim", direct=True, speaker=a.speaker, content=[(ss, se)])
                act = refine_act(self.doc, probe, self.cfg.lang)
                if pieces and pieces[-1][0] == act:
                    pieces[-1] = (act, pieces[-1][1], se)
                else:
                    pieces.append((act, ss, se))
            if len(pieces) == 1 or all(p[0] == "claim" for p in pieces):
                out.append(a)
                continue
            for act, ss, se in pieces:
                sp = self.span_of(list(self.doc.char_span(ss, se, alignment_mode="expand") or []))
                if sp is None:
                    continue
                parts = [sp, *(a.cue or []), *([a.speaker] if a.speaker else [])]
                if act == "claim" and a.act != "claim" and len(pieces) == 1:
                    act = a.act
                out.append(
                    Attribution(
                        start=min(p[0] for p in parts),
                        end=max(p[1] for p in parts),
                        act=act,
                        direct=True,
                        speaker=a.speaker,
                        cue=list(a.cue),
                        content=[sp],
                        cue_lemma=a.cue_lemma,
                        channel=a.channel,
                        date_spans=list(a.date_spans),
                        negated=a.negated,
                        speaker_token=a.speaker_token,
                        source=a.source,
                    )
                )
        return out


def refine_act(doc: Doc, att: Attribution, lang: str) -> str:
    """The act after reading the content: "said: 'we refute ...'" is a denial, "I meant X,
    not Y" a retraction, "I would like them to investigate" an appeal; a negated cue
    ("did not deny") performs no act of its own."""
    act = att.act
    if att.negated:
        return "other"
    if att.cue_lemma in _REFUSALS and att.content:
        # "отказался от своих слов": renouncing one's words takes them back; a refusal of
        # comment ("от комментариев") stays a non-answer
        cs, ce = att.content[0]
        if _RENOUNCED.match(doc_index.text(doc)[cs:ce].lower()):
            return "retract"
    if att.cue_lemma in _WITHDRAWING and att.content:
        # "withdrew his claim", "dropped the allegation": taking back words, not troops
        span = doc.char_span(*att.content[0], alignment_mode="expand")
        if span is not None and len(span) and span.root.lemma_.lower() in _SPEECH_NOUNS:
            return "retract"
    if act == "other" or not att.content:
        return act
    cs, ce = att.content[0]
    span = doc.char_span(cs, ce, alignment_mode="expand")
    if span is None:
        return act
    low = span.text.lower()
    words = {t.lower_ for t in span}
    first_subj = [t for t in span if t.dep_ in SUBJ and t.lower_ in lexicon.FIRST_PERSON]
    first_verbs = {t.head for t in first_subj}
    verb_lemmas = {v.lemma_.lower() for v in first_verbs}
    cue_neg = False
    # a correction of one's own words
    if words & lexicon.RETRACT_MARKERS or any(p in low for p in lexicon.RETRACT_PHRASES):
        return "retract"
    for v in first_verbs:
        if v.lemma_.lower() in ("mean", "иметь") and (
            any(c.dep_ == "neg" or c.lower_ in ("не", "not") for c in v.children)
            or re.search(r"\b(not|instead of|rather than|а не)\b", span.text[v.idx - span.start_char :].lower())
        ):
            return "retract"
    if act in ("retract",):
        return act
    if verb_lemmas & {"refute", "deny", "reject", "dismiss", "опровергать", "опровергнуть", "отрицать", "отвергать"}:
        return "deny"
    if verb_lemmas & {"discourage", "recommend", "advise", "warn", "рекомендовать", "советовать", "предупреждать"}:
        return "recommend"
    for v in first_verbs:
        lemma = v.lemma_.lower()
        if lemma not in _APPEAL_VERBS:
            continue
        # "I asked what is being built" reports a question; "I ask them to stop" is an appeal.
        # "I called him a liar" is no appeal either; "I call on them to ..." is.
        if lemma in ("ask", "call") and not any(
            (lemma == "ask" and c.dep_ in ("xcomp", "dobj", "obj"))
            or (c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon"))
            for c in v.children
        ):
            continue
        return "appeal"
    for v in first_verbs:
        sub = list(v.subtree)
        # "I would like the ministry to say so": the one asked is named as v's object or
        # as the subject of the clause v governs.
        asked = [c for c in v.children if c.dep_ in ("dobj", "obj", "iobj") and c.lower_ not in lexicon.FIRST_PERSON]
        asked += [
            g
            for c in v.children
            if c.dep_ in ("xcomp", "ccomp")
            for g in c.children
            if g.dep_ in SUBJ and g.lower_ not in lexicon.FIRST_PERSON
        ]
        # "I would like the council to investigate": someone else is asked to act
        if (
            v.lemma_.lower() in ("like", "want", "wish", "хотеть", "хотеться")
            and any(
                t.dep_ in ("nsubj", "dobj", "obj", "pobj", "iobj") and t.lower_ not in lexicon.FIRST_PERSON
                for t in sub
                if t.i != v.i and t.head.i in (v.i, *(c.i for c in v.children))
            )
            and any(t.pos_ == "VERB" and t.i != v.i for t in sub)
            # "I want to repeat that ...": the speaker's own speech, not a request to others
            and (asked or not any(c.dep_ == "xcomp" and c.lemma_.lower() in _SPEECH for c in v.children))
        ):
            if any(t.lower_ in ("would", "бы") for t in v.children) or v.lemma_.lower() in ("want", "хотеть"):
                return "appeal"
    if act == "claim":
        root = span.root
        if not first_subj and any(_advice_modal(t) and (t.head == root or t == root) for t in span):
            return "recommend"
        negated_root = any(c.dep_ == "neg" or c.lower_ in ("не", "not") for c in root.children) or any(
            t.lower_ in lexicon.NEGATING_WORDS
            for c in root.children
            if c.dep_ not in ("advcl", "ccomp", "conj", "parataxis")
            for t in (c, *c.children)
        )
        if negated_root and root.lemma_.lower() in lexicon.NO_COMMENT_LEMMAS:
            # "it does not comment on the end users of its customers": a refusal, not a claim
            return "other"
        subj = next((c for c in root.children if c.dep_ in SUBJ), None)
        if subj is not None and subj.lemma_.lower() in _SPEECH_NOUNS:
            # "said the allegations were false", "заявили, что сообщения не соответствуют
            # действительности": calling what others said untrue denies it
            rest = [t for c in root.children if c.dep_ not in SUBJ for t in c.subtree]
            said = {w for t in rest for w in (t.lower_, t.lemma_.lower())}
            said |= {root.lower_, root.lemma_.lower()}
            if lexicon.DENIAL_PHRASES.search(span.text) or (not negated_root and said & lexicon.DENIAL_MARKERS):
                return "deny"
        performed = _performative(root, lang)
        if performed is not None and not negated_root:
            return performed
        if _imperative(root, span):
            return "appeal"
        if negated_root or cue_neg:
            sent_words = {t.lower_ for s in {t.sent.start: t.sent for t in span}.values() for t in s}
            outside = {t.lower_ for t in doc[span.sent.start : span.sent.end] if not cs <= t.idx < ce}
            if (
                outside | (sent_words if att.direct else set())
            ) & lexicon.DENIAL_MARKERS and outside & lexicon.DENIAL_MARKERS:
                return "deny"
    return act


def _performative(root: Token, lang: str) -> str | None:
    """ "said Aurelia strongly discourages any government from ...": a body's present-tense
    denial, advice or appeal, relayed by its spokesperson, is that act; a past tense
    ("said the ministry had denied it") only reports an earlier one."""
    act = lexicon.VERB_CUES.get(lang, {}).get(root.lemma_.lower())
    if act not in ("deny", "recommend", "appeal"):
        return None
    if not any(c.dep_ in SUBJ for c in root.children):
        return None
    if lang == "en":
        present = root.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in root.children)
    else:
        present = "Pres" in root.morph.get("Tense") and "Fin" in root.morph.get("VerbForm", ["Fin"])
    return act if present else None


def _imperative(root: Token, span: Span) -> bool:
    """ "Let the inspectors come tomorrow", "Пришлите экспертов": a command to others."""
    if root.i != span.start and not all(t.is_punct or t.dep_ in ("advcl", "mark") for t in span[: root.i - span.start]):
        # something other than an if-clause stands before the verb: not a bare command
        if not any(c.dep_ == "advcl" and c.i < root.i for c in root.children):
            return False
    if any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    if "Imp" in root.morph.get("Mood"):
        return not any(c.lower_ in lexicon.FIRST_PERSON | {"me", "us"} for c in root.children)
    if root.tag_ != "VB":
        return False
    # "let me say it again" speaks for oneself
    return not any(c.lower_ in ("me", "us") for c in root.children)


def _advice_modal(tok: Token) -> bool:
    """ "should", "следует", and the conditional "стоило бы" / "следовало бы" (it would be worth)."""
    if tok.lower_ in lexicon.MODAL_ADVICE:
        return True
    return tok.lemma_.lower() in ("стоить", "следовать") and any(c.lower_ == "бы" for c in tok.children)


def _title_and_lede(text: str) -> tuple[int, int]:
    """End of the headline (0 if the first line is not one) and end of the first body paragraph."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    first_nl = stripped.find("\n")
    title_end = 0
    body_start = offset
    if first_nl > 0:
        line = stripped[:first_nl].strip()
        words = line.split()
        if 2 <= len(words) <= 30 and not line.endswith((".", ":", ";")):
            title_end = offset + first_nl
            body_start = title_end
    rest = text[body_start:]
    lead_ws = len(rest) - len(rest.lstrip())
    para = re.search(r"\n\s*\n", rest[lead_ws:])
    lede_end = body_start + lead_ws + (para.start() if para else len(rest) - lead_ws)
    return title_end, lede_end


# a quotation, a dash and a name ending the line: "“...” ― Jane Q. Roe"
_CREDIT = re.compile(
    # [^\S\n]: any space but a line break, the no-break space of web copy included
    r"(?m)^[^\S\n]*(?P<quote>[\"“”][^\n]{10,}?[\"“”])[^\S\n]*(?P<dash>―|—|–|--)[^\S\n]*"
    r"(?P<name>[A-Z][\w'’.-]*(?:[^\S\n]+(?:[A-Z][\w'’.-]*|de|del|la|van|von|da)){0,5}?)[^\S\n]*$"
)
# page furniture before a colon, not a speaker: "UPDATE:", "WATCH:", "Q:"
_TURN_LABELS = set(
    "note update updated breaking editor correction clarification video watch photo photos read related more "
    "exclusive live warning source sources advertisement q a opinion analysis listen".split()
)
_TURN_SOURCES = {"poll", "survey", "study", "report"}
_NAMING = {"call", "describe", "label", "brand", "term", "characterize", "characterise", "назвать", "называть"}
_PERSONAL = {"he", "she", "they", "он", "она", "они"}
_APPEAL_VERBS = {
    "urge",
    "call",
    "appeal",
    "ask",
    "demand",
    "призывать",
    "призвать",
    "просить",
    "попросить",
    "требовать",
}
# verbs of mind and desire: with a plain object ("wants a tractor") they report no statement
_MINDING = lexicon.BELIEF_CUES | set("want like enjoy intend plan attempt read see consider regard".split())
# what a fronted "in" phrase may cite as the source of its clause ("In the poll, ...")
_POLLS = {"poll", "survey", "study"}
_OCCASION = {"during", "at"}
_RELATIVES = {"which", "who", "whom", "whose", "where"}
# ", although he refused to ...": a comma-led concession at the end is the writer's aside
_CONCESSIVE = {"although", "though", "whereas", "while"}
_PARTICIPLE_DEPS = {"advcl", "acl", "xcomp", "conj"}
_WH = {"what", "how", "whether", "why", "when", "where", "who", "which", "if"}
_WH_VERBS = {"say", "ask", "know", "decide", "wonder", "explain", "tell", "see", "disclose", "reveal", "indicate"}
_SPEECH = {"say", "repeat", "stress", "emphasize", "emphasise", "note", "add", "tell", "ask", "сказать", "повторить"}


def _is_time_phrase(tok: Token) -> bool:
    """ "on Sunday", "в воскресенье", "last week": a modifier made of a date or time only."""
    if tok.dep_ not in ("prep", "npadvmod", "nmod", "obl", "nmod:tmod", "obl:tmod", "advmod"):
        return False
    words = [t for t in tok.subtree if t.is_alpha or t.like_num]
    content = [t for t in words if not (t.dep_ in ("case", "det") or t.pos_ in ("ADP", "DET"))]
    return bool(content) and all(t.ent_type_ in ("DATE", "TIME") for t in content)


def _until(toks: list[Token], stop: set[int]) -> list[Token]:
    """The leading run of `toks` before any token in `stop` (a channel must not swallow the speaker)."""
    out: list[Token] = []
    for t in toks:
        if t.i in stop:
            break
        out.append(t)
    while out and out[-1].is_punct:
        out.pop()
    return out


def _according_as_channel(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """ "..., the spokesman said, according to Eurasianet": the outlet is the channel of the
    spokesman's statement, not a speaker of the whole sentence. Only when the phrase modifies
    that speech verb: in "по словам X, ответ составлен аккуратно: ведомство отрицает ..." the
    inner verb is part of what X said."""
    drop: set[int] = set()
    for k, a in enumerate(found):
        if a.cue_lemma not in ("according to", "по словам") or not a.content or a.speaker is None or not a.cue:
            continue
        phrase = doc.char_span(*a.cue[0], alignment_mode="expand")
        if phrase is None:
            continue
        attached = phrase.root.head
        cs, ce = a.content[0]
        for b in found:
            if b is a or not b.cue or b.cue_lemma in ("according to", "по словам"):
                continue
            if b.act == "other":
                # "officers saw X, according to police": a verb that reports no speech ("saw",
                # "plans") is part of what the source said, not a statement it relays
                continue
            cue_tok = doc.char_span(*b.cue[0], alignment_mode="expand")
            if cue_tok is None:
                continue
            below = b.cue[0][0] <= attached.idx < b.cue[0][1] or any(t.i == cue_tok.root.i for t in attached.ancestors)
            if not below:
                continue
            if cs <= b.cue[0][0] < ce:
                if b.channel is None:
                    b.channel = (a.cue[0][0], a.speaker[1])
                drop.add(k)
                break
    return [a for k, a in enumerate(found) if k not in drop]


# the modifiers a content may be cut before, and the phrases it may run on over
_QUOTING = {"quote", "цитировать", "процитировать"}
# what a cue may carry and still report nothing of its own ("as police have said on Friday")
_BARE_CUE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "mark", "advmod", "neg", "punct", "npadvmod"}
# the rest of a cue's line when it hands over to a block: "added:", "said in a statement:"
_COLON_LINE = re.compile(r"[^\S\n]*(?:[^\W\d][\w’'.-]*[^\S\n]+){0,5}?[^\S\n]*:[^\S\n]*\n\s*")
# verbs of talking whose topic follows "about"/"of"/"on"
_TALKING = set(
    "speak talk write testify comment complain joke boast brag ask tweet post rant muse remark inquire "
    "speculate lecture reminisce warn".split()
)
_REFUSALS = {"отказаться", "отказываться"}
# stems of Russian words for what was said: renouncing them takes them back ("отказался от своих
# слов"); refusing them, or comment and interviews, is a non-answer ("отказались от комментариев")
_SAID_RU = ("слов", "заявлени", "утверждени", "высказывани", "обвинени")
_WORDS_RU = ("комментари", "ответ", "интервью", *_SAID_RU)
_REQUESTS = {"request", "question", "inquiry", "enquiry", "call", "email", "message", "query"}
_WITHDRAWING = {"withdraw", "drop", "abandon", "retract", "отозвать", "отзывать"}
# what was said, as a thing: what is taken back ("withdrew his claim") or called untrue ("the
# allegations are false")
_SPEECH_NOUNS = {
    *lexicon.NOUN_CUES["en"],
    *lexicon.NOUN_CUES["ru"],
    *"remark allegation accusation assertion report rumour rumor story suggestion".split(),
    *"сообщение слух публикация данные информация".split(),
}
_RENOUNCED = re.compile(r"от\s+(?:\w+\s+){0,2}(?:" + "|".join(_SAID_RU) + ")")
_QUOTED_PRONOUNS = {"him", "her", "them", "его", "её", "ее", "их"}
_AS_SAYING = {"as", "saying", "telling", "writing"}
_QUOTE_HOSTS = {"dobj", "obj", "prep", "obl", "attr", "oprd", "acomp"}
_TRIM_DEPS = {"relcl", "acl", "prep", "advcl", "conj", "npadvmod", "parataxis", "appos", "cc"}
_EXTEND_DEPS = {"conj", "parataxis", "prep", "advcl", "npadvmod", "ccomp", "dobj", "xcomp"}


def _bucket(n: int) -> str:
    for edge in (1, 2, 3, 5, 8, 13, 21, 34):
        if n <= edge:
            return str(edge)
    return "many"


def _head_token(doc: Doc, sp: CharSpan) -> Token | None:
    span = doc.char_span(*sp, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def triple_features(
    doc: Doc,
    text: str,
    att: Attribution,
    index: cues.QuoteIndex,
    cue_model: cues.CueModel | None,
    context: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """Feature names of one candidate attribution for `cues.AttributionScorer`: how it was found,
    its cue token (the cue scorer's own features and score), and the shape of its source and
    content phrases; `context` is its place among the other candidates (`triage_context`). The
    same function serves training (bench/train_attribution.py) and use."""
    out = [f"o={att.origin}", f"a={att.act}", f"oa={att.origin}|{att.act}", "dir" if att.direct else "ind"]
    if att.negated:
        out.append("neg")
    if att.nested:
        out.append("nested")
    if att.continuation:
        out.append("continued")
    if "\n" not in text[: att.start]:
        out.append("headline")
    cue_tok = None
    if att.cue:
        span = doc.char_span(att.cue[0][0], att.cue[0][1], alignment_mode="expand")
        cue_tok = span[0] if span is not None and len(span) else None
    lemma = cue_tok.lemma_.lower() if cue_tok is not None else "-"
    out.append(f"ncue={min(3, len(att.cue))}")
    if cue_tok is not None:
        out.extend(f"c:{f}" for f in cues.token_features(cue_tok, index))
        if cue_model is not None and cues.is_candidate(cue_tok):
            out.append(f"cs={int(10 * cue_model.score(cue_tok, index))}")
    # the content
    cwords = sum(len(_WORD_RUN.findall(text[a:b])) for a, b in [*att.content, *att.continuation])
    out.append(f"cw={_bucket(cwords)}")
    out.append(f"oa_cw={att.origin}|{_bucket(cwords)}")
    if att.content:
        cs, ce = att.content[0]
        root = _head_token(doc, (cs, ce))
        if cue_tok is not None:
            out.append("c_after" if cs >= att.cue[0][1] else "c_before")
        if root is not None:
            rel = "child" if cue_tok is not None and root.head.i == cue_tok.i else "far"
            out.append(f"cr={root.dep_}|{rel}")
            out.append(f"crp={root.pos_}")
            out.append(f"l_cr={lemma}|{root.dep_}")
            first = doc.char_span(cs, ce, alignment_mode="expand")
            if first is not None and len(first):
                f0 = first[0]
                out.append(f"cf={f0.lower_ if f0.is_stop else f0.pos_}")
                last = first[-1]
                out.append(f"cl={last.text if last.is_punct else last.pos_}")
                sent = root.sent
                if first.end >= sent.end - 1:
                    out.append("c_to_end")
                if any(t.pos_ in ("VERB", "AUX") for t in first):
                    out.append("c_verb")
                if any(t.dep_ in SUBJ for t in first):
                    out.append("c_subj")
        quoted = index.inside(cs) or text[max(0, cs - 1) : cs] in "\"“‘'"
        out.append("c_quoted" if quoted else "c_plain")
    # the source
    if att.speaker_token is not None and att.speaker_token < len(doc):
        st = doc[att.speaker_token]
        kind = st.ent_type_ or st.pos_
        out.append(f"se={kind}")
        out.append(f"l_se={lemma}|{kind}")
        if st.pos_ in ("PRON", "DET") or st.lower_ in ("who", "which", "that"):
            out.append(f"sw={st.lower_}")
        else:
            out.append(f"sl={st.lemma_.lower()}" if st.pos_ == "NOUN" else "sl=_")
        src = att.source or att.speaker
        if src is not None:
            out.append(f"swn={_bucket(len(_WORD_RUN.findall(text[src[0] : src[1]])))}")
            if cue_tok is not None:
                out.append("s_before" if src[1] <= att.cue[0][0] else "s_after")
                gap = abs(cue_tok.i - st.i)
                out.append(f"sd={_bucket(gap)}")
    out.extend(_shape_features(doc, att, cue_tok, lemma, cwords))
    out.extend(context)
    return out


def _shape_features(doc: Doc, att: Attribution, cue_tok: Token | None, lemma: str, cwords: int) -> list[str]:
    """The cue lemma crossed with how it was found and the shape of its reading (a verb
    annotators credit with a clause may be noise with a noun phrase), and where things sit: the
    cue in its sentence and paragraph, the content's distance from the cue and its share of the
    sentence, the order of source, cue and content."""
    out: list[str] = []
    d = "dir" if att.direct else "ind"
    out.append(f"l_o={lemma}|{att.origin}")
    out.append(f"l_d={lemma}|{d}")
    out.append(f"l_cw={lemma}|{_bucket(cwords)}")
    kind = "-"
    if att.speaker_token is not None and att.speaker_token < len(doc):
        st = doc[att.speaker_token]
        kind = st.ent_type_ or st.pos_
    out.append(f"o_se={att.origin}|{kind}")
    if cue_tok is not None:
        sent = cue_tok.sent
        out.append(f"cpos={_bucket(cue_tok.i - sent.start)}")
        out.append(f"cdep={att.origin}|{cue_tok.dep_}")
        if cue_tok.head.i == cue_tok.i:
            out.append("cue_root")
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue_tok.children):
            out.append("cue_modal")
        if sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws:
            out.append("para_first")
    if att.content and cue_tok is not None:
        cs, ce = att.content[0]
        span = doc.char_span(cs, ce, alignment_mode="expand")
        if span is not None and len(span):
            gap = span.start - cue_tok.i - 1 if span.start > cue_tok.i else cue_tok.i - span.end
            out.append(f"cd={_bucket(max(0, gap))}")
            root = span.root
            has_subj = any(c.dep_ in SUBJ for c in root.children)
            out.append(f"cshape={root.pos_}|{'s' if has_subj else '-'}")
            out.append(f"se_cr={kind}|{root.dep_}")
            out.append(f"l_crs={lemma}|{root.pos_}|{'s' if has_subj else '-'}")
            if any(c.dep_ == "mark" for c in root.children):
                out.append("c_mark")
            out.append(f"chl={root.lemma_.lower() if root.pos_ in ('NOUN', 'VERB') else root.pos_}")
            out.append(f"cfrac={min(9, 10 * len(span) // max(1, len(root.sent)))}")
            src = att.source or att.speaker
            if src is not None:
                order = sorted([(src[0], "S"), (att.cue[0][0], "V"), (cs, "C")])
                out.append(f"ord={''.join(x for _, x in order)}")
                out.append(f"l_ord={lemma}|{''.join(x for _, x in order)}")
    if att.speaker_token is not None and att.speaker_token < len(doc):
        st = doc[att.speaker_token]
        out.append(f"shl={st.lemma_.lower() if st.pos_ in ('NOUN', 'PRON') else st.ent_type_ or st.pos_}")
        out.append(f"l_sk={lemma}|{st.ent_type_ or st.pos_}|{'dir' if att.direct else 'ind'}")
    return out


def is_protected(att: Attribution, learned: set[str]) -> bool:
    """A hand-listed cue ("said", "confirmed", "appealed to", "according to", "X's words about")
    is the ledger's own reading, kept whatever the attribution scorer, trained on one corpus's
    conventions, thinks of it; the scorer judges the counted lexicon's cues and the learned ones."""
    return att.origin in ("noun", "according") or (att.origin == "rule" and att.cue_lemma not in learned)


def triage_context(doc: Doc, found: list[Attribution], protected: list[bool]) -> list[list[str]]:
    """How each candidate sits among the others, for the attribution scorer: in a sentence with
    another, its cue inside another's content or another's cue inside its own, its content
    shared with another, its speaker another's. Annotators mark one attribution where the rules
    and the learned cues often propose two (a report and the speech it reports, a verb and its
    conjunct), and a hand-listed reading, always kept (`protected`), is named apart ("P"):
    beside it, a second candidate is mostly a duplicate or an aside."""
    n = len(found)
    cue_at = [(a.cue[0][0] if a.cue else -1) for a in found]
    names = ["P" if p else a.origin for a, p in zip(found, protected, strict=True)]
    feats: list[set[str]] = [set() for _ in range(n)]
    by_sent: dict[int, list[int]] = {}
    by_speaker: dict[int, list[int]] = {}
    for i, a in enumerate(found):
        sp = doc.char_span(cue_at[i], cue_at[i] + 1, alignment_mode="expand") if cue_at[i] >= 0 else None
        if sp is not None and len(sp):
            by_sent.setdefault(sp[0].sent.start, []).append(i)
        if a.speaker_token is not None:
            by_speaker.setdefault(a.speaker_token, []).append(i)
    for group in by_sent.values():
        for i in group:
            feats[i].update(f"x_sent={names[j]}" for j in group if j != i)
    for group in by_speaker.values():
        if len(group) > 1:
            for i in group:
                feats[i].add("x_spk")
    # the other relations need overlapping extents: a sweep over candidates sorted by start
    # keeps this near linear in a long document's hundreds of candidates
    ext: dict[int, tuple[int, int]] = {}
    for i, a in enumerate(found):
        pts = [x for c in a.content for x in c] + ([cue_at[i]] if cue_at[i] >= 0 else [])
        if pts:
            ext[i] = (min(pts), max(pts))
    order = sorted(ext, key=lambda i: ext[i][0])
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if ext[j][0] > ext[i][1]:
                break
            for x, y in ((i, j), (j, i)):
                a, b = found[x], found[y]
                if cue_at[x] >= 0 and any(lo <= cue_at[x] < hi for lo, hi in b.content):
                    feats[x].add(f"x_in={names[y]}")
                    feats[y].add(f"x_holds={names[x]}")
                if any(_overlaps(p, q) for p in a.content for q in b.content):
                    feats[x].add(f"x_same={names[y]}")
    return [sorted(f) for f in feats]


_WORD_RUN = re.compile(r"\w+")


def _has_case(tok: Token, word: str) -> bool:
    return any(c.dep_ == "case" and c.lower_ == word for c in tok.children)


def _ru_agrees(verb: Token, subj: Token) -> bool:
    """Whether a Russian verb can have this subject: number, and gender where both show it
    (past-tense singular verbs do). Missing features never disagree."""
    for feat in ("Number", "Gender"):
        a, b = verb.morph.get(feat), subj.morph.get(feat)
        if a and b and not set(a) & set(b):
            return False
    return True


def _case(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "case":
            return c.lower_
    return ""


def _overlaps(a: CharSpan, b: CharSpan | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1] and not (a[0] <= b[0] and b[1] <= a[1] and False)


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    out: list[Attribution] = []
    seen: set[tuple[CharSpan | None, tuple[CharSpan, ...]]] = set()
    for a in atts:
        key = (a.speaker, tuple(a.content))
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def span_text(doc: Doc, sp: CharSpan) -> str:
    return doc_index.text(doc)[sp[0] : sp[1]]


__all__ = ["Attribution", "AttributionFinder", "Span", "refine_act", "span_text"]
