"""Language identification: ISO 639-1 code of a text, or None when it cannot be told.

lingua covers 75 languages but not Uzbek, Tajik or Kyrgyz, which matter for Central Asian
news; those are recognised first by the letters only their Cyrillic alphabets use.
"""

from __future__ import annotations

import re
import threading

from lingua import LanguageDetector, LanguageDetectorBuilder

# Enough text to be sure, little enough to stay fast on long articles.
SAMPLE_CHARS = 1200

# Low-accuracy mode uses trigram models only: about 0.3 s to load every language, against
# tens of seconds in high-accuracy mode, and it is reliable on article-length samples
# (it is the short texts, under ~120 characters, where the two modes differ).
_lock = threading.Lock()
_built: LanguageDetector | None = None

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters (lower case; the sample is case-folded) in one alphabet of the group and not the others.
_TAJIK = re.compile(r"[ҷӣӯ]")
_UZBEK_CYRILLIC = re.compile(r"[қғҳ]")
_KAZAKH = re.compile(r"[әіұһ]")
_KYRGYZ_NG = re.compile(r"ң")
_KYRGYZ_VOWELS = re.compile(r"[өү]")
# Mongolian shares ө/ү (and not ң); Kyrgyz function words tell the two apart when ң is rare.
_KYRGYZ_WORDS = frozenset({"жана", "менен", "үчүн", "деп", "боюнча", "бул", "дагы", "болуп", "эмес", "керек"})
_UZBEK_LATIN = re.compile(r"\b\w*[og][ʻ‘'ʼ`]\w+")
_UZBEK_WORDS = frozenset(
    "va bilan uchun bu ham bo'yicha boʻyicha yil emas deb qilish edi esa haqida hamda lekin ammo yoki dedi "
    "etdi qildi bo'lgan boʻlgan".split()
)
# Letters Azerbaijani, Turkish and Turkmen write and Uzbek Latin does not: without them, a text
# with Uzbek's o‘/g‘ that the trigram models call one of its neighbours is Uzbek.
_OGHUZ_LETTERS = re.compile(r"[əışçğöüäňýž]")
_UZBEK_NEIGHBOURS = frozenset({"az", "tr", "tk", "uz"})
# A quoted name or a loanword must not flip a Russian article to Tajik.
_MIN_SHARE = 0.003
_MIN_COUNT = 3


def _detector() -> LanguageDetector:
    global _built
    if _built is None:
        with _lock:
            if _built is None:
                _built = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()
    return _built


def detect(text: str) -> str | None:
    """ISO 639-1 lower-case code of the text's language, or None (too short, no letters, unsure)."""
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    special = _central_asian(sample.casefold())
    if special is not None:
        return special
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    code = language.iso_code_639_1.name.lower()
    if code in _UZBEK_NEIGHBOURS and _uzbek_latin(sample.casefold()):
        return "uz"
    return code


def _uzbek_latin(sample: str) -> bool:
    marked = len(_UZBEK_LATIN.findall(sample))
    return marked >= _MIN_COUNT and not _OGHUZ_LETTERS.search(sample)


def _central_asian(sample: str) -> str | None:
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic > len(sample) * 0.3:
        return _cyrillic_alphabet(sample, cyrillic)
    words = re.findall(r"[\w'ʻ‘ʼ`]+", sample)
    if len(words) >= 20:
        marked = len(_UZBEK_LATIN.findall(sample))
        common = sum(1 for w in words if w in _UZBEK_WORDS)
        if marked >= _MIN_COUNT and common >= len(words) * 0.03:
            return "uz"
    return None


def _cyrillic_alphabet(sample: str, cyrillic: int) -> str | None:
    def present(pattern: re.Pattern[str]) -> int:
        count = len(pattern.findall(sample))
        return count if count >= max(_MIN_COUNT, cyrillic * _MIN_SHARE) else 0

    if present(_TAJIK):
        return "tg"
    if present(_KAZAKH):
        # Kazakh is in lingua and shares қ/ғ/ң/ө/ү with the others; let the model decide.
        return None
    if present(_UZBEK_CYRILLIC):
        return "uz"
    if present(_KYRGYZ_VOWELS):
        words = re.findall(r"\w+", sample)
        if present(_KYRGYZ_NG) or sum(1 for w in words if w in _KYRGYZ_WORDS) >= max(2, len(words) * 0.02):
            return "ky"
    return None
