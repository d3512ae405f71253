"""Versioned schema. Each migration is applied once, in order, inside one transaction;
`meta.schema_version` records the last one applied. Never edit a released migration:
append a new one."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the ledger.
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        title TEXT,
        published TEXT,
        published_precision TEXT,
        outlet TEXT,
        language TEXT,
        url TEXT,
        text TEXT NOT NULL,
        copy_of TEXT,
        story_id TEXT,
        -- 'analysed': per-document stages committed; 'linked': corpus stages done too.
        state TEXT NOT NULL DEFAULT 'analysed',
        signature TEXT,
        local_events TEXT NOT NULL DEFAULT '[]',
        seq INTEGER NOT NULL,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX documents_state ON documents(state, published, seq);
    CREATE INDEX documents_story ON documents(story_id);

    CREATE TABLE document_sources (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        source TEXT NOT NULL,
        PRIMARY KEY (doc_id, source)
    );
    CREATE INDEX document_sources_source ON document_sources(source);

    CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        speaker TEXT NOT NULL,
        speaker_id TEXT,
        act TEXT NOT NULL,
        content TEXT NOT NULL,
        direct INTEGER NOT NULL,
        date TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX statements_doc ON statements(doc_id);
    CREATE INDEX statements_speaker ON statements(speaker_id);

    CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        n INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        local_name TEXT NOT NULL,
        entity_id TEXT,
        PRIMARY KEY (doc_id, n)
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);

    -- Corpus-level records: indexed columns for queries, the full record as JSON.
    CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY, text TEXT NOT NULL, status TEXT NOT NULL, first_date TEXT, data TEXT NOT NULL
    );
    CREATE TABLE stances (
        claim_id TEXT NOT NULL, statement_id TEXT NOT NULL, doc_id TEXT NOT NULL, stance TEXT NOT NULL,
        PRIMARY KEY (claim_id, statement_id)
    );
    CREATE INDEX stances_doc ON stances(doc_id);
    CREATE INDEX stances_statement ON stances(statement_id);
    CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT, description TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE event_docs (event_id TEXT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (event_id, doc_id));
    CREATE INDEX event_docs_doc ON event_docs(doc_id);
    CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, data TEXT NOT NULL);
    CREATE TABLE discrepancies (
        id TEXT PRIMARY KEY, story_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX discrepancies_story ON discrepancies(story_id);
    -- Stories whose discrepancies must be recomputed: marked in the same transaction that
    -- links a document into them, cleared in the one that stores the new discrepancies.
    CREATE TABLE stale_stories (story_id TEXT PRIMARY KEY);

    -- Blocking keys of every corpus stage: a new item is compared only with records
    -- sharing a key, so linking cost does not grow with the corpus.
    CREATE TABLE keys (kind TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, key, id));

    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

    CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text, tokenize='unicode61');
    CREATE VIRTUAL TABLE statements_fts USING fts5(
        statement_id UNINDEXED, speaker, content, tokenize='unicode61'
    );
    """,
    # 2: embeddings and bounded blocking. A document keeps its vector (packed float16, see
    # `embeddings.pack`) so corpus stages can re-link it without re-encoding; `keys_recent`
    # lets a lookup take only the most recently touched records of a very common key, which
    # keeps the cost of linking one document flat as the store grows.
    # Also: the next document's `seq` comes from an index, not a table scan, and each
    # statement's full-text row takes the statement's rowid, so rewriting a statement
    # replaces its row by key (see `Store._write_statements`).
    """
    ALTER TABLE documents ADD COLUMN vector TEXT;
    CREATE INDEX keys_recent ON keys(kind, key);
    CREATE INDEX documents_seq ON documents(seq);
    DELETE FROM statements_fts;
    INSERT INTO statements_fts(rowid, statement_id, speaker, content)
        SELECT rowid, id, speaker, content FROM statements;
    """,
    # 3: a record's keys are replaced whenever the record changes (`Store._put`): find them by
    # owner, not by scanning every key of that kind.
    """
    CREATE INDEX keys_owner ON keys(kind, id);
    """,
    # 4: a claim's record without its stances, for candidate matching: a claim repeated across
    # an archive carries thousands of appearances, and matching needs none of them.
    """
    ALTER TABLE claims ADD COLUMN head TEXT;
    """,
    # 5: a claim's appearances as rows, not a list inside its record: a claim gaining one is
    # appended to, not rewritten, and `summary` holds its tally (`claims.status.tally`), from
    # which the linker updates status and wording without reading every appearance. Rows of
    # older databases get their place, score and repeat mark from the record; their tally is
    # NULL until the claim next changes (then computed from every appearance).
    """
    ALTER TABLE stances ADD COLUMN n INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stances ADD COLUMN score REAL;
    ALTER TABLE stances ADD COLUMN repeats TEXT;
    ALTER TABLE claims ADD COLUMN summary TEXT;
    UPDATE stances SET n = j.key, score = json_extract(j.value, '$.score'),
        repeats = json_extract(j.value, '$.repeats')
        FROM claims c, json_each(c.data, '$.stances') j
        WHERE c.id = stances.claim_id AND json_extract(j.value, '$.statement_id') = stances.statement_id;
    UPDATE claims SET data = json_remove(data, '$.stances'), head = json_remove(data, '$.stances', '$.reasons');
    """,
    # 6: discrepancies per group, incrementally. A story's discrepancies fall into groups (one
    # speaker on one date, one claim's numbers in one unit, ...; `discrepancies.rows`), and each
    # document's contribution to them is kept as rows, so a document joining a long story is
    # compared with the rows of its own groups instead of the story being recomputed whole.
    # `fresh_docs`: documents whose rows are still to be derived (new, or whose stances changed);
    # `indexed_stories`: stories whose rows are complete (stories of older databases are indexed
    # whole the first time they change); `story_pos`: a document's place in its story.
    # A story's record no longer lists its documents (their `story_id` and `story_pos` do) and
    # counts them in `size`: it is read for every document that might continue it. Its date
    # span (first and last day) is a column too, so candidates outside a document's time window
    # are not read at all; stories of older databases get theirs when they next change.
    """
    ALTER TABLE stories ADD COLUMN first_day TEXT;
    ALTER TABLE stories ADD COLUMN last_day TEXT;
    CREATE TABLE discrepancy_rows (
        story_id TEXT NOT NULL, grp TEXT NOT NULL, doc_id TEXT NOT NULL, pos INTEGER NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX discrepancy_rows_group ON discrepancy_rows(story_id, grp, pos);
    CREATE INDEX discrepancy_rows_doc ON discrepancy_rows(doc_id);
    ALTER TABLE discrepancies ADD COLUMN grp TEXT;
    CREATE INDEX discrepancies_group ON discrepancies(story_id, grp);
    ALTER TABLE documents ADD COLUMN story_pos INTEGER;
    CREATE TABLE fresh_docs (doc_id TEXT PRIMARY KEY);
    CREATE TABLE indexed_stories (story_id TEXT PRIMARY KEY);
    UPDATE documents SET story_pos = (
        SELECT CAST(j.key AS INTEGER) FROM stories s, json_each(s.data, '$.doc_ids') j
        WHERE s.id = documents.story_id AND j.value = documents.id
    ) WHERE story_id IS NOT NULL;
    UPDATE stories SET data = json_set(data, '$.size', json_array_length(data, '$.doc_ids'), '$.doc_ids', json('[]'));
    """,
    # 7: blocking keys clustered by (kind, key, recency). A lookup reads a key's most recently
    # written records; with the keys in a rowid table that meant one index step and one table
    # read per record, scattered over the file, and a large store's lookups grew with it. Here
    # the rows a lookup reads are one contiguous run of the table itself. `seq` is the write
    # order (the old rowid; `meta.next_keyseq` numbers new ones); near-duplicate bands, looked
    # up by key alone, take 0. `keys_owner` finds a record's keys and keeps each
    # (kind, key, record) once.
    """
    CREATE TABLE keys_by_recency (
        kind TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
        PRIMARY KEY (kind, key, seq, id)
    ) WITHOUT ROWID;
    INSERT INTO keys_by_recency(kind, key, seq, id)
        SELECT kind, key, CASE WHEN kind = 'minhash' THEN 0 ELSE rowid END, id FROM keys;
    INSERT OR REPLACE INTO meta(key, value) SELECT 'next_keyseq', COALESCE(MAX(rowid), 0) + 1 FROM keys;
    DROP TABLE keys;
    ALTER TABLE keys_by_recency RENAME TO keys;
    CREATE UNIQUE INDEX keys_owner ON keys(kind, id, key);
    """,
]
