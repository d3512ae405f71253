"""The shipped Datasette metadata: each canned query runs on a real analysed database."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from claimledger.export import datasette_metadata, export
from claimledger.store import Store

PARAMS = {"status": "denied", "speaker": "Demsky", "claim_id": "c1"}


def test_canned_queries_run_and_return_rows(example_db: Path) -> None:
    with Store(example_db) as store:
        meta = json.loads(export(store, "datasette-metadata"))
    assert list(meta["databases"]) == [example_db.stem]
    queries = meta["databases"][example_db.stem]["queries"]
    assert {"claims_by_status", "statements_by_speaker", "discrepancies"} <= set(queries)
    db = sqlite3.connect(f"file:{example_db}?mode=ro", uri=True)
    for name, q in queries.items():
        params = {p: PARAMS[p] for p in re.findall(r":(\w+)", q["sql"])}
        cur = db.execute(q["sql"], params)
        rows = cur.fetchall()
        assert rows, f"{name} returned nothing on the examples"
        assert q["title"] and q["description"]
    statuses = {r[1] for r in db.execute(queries["claims_by_status"]["sql"], {"status": "denied"})}
    assert statuses == {"denied"}


def test_metadata_is_keyed_by_the_database_name() -> None:
    assert list(datasette_metadata("ledger")["databases"]) == ["ledger"]
