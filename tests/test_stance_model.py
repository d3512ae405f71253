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


def test_ngrams_mark_the_words_a_text_adds_to_the_claim() -> None:
    grams = sm.ngrams("Meteorite story is a hoax", "A meteorite hit Nicaragua")
    assert "+hoax" in grams and "+story" in grams
    assert "+meteorite" not in grams  # the claim's own word is not new
    assert "meteorite story" in grams  # plain n-grams stay
    assert not any(g.startswith("+") for g in sm.ngrams("Meteorite story is a hoax"))


def test_short_cues_read_what_the_headline_adds() -> None:
    names = sm.short_cues_names()
    assert len(names) == sm.N_SHORT_CUES
    claim = "A meteorite hit a village in Nicaragua"

    def cue(text: str) -> dict[str, float]:
        vals = sm.short_cues(claim, text)
        assert len(vals) == sm.N_SHORT_CUES
        return dict(zip(names, vals, strict=True))

    hoax = cue("Nicaragua meteorite was a hoax, scientists say")
    assert hoax["new_refute"] == 1.0 and hoax["new_saying"] == 1.0 and hoax["question"] == 0.0
    plain = cue("Meteorite hit a village in Nicaragua")
    assert plain["new_refute"] == 0.0 and plain["new_saying"] == 0.0 and plain["new_share"] == 0.0
    assert cue("Did a meteorite really hit Nicaragua?")["question"] == 1.0
    assert cue("Reportedly, a meteorite hit Nicaragua")["attr_first"] == 1.0
    assert cue("No meteorite hit Nicaragua")["neg_mismatch"] == 1.0
    # a word the claim itself has is not new
    assert sm.short_cues("Hoax: meteorite hit Nicaragua", "Meteorite hoax in Nicaragua")[0] == 0.0


def test_linear_model_mixes_trees_as_exported() -> None:
    pytest.importorskip("sklearn")
    from sklearn.ensemble import HistGradientBoostingClassifier

    ts = _train_stance()
    rng = np.random.default_rng(1)
    n_cls = 3
    width = sm.N_HAND + sm.N_SHORT_CUES
    xt = rng.normal(size=(300, width))
    yt = (xt[:, 0] > 0).astype(int) + (xt[:, 1] > 1).astype(int)
    clf = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(xt, yt)
    classes = ["agree", "disagree", "discuss"]
    spec = {
        "kind": "linear", "classes": classes, "novel": True, "vocab": ["+hoax", "hoax"],
        "w_vocab": [[0.0, 2.0, 0.0], [0.0, 1.0, 0.0]],
        "w_emb": np.zeros((sm.N_EMB, n_cls)).tolist(), "w_hand": np.zeros((sm.N_HAND, n_cls)).tolist(),
        "w_cues": np.zeros((sm.N_SHORT_CUES, n_cls)).tolist(), "hand_scale": np.ones(sm.N_HAND).tolist(),
        "emb_weight": 1.0, "intercept": [0.0, 0.0, 0.0], "mix": 0.4,
        "trees": ts.export(clf, classes, [0.0] * n_cls), "bias": [0.0] * n_cls,
    }
    model = sm.StanceModel(spec, {"": 1.0})
    x = rng.normal(size=(2, sm.N_HAND + 2 * sm.N_EMB))
    claims, texts = ["Meteorite hit Nicaragua", "Hoax meteorite hit Nicaragua"], ["It is a hoax", "It is a hoax"]
    p = model.proba(x, texts, claims)
    cues = np.asarray([sm.short_cues(c, t) for c, t in zip(claims, texts, strict=True)])
    p_tree = clf.predict_proba(np.hstack([x[:, : sm.N_HAND], cues]))
    # "+hoax" fires only where the claim lacks "hoax": logits (0, 3, 0) and (0, 1, 0)
    p_lin = np.exp([[0.0, 3.0, 0.0], [0.0, 1.0, 0.0]])
    p_lin /= p_lin.sum(1, keepdims=True)
    assert np.allclose(p, ts.mix(p_lin, p_tree, 0.4), atol=1e-5)
    assert np.allclose(p.sum(1), 1.0)
    with pytest.raises(ValueError):
        model.proba(x, texts)  # the cues need the claims


def test_shipped_short_model_is_the_mixed_one() -> None:
    model = _shipped()
    assert model.linear is not None and model.linear.novel
    assert model.linear.w_cues.shape == (sm.N_SHORT_CUES, 3)
    assert model.linear.trees is not None and 0.0 < model.linear.mix < 1.0


def test_exported_linear_model_matches_scikit_learn() -> None:
    """The short model's numpy inference (n-grams, embedding, hand features, scaled cues, the
    novel-text embedding) reproduces the fitted LogisticRegression on the same design matrix."""
    pytest.importorskip("sklearn")
    ts = _train_stance()
    rng = np.random.default_rng(2)
    claims = ["A meteorite hit Nicaragua", "Apple will sell 15 million watches", "Castro has died"] * 20
    heads = ["Meteorite hoax, scientists say", "Apple reportedly to sell 15M watches?", "Castro is dead",
             "NYT: Castro may have died", "Did a meteorite hit Nicaragua?", "Apple denies watch report"] * 10
    y = [ts.SHORT_CLASSES[i % 3] for i in range(len(heads))]
    raw = rng.normal(size=(len(heads), sm.N_HAND + 2 * sm.N_EMB))
    novel = rng.normal(size=(len(heads), sm.N_EMB))
    grams = ts.short_grams(claims, heads)
    vocab_list = sorted({g for gs in grams for g in gs})
    vocab = {g: i for i, g in enumerate(vocab_list)}
    cues = ts.short_cue_matrix(claims, heads)
    scale = np.abs(raw[:, : sm.N_HAND]).max(0) + 1e-6
    cue_scale = np.maximum(np.abs(cues).max(0), 1.0)
    x = ts.short_design(raw, grams, cues, vocab, scale, 0.5, cue_scale, novel, 2.0)
    clf = ts.fit_linear(x, y, 1.0)
    spec = ts.export_linear(clf, vocab_list, scale, cue_scale, 0.5, 2.0, 0.0, None, [0.0] * 3)
    model = sm.StanceModel(spec, {"": 1.0})
    p = model.proba(raw, heads, claims, novel_emb=novel)
    assert np.allclose(p, clf.predict_proba(x), atol=1e-3)
    # without precomputed embeddings the novel texts go through `embed`
    seen: list[str] = []

    def embed(texts):  # type: ignore[no-untyped-def]
        seen.extend(texts)
        return novel[: len(texts)]

    model.proba(raw[:2], heads[:2], claims[:2], embed=embed)
    assert seen == [sm.novel_text(c, t) for c, t in zip(claims[:2], heads[:2], strict=True)]
    assert sm.novel_text("Castro has died", "Castro has died") == "."
