"""Statements for languages without a parser: a quotation and the name standing next to it.

English and Russian get full attribution from their parses. Other languages (French, Uzbek,
Tajik, Arabic, Armenian, ...) only have a blank pipeline, so this module reads the text the
way a careful reader skims a foreign paper: a quotation (any marks) whose speaker is a name
right beside it in the same sentence, tied to it by a speech verb from a short per-language
list ("», a déclaré Dilnoza Rakhimova", "Aziz Karimbek a nié : « … »", `"…", dedi X`,
"وقالت X: «…»") or by a colon ("X : « … »"); or, when the quotation is a sentence of its own,
a name and a speech verb in the sentence before it.

Names are capitalised multi-word runs in cased scripts (Latin, Cyrillic, Armenian, Greek).
Arabic has no capitals: there a name is the two or three words right after a speech verb
("قالت دلنوزا رحيموفا"), and once known, its occurrences and its last word elsewhere in the
document count too. A known surname alone ("a affirmé Karimbek") stands for the full name.

Precision over recall: a pronoun speaker ("a-t-il dit"), a description ("le ministre"), a
name too far from the verb, or a quotation under three words gives no statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger import dates
from claimledger.entities import org_frame, person_name
from claimledger.models import Act, Document, Mention, Statement
from claimledger.nlp.quotes import find_quotes, inner

__all__ = ["CUES", "extract"]

_APOS = "'’ʻʼ‘`"
_A = f"[{_APOS}]"
# Speech verbs per language, as regular expressions (spaces stand for any whitespace); the act
# they give: a denial verb gives "deny", every other one "claim" (as "said" does in English).
CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "claim": (
            r"a déclaré", r"a dit", r"a affirmé", r"a ajouté", r"a indiqué", r"a expliqué", r"a souligné",
            r"a assuré", r"a précisé", r"a estimé", r"déclare", r"affirme", r"selon", r"d'après",
        ),
        "deny": (r"a nié", r"a démenti", r"dément", r"nie", r"a rejeté"),
    },
    "uz": {
        "claim": (
            r"dedi", r"deydi", rf"deb ta{_A}kidladi", rf"deya ta{_A}kidladi", rf"ta{_A}kidladi",
            rf"ma{_A}lum qildi", r"bildirdi", r"deb aytdi", r"aytdi", r"деди", r"таъкидлади", r"маълум қилди",
        ),
        "deny": (r"rad etdi", r"inkor etdi", r"рад этди", r"инкор этди"),
    },
    "tg": {
        "claim": (r"гуфт", r"гуфтааст", r"изҳор дошт", r"изҳор кард", r"қайд кард", r"иброз дошт", r"таъкид кард"),
        "deny": (r"рад кард", r"инкор кард"),
    },
    "ar": {
        # The conjunctions و/ف glue to the verb; feminine verbs end in ت.
        "claim": (r"[وف]?قالت?", r"[وف]?صرحت?", r"[وف]?أكدت?", r"[وف]?أضافت?"),
        "deny": (r"[وف]?نفت", r"[وف]?نفى"),
    },
    "hy": {
        "claim": (r"ասաց", r"հայտարարեց", r"նշեց", r"ըստ"),
        "deny": (r"հերքեց",),
    },
    "de": {
        "claim": (r"sagte", r"erklärte", r"betonte", r"laut", r"so"),
        "deny": (r"bestritt", r"dementierte"),
    },
    "es": {
        "claim": (r"dijo", r"afirmó", r"declaró", r"aseguró", r"según", r"señaló"),
        "deny": (r"negó", r"desmintió"),
    },
}  # fmt: skip
# Words that, between a verb and a name, mean the speaker is someone else ("il", "u", "вай").
_PRONOUNS = frozenset(
    "il elle ils elles on nous je u ular biz men вай вай ӯ онҳо мо ман у улар биз мен նա նրանք մենք "
    "هو هي هم er sie wir él ella".split()
)
# Arabic words that end a name after a verb: particles and the titles that describe a speaker.
_AR_STOP = frozenset(
    "إن أن أنه إنه إنها أنها في على من عن إلى مع لـ كما بأن وأن السيد السيدة رئيس رئيسة مدير مديرة وزير وزيرة "
    "نائب عضو قائد المتحدث الناطق متحدث ناطق".split()
)
# Particles inside names ("Charles de Gaulle", "Abd al-Rahman") and words a capital never makes
# a name of (sentence-initial articles and conjunctions).
_PARTICLES = frozenset("de du des la le van von der al el bin ibn ben".split())
_FUNCTION = frozenset(
    "le la les l un une des selon mais et pour dans en au aux du de ce cette ces il elle nous on "
    "biz u bu shu va ham lekin ammo мо ӯ ин он ва бо аммо вале мы он она die der das ein eine und "
    "aber el la los las un una y pero según laut".split()
)
_EXTRA_QUOTES = (("‹", "›"), ("「", "」"), ("『", "』"))
_WORD = re.compile(rf"[^\W\d_][\w{_APOS}\-]*")
_SENT_END = re.compile(r"[.!?։؟]+(?=\s)|\n\s*\n")  # a lone newline is line wrapping
_ROMANISABLE = re.compile(r"[A-Za-z\u0400-\u04ff]")
_MIN_QUOTE_WORDS = 3
_CUE_GAP = 6  # words allowed between a verb and the name after it ("dedi ... rahbari X")
_NAME_GAP = 3  # words allowed between a name and the verb after it
_DESC_WORDS = 8  # words of description after "selon X, ..." before the quotation


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    name: str  # the fullest form the document gives


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    act: Act


def _is_cased(lang: str) -> bool:
    return lang != "ar"


def _cue_regex(lang: str) -> list[tuple[re.Pattern[str], Act]]:
    table = CUES.get(lang)
    if table is None:
        return []
    out: list[tuple[re.Pattern[str], Act]] = []
    for act, patterns in table.items():
        alt = "|".join(p.replace(" ", r"\s+") for p in sorted(patterns, key=len, reverse=True))
        out.append((re.compile(rf"(?<![\w{_APOS}\-])(?:{alt})(?![\w{_APOS}])", re.IGNORECASE), act))  # type: ignore[arg-type]
    return out


def _find_cues(text: str, lang: str) -> list[_Cue]:
    found: list[_Cue] = []
    for rx, act in _cue_regex(lang):
        found.extend(_Cue(m.start(), m.end(), act) for m in rx.finditer(text))
    # A denial verb inside a longer claim verb cannot happen with these lists; longest first anyway.
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cue] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _all_quotes(text: str) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end) of every quotation."""
    spans = [(s, e, *inner(text, (s, e))) for s, e in find_quotes(text)]
    for opening, closing in _EXTRA_QUOTES:
        for m in re.finditer(rf"{opening}([^{closing}\n]+){closing}", text):
            if not any(s <= m.start() < e for s, e, _, _ in spans):
                spans.append((m.start(), m.end(), m.start(1), m.end(1)))
    return sorted(spans)


