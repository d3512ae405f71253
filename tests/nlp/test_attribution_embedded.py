"""Readings of attributions inside another attribution's reported clause, and of clause-taking
verbs found with a plain object."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp


def _cues(text: str) -> list[tuple[str, str, list[str]]]:
    doc = nlp.parse(text, "en")
    out = []
    for a in doc._.attributions:
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        out.append((speaker, " ".join(text[s:e] for s, e in a.cue), [text[s:e] for s, e in a.content]))
    return out


def test_a_speakers_own_belief_inside_what_they_said_is_one_attribution() -> None:
    for text in (
        "The mayor said she thinks the new bridge will reopen in May.",
        "The harbour master told reporters that he believes the pier is unsafe.",
    ):
        got = _cues(text)
        assert [c for _, c, _ in got] in (["said"], ["told"]), got
        assert "the pier is unsafe" in got[0][2][0] or "reopen in May" in got[0][2][0]


def test_a_named_speaker_reported_inside_a_clause_keeps_its_attribution() -> None:
    got = _cues("The Coastal Herald reported that a spokesman for the port has told it that the pier is unsafe.")
    assert any(c == "told" and s.startswith("a spokesman") for s, c, _ in got), got


def test_a_clause_taking_verb_with_a_plain_object_is_offered_to_the_scorer() -> None:
    finder = nlp.load("en").get_pipe("claimledger_attribution")
    tagger, finder.tagger = finder.tagger, None  # the rules and the learned cues alone
    try:
        text = "The Herald published the tax returns of the candidate on Saturday."
        got = [
            (text[slice(*a.speaker)], text[slice(*a.content[0])])
            for a in finder(nlp.parse(text))._.attributions
            if a.speaker is not None
        ]
        assert got and got[0][0] == "The Herald" and got[0][1].startswith("the tax returns of the candidate"), got
        # a verb of mind or desire with a plain object says nothing
        assert finder(nlp.parse("The farmer wants a new tractor for the spring."))._.attributions == []
    finally:
        finder.tagger = tagger


def test_a_first_person_inside_a_transcript_turn_is_the_turns_speaker() -> None:
    text = "MAYOR JONES: Well, the harbour is safe. I think the pier will reopen in May and I want the ferry back."
    got = _cues(text)
    assert [(s, c) for s, c, _ in got] == [("MAYOR JONES", ":")], got
