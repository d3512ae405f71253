"""HTML pages (files and fetched URLs) -> Document via trafilatura's main-text extraction."""

from __future__ import annotations

import re
from typing import Any

from claimledger.dates import dateline
from claimledger.errors import InputError
from claimledger.models import Document

# htmldate's extensive search takes any date-looking string in the page, often a date the
# article merely mentions; a wrong publication date is worse than none, and the dateline
# fallback below still catches dates printed in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table"}
)


def document(data: bytes | str, source: str, url: str | None = None) -> Document:
    """Extract the article from a page; an empty page gives an empty Document (rejected later)."""
    if isinstance(data, bytes) and b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "binary file, not text")
    if not data.strip():
        return Document(source=source, text="", url=url)
    # trafilatura (with lxml, htmldate, courlan) takes ~0.1 s to import: only for HTML input.
    import trafilatura

    result = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    fields: dict[str, Any] = result.as_dict() if result is not None else {}
    text = paragraphs(fields.get("text") or "")
    if not text:
        raise InputError(source, "no article text found in the page")
    doc = Document(
        source=source,
        text=text,
        title=_clean(fields.get("title")),
        outlet=_clean(fields.get("sitename")),
        url=url,
    )
    date = fields.get("date")
    if isinstance(date, str) and _DAY.match(date):
        doc.published, doc.published_precision = date, "day"
    else:
        found = dateline(text)
        if found is not None:
            doc.published, doc.published_precision = found[0].iso, found[0].precision
    return doc


def paragraphs(text: str) -> str:
    """One paragraph per line -> paragraphs separated by blank lines.

    Same shape as a plain-text article, so the headline and paragraph ends read the same
    downstream whichever format the article came in.
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's summary or content), paragraphs kept apart."""
    if "<" not in html:
        return paragraphs(html)
    import lxml.html  # lazily, like trafilatura: only feeds and pages need it
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return paragraphs(html)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    return paragraphs(root.text_content())


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
