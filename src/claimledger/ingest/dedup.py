"""Near-duplicate support: MinHash signatures over word 5-gram shingles and LSH band keys.

The store keeps each document's band keys; a new document is compared (with `similarity`)
only against documents sharing a key, so finding copies stays cheap as the corpus grows.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
# 32 bands of 4 rows put the LSH threshold near 0.42: a pair at Jaccard 0.8 shares a band
# with probability above 0.9999, so copies above the near-duplicate threshold (0.8 by
# default) are never missed, while unrelated articles (Jaccard near 0) almost never collide.
BANDS = 32
ROWS = PERMUTATIONS // BANDS

_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
# Fixed seed: signatures are stored, so they must be the same in every process and release.
_rng = np.random.default_rng(20221028)
# a < 2**31 and shingle hashes < 2**32 keep a*h + b below 2**64, so uint64 never overflows.
_A = _rng.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """Word 5-grams, case-folded, punctuation and spacing ignored (so re-typeset copies match)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> list[int]:
    """MinHash signature (PERMUTATIONS values) of the text's shingles.

    A text without words gets the all-maximum signature, which has no band keys.
    """
    grams = shingles(text)
    if not grams:
        return [_MAX_HASH] * PERMUTATIONS
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little") for g in grams),
        dtype=np.uint64,
        count=len(grams),
    )
    permuted = (np.outer(hashes, _A) + _B) % np.uint64(_PRIME) & np.uint64(_MAX_HASH)
    return [int(v) for v in permuted.min(axis=0)]


def band_keys(sig: list[int]) -> list[str]:
    """One key per LSH band, "mh:<band>:<hash of the band's rows>"; none for an empty text."""
    if len(sig) != PERMUTATIONS:
        raise ValueError(f"signature has {len(sig)} values, expected {PERMUTATIONS}")
    if all(v == _MAX_HASH for v in sig):
        return []
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(b"".join(v.to_bytes(4, "little") for v in rows), digest_size=6).hexdigest()
        keys.append(f"mh:{band}:{digest}")
    return keys


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets: the share of equal values."""
    if len(a) != len(b):
        raise ValueError(f"signatures differ in length ({len(a)} and {len(b)})")
    if not a:
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
