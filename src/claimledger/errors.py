"""The exception tree. Every message is one line: what went wrong and what to do next.

The CLI maps `ClaimledgerError` to a clean message on stderr; anything else is a bug.
"""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base of every error claimledger raises on purpose."""


class InputError(ClaimledgerError):
    """One input (file, URL, JSONL line) cannot be read; the rest of the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelMissingError(ClaimledgerError):
    """A language model package is not installed."""


class StoreError(ClaimledgerError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(ClaimledgerError):
    """A requested record (claim, entity, story) does not exist."""
