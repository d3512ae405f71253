"""Corpus-level entity resolution: one canonical entity per real-world actor.

Per-document stages give every mention a `local_name` (the fullest name the document
uses). Here those local names are normalised into comparable *frames* so that the same
actor named differently across articles and languages ends up as one Entity:

* persons: (given name, surname), transliterated to Latin and reduced to a spelling
  skeleton so that Zelensky/Zelenskyy/Зеленского compare equal; two people sharing a
  surname stay apart when their given names disagree;
* state bodies: (country, institution type, place), so "Tajik MFA", "Ministry of Foreign
  Affairs of Tajikistan" and "МИД Таджикистана" are one frame;
* countries (GPE/NORP): the country itself, whatever the demonym or case form;
* other named organisations and media: the normalised name, or an acronym of it.

Blocking keys (`mention_keys`) are derived from the same frames, so the orchestrator only
compares a mention with entities that could plausibly be it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from claimledger.gazetteer import APOSTROPHES, clean_text, country_display, find_country, is_country_word, name_words
from claimledger.models import Entity, Mention
from claimledger.names import given_compatible, has_cyrillic, place_stem, ru_surname_base, skeleton, translit

# ---------------------------------------------------------------------------
# State-body owners
# ---------------------------------------------------------------------------

# Words inside state-body names that describe the body, not whose it is.
_OWNER_SKIP = {
    "royal", "national", "federal", "state", "central", "supreme", "general", "public", "democratic", "people",
    "popular", "islamic", "republic", "kingdom", "united", "foreign", "affairs", "main", "high", "higher",
    "special", "joint", "ministry", "minister", "office", "department", "embassy", "consulate", "side", "army",
    "government", "council", "service", "the", "of", "and", "for",
}  # fmt: skip
_CAP_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_RU_DEMONYM_RE = re.compile(r"^[а-яё]+[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")


def derived_owner(owner_text: str, kind_match: tuple[int, int] | None = None) -> str | None:
    """The owner of a state body no table knows, as a place-stem key ("~kestran").

    The owner is what is left of the name once the institution words are taken out: the
    capitalised words ("Valdorian Foreign Ministry", "Ministry of Foreign Affairs of
    Valdoria", "МИД Кестрании") or a Russian demonym adjective ("кестранского МИД")."""
    text = clean_text(owner_text)
    if kind_match is not None:
        text = text[: kind_match[0]] + " " + text[kind_match[1] :]
    stems: list[str] = []
    for w in _CAP_WORD_RE.findall(text):
        low = w.lower()
        if low in _OWNER_SKIP or low in _ORG_STOP or low in _TITLES:
            continue
        if w[:1].isupper() or _RU_DEMONYM_RE.match(low):
            st = place_stem(w)
            if len(st) >= 3:
                stems.append(st)
    if not stems:
        return None
    return "~" + " ".join(dict.fromkeys(stems))


def _is_derived(country: str | None) -> bool:
    return bool(country) and country.startswith("~")  # type: ignore[union-attr]


# ---------------------------------------------------------------------------
# Institutions
# ---------------------------------------------------------------------------

# institution type -> patterns (regex over the lowercased cleaned name). Also an implied
# country where the institution name itself says whose it is (State Department, Kremlin).
_INSTITUTIONS: list[tuple[str, str, str | None]] = [
    ("mfa", r"\bforeign (?:affairs )?ministry\b|\bministry of (?:foreign|external) affairs\b|\bforeign ministries\b"
     r"|\bmfa\b|\bforeign office\b|\bmid\b|\bмид\w*|министерств\w* иностранных дел", None),
    ("mfa", r"\bstate department\b|\bdepartment of state\b|госдеп\w*", "united_states"),
    ("defence", r"\bdefen[cs]e ministry\b|\bministry of (?:the )?defen[cs]e\b|\bdefen[cs]e minist\w*\b|\bmod\b"
     r"|минобороны|министерств\w* обороны|\bмо\b", None),
    ("defence", r"\bpentagon\b|\bdepartment of defen[cs]e\b|\bdod\b|пентагон\w*", "united_states"),
    ("interior", r"\binterior ministry\b|\bministry of (?:the )?interior\b|\bministry of internal affairs\b"
     r"|\bmvd\b|\bмвд\b|министерств\w* внутренних дел|\bhome office\b", None),
    ("justice", r"\bjustice ministry\b|\bministry of justice\b|\bdepartment of justice\b|минюст\w*"
     r"|министерств\w* юстиции", None),
    ("finance", r"\bfinance ministry\b|\bministry of finance\b|\btreasury\b|минфин\w*|министерств\w* финансов", None),
    ("health", r"\bhealth ministry\b|\bministry of health\b|минздрав\w*|министерств\w* здравоохранения", None),
    ("economy", r"\beconomy ministry\b|\bministry of (?:the )?economy\b|\bministry of economic\w*|минэконом\w*"
     r"|министерств\w* экономи\w*", None),
    ("energy", r"\benergy ministry\b|\bministry of energy\b|минэнерго|министерств\w* энергетики", None),
    ("emergencies", r"\bemergenc\w* ministry\b|\bministry of emergenc\w*|\bмчс\b|committee for emergency", None),
    ("education", r"\beducation ministry\b|\bministry of education\b|минобр\w*|министерств\w* образования", None),
    ("embassy", r"\bembass\w*|посольств\w*", None),
    ("consulate", r"\bconsulate\w*|консульств\w*", None),
    # "Congress" alone is the US one; "Indian National Congress" is a party, not a parliament.
    ("parliament", r"^(?:u\.?s\.? |us |american |united states )?congress$", "united_states"),
    ("parliament", r"\bparliament\w*|\bmajlis\b|\bmajilis\b|\bduma\b|\bverkhovna rada\b|\bsenate\b"
     r"|парламент\w*|госдум\w*|\bдум[аеуы]\b|меджлис\w*|маджлис\w*|\bрад[аеуы]\b", None),
    ("presidency", r"\bpresidential (?:administration|office)\b|\boffice of the president\b|\bpresident'?s office\b"
     r"|администраци\w* президента|офис\w* президента|аппарат\w* президента", None),
    ("presidency", r"\bkremlin\b|кремл\w*", "russia"),
    ("presidency", r"\bwhite house\b|бел\w* дом\w*", "united_states"),
    ("security", r"\bsecurity service\b|\bstate security committee\b|\bfsb\b|\bsbu\b|\bgknb\b|\bфсб\b|\bсбу\b|\bгкнб\b"
     r"|\bintelligence (?:service|agency)\b", None),
    ("armed forces", r"\barmed forces\b|\barmy\b|\bmilitary\b|вооруж\w* сил\w*|\bарми\w*", None),
    ("central bank", r"\bcentral bank\b|\bnational bank\b|центробанк\w*|центральн\w* банк\w*"
     r"|национальн\w* банк\w*", None),
    ("prosecutor", r"\bprosecutor\w*(?: general\w*)?(?:'s)? office\b|\bprosecutor general\b|генпрокуратур\w*"
     r"|прокуратур\w*", None),
    ("court", r"\bsupreme court\b|\bconstitutional court\b|верховн\w* суд\w*|конституционн\w* суд\w*", None),
    ("election commission", r"\belection commission\b|\bcec\b|\bцик\b|избирательн\w* комисси\w*", None),
    ("border service", r"\bborder (?:service|guard\w*|troops)\b|погранич\w*|погранслужб\w*", None),
    ("police", r"\bpolice\b|полици\w*|милици\w*", None),
    ("city hall", r"\bcity hall\b|\bmayor'?s office\b|\bmunicipality\b|\bcity administration\b|мэри\w*"
     r"|муниципалитет\w*|администраци\w* город\w*|городск\w* администраци\w*", None),
    ("city council", r"\bcity council\b|\btown council\b|горсовет\w*|городск\w* совет\w*|городск\w* дум\w*", None),
    ("government", r"\bgovernment\b|\bcabinet\b|\bauthorities\b|правительств\w*|\bвласт\w*|кабинет\w* министров", None),
    # "the Tajik side": a diplomatic self-reference of a state (see `_SIDE_RE`).
    ("side", r"\bside\b|сторон\w*", None),
]  # fmt: skip
_INSTITUTION_RES = [(kind, re.compile(pat), implied) for kind, pat, implied in _INSTITUTIONS]
_SIDE_KIND = "side"

# A place after an embassy/consulate ("in Dushanbe", "в Душанбе") is its seat, not its owner.
_PLACE_RE = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?([^,;()]+)$|(?:^|\s)(?:в|во|при)\s+([^,;()]+)$", re.IGNORECASE)

_ORG_STOP = {
    "the", "of", "and", "for", "on", "in", "a", "an", "&", "inc", "ltd", "llc", "plc", "co", "corp", "corporation",
    "company", "group", "republic", "islamic", "federal", "federation", "kingdom", "state", "ооо", "оао", "зао", "пао",
    "ао", "республики", "республика", "и",
}  # fmt: skip
# Function words and legal forms: never part of a name, even of one that is otherwise all
# _ORG_STOP words ("Islamic State group" is "islamic state").
_ORG_FORM_WORDS = {
    "the", "of", "and", "for", "on", "in", "a", "an", "&", "inc", "ltd", "llc", "plc", "co", "corp", "corporation",
    "company", "group", "ооо", "оао", "зао", "пао", "ао", "и",
}  # fmt: skip
_ACRONYM_SKIP = {"the", "of", "and", "for", "on", "in", "a", "an", "&", "и", "по", "в"}


@dataclass(frozen=True)
class OrgFrame:
    """What an organisation name says about the organisation."""

    country: str | None
    kind: str | None
    place: str | None
    name: str  # normalised name (for named organisations)
    acronym: str | None  # the acronym the name expands to, or the name itself if it is one
    is_acronym: bool


def org_frame(text: str) -> OrgFrame:
    cleaned = clean_text(text)
    low = cleaned.lower()
    kind: str | None = None
    implied: str | None = None
    for k, rx, imp in _INSTITUTION_RES:
        if rx.search(low):
            kind, implied = k, imp
            break
    place: str | None = None
    owner_text = cleaned
    if kind in ("embassy", "consulate"):
        m = _PLACE_RE.search(cleaned)
        if m:
            raw_place = (m.group(1) or m.group(2) or "").strip()
            owner_text = cleaned[: m.start()].strip()
            pc = find_country(raw_place)
            place = pc or " ".join(place_stem(w) for w in _CAP_WORD_RE.findall(raw_place)) or None
    country = find_country(owner_text) or implied
    if country is None and kind is not None:
        # A state body of a place no table knows: its owner is the name minus the
        # institution words, keyed by place stem so "Valdorian MFA" meets "МИД Валдории".
        owner_low = owner_text.lower()
        km = next((m for _k, rx, _i in _INSTITUTION_RES if _k == kind for m in [rx.search(owner_low)] if m), None)
        country = derived_owner(owner_text, km.span() if km else None)
    every = name_words(cleaned)
    words = [w for w in every if w not in _ORG_STOP]
    if not words:
        # A name made only of words that are generic elsewhere ("Islamic State") is those
        # words: without them it would name nothing and never meet itself in another
        # document. One generic word alone ("State", "the Group") still names nothing.
        words = [w for w in every if w not in _ORG_FORM_WORDS]
        if len(words) < 2:
            words = []
    name = " ".join(translit(w) for w in words)
    stripped = re.sub(r"[^\w]", "", cleaned)
    is_acr = bool(re.fullmatch(r"[A-ZА-ЯЁ]{2,7}", stripped)) and " " not in cleaned.strip()
    if is_acr:
        acronym = translit(stripped)
    else:
        sig = [w for w in re.findall(r"[^\W\d_]+", cleaned) if w.lower() not in _ACRONYM_SKIP]
        acronym = translit("".join(w[0] for w in sig)) if len(sig) >= 2 else None
    return OrgFrame(country, kind, place, name, acronym, is_acr)


# ---------------------------------------------------------------------------
# Persons
# ---------------------------------------------------------------------------

_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "vice",
    "prime", "minister", "pm", "general", "major", "major-general", "lieutenant", "lieutenant-general", "colonel",
    "col", "gen", "lt", "capt", "captain", "admiral", "sergeant", "sgt", "chief", "deputy", "ambassador",
    "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "king", "queen", "prince", "princess",
    "sheikh", "ayatollah", "imam", "pope", "father", "rev", "reverend", "judge", "justice", "secretary",
    "chancellor", "spokesman", "spokeswoman", "spokesperson", "blogger", "journalist", "businessman", "leader",
    "defense", "defence", "foreign", "affairs", "seyed", "sayyid", "hajji",
    # police and military ranks, which read as a given name otherwise ("Officer Wilson")
    "officer", "corporal", "cpl", "constable", "detective", "det", "inspector", "sheriff", "trooper", "commander",
    "marshal", "brigadier", "commissioner", "superintendent", "supt", "pte", "pvt",
    "господин", "госпожа", "г-н", "г-жа", "президент", "премьер", "премьер-министр", "министр", "генерал",
    "генерал-майор", "полковник", "посол", "глава", "председатель", "депутат", "сенатор", "журналист", "блогер",
    "бизнесмен", "губернатор", "мэр", "представитель", "пресс-секретарь",
}  # fmt: skip
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "esq", "phd"}
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn",
              "ben", "abu", "bint", "ter", "ten", "dos", "das"}  # fmt: skip
