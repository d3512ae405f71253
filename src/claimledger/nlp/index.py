"""Per-document indexes computed once and shared by every stage that reads a parsed Doc.

`Doc.ents` builds a new tuple of spans, walking every token, each time it is read: a stage
that reads it once per mention or per token turns linear work quadratic. Readers ask here
instead; entries live as long as the Doc does.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

_ENTS: weakref.WeakKeyDictionary[Doc, tuple[Span, ...]] = weakref.WeakKeyDictionary()
_ENT_AT: weakref.WeakKeyDictionary[Doc, list[Span | None]] = weakref.WeakKeyDictionary()


def ents(doc: Doc) -> tuple[Span, ...]:
    """The document's named entities (read once per Doc)."""
    found = _ENTS.get(doc)
    if found is None:
        found = tuple(doc.ents)
        _ENTS[doc] = found
    return found


def ent_at(doc: Doc, i: int) -> Span | None:
    """The named entity covering token `i`, if any."""
    table = _ENT_AT.get(doc)
    if table is None:
        table = [None] * len(doc)
        for ent in ents(doc):
            for j in range(ent.start, ent.end):
                table[j] = ent
        _ENT_AT[doc] = table
    return table[i]


_TEXT: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def text(doc: Doc) -> str:
    """`doc.text`, which spaCy rebuilds from every token on each read."""
    found = _TEXT.get(doc)
    if found is None:
        found = doc.text
        _TEXT[doc] = found
    return found


def tokens_in(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The tokens covering char spans (a span cutting a token takes the whole token)."""
    out: list[Token] = []
    for a, b in spans:
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None:
            out.extend(sp)
    return out
