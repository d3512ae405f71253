"""URLs against a real local HTTP server: pages, RSS and Atom feeds, redirects, failures."""

from __future__ import annotations

from claimledger.config import Settings
from claimledger.ingest import read
from claimledger.models import Document, Rejection

from .pages import Route, Site, article_page, atom, rss

RSS_TYPE = "application/rss+xml; charset=utf-8"


def test_article_page(site: Site, settings: Settings) -> None:
    site.routes["/news/port"] = Route(article_page("Minister denies port lease").encode("utf-8"))
    url = site.url("/news/port")
    (d,) = read([url], settings)
    assert isinstance(d, Document), d
    assert (d.source, d.url) == (url, url)
    assert d.title == "Minister denies port lease"
    assert (d.published, d.published_precision) == ("2023-04-12", "day")
    assert d.outlet == "Harbour Gazette"
    assert d.language == "en"
    assert "Alan Verity, on Tuesday denied" in d.text
    assert site.user_agents == [site.user_agents[0]]
    assert site.user_agents[0].startswith("claimledger/")


def test_redirect_followed_source_stays_as_given(site: Site, settings: Settings) -> None:
    site.routes["/news/port"] = Route(article_page("Minister denies port lease").encode("utf-8"))
    site.routes["/p/1"] = Route(status=301, headers={"Location": "/news/port"})
    (d,) = read([site.url("/p/1")], settings)
    assert isinstance(d, Document), d
    assert d.source == site.url("/p/1")
    assert d.url == site.url("/news/port")
    assert d.title == "Minister denies port lease"


def test_rss_feed_fetches_each_linked_article(site: Site, settings: Settings) -> None:
    site.routes["/feed"] = Route(rss(site.base).encode("utf-8"), RSS_TYPE)
    site.routes["/news/port"] = Route(article_page("Minister denies port lease", date=None).encode("utf-8"))
    site.routes["/news/talks"] = Route(
        article_page("Talks on the port resume", date=None, site="Gazette Online").encode("utf-8")
    )
    items = list(read([site.url("/feed")], settings))
    assert all(isinstance(i, Document) for i in items), items
    assert [(i.source, i.title, i.published, i.outlet) for i in items] == [
        (site.url("/news/port"), "Minister denies port lease", "2023-04-12", "Harbour Gazette"),
        (site.url("/news/talks"), "Talks on the port resume", "2023-04-14", "Harbour Gazette"),
    ]
    assert all("Alan Verity" in i.text for i in items)


def test_feed_sniffed_when_served_as_html(site: Site, settings: Settings) -> None:
    site.routes["/feed"] = Route(rss(site.base).encode("utf-8"), "text/html")
    site.routes["/news/port"] = Route(article_page("Minister denies port lease").encode("utf-8"))
    site.routes["/news/talks"] = Route(article_page("Talks on the port resume").encode("utf-8"))
    items = list(read([site.url("/feed")], settings))
    assert [i.title for i in items if isinstance(i, Document)] == [
        "Minister denies port lease",
        "Talks on the port resume",
    ]


def test_atom_feed_with_summary_fallback_and_dead_entry(site: Site, settings: Settings) -> None:
    site.routes["/atom.xml"] = Route(atom(site.base).encode("utf-8"), "application/atom+xml")
    site.routes["/news/strike"] = Route(article_page("Dockworkers call a strike", date=None).encode("utf-8"))
    items = list(read([site.url("/atom.xml")], settings))
    strike, answer, gone = items
    assert isinstance(strike, Document), strike
    assert (strike.title, strike.published, strike.outlet) == (
        "Dockworkers call a strike",
        "2023-05-01",
        "Coastal Courier",
    )
    # The linked page is a 404: the entry's summary becomes the text.
    assert isinstance(answer, Document), answer
    assert answer.source == site.url("/news/removed")
    assert answer.text == (
        "The port authority said on Tuesday that the lease rumours were false.\n\n"
        "Its director promised a public hearing in June."
    )
    assert (answer.title, answer.published, answer.outlet) == (
        "Port authority answers critics",
        "2023-05-02",
        "Coastal Courier",
    )
    assert answer.language == "en"
    assert gone == Rejection(site.url("/news/vanished"), "HTTP 404 Not Found")


def test_http_404(site: Site, settings: Settings) -> None:
    (item,) = read([site.url("/missing")], settings)
    assert item == Rejection(site.url("/missing"), "HTTP 404 Not Found")


def test_connection_refused(dead_url: str, settings: Settings) -> None:
    (item,) = read([dead_url], settings)
    assert item == Rejection(dead_url, "connection refused")


def test_timeout(site: Site) -> None:
    site.routes["/slow"] = Route(article_page("Slow page").encode("utf-8"), delay=2.0)
    (item,) = read([site.url("/slow")], Settings(fetch_timeout=0.3))
    assert item == Rejection(site.url("/slow"), "timed out after 0.3 s (set --fetch-timeout)")


def test_unsupported_content_type(site: Site, settings: Settings) -> None:
    site.routes["/report.pdf"] = Route(b"%PDF-1.7 ...", "application/pdf")
    (item,) = read([site.url("/report.pdf")], settings)
    assert item == Rejection(site.url("/report.pdf"), "unsupported content type application/pdf")


def test_plain_text_url(site: Site, settings: Settings) -> None:
    body = "Port lease denied\n\nThe minister said the port would stay in public hands.\n"
    site.routes["/a.txt"] = Route(body.encode("utf-8"), "text/plain; charset=utf-8")
    (d,) = read([site.url("/a.txt")], settings)
    assert isinstance(d, Document), d
    assert (d.text, d.title) == (body, "Port lease denied")


def test_oversized_download_rejected(site: Site) -> None:
    site.routes["/big"] = Route(b"<html><body>" + b"<p>word</p>" * 500 + b"</body></html>")
    (item,) = read([site.url("/big")], Settings(max_bytes=100))
    assert isinstance(item, Rejection)
    assert item.reason.startswith("response is 5526 bytes, over the download limit of 2000")


def test_batch_goes_on_after_bad_url(site: Site, dead_url: str, settings: Settings) -> None:
    site.routes["/news/port"] = Route(article_page("Minister denies port lease").encode("utf-8"))
    items = list(read([dead_url, site.url("/missing"), site.url("/news/port")], settings))
    assert [type(i).__name__ for i in items] == ["Rejection", "Rejection", "Document"]
