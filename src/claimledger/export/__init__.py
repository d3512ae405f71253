"""Exports of a stored ledger: `ledger` (ledger/1 JSON), `csv`, `markdown`, `html` (the
single-file report of every story), `claimreview` (schema.org JSON-LD) and
`datasette-metadata` (canned queries for browsing the database in Datasette).

Each writer takes a `Store` and returns text; the CLI decides where it goes."""

from __future__ import annotations

from collections.abc import Callable

from claimledger.errors import ClaimledgerError
from claimledger.export._csv import to_csv
from claimledger.export._datasette import datasette_metadata, to_datasette_metadata
from claimledger.export._ledger import build_ledger, to_ledger_json
from claimledger.export._markdown import to_markdown
from claimledger.export.claimreview import build_claimreviews, to_claimreview
from claimledger.export.html import to_html, to_html_report
from claimledger.store import Store

FORMATS: dict[str, Callable[[Store], str]] = {
    "ledger": to_ledger_json,
    "csv": to_csv,
    "markdown": to_markdown,
    "html": to_html,
    "claimreview": to_claimreview,
    "datasette-metadata": to_datasette_metadata,
}


def export(store: Store, fmt: str) -> str:
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ClaimledgerError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}") from None
    return writer(store)


__all__ = [
    "FORMATS",
    "build_claimreviews",
    "build_ledger",
    "datasette_metadata",
    "export",
    "to_claimreview",
    "to_csv",
    "to_datasette_metadata",
    "to_html",
    "to_html_report",
    "to_ledger_json",
    "to_markdown",
]
