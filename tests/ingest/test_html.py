"""HTML files: main text, title, date and outlet through trafilatura."""

from __future__ import annotations

from pathlib import Path

from claimledger.config import Settings
from claimledger.ingest import read
from claimledger.models import Document, Rejection

from .pages import article_page


def read_one(path: Path, settings: Settings) -> Document | Rejection:
    items = list(read([str(path)], settings))
    assert len(items) == 1, items
    return items[0]


def test_html_file_metadata_and_main_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "port.html"
    path.write_text(article_page("Minister denies port lease"), encoding="utf-8")
    d = read_one(path, settings)
    assert isinstance(d, Document), d
    assert d.title == "Minister denies port lease"
    assert (d.published, d.published_precision) == ("2023-04-12", "day")
    assert d.outlet == "Harbour Gazette"
    assert d.language == "en"
    assert d.source == str(path)
    assert d.url is None
    assert "Alan Verity, on Tuesday denied" in d.text
    assert '"There is no deal and there never was," Verity told reporters' in d.text
    # Navigation and footer boilerplate stay out; paragraphs are separated by blank lines.
    assert "Sport" not in d.text and "All rights reserved" not in d.text
    assert "\n\n" in d.text and "\n\n\n" not in d.text


def test_html_without_meta_date_uses_dateline(tmp_path: Path, settings: Settings) -> None:
    page = """<html><head><title>Ferry timetable changes</title></head><body><article>
<p>3 March 2021</p>
<p>The ferry operator said on Monday that crossings to the island would run every two hours from
next month, after a long dispute with the port authority over berth fees and night shifts.</p>
<p>Passengers' groups welcomed the change but asked for an earlier first sailing in the morning.</p>
</article></body></html>"""
    path = tmp_path / "ferry.htm"
    path.write_text(page, encoding="utf-8")
    d = read_one(path, settings)
    assert isinstance(d, Document), d
    assert (d.published, d.published_precision) == ("2021-03-03", "day")
    assert d.title == "Ferry timetable changes"


def test_html_in_legacy_encoding(tmp_path: Path, settings: Settings) -> None:
    page = """<html><head><meta charset="windows-1251"><title>Порт остаётся государственным</title></head>
<body><article><p>Министр транспорта во вторник опроверг сообщения о том, что правительство тайно
подписало соглашение об аренде северного порта иностранной компании на сорок девять лет.</p>
<p>По его словам, порт останется в государственной собственности, а переговоры не велись.</p>
</article></body></html>"""
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    d = read_one(path, settings)
    assert isinstance(d, Document), d
    assert d.title == "Порт остаётся государственным"
    assert "опроверг сообщения" in d.text
    assert d.language == "ru"


def test_empty_html_file_rejected(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "empty.html"
    path.write_text("   \n", encoding="utf-8")
    assert read_one(path, settings) == Rejection(str(path), "empty document")


def test_html_without_article_text_rejected(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script>var app = 1;</script></head><body></body></html>", encoding="utf-8")
    item = read_one(path, settings)
    assert isinstance(item, Rejection)
    assert item.reason == "no article text found in the page"


def test_binary_html_rejected(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "blob.html"
    path.write_bytes(b"<html>\x00\x00\x01\x02")
    assert read_one(path, settings) == Rejection(str(path), "binary file, not text")
