"""Claims: per-document proposition frames, corpus-level linking of statements to canonical
claims with every source's stance, and claim status with reasons.

    frame(statement, doc) -> dict                       per document (framing.py)
    open_wordings(statements) -> list[str]              what linking matches by meaning (linking.py)
    warm(statements)                                    embed a document's open wordings at once
    statement_keys(statement) -> list[str]              blocking keys (linking.py)
    link(statements, candidates, known, new_id)         -> new or changed claims (linking.py)
    status(claim, statements) -> (Status, reasons)      (status.py)
"""

from claimledger.claims.framing import frame, retraction, text_frame
from claimledger.claims.linking import (
    OPEN_KEY,
    claim_keys,
    link,
    open_wordings,
    render,
    statement_keys,
    unify,
    warm,
)
from claimledger.claims.status import partial_denial, status

__all__ = [
    "OPEN_KEY",
    "claim_keys",
    "frame",
    "link",
    "open_wordings",
    "partial_denial",
    "render",
    "retraction",
    "statement_keys",
    "status",
    "text_frame",
    "unify",
    "warm",
]
