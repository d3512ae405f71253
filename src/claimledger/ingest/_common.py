"""Checks every reader's output goes through, so each source kind rejects the same way."""

from __future__ import annotations

from claimledger.config import Settings
from claimledger.dates import dateline
from claimledger.errors import InputError
from claimledger.models import Document, Rejection

from . import language


def finish(doc: Document, settings: Settings) -> Document | Rejection:
    """Reject empty or oversized texts and fill in the language when the source did not give one."""
    if not doc.text.strip():
        return Rejection(doc.source, "empty document")
    size = len(doc.text.encode("utf-8"))
    if size > settings.max_bytes:
        return Rejection(doc.source, over_limit("text", size, settings))
    if not doc.language:
        doc.language = language.detect(doc.text)
    if not doc.published and doc.language not in (None, "en", "ru"):
        # Readers look for a dateline before the language is known, in English and Russian
        # forms; "15 mars 2031" or "2031-yil 15-mart" needs the language.
        found = dateline(doc.text, doc.language)
        if found is not None:
            doc.published, doc.published_precision = found[0].iso, found[0].precision
    return doc


def over_limit(what: str, size: int, settings: Settings) -> str:
    return f"{what} is {size} bytes, over the limit of {settings.max_bytes} (set --max-bytes)"


def rejection(error: InputError) -> Rejection:
    return Rejection(error.source, error.reason)


def one_line(message: object) -> str:
    """Exception texts can span lines; a rejection reason must not."""
    text = " ".join(str(message).split())
    return text or type(message).__name__
