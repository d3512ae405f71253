"""The learned attribution scorer (`cues.AttributionScorer`) and how the finder uses it."""

from __future__ import annotations

import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.nlp import cues
from claimledger.nlp.attribution import Attribution, triple_features


def test_weights_ship_small_and_hold_no_text() -> None:
    assert cues.TRIAGE_PATH.is_file()
    assert cues.TRIAGE_PATH.stat().st_size < 2_000_000
    data = json.loads(cues.TRIAGE_PATH.read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1 and 0 <= data["rule_threshold"] < 1 and 0 < data["candidate"] < 1
    for name in data["weights"]:
        # flags, lemmas, tags and labels ("o=learned", "c:l=say", "l_cr=cite|dobj"), never a phrase
        assert len(name.split()) <= 2 and len(name) < 80, name


def test_scorer_prefers_a_reported_clause_by_a_named_source() -> None:
    scorer = cues.load_scorer()
    assert scorer is not None
    model = cues.load_model()
    text = "Senator Jane Roe argued that the bridge was unsafe. The trucks crossed the old bridge quickly."
    doc = nlp.parse(text)
    index = cues.doc_quotes(doc)
    good = next(a for a in doc._.attributions if text[a.cue[0][0] : a.cue[0][1]] == "argued")
    crossed = next(t for t in doc if t.text == "crossed")
    bad = Attribution(
        start=doc[crossed.i - 2].idx,
        end=len(text) - 1,
        act="other",
        direct=False,
        speaker=(doc[crossed.i - 2].idx, crossed.idx - 1),
        cue=[(crossed.idx, crossed.idx + len(crossed))],
        content=[(crossed.idx + len(crossed) + 1, len(text) - 1)],
        cue_lemma="cross",
        speaker_token=crossed.i - 1,
        origin="learned",
    )
    p_good = scorer.score(triple_features(doc, text, good, index, model))
    p_bad = scorer.score(triple_features(doc, text, bad, index, model))
    assert p_good > scorer.threshold > p_bad


def test_hand_listed_cue_survives_the_scorer() -> None:
    # the ledger's own readings are never dropped by a model trained on one corpus's conventions
    text = "“The drones were made elsewhere,” said Major-General Safavi, the adviser."
    doc = nlp.parse(text)
    found = [a for a in doc._.attributions if a.cue_lemma == "say"]
    assert found and text[found[0].speaker[0] : found[0].speaker[1]].endswith("Safavi")


def test_passive_with_an_agent_names_the_agent_as_source() -> None:
    text = "The registration problem was first reported by The Washington Post on Friday."
    doc = nlp.parse(text)
    finder = nlp.load("en").get_pipe("claimledger_attribution")
    # the reading itself, before the scorer judges it: collect every candidate
    finder.collect = []
    try:
        finder(doc)
        got = [(text[a.speaker[0] : a.speaker[1]], text[a.content[0][0] : a.content[0][1]]) for a, _ in finder.collect]
    finally:
        finder.collect = None
    assert ("The Washington Post", "The registration problem") in got
