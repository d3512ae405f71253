"""JSON Lines exports: one article per line, in claimledger's own field names or news-please's."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from claimledger.config import Settings
from claimledger.dates import resolve
from claimledger.models import Document, Precision, Rejection

from ._common import finish, one_line

# First name wins: claimledger's own fields, then news-please's.
_TEXT = ("text", "maintext")
_PUBLISHED = ("published", "date_publish")
_OUTLET = ("outlet", "source_domain")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_LANGUAGE = re.compile(r"^([a-zA-Z]{2})(?:[-_][a-zA-Z0-9]+)?$")


def read(path: str, settings: Settings) -> Iterator[Document | Rejection]:
    # Binary lines, decoded one by one, so one line in a wrong encoding is rejected alone.
    cap = settings.max_bytes * 4
    try:
        handle = open(path, "rb")
    except OSError as error:
        yield Rejection(path, f"cannot read: {error.strerror or error}")
        return
    with handle:
        number = 0
        while True:
            try:
                # Capped so one runaway line cannot exhaust memory.
                raw = handle.readline(cap + 1)
            except OSError as error:
                yield Rejection(f"{path}:{number + 1}", f"cannot read: {error.strerror or error}")
                return
            if not raw:
                return
            number += 1
            where = f"{path}:{number}"
            if len(raw) > cap and not raw.endswith(b"\n"):
                yield Rejection(where, f"line is over {cap} bytes (4x --max-bytes); skipped")
                _skip_rest_of_line(handle, cap)
                continue
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield Rejection(where, f"not UTF-8 (bad byte at column {error.start + 1}); JSON Lines must be UTF-8")
                continue
            if not line.strip():
                continue
            yield _record(line, where, settings)


def _skip_rest_of_line(handle: BinaryIO, cap: int) -> None:
    while True:
        chunk = handle.readline(cap)
        if not chunk or chunk.endswith(b"\n"):
            return


def _record(line: str, where: str, settings: Settings) -> Document | Rejection:
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        # Some json messages end in a dangling "at" that expects the position after it.
        message = one_line(error.msg).removesuffix(" at")
        return Rejection(where, f"malformed JSON at column {error.colno}: {message}")
    if not isinstance(record, dict):
        return Rejection(where, f"expected a JSON object, got {type(record).__name__}")
    url = _string(record.get("url"))
    source = url or where
    text = _first(record, _TEXT)
    if text is None:
        if not any(isinstance(record.get(k), str) for k in _TEXT):
            return Rejection(source, "record has no text (expected a 'text' or 'maintext' field)")
        text = ""
    published, precision = _published(_first(record, _PUBLISHED))
    doc = Document(
        source=source,
        text=text,
        title=_string(record.get("title")),
        published=published,
        published_precision=precision,
        outlet=_string(_first(record, _OUTLET)),
        language=_language(record.get("language")),
        url=url,
    )
    return finish(doc, settings)


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _string(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _published(value: str | None) -> tuple[str | None, Precision | None]:
    if value is None:
        return None, None
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
        if day:
            return f"{year}-{month}-{day}", "day"
        if month:
            return f"{year}-{month}", "month"
        return year, "year"
    # Free-form dates ("28 October 2022") go through the shared date resolver.
    resolved = resolve(value, None)
    if resolved is None:
        return None, None
    return resolved.iso, resolved.precision


def _language(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    match = _LANGUAGE.match(value.strip())
    return match.group(1).lower() if match else None
