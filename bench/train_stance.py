"""Train the stance models and write `src/claimledger/data/stance_model.json`.

    .venv/bin/python bench/train_stance.py [--out FILE] [--only fnc|short]       (or: make model)

Reads FNC-1 and Emergent from ../shared/datasets (never copied into the repository) and needs
scikit-learn (the `bench` extra); the runtime reads only the JSON. Two models, one feature
function (`claimledger._stance_model.features`):

- `fnc`: headline vs body, agree / disagree / discuss / unrelated, trained on the FNC-1 bodies
  outside the official baseline's hold-out (the hold-out is `bench/stance.py`'s dev set);
- `short`: claim vs one short text, agree / disagree / discuss, trained on the Emergent claims
  outside the dev claimIds (`emergent_split`), claim headline vs article headline.

`fnc` is a HistGradientBoostingClassifier with balanced class weights; its per-class decision
offsets (added to the log-probabilities; this is where the rare `disagree` class is pushed) are
chosen on 20% of the training bodies, then the model is refitted on all its training data.

`short` is a logistic regression (balanced class weights) over the article headline's n-grams,
the words it adds to the claim ("+hoax"), its embedding, the hand features, the claim-headline
cues (`_stance_model.short_cues`) and the embedding of the words it adds (`_stance_model.novel_text`),
mixed with small gradient-boosted trees over the hand features and cues. C, the two embeddings'
weights and the trees' share are chosen by 5-fold cross-validation
over training claims, repeated with three shuffles; offsets are kept only where offsets tuned on
four folds improve the fifth. Emergent's dev claims are never seen.

`--only short` (or `fnc`) retrains one model and keeps the other from --out, for quick work;
`make model` retrains both. Deterministic (the same bytes from run to run):
fixed seeds, single-threaded embeddings; embeddings are cached under /tmp.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "datasets"
FNC = DATA / "fnc1"
EMERGENT = DATA / "emergent" / "emergent_train.csv"
OUT = REPO / "src" / "claimledger" / "data" / "stance_model.json"
CACHE = Path(os.environ.get("CLAIMLEDGER_STANCE_CACHE", "/tmp/claimledger_stance_cache"))

sys.path.insert(0, str(REPO / "src"))
from claimledger import _stance_model as sm  # noqa: E402

SEED = 14
FNC_CLASSES = ["agree", "disagree", "discuss", "unrelated"]
SHORT_CLASSES = ["agree", "disagree", "discuss"]
EMERGENT_LABEL = {"for": "agree", "against": "disagree", "observing": "discuss"}
EMERGENT_DEV_SHARE = 0.2
PARAMS = {"max_iter": 200, "learning_rate": 0.1, "max_leaf_nodes": 31, "min_samples_leaf": 20,
          "l2_regularization": 1.0}
csv.field_size_limit(10**8)


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------


def have_data() -> bool:
    return (FNC / "train_stances.csv").exists() and EMERGENT.exists()


def load_fnc() -> tuple[dict[int, str], list[tuple[str, int, str]], set[int]]:
    """(bodies by id, (headline, body id, label) pairs, dev body ids)."""
    with open(FNC / "train_bodies.csv", encoding="utf-8") as fh:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    with open(FNC / "train_stances.csv", encoding="utf-8") as fh:
        pairs = [(r["Headline"], int(r["Body ID"]), r["Stance"]) for r in csv.DictReader(fh)]
    dev = {int(x) for x in (FNC / "baseline_split_hold_out_body_ids.txt").read_text().split()}
    return bodies, pairs, dev


def load_emergent() -> list[dict[str, str]]:
    with open(EMERGENT, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def emergent_split(rows: Sequence[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(train, dev): a fixed 20% of the claimIds is dev, so no claim is in both."""
    claims = sorted({r["claimId"] for r in rows})
    random.Random(SEED).shuffle(claims)
    dev = set(claims[: round(len(claims) * EMERGENT_DEV_SHARE)])
    return [r for r in rows if r["claimId"] not in dev], [r for r in rows if r["claimId"] in dev]


def split_ids(ids: Sequence[int] | Sequence[str], share: float, seed: int = SEED) -> set:  # type: ignore[type-arg]
    items = sorted(set(ids))
    random.Random(seed).shuffle(items)
    return set(items[: round(len(items) * share)])


