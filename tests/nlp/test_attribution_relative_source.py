"""A relative clause's speech verb: the source is the relative pronoun, the speaker its antecedent."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp


def _read(text: str) -> list[tuple[str, str, str]]:
    doc = nlp.parse(text)
    return [
        (text[slice(*a.speaker)], text[slice(*a.source)] if a.source else "", text[slice(*a.content[0])])
        for a in doc._.attributions
        if a.speaker is not None
    ]


def test_relative_pronoun_is_the_source_and_the_antecedent_the_speaker() -> None:
    assert _read("Reporters spoke to the mayor, who said the bridge was safe.") == [
        ("the mayor", "who", "the bridge was safe")
    ]


def test_plain_subject_keeps_its_whole_phrase_as_source() -> None:
    got = _read("Jane Roe, an economist at the bank, said the tax would simplify returns.")
    assert [(s, src) for s, src, _ in got] == [("Jane Roe", "Jane Roe, an economist at the bank")]


def test_a_participle_set_off_after_the_name_is_not_part_of_the_source() -> None:
    text = "The mayor, speaking to reporters at the harbour on Monday, said the pier would reopen in May."
    (a,) = [a for a in nlp.parse(text, "en")._.attributions if a.cue]
    assert text[slice(*(a.source or a.speaker))] == "The mayor"
