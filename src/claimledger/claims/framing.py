"""The proposition frame of one statement: what is asserted, of whom, where and when.

Built from the spaCy Doc the document was parsed into (English or Russian; dependency labels
of both the ClearNLP and the Universal Dependencies schemes are understood), over the
statement's content span only, so a statement is never re-parsed. When no span can be found
(hand-built statements, an offset mismatch) a cruder text-only frame keeps linking working.

Frame keys (all JSON-ready):
    predicate        main predicate class (first non-meta class in the content) or None
    predicates       every predicate class, in text order
    predicate_lemmas the lemmas that triggered them (for readable reasons: "export")
    theme            normalised head nouns of what the proposition is about ("drone", "equipment")
    theme_phrases    the same with their modifiers ("military equipment")
    agent            countries/actors doing it: subjects, "by X", origin adjectives ("Iranian" -> iran)
    locations        countries where it happens ("in X", "on the territory of X", "в X")
    loc_by_pred      {predicate class: [locations attached to it]}
    places           locations, or subject countries when no location is given
    participants     other countries mentioned (recipients, sources, lists)
    negated, hedged, question   polarity and modality of the main predicate / content
    time             date expressions in the content
    quantities       [{"value": "22", "unit": "country", "text": "22 world countries"}]
    retract          {"from": y, "to": x} for "I meant X, not Y" corrections, else None
    lemmas           content lemmas for similarity
    lang             "en" or "ru"
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimledger import gazetteer as gz
from claimledger.claims import lexicon as lx
from claimledger.models import Statement
from claimledger.names import place_stem
from claimledger.nlp import index as doc_index

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SUBJ = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"})
_OBJ = frozenset({"dobj", "obj", "attr", "iobj", "dative", "oprd"})
_MODIFIER = frozenset({"amod", "compound", "npadvmod", "nmod:poss"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN"})
_QUOTE_CHARS = re.compile(r"[\"“”«»„‘’'`]")
_WORD_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "twenty": "20",
    "dozen": "12",
    "hundred": "100",
    "два": "2",
    "три": "3",
    "четыре": "4",
    "пять": "5",
    "десять": "10",
}


def empty_frame(lang: str = "en") -> dict[str, Any]:
    return {
        "predicate": None,
        "predicates": [],
        "predicate_lemmas": [],
        "theme": [],
        "theme_phrases": [],
        "agent": [],
        "locations": [],
        "loc_by_pred": {},
        "places": [],
        "participants": [],
        "negated": False,
        "hedged": False,
        "question": False,
        "time": [],
        "quantities": [],
        "retract": None,
        "lemmas": [],
        "lang": lang,
        "place_names": {},
    }


def _lemma(tok: Token) -> str:
    lemma = (tok.lemma_ or tok.text).lower().replace("ё", "е")
    # Russian reflexive-passive verbs ("производиться") share the class of the active verb.
    if lemma.endswith(("ся", "сь")) and _CYRILLIC.search(lemma) and lemma[:-2] in lx.PREDICATE_OF:
        lemma = lemma[:-2]
    return lemma


def _content_tokens(statement: Statement, doc: Doc) -> list[Token]:
    spans: list[Span] = []
    for start, end in statement.content_spans or []:
        sp = doc.char_span(start, end, alignment_mode="expand")
        if sp is not None and len(sp):
            spans.append(sp)
    if not spans and statement.content:
        # Offsets may be missing on hand-built statements; the content is verbatim text.
        at = doc_index.text(doc).find(statement.content)
        if at >= 0:
            sp = doc.char_span(at, at + len(statement.content), alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
    seen: set[int] = set()
    toks: list[Token] = []
    for sp in spans:
        for t in sp:
            if t.i not in seen:
                seen.add(t.i)
                toks.append(t)
    return sorted(toks, key=lambda t: t.i)


def frame(statement: Statement, doc: Doc | None) -> dict[str, Any]:
    """The proposition frame of `statement.content`, read from `doc` (see module docstring)."""
    toks = _content_tokens(statement, doc) if doc is not None else []
    if not toks:
        return text_frame(statement.content)
    return _doc_frame(toks, statement.content)


# ---------------------------------------------------------------------------------------
# Country mentions and their roles
# ---------------------------------------------------------------------------------------


@dataclass
class _DocIndex:
    """Document-level lookups built once per Doc, so that framing a statement costs its span.

    `places` maps a token index to the place mention covering it: (key, token ids, is_demonym).
    Keys are country-table keys, or "~" + a place stem for places no table knows (towns,
    regions, small or fictional states), so that "Kestrania", "Kestranian" and "Кестрании"
    meet in one key across documents and languages.
    """

    places: dict[int, tuple[str, tuple[int, ...], bool]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # key -> readable surface name
    ent_at: dict[int, Span] = field(default_factory=dict)


_INDEX: weakref.WeakKeyDictionary[Doc, _DocIndex] = weakref.WeakKeyDictionary()
# Demonyms and adjectives of unknown places are tied to the place by stem; short stems
# ("mal", "kiv") would tie unrelated words together.
_MIN_STEM = 4


_PLACE_PREFIX = re.compile(r"^(the\s+)?((republic|kingdom|state|town|city|region|province) of\s+)?", re.I)


def _unknown_place_key(text: str) -> tuple[str, str] | None:
    name = _PLACE_PREFIX.sub("", text.strip())
    name = name.strip(" '’\"«»")
    if not name:
        return None
    stem = place_stem(name)
    return ("~" + stem, name) if stem else None


def _doc_index(doc: Doc) -> _DocIndex:
    found = _INDEX.get(doc)
    if found is not None:
        return found
    ix = _DocIndex()

    def put(key: str, ids: list[int], dem: bool) -> None:
        ids = [i for i in ids if i not in ix.places]
        if ids:
            for i in ids:
                ix.places[i] = (key, tuple(ids), dem)

    # English table names: one regex pass over the whole text.
    text = doc_index.text(doc)  # spaCy rebuilds `doc.text` from every token on each read
    for s, e, key, dem in gz.find_countries_en(text):
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            put(key, [t.i for t in sp], dem)
    # A text without Cyrillic letters has no Russian country word: skip the walk over its tokens.
    for t in doc if _CYRILLIC.search(text) else ():
        if t.i in ix.places or not _CYRILLIC.search(t.text):
            continue
        key = gz.country_of_ru(_lemma(t))
        if key:
            put(key, [t.i], t.pos_ == "ADJ" or (t.pos_ == "NOUN" and not t.text[:1].isupper()))
    ents = doc_index.ents(doc)
    for ent in ents:
        for t in ent:
            ix.ent_at[t.i] = ent
    # GPEs outside the table keep a stem key; their demonyms are found by the same stem.
    stems: dict[str, str] = {}
    for ent in ents:
        if any(t.i in ix.places for t in ent):
            continue
        if ent.label_ not in ("GPE", "LOC") and not _org_as_place(ent):
            continue
        # Russian place names are inflected: the lemma gives the stem its base form.
        text = " ".join(_lemma(t) for t in ent) if _CYRILLIC.search(ent.text) else ent.text
        got = _unknown_place_key(text)
        if got is None:
            continue
        key, name = got
        put(key, [t.i for t in ent], False)
        if not _CYRILLIC.search(name):
            ix.names[key] = name
        elif key not in ix.names:
            ix.names[key] = name[:1].upper() + name[1:]
        if len(key) - 1 >= _MIN_STEM:
            stems[key] = name
    if stems:
        for t in doc:
            if t.i in ix.places or not t.is_alpha or t.pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            if not (t.text[:1].isupper() or (_CYRILLIC.search(t.text) and t.pos_ == "ADJ")):
                continue
            key = "~" + place_stem(t.text)
            if key in stems:
                put(key, [t.i], _demonym_form(t, stems[key]))
    _INDEX[doc] = ix
    return ix


def _org_as_place(ent: Span) -> bool:
    """ "the plant in Dorvik": the English tagger calls a town it does not know an ORG, but a
    one-word name (not an acronym) after "in" or "near" is where something is."""
    if ent.label_ != "ORG" or len(ent) != 1 or ent.text.isupper() or not ent.text[:1].isupper():
        return False
    tok = ent[0]
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near")


def _demonym_form(tok: Token, place: str) -> bool:
    """Whether a word sharing a place's stem names its people or is its adjective, not the place.

    "Valdorian soil" is a demonym; a Russian case form of the name ("Валдорией") is the place.
    """
    if tok.pos_ == "ADJ" or tok.ent_type_ == "NORP":
        return True
    low = tok.text.lower()
    if _CYRILLIC.search(low):
        return not tok.text[:1].isupper()
    return low != place.lower() and low.endswith(("an", "ans", "ese", "i", "is", "ish"))


def _country_mentions(toks: list[Token]) -> list[tuple[str, list[Token], bool]]:
    """(country key, tokens, is_demonym) in text order, from the document's place index."""
    doc = toks[0].doc
    ix = _doc_index(doc)
    idx = {t.i for t in toks}
    out: list[tuple[str, list[Token], bool]] = []
    seen: set[tuple[int, ...]] = set()
    for t in toks:
        hit = ix.places.get(t.i)
        if hit is None or hit[1] in seen:
            continue
        seen.add(hit[1])
        key, ids, dem = hit
        out.append((key, [doc[i] for i in ids if i in idx], dem))
    return out