_PATRONYMIC_RE = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)$", re.IGNORECASE)
# A patronymic in any case form (Петровича, Петровной) and in Latin (Petrovich, Petrovna): its
# stem up to the suffix, which tells the father's name, and the suffix, which tells the gender.
_PATRONYMIC_ANY_RE = re.compile(
    r"^(?P<stem>[а-яё]+?(?:ов|ев|ь)?)(?P<suf>ич|вич|вн|чн)(?:а|у|ем|е|ы|ой|ою|)$"
    r"|^(?P<lstem>[a-z]+?(?:ov|ev))(?P<lsuf>ich|na)$"
)
# Russian surname endings that show the bearer's gender whatever the case: "-ская", "-овой" are
# a woman's, "-ов", "-ский", "-ского" a man's. "-ова", "-ину" are left open: "Волкова" is also the
# genitive of "Волков", "Волкову" his dative.
_RU_FEMININE_RE = re.compile(r"(?:[сц]кая|[сц]кую|[оеё]вой|[иы]ной)$|(?:ova|eva|yova|[st]skaya)$")
_RU_MASCULINE_RE = re.compile(r"(?:[оеё]в|[иы]н|[сц]кий|[сц]кого|[сц]кому|[сц]ким)$|(?:ov|ev|[st]?sk(?:y|iy|ii))$")

