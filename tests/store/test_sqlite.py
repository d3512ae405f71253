from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from claimledger.errors import NotFoundError, StoreError
from claimledger.models import (
    Claim,
    DocAnalysis,
    Document,
    Entity,
    Event,
    Mention,
    Rejection,
    Stance,
    Statement,
    Story,
)
from claimledger.store import Store
from claimledger.store._schema import MIGRATIONS

TEXT = "Minister Ana Lind said on Monday that the bridge in Korvo will open in May. Critics denied it."


def _analysis(text: str = TEXT, source: str = "a.txt") -> DocAnalysis:
    doc = Document(source=source, text=text, title="Bridge", published="2031-03-04", language="en")
    st = Statement(id=f"{doc.id}:s1", doc_id=doc.id, speaker="Ana Lind", act="claim",
                   content="the bridge in Korvo will open in May", direct=False, start=0, end=74,
                   speaker_spans=[(9, 17)], cue_spans=[(18, 22)], content_spans=[(38, 74)], date="2031-03-03")
    mention = Mention(doc_id=doc.id, start=9, end=17, text="Ana Lind", type="PERSON", local_name="Ana Lind")
    ev = Event(id=f"{doc.id}:v1", description="bridge opens", date="2031-05", doc_ids=[doc.id])
    return DocAnalysis(document=doc, statements=[st], mentions=[mention], events=[ev])


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


def test_fresh_store_is_migrated_to_latest(store: Store) -> None:
    assert store.schema_version == len(MIGRATIONS)
    assert store.counts()["documents"] == 0


def test_save_and_load_analysis_round_trip(store: Store) -> None:
    a = _analysis()
    store.save_analysis(a, signature=[1, 2, 3], band_keys=["mh:0:x"])
    assert store.has_document(a.document.id)
    assert store.pending_documents() == [a.document.id]
    back = store.load_analysis(a.document.id)
    assert back.document.text == TEXT
    assert back.statements[0].content_spans == [(38, 74)]
    assert back.mentions[0].local_name == "Ana Lind"
    assert back.events[0].date == "2031-05"
    assert store.near_duplicate_candidates(["mh:0:x"]) == [(a.document.id, [1, 2, 3])]
    assert store.near_duplicate_candidates(["mh:0:y"]) == []


def test_failed_transaction_leaves_nothing(store: Store) -> None:
    a = _analysis()
    a.statements.append(a.statements[0])  # duplicate primary key is fine (REPLACE) ...
    a.mentions.append(Mention(doc_id=a.document.id, start=0, end=1, text="x", type="PERSON"))
    a.mentions[-1].start = None  # type: ignore[assignment]  # ... a NULL offset is not
    with pytest.raises(sqlite3.IntegrityError):
        store.save_analysis(a)
    assert store.counts()["documents"] == 0
    assert store.counts()["statements"] == 0


def test_linking_commits_records_keys_and_marks_linked(store: Store) -> None:
    a = _analysis()
    store.save_analysis(a)
    eid, cid, tid = store.new_id("entity"), store.new_id("claim"), store.new_id("story")
    assert (eid, cid, tid) == ("e1", "c1", "t1")
    a.mentions[0].entity_id = eid
    a.statements[0].speaker_id = eid
    ent = Entity(id=eid, name="Ana Lind", type="PERSON", aliases=["Lind"], keys=["per:lind"])
    claim = Claim(id=cid, text="The Korvo bridge opens in May", claimant_ids=[eid], status="asserted",
                  stances=[Stance(a.statements[0].id, "supports", a.document.id)], keys=["open|korvo"])
    story = Story(id=tid, title="Bridge", doc_ids=[a.document.id], keys=["per:lind"])
    ev = Event(id=store.new_id("event"), description="bridge opens", date="2031-05", doc_ids=[a.document.id])
    store.save_linking(a, [ent], [claim], [ev], story)
    assert store.pending_documents() == []
    assert [e.name for e in store.candidates("entity", ["per:lind", "per:other"])] == ["Ana Lind"]
    assert store.candidates("entity", ["per:other"]) == []
    assert store.get("claim", "c1").stances[0].stance == "supports"
    assert store.statements_for_doc(a.document.id)[0].speaker_id == "e1"
    assert store.stale_stories() == ["t1"]
    # Counters survive a reopen of the store: ids are never reused.
    fresh_counter = Store.__new__(Store)
    fresh_counter.db, fresh_counter._counters = store.db, {}
    assert fresh_counter.new_id("entity") == "e2"
    claims, _statements, events, docs = store.story_context(story)
    assert [c.id for c in claims] == ["c1"] and list(docs) == [a.document.id] and events[0].date == "2031-05"
    store.save_discrepancies("t1", [])
    assert store.stale_stories() == []


