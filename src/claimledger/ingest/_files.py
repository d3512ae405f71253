"""Local paths: single files by extension, folders walked recursively in sorted order."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from claimledger.config import Settings
from claimledger.errors import InputError
from claimledger.models import Document, Rejection

from . import _html, _jsonl
from ._common import finish, rejection
from ._text import text_document

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE"})

# Decoded text is at least half as many UTF-8 bytes as the file (UTF-16 is the worst case),
# so a bigger file cannot pass the text limit and is refused before it is read.
_TEXT_FILE_FACTOR = 2
# Markup, scripts and styles usually outweigh an article's text many times over.
_HTML_FILE_FACTOR = 20


def read_path(source: str, settings: Settings) -> Iterator[Document | Rejection]:
    if os.path.isdir(source):
        yield from _read_folder(source, settings)
    else:
        yield from read_file(source, settings)


def _read_folder(source: str, settings: Settings) -> Iterator[Document | Rejection]:
    walk_errors: list[OSError] = []
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(source, onerror=walk_errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in KNOWN_SUFFIXES:
                continue
            # A corpus folder's own notes describe the articles; they are not articles.
            # Named explicitly on the command line, such a file is still read.
            if Path(name).stem.upper() in FOLDER_NOTES:
                continue
            path = os.path.join(root, name)
            found.append((Path(os.path.relpath(path, source)).parts, path))
    for error in walk_errors:
        where = error.filename if isinstance(error.filename, str) else source
        yield Rejection(where, f"cannot read folder: {_os_reason(error)}")
    if not found and not walk_errors:
        known = ", ".join(sorted(KNOWN_SUFFIXES))
        yield Rejection(source, f"no articles in folder (looked for {known})")
    for _, path in sorted(found):
        yield from read_file(path, settings)


def read_file(source: str, settings: Settings) -> Iterator[Document | Rejection]:
    suffix = Path(source).suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            data = _read_bytes(source, settings.max_bytes * _TEXT_FILE_FACTOR, settings)
            yield finish(text_document(source, data, markdown=suffix != ".txt"), settings)
        elif suffix in HTML_SUFFIXES:
            data = _read_bytes(source, settings.max_bytes * _HTML_FILE_FACTOR, settings)
            yield finish(_html.document(data, source=source), settings)
        elif suffix in JSONL_SUFFIXES:
            _check_regular(source)
            yield from _jsonl.read(source, settings)
        else:
            _check_regular(source)
            yield Rejection(source, f"unsupported file type {suffix or '(no extension)'}")
    except InputError as error:
        yield rejection(error)


def _check_regular(source: str) -> os.stat_result:
    try:
        info = os.stat(source)
    except OSError as error:
        raise InputError(source, _os_reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(source, "is a directory")
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or a device would block or never end.
        raise InputError(source, "not a regular file")
    return info


def _read_bytes(source: str, limit: int, settings: Settings) -> bytes:
    info = _check_regular(source)
    if info.st_size > limit:
        raise InputError(
            source,
            f"file is {info.st_size} bytes, over the limit of {limit} "
            f"({limit // settings.max_bytes}x --max-bytes for this file type)",
        )
    try:
        with open(source, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as error:
        raise InputError(source, _os_reason(error)) from None


def _os_reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {error.strerror or error}"