_PRONOUNS = {
    "he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you", "who", "which", "this",
    "that", "он", "она", "оно", "они", "его", "ее", "её", "их", "мы", "я", "вы", "ты", "кто", "который", "которая",
}  # fmt: skip


@dataclass(frozen=True)
class PersonName:
    given: str  # skeleton of the given name ("" when absent)
    surname: str  # skeleton of the surname
    surname_variants: tuple[str, ...]  # all skeleton forms worth keying (inflected/base)
    tokens: int  # how many name tokens the form had: fuller names win as display name
    patronymic: str = ""  # skeleton of the patronymic's stem (the father's name), "" when absent
    gender: str = ""  # "f" or "m" where the surname or patronymic shows it, else ""


def _patronymic(token: str) -> tuple[str, str] | None:
    """(stem skeleton, gender) of a patronymic in any case form, or None."""
    m = _PATRONYMIC_ANY_RE.match(token.lower())
    if m is None:
        return None
    stem = m.group("stem") or m.group("lstem")
    suf = m.group("suf") or m.group("lsuf")
    if len(stem) < 3:
        return None
    return skeleton(stem), ("f" if suf in ("вн", "чн", "na") else "m")


def _surname_gender(token: str) -> str:
    low = token.lower()
    if _RU_FEMININE_RE.search(low):
        return "f"
    if _RU_MASCULINE_RE.search(low):
        return "m"
    return ""


