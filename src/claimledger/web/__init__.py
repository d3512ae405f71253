"""The web face of the ledger: server-rendered pages with JSON twins, and the renderer the
offline HTML report shares.

    from claimledger.web import create_app
    app = create_app(Settings.load(db="ledger.db"))   # a FastAPI app; `claimledger serve` runs it

View data (`*_view`) is the JSON twin of each page; `render` turns it into HTML with the
package's templates, autoescaped throughout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.web._render import ReportLinks, WebLinks, csp_hash, render, segments, static_file
from claimledger.web._views import (
    claim_summaries,
    claim_view,
    document_view,
    entity_view,
    report_view,
    search_view,
    status_view,
    stories_view,
    story_view,
)

if TYPE_CHECKING:
    from fastapi import FastAPI

    from claimledger.config import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    # FastAPI is imported only when an app is wanted: the report needs none of it.
    from claimledger.web._app import create_app as create

    return create(settings)


__all__ = [
    "ReportLinks",
    "WebLinks",
    "claim_summaries",
    "claim_view",
    "create_app",
    "csp_hash",
    "document_view",
    "entity_view",
    "render",
    "report_view",
    "search_view",
    "segments",
    "static_file",
    "status_view",
    "stories_view",
    "story_view",
]