# ---------------------------------------------------------------------------------------
# Embeddings, cached by text hash
# ---------------------------------------------------------------------------------------


class EmbedCache:
    def __init__(self, name: str) -> None:
        CACHE.mkdir(parents=True, exist_ok=True)
        self.path = CACHE / f"{name}.npz"
        self.keys: dict[str, int] = {}
        self.vecs: list[np.ndarray] = []
        if self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            self.keys = {k: i for i, k in enumerate(data["keys"].tolist())}
            self.vecs = list(data["vecs"])
        self.dirty = False

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if self.key(t) not in self.keys))
        for i in range(0, len(missing), 256):
            chunk = missing[i : i + 256]
            for t, v in zip(chunk, sm.embed(chunk), strict=True):
                self.keys[self.key(t)] = len(self.vecs)
                self.vecs.append(v)
            self.dirty = True
        if not texts:
            return np.zeros((0, sm.N_EMB), dtype=np.float32)
        return np.stack([self.vecs[self.keys[self.key(t)]] for t in texts])

    def save(self) -> None:
        if self.dirty:
            keys = sorted(self.keys, key=self.keys.__getitem__)
            np.savez(self.path, keys=np.asarray(keys), vecs=np.stack(self.vecs))
            self.dirty = False


def build_idf(texts: Sequence[str]) -> dict[str, float]:
    """Smoothed IDF of content words seen in at least two texts; "" holds the unseen-word value.
    Sorted by word, so that the written file does not depend on the interpreter's string hashing."""
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(sm.content_words(sm.tokens(t))))
    n = len(texts)
    idf = {w: round(math.log((n + 1) / (c + 1)) + 1.0, 3) for w, c in sorted(df.items()) if c >= 2}
    idf[""] = round(math.log(n + 1) + 1.0, 3)
    return idf


def fnc_features(pairs: Sequence[tuple[str, int, str]], bodies: dict[int, str], idf: dict[str, float],
                 cache: EmbedCache) -> np.ndarray:
    sents = {b: sm.sentences(bodies[b]) for b in {p[1] for p in pairs}}
    body_emb = {b: cache(s) for b, s in sents.items()}
    heads = sorted({p[0] for p in pairs})
    head_emb = dict(zip(heads, cache(heads), strict=True))
    cache.save()
    return np.stack([sm.features(h, bodies[b], cache, idf, sents[b], body_emb[b], head_emb[h]) for h, b, _ in pairs])


def short_features(rows: Sequence[dict[str, str]], idf: dict[str, float], cache: EmbedCache) -> np.ndarray:
    texts = sorted({r["claimHeadline"] for r in rows} | {r["articleHeadline"] for r in rows})
    emb = dict(zip(texts, cache(texts), strict=True))
    cache.save()
    return np.stack([
        sm.features(r["claimHeadline"], r["articleHeadline"], cache, idf, [r["articleHeadline"]],
                    emb[r["articleHeadline"]][None, :], emb[r["claimHeadline"]])
        for r in rows
    ])


# ---------------------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------------------


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> float:
    """The official FNC-1 score as a fraction of the best possible."""
    def one(g: str, p: str) -> float:
        s = 0.0
        if g == p:
            s += 0.25
            if g != "unrelated":
                s += 0.5
        if g != "unrelated" and p != "unrelated":
            s += 0.25
        return s

    best = sum(one(g, g) for g in gold)
    return sum(one(g, p) for g, p in zip(gold, pred, strict=True)) / best


def f1s(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> dict[str, float]:
    out = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        out[c] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> float:
    return float(np.mean(list(f1s(gold, pred, classes).values())))


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)


# ---------------------------------------------------------------------------------------
# Training and export
# ---------------------------------------------------------------------------------------


N_PCA = 32


def fit_projection(x: np.ndarray, step: int = 1) -> dict[str, dict[str, list[list[float]] | list[float]]]:
    """PCA (N_PCA directions) of the claim, top-sentence and product embeddings of training rows."""
    h, e = sm.N_HAND, sm.N_EMB
    claim, top = x[::step, h : h + e], x[::step, h + e : h + 2 * e]
    out = {}
    for name, m in (("claim", claim), ("top", top), ("prod", claim * top)):
        mean = m.mean(0)
        _, _, vt = np.linalg.svd(m - mean, full_matrices=False)
        out[name] = {"mean": [round(float(v), 6) for v in mean],
                     "w": np.round(vt[:N_PCA].T.astype(np.float64), 6).tolist()}
    return out