def _particle_prefix(token: str) -> str | None:
    """The name after a particle hyphenated to it ("al-Dulaimi" -> "Dulaimi"), else None."""
    head, sep, rest = token.partition("-")
    if sep and head.lower() in _PARTICLES and rest[:1].isalpha():
        return rest
    return None


def person_name(text: str) -> PersonName | None:
    raw = [t for t in re.split(r"[\s,]+", clean_text(text)) if t]
    toks: list[str] = []
    for t in raw:
        bare = t.strip(".'’()[]").lower()
        for a in APOSTROPHES:
            if bare.endswith(a + "s"):
                bare = bare[:-2]
                t = t[: t.lower().rfind(a)]
        if not bare or bare in _TITLES or bare in _SUFFIXES or bare in _PRONOUNS:
            continue
        # A title glued with a hyphen ("Major-General") is still a title.
        if "-" in bare and all(p in _TITLES for p in bare.split("-")):
            continue
        toks.append(t.strip(".'’()[]"))
    # Descriptors before a name ("Ukrainian blogger", "top military adviser") are not part
    # of it: drop demonyms and lowercase words (other than particles like "von") when the
    # text is capitalised at all.
    if any(t[:1].isupper() for t in toks):
        toks = [
            t for i, t in enumerate(toks)
            if (t[:1].isupper() or t.lower() in _PARTICLES or _particle_prefix(t) is not None)
            and not (i < len(toks) - 1 and find_country(t) is not None)
        ] or toks  # fmt: skip
    if not toks:
        return None
    # "Иван Петрович Сидоров", "Сидоров Иван Петрович": the patronymic sits after the first word
    patronymic, p_gender = "", ""
    if len(toks) >= 3:
        found = next((pt for t in toks[1:] if (pt := _patronymic(t)) is not None), None)
        if found is not None:
            patronymic, p_gender = found
    # Russian order "Фамилия Имя Отчество": a patronymic last means the surname came first.
    if len(toks) >= 2 and _PATRONYMIC_RE.search(toks[-1]) and has_cyrillic(toks[-1]):
        if len(toks) == 2:
            return None  # "Имя Отчество": no surname to key on
        toks = [toks[1], toks[0]]
    toks = [t for i, t in enumerate(toks) if not (i > 0 and has_cyrillic(t) and _PATRONYMIC_RE.search(t))] or toks
    if patronymic and len(toks) >= 3:
        toks = [toks[0], *[t for t in toks[1:-1] if _patronymic(t) is None], toks[-1]]
    surname_tok = toks[-1]
    given_toks = [t for t in toks[:-1] if t.lower() not in _PARTICLES]
    variants: list[str] = []
    if has_cyrillic(surname_tok):
        base = ru_surname_base(surname_tok)
        variants = [skeleton(base), skeleton(surname_tok)]
    else:
        variants = [skeleton(surname_tok)]
    if (bare := _particle_prefix(surname_tok)) is not None:
        # "al-Dulaimi" is also written "Dulaimi" once the name is known
        variants.append(skeleton(bare))
    variants = [v for v in dict.fromkeys(variants) if v]
    if not variants:
        return None
    given = skeleton(given_toks[0]) if given_toks else ""
    # only Slavic-looking forms say a gender: Cyrillic, or a Latin name with a patronymic or
    # one of the transliterated endings
    gender = p_gender or _surname_gender(surname_tok)
    return PersonName(given, variants[0], tuple(variants), len(toks), patronymic, gender)


