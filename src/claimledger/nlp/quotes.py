"""Quotation spans from the raw text, any convention: "…", “…”, «…», „…“, ‘…’.

A linear scan with a stack per paragraph. Real articles are messy (an inner quote that
swallows the outer closing mark, a stray mark at the end), so an opening mark left open at
the end of a paragraph is closed at the last closing mark after it; a multi-paragraph quote
(each paragraph reopens, only the last closes) is joined into one span.
"""

from __future__ import annotations

import re

# opening mark -> closing marks that may end it
_PAIRS: dict[str, str] = {
    "“": '”"',
    "«": "»",
    "„": "“”",
    "‚": "‘’",
    "‘": "’",
    "”": "”",  # Swedish/Finnish style, and typographers who only have one glyph
}
_CLOSERS = set('”»“’"')
_PARA = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n\s*")
# a text whose lines all stay this short may be hard-wrapped (at 72, 80 or ~110 characters):
# its single line breaks fall inside paragraphs, and only blank lines end them
_WRAP_WIDTH = 130
# every character `_scan` acts on: straight and typographic quotation marks and apostrophes
_MARKS = re.compile("['\"‘’‚“”«»„]")


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans. Most extracted articles put one paragraph per line, and a quotation
    left open at a line's end (the convention for a quote running on into the next paragraph)
    must not be closed at a mark several paragraphs later; a hard-wrapped text keeps its
    blank-line paragraphs."""
    wrapped = all(len(line) <= _WRAP_WIDTH for line in text.splitlines())
    out: list[tuple[int, int]] = []
    pos = 0
    for m in (_PARA if wrapped else _LINE).finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _scan(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Quotes in text[start:end]; also the position of an opening mark left open, if any."""
    found: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    closers_seen: list[int] = []
    straight_open: int | None = None
    skip_to = start
    # Only the marks themselves do anything below: visit them, not every character.
    for mark in _MARKS.finditer(text, start, end):
        i = mark.start()
        if i < skip_to:
            continue
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "'" and nxt == "'" and prev != "'":
            # two apostrophes for a double quote, as in typewriter and wire-archive text:
            # ''Words,'' he said.
            skip_to = i + 2
            if straight_open is None:
                straight_open = i
            else:
                found.append((straight_open, i + 2))
                straight_open = None
            continue
        if ch == '"':
            if straight_open is None and stack and '"' in _PAIRS.get(stack[-1][0], "") and not prev.isspace():
                # “Words," he said: a curly opening closed by a straight mark (mixed glyphs
                # in pasted or converted text)
                found.append((stack.pop()[1], i + 1))
                continue
            if straight_open is None:
                straight_open = i
            else:
                found.append((straight_open, i + 1))
                straight_open = None
            continue
        if ch in ("‘", "’", "‚"):
            # Apostrophes look the same as single quotes: only word-boundary marks count.
            if (ch in ("‘", "‚") and not _is_word(prev) and _is_word(nxt)) or (ch == "‘" and prev in '“«"'):
                stack.append((ch, i))
            elif ch == "’" and not _is_word(nxt) and stack and stack[-1][0] in ("‘", "‚"):
                found.append((stack.pop()[1], i + 1))
            continue
        if ch == "”" and straight_open is not None and not stack:
            # "Words,” he said: the other way round
            found.append((straight_open, i + 1))
            straight_open = None
            continue
        if ch == "“" and stack and "“" in _PAIRS.get(stack[-1][0], "") and stack[-1][0] == "„":
            found.append((stack.pop()[1], i + 1))
            continue
        if ch in _PAIRS and (ch != "”" or not stack) and not (ch == "”" and _is_word(prev)):
            if (ch in "“«„" and nxt in ".,;:!?\n") or (ch == "“" and _is_word(prev) and not _is_word(nxt)):
                # a closing glyph used the wrong way round ("word“ ")
                if stack:
                    found.append((stack.pop()[1], i + 1))
                continue
            stack.append((ch, i))
            continue
        if ch in _CLOSERS:
            closers_seen.append(i)
            for k in range(len(stack) - 1, -1, -1):
                if ch in _PAIRS.get(stack[k][0], ""):
                    found.append((stack[k][1], i + 1))
                    del stack[k:]
                    break
    left_open: int | None = None
    if stack:
        first = stack[0][1]
        after = [c for c in closers_seen if c > first]
        if after:
            found.append((first, after[-1] + 1))
        else:
            left_open = first
    return found, left_open


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost quotation spans, marks included, in text order."""
    spans: list[tuple[int, int]] = []
    carry: int | None = None
    for start, end in _paragraphs(text):
        found, left_open = _scan(text, start, end)
        if carry is not None:
            first_closed = min((s for s in found), default=None)
            para_text = text[start:end].lstrip()
            if para_text[:1] in _PAIRS and left_open is None and first_closed is not None:
                # continuation paragraph closes the quote opened earlier
                # it runs to the first quotation that closes: what follows ("“…,” he said.
                # “…”") is the credit and another quotation
                span = min(found)
                found = [s for s in found if s[0] < span[0] or s[1] > span[1]]
                spans.append((carry, span[1]))
                carry = None
                found = [s for s in found if s[0] > span[1]]
            elif para_text[:1] in _PAIRS and left_open is not None and not found:
                left_open = carry
            else:
                carry = None
        spans.extend(found)
        if left_open is not None and any(_is_word(c) for c in text[left_open + 1 : end]):
            carry = left_open if carry is None else carry
    return _outermost(sorted(spans))


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def inner(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The quoted words without the marks, trailing comma or surrounding spaces."""
    s, e = span
    s += 2 if text.startswith("''", s) else 1
    if e - 2 > s and text[e - 2 : e] == "''":
        e -= 2
    elif e - 1 > s and text[e - 1] in _CLOSERS:
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e
