"""'According to X' relays what X said: kept as X's statement unless it only names the channel
of another speech verb."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp


def _found(text: str) -> list[tuple[str, str, str]]:
    doc = nlp.parse(text, "en")
    out = []
    for a in doc._.attributions:
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        out.append((speaker, " ".join(text[s:e] for s, e in a.cue).lower(), " ".join(text[s:e] for s, e in a.content)))
    return out


def test_according_to_over_a_verb_that_reports_no_speech_is_kept() -> None:
    text = "The governor plans to visit Kestgrad on Sunday, according to a campaign aide."
    found = [f for f in _found(text) if f[1] == "according to"]
    assert found, _found(text)
    assert found[0][0] == "a campaign aide"
    assert found[0][2].startswith("The governor plans to visit Kestgrad")


def test_according_to_over_a_speech_verb_is_its_channel() -> None:
    text = "The plant will close in May, the spokesman said on Monday, according to the Valdor Herald."
    found = _found(text)
    assert not [f for f in found if f[1] == "according to"], found
    assert any(f[0] == "the spokesman" and f[1] == "said" for f in found), found


def test_a_poll_in_a_fronted_in_phrase_reports_its_clause() -> None:
    text = "But in the latest survey of the county, the mayor leads her rival by six points among likely voters."
    doc = nlp.parse(text, "en")
    got = [
        (text[slice(*a.speaker)], [text[slice(*c)] for c in a.content]) for a in doc._.attributions if a.speaker
    ]
    want = ("the latest survey of the county", ["the mayor leads her rival by six points among likely voters"])
    assert want in got, got
    # a place or a time in the same position cites nothing
    assert nlp.parse("In the county, the mayor leads her rival by six points.", "en")._.attributions == []