def surname_match(a: PersonName, b: PersonName) -> bool:
    if set(a.surname_variants) & set(b.surname_variants):
        return True
    # Spelling variants the skeleton does not fold (Lukashenko/Lukashenka).
    return any(
        len(x) >= 5 and len(y) >= 5 and x[0] == y[0] and fuzz.ratio(x, y) >= 88
        for x in a.surname_variants
        for y in b.surname_variants
    )


# ---------------------------------------------------------------------------
# Mention classification and keys
# ---------------------------------------------------------------------------

_CLASS = {"PERSON": "person", "ORG": "org", "MEDIA": "org", "GPE": "place", "NORP": "place", "OTHER": "other"}


def _mention_name(m: Mention) -> str:
    name = m.local_name or m.text
    # Drop a leading article: "the Tajik Foreign Ministry" and "Tajik Foreign Ministry" are one name.
    # A Russian preposition glued to the front ("В МИД сообщили") is not part of the name either.
    return re.sub(r"^(?:the|a|an|в|во|на|из|от)\s+(?=\S)", "", clean_text(name), flags=re.IGNORECASE)


def _norm_name(text: str) -> str:
    return " ".join(translit(w) for w in name_words(text))


@dataclass(frozen=True)
class _Parsed:
    cls: str  # person | org | country | place | other
    person: PersonName | None = None
    org: OrgFrame | None = None
    country: str | None = None
    name: str = ""
    alt: tuple[str, ...] = ()  # other spellings of `name` (inflected/base Cyrillic forms)


_PREFIX = {"place": "g", "other": "x", "org": "n", "person": "p", "country": "c"}


@lru_cache(maxsize=8192)
def _parse(name: str, etype: str) -> _Parsed:
    # Cached: the same names recur across mentions, documents and stages (stories key on them too).
    cls = _CLASS.get(etype, "other")
    if cls == "person":
        pn = person_name(name)
        if pn is not None:
            return _Parsed("person", person=pn, name=_norm_name(name))
        return _Parsed("other", name=_norm_name(name))
    if cls in ("org", "place"):
        frame = org_frame(name)
        if frame.kind is not None:
            return _Parsed("org", org=frame, name=frame.name)
        if frame.country is not None:
            # The whole name is a country or demonym ("Tajikistan", "Iranians"): the country.
            leftovers = [w for w in name_words(name) if not is_country_word(w) and w not in _ORG_STOP]
            if not leftovers or all(find_country(w) == frame.country for w in leftovers):
                return _Parsed("country", country=frame.country, name=frame.country)
        if cls == "place":
            words = name_words(name)
            if len(words) == 1 and words[0][:1].isalpha():
                # A one-word place or demonym no table knows ("Valdoria", "Valdorian",
                # "Валдории"): one entity per place stem, the way demonyms join countries.
                stem = place_stem(words[0])
                if len(stem) >= 3:
                    return _Parsed("country", country="~" + stem, name="~" + stem)
            # Case endings of Cyrillic place names (Душанбе/Москве) are stripped like surnames;
            # the unstripped form is kept too, for names that do not decline.
            base = " ".join(skeleton(ru_surname_base(w)) if has_cyrillic(w) else skeleton(w) for w in words)
            plain = " ".join(skeleton(w) for w in words)
            return _Parsed("place", name=base, alt=(plain,) if plain != base else ())
        return _Parsed("org", org=frame, name=frame.name)
    return _Parsed("other", name=_norm_name(name))