def _root(ts: list[Token]) -> Token:
    ids = {t.i for t in ts}
    for t in ts:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return ts[0]


def _case_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "case"}


def _role(tok: Token, inside: set[int]) -> str:
    """location | subject | modifier | byagent | other, for the country word `tok`."""
    walk = tok
    for _ in range(6):
        if walk.i in inside and walk.head.i not in inside:
            # The content's own root ("[accused] Uzbekistan of producing drones"): what
            # the proposition is about, i.e. its subject.
            if walk.dep_.lower() not in ("pobj", "obl") and not (_case_words(walk) & lx.LOCATIVE_PREPS):
                return "subject"
        dep = walk.dep_.lower()
        head = walk.head
        cases = _case_words(walk)  # UD: prepositions hang below the noun
        if cases & lx.LOCATIVE_PREPS:
            return "location"
        if dep == "pobj" or (dep in ("obl", "nmod") and cases):
            prep = head if dep == "pobj" else None
            word = prep.lower_ if prep is not None else next(iter(cases))
            if word in lx.LOCATIVE_PREPS:
                return "location"
            if word == "by" or (prep is not None and prep.dep_ == "agent"):
                return "byagent"
            if word in ("of", "из") and prep is not None:
                # "the territory of X" is where X is; "the Republic of X" stands for X.
                walk = prep.head
                continue
            return "other"
        if dep in ("nmod", "poss", "appos", "conj", "flat", "flat:name") or (
            dep == "compound" and head.pos_ == "PROPN"
        ):
            walk = head
            continue
        if dep in _SUBJ:
            return "subject" if walk.lemma_.lower() not in lx.TERRITORY_NOUNS else "location"
        if dep in _MODIFIER and head.lemma_.lower() in lx.TERRITORY_NOUNS:
            # "on Valdorian soil": the territory's role is the country's.
            walk = head
            continue
        if dep in _MODIFIER:
            return "modifier"
        if dep == "pobj":
            return "other"
        return "other"
    return "other"


