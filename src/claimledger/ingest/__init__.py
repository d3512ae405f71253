"""Read articles from files, folders, JSON Lines exports, web pages and RSS/Atom feeds.

    for item in ingest.read(["articles/", "https://example.org/feed.xml"], settings):
        ...  # a Document, or a Rejection saying in one line why that input was skipped

A bad input never raises: it becomes a `Rejection` and the batch goes on.
Near-duplicate support lives in `ingest.dedup`, language identification in `ingest.language`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from claimledger.config import Settings
from claimledger.models import Document, Rejection

from . import _files, dedup, language

if TYPE_CHECKING:
    import httpx

__all__ = ["KNOWN_SUFFIXES", "dedup", "language", "read"]

KNOWN_SUFFIXES: frozenset[str] = _files.KNOWN_SUFFIXES


def read(sources: Iterable[str], settings: Settings) -> Iterator[Document | Rejection]:
    """Documents (or Rejections) from each source in order.

    A source is a file path, a folder (read recursively in sorted order, hidden files and
    unknown extensions skipped), or an http(s) URL of an article page or an RSS/Atom feed.
    Exact duplicates are yielded as they come; the store merges them by content id.
    """
    if isinstance(sources, str):
        # A lone path is iterable too, one character at a time; take it as one source.
        sources = [sources]
    http: httpx.Client | None = None
    try:
        for source in sources:
            if _is_url(source):
                # httpx and feedparser cost a tenth of a second to import: only for URLs.
                from . import _web

                if http is None:
                    http = _web.client(settings)
                yield from _web.read(source, settings, http)
            else:
                yield from _files.read_path(source, settings)
    finally:
        if http is not None:
            http.close()


def _is_url(source: str) -> bool:
    # Same test as `_web.is_url`, without importing the web reader for local paths.
    return source[:8].lower().startswith(("http://", "https://"))
