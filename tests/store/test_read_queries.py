"""The read-only queries the web pages use, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import NotFoundError
from claimledger.models import Claim, DocAnalysis, Document, Event, Stance, Statement, Story
from claimledger.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "q.db")
    docs = [
        Document(source=f"{i}.txt", text=f"Text {i}: Ana said it rained.", outlet=f"O{i}", language="en")
        for i in range(3)
    ]
    for i, d in enumerate(docs):
        st = Statement(
            id=f"{d.id}:s1",
            doc_id=d.id,
            speaker="Ana",
            speaker_id="e1",
            act="claim",
            content="it rained",
            direct=False,
            start=8,
            end=len(d.text) - 1,
        )
        a = DocAnalysis(document=d, statements=[st])
        s.save_analysis(a)
        claims = [
            Claim(
                id="c1",
                text="It rained",
                status="contested",
                stances=[
                    Stance(f"{x.id}:s1", "supports" if j < 2 else "refutes", x.id) for j, x in enumerate(docs[: i + 1])
                ],
            )
        ]
        events = [Event(id="v1", description="rain", date="2023-01-02", doc_ids=[x.id for x in docs[: i + 1]])]
        s.save_linking(a, claims=claims, events=events, story=Story(id="t1", title="Rain", doc_ids=[d.id]))
    s.docs = docs  # type: ignore[attr-defined]
    return s


def test_claims_events_and_stances_for_documents(store: Store) -> None:
    docs = store.docs  # type: ignore[attr-defined]
    assert [c.id for c in store.claims_for_docs([docs[2].id])] == ["c1"]
    assert store.claims_for_docs(["nope"]) == []
    assert [v.id for v in store.events_for_docs([d.id for d in docs])] == ["v1"]
    rows = store.stance_rows(["c1"])
    assert sorted(r["stance"] for r in rows) == ["refutes", "supports", "supports"]
    assert {r["outlet"] for r in rows} == {"O0", "O1", "O2"} and all(r["speaker"] == "Ana" for r in rows)
    by_statement = store.claims_for_statements([f"{docs[2].id}:s1"])
    assert by_statement == {f"{docs[2].id}:s1": [("c1", "refutes")]}


def test_document_meta_has_no_text_and_document_raises_cleanly(store: Store) -> None:
    d = store.docs[0]  # type: ignore[attr-defined]
    meta = store.document_meta([d.id])[d.id]
    assert meta["outlet"] == "O0" and meta["story_id"] == "t1" and "text" not in meta
    assert store.document(d.id).text == d.text
    with pytest.raises(NotFoundError):
        store.document("missing")


def test_statements_by_speaker_in_publication_order(store: Store) -> None:
    found = store.statements_by_speaker("e1", limit=2)
    assert len(found) == 2 and all(s.speaker == "Ana" for s in found)
    assert store.records_by_ids("claim", ["c1", "zz"]).keys() == {"c1"}
