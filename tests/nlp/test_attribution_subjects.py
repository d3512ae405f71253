"""Attribution subjects and contents: gerund cues after a preposition, wh-clauses and
coordinated infinitives that continue the reported content."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.nlp.attribution import Attribution


def _atts(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of every attribution found in `text`."""
    doc = nlp.parse(text, "en")
    out = []
    for a in doc._.attributions:
        assert isinstance(a, Attribution)
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        cue = " ".join(text[s:e] for s, e in a.cue)
        content = " ".join(text[s:e] for s, e in a.content)
        out.append((speaker, cue, content))
    return out


def test_gerund_after_preposition_speaks_for_the_main_subject() -> None:
    text = "The harbour master appeared on local radio on Monday and began by saying he would never close the port."
    found = [a for a in _atts(text) if "saying" in a[1]]
    assert found, _atts(text)
    speaker, _, content = found[0]
    assert speaker == "The harbour master"
    assert content.startswith("he would never close the port")


def test_gerund_after_preposition_with_expletive_subject_is_not_attributed() -> None:
    text = "It helps, after saying the ferry was late, to give the passengers a reason."
    assert not [a for a in _atts(text) if a[0].lower() == "it"], _atts(text)


def test_wh_clause_after_say_is_the_content() -> None:
    text = "The council members have not said when they would vote on the new bridge."
    found = [a for a in _atts(text) if "said" in a[1]]
    assert found, _atts(text)
    assert found[0][0] == "The council members"
    assert found[0][2].startswith("when they would vote on the new bridge")


def test_temporal_when_after_other_verb_is_not_content() -> None:
    text = "The figures show a clear trend when looking at how the ferry fares rose in the spring."
    assert not [a for a in _atts(text) if a[2].startswith("when")], _atts(text)


def test_coordinated_infinitives_continue_the_content() -> None:
    text = "She wants to rebuild the old pier, widen the harbour road and open a new ferry terminal."
    found = [a for a in _atts(text) if a[1] == "wants"]
    assert found, _atts(text)
    assert found[0][2] == "to rebuild the old pier, widen the harbour road and open a new ferry terminal"
