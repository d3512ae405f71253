"""Plain-text and Markdown files, folders, and every way a local input can be bad."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger.config import Settings
from claimledger.ingest import read
from claimledger.models import Document, Rejection

ARTICLE = (
    "Harbour minister denies port lease\n"
    "\n"
    "The transport minister, Alan Verity, on Tuesday denied that the government had signed a secret "
    "agreement to lease the northern port to a foreign operator.\n"
    "\n"
    '"There is no deal and there never was," Verity told reporters in the capital.\n'
    "\n"
    "12 April 2023\n"
)

RUSSIAN = (
    "Министр опроверг сделку по порту\n"
    "\n"
    "Министр транспорта во вторник опроверг сообщения о том, что правительство тайно подписало "
    "соглашение об аренде северного порта.\n"
)


def only(items: list[Document | Rejection]) -> Document | Rejection:
    assert len(items) == 1, items
    return items[0]


def doc(path: Path | str, settings: Settings) -> Document:
    item = only(list(read([str(path)], settings)))
    assert isinstance(item, Document), item
    return item


def rejected(path: Path | str, settings: Settings) -> Rejection:
    item = only(list(read([str(path)], settings)))
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    assert "\n" not in item.reason
    return item


def test_text_file_title_date_language_and_text_unchanged(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    d = doc(path, settings)
    assert d.text == ARTICLE
    assert d.title == "Harbour minister denies port lease"
    assert d.published == "2023-04-12"
    assert d.published_precision == "day"
    assert d.language == "en"
    assert d.outlet is None
    assert d.source == str(path)
    assert d.sources == [str(path)]
    start = d.text.index("Alan Verity")
    assert d.text[start : start + len("Alan Verity")] == "Alan Verity"


def test_dateline_above_headline(tmp_path: Path, settings: Settings) -> None:
    text = "October 28, 2022\n\nTalks on the northern port resume\n\nNegotiators met again on Friday in the capital.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    d = doc(path, settings)
    assert d.title == "Talks on the northern port resume"
    assert (d.published, d.published_precision) == ("2022-10-28", "day")
    assert d.text == text


def test_no_title_when_first_line_is_a_sentence(tmp_path: Path, settings: Settings) -> None:
    text = "The minister spoke on Tuesday.\n\nHe said the port would stay public.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert doc(path, settings).title is None


def test_no_title_without_blank_line(tmp_path: Path, settings: Settings) -> None:
    text = "Port lease denied\nThe minister said the port would stay public.\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert doc(path, settings).title is None


def test_markdown_heading_becomes_title(tmp_path: Path, settings: Settings) -> None:
    text = "# Port lease denied\n\nThe minister said the port would stay in public hands for good.\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    d = doc(path, settings)
    assert d.title == "Port lease denied"
    assert d.text == text


def test_utf8_bom_is_dropped(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert doc(path, settings).text == ARTICLE


def test_cp1251_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    d = doc(path, settings)
    assert d.text == RUSSIAN
    assert d.title == "Министр опроверг сделку по порту"
    assert d.language == "ru"


def test_latin1_file(tmp_path: Path, settings: Settings) -> None:
    text = "Le ministre a déclaré mardi que le port du nord resterait public, après des rumeurs de bail secret.\n"
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("latin-1"))
    d = doc(path, settings)
    assert d.text == text
    assert d.language == "fr"


def test_utf16_with_bom(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    assert doc(path, settings).text == ARTICLE


def test_damaged_utf8_keeps_the_rest(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(RUSSIAN.encode("utf-8").replace("порт".encode(), b"\xff\xd0\xbe\xd1\x80\xd1\x82", 1))
    d = doc(path, settings)
    assert d.text == RUSSIAN.replace("порт", "\ufffdорт", 1)
    assert d.language == "ru"


def test_single_path_string(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "port.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (d,) = read(str(path), settings)
    assert isinstance(d, Document) and d.source == str(path)


def test_binary_file_rejected(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert rejected(path, settings).reason == "binary file, not text"


def test_control_characters_rejected(tmp_path: Path, settings: Settings) -> None:
    # No NUL byte, but no prose either: undecodable as text.
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(b % 31 + 1 for b in range(2000)))
    assert rejected(path, settings).reason == "binary file, not text"


def test_empty_and_whitespace_files_rejected(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    items = list(read([str(tmp_path / "empty.txt"), str(tmp_path / "blank.md")], settings))
    assert [(r.source, r.reason) for r in items if isinstance(r, Rejection)] == [
        (str(tmp_path / "empty.txt"), "empty document"),
        (str(tmp_path / "blank.md"), "empty document"),
    ]


def test_oversized_text_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 30, encoding="utf-8")
    reason = rejected(path, Settings(max_bytes=100)).reason
    assert reason == "text is 150 bytes, over the limit of 100 (set --max-bytes)"


def test_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 100, encoding="utf-8")
    reason = rejected(path, Settings(max_bytes=100)).reason
    assert reason.startswith("file is 500 bytes, over the limit of 200")


def test_missing_file_rejected(tmp_path: Path, settings: Settings) -> None:
    assert rejected(tmp_path / "nope.txt", settings).reason == "no such file or directory"


def test_dangling_symlink_rejected(tmp_path: Path, settings: Settings) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    assert rejected(link, settings).reason == "no such file or directory"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_rejected(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        assert rejected(path, settings).reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_unsupported_extension_given_explicitly(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert rejected(path, settings).reason == "unsupported file type .pdf"


def test_folder_recursive_sorted_skips_hidden_and_unknown(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "b.txt").write_text("Second article\n\nThe port stays public, the minister said.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# First article\n\nTalks resumed on Friday in the capital.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Third article about the harbour and its lease.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden notes that must not be read at all.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("Version control internals, not an article.\n", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    given = str(tmp_path) + "/"
    items = list(read([given], settings))
    assert all(isinstance(i, Document) for i in items), items
    assert [i.source for i in items] == [given + "a.md", given + "b.txt", given + "sub/c.txt"]
    assert [i.title for i in items] == ["First article", "Second article", None]


def test_folder_goes_on_after_bad_file(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "1.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "2.txt").write_text("A readable article about the port lease.\n", encoding="utf-8")
    # A directory whose name looks like a file is walked, not read as a file.
    (tmp_path / "3.txt").mkdir()
    (tmp_path / "4.txt").symlink_to(tmp_path / "missing.txt")
    items = list(read([str(tmp_path)], settings))
    summary = [(Path(i.source).name, i.reason if isinstance(i, Rejection) else "ok") for i in items]
    assert summary == [("1.txt", "binary file, not text"), ("2.txt", "ok"), ("4.txt", "no such file or directory")]


def test_empty_folder_rejected(tmp_path: Path, settings: Settings) -> None:
    assert rejected(tmp_path, settings).reason.startswith("no articles in folder")


def test_same_text_from_two_paths_yields_both(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read([str(tmp_path / "one.txt"), str(tmp_path / "two.txt")], settings))
    assert len(items) == 2
    assert all(isinstance(i, Document) for i in items)
    assert items[0].id == items[1].id
    assert [i.source for i in items] == [str(tmp_path / "one.txt"), str(tmp_path / "two.txt")]


def test_folder_notes_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# About this corpus\n\nNotes for editors.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Mayor opens bridge\n\nThe mayor opened the bridge.\n", encoding="utf-8")
    got = list(read([str(tmp_path)], Settings.load()))
    assert [Path(d.source).name for d in got] == ["a.txt"]
    explicit = list(read([str(tmp_path / "README.md")], Settings.load()))
    assert len(explicit) == 1 and explicit[0].title == "About this corpus"


@pytest.mark.parametrize(
    ("lang", "text", "published"),
    [
        # Fictional articles written for this test.
        ("fr", "Le barrage de Narvon cède\n\nBELVAST, 15 mars 2031 — Le barrage de Narvon a cédé dans la nuit, "
         "a déclaré la préfète Léa Morand aux journalistes réunis devant la mairie de la vallée.\n", "2031-03-15"),
        ("ar", "انهيار سد نارفون\n\nبلفاست، 15 مارس 2031 — انهار سد نارفون ليلا، وقالت المحافظة ليا موران للصحفيين "
         "المجتمعين أمام مبنى البلدية إن فرق الإنقاذ تعمل في الوادي منذ الفجر.\n", "2031-03-15"),
        ("hy", "Նարվոնի ամբարտակը փլվեց\n\nԲԵԼՎԱՍՏ, 2031 թվականի մարտի 15 — Նարվոնի ամբարտակը փլվել է գիշերը, "
         "ասաց նահանգապետ Լեա Մորանը լրագրողներին, ովքեր հավաքվել էին քաղաքապետարանի առջև։\n", "2031-03-15"),
    ],
)
def test_other_language_dateline_becomes_the_publication_date(
    tmp_path: Path, settings: Settings, lang: str, text: str, published: str
) -> None:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (doc,) = list(read([str(tmp_path / "a.txt")], settings))
    assert isinstance(doc, Document)
    assert doc.language == lang
    assert doc.published == published and doc.published_precision == "day"
