"""View data -> HTML: the Jinja environment, highlight segments and the timeline chart.

Article text, titles and URLs are hostile. Autoescape is on for every template and every
string; nothing built from article data is ever marked safe: highlighted text is a list of
plain-text segments that the template wraps in <mark> elements, each piece escaped.
Templates and static files come from the package (importlib.resources), never from a path
a request names.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from functools import cache
from importlib import resources
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

_DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


class Links(Protocol):
    def story(self, story_id: str) -> str | None: ...
    def claim(self, claim_id: str) -> str | None: ...
    def entity(self, entity_id: str) -> str | None: ...
    def document(self, doc_id: str) -> str | None: ...
    def statement(self, doc_id: str, statement_id: str) -> str | None: ...


def _q(value: str) -> str:
    return quote(value, safe="")


class WebLinks:
    """Links between the web app's pages."""

    def story(self, story_id: str) -> str | None:
        return f"/stories/{_q(story_id)}"

    def claim(self, claim_id: str) -> str | None:
        return f"/claims/{_q(claim_id)}"

    def entity(self, entity_id: str) -> str | None:
        return f"/entities/{_q(entity_id)}"

    def document(self, doc_id: str) -> str | None:
        return f"/documents/{_q(doc_id)}"

    def statement(self, doc_id: str, statement_id: str) -> str | None:
        return f"/documents/{_q(doc_id)}?s={_q(statement_id)}#{anchor(statement_id)}"


class ReportLinks:
    """Links inside the single-file report: fragments; entities have no section of their own."""

    def story(self, story_id: str) -> str | None:
        return f"#story-{_q(story_id)}"

    def claim(self, claim_id: str) -> str | None:
        return f"#claim-{_q(claim_id)}"

    def entity(self, entity_id: str) -> str | None:
        return None

    def document(self, doc_id: str) -> str | None:
        return f"#doc-{_q(doc_id)}"

    def statement(self, doc_id: str, statement_id: str) -> str | None:
        return f"#{anchor(statement_id)}"


def anchor(statement_id: str) -> str:
    """Element id of a statement's first highlighted piece ("d1:s2" -> "s-d1-s2")."""
    return "s-" + re.sub(r"[^A-Za-z0-9_-]", "-", statement_id)


