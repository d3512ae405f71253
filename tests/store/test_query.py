"""Plain search words match all their forms (`store._query`), on an in-memory FTS5 table."""

from __future__ import annotations

import sqlite3

import pytest

from claimledger.store._query import expand, is_plain

ROWS = [
    "The ministry denies it",
    "a denial was issued",
    "They deny everything",
    "производство дронов",
    "дроны собирают",
    "Production was halted",
    "they produced drones",
    "Gordon spoke",
]


@pytest.fixture()
def table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61')")
    db.executemany("INSERT INTO t VALUES (?)", [(r,) for r in ROWS])
    return db


def found(db: sqlite3.Connection, query: str) -> set[str]:
    match = expand(query)
    assert match is not None
    return {r[0] for r in db.execute("SELECT x FROM t WHERE t MATCH ?", (match,))}


def test_every_form_finds_every_other(table: sqlite3.Connection) -> None:
    assert found(table, "denied") == {"The ministry denies it", "a denial was issued", "They deny everything"}
    assert found(table, "дроны") == {"производство дронов", "дроны собирают"}
    assert found(table, "produce") == {"Production was halted", "they produced drones"}


def test_all_words_must_match(table: sqlite3.Connection) -> None:
    assert found(table, "produced drones") == {"they produced drones"}


def test_names_and_short_words_match_as_written(table: sqlite3.Connection) -> None:
    assert found(table, "Gordon") == {"Gordon spoke"}
    assert expand("it") == '"it"'


@pytest.mark.parametrize("query", ['"exact phrase"', "deni*", "deny OR reject", "content:drones", "(a b)", "  "])
def test_fts_syntax_and_empty_queries_are_left_alone(query: str) -> None:
    assert expand(query) is None
    assert is_plain(query) == (query.strip() == "")