def test_get_unknown_record_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no claim"):
        store.get("claim", "c99")


def test_sources_and_rejections(store: Store) -> None:
    a = _analysis()
    store.save_analysis(a)
    store.add_source(a.document.id, "copy/a.txt")
    assert store.document_for_source("copy/a.txt") == a.document.id
    assert store.documents()[0].sources == ["a.txt", "copy/a.txt"]
    store.add_rejection(Rejection("bad.bin", "binary file, not text"))
    assert store.rejections()[0].reason == "binary file, not text"
    assert store.counts()["rejections"] == 1


def test_search_documents_and_statements_and_survives_bad_syntax(store: Store) -> None:
    store.save_analysis(_analysis())
    hits = store.search("Korvo")
    assert {h.kind for h in hits} == {"document", "statement"}
    assert any("[Korvo]" in h.snippet for h in hits)
    assert store.search('Korvo" (') != []  # unbalanced FTS syntax falls back to plain words
    assert store.search("zzzqqq") == []
    assert store.search("***") == []


def test_file_store_uses_wal_and_refuses_foreign_files(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    with Store(db) as s:
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # one linking commit per document: the log is copied back every ~40 MB, not every ~4 MB
        assert s.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10000
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(junk)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing" / "x.db")


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="upgrade claimledger"):
        Store(db)


def test_candidates_take_the_most_recent_records_of_a_common_key(store: Store) -> None:
    a = _analysis()
    store.save_analysis(a)
    ids = [store.new_id("entity") for _ in range(6)]
    ents = [Entity(id=i, name=f"Person {i}", type="PERSON", keys=["c:korvo", f"p:{i}"]) for i in ids]
    ents[0].keys.append("p:rare")
    for e in ents:  # one linking commit each: later commits are more recent
        store.save_linking(DocAnalysis(document=a.document), [e])
    common = store.candidates("entity", ["c:korvo"], per_key=3)
    assert [e.id for e in common] and {e.id for e in common} == set(ids[-3:])
    # A rarer key still reaches an old record the common key no longer offers.
    both = store.candidates("entity", ["c:korvo", "p:rare"], per_key=3)
    assert ids[0] in {e.id for e in both}
    assert len(store.candidates("entity", ["c:korvo"])) == 6
    # More keys than SQLite allows terms in one compound SELECT.
    many = [f"x:{n}" for n in range(1200)] + ["p:rare"]
    assert [e.id for e in store.candidates("entity", many)] == [ids[0]]


def test_candidates_rank_by_shared_keys_then_id_however_many_keys(store: Store) -> None:
    a = _analysis()
    store.save_analysis(a)
    keys = {"e1": ["k:a"], "e2": ["k:a", "k:b"], "e3": ["k:b"], "e4": ["k:a", "k:b", "k:c"], "e5": ["k:z"]}
    for i, ks in keys.items():
        store.save_linking(DocAnalysis(document=a.document), [Entity(id=i, name=i, type="PERSON", keys=ks)])
    asked = ["k:a", "k:b", "k:c"]
    expected = ["e4", "e2", "e1", "e3"]  # 3 shared keys, 2, then 1 each in id order
    assert [e.id for e in store.candidates("entity", asked)] == expected
    assert [e.id for e in store.candidates("entity", asked, limit=2)] == expected[:2]
    # Past SQLite's limit on one compound query the keys are counted in parts: same ranking.
    padded = asked + [f"x:{n}" for n in range(900)]
    assert [e.id for e in store.candidates("entity", padded)] == expected
    assert [e.id for e in store.candidates("entity", padded, limit=2)] == expected[:2]