def fit(x: np.ndarray, y: Sequence[str], classes: Sequence[str], params: dict[str, float]):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(class_weight="balanced", random_state=SEED, early_stopping=False,
                                         **params)  # type: ignore[arg-type]
    clf.fit(x, np.asarray([classes.index(c) for c in y]))
    return clf


def export(clf, classes: Sequence[str], bias: Sequence[float], proj: dict | None = None) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """The fitted trees as JSON-able parallel arrays, per class (see `_stance_model.Trees`)."""
    per_class: list[list[dict[str, list]]] = [[] for _ in classes]  # type: ignore[type-arg]
    depth = 0
    for it in clf._predictors:
        for k, tree in enumerate(it):
            n = tree.nodes
            depth = max(depth, int(n["depth"].max()))
            per_class[k].append({
                "f": n["feature_idx"].astype(int).tolist(),
                "t": [float(v) if math.isfinite(v) else 1e300 for v in n["num_threshold"].tolist()],
                "l": n["left"].astype(int).tolist(),
                "r": n["right"].astype(int).tolist(),
                "leaf": n["is_leaf"].astype(bool).tolist(),
                "v": [round(float(v), 6) for v in n["value"].tolist()],
                "nl": n["missing_go_to_left"].astype(bool).tolist(),
            })
    return {"classes": list(classes), "baseline": clf._baseline_prediction.ravel().tolist(), "trees": per_class,
            "depth": depth + 1, "bias": [round(b, 3) for b in bias], "proj": proj}


def decide(p: np.ndarray, bias: Sequence[float]) -> np.ndarray:
    return np.argmax(np.log(np.clip(p, 1e-12, 1.0)) + np.asarray(bias), axis=1)


def tune_bias(p: np.ndarray, gold: Sequence[str], classes: Sequence[str], objective) -> list[float]:  # type: ignore[no-untyped-def]
    """Per-class log-probability offsets maximising `objective(gold, pred)` on held-out probabilities."""
    grid = [round(v, 2) for v in np.arange(-1.5, 2.01, 0.25)]
    bias = [0.0] * len(classes)
    best = objective(gold, [classes[i] for i in decide(p, bias)])
    for _ in range(2):  # coordinate ascent, twice round
        for k in range(1, len(classes)):  # the first class is the reference
            for v in grid:
                trial = list(bias)
                trial[k] = v
                score = objective(gold, [classes[i] for i in decide(p, trial)])
                if score > best + 1e-9:
                    best, bias = score, trial
    return bias


def fnc_objective(gold: Sequence[str], pred: Sequence[str]) -> float:
    return fnc_score(gold, pred) + macro_f1(gold, pred, FNC_CLASSES)


def short_objective(gold: Sequence[str], pred: Sequence[str]) -> float:
    return accuracy(gold, pred) + macro_f1(gold, pred, SHORT_CLASSES)


def train_fnc(idf: dict[str, float], cache: EmbedCache, log: bool = True) -> dict:  # type: ignore[type-arg]
    bodies, pairs, dev = load_fnc()
    train = [p for p in pairs if p[1] not in dev]
    inner = split_ids([p[1] for p in train], 0.2)
    raw = fnc_features(train, bodies, idf, cache)
    proj = fit_projection(raw, step=5)
    x = sm.project(raw, proj)
    y = [p[2] for p in train]
    fit_mask = np.asarray([p[1] not in inner for p in train])
    t0 = time.time()
    clf = fit(x[fit_mask], [c for c, m in zip(y, fit_mask, strict=True) if m], FNC_CLASSES, PARAMS)
    held = [c for c, m in zip(y, fit_mask, strict=True) if not m]
    bias = tune_bias(clf.predict_proba(x[~fit_mask]), held, FNC_CLASSES, fnc_objective)
    if log:
        pred = [FNC_CLASSES[i] for i in decide(clf.predict_proba(x[~fit_mask]), bias)]
        print(f"fnc inner split: bias {bias} score {fnc_score(held, pred):.4f} "
              f"disagree F1 {f1s(held, pred, FNC_CLASSES)['disagree']:.3f} ({time.time() - t0:.0f}s)", flush=True)
    clf = fit(x, y, FNC_CLASSES, PARAMS)
    return export(clf, FNC_CLASSES, bias, proj)


