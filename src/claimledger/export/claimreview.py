"""schema.org ClaimReview JSON-LD for every claim the ledger has a verdict on.

A claim whose status is "unverified" has no verdict and is left out. The review's rating is
textual (`alternateName` is the status: denied, retracted, ...), with the reasons as its
explanation, as fact-checkers publish verdicts that are not on a numeric scale. The review
is dated by the latest source that carries the claim: it is the ledger's reading as of then.
"""

from __future__ import annotations

import json
from typing import Any

from claimledger.models import Entity
from claimledger.store import Store
from claimledger.web import claim_summaries

CONTEXT = "https://schema.org"
NO_VERDICT = frozenset({"unverified"})
_SCHEMA_TYPE = {"PERSON": "Person", "ORG": "Organization", "MEDIA": "Organization", "GPE": "Country"}


def _appearance(doc: dict[str, Any]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": doc["id"]}
    if doc.get("url"):
        work["url"] = doc["url"]
    if doc.get("title"):
        work["headline"] = doc["title"]
    if doc.get("published"):
        work["datePublished"] = doc["published"]
    if doc.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": doc["outlet"]}
    return work


def build_claimreviews(store: Store) -> list[dict[str, Any]]:
    claims = [c for c in store.all("claim") if c.status not in NO_VERDICT]
    views = claim_summaries(store, claims)
    entities: dict[str, Entity] = store.records_by_ids("entity", {e for c in claims for e in c.claimant_ids})
    reviews = []
    for c in views:
        docs = list({x["document"]["id"]: x["document"] for x in c["stances"]}.values())
        docs.sort(key=lambda d: (d.get("published") or "9999", d["id"]))
        latest = c["latest_appearance"] or {}
        claimants = [
            {
                "@type": _SCHEMA_TYPE.get(entities[e["id"]].type, "Thing") if e["id"] in entities else "Thing",
                "name": e["name"],
                "identifier": e["id"],
            }
            for e in c["claimants"]
        ]
        item: dict[str, Any] = {
            "@type": "Claim",
            "identifier": c["id"],
            "text": c["text"],
            "appearance": [_appearance(d) for d in docs],
        }
        if claimants:
            item["author"] = claimants if len(claimants) > 1 else claimants[0]
        if c["first_date"]:
            item["datePublished"] = c["first_date"]
        if c["first_appearance"]:
            item["firstAppearance"] = _appearance(c["first_appearance"])
        review: dict[str, Any] = {
            "@context": CONTEXT,
            "@type": "ClaimReview",
            "identifier": f"claimledger:{c['id']}",
            "claimReviewed": c["text"],
            "author": {"@type": "Organization", "name": "claimledger (automatic reading of the sources)"},
            "itemReviewed": item,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": c["status"],
                "ratingExplanation": "; ".join(c["reasons"]),
                "reviewAspect": "status of the claim across the sources",
            },
        }
        date = latest.get("published") or c["first_date"]
        if date:
            review["datePublished"] = date
        reviews.append(review)
    return reviews


def to_claimreview(store: Store) -> str:
    return json.dumps(build_claimreviews(store), ensure_ascii=False, indent=2) + "\n"