def _pred_of(tok: Token, pred_tokens: dict[int, str]) -> str | None:
    walk = tok
    for _ in range(8):
        if walk.i in pred_tokens:
            return pred_tokens[walk.i]
        if walk.head.i == walk.i:
            return None
        walk = walk.head
    return None


# ---------------------------------------------------------------------------------------
# Predicates, themes, polarity
# ---------------------------------------------------------------------------------------


def _is_predicate(tok: Token) -> str | None:
    if tok.pos_ not in ("VERB", "NOUN", "PROPN") and not (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
        return None
    lemma = _lemma(tok)
    cls = lx.PREDICATE_OF.get(lemma)
    if cls is None:
        return None
    if tok.pos_ != "VERB" and tok.dep_ == "compound" and _lemma(tok.head) in lx.THEME_SYNONYM:
        return None  # "attack drones": the noun says what kind of thing, not what was done
    if tok.pos_ != "VERB" and lemma in lx.THEME_SYNONYM:
        return None  # "artillery shells", "a drone strike plant": the noun names a thing, not an act
    # "released a statement", "made comments": a discourse object means no production.
    objs = [c for c in tok.children if c.dep_ in _OBJ]
    if objs and all(_lemma(o) in lx.NON_THEME for o in objs):
        return None
    return cls


def _negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det", "advmod:neg") and c.lower_ in lx.NEGATORS_RU | {"never"}):
            return True
        if c.dep_ in ("aux", "auxpass", "aux:pass") and any(g.dep_ == "neg" for g in c.children):
            return True
        # "no drones are produced": negative determiner on the subject or object.
        if c.dep_ in _SUBJ | _OBJ and any(g.dep_ == "det" and g.lower_ in ("no", "никакой") for g in c.children):
            return True
        # "not a single missile was sold", "not one drone": a negated count on an argument
        if c.dep_ in _SUBJ | _OBJ and any(g.lower_ == "not" and g.i < c.i for g in c.subtree):
            return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in ("не", "ни")


def _theme_of(tok: Token) -> tuple[str, str] | None:
    """(normalised head, phrase) for a theme noun, or None for discourse nouns."""
    lemma = _lemma(tok)
    if tok.pos_ != "NOUN" or lemma in lx.NON_THEME or not lemma.isalpha():
        return None
    if tok.dep_ == "compound" and tok.head.pos_ in _NOMINAL_POS and tok.head.i > tok.i:
        return None  # "artillery shells": the modifier belongs to its head's phrase, not a theme itself
    if lemma in lx.PREDICATE_OF and lemma not in lx.THEME_SYNONYM:
        return None  # a nominalised act ("production"); "shells" names a thing though "shell" is a verb too
    if gz.country_key(tok.text) is not None or (_CYRILLIC.search(lemma) and gz.country_of_ru(lemma)):
        return None  # demonyms ("Iranians") are agents, not themes
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    head = lx.THEME_SYNONYM.get(lemma, lemma)
    words: list[str] = []
    for m in mods:
        ml = _lemma(m)
        if (ml, lemma) in lx.THEME_COMPOUND:
            head = lx.THEME_COMPOUND[(ml, lemma)]
        if ml.lower() in _COUNTING_ADJ:
            continue  # "not a single missile": a count, not a kind of missile
        if gz.country_key(m.text) is None and ml.isalpha() and m.pos_ in ("ADJ", "NOUN"):
            words.append(ml if _CYRILLIC.search(ml) else m.text.lower())
    phrase = " ".join([*words, lemma])
    return head, phrase


# Adjectives that count or pick out rather than describe: never part of a theme phrase.
_COUNTING_ADJ = frozenset(
    "single same other such certain several many few various numerous additional further own "
    "один единый такой другой некоторый несколько многий".split()
)

# Verbs that carry tense, possession or speech rather than an event: never a predicate class
# of their own ("take note", "have a workshop", "give it a second life").
_LIGHT_VERBS = frozenset(
    "be have do get take give let go come say tell make put keep seem become "
    "быть иметь делать взять дать сказать говорить стать".split()
)
_RELATIVE = frozenset({"relcl", "acl", "acl:relcl", "advcl"})


def _open_predicate(toks: list[Token]) -> Token | None:
    """The content's main verb when no predicate class knows it, if it acts on a theme noun.

    "shells are filled at the works": a proposition the lexicon has no class for still has
    a predicate; its lemma becomes its own class ("v:fill"), so only statements using the
    same verb unify on it. A verb with only pronouns or discourse nouns around it ("we have
    nothing to hide") stays predicate-less and creates no claim.
    """
    inside = {t.i for t in toks}
    for t in toks:
        if t.pos_ != "VERB" or not t.is_alpha or _lemma(t) in _LIGHT_VERBS:
            continue
        if t.dep_ in _RELATIVE and t.head.i in inside:
            continue  # "the plant that makes X": it describes a noun, it is not the proposition
        args = [c for c in t.children if c.dep_ in _SUBJ | _OBJ and c.i in inside]
        if any(_theme_of(a) is not None for a in args):
            return t
    return None


def _span_text(toks: list[Token], ids: tuple[int, ...]) -> str:
    doc = toks[0].doc
    return doc[min(ids) : max(ids) + 1].text


def _place_surfaces(toks: list[Token]) -> list[tuple[tuple[int, ...], str]]:
    ix = _doc_index(toks[0].doc)
    seen: dict[tuple[int, ...], str] = {}
    for t in toks:
        hit = ix.places.get(t.i)
        if hit is not None and hit[0].startswith("~"):
            seen[hit[1]] = hit[0]
    return list(seen.items())


def _quantity(tok: Token) -> dict[str, str] | None:
    text = tok.lower_
    if not (re.fullmatch(r"\d[\d,.]*", text) or text in _WORD_NUMBERS):
        return None  # ordinals ("third countries") and odd tokens are not counts
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return None  # a year, not a count
    value = _WORD_NUMBERS.get(text, text.replace(",", ""))
    doc = tok.doc
    noun = tok.head if tok.head.pos_ == "NOUN" and tok.head.i > tok.i else None
    if noun is None:
        for j in range(tok.i + 1, min(tok.i + 4, len(doc))):
            if doc[j].pos_ == "NOUN":
                noun = doc[j]
                while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
                    noun = noun.head
                break
    if noun is None:
        return None
    return {"value": value, "unit": lx.unit_of(_lemma(noun)), "text": doc[tok.i : noun.i + 1].text}


def _doc_frame(toks: list[Token], content: str) -> dict[str, Any]:
    lang = "ru" if _CYRILLIC.search(content) else "en"
    fr = empty_frame(lang)
    pred_tokens: dict[int, str] = {}
    for t in toks:
        cls = _is_predicate(t)
        if cls:
            pred_tokens[t.i] = cls
            if cls not in fr["predicates"]:
                fr["predicates"].append(cls)
            if _lemma(t) not in fr["predicate_lemmas"]:
                fr["predicate_lemmas"].append(_lemma(t))
    main_tok = next((t for t in toks if pred_tokens.get(t.i) and pred_tokens[t.i] not in lx.META_CLASSES), None)
    open_tok = _open_predicate(toks) if main_tok is None and not pred_tokens else None
    if open_tok is not None:
        main_tok = open_tok
        pred_tokens[open_tok.i] = "v:" + _lemma(open_tok)
    fr["predicate"] = pred_tokens[main_tok.i] if main_tok is not None else None

    subject_places: list[str] = []
    tokset = {t.i for t in toks}
    for key, ts, dem in _country_mentions(toks):
        root = _root(ts)
        role = _role(root, tokset)
        territorial = dem and root.head.lemma_.lower() in lx.TERRITORY_NOUNS
        if role == "location" and (not dem or territorial):
            fr["locations"].append(key)
            pred = _pred_of(root, pred_tokens)
            if pred:
                fr["loc_by_pred"].setdefault(pred, [])
                if key not in fr["loc_by_pred"][pred]:
                    fr["loc_by_pred"][pred].append(key)
        elif role in ("subject", "modifier", "byagent") or (role == "location" and dem):
            fr["agent"].append(key)
            if role == "subject" and not dem:
                subject_places.append(key)
        else:
            fr["participants"].append(key)
    ix = _doc_index(toks[0].doc)
    fr["place_names"] = {k: ix.names[k] for k in [*fr["locations"], *fr["agent"], *fr["participants"]] if k in ix.names}
    ents = list({id(e): e for t in toks if (e := ix.ent_at.get(t.i)) is not None}.values())
    for ent in ents:
        # Named non-country actors doing the act ("Acme Corp supplies ...") are agents too.
        # Our own root finder: spaCy's Span.root raises on the cyclic trees natasha can produce.
        eroot = _root(list(ent))
        if ent.label_ in ("PERSON", "ORG", "NORP") and eroot.i in tokset and eroot.dep_ in _SUBJ:
            name = ent.text.lower()
            if gz.country_key(name) is None:
                fr["agent"].append(name)
    for k in ("agent", "locations", "participants"):
        fr[k] = list(dict.fromkeys(fr[k]))
    fr["places"] = fr["locations"] or list(dict.fromkeys(subject_places))
    if open_tok is not None:
        concrete = any(lx.THEME_SYNONYM.get(_lemma(c)) for c in open_tok.subtree if c.i in tokset)
        if fr["locations"] or concrete:
            fr["predicates"].append(fr["predicate"])
            fr["predicate_lemmas"].append(_lemma(open_tok))
        else:
            # An unknown verb with neither a place nor a known kind of thing is too vague
            # to be tracked as a claim of its own.
            pred_tokens.pop(open_tok.i)
            for preds in fr["loc_by_pred"].values():
                preds.clear()
            fr["loc_by_pred"] = {}
            fr["predicate"] = None
            main_tok = None

    themes: list[tuple[int, str, str]] = []
    for t in toks:
        th = _theme_of(t)
        if th is None:
            continue
        # Nouns that are arguments of a predicate come first: they are what the claim is about.
        rank = 0 if (t.head.i in pred_tokens or _pred_of(t, pred_tokens)) else 1
        themes.append((rank, th[0], th[1]))
    themes.sort(key=lambda x: x[0])
    fr["theme"] = list(dict.fromkeys(h for _, h, _ in themes))[:8]
    fr["theme_phrases"] = list(dict.fromkeys(p for _, _, p in themes))[:8]

    if main_tok is not None:
        fr["negated"] = _negated(main_tok)
    else:
        # no predicate class: the content's own top verbs ("the water is not safe"), which
        # are the sentence root only when nothing reports the content
        ids = {t.i for t in toks}
        tops = [t for t in toks if t.dep_ == "ROOT" or t.head.i not in ids]
        fr["negated"] = any(_negated(t) for t in tops if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT")
    fr["hedged"] = any(t.lower_ in lx.HEDGES for t in toks)
    fr["question"] = content.rstrip().rstrip("»”\"'").endswith("?")
    fr["time"] = list(dict.fromkeys(e.text for e in ents if e.label_ == "DATE" and e.start in tokset))
    for t in toks:
        q = _quantity(t)
        if q and q not in fr["quantities"]:
            fr["quantities"].append(q)
    fr["retract"] = retraction(content, {_span_text(toks, ids): key for ids, key in _place_surfaces(toks)})
    content_pos = _NOMINAL_POS | {"VERB", "ADJ"}
    words = [_lemma(t) for t in toks if t.is_alpha and not t.is_stop and t.pos_ in content_pos]
    fr["lemmas"] = list(dict.fromkeys(words))
    return fr


# ---------------------------------------------------------------------------------------
# Corrections: "I meant X, not Y" and their kin (EN + RU)
# ---------------------------------------------------------------------------------------
_C = r"⟦(\w+)⟧"
_GAP = r"[^.⟦]{0,80}?"
# (pattern, group of the wrong place, group of the intended place)
_RETRACT_PATTERNS: list[tuple[re.Pattern[str], int, int]] = [
    (
        re.compile(
            rf"\b(?:did not|didn't|do not|don't|never) mean(?:t)?\s+(?:to say\s+)?{_C}\W+(?:but|rather){_GAP}{_C}"
        ),
        1,
        2,
    ),
    (re.compile(rf"\bmeant?\s+(?:to say\s+)?{_C}\W+(?:and\s+)?not\s+{_C}"), 2, 1),
    # "the country I had in mind was X, not Y"
    (re.compile(rf"\b(?:had|have|has) in mind\b{_GAP}{_C}\W+(?:and\s+)?not\s+{_C}"), 2, 1),
    (re.compile(rf"\bmeant?\s+(?:to say\s+)?{_C}\W+but{_GAP}{_C}"), 2, 1),
    (re.compile(rf"{_C}\W*\s+instead of\s+{_C}"), 1, 2),
    (re.compile(rf"\binstead of\s+{_C}\W+{_GAP}{_C}"), 2, 1),
    (re.compile(rf"\bnot\s+{_C}\W+but\s+(?:rather\s+)?{_C}"), 1, 2),
    (re.compile(rf"\bshould (?:have )?(?:said|read|be)\s+{_C}{_GAP}\bnot\s+{_C}"), 2, 1),
    (re.compile(rf"\bне\s+{_C}\W+а\s+{_C}"), 1, 2),
    (re.compile(rf"{_C}\W+а не\s+{_C}"), 2, 1),
    (re.compile(rf"{_C}\W*\s+вместо\s+{_C}"), 1, 2),
    (re.compile(rf"\bвместо\s+{_C}\W+{_GAP}{_C}"), 2, 1),
    (re.compile(rf"имел\w*\s+в\s+виду\s+{_C}\W+(?:а|но){_GAP}{_C}"), 2, 1),
]


def _mark_countries(text: str, extra: dict[str, str] | None = None) -> str:
    hits = [(s, e, k) for s, e, k, _ in gz.find_countries_en(text)]
    for surface, key in sorted((extra or {}).items(), key=lambda x: -len(x[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(s < m.end() and m.start() < e for s, e, _ in hits):
                hits.append((m.start(), m.end(), key))
    for m in re.finditer(r"[А-ЯЁа-яё][а-яё-]+", text):
        key = gz.country_of_ru(m.group(0))
        if key and not any(s < m.end() and m.start() < e for s, e, _ in hits):
            hits.append((m.start(), m.end(), key))
    out = text
    for s, e, k in sorted(hits, reverse=True):
        out = out[:s] + f"⟦{k.replace('~', 'ᐩ')}⟧" + out[e:]
    return out


def retraction(text: str, places: dict[str, str] | None = None) -> dict[str, str] | None:
    """{"from": wrong place, "to": intended place} when the text corrects one place for another.

    `places` maps surface names of places no country table knows to their keys (from the
    document's place index), so corrections between any two places are recognised.
    """
    marked = _QUOTE_CHARS.sub("", _mark_countries(text, places)).lower()
    marked = re.sub(r"\s+", " ", marked)
    for rx, wrong, meant in _RETRACT_PATTERNS:
        m = rx.search(marked)
        if m and m.group(wrong) != m.group(meant):
            return {"from": m.group(wrong).replace("ᐩ", "~"), "to": m.group(meant).replace("ᐩ", "~")}
    return None


# ---------------------------------------------------------------------------------------
# Text-only fallback
# ---------------------------------------------------------------------------------------
_WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w'-]*")


def _stem_lookup(word: str) -> str | None:
    w = word.lower()
    for cand in (w, w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-2] + "e", w[:-1] + "e", w[:-3] + "y"):
        if cand in lx.PREDICATE_OF:
            return cand
    if _CYRILLIC.search(w):
        for lemma in lx.PREDICATE_OF:
            if len(lemma) > 5 and _CYRILLIC.search(lemma) and w.startswith(lemma[:-3]):
                return lemma
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def text_frame(text: str) -> dict[str, Any]:
    """A frame from words alone: no roles beyond "in X", crude lemmas. Used when no Doc is at hand."""
    lang = "ru" if _CYRILLIC.search(text) else "en"
    fr = empty_frame(lang)
    words = list(_WORD.finditer(text))
    for m in words:
        lemma = _stem_lookup(m.group(0))
        if lemma:
            cls = lx.PREDICATE_OF[lemma]
            if cls not in fr["predicates"]:
                fr["predicates"].append(cls)
                fr["predicate_lemmas"].append(lemma)
        low = m.group(0).lower()
        for cand in (low, low.rstrip("s")):
            head = lx.THEME_SYNONYM.get(cand)
            if head and head not in fr["theme"]:
                fr["theme"].append(head)
                break
    fr["predicate"] = next((p for p in fr["predicates"] if p not in lx.META_CLASSES), None)
    fr["theme_phrases"] = list(fr["theme"])
    hits = [(s, k, d) for s, _, k, d in gz.find_countries_en(text)]
    hits += [(m.start(), k, m.group(0)[0].islower()) for m in words if (k := gz.country_of_ru(m.group(0)))]
    for s, key, dem in sorted(hits):
        before = text[max(0, s - 25) : s].lower().split()
        if not dem and before and (before[-1] in lx.LOCATIVE_PREPS or before[-2:-1] == ["territory"]):
            fr["locations"].append(key)
        elif dem:
            fr["agent"].append(key)
        else:
            fr["participants"].append(key)
    for k in ("agent", "locations", "participants"):
        fr[k] = list(dict.fromkeys(fr[k]))
    fr["places"] = fr["locations"] or [p for p in fr["participants"][:1]]
    low = text.lower()
    fr["negated"] = bool(re.search(r"\b(not|n't|never|no)\b|(?<!\w)(не|ни)(?!\w)", low))
    fr["hedged"] = any(w.group(0).lower() in lx.HEDGES for w in words)
    fr["question"] = text.rstrip().endswith("?")
    fr["quantities"] = [
        {"value": m.group(1), "unit": lx.unit_of(_singular(m.group(2).lower())), "text": m.group(0)}
        for m in re.finditer(r"\b(\d[\d,.]*)\s+([A-Za-zА-Яа-яЁё]+)", text)
        if not re.fullmatch(r"(1[89]|20)\d\d", m.group(1))
    ]
    fr["retract"] = retraction(text)
    fr["lemmas"] = list(dict.fromkeys(w.group(0).lower() for w in words if len(w.group(0)) > 3))
    return fr