def _sentences(text: str, quotes: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """Sentence spans; a full stop inside a quotation does not end the sentence around it."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if any(s < m.start() < e - 1 for s, e, _, _ in quotes):
            continue
        if any(s <= m.start() < e for s, e, _, _ in quotes) and text[m.end() : m.end() + 3].lstrip()[:1] in ",—–-":
            continue  # « … mort. », a déclaré X: the sentence goes on after the closing mark
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _words(text: str, a: int, b: int) -> list[str]:
    return _WORD.findall(text[a:b]) if a < b else []


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _cased_names(text: str) -> list[_Name]:
    """Runs of two to four capitalised words ("Dilnoza Rakhimova", "Дилноза Раҳимова")."""
    lower = {w for w in _WORD.findall(text) if w.islower()}
    words = list(_WORD.finditer(text))
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for m in words:
        w = m.group(0)
        joined = bool(run) and re.fullmatch(r" ", text[run[-1].end() : m.start()]) is not None
        ok = _capitalised(w) and w.lower() not in _FUNCTION and w.lower() not in lower
        if ok and (joined or not run):
            run.append(m)
        elif ok:
            runs.append(run)
            run = [m]
        elif joined and w.lower() in _PARTICLES:
            run.append(m)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    out: list[_Name] = []
    for r in runs:
        while r and r[-1].group(0).lower() in _PARTICLES:
            r = r[:-1]
        if not 2 <= len(r) <= 4:
            continue
        name = text[r[0].start() : r[-1].end()]
        # Organisations and places in capitals ("Narvon Water Company") are not speakers here.
        # The name tables read Latin and Cyrillic only; an Armenian name is taken as it stands.
        if _ROMANISABLE.search(name) and (person_name(name) is None or org_frame(name).kind is not None):
            continue
        out.append(_Name(r[0].start(), r[-1].end(), name))
    return out


def _arabic_names(text: str, cues: list[_Cue]) -> list[_Name]:
    """The two or three words after a speech verb, up to punctuation, a particle or a title."""
    out: list[_Name] = []
    for c in cues:
        taken: list[re.Match[str]] = []
        for m in _WORD.finditer(text, c.end):
            gap = text[(taken[-1].end() if taken else c.end) : m.start()]
            w = m.group(0)
            if gap.strip() or w in _AR_STOP or w.startswith(("ال", "وال")) or len(w) < 2 or len(taken) == 3:
                break
            taken.append(m)
        if len(taken) >= 2:
            out.append(_Name(taken[0].start(), taken[-1].end(), text[taken[0].start() : taken[-1].end()]))
    return out


def _with_known(text: str, names: list[_Name]) -> list[_Name]:
    """Every occurrence of a known name, and of its last word alone (the surname) as that name."""
    full = {n.name for n in names}
    surname: dict[str, str] = {}
    for n in sorted(full, key=len):
        last = n.split()[-1]
        # Two people sharing a surname: the bare surname is nobody in particular.
        surname[last] = "" if last in surname and surname[last] != n else n
    found = {(n.start, n.end): n for n in names}
    for form, canonical in [*((n, n) for n in full), *surname.items()]:
        if not canonical:
            continue
        for m in re.finditer(rf"(?<![\w{_APOS}\-]){re.escape(form)}(?![\w{_APOS}\-])", text):
            if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in found):
                found[(m.start(), m.end())] = _Name(m.start(), m.end(), canonical)
    return sorted(found.values(), key=lambda n: n.start)


@dataclass(frozen=True)
class _Found:
    name: _Name
    cue: _Cue | None  # None: a colon ties the name to the quotation
    colon: tuple[int, int] | None = None


def _between_ok(text: str, a: int, b: int, limit: int) -> bool:
    """At most `limit` words between a and b, none a pronoun, no clause break (; or :)."""
    if a > b:
        return False
    words = _words(text, a, b)
    return len(words) <= limit and not any(w.lower() in _PRONOUNS for w in words) and not re.search(r"[;:]", text[a:b])


def _from_tail(text: str, a: int, b: int, names: list[_Name], cues: list[_Cue]) -> _Found | None:
    """« … », a déclaré X / « … », X a dit: the attribution after the quotation."""
    cue = next((c for c in cues if a <= c.start and c.end <= b), None)
    name = next((n for n in names if a <= n.start and n.end <= b), None)
    if cue is None or name is None:
        return None
    if not _words(text, a, cue.start) and cue.end <= name.start and _between_ok(text, cue.end, name.start, _CUE_GAP):
        return _Found(name, cue)
    if not _words(text, a, name.start) and name.end <= cue.start and _between_ok(text, name.end, cue.start, _NAME_GAP):
        return _Found(name, cue)
    return None


_LEAD_IN = re.compile(r"[\s,:—–\-]*(?:que|qu['’]|ki|ки|որ|أن|إن|dass|que)?[\s,:—–\-]*$", re.IGNORECASE)


def _from_head(text: str, a: int, b: int, names: list[_Name], cues: list[_Cue]) -> _Found | None:
    """X a déclaré : « … » / Selon X, « … » / X : « … »: the attribution before the quotation."""
    in_head = [c for c in cues if a <= c.start and c.end <= b]
    named = [n for n in names if a <= n.start and n.end <= b]
    if not named:
        return None
    # The lead-in ends the head: "X a déclaré que « … »" keeps "que" outside the quotation.
    lead = _LEAD_IN.search(text, a, b)
    tail_end = lead.start() if lead else b
    if in_head:
        cue = in_head[-1]
        after = [n for n in named if n.start >= cue.end]
        if after and not _words(text, cue.end, after[0].start):
            # "Selon X, cheffe du comité, « … »": a short description may follow the name.
            name = after[0]
            if len(_words(text, name.end, tail_end)) <= _DESC_WORDS and not re.search(r"[;]", text[name.end : b]):
                if not _words(text, name.end, tail_end) or re.match(r"\s*[,،]", text[name.end : b]):
                    return _Found(name, cue)
        before = [n for n in named if n.end <= cue.start]
        if before and len(_words(text, cue.end, tail_end)) <= 2 and not re.search(r"[;]", text[cue.end : b]):
            name = before[-1]
            gap = text[name.end : cue.start]
            # "X, the director, denied: « … »": an apposition between commas is allowed.
            if _between_ok(text, name.end, cue.start, _CUE_GAP) or (
                re.fullmatch(r"\s*[,،][^;:]*[,،]\s*", gap) and len(_words(text, name.end, cue.start)) <= _CUE_GAP
            ):
                return _Found(name, cue)
    last = named[-1]
    colon = re.fullmatch(r"\s*:\s*", text[last.end : b])
    if colon:
        return _Found(last, None, (last.end + colon.group(0).index(":"), last.end + colon.group(0).index(":") + 1))
    return None


def _from_previous(text: str, a: int, b: int, names: list[_Name], cues: list[_Cue]) -> _Found | None:
    """A quotation standing alone after "Aziz Karimbek a nié toute négligence.": one name, one verb."""
    named = {n.name for n in names if a <= n.start and n.end <= b}
    if len(named) != 1:
        return None
    for cue in (c for c in cues if a <= c.start and c.end <= b):
        for n in (n for n in names if a <= n.start and n.end <= b):
            if n.end <= cue.start and _between_ok(text, n.end, cue.start, _NAME_GAP):
                return _Found(n, cue)
            if cue.end <= n.start and _between_ok(text, cue.end, n.start, 0):
                return _Found(n, cue)
    return None


def _date(times: list[dates.TimeMention], spans: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    """A date phrase in the attribution itself ("a déclaré vendredi"), never one inside the quotation."""
    for tm in times:
        if tm.value is not None and any(a <= tm.start and tm.end <= b for a, b in spans):
            return tm.value.iso, tm.value.precision
    return None, None


def extract(document: Document, lang: str) -> tuple[list[Statement], list[Mention]]:
    """Quoted statements of a document in a language without a parser, and their speakers' mentions."""
    text = document.text
    cues = _find_cues(text, lang)
    if not cues:
        return [], []
    quotes = _all_quotes(text)
    if not quotes:
        return [], []
    names = _with_known(text, _cased_names(text) if _is_cased(lang) else _arabic_names(text, cues))
    sentences = _sentences(text, quotes)
    anchor = dates.anchor_for(text, document.published, lang)
    times = dates.find_dates(text, anchor, lang)
    statements: list[Statement] = []
    for qi, (qs, qe, ci, ce) in enumerate(quotes):
        if len(_words(text, ci, ce)) < _MIN_QUOTE_WORDS:
            continue  # titles, slogans and scare quotes
        si = next((i for i, (s, e) in enumerate(sentences) if s <= qs < e), None)
        if si is None:
            continue
        s_start, s_end = sentences[si]
        # Other quotations in the sentence bound the attribution on either side.
        head_start = max([s_start, *(e for s, e, _, _ in quotes[:qi] if e <= qs)])
        tail_end = min([s_end, *(s for s, e, _, _ in quotes[qi + 1 :] if s >= qe)])
        tail_end = min(tail_end, s_end)
        found = _from_tail(text, qe, tail_end, names, cues) or _from_head(text, head_start, qs, names, cues)
        if found is None and si > 0 and not _words(text, head_start, qs) and not _words(text, qe, tail_end):
            found = _from_previous(text, *sentences[si - 1], names, cues)
        if found is None:
            continue
        n, cue = found.name, found.cue
        cue_span = (cue.start, cue.end) if cue else found.colon
        assert cue_span is not None
        if n.start >= qs:
            attribution = [(qe, tail_end)]
        elif n.start >= s_start:
            attribution = [(head_start, qs)]
        else:
            attribution = [sentences[si - 1]]
        date, precision = _date(times, attribution)
        statements.append(
            Statement(
                id="",
                doc_id=document.id,
                speaker=n.name,
                act=cue.act if cue else "claim",
                content=text[ci:ce],
                direct=True,
                start=min(n.start, qs, cue_span[0]),
                end=max(n.end, qe, cue_span[1]),
                speaker_type="PERSON",
                date=date,
                date_precision=precision,  # type: ignore[arg-type]
                cue=text[cue_span[0] : cue_span[1]],
                speaker_spans=[(n.start, n.end)],
                cue_spans=[cue_span],
                content_spans=[(ci, ce)],
            )
        )
    statements.sort(key=lambda s: (s.start, s.end))
    for i, st in enumerate(statements, 1):
        st.id = f"{document.id}:s{i}"
    speakers = {st.speaker for st in statements}
    # Every occurrence of a speaker's name is a mention: stories and entities see them all.
    mentions = [
        Mention(
            doc_id=document.id, start=n.start, end=n.end, text=text[n.start : n.end], type="PERSON", local_name=n.name
        )
        for n in names
        if n.name in speakers
    ]
    return statements, mentions
