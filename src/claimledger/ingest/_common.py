"""Checks every reader's output goes through, so each source kind rejects the same way."""

from __future__ import annotations

from claimledger.config import Settings
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
    return doc


def over_limit(what: str, size: int, settings: Settings) -> str:
    return f"{what} is {size} bytes, over the limit of {settings.max_bytes} (set --max-bytes)"


def rejection(error: InputError) -> Rejection:
    return Rejection(error.source, error.reason)


def one_line(message: object) -> str:
    """Exception texts can span lines; a rejection reason must not."""
    text = " ".join(str(message).split())
    return text or type(message).__name__
