"""JSON Lines exports: claimledger's field names, news-please's, and bad lines."""

from __future__ import annotations

import json
from pathlib import Path

from claimledger.config import Settings
from claimledger.ingest import read
from claimledger.models import Document, Rejection

TEXT = "The port authority said on Tuesday that the lease rumours were false and promised a hearing."


def write_lines(path: Path, lines: list[str | dict[str, object]]) -> None:
    rendered = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines]
    path.write_text("\n".join(rendered) + "\n", encoding="utf-8")


def test_own_fields(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "batch.jsonl"
    record = {
        "url": "https://courier.example/port",
        "title": "Port authority answers critics",
        "text": TEXT,
        "published": "2023-05-02",
        "outlet": "Coastal Courier",
        "language": "en",
    }
    write_lines(path, [record])
    (d,) = read([str(path)], settings)
    assert d == Document(
        source="https://courier.example/port",
        text=TEXT,
        title="Port authority answers critics",
        published="2023-05-02",
        published_precision="day",
        outlet="Coastal Courier",
        language="en",
        url="https://courier.example/port",
    )


def test_news_please_fields(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "np.jsonl"
    record = {
        "url": "https://gazette.example/a/1",
        "title": "Минтранс опроверг аренду порта",
        "maintext": "Министр транспорта во вторник опроверг сообщения об аренде северного порта.",
        "date_publish": "2022-10-28 14:05:00",
        "source_domain": "gazette.example",
        "language": "ru",
        "description": None,
    }
    write_lines(path, [record])
    (d,) = read([str(path)], settings)
    assert isinstance(d, Document)
    assert (d.title, d.outlet, d.language) == ("Минтранс опроверг аренду порта", "gazette.example", "ru")
    assert (d.published, d.published_precision) == ("2022-10-28", "day")
    assert d.text == record["maintext"]


def test_partial_and_free_form_dates_and_detected_language(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "dates.jsonl"
    write_lines(
        path,
        [
            {"text": TEXT, "published": "2023-05"},
            {"text": TEXT + " Again.", "published": "28 October 2022"},
            {"text": TEXT + " Once more.", "published": "sometime"},
        ],
    )
    items = list(read([str(path)], settings))
    assert [(i.published, i.published_precision) for i in items if isinstance(i, Document)] == [
        ("2023-05", "month"),
        ("2022-10-28", "day"),
        (None, None),
    ]
    # Without a url the source is file:line; without a language it is detected.
    assert [i.source for i in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    assert all(isinstance(i, Document) and i.language == "en" and i.url is None for i in items)


def test_bad_lines_rejected_and_batch_goes_on(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "mixed.jsonl"
    good = {"url": "https://courier.example/ok", "text": TEXT}
    write_lines(
        path,
        [
            good,
            '{"url": "https://courier.example/broken", "text": "unterminated',
            "",
            "[1, 2, 3]",
            {"url": "https://courier.example/empty", "text": "   "},
            {"url": "https://courier.example/notext", "title": "Headline only"},
            {"text": TEXT + " Last one."},
        ],
    )
    items = list(read([str(path)], settings))
    summary = [(i.source, i.reason if isinstance(i, Rejection) else "ok") for i in items]
    assert summary == [
        ("https://courier.example/ok", "ok"),
        (f"{path}:2", summary[1][1]),
        (f"{path}:4", "expected a JSON object, got list"),
        ("https://courier.example/empty", "empty document"),
        ("https://courier.example/notext", "record has no text (expected a 'text' or 'maintext' field)"),
        (f"{path}:7", "ok"),
    ]
    assert summary[1][1] == "malformed JSON at column 51: Unterminated string starting"


def test_line_in_wrong_encoding_rejected_alone(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "enc.jsonl"
    first = json.dumps({"text": TEXT}).encode("utf-8")
    second = '{"text": "Порт"}'.encode("cp1251")
    third = json.dumps({"text": TEXT + " Third."}).encode("utf-8")
    path.write_bytes(b"\n".join([first, second, third]) + b"\n")
    items = list(read([str(path)], settings))
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    assert items[1].source == f"{path}:2"
    assert items[1].reason.startswith("not UTF-8")


def test_oversized_record_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    write_lines(path, [{"url": "https://courier.example/big", "text": "word " * 40}])
    (item,) = read([str(path)], Settings(max_bytes=100))
    assert item == Rejection(
        "https://courier.example/big", "text is 200 bytes, over the limit of 100 (set --max-bytes)"
    )