def safe_url(url: str | None) -> str | None:
    """A document URL as a link target only when it is http(s): `javascript:` never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


def short(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- highlighted text -----------------------------------------------------------------------


def segments(text: str, statements: list[dict[str, Any]], selected: str | None = None) -> list[dict[str, Any]]:
    """Split `text` at every statement boundary into plain-text pieces.

    Each piece lists the statements whose content covers it (content spans, or the whole
    statement when it has none); `sel` marks the selected statement's content, `role` its
    speaker and cue. `anchors` are the statements whose first piece this is. Overlapping and
    nested statements need no special case: a piece is covered by zero or more of them."""
    n = len(text)
    spans: list[tuple[int, int, str]] = []
    roles: list[tuple[int, int, str]] = []
    for s in statements:
        for a, b in s["content_spans"] or [[s["start"], s["end"]]]:
            a, b = max(0, min(a, n)), max(0, min(b, n))
            if a < b:
                spans.append((a, b, s["id"]))
        if s["id"] == selected:
            roles += [(a, b, "speaker") for a, b in s["speaker_spans"]]
            roles += [(a, b, "cue") for a, b in s["cue_spans"]]
    cuts = sorted(
        {0, n} | {x for a, b, _ in spans for x in (a, b)} | {max(0, min(x, n)) for a, b, _ in roles for x in (a, b)}
    )
    pieces: list[dict[str, Any]] = []
    seen: set[str] = set()
    for x, y in itertools.pairwise(cuts):
        if x >= y:
            continue
        ids = [sid for a, b, sid in spans if a <= x and y <= b]
        role = next((r for a, b, r in roles if a <= x and y <= b), "")
        sel = selected is not None and selected in ids
        if pieces and pieces[-1]["ids"] == ids and pieces[-1]["role"] == role and pieces[-1]["sel"] == sel:
            pieces[-1]["text"] += text[x:y]
            continue
        fresh = [sid for sid in ids if sid not in seen]
        seen.update(fresh)
        pieces.append(
            {
                "text": text[x:y],
                "ids": ids,
                "sel": sel,
                "role": role,
                "anchors": [{"id": anchor(i), "sid": i} for i in fresh],
            }
        )
    return pieces


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """FTS snippets mark matches with [ and ]: (text, is_match) pieces, escaped by the template."""
    out: list[tuple[str, bool]] = []
    for part in re.split(r"(\[[^\[\]]*\])", snippet):
        if part.startswith("[") and part.endswith("]") and len(part) > 2:
            out.append((part[1:-1], True))
        elif part:
            out.append((part, False))
    return out


# -- timeline chart -------------------------------------------------------------------------

LABEL_W = 370
STEP_MAX = 88
STEP_MIN = 46
ROW_H = 24
TOP = 58


def timeline_chart(events: list[dict[str, Any]], discrepancies: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Geometry of the story timeline: one row per event with its three times, one row per
    date conflict between outlets. The axis is ordinal (one column per distinct date) so
    that a stray date years away does not squash the rest of the story into one pixel."""
    conflicts = [
        x for x in discrepancies if x["kind"] == "date" and sum(1 for v in x["values"] if _DATE.match(v["value"])) >= 2
    ]
    dates: set[str] = set()
    for v in events:
        dates.update(d for d in (v["date"], v["said_date"], v["reported_date"]) if d and _DATE.match(d))
    for x in conflicts:
        dates.update(v["value"] for v in x["values"] if _DATE.match(v["value"]))
    if not dates:
        return None
    axis = sorted(dates)
    step = max(STEP_MIN, min(STEP_MAX, 760 // max(1, len(axis) - 1)))
    xs = {d: LABEL_W + 20 + i * step for i, d in enumerate(axis)}
    rows: list[dict[str, Any]] = []
    y = TOP
    for x in conflicts:
        points = [
            {"x": xs[v["value"]], "date": v["value"], "who": ", ".join(d["label"] for d in v.get("documents", []))}
            for v in x["values"]
            if _DATE.match(v["value"])
        ]
        rows.append(
            {
                "y": y,
                "kind": "conflict",
                "label": short("Conflict: " + x["subject"], 52),
                "title": x["subject"],
                "points": points,
                "x1": min(p["x"] for p in points),
                "x2": max(p["x"] for p in points),
                "conflict": True,
            }
        )
        y += ROW_H
    for v in events:
        marks = [
            {"x": xs[d], "date": d, "what": what}
            for what, d in (("reported", v["reported_date"]), ("said", v["said_date"]), ("happened", v["date"]))
            if d and d in xs
        ]
        if not marks:
            continue
        rows.append(
            {
                "y": y,
                "kind": v["kind"],
                "label": short(v["description"], 55),
                "title": v["description"],
                "marks": marks,
                "x1": min(m["x"] for m in marks),
                "x2": max(m["x"] for m in marks),
                "conflict": _out_of_order(v),
            }
        )
        y += ROW_H
    return {
        "width": LABEL_W + 40 + (len(axis) - 1) * step + 60,
        "height": y + 10,
        "ticks": [{"x": xs[d], "date": d} for d in axis],
        "rows": rows,
        "top": TOP - 14,
    }


def _out_of_order(v: dict[str, Any]) -> bool:
    """Reported before it was said, or said before it happened: the sources' dates disagree."""
    happened, said, reported = v["date"], v["said_date"], v["reported_date"]

    def before(a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        k = min(len(a), len(b))  # compare at the coarser precision
        return a[:k] < b[:k]

    return before(reported, said) or before(reported, happened) or (v["kind"] == "event" and before(said, happened))


# -- the environment ------------------------------------------------------------------------


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("claimledger.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["short"] = short
    env.filters["safe_url"] = safe_url
    env.globals["anchor"] = anchor
    env.globals["segments"] = segments
    env.globals["snippet_pieces"] = snippet_pieces
    env.globals["timeline_chart"] = timeline_chart
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def static_file(name: str) -> bytes:
    """A file of the package's static folder; `name` must be one of STATIC (never a request path)."""
    if name not in STATIC:
        raise KeyError(name)
    return resources.files("claimledger.web").joinpath("static", name).read_bytes()


STATIC: dict[str, str] = {"style.css": "text/css; charset=utf-8", "report.js": "text/javascript; charset=utf-8"}


def csp_hash(data: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode() + "'"
