"""Search queries in the words people type: every form of a word finds every other.

The full-text index keeps words as written (`unicode61`), so "denied" alone would not find
"denies" or "denial", nor "дроны" find "дронов". A plain query (words only, no FTS5 syntax)
is rewritten so that each word matches itself or any word sharing its Snowball stem:
``deny`` becomes ``("deny" OR deni*)``. Queries that use FTS5 syntax (quotes, operators,
column filters, prefixes) are the user's own and pass through unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import snowballstemmer

_WORD = re.compile(r"\w+")
# FTS5 syntax a user may mean: phrases, prefixes, grouping, column filters, NEAR and the
# boolean operators (upper case, as FTS5 reads them)
_SYNTAX = re.compile(r"[\"*():^+]|\b(?:AND|OR|NOT|NEAR)\b")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Shorter stems match too much as prefixes ("de*", "по*"): such words match only as written.
_MIN_STEM = 3


@lru_cache(maxsize=8)
def _stemmer(language: str) -> snowballstemmer.stemmer:
    # imported on the first search: it loads every language's stemmer, which analyse never needs
    import snowballstemmer

    return snowballstemmer.stemmer(language)


def _stem(word: str) -> str:
    language = "russian" if _CYRILLIC.search(word) else "english"
    return _stemmer(language).stemWord(word.lower())


def is_plain(query: str) -> bool:
    """Whether the query is plain words (no FTS5 syntax)."""
    return _SYNTAX.search(query) is None


def expand(query: str) -> str | None:
    """The FTS5 query for a plain query, every word matching all its forms; None when the
    query uses FTS5 syntax (or has no words) and should be run as it is."""
    if not is_plain(query):
        return None
    words = _WORD.findall(query)
    if not words:
        return None
    parts = []
    for w in words:
        stem = _stem(w)
        if len(stem) >= _MIN_STEM and stem != w.lower():
            forms = [f'"{w}"', f'"{stem}"*']
            if stem.endswith("i") and not _CYRILLIC.search(stem) and f"{stem[:-1]}y" != w.lower():
                # Snowball writes a final y as i ("deny" -> "deni"): the y form is a word too
                forms.append(f'"{stem[:-1]}y"')
            parts.append(f"({' OR '.join(forms)})")
        else:
            parts.append(f'"{w}"')
    return " AND ".join(parts)
