"""View data and the pieces the templates draw from it (no server needed)."""

from __future__ import annotations

from typing import Any

from claimledger.web import segments
from claimledger.web._render import safe_url, timeline_chart


def _st(sid: str, a: int, b: int, spans: list[list[int]] | None = None, **kw: Any) -> dict[str, Any]:
    return {"id": sid, "start": a, "end": b, "content_spans": spans or [], "speaker_spans": [], "cue_spans": [], **kw}


def test_segments_cover_the_text_once_and_follow_overlaps() -> None:
    text = "Alpha said beta gamma delta, Omega said epsilon."
    outer = _st("s1", 0, 27, [[11, 27]], speaker_spans=[[0, 5]], cue_spans=[[6, 10]])
    inner = _st("s2", 16, 21)  # nested inside s1's words
    pieces = segments(text, [outer, inner], selected="s1")
    assert "".join(p["text"] for p in pieces) == text
    assert "".join(p["text"] for p in pieces if p["sel"]) == text[11:27]
    assert [p["text"] for p in pieces if "s2" in p["ids"]] == ["gamma"]
    assert [p["role"] for p in pieces if p["role"]] == ["speaker", "cue"]
    assert [a["sid"] for p in pieces for a in p["anchors"]] == ["s1", "s2"]


def test_segments_clamp_offsets_outside_the_text() -> None:
    pieces = segments("short", [_st("s1", 2, 99, [[2, 99]])])
    assert [(p["text"], p["ids"]) for p in pieces] == [("sh", []), ("ort", ["s1"])]


def test_highlighted_text_is_escaped_piece_by_piece() -> None:
    body = {
        "id": "d1",
        "language": "en",
        "text": "<b>x</b> said <i>y</i>",
        "statements": [_st("d1:s1", 0, 22, [[14, 22]])],
    }
    html = _render_text(body)
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;i&gt;y&lt;/i&gt;</mark>" in html


def _render_text(body: dict[str, Any]) -> str:
    from claimledger.web._render import environment

    return environment().from_string('{% import "_macros.html" as m %}{{ m.text(body, "d1:s1") }}').render(body=body)


def test_timeline_draws_date_conflicts_and_out_of_order_events() -> None:
    events = [
        {
            "kind": "event",
            "description": "strike",
            "date": "2023-10-12",
            "date_precision": "day",
            "said_date": "2023-10-13",
            "reported_date": "2023-10-14",
        },
        {
            "kind": "statement",
            "description": "x says",
            "date": "2023-10-15",
            "date_precision": "day",
            "said_date": "2023-10-15",
            "reported_date": "2023-10-11",
        },
    ]
    conflict = {
        "kind": "date",
        "subject": "when it happened",
        "values": [
            {"value": "2023-10-12", "documents": [{"label": "A"}]},
            {"value": "2023-10-18", "documents": [{"label": "B"}]},
        ],
    }
    chart = timeline_chart(events, [conflict, {"kind": "name", "subject": "n", "values": []}])
    assert chart is not None
    kinds = [(r["kind"], r["conflict"]) for r in chart["rows"]]
    assert kinds == [("conflict", True), ("event", False), ("statement", True)]
    xs = {t["date"]: t["x"] for t in chart["ticks"]}
    assert [p["x"] for p in chart["rows"][0]["points"]] == [xs["2023-10-12"], xs["2023-10-18"]]
    assert sorted(m["what"] for m in chart["rows"][1]["marks"]) == ["happened", "reported", "said"]
    assert timeline_chart([], []) is None


def test_only_http_urls_become_links() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    for url in ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "", None]:
        assert safe_url(url) is None
