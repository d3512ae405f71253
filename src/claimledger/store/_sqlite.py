from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

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
    from_dict,
    to_dict,
)
from claimledger.store import _query
from claimledger.store._schema import MIGRATIONS

T = TypeVar("T")

# Corpus record kinds: (table, dataclass, id prefix for new ids).
_KINDS: dict[str, tuple[str, type]] = {
    "entity": ("entities", Entity),
    "claim": ("claims", Claim),
    "event": ("events", Event),
    "story": ("stories", Story),
}
_PREFIX = {"entity": "e", "claim": "c", "event": "v", "story": "t", "discrepancy": "x"}


@dataclass
class SearchHit:
    kind: str  # "document" | "statement"
    id: str
    doc_id: str
    title: str
    snippet: str
    score: float


# WAL pages between automatic checkpoints (`Store.__init__`).
WAL_CHECKPOINT_PAGES = 10000
# Records one blocking key contributes to a candidate lookup (see `Store.candidates`).
PER_KEY = 100
# Statement ids per `IN (...)` query, well under SQLite's limit on bound parameters.


def _dump(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


class Store:
    """A ledger in one SQLite file (or `:memory:`)."""

    def __init__(self, path: str | Path = "claimledger.db") -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                parent = Path(self.path).parent
                if not parent.is_dir():
                    raise StoreError(f"cannot create database {self.path}: folder {parent} does not exist")
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode=WAL")
                # Checkpoint every ~40 MB of log instead of SQLite's ~4 MB: linking commits one
                # transaction per document, and the pages they share (index nodes, counters)
                # are copied back once per checkpoint instead of every few documents.
                self.db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc} (is it a claimledger database?)") from exc
        self._counters: dict[str, int] = {}

    # -- plumbing -----------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this claimledger knows "
                f"({len(MIGRATIONS)}): upgrade claimledger"
            )
        for version in range(current + 1, len(MIGRATIONS) + 1):
            with self.transaction() as db:
                for stmt in _split_sql(MIGRATIONS[version - 1]):
                    db.execute(stmt)
                db.execute(
                    "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                    (str(version),),
                )

    def new_id(self, kind: str) -> str:
        """Next id of a corpus record kind; persisted with the next linking commit."""
        return f"{_PREFIX[kind]}{self._reserve(kind)}"

    def _reserve(self, counter: str, n: int = 1) -> int:
        """The first of `n` consecutive numbers of a counter; persisted with the next linking commit."""
        if counter not in self._counters:
            row = self.db.execute("SELECT value FROM meta WHERE key=?", (f"next_{counter}",)).fetchone()
            self._counters[counter] = int(row[0]) if row else 1
        first = self._counters[counter]
        self._counters[counter] = first + n
        return first

    def _save_counters(self, db: sqlite3.Connection) -> None:
        for kind, n in self._counters.items():
            db.execute(
                "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (f"next_{kind}", str(n)),
            )

    # -- documents and per-document analyses ---------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def document_for_source(self, source: str) -> str | None:
        row = self.db.execute("SELECT doc_id FROM document_sources WHERE source=?", (source,)).fetchone()
        return row[0] if row else None

    def add_source(self, doc_id: str, source: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO document_sources(doc_id, source) VALUES(?, ?)", (doc_id, source))

    def near_duplicate_candidates(self, band_keys: Sequence[str]) -> list[tuple[str, list[int]]]:
        if not band_keys:
            return []
        rows = self.db.execute(
            f"SELECT DISTINCT d.id, d.signature FROM keys k JOIN documents d ON d.id = k.id "
            f"WHERE k.kind='minhash' AND k.key IN ({_marks(band_keys)})",
            list(band_keys),
        ).fetchall()
        return [(r["id"], json.loads(r["signature"])) for r in rows if r["signature"]]

    def save_analysis(
        self, analysis: DocAnalysis, signature: list[int] | None = None, band_keys: Sequence[str] = ()
    ) -> None:
        """Commit one document and everything the per-document stages found in it."""
        doc = analysis.document
        with self.transaction() as db:
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
            db.execute(
                "INSERT INTO documents(id, source, title, published, published_precision, outlet, language, url,"
                " text, copy_of, state, signature, local_events, seq, vector)"
                " VALUES(?,?,?,?,?,?,?,?,?,?,'analysed',?,?,?,?)",
                (
                    doc.id,
                    doc.source,
                    doc.title,
                    doc.published,
                    doc.published_precision,
                    doc.outlet,
                    doc.language,
                    doc.url,
                    doc.text,
                    doc.copy_of,
                    json.dumps(signature) if signature else None,
                    _dump(analysis.events),
                    seq,
                    analysis.vector,
                ),
            )
            db.executemany(
                "INSERT OR IGNORE INTO document_sources(doc_id, source) VALUES(?, ?)",
                [(doc.id, s) for s in dict.fromkeys([doc.source, *doc.sources])],
            )
            db.executemany(
                "INSERT OR IGNORE INTO keys(kind, key, seq, id) VALUES('minhash', ?, 0, ?)",
                [(k, doc.id) for k in band_keys],
            )
            db.execute(
                "INSERT INTO documents_fts(doc_id, title, text) VALUES(?, ?, ?)", (doc.id, doc.title or "", doc.text)
            )
            self._write_statements(db, analysis.statements)
            db.executemany(
                'INSERT INTO mentions(doc_id, n, start, "end", text, type, local_name, entity_id)'
                " VALUES(?,?,?,?,?,?,?,?)",
                [
                    (doc.id, n, m.start, m.end, m.text, m.type, m.local_name or m.text, m.entity_id)
                    for n, m in enumerate(analysis.mentions)
                ],
            )

    def _write_statements(self, db: sqlite3.Connection, statements: Iterable[Statement]) -> None:
        statements = list(statements)
        # An upsert keeps a statement's rowid when it is rewritten (linking sets its speaker
        # id): the full-text row shares that rowid, so it is found and replaced by key
        # instead of by scanning the index for an UNINDEXED `statement_id`.
        db.executemany(
            "INSERT INTO statements(id, doc_id, speaker, speaker_id, act, content, direct, date,"
            ' start, "end", data) VALUES(?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET'
            " doc_id=excluded.doc_id, speaker=excluded.speaker, speaker_id=excluded.speaker_id, act=excluded.act,"
            " content=excluded.content, direct=excluded.direct, date=excluded.date, start=excluded.start,"
            ' "end"=excluded."end", data=excluded.data',
            [
                (
                    s.id,
                    s.doc_id,
                    s.speaker,
                    s.speaker_id,
                    s.act,
                    s.content,
                    int(s.direct),
                    s.date,
                    s.start,
                    s.end,
                    _dump(s),
                )
                for s in statements
            ],
        )
        for s in statements:
            (rowid,) = db.execute("SELECT rowid FROM statements WHERE id=?", (s.id,)).fetchone()
            db.execute("DELETE FROM statements_fts WHERE rowid=?", (rowid,))
            db.execute(
                "INSERT INTO statements_fts(rowid, statement_id, speaker, content) VALUES(?,?,?,?)",
                (rowid, s.id, s.speaker, s.content),
            )

    def pending_documents(self) -> list[str]:
        """Documents analysed but not yet linked into the corpus, oldest news first."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE state='analysed' ORDER BY published IS NULL, published, seq"
        ).fetchall()
        return [r[0] for r in rows]

    def load_analysis(self, doc_id: str) -> DocAnalysis:
        row = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no document {doc_id}")
        return DocAnalysis(
            document=self._document(row),
            statements=self.statements_for_doc(doc_id),
            mentions=[
                Mention(
                    doc_id=r["doc_id"],
                    start=r["start"],
                    end=r["end"],
                    text=r["text"],
                    type=r["type"],
                    local_name=r["local_name"],
                    entity_id=r["entity_id"],
                )
                for r in self.db.execute("SELECT * FROM mentions WHERE doc_id=? ORDER BY n", (doc_id,))
            ],
            events=[from_dict(Event, e) for e in json.loads(row["local_events"])],
            vector=row["vector"],
        )

    def _document(self, row: sqlite3.Row) -> Document:
        sources = [
            r[0]
            for r in self.db.execute("SELECT source FROM document_sources WHERE doc_id=? ORDER BY rowid", (row["id"],))
        ]
        return Document(
            id=row["id"],
            source=row["source"],
            text=row["text"],
            title=row["title"],
            published=row["published"],
            published_precision=row["published_precision"],
            outlet=row["outlet"],
            language=row["language"],
            url=row["url"],
            sources=sources or [row["source"]],
            copy_of=row["copy_of"],
        )

    # -- corpus records -------------------------------------------------------------------

    def candidates(
        self,
        kind: str,
        keys: Iterable[str],
        limit: int = 200,
        per_key: int = PER_KEY,
        window: tuple[str, str] | None = None,
    ) -> list[Any]:
        """Records of `kind` sharing at least one blocking key, most shared keys first.

        Each key contributes at most its `per_key` most recently written records: a key that
        half the corpus shares ("c:united_states") would otherwise make every lookup scan
        half the corpus, and it says little about identity anyway; rarer keys still find
        the older records that matter.

        Stories only: `window` (earliest last day, latest first day) leaves out, of those, the
        stories whose date span (`save_linking`'s `story_span`) ends before or starts after it.
        """
        table, cls = _KINDS[kind]
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        top = self._ranked_ids(kind, keys, limit, per_key)
        where = ""
        if kind == "story" and window is not None:
            # A story with one end of its span unknown is bounded by the other; with neither, kept.
            where = (
                " AND (COALESCE(first_day, last_day) IS NULL"
                " OR (COALESCE(last_day, first_day) >= ? AND COALESCE(first_day, last_day) <= ?))"
            )
        data = {
            r[0]: r[1]
            for chunk in _chunks(top, 500)
            for r in self.db.execute(
                f"SELECT id, data FROM {table} WHERE id IN ({_marks(chunk)}){where}",
                [*chunk, *(window if where and window else ())],
            )
        }
        return self._with_stances(kind, [from_dict(cls, json.loads(data[i])) for i in top if i in data])

    def _ranked_ids(self, kind: str, keys: Iterable[str], limit: int, per_key: int = PER_KEY) -> list[str]:
        # SQLite caps a compound SELECT at 500 terms: long documents have more keys than that.
        chunks = list(_chunks(list(dict.fromkeys(keys)), 400))

        def union(chunk: list[str]) -> tuple[str, list[Any]]:
            sql = " UNION ALL ".join(
                "SELECT id FROM (SELECT id FROM keys WHERE kind=? AND key=? ORDER BY seq DESC LIMIT ?)" for _ in chunk
            )
            return sql, [v for k in chunk for v in (kind, k, per_key)]

        if len(chunks) == 1:
            # Ranked in SQLite, in the order below: of the thousand-odd records a large store's
            # keys offer, only the first `limit` cross into Python.
            per, params = union(chunks[0])
            sql = f"SELECT id FROM ({per}) GROUP BY id ORDER BY COUNT(*) DESC, id LIMIT ?"
            return [r[0] for r in self.db.execute(sql, [*params, limit])]
        counts: Counter[str] = Counter()
        for chunk in chunks:
            per, params = union(chunk)
            counts.update(dict(self.db.execute(f"SELECT id, COUNT(*) FROM ({per}) GROUP BY id", params).fetchall()))
        return [i for i, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:limit]]

    def claim_candidates(self, keys: Iterable[str], limit: int = 200) -> list[Claim]:
        """`candidates("claim", keys)` without their stances (`stances` is empty): what matching
        needs. `claim_stances` reads a claim's stances once linking changes it."""
        ids = self._ranked_ids("claim", keys, limit)
        rows = {
            r[0]: r[1]
            for chunk in _chunks(ids, 500)
            for r in self.db.execute(
                f"SELECT id, COALESCE(head, data) FROM claims WHERE id IN ({_marks(chunk)})", chunk
            )
        }
        out = []
        for i in ids:
            if i in rows:
                claim = from_dict(Claim, json.loads(rows[i]))
                claim.stances = []
                out.append(claim)
        return out

    def claim_stances(self, claim_id: str) -> list[Stance] | None:
        """The stances of a stored claim; None for a claim not in the store."""
        if self.db.execute("SELECT 1 FROM claims WHERE id=?", (claim_id,)).fetchone() is None:
            return None
        return self._stances([claim_id]).get(claim_id, [])

    def claim_tally(self, claim_id: str) -> dict[str, Any] | None:
        """A stored claim's tally (`claims.status.tally`, which holds its reason lines); None
        when it has none (a claim stored before tallies were kept)."""
        row = self.db.execute("SELECT summary FROM claims WHERE id=?", (claim_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        return json.loads(row[0])

    def _stances(self, claim_ids: Sequence[str]) -> dict[str, list[Stance]]:
        out: dict[str, list[Stance]] = {}
        for chunk in _chunks(list(dict.fromkeys(claim_ids)), 500):
            for r in self.db.execute(
                "SELECT claim_id, statement_id, stance, doc_id, score, repeats FROM stances"
                f" WHERE claim_id IN ({_marks(chunk)}) ORDER BY claim_id, n",
                chunk,
            ):
                out.setdefault(r[0], []).append(Stance(r[1], r[2], r[3], r[4], r[5]))
        return out

    def _with_stances(self, kind: str, records: list[T]) -> list[T]:
        """Claims get their stances from their rows (the record holds none)."""
        if kind == "claim" and records:
            rows = self._stances([c.id for c in records])  # type: ignore[attr-defined]
            for c in records:
                c.stances = rows.get(c.id, [])  # type: ignore[attr-defined]
        return records

    def get(self, kind: str, record_id: str) -> Any:
        table, cls = _KINDS[kind]
        row = self.db.execute(f"SELECT data FROM {table} WHERE id=?", (record_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no {kind} with id {record_id!r}: `claimledger export` lists them")
        return self._with_doc_ids(kind, self._with_stances(kind, [from_dict(cls, json.loads(row[0]))]))[0]

    def _with_doc_ids(self, kind: str, records: list[T]) -> list[T]:
        """Stories get their documents from the documents' rows (the record holds none), in the
        order they joined."""
        if kind != "story" or not records:
            return records
        docs: dict[str, list[str]] = {}
        if len(records) == 1:
            rows = self.db.execute(
                "SELECT story_id, id FROM documents WHERE story_id=? ORDER BY story_pos, seq",
                (records[0].id,),  # type: ignore[attr-defined]
            )
        else:
            rows = self.db.execute(
                "SELECT story_id, id FROM documents WHERE story_id IS NOT NULL ORDER BY story_id, story_pos, seq"
            )
        for story_id, doc_id in rows:
            docs.setdefault(story_id, []).append(doc_id)
        for t in records:
            t.doc_ids = docs.get(t.id, [])  # type: ignore[attr-defined]
            t.size = len(t.doc_ids)  # type: ignore[attr-defined]
        return records

    def all(self, kind: str) -> list[Any]:
        table, cls = _KINDS[kind]
        rows = self.db.execute(f"SELECT data FROM {table} ORDER BY CAST(SUBSTR(id, 2) AS INTEGER)").fetchall()
        records = [from_dict(cls, json.loads(r[0])) for r in rows]
        if kind == "claim":
            stances: dict[str, list[Stance]] = {}
            for r in self.db.execute(
                "SELECT claim_id, statement_id, stance, doc_id, score, repeats FROM stances ORDER BY claim_id, n"
            ):
                stances.setdefault(r[0], []).append(Stance(r[1], r[2], r[3], r[4], r[5]))
            for c in records:
                c.stances = stances.get(c.id, [])
        return self._with_doc_ids(kind, records)

    def statements_by_ids(self, ids: Iterable[str]) -> dict[str, Statement]:
        ids = list(dict.fromkeys(ids))
        out: dict[str, Statement] = {}
        for chunk in _chunks(ids, 500):
            for r in self.db.execute(f"SELECT data FROM statements WHERE id IN ({_marks(chunk)})", chunk):
                s = from_dict(Statement, json.loads(r[0]))
                out[s.id] = s
        return out

    def statement_lookup(self) -> StatementLookup:
        """A read-only mapping id -> Statement that reads each statement when first asked."""
        return StatementLookup(self)

    def statements_for_doc(self, doc_id: str) -> list[Statement]:
        rows = self.db.execute("SELECT data FROM statements WHERE doc_id=? ORDER BY start", (doc_id,))
        return [from_dict(Statement, json.loads(r[0])) for r in rows]

    def documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        if ids is None:
            rows = self.db.execute("SELECT * FROM documents ORDER BY seq").fetchall()
        else:
            idl = list(ids)
            rows = self.db.execute(f"SELECT * FROM documents WHERE id IN ({_marks(idl)}) ORDER BY seq", idl).fetchall()
        return [self._document(r) for r in rows]

    def story_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def latest_published_in_story(self, story_id: str, but: str) -> str | None:
        """The latest day-precise publication date among the documents of a story but `but`."""
        row = self.db.execute(
            "SELECT MAX(published) FROM documents WHERE story_id=? AND id<>? AND published_precision='day'",
            (story_id, but),
        ).fetchone()
        return row[0] if row else None

    def latest_published(self, doc_ids: Sequence[str]) -> str | None:
        """The latest day-precise publication date among `doc_ids`."""
        if not doc_ids:
            return None
        row = self.db.execute(
            f"SELECT MAX(published) FROM documents WHERE id IN ({_marks(doc_ids)}) AND published_precision='day'",
            list(doc_ids),
        ).fetchone()
        return row[0] if row else None

    def story_context(self, story: Story) -> tuple[list[Claim], dict[str, Statement], list[Event], dict[str, Document]]:
        """Everything the discrepancy finder needs about one story (claims carry only their
        stances in the story's documents)."""
        ids = list(story.doc_ids)
        marks = _marks(ids)
        claim_ids = [
            r[0] for r in self.db.execute(f"SELECT DISTINCT claim_id FROM stances WHERE doc_id IN ({marks})", ids)
        ]
        # Each claim with its stances in this story's documents only: the discrepancy finder
        # reads no other, and a claim repeated across an archive has thousands.
        heads = {
            r[0]: from_dict(Claim, json.loads(r[1]))
            for chunk in _chunks(claim_ids, 500)
            for r in self.db.execute(f"SELECT id, data FROM claims WHERE id IN ({_marks(chunk)})", chunk)
        }
        claims = [heads[c] for c in claim_ids if c in heads]
        rows: dict[str, list[tuple[int, Stance]]] = {}
        for chunk in _chunks(ids, 500):
            for r in self.db.execute(
                "SELECT claim_id, n, statement_id, stance, doc_id, score, repeats FROM stances"
                f" WHERE doc_id IN ({_marks(chunk)})",
                chunk,
            ):
                rows.setdefault(r[0], []).append((r[1], Stance(r[2], r[3], r[4], r[5], r[6])))
        for c in claims:
            c.stances = [x for _, x in sorted(rows.get(c.id, []), key=lambda nx: nx[0])]
        # A statement no claim links is read from its columns: the finder compares only its
        # speaker and words (quotes, names), and a long story has thousands of them. The
        # others are read whole (frames: quantities, partial denials).
        linked = {x.statement_id for xs in rows.values() for _, x in xs}
        statements = {st.id: st for d in ids for st in self._doc_statements(d, linked)}
        event_ids = [
            r[0] for r in self.db.execute(f"SELECT DISTINCT event_id FROM event_docs WHERE doc_id IN ({marks})", ids)
        ]
        # By id order, the order the discrepancy finder pairs them in (see `story_events`).
        events = [self.get("event", e) for e in sorted(event_ids, key=_id_order)]
        documents = {d.id: d for d in self.documents(ids)}
        return claims, statements, events, documents

    def save_linking(
        self,
        analysis: DocAnalysis,
        entities: Iterable[Entity] = (),
        claims: Iterable[Claim] = (),
        events: Iterable[Event] = (),
        story: Story | None = None,
        tallies: Mapping[str, tuple[dict[str, Any], bool]] | None = None,
        story_span: tuple[str | None, str | None] = (None, None),
    ) -> None:
        """Commit what the corpus stages decided for one document, and mark it linked.

        `story_span`: the story's first and last day (`stories.span`), for `candidates`' window.

        `tallies` (from `claims.link`): a claim's tally, and whether its `stances` are only
        the ones to append after its stored ones; a claim without one has all its stances
        rewritten and no tally."""
        doc_id = analysis.document.id
        changed_docs: set[str] = set()
        with self.transaction() as db:
            db.executemany(
                "UPDATE mentions SET entity_id=? WHERE doc_id=? AND n=?",
                [(m.entity_id, doc_id, n) for n, m in enumerate(analysis.mentions)],
            )
            self._write_statements(db, analysis.statements)
            for e in entities:
                self._put(
                    db,
                    "entity",
                    e,
                    (e.id, e.name, e.type, _dump(e)),
                    "INSERT OR REPLACE INTO entities(id, name, type, data) VALUES(?,?,?,?)",
                    e.keys,
                )
            for c in claims:
                tally, appended = (tallies or {}).get(c.id, (None, False))
                self._put(
                    db,
                    "claim",
                    c,
                    (
                        c.id,
                        c.text,
                        c.status,
                        c.first_date,
                        _dump(replace(c, stances=[])),
                        _dump(replace(c, stances=[], reasons=[])),
                        json.dumps(tally, ensure_ascii=False, separators=(",", ":")) if tally is not None else None,
                    ),
                    "INSERT OR REPLACE INTO claims(id, text, status, first_date, data, head, summary)"
                    " VALUES(?,?,?,?,?,?,?)",
                    c.keys,
                )
                # Appended stances follow the stored ones (the tally counts them all).
                first = tally["count"] - len(c.stances) if appended and tally is not None else 0
                if not appended:
                    before = set(
                        db.execute("SELECT statement_id, stance, doc_id FROM stances WHERE claim_id=?", (c.id,))
                    )
                    after = {(s.statement_id, s.stance, s.doc_id) for s in c.stances}
                    # Earlier documents whose stance on the claim changed (a relayed denial read
                    # again, say) contribute other discrepancy rows now: derive theirs again.
                    changed_docs.update(d for _, _, d in before ^ after if d != doc_id)
                    db.execute("DELETE FROM stances WHERE claim_id=?", (c.id,))
                db.executemany(
                    "INSERT OR REPLACE INTO stances(claim_id, statement_id, doc_id, stance, n, score, repeats)"
                    " VALUES(?,?,?,?,?,?,?)",
                    [
                        (c.id, s.statement_id, s.doc_id, s.stance, first + n, s.score, s.repeats)
                        for n, s in enumerate(c.stances)
                    ],
                )
            for v in events:
                self._put(
                    db,
                    "event",
                    v,
                    (v.id, v.date, v.description, _dump(v)),
                    "INSERT OR REPLACE INTO events(id, date, description, data) VALUES(?,?,?,?)",
                    v.keys,
                )
                db.executemany(
                    "INSERT OR IGNORE INTO event_docs(event_id, doc_id) VALUES(?, ?)", [(v.id, d) for d in v.doc_ids]
                )
            if story is not None:
                size = max(story.size, len(story.doc_ids))
                self._put(
                    db,
                    "story",
                    story,
                    # Without its documents: they are the documents' rows (`story_id`, `story_pos`).
                    (story.id, story.title, _dump(replace(story, doc_ids=[], size=size)), *story_span),
                    "INSERT OR REPLACE INTO stories(id, title, data, first_day, last_day) VALUES(?,?,?,?,?)",
                    story.keys,
                )
                # A document joins a story at its end; one linked again keeps its place.
                db.execute(
                    "UPDATE documents SET story_pos = CASE WHEN story_id IS ? AND story_pos IS NOT NULL"
                    " THEN story_pos ELSE ? END, story_id=? WHERE id=?",
                    (story.id, size - 1, story.id, doc_id),
                )
                db.execute("INSERT OR IGNORE INTO stale_stories(story_id) VALUES(?)", (story.id,))
                db.execute("INSERT OR IGNORE INTO fresh_docs(doc_id) VALUES(?)", (doc_id,))
            for d in sorted(changed_docs):
                db.execute("INSERT OR IGNORE INTO fresh_docs(doc_id) VALUES(?)", (d,))
                db.execute(
                    "INSERT OR IGNORE INTO stale_stories(story_id)"
                    " SELECT story_id FROM documents WHERE id=? AND story_id IS NOT NULL",
                    (d,),
                )
            db.execute("UPDATE documents SET state='linked' WHERE id=?", (doc_id,))
            self._save_counters(db)

    def _put(self, db: sqlite3.Connection, kind: str, obj: Any, row: tuple, sql: str, keys: Iterable[str]) -> None:
        db.execute(sql, row)
        db.execute("DELETE FROM keys WHERE kind=? AND id=?", (kind, obj.id))
        # Keys starting with "@" are a stage's own bookkeeping (a story's date span), not blocking keys.
        fresh = [k for k in dict.fromkeys(keys) if not k.startswith("@")]
        # A record written now is its keys' most recent: `_ranked_ids` reads them newest first.
        first = self._reserve("keyseq", len(fresh))
        db.executemany(
            "INSERT OR IGNORE INTO keys(kind, key, seq, id) VALUES(?,?,?,?)",
            [(kind, k, first + n, obj.id) for n, k in enumerate(fresh)],
        )

    def stale_stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT story_id FROM stale_stories ORDER BY story_id")]

    def save_discrepancies(self, story_id: str, discrepancies: Iterable[Any]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM discrepancies WHERE story_id=?", (story_id,))
            for x in discrepancies:
                db.execute(
                    "INSERT OR REPLACE INTO discrepancies(id, story_id, kind, subject, data) VALUES(?,?,?,?,?)",
                    (x.id, story_id, x.kind, x.subject, _dump(x)),
                )
            db.execute("DELETE FROM stale_stories WHERE story_id=?", (story_id,))

    def discrepancy_work(self, story_id: str) -> tuple[list[tuple[str, int]], bool]:
        """(document id, place in the story) of the documents of `story_id` whose discrepancy
        rows are to be derived, and whether that is all of them: a story never indexed (from a
        database older than the rows) is indexed whole."""
        if self.db.execute("SELECT 1 FROM indexed_stories WHERE story_id=?", (story_id,)).fetchone():
            rows = self.db.execute(
                "SELECT f.doc_id, d.story_pos FROM fresh_docs f JOIN documents d ON d.id = f.doc_id"
                " WHERE d.story_id=? ORDER BY d.story_pos",
                (story_id,),
            ).fetchall()
            if all(r[1] is not None for r in rows):
                return [(r[0], r[1]) for r in rows], False
        story = self.get("story", story_id)
        return [(d, i) for i, d in enumerate(story.doc_ids)], True

    def discrepancy_inputs(
        self, doc_ids: Sequence[str]
    ) -> tuple[dict[str, list[Statement]], dict[str, list[tuple[str, str, Statement]]]]:
        """Per document: its statements in text order, and its (claim id, stance, statement)
        links. A statement no claim links is read from its columns (speaker and words are all
        the discrepancy rows read of it); linked ones whole (frames: quantities, partial denials)."""
        ids = list(doc_ids)
        links_raw: list[tuple[str, str, str, str]] = []
        for chunk in _chunks(ids, 500):
            links_raw += self.db.execute(
                f"SELECT claim_id, statement_id, stance, doc_id FROM stances WHERE doc_id IN ({_marks(chunk)})"
                " ORDER BY claim_id, n",
                chunk,
            ).fetchall()
        linked = {r[1] for r in links_raw}
        statements: dict[str, list[Statement]] = {d: [] for d in ids}
        by_id: dict[str, Statement] = {}
        for d in ids:
            for st in self._doc_statements(d, linked):
                statements[d].append(st)
                by_id[st.id] = st
        links: dict[str, list[tuple[str, str, Statement]]] = {d: [] for d in ids}
        for claim_id, statement_id, stance, doc_id in links_raw:
            if statement_id in by_id:
                links[doc_id].append((claim_id, stance, by_id[statement_id]))
        return statements, links

    def _doc_statements(self, doc_id: str, linked: set[str]) -> Iterator[Statement]:
        """A document's statements in text order: whole for those in `linked`, the rest from
        their columns only (the discrepancy finder compares just their speaker and words, and
        a long story has thousands of them)."""
        for r in self.db.execute(
            'SELECT id, doc_id, speaker, speaker_id, act, content, direct, date, start, "end", data'
            " FROM statements WHERE doc_id=? ORDER BY start",
            (doc_id,),
        ):
            if r[0] in linked:
                yield from_dict(Statement, json.loads(r[10]))
            else:
                yield Statement(
                    id=r[0], doc_id=r[1], speaker=r[2], speaker_id=r[3], act=r[4], content=r[5],
                    direct=bool(r[6]), date=r[7], start=r[8], end=r[9],
                )  # fmt: skip

    def discrepancy_groups(self, doc_ids: Sequence[str]) -> set[str]:
        """The groups the stored rows of `doc_ids` belong to."""
        ids = list(doc_ids)
        return {
            r[0]
            for chunk in _chunks(ids, 500)
            for r in self.db.execute(
                f"SELECT DISTINCT grp FROM discrepancy_rows WHERE doc_id IN ({_marks(chunk)})", chunk
            )
        }

    def discrepancy_rows(
        self, story_id: str, groups: Iterable[str] = (), prefix: str | None = None
    ) -> list[tuple[str, str, int, dict[str, Any]]]:
        """Stored rows (group, doc id, pos, data) of `story_id` in `groups`, or in every group
        whose key starts with `prefix` and a tab, by pos."""
        out: list[tuple[str, str, int, dict[str, Any]]] = []
        # A long story's rows repeat the same data from document to document (a speaker's name
        # form, a quoted wording): each distinct text is decoded once, and the rows share it
        # (read-only: the discrepancy finder never writes to a row's data).
        decoded: dict[str, dict[str, Any]] = {}

        def data(text: str) -> dict[str, Any]:
            got = decoded.get(text)
            if got is None:
                got = decoded[text] = json.loads(text)
            return got

        sql = "SELECT grp, doc_id, pos, data FROM discrepancy_rows WHERE story_id=? AND "
        if prefix is not None:
            # Group keys are "kind<TAB>...": those of one kind sort between "kind<TAB>" and "kind<LF>".
            cur = self.db.execute(sql + "grp > ? AND grp < ? ORDER BY pos", (story_id, prefix + "\t", prefix + "\n"))
            return [(r[0], r[1], r[2], data(r[3])) for r in cur]
        for g in groups:
            cur = self.db.execute(sql + "grp=? ORDER BY pos", (story_id, g))
            out += [(r[0], r[1], r[2], data(r[3])) for r in cur]
        return out

    def story_events(self, story_id: str) -> list[Event]:
        """The events of a story's documents, by id order, with every document each is in (read
        from their columns: the discrepancy finder compares dates, wording and documents)."""
        ids = [
            r[0]
            for r in self.db.execute(
                "SELECT DISTINCT ed.event_id FROM documents d JOIN event_docs ed ON ed.doc_id = d.id"
                " WHERE d.story_id=?",
                (story_id,),
            )
        ]
        ids.sort(key=_id_order)
        docs: dict[str, list[str]] = {}
        head: dict[str, tuple[str | None, str]] = {}
        for chunk in _chunks(ids, 500):
            marks = _marks(chunk)
            for r in self.db.execute(f"SELECT id, date, description FROM events WHERE id IN ({marks})", chunk):
                head[r[0]] = (r[1], r[2])
            for r in self.db.execute(
                f"SELECT event_id, doc_id FROM event_docs WHERE event_id IN ({marks}) ORDER BY rowid", chunk
            ):
                docs.setdefault(r[0], []).append(r[1])
        return [Event(id=e, description=head[e][1], date=head[e][0], doc_ids=docs.get(e, [])) for e in ids if e in head]

    def event_ids_for_docs(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        return {
            r[0]
            for chunk in _chunks(ids, 500)
            for r in self.db.execute(f"SELECT event_id FROM event_docs WHERE doc_id IN ({_marks(chunk)})", chunk)
        }

    def claim_heads(self, ids: Iterable[str]) -> dict[str, Claim]:
        """Claims by id without their stances (text and frame: what discrepancies name)."""
        idl = list(dict.fromkeys(ids))
        out: dict[str, Claim] = {}
        for chunk in _chunks(idl, 500):
            for r in self.db.execute(
                f"SELECT id, COALESCE(head, data) FROM claims WHERE id IN ({_marks(chunk)})", chunk
            ):
                c = from_dict(Claim, json.loads(r[1]))
                c.stances = []
                out[r[0]] = c
        return out

    def save_story_discrepancies(
        self,
        story_id: str,
        doc_ids: Sequence[str],
        rows: Iterable[tuple[str, str, int, dict[str, Any]]],
        found: Mapping[str, Iterable[Any]],
        whole: bool,
    ) -> None:
        """One transaction: the rows of `doc_ids` replaced by `rows`, the discrepancies of each
        group in `found` replaced by its new ones (all of the story's when `whole`), the story
        marked indexed and no longer stale."""
        ids = list(doc_ids)
        with self.transaction() as db:
            for chunk in _chunks(ids, 500):
                db.execute(f"DELETE FROM discrepancy_rows WHERE doc_id IN ({_marks(chunk)})", chunk)
                db.execute(f"DELETE FROM fresh_docs WHERE doc_id IN ({_marks(chunk)})", chunk)
            db.executemany(
                "INSERT INTO discrepancy_rows(story_id, grp, doc_id, pos, data) VALUES(?,?,?,?,?)",
                [(story_id, g, d, pos, json.dumps(data, ensure_ascii=False)) for g, d, pos, data in rows],
            )
            if whole:
                db.execute("DELETE FROM discrepancies WHERE story_id=?", (story_id,))
            else:
                db.executemany("DELETE FROM discrepancies WHERE story_id=? AND grp=?", [(story_id, g) for g in found])
            for g, xs in found.items():
                for x in xs:
                    db.execute(
                        "INSERT OR REPLACE INTO discrepancies(id, story_id, kind, subject, data, grp)"
                        " VALUES(?,?,?,?,?,?)",
                        (x.id, story_id, x.kind, x.subject, _dump(x), g),
                    )
            db.execute("DELETE FROM stale_stories WHERE story_id=?", (story_id,))
            db.execute("INSERT OR IGNORE INTO indexed_stories(story_id) VALUES(?)", (story_id,))

    def discrepancies(self, story_id: str | None = None) -> list[Any]:
        from claimledger.models import Discrepancy

        if story_id:
            rows = self.db.execute("SELECT data FROM discrepancies WHERE story_id=? ORDER BY id", (story_id,))
        else:
            rows = self.db.execute("SELECT data FROM discrepancies ORDER BY story_id, id")
        return [from_dict(Discrepancy, json.loads(r[0])) for r in rows]

    def all_statements(self) -> list[Statement]:
        rows = self.db.execute(
            "SELECT s.data FROM statements s JOIN documents d ON d.id = s.doc_id ORDER BY d.seq, s.start"
        )
        return [from_dict(Statement, json.loads(r[0])) for r in rows]

    # -- rejections, status, search --------------------------------------------------------

    def add_rejection(self, rejection: Rejection) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO rejections(source, stage, reason) VALUES(?,?,?)",
                (rejection.source, rejection.stage, rejection.reason),
            )

    def rejections(self, limit: int = 100) -> list[Rejection]:
        rows = self.db.execute("SELECT source, stage, reason FROM rejections ORDER BY id DESC LIMIT ?", (limit,))
        return [Rejection(source=r[0], reason=r[2], stage=r[1]) for r in rows]

    def counts(self) -> dict[str, int]:
        q = {
            "documents": "SELECT COUNT(*) FROM documents",
            "pending": "SELECT COUNT(*) FROM documents WHERE state='analysed'",
            "near_duplicates": "SELECT COUNT(*) FROM documents WHERE copy_of IS NOT NULL",
            "sources": "SELECT COUNT(*) FROM document_sources",
            "statements": "SELECT COUNT(*) FROM statements",
            "entities": "SELECT COUNT(*) FROM entities",
            "claims": "SELECT COUNT(*) FROM claims",
            "events": "SELECT COUNT(*) FROM events",
            "stories": "SELECT COUNT(*) FROM stories",
            "discrepancies": "SELECT COUNT(*) FROM discrepancies",
            "rejections": "SELECT COUNT(*) FROM rejections",
        }
        return {k: self.db.execute(sql).fetchone()[0] for k, sql in q.items()}

    def claim_status_counts(self) -> dict[str, int]:
        rows = self.db.execute("SELECT status, COUNT(*) FROM claims GROUP BY status ORDER BY 2 DESC")
        return {r[0]: r[1] for r in rows}

    def story_summaries(self) -> list[dict[str, Any]]:
        """Each story with its size and how many of its claims have each status."""
        statuses: dict[str, dict[str, int]] = {}
        for story_id, status, n in self.db.execute(
            "SELECT d.story_id, c.status, COUNT(DISTINCT c.id) FROM claims c JOIN stances s ON s.claim_id = c.id"
            " JOIN documents d ON d.id = s.doc_id WHERE d.story_id IS NOT NULL GROUP BY d.story_id, c.status"
        ):
            statuses.setdefault(story_id, {})[status] = n
        rows = self.db.execute(
            "SELECT t.id, t.title, COUNT(d.id) AS n FROM stories t LEFT JOIN documents d ON d.story_id = t.id"
            " GROUP BY t.id ORDER BY n DESC, CAST(SUBSTR(t.id, 2) AS INTEGER)"
        )
        return [{"id": r[0], "title": r[1], "documents": r[2], "claims": statuses.get(r[0], {})} for r in rows]

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over documents and statements (FTS5, BM25 ranking).

        Plain words match all their forms (`_query.expand`: "denied" finds "denies", "дроны"
        finds "дронов"); other queries are taken as FTS5 syntax when they parse, else as plain
        words, so that a stray quote or colon in a user's query never becomes an error."""
        expanded = _query.expand(query)
        try:
            return self._search(expanded or query, limit)
        except sqlite3.OperationalError:
            words = re.findall(r"\w+", query)
            if not words:
                return []
            return self._search(" ".join(f'"{w}"' for w in words), limit)

    def _search(self, match: str, limit: int) -> list[SearchHit]:
        # Rank first, then make snippets for the rows kept: snippet() in the ranking query
        # would run for every match, which is most of the cost on a large store.
        hits: list[SearchHit] = []
        for table, kind in (("documents_fts", "document"), ("statements_fts", "statement")):
            ranked = self.db.execute(
                f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ? ORDER BY 2 LIMIT ?", (match, limit)
            ).fetchall()
            if not ranked:
                continue
            score = {r[0]: -r[1] for r in ranked}
            marks = _marks(ranked)
            if kind == "document":
                sql = (
                    f"SELECT f.rowid, f.doc_id, f.doc_id, d.title, snippet({table}, 2, '[', ']', '…', 12)"
                    f" FROM {table} f JOIN documents d ON d.id = f.doc_id"
                    f" WHERE {table} MATCH ? AND f.rowid IN ({marks})"
                )
            else:
                sql = (
                    f"SELECT f.rowid, f.statement_id, s.doc_id, s.speaker, snippet({table}, 2, '[', ']', '…', 12)"
                    f" FROM {table} f JOIN statements s ON s.id = f.statement_id"
                    f" WHERE {table} MATCH ? AND f.rowid IN ({marks})"
                )
            for r in self.db.execute(sql, [match, *score]):
                hits.append(SearchHit(kind, r[1], r[2], r[3] or "", r[4], score[r[0]]))
        hits.sort(key=lambda h: (-h.score, h.kind, h.id))
        return hits[:limit]

    # -- read-only queries for the web app and the HTML report ------------------------------
    # Each page reads only the rows it shows: no method below loads the whole corpus.

    def document_meta(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Documents' metadata without their text (a page listing sources needs no bodies)."""
        out: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
            for r in self.db.execute(
                "SELECT id, source, title, published, published_precision, outlet, language, url, copy_of,"
                f" story_id, state FROM documents WHERE id IN ({_marks(chunk)})",
                chunk,
            ):
                out[r["id"]] = dict(r)
        return out

    def document(self, doc_id: str) -> Document:
        row = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no document {doc_id!r}")
        return self._document(row)

    def records_by_ids(self, kind: str, ids: Iterable[str]) -> dict[str, Any]:
        table, cls = _KINDS[kind]
        out: dict[str, Any] = {}
        for chunk in _chunks(list(dict.fromkeys(ids)), 500):
            for r in self.db.execute(f"SELECT id, data FROM {table} WHERE id IN ({_marks(chunk)})", chunk):
                out[r[0]] = from_dict(cls, json.loads(r[1]))
        self._with_stances(kind, list(out.values()))
        return out

    def claims_for_docs(self, doc_ids: Iterable[str]) -> list[Claim]:
        """Claims with a stance taken in any of `doc_ids`, by id order."""
        ids: list[str] = []
        for chunk in _chunks(list(dict.fromkeys(doc_ids)), 500):
            ids += [
                r[0]
                for r in self.db.execute(
                    f"SELECT DISTINCT claim_id FROM stances WHERE doc_id IN ({_marks(chunk)})", chunk
                )
            ]
        found = self.records_by_ids("claim", ids)
        return sorted(found.values(), key=lambda c: _id_order(c.id))

    def claims_for_statements(self, statement_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """statement id -> [(claim id, stance)] for the statements given."""
        out: dict[str, list[tuple[str, str]]] = {}
        for chunk in _chunks(list(dict.fromkeys(statement_ids)), 500):
            for r in self.db.execute(
                f"SELECT statement_id, claim_id, stance FROM stances WHERE statement_id IN ({_marks(chunk)})"
                " ORDER BY claim_id",
                chunk,
            ):
                out.setdefault(r[0], []).append((r[1], r[2]))
        return out

    def events_for_docs(self, doc_ids: Iterable[str]) -> list[Event]:
        ids: list[str] = []
        for chunk in _chunks(list(dict.fromkeys(doc_ids)), 500):
            ids += [
                r[0]
                for r in self.db.execute(
                    f"SELECT DISTINCT event_id FROM event_docs WHERE doc_id IN ({_marks(chunk)})", chunk
                )
            ]
        found = self.records_by_ids("event", ids)
        return sorted(found.values(), key=lambda v: (v.date or "9999", _id_order(v.id)))

    def statements_by_speaker(self, entity_id: str, limit: int = 500) -> list[Statement]:
        rows = self.db.execute(
            "SELECT s.data FROM statements s JOIN documents d ON d.id = s.doc_id WHERE s.speaker_id=?"
            " ORDER BY d.published IS NULL, d.published, d.seq, s.start LIMIT ?",
            (entity_id, limit),
        )
        return [from_dict(Statement, json.loads(r[0])) for r in rows]

    def stance_rows(self, claim_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Every stance on the claims given, with its statement's and document's columns.

        Read from indexed columns, not the JSON records: a page listing hundreds of stances
        needs who, what and where, not the statements' frames."""
        out: list[dict[str, Any]] = []
        for chunk in _chunks(list(dict.fromkeys(claim_ids)), 500):
            out += [
                dict(r)
                for r in self.db.execute(
                    "SELECT st.claim_id, st.stance, st.statement_id, st.doc_id, s.speaker, s.speaker_id, s.act,"
                    ' s.content, s.date, s.direct, s.start, s."end", d.outlet, d.source, d.title, d.published,'
                    " d.url, d.language, d.story_id FROM stances st LEFT JOIN statements s ON s.id = st.statement_id"
                    f" LEFT JOIN documents d ON d.id = st.doc_id WHERE st.claim_id IN ({_marks(chunk)})",
                    chunk,
                )
            ]
        return out

    def mention_count(self, entity_id: str) -> int:
        return self.db.execute("SELECT COUNT(*) FROM mentions WHERE entity_id=?", (entity_id,)).fetchone()[0]


def _id_order(record_id: str) -> tuple[int, str]:
    # Ids are a letter and a counter ("c12"): order by the number, as `all` does.
    tail = record_id[1:]
    return (int(tail), "") if tail.isdigit() else (1 << 62, record_id)


class StatementLookup(Mapping[str, Statement]):
    """Statements by id, read from the store on first use and kept. Iterating it gives only the
    statements read so far: it is a lookup, not a listing of the store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._seen: dict[str, Statement | None] = {}

    def _fetch(self, key: str) -> Statement | None:
        if key not in self._seen:
            self._seen[key] = self._store.statements_by_ids([key]).get(key)
        return self._seen[key]

    def __getitem__(self, key: str) -> Statement:
        found = self._fetch(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._fetch(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (k for k, v in list(self._seen.items()) if v is not None)

    def __len__(self) -> int:
        return sum(1 for v in self._seen.values() if v is not None)


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _chunks(items: list[T], n: int) -> Iterator[list[T]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _split_sql(script: str) -> list[str]:
    # Migrations hold no semicolons inside statements (comments are dropped first), so a
    # plain split is safe and keeps each statement inside the migration's transaction
    # (executescript would commit).
    code = "\n".join(line for line in script.splitlines() if not line.strip().startswith("--"))
    return [s.strip() for s in code.split(";") if s.strip()]
