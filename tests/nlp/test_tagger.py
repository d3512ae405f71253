"""The cue-conditioned role tagger (`nlp/_tagger.py`) and the attributions it reads."""

from __future__ import annotations

import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

from claimledger import nlp
from claimledger.nlp import _tagger, cues
from claimledger.nlp.attribution import Attribution

O, BS, IS, BC, IC, CUE = range(6)


def _toy(weights: dict[str, list[float]]) -> _tagger.RoleTagger:
    index = {f: k for k, f in enumerate(weights)}
    return _tagger.RoleTagger(index, np.array(list(weights.values())), np.zeros((6, 6)), {})


def test_spans_reads_runs_of_each_role() -> None:
    labels = [BS, IS, CUE, BC, IC, IC, O, BC, IC]
    assert _tagger.spans(labels, 10) == {"S": [(10, 12)], "C": [(13, 16), (17, 19)]}
    # a B- right after a run of the same role starts a new run
    assert _tagger.spans([BC, BC, IC], 0) == {"S": [], "C": [(0, 1), (1, 3)]}


def test_decode_follows_the_feature_weights() -> None:
    tagger = _toy({"src": [0, 5, 0, 0, 0, 0], "cue": [0, 0, 0, 0, 0, 5], "said": [0, 0, 0, 5, 0, 0]})
    xseq = [["src"], ["cue"], ["said"], ["unknown"]]
    assert tagger.decode(xseq) == [BS, CUE, BC, O]
    em = tagger.emissions(xseq)
    assert em.shape == (4, 6) and em[3].sum() == 0


def test_confidence_is_the_mass_of_readings_with_content() -> None:
    tagger = _toy({"c": [0, 0, 0, 8, 8, 0], "o": [8, 0, 0, 0, 0, 0], "h": [0, 0, 0, 0, 0, 8]})
    p_content, p_cue = tagger.confidence(tagger.emissions([["h"], ["c"], ["c"]]), head=0)
    assert p_content > 0.99 and p_cue > 0.99
    p_content, _ = tagger.confidence(tagger.emissions([["h"], ["o"], ["o"]]), head=0)
    assert p_content < 0.01


def test_shipped_weights_are_small_and_hold_no_text() -> None:
    assert _tagger.MODEL_PATH.is_file()
    assert _tagger.MODEL_PATH.stat().st_size < 5_000_000
    data = json.loads(_tagger.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["labels"]) == _tagger.LABELS
    assert len(data["trans"]) == len(_tagger.LABELS)
    for name in data["state"]:
        # lemmas, tags, labels and positions ("l=say", "lv=say|ccomp"), never a phrase
        bare = name.removeprefix("h:")  # the cue head carries the cue scorer's own features
        flags = ("HEAD", "CUEPART", "title", "space", "inq", "s0", "s1", "ncue", "unrel")
        assert "=" in bare or bare in (*flags, "colon_after", "sent_first", "turn_quote"), name
        assert not any(ch.isspace() for ch in name) and len(name) < 80, name
    tagger = _tagger.load_tagger()
    assert tagger is not None and 0 < tagger.candidate < 1


def test_window_grows_over_a_sentence_break_inside_a_quotation() -> None:
    doc = nlp.parse('The senator spoke. "We will win. We will win big," she said. Then she left.')
    quotes = cues.doc_quotes(doc)
    said = next(t for t in doc if t.text == "said")
    lo, hi = _tagger.window(doc, said, quotes)
    covered = doc[lo:hi].text
    assert "We will win." in covered and "she said" in covered
    assert "Then she left" not in covered and "The senator spoke" not in covered


def test_role_features_carry_the_rules_reading() -> None:
    text = "The minister said the bridge was safe."
    doc = nlp.parse(text)
    said = next(t for t in doc if t.text == "said")
    reading = Attribution(
        start=0, end=len(text) - 1, act="claim", direct=False, speaker=(0, 12), content=[(18, len(text) - 1)]
    )
    reading.origin = "rule"
    df = _tagger.DocFeatures(doc, cues.doc_quotes(doc))
    feats = _tagger.role_features(df, said, {said.i}, 0, len(doc), 0.9, reading)
    by_text = dict(zip([t.text for t in doc], feats, strict=True))
    assert "r=S" in by_text["minister"] and "r=C0" in by_text["the"]
    assert "r=C1" in by_text["safe"] and "r=O" in by_text["."]
    assert "HEAD" in by_text["said"] and "ro=rule|i" in by_text["said"]
    assert "via=ccomp" in by_text["bridge"]


def test_hand_listed_cue_keeps_its_reading() -> None:
    text = "The minister said the bridge was safe."
    doc = nlp.parse(text)
    atts = [a for a in doc._.attributions if a.speaker is not None]
    assert [(text[slice(*a.speaker)], [text[slice(*c)] for c in a.content], a.origin) for a in atts] == [
        ("The minister", ["the bridge was safe"], "rule")
    ]


def test_tagger_adds_an_attribution_the_rules_cannot_read() -> None:
    text = "The mayor has not mentioned the harbour since the Monday debate."
    finder = nlp.load("en").get_pipe("claimledger_attribution")
    assert finder.tagger is not None and finder.scorer is not None
    # the learned cue's own reading of this verb is the scorer's to judge (today it keeps it);
    # with the scorer rejecting every judged reading, the tagger is what reads the sentence
    scorer = finder.scorer
    finder.scorer = cues.AttributionScorer(scorer.weights, scorer.bias, 1.1, 1.1, scorer.candidate, scorer.variants)
    try:
        doc = finder(nlp.parse(text))
        got = [
            (text[slice(*a.speaker)], [text[slice(*c)] for c in a.cue], text[slice(*a.content[0])])
            for a in doc._.attributions
            if a.origin == "tagger" and a.speaker is not None
        ]
        assert len(got) == 1
        speaker, cue, content = got[0]
        assert (speaker, cue) == ("The mayor", ["mentioned"]) and content.startswith("the harbour")
        # the rules alone find nothing here: the tagger's reading is the only one
        tagger, finder.tagger = finder.tagger, None
        try:
            assert finder(nlp.parse(text))._.attributions == []
        finally:
            finder.tagger = tagger
    finally:
        finder.scorer = scorer
