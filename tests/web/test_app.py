"""The app over HTTP, against a real uvicorn server: JSON twins, one error shape, security
headers, the OpenAPI spec, and the guarded `POST /documents`."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from claimledger.config import Settings

from .conftest import SCRIPT, TOKEN, running_server

PAGES = ["/stories", "/stories/t1", "/claims/c1", "/entities/e1", "/search?q=ministry", "/status"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(client: httpx.Client, path: str) -> None:
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    base, _, query = path.partition("?")
    twin = client.get(base + ".json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"
    accepted = client.get(path, headers={"accept": "application/json"})
    assert accepted.json() == twin.json()
    assert f'href="{base}.json' in html.text


def test_document_json_has_text_and_offsets(client: httpx.Client) -> None:
    story = client.get("/stories/t1.json").json()
    doc = client.get(f"/documents/{story['documents'][0]['id']}.json").json()
    assert doc["statements"]
    for s in doc["statements"]:
        for a, b in s["content_spans"]:
            assert 0 <= a < b <= len(doc["text"])


def test_claim_json_lists_stances_with_sources(client: httpx.Client) -> None:
    claim = client.get("/claims/c1.json").json()
    assert claim["status"] and claim["reasons"]
    assert all(x["stance"] in {"supports", "refutes", "retracts", "questions", "reports"} for x in claim["stances"])
    docs = {x["document"]["id"] for x in claim["stances"]}
    assert {claim["first_appearance"]["id"], claim["latest_appearance"]["id"]} <= docs


@pytest.mark.parametrize("path", ["/claims/nope.json", "/nothing-here", "/static/..%2F..%2Fpyproject.toml"])
def test_one_error_shape(client: httpx.Client, path: str) -> None:
    r = client.get(path, headers={"accept": "application/json"})
    assert r.status_code == 404
    err = r.json()["error"]
    assert set(err) == {"status", "code", "message"} and err["status"] == 404 and err["code"] == "not_found"
    page = client.get(path.removesuffix(".json"))
    assert page.status_code == 404 and "text/html" in page.headers["content-type"] and "Error 404" in page.text


def test_static_files_come_from_a_fixed_table(client: httpx.Client) -> None:
    assert client.get("/static/style.css").status_code == 200
    for name in ["report.js.bak", "%2e%2e%2f%2e%2e%2fpyproject.toml", "style.css%00", "..%5cstyle.css"]:
        assert client.get(f"/static/{name}").status_code == 404, name


@pytest.mark.parametrize("path", ["/stories", "/stories.json", "/nothing-here", "/static/style.css"])
def test_security_headers_on_every_response(client: httpx.Client, path: str) -> None:
    h = client.get(path).headers
    csp = h["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "'unsafe-inline'" not in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"


def test_hostile_text_is_escaped_in_html(client: httpx.Client, hostile: dict[str, str]) -> None:
    page = client.get(f"/documents/{hostile['doc_id']}").text
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert 'href="javascript:' not in page
    assert client.get(f"/documents/{hostile['doc_id']}.json").json()["text"].count(SCRIPT) == 1


def test_openapi_spec_lists_the_json_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ["/stories.json", "/stories/{story_id}.json", "/claims/{claim_id}.json", "/search.json", "/status.json"]:
        assert "get" in paths[p], p
    assert "post" in paths["/documents"]
    body = paths["/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert "articles" in body["properties"]
    assert client.get("/docs").status_code == 404  # the CDN-backed docs UI is off


ARTICLE = {
    "title": "Halvik port reopens",
    "outlet": "Halvik Gazette",
    "published": "2023-11-03",
    "text": "HALVIK, Nov. 3, 2023. The Halvik port authority said on Friday that the northern "
    'terminal had reopened. "All berths are working again," harbour master Edda Lunde told reporters.',
}


def test_post_documents_ingests_with_the_token(client: httpx.Client) -> None:
    assert client.post("/documents", json={"articles": [ARTICLE]}).status_code == 401
    wrong = client.post("/documents", json={"articles": [ARTICLE]}, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorized"
    auth = {"authorization": f"Bearer {TOKEN}"}
    bad = client.post("/documents", json={"articles": [{"txt": "x"}]}, headers=auth)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid"
    r = client.post("/documents", json={"articles": [ARTICLE]}, headers=auth)
    assert r.status_code == 201, r.text
    added = r.json()["documents"][0]
    assert added["result"] == "added" and added["statements"] >= 1 and added["story_id"]
    doc = client.get(added["url"] + ".json").json()
    assert doc["title"] == ARTICLE["title"] and any("All berths" in s["content"] for s in doc["statements"])
    again = client.post("/documents", json={"articles": [ARTICLE]}, headers=auth).json()
    assert again["documents"][0]["result"] == "already stored"


def test_post_is_off_without_a_token_and_limited_with_one(web_db: Path, tmp_path: Path) -> None:
    off = Settings.load(db=str(web_db), api_token="")
    with running_server(off) as url:
        r = httpx.post(f"{url}/documents", json={"articles": [ARTICLE]}, headers={"authorization": "Bearer x"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "ingest_disabled"
    tight = Settings.load(db=str(web_db), api_token=TOKEN, post_max_bytes=200, post_per_minute=2)
    auth = {"authorization": f"Bearer {TOKEN}"}
    with running_server(tight) as url:
        big = httpx.post(f"{url}/documents", json={"articles": [ARTICLE]}, headers=auth)
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"

        def chunks():  # no Content-Length: the limit holds while reading
            yield b'{"articles": [{"text": "'
            yield b"x" * 1000
            yield b'"}]}'

        streamed = httpx.post(f"{url}/documents", content=chunks(), headers=auth)
        assert streamed.status_code == 413
        limited = httpx.post(f"{url}/documents", content=b"{}", headers=auth)  # the third within a minute
        assert limited.status_code == 429 and limited.headers["retry-after"] == "60"


def test_search_page_marks_matches(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "Demsky"}).text
    assert "<mark>Demsky</mark>" in page
    assert client.get("/search.json", params={"q": '"unbalanced'}).status_code == 200


def test_head_answers_like_get_without_a_body(client: httpx.Client) -> None:
    got = client.get("/stories")
    head = client.head("/stories")
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["x-content-type-options"] == "nosniff"
    assert client.head("/claims/nope").status_code == 404
