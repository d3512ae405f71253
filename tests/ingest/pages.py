"""Article pages and feeds written for these tests (no text from real outlets), and the
routes the local test server answers with."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Site:
    base: str
    routes: dict[str, Route]
    user_agents: list[str]

    def url(self, path: str) -> str:
        return self.base + path


def article_page(title: str, date: str | None = "2023-04-12", site: str = "Harbour Gazette") -> str:
    meta = f'<meta property="article:published_time" content="{date}T09:30:00Z">' if date else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
{meta}
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p>The transport minister, Alan Verity, on Tuesday denied that the government had signed a secret
agreement to lease the northern port to a foreign operator for forty-nine years.</p>
<p>"There is no deal and there never was," Verity told reporters in the capital, adding that the
port would remain in public hands.</p>
<p>Opposition deputies had claimed last week that the contract was signed in March.</p>
</article>
<footer>All rights reserved. Harbour Gazette.</footer>
</body></html>
"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Gazette</title><link>{base}/</link><description>News from the harbour</description>
<item><title>Minister denies port lease</title><link>{base}/news/port</link>
<pubDate>Wed, 12 Apr 2023 09:30:00 GMT</pubDate></item>
<item><title>Talks on the port resume</title><link>/news/talks</link>
<pubDate>Fri, 14 Apr 2023 08:00:00 GMT</pubDate></item>
</channel></rss>
"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Coastal Courier</title><id>urn:courier</id><updated>2023-05-02T10:00:00Z</updated>
<entry><title>Dockworkers call a strike</title><id>urn:courier:1</id>
<link href="{base}/news/strike"/><updated>2023-05-01T10:00:00Z</updated></entry>
<entry><title>Port authority answers critics</title><id>urn:courier:2</id>
<link href="{base}/news/removed"/><published>2023-05-02T07:00:00Z</published>
<updated>2023-05-02T07:00:00Z</updated>
<summary type="html">&lt;p&gt;The port authority said on Tuesday that the lease rumours were false.&lt;/p&gt;
&lt;p&gt;Its director promised a public hearing in June.&lt;/p&gt;</summary>
</entry>
<entry><title>Gone without trace</title><id>urn:courier:3</id>
<link href="{base}/news/vanished"/><updated>2023-05-03T07:00:00Z</updated></entry>
</feed>
"""
