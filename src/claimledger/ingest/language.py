"""Language identification: ISO 639-1 code of a text, or None when it cannot be told.

lingua covers 75 languages but not Uzbek, Tajik or Kyrgyz, which matter for Central Asian
news; those are recognised first by the letters only their Cyrillic alphabets use.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from lingua import LanguageDetector, LanguageDetectorBuilder

# Enough text to be sure, little enough to stay fast on long articles.
SAMPLE_CHARS = 2000

# Low-accuracy mode uses trigram models only: about 0.3 s to load every language, against
# tens of seconds in high-accuracy mode, and it is reliable on article-length samples
# (it is the short texts, under ~120 characters, where the two modes differ).
_lock = threading.Lock()

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Letters (lower case; the sample is case-folded) in one alphabet of the group and not the others.
_TAJIK = re.compile(r"[ҷӣӯ]")
_UZBEK_CYRILLIC = re.compile(r"[ўқғҳ]")
_BELARUSIAN = re.compile(r"[іў]")
_KAZAKH = re.compile(r"[әіұһ]")
_KYRGYZ = re.compile(r"[ңөү]")
_UZBEK_LATIN = re.compile(r"\b\w+[oOgG][ʻ‘'ʼ`]\w*")
_UZBEK_WORDS = frozenset({"va", "bilan", "uchun", "bu", "ham", "bo'yicha", "boʻyicha", "yil", "emas", "deb", "qilish"})
# A quoted name or a loanword must not flip a Russian article to Tajik.
_MIN_SHARE = 0.003
_MIN_COUNT = 3


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    with _lock:
        return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


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
    return language.iso_code_639_1.name.lower()


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
        # Kazakh is in lingua and shares ң/ө/ү with Kyrgyz; let the model decide.
        return None
    if present(_UZBEK_CYRILLIC) and not present(_BELARUSIAN.__class__(r"[і]")):
        return "uz"
    if present(_KYRGYZ):
        return "ky"
    return None
