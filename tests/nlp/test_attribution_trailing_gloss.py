"""A reported clause ends before the writer's gloss set off at its end (a non-restrictive
relative, a participle); a trailing participle of speech is the reporter's act."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp


def _atts(text: str) -> list[tuple[str, str, list[str]]]:
    doc = nlp.parse(text, "en")
    out = []
    for a in doc._.attributions:
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        out.append((speaker, " ".join(text[s:e] for s, e in a.cue), [text[s:e] for s, e in a.content]))
    return out


def test_nonrestrictive_relative_is_not_said() -> None:
    text = "Dana Kirrow said the council would approve the new bridge over the Welling River, which opened in 1952."
    (said,) = [a for a in _atts(text) if a[1] == "said"]
    assert said[2] == ["the council would approve the new bridge over the Welling River"]


def test_trailing_participle_belongs_to_the_reporter() -> None:
    text = "Senator Ilsa Marrow said the tax plan would hurt farmers, arguing that grain prices were already too low."
    atts = _atts(text)
    (said,) = [a for a in atts if a[1] == "said"]
    assert said[2] == ["the tax plan would hurt farmers"]
    (arguing,) = [a for a in atts if a[1] == "arguing"]
    assert arguing[0] == "Senator Ilsa Marrow"


def test_trailing_concession_is_the_writers_aside() -> None:
    text = (
        "Mayor Tobin Arle claimed that closing the old harbour was a wise decision, "
        "although he again refused to publish the engineers' report."
    )
    (claimed,) = [a for a in _atts(text) if a[1] == "claimed"]
    assert claimed[2] == ["closing the old harbour was a wise decision"]


def test_the_occasion_of_a_verdict_on_an_object_is_not_its_content() -> None:
    text = "The senator criticized the harbour tax as a costly mistake during a campaign stop in Dover."
    got = [[text[slice(*c)] for c in a.content] for a in nlp.parse(text, "en")._.attributions if a.cue]
    assert ["the harbour tax as a costly mistake"] in got, got
