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
