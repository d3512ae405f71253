"""spaCy factories for the claimledger components, registered on import."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.nlp import extensions
from claimledger.nlp.quotes import find_quotes

extensions.register()


class QuoteFinder:
    """Sets `doc._.quotes` to the char spans of quotations (marks included)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.lang = self.lang
        doc._.quotes = find_quotes(doc.text)
        return doc


@Language.component("claimledger_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A blank line always ends a sentence: the statistical parser otherwise runs a headline
    into the first sentence of the body."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if (prev.is_space and prev.text.count("\n") >= 1) or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif (
            not tok.is_space
            and not prev.is_space
            and prev.text[-1] not in _SENT_END
            and (tok.text in (",", ";") or tok.text[0].islower())
        ):
            # ", the administrator said" after a long fronted clause: the parser sometimes
            # starts a sentence at the comma and loses the reported clause
            tok.is_sent_start = False
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
