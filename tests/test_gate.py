"""The evaluation gate: the example corpus, analysed end to end, must keep its scores.

Floors are pinned a little under the measured figures, so a silent regression in any stage
fails CI. Raising a floor after an improvement is welcome; lowering one is a deliberate,
explained commit. The fixtures are pinned by hash (examples/SHA256SUMS), so the floors always
refer to the same articles and answer key.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import json
import types
from pathlib import Path

import pytest
import yaml

from claimledger.export import build_ledger
from claimledger.store import Store

FLOORS = {
    "statements": 0.85,
    "dated": 0.80,
    "entities": 0.95,
    "claims": 0.90,
    "timeline": 0.90,
    "discrepancies": 0.75,
    "stories": 0.95,
    "overall": 0.90,
}


def test_fixtures_are_the_pinned_ones(examples_dir: Path) -> None:
    for line in (examples_dir / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        actual = hashlib.sha256((examples_dir / name).read_bytes()).hexdigest()
        assert actual == digest, f"examples/{name} changed: re-measure the gate and update examples/SHA256SUMS"


def _scorer(shared_dir: Path) -> types.ModuleType:
    path = shared_dir / "eval" / "score_ledger.py"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    spec = importlib.util.spec_from_file_location("score_ledger", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_corpus_scores_stay_above_their_floors(example_db: Path, examples_dir: Path, shared_dir: Path) -> None:
    scorer = _scorer(shared_dir)
    with Store(example_db) as store:
        ledger = json.loads(json.dumps(build_ledger(store)))
    doc_map = {}
    for line in (examples_dir / "doc_map.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        key, url = line.split("\t")
        doc_map[key] = url
    key = yaml.safe_load((examples_dir / "expected.yaml").read_text(encoding="utf-8"))
    with contextlib.redirect_stdout(io.StringIO()) as report:
        got = scorer.score(scorer.Ledger(ledger, doc_map), key, verbose=False)
    below = {part: round(got[part], 2) for part, floor in FLOORS.items() if got[part] < floor}
    assert not below, f"below the floor: {below}\n{report.getvalue()}"