def _keys_for(p: _Parsed, doc_id: str = "") -> list[str]:
    keys: list[str] = []
    if p.cls == "person" and p.person:
        for v in p.person.surname_variants:
            keys.append(f"p:{v}")
            if len(v) >= 5:
                keys.append(f"p4:{v[:4]}")  # lets the fuzzy fallback see near-spellings
    elif p.cls == "country" and p.country:
        keys.append(f"c:{p.country}")
    elif p.cls == "org" and p.org:
        f = p.org
        if f.kind is not None:
            # A ministry with no country named cannot be told apart from any other country's:
            # it is scoped to its document (the per-document stage should have resolved it).
            owner = f.country or f"@{doc_id}"
            keys.append(f"o:{owner}|{f.kind}")
        else:
            if f.name:
                keys.append(f"n:{f.name}")
            if f.acronym:
                keys.append(f"a:{f.acronym}")
    elif p.name and _clean_form(p.name) is None:
        # A pronoun ("you", "who") never joins another document's entity (it has no name to
        # match on); a corpus-wide key would gather every document's under one key.
        keys.append(f"{_PREFIX[p.cls]}:@{doc_id}|{p.name}")
    elif p.name:
        for n in (p.name, *p.alt):
            keys.append(f"{_PREFIX[p.cls]}:{n}")
    return list(dict.fromkeys(keys))


def mention_keys(mention: Mention) -> list[str]:
    """Blocking keys of a mention: an entity sharing none of them cannot be this actor."""
    return _keys_for(_parse(_mention_name(mention), mention.type), mention.doc_id)


# ---------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------


def _is_alias_worthy(form: str) -> bool:
    f = form.strip()
    return bool(f) and f.lower() not in _PRONOUNS and any(c.isalpha() for c in f)


@lru_cache(maxsize=16384)  # every candidate entity's stored names are cleaned again for each document
def _clean_form(form: str) -> str | None:
    """A name as aliases keep it (no leading article), or None when it names no one."""
    cleaned = re.sub(r"^(?:the|a|an)\s+", "", clean_text(form), flags=re.IGNORECASE)
    return cleaned if _is_alias_worthy(cleaned) else None


class _Cand:
    """A candidate entity with its names parsed once."""

    def __init__(self, entity: Entity) -> None:
        self.entity = entity
        self.forms: Counter[str] = Counter()
        self.parsed: list[_Parsed] = []
        # Stored names count as evidence too, so a fuller stored name is not displaced by
        # a shorter form that merely turned up in this batch.
        self.add_form(entity.name, count=2)
        for form in entity.aliases:
            self.add_form(form, count=1)

    def add_form(self, form: str, count: int = 1) -> None:
        cleaned = _clean_form(form)
        if cleaned is None:
            return
        form = cleaned
        if form not in self.forms:
            self.parsed.append(_parse(form, self.entity.type))
        self.forms[form] += count


def _person_score(p: PersonName, cand: _Cand) -> int:
    """0 = incompatible; 1 = compatible with a surname-only form; 2 = given names agree."""
    best = 0
    conflict = False
    shown = _parse(cand.entity.name, cand.entity.type) if cand.entity.name else None
    for q in cand.parsed:
        if q.cls != "person" or q.person is None or not surname_match(p, q.person):
            continue
        if (p.patronymic and q.person.patronymic and p.patronymic != q.person.patronymic) or (
            p.gender and q.person.gender and p.gender != q.person.gender
        ):
            # Иван Петрович vs Иван Николаевич Сидоров, Волков vs Анна Волкова: other people,
            # whatever other forms the candidate also carries
            return 0
        if not given_compatible(p.given, q.person.given):
            # Only the entity's own name says it is someone else: an alias whose first word
            # reads as another given name ("Officer Wilson" beside "Darren Wilson", a form the
            # document stage judged to be this person) would otherwise shut the entity out
            # of every later document that names them in full.
            conflict = conflict or q == shown
            continue
        best = max(best, 2 if p.given and q.person.given else 1)
    # A candidate whose full name gives another first name is another person, even if it
    # also carries a bare-surname alias.
    if conflict and p.given:
        return 0
    return best


