from __future__ import annotations
from spacy.tokens import Doc
class AttributionFinder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc
