"""Pure utilities for comparing names across spellings, scripts and Russian case forms.

Every stage that compares names (actors, frames, entities, claims, timeline, stories) uses
these, so they sit at the bottom layer: they depend on nothing but the standard library and
the gazetteer's tokenisation.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from claimledger.gazetteer import APOSTROPHES, clean_text, name_cache

# ---------------------------------------------------------------------------
# Transliteration and spelling skeletons
# ---------------------------------------------------------------------------

# Wikipedia-style (BGN-like) Russian/Ukrainian romanisation: the one English-language
# news uses, so transliterated Cyrillic names land close to the spelling in English copy.
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "қ": "q", "ғ": "gh", "ҳ": "h",
    "ӯ": "u", "ӣ": "i", "ҷ": "j", "ң": "ng", "ө": "o", "ү": "u", "ә": "a",
}  # fmt: skip

# Armenian, as English-language news spells Armenian names (BGN/PCGN-like): Հայկ -> hayk.
_ARM = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "e", "թ": "t", "ժ": "zh",
    "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m",
    "յ": "y", "ն": "n", "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v",
    "տ": "t", "ր": "r", "ց": "ts", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev",
}  # fmt: skip
_CYR.update(_ARM)

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC_RE.search(text))


@name_cache
def translit(text: str) -> str:
    """Lowercase Latin rendering of `text`: Cyrillic and Armenian romanised, Latin diacritics dropped."""
    out: list[str] = []
    # Armenian writes "u" as two letters (ու), and a word-initial "ե"/"ո" as "ye"/"vo".
    lowered = re.sub(r"ու", "u", text.lower())
    lowered = re.sub(r"(?<![\u0561-\u0587])ե", "ye", lowered)
    lowered = re.sub(r"(?<![\u0561-\u0587])ո", "vo", lowered)
    for ch in lowered:
        if ch in _CYR:
            out.append(_CYR[ch])
        else:
            out.append(ch)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@name_cache
def skeleton(word: str) -> str:
    """A spelling skeleton for comparing romanisations of one name.

    Romanisations of the same name differ mostly in i/y/j, doubled letters and kh/h, so
    those are folded: Zelenskyy, Zelensky, Zelenskiy, Зеленский -> "zelenski".
    """
    s = translit(word)
    s = re.sub(r"[^a-z0-9]", "", s)
    s = s.replace("kh", "h").replace("j", "i").replace("y", "i").replace("w", "v")
    # A hard Latin "c" is a Cyrillic "к" (Valescu/Валеску, Marco/Марко); "ch" and the soft
    # "c" before e/i are other sounds.
    s = re.sub(r"c(?![hei])", "k", s).replace("q", "k")
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def given_compatible(a: str, b: str) -> bool:
    """Given names agree: one missing, an initial that fits, or the same name spelled differently."""
    if not a or not b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a == b:
        return True
    # a declined Russian given name differs in its last vowel ("Анна", "Анны", "Анне"): the
    # ratio test below is too strict for names this short
    if len(a) >= 3 and len(b) >= 3 and a[:-1] == b[:-1] and a[-1] in "aeiouy" and b[-1] in "aeiouy":
        return True
    # Dmitry/Dmitriy/Dmitri are equal as skeletons; Dmytro/Dmitry differ in a vowel or two.
    return a[0] == b[0] and fuzz.ratio(a, b) >= 80


# ---------------------------------------------------------------------------
# Russian surnames
# ---------------------------------------------------------------------------

# Russian surname case endings -> nominative. Ordered longest first. Adjectival surnames
# (-ский/-цкий) and possessive ones (-ов/-ев/-ин) decline regularly; for surnames ending in
# a consonant (Гордон) the case ending is simply removed.
_RU_ADJ_ENDINGS = ("ого", "ому", "ым", "ом", "им", "ой", "ую", "ая")
_RU_POSS_ENDINGS = ("ыми", "ым", "ой", "ом", "ых", "а", "у", "е", "ы")
_RU_CONS_ENDINGS = ("ом", "ем", "ой", "у", "ю", "а", "я", "е")
_RU_VOWELS = set("аеёиоуыэюяй")


def ru_surname_base(word: str) -> str:
    """Strip Russian case endings from a Cyrillic surname (Гордона/Гордону -> Гордон)."""
    w = word.lower()
    if len(w) < 4:
        return w
    for stem in ("ск", "цк"):
        for end in _RU_ADJ_ENDINGS:
            if w.endswith(stem + end):
                return w[: -len(end)] + "ий"
    for suffix in ("ов", "ев", "ёв", "ин", "ын"):
        for end in _RU_POSS_ENDINGS:
            if w.endswith(suffix + end) and len(w) - len(end) >= 4:
                return w[: -len(end)]
    for end in _RU_CONS_ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3 and w[-len(end) - 1] not in _RU_VOWELS:
            return w[: -len(end)]
    return w


# ---------------------------------------------------------------------------
# Places no table knows: a stem shared by the name, its demonym and its case forms
# ---------------------------------------------------------------------------

# Russian case endings of place names and of demonym adjectives, longest first:
# Кестрании/Кестранию/Кестранией -> кестран, кестранийского -> кестран, Дорвике -> дорвик.
_RU_PLACE_ENDS = tuple(
    sorted(
        {
            *(stem + end for stem in ("ийск", "ск", "цк") for end in (
                "ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими", "ым", "ый")),
            "ией", "ию", "ия", "ии", "ий", "ей", "ом", "ем", "ой", "ою", "ы", "а", "у", "е", "я", "ю", "и", "ь",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
# English demonym/country endings: Valdorian/Valdoria, Marestani/Marestan, Nepalese/Nepal.
_EN_PLACE_ENDS = ("ians", "ian", "ans", "ese", "an", "ia", "ya", "i", "a")


def _strip_one(word: str, ends: tuple[str, ...], keep: int) -> str:
    for end in ends:
        if word.endswith(end) and len(word) - len(end) >= keep:
            return word[: -len(end)]
    return word


@name_cache
def place_stem(word: str) -> str:
    """One stem for a place name, its demonym and their inflections, in any script.

    News names places that no country table knows (small states, regions, towns, and the
    made-up countries of fiction), so their demonym and case forms are tied together by
    morphology instead: "Kestrania", "Kestranian", "Kestrania's", "Кестрании",
    "кестранийский" all give one stem. Two passes of English endings make the noun and the
    adjective meet whichever of them carries the extra syllable (Marestan/Marestani).
    """
    w = clean_text(word).lower()
    for a in APOSTROPHES:
        if w.endswith(a + "s"):
            w = w[:-2]
    w = re.sub(r"[^\w]", "", w)
    if has_cyrillic(w):
        w = _strip_one(w, _RU_PLACE_ENDS, 3)
    # Russian soft vowels after a consonant romanise with a "y" the English spelling lacks
    # (Люсения -> Lyuseniya, English Lusenia).
    w = re.sub(r"(?<=[bdfgklmnprstvz])y(?=[aueo])", "", translit(w)) if has_cyrillic(w) else translit(w)
    for _ in range(2):
        w = _strip_one(w, _EN_PLACE_ENDS, 4)
    w = w.replace("kh", "h").replace("ck", "k").replace("c", "k").replace("q", "k")
    w = w.replace("j", "i").replace("y", "i").replace("w", "v")
    return re.sub(r"(.)\1+", r"\1", w)


def shared_prefix(a: str, b: str) -> int:
    """How many leading letters two words share: the measure behind every "same word up to
    inflection, derivation or transliteration" test (stems differ only at their ends)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
