from __future__ import annotations

import csv
import io

from claimledger.store import Store

COLUMNS = [
    "id",
    "doc_id",
    "source",
    "speaker",
    "speaker_id",
    "act",
    "direct",
    "date",
    "content",
    "start",
    "end",
    "claim_ids",
    "stances",
]


def to_csv(store: Store) -> str:
    """One row per statement, with the claims it takes a stance on: the table a desk opens in a spreadsheet."""
    sources = {d.id: d.source for d in store.documents()}
    stance_of: dict[str, list[tuple[str, str]]] = {}
    for c in store.all("claim"):
        for s in c.stances:
            stance_of.setdefault(s.statement_id, []).append((c.id, s.stance))
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(COLUMNS)
    for s in store.all_statements():
        links = stance_of.get(s.id, [])
        w.writerow(
            [
                s.id,
                s.doc_id,
                sources.get(s.doc_id, ""),
                _cell(s.speaker),
                s.speaker_id or "",
                s.act,
                int(s.direct),
                s.date or "",
                _cell(s.content),
                s.start,
                s.end,
                " ".join(c for c, _ in links),
                " ".join(st for _, st in links),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    # Spreadsheets run cells starting with these as formulas: article text is hostile input.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