SHORT_C = (0.1, 0.3, 1.0)
SHORT_EMB_WEIGHT = (0.5, 1.0, 2.0)
SHORT_NOVEL_WEIGHT = (1.0, 2.0, 3.0)  # the weight of the embedding of what the text adds to the claim
SHORT_MIX = (0.0, 0.25, 0.35, 0.5)  # the trees' share of the short model's log-probabilities
SHORT_TREE_PARAMS = {"max_iter": 150, "learning_rate": 0.05, "max_leaf_nodes": 15, "min_samples_leaf": 20,
                     "l2_regularization": 1.0}
SHORT_CV_SEEDS = (14, 15, 16)  # 5-fold CV over training claims, repeated with three shuffles
MIN_DF = 2


def short_grams(claims: Sequence[str], texts: Sequence[str]) -> list[list[str]]:
    return [sm.ngrams(t, c) for c, t in zip(claims, texts, strict=True)]


def short_cue_matrix(claims: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    return np.asarray([sm.short_cues(c, t) for c, t in zip(claims, texts, strict=True)], dtype=np.float64)


def short_design(raw: np.ndarray, grams: Sequence[Sequence[str]], cues: np.ndarray, vocab: dict[str, int],
                 scale: np.ndarray, emb_weight: float, cue_scale: np.ndarray, novel: np.ndarray,
                 novel_weight: float):  # type: ignore[no-untyped-def]
    """The linear model's input matrix, laid out as `_stance_model.Linear` reads its weights:
    [n-grams, embedding, scaled hand features, scaled claim-text cues, novel-text embedding]."""
    from scipy.sparse import csr_matrix, hstack

    rows, cols = [], []
    for r, gs in enumerate(grams):
        for c in sorted({vocab[g] for g in gs if g in vocab}):
            rows.append(r)
            cols.append(c)
    bow = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(grams), len(vocab)))
    h, e = sm.N_HAND, sm.N_EMB
    dense = np.hstack([raw[:, h + e : h + 2 * e] * emb_weight, raw[:, :h] / scale, cues / cue_scale,
                       novel * novel_weight])
    return hstack([bow, csr_matrix(dense)]).tocsr()


