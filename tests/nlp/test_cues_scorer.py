"""The learned attribution scorer (`cues.AttributionScorer`) and how the finder uses it."""

from __future__ import annotations

import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.tokens import Doc

from claimledger import nlp
from claimledger.nlp import cues
from claimledger.nlp.attribution import Attribution, is_protected, triage_context, triple_features


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


def _att(text: str, origin: str, source: str, cue: str, content: str, doc: Doc) -> Attribution:
    s, c, t = text.index(source), text.index(cue), text.index(content)
    tok = next(x for x in doc if x.idx == s)
    return Attribution(
        start=min(s, c, t),
        end=max(s + len(source), c + len(cue), t + len(content)),
        act="claim",
        direct=False,
        speaker=(s, s + len(source)),
        cue=[(c, c + len(cue))],
        content=[(t, t + len(content))],
        cue_lemma=doc[next(x.i for x in doc if x.idx == c)].lemma_.lower(),
        speaker_token=tok.i,
        origin=origin,
    )


def test_context_names_a_candidate_inside_a_kept_reading() -> None:
    # the scorer sees that a learned cue sits in the reported clause of a hand-listed reading
    # (mostly part of that speech for annotators), and the outer reading that it holds one
    text = "The mayor said the auditor disclosed that the budget was cut. The river rose."
    doc = nlp.parse(text)
    outer = _att(text, "rule", "The mayor", "said", "the auditor disclosed that the budget was cut", doc)
    inner = _att(text, "learned", "the auditor", "disclosed", "the budget was cut", doc)
    ctx = triage_context(doc, [outer, inner], [True, False])
    assert {"x_in=P", "x_sent=P", "x_same=P"} <= set(ctx[1])
    assert {"x_holds=learned", "x_sent=learned"} <= set(ctx[0])
    assert not any(f.startswith("x_in") for f in ctx[0])
    # and the features handed to the scorer carry it
    model = cues.load_model()
    feats = triple_features(doc, text, inner, cues.doc_quotes(doc), model, ctx[1])
    assert "x_in=P" in feats


def test_features_cross_the_cue_lemma_with_its_reading() -> None:
    text = "The auditor disclosed that the budget was cut."
    doc = nlp.parse(text)
    att = _att(text, "learned", "The auditor", "disclosed", "the budget was cut", doc)
    feats = set(triple_features(doc, text, att, cues.doc_quotes(doc), cues.load_model()))
    assert {"l_o=disclose|learned", "l_d=disclose|ind", "ord=SVC", "l_ord=disclose|SVC", "cshape=AUX|s"} & feats
    assert "l_o=disclose|learned" in feats and "ord=SVC" in feats and "cd=1" in feats


def test_hand_listed_readings_are_protected_and_the_rest_judged() -> None:
    learned = nlp.load("en").get_pipe("claimledger_attribution").learned
    text = "The auditor disclosed that the budget was cut."
    doc = nlp.parse(text)
    att = _att(text, "learned", "The auditor", "disclosed", "the budget was cut", doc)
    assert not is_protected(att, learned)
    att.origin = "according"
    assert is_protected(att, learned)


def test_training_labels_a_second_reading_of_a_matched_attribution_negative() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    bench_dir = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench_dir))
    try:
        spec = importlib.util.spec_from_file_location("bench_train_attribution", bench_dir / "train_attribution.py")
        assert spec and spec.loader
        train = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(train)
    finally:
        sys.path.remove(str(bench_dir))
    text = "The mayor said the budget was cut."
    toks = train.Tokens(text)

    def span(s: str) -> list[tuple[int, int]]:
        return [(text.index(s), text.index(s) + len(s))]

    gold = [train.Att(source=span("The mayor"), cue=span("said"), content=span("the budget was cut"))]
    second = train.Att(source=span("The mayor"), cue=span("cut"), content=span("the budget was cut"))
    assert train.matched(second, gold, toks) == {0}
    assert train.fit(second, gold, toks) > 0
    # once a hand-listed reading has matched it, a second candidate matching it is a false alarm
    assert train.fit(second, gold, toks, {0}) == 0
