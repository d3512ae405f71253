from __future__ import annotations

import json
from typing import Any

from claimledger.models import statement_record, to_dict
from claimledger.store import Store

FORMAT = "ledger/1"


def build_ledger(store: Store) -> dict[str, Any]:
    """The whole store as one ledger/1 object (see LEDGER_FORMAT.md); extra keys are allowed."""
    documents = store.documents()
    statements = store.all_statements()
    return {
        "format": FORMAT,
        "documents": [
            {
                "id": d.id,
                "source": d.source,
                "sources": d.sources,
                "outlet": d.outlet,
                "title": d.title,
                "published": d.published,
                "language": d.language,
                "url": d.url,
                "copy_of": d.copy_of,
            }
            for d in documents
        ],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": [a for a in e.aliases if a != e.name]}
            for e in store.all("entity")
        ],
        "statements": [
            statement_record(s)
            for s in statements
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "claimant_ids": c.claimant_ids,
                "first_date": c.first_date,
                "status": c.status,
                "reasons": c.reasons,
                "stances": [
                    {"statement_id": s.statement_id, "stance": s.stance, "doc_id": s.doc_id} for s in c.stances
                ],
                "related": c.related,
            }
            for c in store.all("claim")
        ],
        "events": [
            {
                "id": v.id,
                "date": v.date,
                "description": v.description,
                "doc_ids": v.doc_ids,
                "said_date": v.said_date,
                "reported_date": v.reported_date,
                "statement_ids": v.statement_ids,
                "kind": v.kind,
            }
            for v in sorted(store.all("event"), key=lambda v: (v.date or "9999", v.id))
        ],
        "discrepancies": [to_dict(x) for x in store.discrepancies()],
        "stories": [{"id": t.id, "title": t.title, "doc_ids": t.doc_ids} for t in store.all("story")],
    }


def to_ledger_json(store: Store) -> str:
    return json.dumps(build_ledger(store), ensure_ascii=False, indent=2) + "\n"