def _org_match(f: OrgFrame, cand: _Cand) -> int:
    best = 0
    if f.place:
        # An embassy seen with another seat is another embassy, even if the candidate also
        # carries a seat-less alias ("U.S. Embassy" of the one in Dushanbe vs. Kyiv).
        seats = {
            q.org.place for q in cand.parsed
            if q.org is not None and q.org.kind == f.kind and q.org.country == f.country and q.org.place
        }  # fmt: skip
        if seats and f.place not in seats:
            return 0
    for q in cand.parsed:
        g = q.org
        if q.cls != "org" or g is None:
            continue
        if f.kind is not None or g.kind is not None:
            if f.kind == g.kind and f.country == g.country:
                if f.place and g.place and f.place != g.place:
                    continue
                best = max(best, 3 if f.place == g.place else 2)
            continue
        if f.name and f.name == g.name:
            best = max(best, 3)
        elif f.acronym and g.acronym and f.acronym == g.acronym and (f.is_acronym or g.is_acronym):
            best = max(best, 2)
        elif f.name and g.name and min(len(f.name), len(g.name)) >= 5 and fuzz.token_sort_ratio(f.name, g.name) >= 92:
            best = max(best, 1)
    return best


def _choose(scored: list[tuple[int, _Cand]], require_unique_weak: bool) -> _Cand | None:
    scored = [(s, c) for s, c in scored if s > 0]
    if not scored:
        return None
    top = max(s for s, _ in scored)
    best = [c for s, c in scored if s == top]
    if len(best) == 1:
        return best[0]
    if require_unique_weak:
        # Several compatible people share the surname: only an entity that is itself the
        # bare surname may take the mention.
        return None
    # Several equally good candidates: the one with more evidence (aliases seen).
    return max(best, key=lambda c: (sum(c.forms.values()), len(c.forms)))


def _match(p: _Parsed, pool: Iterable[_Cand]) -> _Cand | None:
    pool = list(pool)
    if p.cls == "person" and p.person:
        scored = [(_person_score(p.person, c), c) for c in pool if c.entity.type == "PERSON"]
        surname_only = not p.person.given
        chosen = _choose(scored, require_unique_weak=surname_only)
        if chosen is None and surname_only:
            # Ambiguous bare surname: join an entity that is itself only that surname.
            bare = [
                c for s, c in scored
                if s > 0 and all(q.person is None or not q.person.given for q in c.parsed)
            ]  # fmt: skip
            if len(bare) == 1:
                return bare[0]
        return chosen
    if p.cls == "country":
        for c in pool:
            if any(q.cls == "country" and q.country == p.country for q in c.parsed):
                return c
        return None
    if p.cls == "org" and p.org:
        return _choose([(_org_match(p.org, c), c) for c in pool], require_unique_weak=False)
    names = {p.name, *p.alt}
    for c in pool:
        if any(q.cls == p.cls and names & {q.name, *q.alt} for q in c.parsed):
            return c
    return None


def _display_name(cand: _Cand) -> str:
    """Persons: fullest, then Latin-script, then most frequent form; organisations: most
    frequent, then fullest; countries: their standard name."""
    parsed = {f: _parse(f, cand.entity.type) for f in cand.forms}
    countries = [q.country for q in parsed.values() if q.cls == "country" and q.country]
    if countries:
        key = Counter(countries).most_common(1)[0][0]
        if not _is_derived(key):
            return country_display(key)
        # A place no table knows: its own name (Latin first), which is usually shorter than
        # the demonym ("Valdoria" over "Valdorian") and uninflected.
        own = [f for f, q in parsed.items() if q.country == key]
        return min(own, key=lambda f: (has_cyrillic(f), not f[:1].isupper(), len(f), -cand.forms[f]))
    # Descriptions ("the ministry", "spokesman") are aliases, never the display name.
    forms = [f for f in cand.forms if f[:1].isupper() or f[:1].isdigit()] or list(cand.forms)
    if not forms:
        return cand.entity.name

    def rank(form: str) -> tuple[int, ...]:
        q = parsed[form]
        latin = 0 if has_cyrillic(form) else 1
        if q.person is not None:
            # Latin script reads for every user of a mixed-language ledger, and English copy
            # usually gives the fullest form.
            return (q.person.tokens, latin, cand.forms[form], -len(form))
        return (cand.forms[form], len(form.split()), latin, -len(form))

    return max(forms, key=rank)