def test_a_record_written_again_is_its_keys_most_recent(tmp_path: Path) -> None:
    a = _analysis()
    with Store(tmp_path / "k.db") as store:
        store.save_analysis(a)
        ents = [Entity(id=store.new_id("entity"), name=f"P{n}", type="PERSON", keys=["c:korvo"]) for n in range(4)]
        for e in ents:
            store.save_linking(DocAnalysis(document=a.document), [e])
        store.save_linking(DocAnalysis(document=a.document), [ents[0]])  # rewritten: newest now
        assert [e.id for e in store.candidates("entity", ["c:korvo"], per_key=2)] == sorted([ents[0].id, ents[3].id])
    # The write order survives reopening: a later process's writes are newer still.
    with Store(tmp_path / "k.db") as store:
        store.save_linking(DocAnalysis(document=a.document), [ents[1]])
        assert {e.id for e in store.candidates("entity", ["c:korvo"], per_key=2)} == {ents[0].id, ents[1].id}


def test_a_version_6_database_keeps_its_keys_in_write_order(tmp_path: Path) -> None:
    from claimledger.store._sqlite import _split_sql

    db = tmp_path / "v6.db"
    con = sqlite3.connect(db, isolation_level=None)
    for n, script in enumerate(MIGRATIONS[:6], 1):
        for stmt in _split_sql(script):
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)", (str(n),))
    for n in range(1, 5):
        record = {"id": f"e{n}", "name": f"P{n}", "type": "PERSON", "aliases": [], "keys": ["c:korvo"]}
        con.execute("INSERT INTO entities(id, name, type, data) VALUES(?, ?, 'PERSON', ?)",
                    (f"e{n}", f"P{n}", json.dumps(record)))
    # Written e3, e1, e4, e2 (rowid order), so the two most recent are e4 and e2.
    for n in (3, 1, 4, 2):
        con.execute("INSERT INTO keys(kind, key, id) VALUES('entity', 'c:korvo', ?)", (f"e{n}",))
    con.execute("INSERT INTO keys(kind, key, id) VALUES('minhash', 'mh:0:x', 'd1')")
    con.execute("INSERT INTO documents(id, source, text, seq, signature) VALUES('d1', 'd1', 'x', 1, '[1, 2]')")
    con.close()
    with Store(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert {e.id for e in store.candidates("entity", ["c:korvo"], per_key=2)} == {"e4", "e2"}
        assert store.near_duplicate_candidates(["mh:0:x"]) == [("d1", [1, 2])]
        a = _analysis()
        store.save_analysis(a)
        e1 = store.get("entity", "e1")
        store.save_linking(DocAnalysis(document=a.document), [e1])  # written after the migrated rows
        assert {e.id for e in store.candidates("entity", ["c:korvo"], per_key=2)} == {"e1", "e2"}
        # One row per (kind, key, record), however often it is written.
        store.save_linking(DocAnalysis(document=a.document), [e1])
        assert store.db.execute("SELECT COUNT(*) FROM keys WHERE kind='entity' AND id='e1'").fetchone()[0] == 1


def test_document_vector_round_trips(store: Store) -> None:
    a = _analysis()
    a.vector = "AAAA"
    store.save_analysis(a)
    assert store.load_analysis(a.document.id).vector == "AAAA"


def test_claim_candidates_come_without_stances_which_are_read_on_demand(store: Store) -> None:
    a = _analysis()
    store.save_analysis(a)
    claim = Claim(id="c1", text="The Korvo bridge opens in May", status="asserted", keys=["open|korvo"],
                  stances=[Stance(a.statements[0].id, "supports", a.document.id)])  # fmt: skip
    store.save_linking(a, [], [claim])
    (light,) = store.claim_candidates(["open|korvo"])
    assert light.id == "c1" and light.text == claim.text and light.stances == []
    assert [s.stance for s in store.claim_stances("c1") or []] == ["supports"]
    assert store.claim_stances("c404") is None
    # The full record is unchanged for everything else that reads claims.
    assert store.get("claim", "c1").stances[0].statement_id == a.statements[0].id


def test_appended_stances_follow_the_stored_ones_and_the_tally_is_kept(store: Store) -> None:
    a, b = _analysis(), _analysis(TEXT + " Later.", "b.txt")
    for x in (a, b):
        store.save_analysis(x)
    claim = Claim(id="c1", text="The Korvo bridge opens in May", status="asserted", keys=["open|korvo"],
                  reasons=["r0", "r1"], stances=[Stance(a.statements[0].id, "supports", a.document.id, 0.7)])
    store.save_linking(a, [], [claim], tallies={"c1": ({"count": 1}, False)})
    assert store.claim_tally("c1") == {"count": 1}
    claim.stances = [Stance(b.statements[0].id, "refutes", b.document.id, 0.55, repeats=a.document.id)]
    claim.reasons = ["r0", "r1", "r2"]
    store.save_linking(b, [], [claim], tallies={"c1": ({"count": 2}, True)})
    want = [(a.statements[0].id, "supports", 0.7, None), (b.statements[0].id, "refutes", 0.55, a.document.id)]
    for got in (store.get("claim", "c1"), store.all("claim")[0], store.records_by_ids("claim", ["c1"])["c1"]):
        assert [(s.statement_id, s.stance, s.score, s.repeats) for s in got.stances] == want
        assert got.reasons == ["r0", "r1", "r2"]
    assert [s.statement_id for s in store.claim_stances("c1") or []] == [w[0] for w in want]
    (light,) = store.claim_candidates(["open|korvo"])
    assert light.stances == [] and light.reasons == []  # what matching reads: no appearances
    # Without a tally the claim's stances are rewritten whole.
    claim.stances = claim.stances[:1]
    store.save_linking(b, [], [claim])
    assert [s.statement_id for s in store.get("claim", "c1").stances] == [b.statements[0].id]
    assert store.claim_tally("c1") is None


def test_a_version_4_database_opens_with_its_claims_intact(tmp_path: Path) -> None:
    from claimledger.store._sqlite import _split_sql

    db = tmp_path / "v4.db"
    con = sqlite3.connect(db, isolation_level=None)
    for n, script in enumerate(MIGRATIONS[:4], 1):
        for stmt in _split_sql(script):
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)", (str(n),))
    stances = [
        {"statement_id": "d1:s1", "stance": "supports", "doc_id": "d1", "score": 0.8, "repeats": None},
        {"statement_id": "d3:s1", "stance": "reports", "doc_id": "d3", "score": None, "repeats": "d2"},
        {"statement_id": "d2:s1", "stance": "refutes", "doc_id": "d2", "score": 0.55, "repeats": None},
    ]
    record = {"id": "c1", "text": "Bridge opens", "frame": {}, "claimant_ids": ["e1"], "first_date": None,
              "status": "contested", "reasons": ["because"], "stances": stances, "keys": ["k"], "related": []}
    con.execute("INSERT INTO claims(id, text, status, first_date, data, head) VALUES('c1', 'Bridge opens',"
                " 'contested', NULL, ?, NULL)", (json.dumps(record),))
    con.execute("INSERT INTO keys(kind, key, id) VALUES('claim', 'k', 'c1')")
    # Rows in another order than the record's: the record's order is the claim's.
    for s in reversed(stances):
        con.execute("INSERT INTO stances(claim_id, statement_id, doc_id, stance) VALUES('c1', ?, ?, ?)",
                    (s["statement_id"], s["doc_id"], s["stance"]))
    con.close()
    with Store(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        c = store.get("claim", "c1")
        assert [(s.statement_id, s.stance, s.doc_id, s.score, s.repeats) for s in c.stances] == [
            (s["statement_id"], s["stance"], s["doc_id"], s["score"], s["repeats"]) for s in stances
        ]
        assert c.reasons == ["because"] and c.claimant_ids == ["e1"]
        assert store.claim_tally("c1") is None  # recomputed from every stance when the claim next changes
        (light,) = store.claim_candidates(["k"])
        assert light.stances == [] and light.status == "contested"
        assert "stances" not in json.loads(store.db.execute("SELECT data FROM claims").fetchone()[0])


def test_search_finds_other_forms_of_the_words(store: Store) -> None:
    store.save_analysis(_analysis())
    assert store.search("opening bridges")  # "the bridge ... will open"
    assert store.search("denies")  # "Critics denied it"
    assert store.search("closed") == []


def test_a_story_is_indexed_whole_once_then_only_its_new_documents(store: Store) -> None:
    a, b = _analysis(), _analysis(TEXT.replace("May", "June"), "b.txt")
    for x in (a, b):
        store.save_analysis(x)
    story = Story(id="t1", title="Bridge", doc_ids=[a.document.id], keys=["per:lind"])
    store.save_linking(a, story=story)
    # Never indexed (a new story, or one from a database older than the rows): all of it.
    assert store.discrepancy_work("t1") == ([(a.document.id, 0)], True)
    store.save_story_discrepancies("t1", [a.document.id], [("n\te1", a.document.id, 0, {"form": "Ana Lind"})], {}, True)
    story.doc_ids.append(b.document.id)
    store.save_linking(b, story=story)
    assert store.stale_stories() == ["t1"]
    assert store.discrepancy_work("t1") == ([(b.document.id, 1)], False)
    assert store.discrepancy_groups([a.document.id]) == {"n\te1"}
    assert [r[1] for r in store.discrepancy_rows("t1", ["n\te1"])] == [a.document.id]


def test_a_version_5_database_opens_and_keeps_its_discrepancies(tmp_path: Path) -> None:
    from claimledger.store._sqlite import _split_sql

    db = tmp_path / "v5.db"
    con = sqlite3.connect(db, isolation_level=None)
    for n, script in enumerate(MIGRATIONS[:5], 1):
        for stmt in _split_sql(script):
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)", (str(n),))
    record = {"id": "x1", "kind": "name", "subject": "spelling of Ana Lind", "values": [], "claim_id": None}
    con.execute("INSERT INTO discrepancies(id, story_id, kind, subject, data) VALUES('x1', 't1', 'name', ?, ?)",
                (record["subject"], json.dumps(record)))
    # The story's record lists its documents in the order they joined, not in `seq` order.
    for seq, doc in enumerate(["dB", "dA", "dC"], 1):
        con.execute("INSERT INTO documents(id, source, text, story_id, state, seq)"
                    " VALUES(?, ?, 'x', 't1', 'linked', ?)",
                    (doc, doc, seq))
    story = {"id": "t1", "title": "Bridge", "doc_ids": ["dA", "dB", "dC"], "keys": ["p:lind"], "vector": None}
    con.execute("INSERT INTO stories(id, title, data) VALUES('t1', 'Bridge', ?)", (json.dumps(story),))
    con.execute("INSERT INTO keys(kind, key, id) VALUES('story', 'p:lind', 't1')")
    con.close()
    with Store(db) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert [d.subject for d in store.discrepancies("t1")] == ["spelling of Ana Lind"]
        assert store.stale_stories() == []
        assert store.get("story", "t1").doc_ids == ["dA", "dB", "dC"]
        (candidate,) = store.candidates("story", ["p:lind"])
        assert candidate.doc_ids == [] and candidate.size == 3
        # Never indexed: its first change derives the rows of all its documents.
        assert store.discrepancy_work("t1") == ([("dA", 0), ("dB", 1), ("dC", 2)], True)


