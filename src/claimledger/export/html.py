"""The single-file HTML report: one story (or all), readable offline in any browser.

No CDN and no external file: the stylesheet and the few lines of script are inlined and
allowed by hash in a Content-Security-Policy meta tag, so nothing else can run even if a
piece of article text got past escaping. The report uses the web app's view data and
templates (`claimledger.web`), so both show the same ledger the same way.
"""

from __future__ import annotations

from markupsafe import Markup

from claimledger.store import Store
from claimledger.web import ReportLinks, csp_hash, render, report_view, static_file


def to_html_report(store: Store, story_id: str | None = None) -> str:
    # Our own package files, not article data: inlined verbatim, and hashed exactly as written.
    css = static_file("style.css").decode("utf-8")
    js = static_file("report.js").decode("utf-8")
    csp = (
        f"default-src 'none'; style-src {csp_hash(css.encode())}; script-src {csp_hash(js.encode())}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return render(
        "report.html",
        data=report_view(store, story_id),
        links=ReportLinks(),
        css=Markup(css),
        js=Markup(js),
        csp=csp,
    )


def to_html(store: Store) -> str:
    """Every story, for `claimledger export --format html`."""
    return to_html_report(store)
