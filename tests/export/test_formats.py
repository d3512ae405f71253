from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimledger.errors import ClaimledgerError
from claimledger.export import export
from claimledger.models import Claim, DocAnalysis, Document, Stance, Statement, Story
from claimledger.store import Store

HOSTILE = 'Ops said: <script>alert(1)</script> =HYPERLINK("x") [click](javascript:alert(2))'


@pytest.fixture
def hostile_store() -> Store:
    store = Store(":memory:")
    doc = Document(source="h.txt", text=HOSTILE, title="<img src=x onerror=alert(3)>", language="en")
    st = Statement(id=f"{doc.id}:s1", doc_id=doc.id, speaker="Ops", act="claim", content=HOSTILE[9:],
                   direct=True, start=0, end=len(HOSTILE))
    a = DocAnalysis(document=doc, statements=[st])
    store.save_analysis(a)
    claim = Claim(id="c1", text="=cmd|' /C calc'!A0", status="asserted",
                  stances=[Stance(st.id, "supports", doc.id)])
    store.save_linking(a, claims=[claim], story=Story(id="t1", title="<b>story</b>", doc_ids=[doc.id]))
    return store


def test_markdown_escapes_article_text(hostile_store: Store) -> None:
    text = export(hostile_store, "markdown")
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text
    assert "[click](javascript" not in text and "\\[click\\]" in text


def test_csv_neutralises_formulas(hostile_store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(export(hostile_store, "csv"))))
    assert rows[0]["speaker"] == "Ops"
    assert rows[0]["claim_ids"] == "c1" and rows[0]["stances"] == "supports"
    assert not rows[0]["content"].startswith("=") or rows[0]["content"].startswith("'")


def test_ledger_has_required_shape(hostile_store: Store) -> None:
    data = json.loads(export(hostile_store, "ledger"))
    assert data["format"] == "ledger/1"
    for key in ("documents", "entities", "statements", "claims", "events", "discrepancies", "stories"):
        assert isinstance(data[key], list)
    assert data["documents"][0]["source"] == "h.txt"
    assert data["claims"][0]["stances"] == [{"statement_id": data["statements"][0]["id"], "stance": "supports",
                                             "doc_id": data["documents"][0]["id"]}]


def test_unknown_format_is_a_clean_error(hostile_store: Store) -> None:
    with pytest.raises(ClaimledgerError, match="choose one of"):
        export(hostile_store, "pdf")


ACTS = {"claim", "deny", "retract", "appeal", "recommend", "confirm", "other"}
STANCES = {"supports", "refutes", "retracts", "questions", "reports"}
STATUSES = {"asserted", "supported", "denied", "retracted", "contested", "unverified"}
KINDS = {"date", "attribution", "quantity", "scope", "name", "other"}
TYPES = {"PERSON", "ORG", "GPE", "NORP", "MEDIA", "OTHER"}


def test_example_ledger_follows_the_format(example_db: Path) -> None:
    with Store(example_db) as store:
        data = json.loads(export(store, "ledger"))
        texts = {d.id: d.text for d in store.documents()}
    assert len(data["documents"]) >= 8
    ids = {d["id"] for d in data["documents"]}
    entity_ids = {e["id"] for e in data["entities"]}
    assert all(e["type"] in TYPES for e in data["entities"])
    assert data["statements"], "the example corpus has statements"
    for s in data["statements"]:
        assert s["doc_id"] in ids and s["act"] in ACTS
        assert s["speaker_id"] is None or s["speaker_id"] in entity_ids
        text = texts[s["doc_id"]]
        assert 0 <= s["start"] < s["end"] <= len(text)
        for a, b in s["content_spans"] + s["speaker_spans"] + s["cue_spans"]:
            assert s["start"] <= a < b <= s["end"], (s["id"], a, b)
    statement_ids = {s["id"] for s in data["statements"]}
    for c in data["claims"]:
        assert c["status"] in STATUSES
        assert all(x["stance"] in STANCES and x["statement_id"] in statement_ids for x in c["stances"])
    assert all(x["kind"] in KINDS for x in data["discrepancies"])
    assert all(set(t["doc_ids"]) <= ids for t in data["stories"])
    assert sum(len(t["doc_ids"]) for t in data["stories"]) == len(ids)
