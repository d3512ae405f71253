"""The learned cue scorer and the attributions it adds to the rules'."""

from __future__ import annotations

import json
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.nlp import cues


def _atts(text: str) -> list[tuple[str, str, str, str]]:
    doc = nlp.parse(text)
    out = []
    for a in doc._.attributions:
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        out.append((speaker, " ".join(text[s:e] for s, e in a.cue), a.act, " ".join(text[s:e] for s, e in a.content)))
    return out


def test_weights_ship_small_and_hold_no_text() -> None:
    assert cues.MODEL_PATH.is_file()
    assert cues.MODEL_PATH.stat().st_size < 2_000_000
    data = json.loads(cues.MODEL_PATH.read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1
    for name in data["weights"]:
        # lemmas, tags and labels: "l=say", "lc=say|ccomp", never a phrase of an article
        assert "=" in name or name in ("colon_after", "sent_first", "turn_quote"), name
        assert len(name.split()) <= 2 and len(name) < 80, name


def test_model_scores_a_speech_verb_above_an_ordinary_one() -> None:
    model = cues.load_model()
    assert model is not None
    doc = nlp.parse("The minister argued that the bridge was safe. The minister crossed the bridge.")
    quotes = cues.doc_quotes(doc)
    argued = next(t for t in doc if t.text == "argued")
    crossed = next(t for t in doc if t.text == "crossed")
    assert model.score(argued, quotes) > model.threshold > model.score(crossed, quotes)


def test_transcript_turn_is_an_attribution() -> None:
    text = (
        "WALLACE: Do you really see those two as equivalent, Governor?\n\n"
        "PENCE: Well, look, the senator apparently thinks this is an episode of a game show."
    )
    found = [a for a in _atts(text) if a[1] == ":"]
    said = "Well, look, the senator apparently thinks this is an episode of a game show"
    assert ("PENCE", ":", "claim", said) in found


def test_headline_label_is_not_a_speaker() -> None:
    text = "Correction: An earlier version of this article misstated the date of the vote.\n\nThe vote was on Monday."
    assert not [a for a in _atts(text) if a[1] == ":"]
    text = "The vote was on Monday.\n\nUPDATE: The council has since postponed the second reading of the bill."
    assert not [a for a in _atts(text) if a[1] == ":"]


def test_learned_verb_with_non_person_source() -> None:
    found = _atts("A new poll found that most voters oppose the plan.")
    assert ("A new poll", "found", "claim", "most voters oppose the plan") in found


def test_phrasal_request_takes_the_object_of_its_preposition() -> None:
    found = _atts("The senator called for an independent investigation into the contracts.")
    assert ("The senator", "called for", "appeal", "an independent investigation into the contracts") in found


def test_noun_object_of_a_learned_verb_is_no_claim() -> None:
    # "cited X": something named, not a proposition the ledger could check
    for _, cue, act, _ in _atts("Clinton cited derogatory comments the rival had made about the former winner."):
        if cue == "cited":
            assert act == "other"
