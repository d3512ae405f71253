"""A real uvicorn server on a free 127.0.0.1 port over the analysed examples, plus one
hostile article, and a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from claimledger.config import Settings
from claimledger.models import Claim, DocAnalysis, Document, Stance, Statement, Story
from claimledger.store import Store
from claimledger.web import create_app

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "out" / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
TOKEN = "test-token-8c1f"

# Fictional, written for this test: the payloads must show as text and run nothing.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    f"Port Halvik, Nov. 2, 2023. The harbour office said {SCRIPT} was printed on a crate label, "
    f'and added: "{IMG} appears on the manifest too." Nobody was hurt.'
)
HOSTILE_TITLE = f"Crate labels {SCRIPT} at Halvik"


def add_hostile(db: Path) -> dict[str, str]:
    """One hostile document, statement, claim and story, through the store's own API."""
    doc = Document(
        source="hostile.txt",
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        outlet=f"Halvik {IMG} Tribune",
        url="javascript:alert(1)",
        published="2023-11-02",
        published_precision="day",
        language="en",
    )
    quote_start = HOSTILE_TEXT.index(IMG)
    quote_end = HOSTILE_TEXT.index(" appears on the manifest too.") + len(" appears on the manifest too.")
    said = HOSTILE_TEXT.index(SCRIPT)
    st1 = Statement(
        id=f"{doc.id}:s1",
        doc_id=doc.id,
        speaker="harbour office",
        act="claim",
        content=HOSTILE_TEXT[said : said + len(SCRIPT) + 25],
        direct=False,
        start=28,
        end=said + len(SCRIPT) + 25,
        content_spans=[(said, said + len(SCRIPT) + 25)],
    )
    st2 = Statement(
        id=f"{doc.id}:s2",
        doc_id=doc.id,
        speaker="harbour office",
        act="claim",
        content=HOSTILE_TEXT[quote_start:quote_end],
        direct=True,
        start=quote_start - 1,
        end=quote_end + 1,
        content_spans=[(quote_start, quote_end)],
    )
    analysis = DocAnalysis(document=doc, statements=[st1, st2])
    with Store(db) as store:
        store.save_analysis(analysis)
        claim = Claim(
            id="c9001",
            text=f"Labels read {SCRIPT}",
            status="asserted",
            reasons=[f"asserted by {IMG}"],
            stances=[Stance(st1.id, "supports", doc.id)],
        )
        story = Story(id="t9001", title=HOSTILE_TITLE, doc_ids=[doc.id])
        store.save_linking(analysis, claims=[claim], story=story)
    return {"doc_id": doc.id, "claim_id": "c9001", "story_id": "t9001", "statement_id": st2.id}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(settings: Settings) -> Iterator[str]:
    """uvicorn serving the app in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def web_db(example_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "web.db"
    with Store(example_db) as store:  # folds the WAL into the file before copying it
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(example_db, db)
    return db


@pytest.fixture(scope="session")
def hostile(web_db: Path) -> dict[str, str]:
    return add_hostile(web_db)


@pytest.fixture(scope="session")
def server(web_db: Path, hostile: dict[str, str]) -> Iterator[str]:
    settings = Settings.load(db=str(web_db), api_token=TOKEN, post_per_minute=1000)
    with running_server(settings) as url:
        yield url


@pytest.fixture(scope="session")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=120) as c:
        yield c


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    # A missing browser is a failure, never a skip: `make test` installs it.
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
            ],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # every dialog a page opens; a test asserts it stays empty
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
