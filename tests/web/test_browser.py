"""The pages in real headless Chromium: navigation down to the words in the source, and
hostile article text that must show as text and run nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx

from claimledger.export import to_html_report
from claimledger.store import Store

from .conftest import IMG, SCRIPT


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_stories_to_claim_to_highlighted_source(page: Any, server: str, client: httpx.Client, artifacts: Path) -> None:
    page.goto(f"{server}/stories")
    page.screenshot(path=str(artifacts / "stories.png"), full_page=True)
    # The largest story of the examples: the Valdoria drone story.
    page.locator("a.story-link").first.click()
    page.wait_for_url(re.compile(r"/stories/t\d+$"))
    assert page.locator("svg[aria-label=timeline]").count() == 1
    page.screenshot(path=str(artifacts / "story.png"), full_page=True)

    page.locator(".claim h3 a").first.click()
    page.wait_for_url(re.compile(r"/claims/c\d+$"))
    page.screenshot(path=str(artifacts / "claim.png"), full_page=True)
    claim = client.get(page.url + ".json").json()
    # Follow the first stance whose statement has one content span (the quote or the reported words).
    links = page.locator("a.src")

    def full(x: dict) -> dict:
        doc = client.get(f"/documents/{x['statement']['doc_id']}.json").json()
        return next(s for s in doc["statements"] if s["id"] == x["statement"]["id"])

    index, statement = next(
        (i, st) for i, st in ((i, full(x)) for i, x in enumerate(claim["stances"])) if len(st["content_spans"]) == 1
    )
    links.nth(index).click()
    page.wait_for_url(re.compile(r"/documents/"))
    page.screenshot(path=str(artifacts / "document.png"), full_page=True)

    marked = page.locator("mark.sel").all_inner_texts()
    assert marked, "the statement's words are not highlighted"
    assert _norm("".join(marked)) == _norm(statement["content"])
    doc = client.get(f"/documents/{statement['doc_id']}.json").json()
    a, b = statement["content_spans"][0]
    assert _norm("".join(marked)) == _norm(doc["text"][a:b])
    # The link's fragment scrolls to the statement's first piece.
    assert page.evaluate("location.hash") == "#" + page.locator("a[data-first]").filter(
        has=page.locator("xpath=self::*[@data-first='" + statement["id"] + "']")
    ).first.get_attribute("id")
    assert page.dialogs == []


def test_hostile_article_shows_as_text_and_runs_nothing(
    page: Any, server: str, hostile: dict[str, str], artifacts: Path
) -> None:
    doc_id, sid = hostile["doc_id"], hostile["statement_id"]
    for path in (
        f"/documents/{doc_id}?s={sid}",
        f"/stories/{hostile['story_id']}",
        f"/claims/{hostile['claim_id']}",
        "/search?q=crate",
        "/stories",
    ):
        page.goto(server + path)
        body = page.locator("main").inner_text()
        assert SCRIPT in body or "Crate labels" in body, path
        # Parsed as markup, the payloads would be elements; they must be text.
        assert page.locator("main script").count() == 0, path
        assert page.locator("img").count() == 0, path
        assert page.locator("[onerror]").count() == 0, path
        assert page.evaluate("window.__pwned === undefined"), path
    page.goto(f"{server}/documents/{doc_id}?s={sid}")
    text = page.locator(".text").inner_text()
    assert SCRIPT in text and IMG in text
    assert _norm("".join(page.locator("mark.sel").all_inner_texts())) == _norm(
        text[text.index(IMG) : text.index("manifest too.") + len("manifest too.")]
    )
    # A javascript: URL never becomes a link.
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(artifacts / "hostile-document.png"), full_page=True)
    assert page.dialogs == []


def test_offline_report_opens_from_file(page: Any, web_db: Path, hostile: dict[str, str], artifacts: Path) -> None:
    with Store(web_db) as store:
        html = to_html_report(store)
        story = store.story_summaries()[0]
    out = artifacts / "report.html"
    out.write_text(html, encoding="utf-8")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    assert story["title"] in page.locator("h1").all_inner_texts()
    assert page.locator("svg[aria-label=timeline]").count() >= 1
    # Following a statement link highlights every piece of its words (the inline, hashed script ran).
    link = page.locator("a.src").first
    href = link.get_attribute("href")
    link.click()
    page.locator("mark.on").first.wait_for()
    target = page.locator(f"[id='{href[1:]}']")
    sid = target.get_attribute("data-first")
    marked = _norm("".join(page.locator("mark.on").all_inner_texts()))
    assert marked and marked in _norm(page.locator(f"[data-s~='{sid}']").first.locator("xpath=..").inner_text())
    # Hostile text in the report is text too, and nothing else was fetched.
    assert SCRIPT in page.locator("main").inner_text()
    assert page.locator("img").count() == 0
    assert all(u.startswith("file://") for u in requests), requests
    page.screenshot(path=str(artifacts / "report.png"))
    assert page.dialogs == []
