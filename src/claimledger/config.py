"""Settings declared once: name, default and help. Precedence: defaults < environment
(`CLAIMLEDGER_<NAME>`) < explicit arguments (CLI flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("claimledger.db", "SQLite database file the ledger is stored in.")
    max_bytes: int = _setting(5_000_000, "Largest article text accepted, in bytes; bigger inputs are rejected.")
    fetch_timeout: float = _setting(20.0, "Seconds to wait for a URL or feed before giving up on it.")
    near_duplicate_threshold: float = _setting(
        0.8, "Estimated Jaccard similarity of word 5-gram shingles above which two articles are copies."
    )
    progress: bool = _setting(True, "Show a progress bar on stderr when it is a terminal.")
    host: str = _setting("127.0.0.1", "Address `claimledger serve` binds to; loopback unless you mean to share it.")
    port: int = _setting(8000, "Port `claimledger serve` listens on.")
    api_token: str = _setting("", "Bearer token that `POST /documents` requires; empty turns ingestion over HTTP off.")
    post_max_bytes: int = _setting(1_000_000, "Largest request body `POST /documents` accepts, in bytes.")
    post_per_minute: int = _setting(20, "Most `POST /documents` requests accepted per client per minute.")

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"CLAIMLEDGER_{f.name.upper()}")
            if env is not None:
                values[f.name] = _coerce(env, type(f.default))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str]]:
        return [(f.name, f.default, f.metadata.get("help", "")) for f in fields(cls)]


def _coerce(value: str, kind: type) -> Any:
    if kind is bool:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return kind(value)
