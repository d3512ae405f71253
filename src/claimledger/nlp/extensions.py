"""The one place where claimledger declares its spaCy extension attributes.

Declaring them in several modules would make the second `set_extension` fail (or silently
replace the first with `force=True`), so every component imports `register()` from here.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_DONE = False


def register() -> None:
    """Declare every `Doc._`/`Span._` attribute claimledger uses; idempotent."""
    global _DONE
    if _DONE:
        return
    # Char spans of quotations (marks included) found by `claimledger_quotes`.
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", default=None)
    # `Attribution` records found by `claimledger_attribution`.
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", default=None)
    # The language the pipeline was built for: blank "xx" pipelines serve several.
    if not Doc.has_extension("lang"):
        Doc.set_extension("lang", default=None)
    # Nominative form of a named entity where the language inflects names (Russian).
    if not Span.has_extension("normal"):
        Span.set_extension("normal", default=None)
    _DONE = True


register()