def fit_linear(x, y: Sequence[str], c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    clf.fit(x, np.asarray([SHORT_CLASSES.index(v) for v in y]))
    return clf


def claim_folds(rows: Sequence[dict[str, str]], seed: int, k: int = 5) -> np.ndarray:
    claims = sorted({r["claimId"] for r in rows})
    random.Random(seed).shuffle(claims)
    fold_of = {cl: i % k for i, cl in enumerate(claims)}
    return np.asarray([fold_of[r["claimId"]] for r in rows])


def out_of_fold(fitter, x, y: Sequence[str], folds: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    oof = np.zeros((len(y), len(SHORT_CLASSES)))
    for f in sorted(set(folds.tolist())):
        m = folds != f
        oof[~m] = fitter(x[m], [v for v, k in zip(y, m, strict=True) if k]).predict_proba(x[~m])
    return oof


def mix(p_lin: np.ndarray, p_trees: np.ndarray, share: float) -> np.ndarray:
    """As `_stance_model.Linear.proba` mixes: a weighted sum of log-probabilities, renormalised."""
    z = (1 - share) * np.log(np.clip(p_lin, 1e-300, 1.0)) + share * np.log(np.clip(p_trees, 1e-9, 1.0))
    e = np.exp(z - z.max(1, keepdims=True))
    return e / e.sum(1, keepdims=True)


def labels(p: np.ndarray, bias: Sequence[float] | None = None) -> list[str]:
    return [SHORT_CLASSES[i] for i in decide(p, bias or [0.0] * len(SHORT_CLASSES))]


def novel_embeddings(claims: Sequence[str], texts: Sequence[str], cache: EmbedCache) -> np.ndarray:
    out = cache([sm.novel_text(c, t) for c, t in zip(claims, texts, strict=True)]).astype(np.float64)
    cache.save()
    return out


def train_short(idf: dict[str, float], cache: EmbedCache, log: bool = True) -> dict:  # type: ignore[type-arg]
    """Logistic regression mixed with small trees. C, the weights of the two embeddings and the
    trees' share are chosen by 5-fold CV over training claims (three shuffles, mean of accuracy + macro-F1);
    per-class offsets are kept only if offsets tuned on four folds' predictions help the fifth
    (then they are tuned on the out-of-fold predictions of all the repeats together)."""
    train = short_rows_train()
    raw = short_features(train, idf, cache)
    texts = [r["articleHeadline"] for r in train]
    claims_ = [r["claimHeadline"] for r in train]
    y = [EMERGENT_LABEL[r["articleHeadlineStance"]] for r in train]
    grams = short_grams(claims_, texts)
    cues = short_cue_matrix(claims_, texts)
    cue_scale = np.maximum(np.abs(cues).max(0), 1.0)  # the cue counts brought to the binary cues' scale
    novel = novel_embeddings(claims_, texts, cache)
    df: Counter[str] = Counter()
    for gs in grams:
        df.update(set(gs))
    vocab_list = sorted(g for g, n in df.items() if n >= MIN_DF)
    vocab = {g: i for i, g in enumerate(vocab_list)}
    scale = np.abs(raw[:, : sm.N_HAND]).max(0) + 1e-6
    fold_sets = [claim_folds(train, s) for s in SHORT_CV_SEEDS]

    def cv(oofs: Sequence[np.ndarray]) -> tuple[float, float, float]:
        """(mean objective, mean accuracy, mean macro-F1) over the CV repeats."""
        acc = [accuracy(y, labels(o)) for o in oofs]
        mf = [macro_f1(y, labels(o), SHORT_CLASSES) for o in oofs]
        return float(np.mean(acc) + np.mean(mf)), float(np.mean(acc)), float(np.mean(mf))

    best: tuple[float, float, float, float, list[np.ndarray]] | None = None
    for c in SHORT_C:
        for w in SHORT_EMB_WEIGHT:
            for nw in SHORT_NOVEL_WEIGHT:
                x = short_design(raw, grams, cues, vocab, scale, w, cue_scale, novel, nw)
                oofs = [out_of_fold(lambda a, b, c=c: fit_linear(a, b, c), x, y, fs) for fs in fold_sets]
                score, acc, mf = cv(oofs)
                if log:
                    print(f"short CV: C {c} embedding weight {w} novel weight {nw}: accuracy {acc:.4f} "
                          f"macro-F1 {mf:.4f}", flush=True)
                if best is None or score > best[0] + 1e-9:
                    best = (score, c, w, nw, oofs)
    assert best is not None
    _, c, w, nw, lin_oofs = best

    hand = np.hstack([raw[:, : sm.N_HAND].astype(np.float64), cues])
    tree_oofs = [out_of_fold(lambda a, b: fit(a, b, SHORT_CLASSES, SHORT_TREE_PARAMS), hand, y, fs)
                 for fs in fold_sets]
    best_mix: tuple[float, float, list[np.ndarray]] | None = None
    for share in SHORT_MIX:
        oofs = [mix(lo, to, share) for lo, to in zip(lin_oofs, tree_oofs, strict=True)]
        score, acc, mf = cv(oofs)
        if log:
            print(f"short CV: trees' share {share}: accuracy {acc:.4f} macro-F1 {mf:.4f}", flush=True)
        if best_mix is None or score > best_mix[0] + 1e-9:
            best_mix = (score, share, oofs)
    assert best_mix is not None
    score, share, oofs = best_mix

    # Offsets: tuned on four folds' out-of-fold predictions, scored on the fifth.
    nested = []
    for o, fs in zip(oofs, fold_sets, strict=True):
        pred = np.zeros(len(y), dtype=int)
        for f in range(5):
            m = fs != f
            b = tune_bias(o[m], [v for v, k in zip(y, m, strict=True) if k], SHORT_CLASSES, short_objective)
            pred[~m] = decide(o[~m], b)
        nested.append([SHORT_CLASSES[i] for i in pred])
    nested_score = float(np.mean([short_objective(y, pr) for pr in nested]))
    bias = [0.0] * 3
    if nested_score > score + 1e-9:  # offsets from all the repeats' predictions at once, the steadier choice
        bias = [float(b) for b in tune_bias(np.vstack(oofs), y * len(oofs), SHORT_CLASSES, short_objective)]
    if log:
        _, acc, mf = cv(oofs)
        print(f"short chosen: C {c}, embedding weight {w}, novel weight {nw}, trees' share {share}: "
              f"CV accuracy {acc:.4f} "
              f"macro-F1 {mf:.4f}; with offsets tuned inside the CV {nested_score:.4f} vs {score:.4f} without "
              f"-> bias {bias}", flush=True)

    clf = fit_linear(short_design(raw, grams, cues, vocab, scale, w, cue_scale, novel, nw), y, c)
    trees = export(fit(hand, y, SHORT_CLASSES, SHORT_TREE_PARAMS), SHORT_CLASSES, [0.0] * 3) if share else None
    return export_linear(clf, vocab_list, scale, cue_scale, w, nw, share, trees, bias)


def export_linear(clf, vocab_list: Sequence[str], scale: np.ndarray, cue_scale: np.ndarray, emb_weight: float,  # type: ignore[no-untyped-def]
                  novel_weight: float, share: float, trees: dict | None, bias: Sequence[float]) -> dict:  # type: ignore[type-arg]
    """The fitted logistic regression as `_stance_model.Linear` reads it, its coefficients cut
    along `short_design`'s layout."""
    coef = clf.coef_.T  # (features, classes)
    n_v, h, e, k = len(vocab_list), sm.N_HAND, sm.N_EMB, sm.N_SHORT_CUES
    return {
        "kind": "linear",
        "classes": SHORT_CLASSES,
        "novel": True,
        "vocab": list(vocab_list),
        "w_vocab": np.round(coef[:n_v], 5).tolist(),
        "w_emb": np.round(coef[n_v : n_v + e], 5).tolist(),
        "w_hand": np.round(coef[n_v + e : n_v + e + h], 5).tolist(),
        "w_cues": np.round(coef[n_v + e + h : n_v + e + h + k], 5).tolist(),
        "w_novel": np.round(coef[n_v + e + h + k :], 5).tolist(),
        "hand_scale": np.round(scale, 6).tolist(),
        "cue_scale": np.round(cue_scale, 6).tolist(),
        "emb_weight": emb_weight,
        "novel_weight": novel_weight,
        "intercept": np.round(clf.intercept_, 5).tolist(),
        "mix": share,
        "trees": trees,
        "bias": [round(float(b), 3) for b in bias],
    }


def short_rows_train() -> list[dict[str, str]]:
    train, _ = emergent_split(load_emergent())
    return train


def train_idf() -> dict[str, float]:
    bodies, _, dev = load_fnc()
    texts = [t for b, t in sorted(bodies.items()) if b not in dev]
    texts += sorted({r["articleHeadline"] for r in short_rows_train()})
    return build_idf(texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--only", choices=("fnc", "short"),
                    help="retrain this model only, keeping the other as it is in --out (default: both)")
    args = ap.parse_args(argv)
    if not have_data():
        print(f"datasets absent under {DATA}: nothing to train", file=sys.stderr)
        return 2
    cache = EmbedCache("use")
    idf = train_idf()
    if args.only:
        models = dict(json.loads(Path(args.out).read_text(encoding="utf-8"))["models"])
        models[args.only] = (train_fnc if args.only == "fnc" else train_short)(idf, cache)
        models = {"fnc": models["fnc"], "short": models["short"]}
    else:
        models = {"fnc": train_fnc(idf, cache), "short": train_short(idf, cache)}
    spec = {
        "note": "Trained by bench/train_stance.py on FNC-1 train (outside the baseline hold-out bodies) and "
                "Emergent (outside the dev claimIds); features from claimledger._stance_model.",
        "feature_names": sm.feature_names(),
        "idf": idf,
        "models": models,
    }
    Path(args.out).write_text(json.dumps(spec, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

