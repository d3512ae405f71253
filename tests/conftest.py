"""Shared fixtures. Data written by others (seeds, datasets) lives in ../shared and is never
copied here: tests that need it skip with a message saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the seeds and datasets live there, outside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"{seeds} is absent")
    return seeds


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus analysed once, end to end, into a real SQLite file."""
    from claimledger.analyze import analyze
    from claimledger.config import Settings
    from claimledger.store import Store

    db = tmp_path_factory.mktemp("example") / "example.db"
    with Store(db) as store:
        report = analyze([str(EXAMPLES)], store, Settings.load(db=str(db)))
    assert report.analysed >= 8, report
    return db
