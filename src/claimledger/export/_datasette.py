from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from claimledger.store import Store


def datasette_metadata(database: str = "claimledger") -> dict[str, Any]:
    """The shipped metadata (canned queries), keyed by `database`: Datasette names a database
    after its file's stem (`ledger.db` -> `ledger`)."""
    text = resources.files("claimledger.web").joinpath("datasette_metadata.json").read_text(encoding="utf-8")
    meta = json.loads(text)
    meta["databases"] = {database: next(iter(meta["databases"].values()))}
    return meta


def to_datasette_metadata(store: Store) -> str:
    name = Path(store.path).stem if store.path != ":memory:" else "claimledger"
    return json.dumps(datasette_metadata(name), ensure_ascii=False, indent=2) + "\n"
