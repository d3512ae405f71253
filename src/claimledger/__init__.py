"""claimledger: turn a pile of news articles into a ledger of who claimed what, when,
who denied or retracted it, and where the outlets disagree."""

from __future__ import annotations

__version__ = "0.1.0"
