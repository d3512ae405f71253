"""The learned stance model: features, exported-tree inference, the shipped weights."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from claimledger import _stance_model as sm

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _train_stance():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("train_stance", BENCH / "train_stance.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_tokens_split_contractions_and_keep_questions() -> None:
    assert sm.tokens("It isn't true?") == ["it", "is", "n't", "true", "?"]
    assert sm.sentences("First one. Second one!\n\nThird") == ["First one.", "Second one!", "Third"]


def test_negation_next_to_claim_words_is_counted_apart() -> None:
    claim = {sm._stem(w) for w in sm.content_words(sm.tokens("Chile produces drones"))}
    near = sm._cues(sm.tokens("Chile does not produce drones"), "Chile does not produce drones", claim)
    far = sm._cues(sm.tokens("Not today, said the minister about the weather"), "x", claim)
    assert near[4] == 1.0 and far[4] == 0.0
    assert sm._cues(sm.tokens("The story is a hoax"), "The story is a hoax", set())[0] == 1.0


def test_features_have_the_named_width() -> None:
    def embed(texts):  # type: ignore[no-untyped-def]
        rng = np.random.default_rng(len(texts))
        v = rng.normal(size=(len(texts), sm.N_EMB)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    x = sm.features("Drones are produced in Chile", "Officials denied it. Drones are not made in Chile.", embed,
                    {"": 2.0})
    assert x.shape == (len(sm.feature_names()),)
    assert np.isfinite(x).all()


def test_exported_trees_match_scikit_learn() -> None:
    pytest.importorskip("sklearn")
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 6))
    y = (x[:, 0] + x[:, 1] > 0).astype(int) + (x[:, 2] > 1).astype(int)
    x[rng.random(x.shape) < 0.05] = np.nan  # missing values take the learned side
    clf = HistGradientBoostingClassifier(max_iter=30, random_state=0).fit(x, y)
    ts = _train_stance()
    trees = sm.Trees(ts.export(clf, ["a", "b", "c"], [0.0, 0.0, 0.0]))
    assert np.allclose(trees.proba(x), clf.predict_proba(x), atol=1e-5)


def _shipped() -> sm.StanceModel:
    model = sm.load("short")
    if model is None:
        pytest.skip("no shipped stance model (run `make model`)")
    return model


def test_shipped_short_model_reads_refutation_and_hedging() -> None:
    model = _shipped()
    claim = "A meteorite hit a village in Nicaragua"
    assert model.predict(claim, "Meteorite strikes Nicaraguan village, officials confirm")[0] == "agree"
    assert model.predict(claim, "Nicaragua meteorite story is a hoax, scientists say")[0] == "disagree"
    label, proba = model.predict(claim, "Did a meteorite really hit Nicaragua? Reports unconfirmed")
    assert label in ("discuss", "disagree")
    assert abs(sum(proba.values()) - 1.0) < 1e-6


def test_runtime_needs_neither_torch_nor_scikit_learn() -> None:
    _shipped()
    code = (
        "import sys; from claimledger import _stance_model as sm; "
        "sm.load('short').predict('Drones are made in Chile', 'Chile denies making drones'); "
        "print(any(m.split('.')[0] in ('torch', 'sklearn') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