def _entity_type(etype: str, p: _Parsed) -> str:
    if p.cls == "country":
        return "GPE"
    return etype


def resolve(mentions: list[Mention], candidates: list[Entity], new_id: Callable[[], str]) -> list[Entity]:
    """Give every mention a global entity id; return the entities created or changed.

    `candidates` are the stored entities sharing a blocking key with the mentions; they may
    be updated in place (new aliases, fuller name, more keys) and are then returned.
    """
    pool: list[_Cand] = [_Cand(e) for e in candidates]
    changed: dict[str, _Cand] = {}
    # Each mention is compared with the candidates sharing one of its own keys, not with the
    # whole document's pool: a long article's pool holds hundreds of entities, and the match
    # rules only ever accept one that shares a key anyway (surname variants, institution and
    # owner, name, acronym, place).
    by_key: dict[str, list[_Cand]] = {}
    keyless: list[_Cand] = []

    rank: dict[int, int] = {}

    def index(cand: _Cand) -> None:
        rank[id(cand)] = len(rank)
        if not cand.entity.keys:
            keyless.append(cand)
        for k in cand.entity.keys:
            by_key.setdefault(k, []).append(cand)

    def sharing(keys: list[str]) -> list[_Cand]:
        seen: dict[int, _Cand] = {id(c): c for k in keys for c in by_key.get(k, ())}
        seen.update((id(c), c) for c in keyless)
        return sorted(seen.values(), key=lambda c: rank[id(c)])  # the pool's order: ties go as before

    for cand in pool:
        index(cand)

    parsed_mentions = [(m, _parse(_mention_name(m), m.type)) for m in mentions]

    # Fullest names first, so that "Dmitry Gordon" exists before a bare "Gordon" is placed;
    # "X side" last, because it joins an already placed state body of X (see below).
    def order(item: tuple[Mention, _Parsed]) -> tuple[int, int]:
        _m, p = item
        side = 1 if p.org is not None and p.org.kind == _SIDE_KIND else 0
        tokens = p.person.tokens if p.person else 1
        return (side, -tokens)

    for m, p in sorted(parsed_mentions, key=order):
        name = _mention_name(m)
        cand: _Cand | None = None
        if p.org is not None and p.org.kind == _SIDE_KIND and p.org.country:
            cand = _side_target(p.org.country, m.doc_id, parsed_mentions, pool)
        if cand is None:
            if p.org is not None and p.org.kind == _SIDE_KIND:
                # An unpinned "X side" may only join another unpinned one, never a body that
                # absorbed a "side" alias in a document where the rule could pin it.
                sides = [c for c in pool if all(q.org is not None and q.org.kind == _SIDE_KIND for q in c.parsed)]
                cand = _match(p, sides)
            else:
                cand = _match(p, sharing(_keys_for(p, m.doc_id)))
        if cand is None:
            ent = Entity(id=new_id(), name=name, type=_entity_type(m.type, p))  # type: ignore[arg-type]
            cand = _Cand(ent)
            pool.append(cand)
            index(cand)
        cand.add_form(name)
        if m.text and m.text != name:
            cand.add_form(m.text, count=0)
        m.entity_id = cand.entity.id
        e = cand.entity
        for k in _keys_for(p, m.doc_id):
            if k not in e.keys:
                e.keys.append(k)
                by_key.setdefault(k, []).append(cand)
        if cand in keyless and e.keys:
            keyless.remove(cand)
        changed[e.id] = cand

    out: list[Entity] = []
    for cand in changed.values():
        e = cand.entity
        e.name = _display_name(cand)
        e.aliases = sorted(f for f in cand.forms if f != e.name)
        out.append(e)
    return out


def _side_target(country: str, doc_id: str, parsed: list[tuple[Mention, _Parsed]], pool: list[_Cand]) -> _Cand | None:
    """An "X side" in a document whose only state body of X is, say, its foreign ministry
    is that ministry speaking of itself: diplomats use "side" for their own government.
    With no or several such bodies we cannot tell which one, and keep the generic frame."""
    ids = {
        m.entity_id
        for m, p in parsed
        if m.doc_id == doc_id
        and m.entity_id
        and p.org is not None
        and p.org.kind not in (None, _SIDE_KIND)
        and p.org.country == country
    }
    if len(ids) != 1:
        return None
    target = next(iter(ids))
    return next((c for c in pool if c.entity.id == target), None)
