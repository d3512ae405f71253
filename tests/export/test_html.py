"""The single-file HTML report: offline, strict CSP, hostile text escaped."""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from pathlib import Path

import pytest

from claimledger.errors import NotFoundError
from claimledger.export import export, to_html_report
from claimledger.models import Claim, DocAnalysis, Document, Stance, Statement, Story
from claimledger.store import Store

HOSTILE = 'Ops said: <script>alert(1)</script> and <img src=x onerror=alert(2)> "quote"'


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture
def hostile_store() -> Store:
    store = Store(":memory:")
    doc = Document(source="h.txt", text=HOSTILE, title="<b>title</b>", url="javascript:alert(3)", language="en")
    st = Statement(
        id=f"{doc.id}:s1",
        doc_id=doc.id,
        speaker="<i>Ops</i>",
        act="claim",
        content=HOSTILE[10:],
        direct=True,
        start=0,
        end=len(HOSTILE),
        content_spans=[(10, len(HOSTILE))],
    )
    a = DocAnalysis(document=doc, statements=[st])
    store.save_analysis(a)
    claim = Claim(
        id="c1",
        text="</style><script>x()</script>",
        status="asserted",
        reasons=["<u>r</u>"],
        stances=[Stance(st.id, "supports", doc.id)],
    )
    store.save_linking(a, claims=[claim], story=Story(id="t1", title="<b>story</b>", doc_ids=[doc.id]))
    return store


def test_report_escapes_everything_from_articles(hostile_store: Store) -> None:
    html = to_html_report(hostile_store)
    for raw in ["<script>alert", "<img", "<b>", "<i>", "<u>", "</style><script>", "javascript:"]:
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_report_is_self_contained_with_hashed_inline_code(hostile_store: Store) -> None:
    html = to_html_report(hostile_store, "t1")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), "nothing may load from the network"
    csp = htmllib.unescape(re.search(r"http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"", html).group(1))
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    assert html.count("<script>") == 1 and html.count("<style>") == 1
    assert f"style-src {_sha(style)}" in csp and f"script-src {_sha(script)}" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert len(html) < 100_000


def test_report_of_the_examples_shows_the_story(example_db: Path) -> None:
    with Store(example_db) as store:
        stories = store.story_summaries()
        html = to_html_report(store, stories[0]["id"])
        everything = export(store, "html")
    assert stories[0]["title"] in html and "<svg" in html and "Claims ledger" in html
    assert html.count('<section class="story"') == 1
    assert everything.count('<section class="story"') == len(stories)
    # Every statement link lands on an element of the report.
    ids = set(re.findall(r'id="([^"]+)"', html))
    targets = re.findall(r'class="src" href="#([^"]+)"', html)
    assert targets and set(targets) <= ids
    every_id = re.findall(r'id="([^"]+)"', everything)
    assert len(every_id) == len(set(every_id)), "element ids must be unique in the whole report"


def test_report_of_an_unknown_story_is_a_clean_error(hostile_store: Store) -> None:
    with pytest.raises(NotFoundError):
        to_html_report(hostile_store, "t999")
