"""Plain-text handling shared by the file readers: decoding bytes and reading a headline
and a dateline off the text without changing it (ledger offsets index the stored text)."""

from __future__ import annotations

import re
import unicodedata

from claimledger.dates import dateline
from claimledger.errors import InputError
from claimledger.models import Document

_BINARY = "binary file, not text"
# Whitespace controls that plain text legitimately contains.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
# A few stray control characters happen in real exports; more than this is not prose.
_MAX_CONTROL_SHARE = 0.01
# A damaged UTF-8 file (a truncated download, one pasted byte) is still UTF-8; a file with
# this share of bad sequences or more is in some other encoding.
_MAX_BAD_UTF8_SHARE = 0.001


class DecodeError(ValueError):
    """The bytes are not text; the message is the rejection reason."""


def decode(data: bytes) -> str:
    """Bytes of a text file -> str, or DecodeError with a one-line reason.

    UTF-8 (with or without BOM) first, UTF-16 when it carries a BOM, then the 8-bit
    encodings news archives actually use: cp1251 for Cyrillic, cp1252/latin-1 otherwise.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError(_BINARY) from None
        return _check_controls(text)
    if b"\x00" in data:
        raise DecodeError(_BINARY)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _check_controls(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    damaged = data.decode("utf-8", errors="replace")
    bad = damaged.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if _has_multibyte(data) and bad <= max(1, len(damaged) * _MAX_BAD_UTF8_SHARE):
        return _check_controls(damaged)
    return _check_controls(_decode_8bit(data))


def _has_multibyte(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", data) is not None


def _decode_8bit(data: bytes) -> str:
    # In cp1251 the bytes 0xC0-0xFF are the Cyrillic alphabet, so Russian text is mostly
    # high bytes in runs; in cp1252 they are accented Latin letters scattered among ASCII.
    high = sum(1 for b in data if b >= 0xC0)
    ascii_letters = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    if high > ascii_letters:
        try:
            return data.decode("cp1251")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")


def _check_controls(text: str) -> str:
    if not text:
        return text
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise DecodeError(_BINARY)
    return text


_HEADLINE_MAX = 200
_NO_HEADLINE_END = (".", "。", ",", ";", ":", "…")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def headline(text: str, markdown: bool = False, pos: int = 0) -> tuple[str, int, int] | None:
    """The first line from `pos` on when it reads as a headline: short, no final period,
    then a blank line.

    Returns the title (Markdown `#` marks removed) and the line's span in `text`.
    """
    match = re.compile(r"\s*").match(text, pos)
    start = match.end() if match else pos
    # \s* may have eaten the indentation of the first line; back up to its start.
    start = max(pos, text.rfind("\n", 0, start) + 1)
    end = text.find("\n", start)
    if end < 0:
        return None
    line = text[start:end].strip()
    rest = text[end + 1 :]
    blank = rest.split("\n", 1)
    if len(blank) < 2 or blank[0].strip() or not blank[1].strip():
        return None
    if markdown:
        line = _MARKDOWN_HEADING.sub("", line).strip()
    if not line or len(line) >= _HEADLINE_MAX or line.endswith(_NO_HEADLINE_END):
        return None
    if not any(ch.isalpha() for ch in line):
        return None
    return line, start, end


def text_document(source: str, data: bytes, markdown: bool = False, url: str | None = None) -> Document:
    """A plain-text article: the decoded text unchanged, with its headline and dateline read off."""
    try:
        text = decode(data)
    except DecodeError as error:
        raise InputError(source, str(error)) from None
    doc = Document(source=source, text=text, url=url)
    found = dateline(text)
    if found is not None:
        doc.published, doc.published_precision = found[0].iso, found[0].precision
    title = headline(text, markdown=markdown)
    if title is not None and found is not None and found[1] < title[2] and found[2] > title[1]:
        # A dateline printed above the headline: the headline is the next line after it.
        line_end = text.find("\n", found[2])
        title = headline(text, markdown=markdown, pos=line_end + 1) if line_end >= 0 else None
    if title is not None:
        doc.title = title[0]
    return doc
