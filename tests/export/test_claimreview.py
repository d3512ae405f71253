"""schema.org ClaimReview JSON-LD: the shape fact-check aggregators read."""

from __future__ import annotations

import json
import re
from pathlib import Path

from claimledger.export import export
from claimledger.models import STATUSES
from claimledger.store import Store

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERSON_TYPES = {"Person", "Organization", "Country", "Thing"}


def _check_work(work: dict) -> None:
    assert work["@type"] == "CreativeWork" and work["identifier"]
    assert "datePublished" not in work or ISO.match(work["datePublished"])
    if "publisher" in work:
        assert work["publisher"]["@type"] == "Organization" and work["publisher"]["name"]


def test_claimreview_shape(example_db: Path) -> None:
    with Store(example_db) as store:
        reviews = json.loads(export(store, "claimreview"))
        claims = {c.id: c for c in store.all("claim")}
    with_verdict = {c.id for c in claims.values() if c.status != "unverified"}
    assert reviews and {r["itemReviewed"]["identifier"] for r in reviews} == with_verdict
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        claim = claims[r["itemReviewed"]["identifier"]]
        assert r["claimReviewed"] == claim.text
        assert r["author"]["@type"] == "Organization"
        assert "datePublished" not in r or ISO.match(r["datePublished"])
        item = r["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"], "a reviewed claim appears somewhere"
        for work in item["appearance"]:
            _check_work(work)
        if "firstAppearance" in item:
            _check_work(item["firstAppearance"])
        authors = item.get("author", [])
        for a in authors if isinstance(authors, list) else [authors]:
            assert a["@type"] in PERSON_TYPES and a["name"]
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["alternateName"] == claim.status and rating["alternateName"] in STATUSES
        assert rating["ratingExplanation"] == "; ".join(claim.reasons)
    # A claim someone made, with a named claimant, carries them as the Claim's author.
    assert any("author" in r["itemReviewed"] for r in reviews)


def test_claimreview_of_an_empty_ledger_is_an_empty_list() -> None:
    assert json.loads(export(Store(":memory:"), "claimreview")) == []
