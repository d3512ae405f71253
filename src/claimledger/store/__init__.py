"""The SQLite store: the ledger of record on disk.

`Store` is the only place that speaks SQL. Per-document analyses and per-document
linking results are each committed in one transaction, so a run killed at any moment
leaves a consistent database that the next run completes.
"""

from __future__ import annotations

from claimledger.store._sqlite import SearchHit, Store

__all__ = ["SearchHit", "Store"]
