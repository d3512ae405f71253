"""http(s) URLs: article pages through the HTML reader, RSS/Atom feeds entry by entry."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import urljoin

import feedparser
import httpx

from claimledger import __version__
from claimledger.config import Settings
from claimledger.errors import InputError
from claimledger.models import Document, Rejection

from . import _html
from ._common import finish, one_line, rejection
from ._text import text_document

log = logging.getLogger(__name__)

USER_AGENT = f"claimledger/{__version__} (news article reader; python-httpx)"
# Pages carry markup, scripts and inline images besides the article; feeds list many entries.
_DOWNLOAD_FACTOR = 20
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>]")
# What the resolver says on Linux, macOS and Windows when a host name does not exist.
_RESOLVE_FAILURES = ("name or service not known", "nodename nor servname", "name resolution", "getaddrinfo")


def is_url(source: str) -> bool:
    return source[:8].lower().startswith(("http://", "https://"))


def client(settings: Settings) -> httpx.Client:
    return httpx.Client(
        follow_redirects=True,
        timeout=settings.fetch_timeout,
        headers={"User-Agent": USER_AGENT},
    )


@dataclass
class _Response:
    url: str  # after redirects
    content_type: str
    charset: str | None
    content: bytes


def read(url: str, settings: Settings, http: httpx.Client) -> Iterator[Document | Rejection]:
    try:
        response = _fetch(url, settings, http)
        kind = _kind(response)
        if kind == "feed":
            yield from _read_feed(url, response, settings, http)
        else:
            yield finish(_document(url, response, kind), settings)
    except InputError as error:
        yield rejection(error)


def _document(source: str, response: _Response, kind: str) -> Document:
    if kind == "html":
        # An explicit header charset beats trafilatura's guess from the bytes.
        data: bytes | str = response.content
        if response.charset:
            try:
                data = response.content.decode(response.charset, errors="replace")
            except LookupError:
                pass
        return _html.document(data, source=source, url=response.url)
    if kind == "text":
        return text_document(source, response.content, url=response.url)
    raise InputError(source, f"unsupported content type {response.content_type or '(none)'}")


def _kind(response: _Response) -> str:
    head = response.content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    ctype = response.content_type
    if ctype in _FEED_TYPES or ((ctype in _XML_TYPES or ctype in _HTML_TYPES or not ctype) and _sniff_feed(head)):
        return "feed"
    if ctype in _HTML_TYPES or ctype in _XML_TYPES or (not ctype and _HTML_ROOT.search(head)):
        return "html"
    if ctype == "text/plain":
        return "text"
    return "other"


def _sniff_feed(head: bytes) -> bool:
    # Misconfigured servers send feeds as text/html; the root element tells the truth.
    feed = _FEED_ROOT.search(head)
    if feed is None:
        return False
    page = _HTML_ROOT.search(head)
    return page is None or page.start() > feed.start()


def _fetch(url: str, settings: Settings, http: httpx.Client) -> _Response:
    limit = settings.max_bytes * _DOWNLOAD_FACTOR
    # httpx's timeout bounds each network operation; this bounds the whole download, so a
    # server trickling bytes cannot hold the batch.
    deadline = time.monotonic() + settings.fetch_timeout
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                phrase = response.reason_phrase or _phrase(response.status_code)
                raise InputError(url, f"HTTP {response.status_code} {phrase}".strip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise InputError(url, _too_big(int(declared), limit))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise InputError(url, _too_big(size, limit, at_least=True))
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("download took too long")
                chunks.append(chunk)
            ctype, _, params = response.headers.get("content-type", "").partition(";")
            return _Response(
                url=str(response.url),
                content_type=ctype.strip().lower(),
                charset=_charset(params),
                content=b"".join(chunks),
            )
    except httpx.TimeoutException:
        raise InputError(url, f"timed out after {settings.fetch_timeout:g} s (set --fetch-timeout)") from None
    except httpx.ConnectError as error:
        raise InputError(url, _connect_reason(error)) from None
    except httpx.TooManyRedirects:
        raise InputError(url, "too many redirects") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
        raise InputError(url, f"invalid URL: {one_line(error)}") from None
    except httpx.HTTPError as error:
        raise InputError(url, f"{type(error).__name__}: {one_line(error)}") from None


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"response is {more}{size} bytes, over the download limit of {limit} ({_DOWNLOAD_FACTOR}x --max-bytes)"


def _charset(params: str) -> str | None:
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.IGNORECASE)
    return match.group(1) if match else None


def _connect_reason(error: httpx.ConnectError) -> str:
    message = one_line(error).lower()
    if "refused" in message:
        return "connection refused"
    if any(s in message for s in _RESOLVE_FAILURES):
        return "cannot resolve host name"
    return f"cannot connect: {one_line(error)}"


def _read_feed(url: str, response: _Response, settings: Settings, http: httpx.Client) -> Iterator[Document | Rejection]:
    parsed: Any = feedparser.parse(response.content)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise InputError(url, f"malformed feed: {one_line(parsed.get('bozo_exception'))}")
        raise InputError(url, "feed has no entries")
    outlet = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, 1):
        yield _entry(url, response.url, number, entry, outlet, settings, http)


def _entry(
    feed_url: str,
    base_url: str,
    number: int,
    entry: Any,
    outlet: str | None,
    settings: Settings,
    http: httpx.Client,
) -> Document | Rejection:
    link = urljoin(base_url, entry["link"]) if entry.get("link") else None
    source = link or f"{feed_url}#entry-{number}"
    doc: Document | None = None
    failure = "feed entry has no link and no text"
    if link is not None:
        try:
            page = _fetch(link, settings, http)
            kind = _kind(page)
            if kind == "feed":
                raise InputError(link, "entry link is another feed, not an article")
            doc = _document(link, page, kind)
            if not doc.text.strip():
                raise InputError(link, "no article text found in the page")
        except InputError as error:
            failure = error.reason
            doc = None
    if doc is None:
        summary = _summary(entry)
        if not summary:
            return Rejection(source, failure)
        if link is not None:
            log.info("%s: %s; using the feed's summary as the text", link, failure)
        doc = Document(source=source, text=summary, url=link)
    doc.title = _clean(entry.get("title")) or doc.title
    doc.outlet = outlet or doc.outlet
    published = _entry_date(entry)
    if published is not None:
        doc.published, doc.published_precision = published, "day"
    return finish(doc, settings)


def _summary(entry: Any) -> str:
    # Full content when the feed carries it, else the summary; both are often HTML.
    for item in entry.get("content") or []:
        text = _html.fragment_text(item.get("value") or "")
        if text:
            return text
    return _html.fragment_text(entry.get("summary") or "")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
