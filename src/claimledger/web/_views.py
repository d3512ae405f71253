"""The one place that turns the schema of record (models.py) into view data.

Every function returns plain JSON-ready dicts: the web app serves them as the JSON twin of a
page, and the templates (web pages and the offline report alike) render them. Presentation
geometry (highlight segments, the timeline chart) is derived from this data in `_render`.
"""

from __future__ import annotations

from typing import Any

from claimledger.errors import NotFoundError
from claimledger.models import Claim, Entity, Event, Statement, statement_record, to_dict
from claimledger.store import Store

# The stances a reader scans for first; "reports" and "questions" follow.
STANCE_ORDER: tuple[str, ...] = ("supports", "refutes", "retracts", "questions", "reports")

SEARCH_LIMIT = 30
ENTITY_STATEMENT_LIMIT = 300


def _doc_ref(meta: dict[str, Any] | None, doc_id: str) -> dict[str, Any]:
    if meta is None:
        return {"id": doc_id, "outlet": None, "title": None, "published": None, "url": None, "label": doc_id}
    return {
        "id": doc_id,
        "outlet": meta["outlet"],
        "title": meta["title"],
        "published": meta["published"],
        "url": meta["url"],
        "language": meta["language"],
        "story_id": meta.get("story_id"),
        "label": meta["outlet"] or meta["source"],
    }


def _statement(st: Statement) -> dict[str, Any]:
    # The ledger/1 record: one shape for a statement in the export and in the API.
    return statement_record(st)


def _claim(c: Claim, rows: list[dict[str, Any]], entities: dict[str, Entity]) -> dict[str, Any]:
    stances: list[dict[str, Any]] = []
    for r in rows:
        meta = None if r["source"] is None else r
        stances.append(
            {
                "stance": r["stance"],
                "statement": {
                    "id": r["statement_id"],
                    "doc_id": r["doc_id"],
                    "speaker": r["speaker"],
                    "speaker_id": r["speaker_id"],
                    "act": r["act"],
                    "content": r["content"],
                    "date": r["date"],
                    "direct": bool(r["direct"]),
                    "start": r["start"],
                    "end": r["end"],
                },
                "document": _doc_ref(meta, r["doc_id"]),
            }
        )
    stances.sort(key=lambda x: (STANCE_ORDER.index(x["stance"]), x["document"]["published"] or "9999"))
    by_stance: dict[str, list[str]] = {k: [] for k in STANCE_ORDER}
    for x in stances:
        who = x["statement"]["speaker"] or "?"
        if who not in by_stance[x["stance"]]:
            by_stance[x["stance"]].append(who)
    # An appearance is a document carrying the claim; order by publication, then by the
    # statement's own date when the document has none.
    appearances = sorted(
        {x["document"]["id"]: x for x in stances}.values(),
        key=lambda x: x["document"]["published"] or x["statement"]["date"] or "9999",
    )
    dated = [x for x in appearances if x["document"]["published"] or x["statement"]["date"]]
    return {
        "id": c.id,
        "text": c.text,
        "status": c.status,
        "reasons": list(c.reasons),
        "first_date": c.first_date,
        "claimants": [{"id": e, "name": entities[e].name if e in entities else e} for e in c.claimant_ids],
        "by_stance": by_stance,
        "stances": stances,
        "first_appearance": dated[0]["document"] if dated else None,
        "latest_appearance": dated[-1]["document"] if dated else None,
        "related": list(c.related),
    }


