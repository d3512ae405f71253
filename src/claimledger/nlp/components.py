"""spaCy factories for the claimledger components, registered on import."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.nlp import extensions
from claimledger.nlp import index as doc_index
from claimledger.nlp.quotes import find_quotes

extensions.register()


class QuoteFinder:
    """Sets `doc._.quotes` to the char spans of quotations (marks included)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.lang = self.lang
        # Through the per-Doc cache: later stages read the text again (spaCy rebuilds it per read).
        doc._.quotes = find_quotes(doc_index.text(doc))
        return doc


@Language.component("claimledger_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A blank line always ends a sentence: the statistical parser otherwise runs a headline
    into the first sentence of the body."""
    # One pass over plain lists, written back with one `from_array`: each `Token.is_sent_start`
    # assignment re-checks `doc.has_annotation("DEP")` over every token, quadratic in the text.
    toks = list(doc)
    texts = [t.text for t in toks]
    spaces = [t.is_space for t in toks]
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    for i in range(1, len(toks)):
        prev = texts[i - 1]
        text = texts[i]
        if (spaces[i - 1] and "\n" in prev) or "\n" in toks[i - 1].whitespace_:
            starts[i] = 1
        elif (
            not spaces[i]
            and not spaces[i - 1]
            and prev[-1] not in _SENT_END
            and (text in (",", ";") or text[0].islower())
        ):
            # ", the administrator said" after a long fronted clause: the parser sometimes
            # starts a sentence at the comma and loses the reported clause
            starts[i] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


_SENT_END = set(".!?…:;\"'”’»)]*")


@Language.factory(
    "claimledger_quotes",
    assigns=["doc._.quotes", "doc._.lang"],
    default_config={"lang": "en"},
)
def make_quotes(nlp: Language, name: str, lang: str) -> QuoteFinder:
    return QuoteFinder(lang)


@Language.factory(
    "claimledger_attribution",
    assigns=["doc._.attributions"],
    requires=["doc._.quotes", "token.dep", "token.lemma"],
    default_config={"lang": "en"},
)
def make_attribution(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    from claimledger.nlp.attribution import AttributionFinder

    return AttributionFinder(lang)
