"""Exports of a stored ledger: `ledger` (ledger/1 JSON), `csv`, `markdown`.

Each writer takes a `Store` and returns text; the CLI decides where it goes."""

from __future__ import annotations

from collections.abc import Callable

from claimledger.errors import ClaimledgerError
from claimledger.export._csv import to_csv
from claimledger.export._ledger import build_ledger, to_ledger_json
from claimledger.export._markdown import to_markdown
from claimledger.store import Store

FORMATS: dict[str, Callable[[Store], str]] = {
    "ledger": to_ledger_json,
    "csv": to_csv,
    "markdown": to_markdown,
}


def export(store: Store, fmt: str) -> str:
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ClaimledgerError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    return writer(store)


__all__ = ["FORMATS", "build_ledger", "export", "to_csv", "to_ledger_json", "to_markdown"]
