"""`POST /documents`: articles given as JSON go through the same per-document stages and
linking as `claimledger analyze`; nothing touches the filesystem."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from claimledger.config import Settings
from claimledger.models import Document, Rejection
from claimledger.store import Store

MAX_ARTICLES = 20


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text; statement offsets index into it.")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="ISO date")
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$", description="ISO 639-1; detected if absent")


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


def _document(a: ArticleIn) -> Document:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(a.published or ""))
    return Document(
        source=a.url or "POST /documents",
        text=a.text,
        title=" ".join(a.title.split()) if a.title else None,
        published=a.published,
        published_precision=precision,  # type: ignore[arg-type]
        outlet=a.outlet,
        language=a.language,
        url=a.url,
    )


def ingest(store: Store, request: IngestRequest, settings: Settings) -> dict[str, Any]:
    """Analyse and link the articles; one entry per article, in order."""
    # The NLP stack costs seconds to import: only when someone posts.
    from claimledger import nlp
    from claimledger.analyze import analyse_document, link_pending
    from claimledger.ingest import language

    results: list[dict[str, Any]] = []
    added: list[str] = []
    for a in request.articles:
        doc = _document(a)
        size = len(doc.text.encode("utf-8"))
        if size > settings.max_bytes:
            results.append({"id": None, "result": "rejected", "reason": f"text is {size} bytes, over the limit"})
            continue
        if store.has_document(doc.id):
            results.append({"id": doc.id, "result": "already stored"})
            continue
        doc.language = doc.language or language.detect(doc.text)
        try:
            analysis, signature, bands = analyse_document(
                doc, nlp.parse(doc.text, doc.language or "xx"), store, settings
            )
        except Exception as exc:  # one bad article must not sink the others, as in `analyze`
            reason = f"analysis failed: {type(exc).__name__}"
            store.add_rejection(Rejection(doc.source, reason, "analysis"))
            results.append({"id": doc.id, "result": "rejected", "reason": reason})
            continue
        store.save_analysis(analysis, signature, bands)
        added.append(doc.id)
        results.append({"id": doc.id, "result": "added", "statements": len(analysis.statements)})
    if added:
        link_pending(store)
    for r in results:
        if r["result"] == "added":
            r["story_id"] = store.story_of(r["id"])
            r["url"] = f"/documents/{r['id']}"
    return {"documents": results}