def claim_summaries(store: Store, claims: list[Claim]) -> list[dict[str, Any]]:
    """View data of several claims at once (stances, sources and claimants read in batches)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for r in store.stance_rows(c.id for c in claims):
        rows.setdefault(r["claim_id"], []).append(r)
    entities = store.records_by_ids("entity", {e for c in claims for e in c.claimant_ids})
    return [_claim(c, rows.get(c.id, []), entities) for c in claims]


def _event(v: Event, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": v.id,
        "kind": v.kind,
        "description": v.description,
        "date": v.date,
        "date_precision": v.date_precision,
        "said_date": v.said_date,
        "reported_date": v.reported_date,
        "documents": [_doc_ref(docs.get(d), d) for d in v.doc_ids],
        "statement_ids": list(v.statement_ids),
    }


# -- pages ------------------------------------------------------------------------------


def stories_view(store: Store) -> dict[str, Any]:
    return {"stories": store.story_summaries()}


def story_view(store: Store, story_id: str, *, with_text: bool = False) -> dict[str, Any]:
    """A story: documents, claims ledger, stance per outlet, timeline, discrepancies.

    `with_text` adds every document's text and statements (the offline report needs them,
    the web page links to the document pages instead)."""
    story = store.get("story", story_id)
    docs = store.document_meta(story.doc_ids)
    documents = sorted(
        (_doc_ref(docs.get(d), d) for d in story.doc_ids), key=lambda d: (d["published"] or "9999", d["id"])
    )
    claims = claim_summaries(store, store.claims_for_docs(story.doc_ids))
    in_story = set(story.doc_ids)
    outlets = sorted({d["label"] for d in documents})
    table = []
    for c in claims:
        cells: dict[str, list[str]] = {o: [] for o in outlets}
        for x in c["stances"]:
            if x["document"]["id"] in in_story and x["stance"] not in cells[x["document"]["label"]]:
                cells[x["document"]["label"]].append(x["stance"])
        table.append(
            {"claim_id": c["id"], "text": c["text"], "status": c["status"], "cells": [cells[o] for o in outlets]}
        )
    events = store.events_for_docs(story.doc_ids)
    event_docs = store.document_meta({d for v in events for d in v.doc_ids} - set(docs))
    event_docs.update(docs)
    discrepancies = []
    for x in store.discrepancies(story.id):
        item = to_dict(x)
        for val in item["values"]:
            val["documents"] = [_doc_ref(event_docs.get(d) or docs.get(d), d) for d in val["doc_ids"]]
        discrepancies.append(item)
    view: dict[str, Any] = {
        "story": {"id": story.id, "title": story.title},
        "documents": documents,
        "claims": claims,
        "outlets": outlets,
        "stance_table": table,
        "events": [_event(v, event_docs) for v in events],
        "discrepancies": discrepancies,
    }
    if with_text:
        # A claim of this story may also stand in another story's document: its words are
        # included too, so that every statement link of the report lands in the report.
        cited = {x["document"]["id"] for c in claims for x in c["stances"]} - in_story
        view["texts"] = [_document_body(store, d["id"]) for d in documents] + [
            _document_body(store, d) for d in sorted(cited)
        ]
    return view


def _document_body(store: Store, doc_id: str) -> dict[str, Any]:
    doc = store.document(doc_id)
    statements = store.statements_for_doc(doc_id)
    claims = store.claims_for_statements(s.id for s in statements)
    return {
        "id": doc.id,
        "title": doc.title,
        "outlet": doc.outlet,
        "source": doc.source,
        "published": doc.published,
        "language": doc.language,
        "url": doc.url,
        "copy_of": doc.copy_of,
        "text": doc.text,
        "statements": [
            {**_statement(s), "claims": [{"claim_id": c, "stance": k} for c, k in claims.get(s.id, [])]}
            for s in statements
        ],
    }


def claim_view(store: Store, claim_id: str) -> dict[str, Any]:
    claim = store.get("claim", claim_id)
    view = claim_summaries(store, [claim])[0]
    stories = sorted({x["document"].get("story_id") for x in view["stances"]} - {None})
    titles = store.records_by_ids("story", stories)
    related = store.records_by_ids("claim", [r.get("claim_id", "") for r in claim.related])
    view["stories"] = [{"id": t, "title": titles[t].title} for t in stories if t in titles]
    view["related"] = [
        {**r, "text": related[r["claim_id"]].text, "status": related[r["claim_id"]].status}
        for r in claim.related
        if r.get("claim_id") in related
    ]
    return view


def entity_view(store: Store, entity_id: str) -> dict[str, Any]:
    entity: Entity = store.get("entity", entity_id)
    statements = store.statements_by_speaker(entity_id, ENTITY_STATEMENT_LIMIT)
    stance_of = store.claims_for_statements(s.id for s in statements)
    claims = store.records_by_ids("claim", {c for v in stance_of.values() for c, _ in v})
    docs = store.document_meta({s.doc_id for s in statements})
    return {
        "entity": {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases)},
        "mentions": store.mention_count(entity_id),
        "statements": [
            {
                **_statement(s),
                "document": _doc_ref(docs.get(s.doc_id), s.doc_id),
                "claims": [
                    {"claim_id": c, "stance": k, "text": claims[c].text, "status": claims[c].status}
                    for c, k in stance_of.get(s.id, [])
                    if c in claims
                ],
            }
            for s in statements
        ],
        "statements_shown_limit": ENTITY_STATEMENT_LIMIT,
    }


def document_view(store: Store, doc_id: str, selected: str | None = None) -> dict[str, Any]:
    body = _document_body(store, doc_id)
    meta = store.document_meta([doc_id]).get(doc_id) or {}
    story_id = meta.get("story_id")
    body["story"] = None
    if story_id:
        try:
            body["story"] = {"id": story_id, "title": store.get("story", story_id).title}
        except NotFoundError:
            pass
    ids = {s["id"] for s in body["statements"]}
    body["selected"] = selected if selected in ids else None
    return body


def search_view(store: Store, query: str) -> dict[str, Any]:
    query = query.strip()
    if not query:
        return {"query": "", "hits": []}
    hits = store.search(query, SEARCH_LIMIT)
    docs = store.document_meta({h.doc_id for h in hits})
    return {
        "query": query,
        "hits": [
            {
                "kind": h.kind,
                "id": h.id,
                "document": _doc_ref(docs.get(h.doc_id), h.doc_id),
                "title": h.title,
                "snippet": " ".join(h.snippet.split()),
                "score": round(h.score, 4),
            }
            for h in hits
        ],
    }


def status_view(store: Store) -> dict[str, Any]:
    return {
        "counts": store.counts(),
        "claim_statuses": store.claim_status_counts(),
        "rejections": [to_dict(r) for r in store.rejections()],
    }


def report_view(store: Store, story_id: str | None = None) -> dict[str, Any]:
    """Everything the offline report shows: one story, or every story."""
    ids = [story_id] if story_id else [t["id"] for t in store.story_summaries()]
    if story_id:
        store.get("story", story_id)  # a clean NotFoundError for a wrong id
    stories = [story_view(store, t, with_text=True) for t in ids]
    seen: set[str] = set()
    shown: set[str] = set()
    for v in stories:  # each text and claim anchored once in the file: element ids stay unique
        v["texts"] = [b for b in v["texts"] if b["id"] not in seen]
        seen.update(b["id"] for b in v["texts"])
        for c in v["claims"]:
            c["anchor"] = c["id"] not in shown
            shown.add(c["id"])
    return {
        "counts": store.counts(),
        "stories": stories,
        "rejections": [to_dict(r) for r in store.rejections()],
    }