def test_a_story_candidate_comes_with_its_size_not_its_documents(store: Store) -> None:
    a, b = _analysis(), _analysis(TEXT.replace("May", "June"), "b.txt")
    a.document.published_precision = "day"
    for x in (a, b):
        store.save_analysis(x)
    store.save_linking(a, story=Story(id="t1", title="Bridge", doc_ids=[a.document.id], keys=["per:lind"], size=1))
    (candidate,) = store.candidates("story", ["per:lind"])
    assert candidate.doc_ids == [] and candidate.size == 1
    candidate.doc_ids.append(b.document.id)
    candidate.size = 2
    store.save_linking(b, story=candidate)
    assert store.get("story", "t1").doc_ids == [a.document.id, b.document.id]
    assert [t.doc_ids for t in store.all("story")] == [[a.document.id, b.document.id]]
    assert store.latest_published_in_story("t1", b.document.id) == "2031-03-04"


def test_story_candidates_outside_the_time_window_are_not_read(store: Store) -> None:
    docs = [_analysis(TEXT.replace("May", m), f"{m}.txt") for m in ("May", "June", "July")]
    for x in docs:
        store.save_analysis(x)
    spans = [("2031-01-01", "2031-01-20"), ("2031-03-01", "2031-03-04"), (None, None)]
    for n, (x, sp) in enumerate(zip(docs, spans, strict=True), 1):
        story = Story(id=f"t{n}", title="Bridge", doc_ids=[x.document.id], keys=["per:lind"], size=1)
        store.save_linking(x, story=story, story_span=sp)
    assert {t.id for t in store.candidates("story", ["per:lind"])} == {"t1", "t2", "t3"}
    # A story ending before the window opens, or starting after it closes, is left out.
    assert {t.id for t in store.candidates("story", ["per:lind"], window=("2031-02-01", "2031-03-18"))} == {"t2", "t3"}
    assert {t.id for t in store.candidates("story", ["per:lind"], window=("2031-01-20", "2031-02-28"))} == {"t1", "t3"}
