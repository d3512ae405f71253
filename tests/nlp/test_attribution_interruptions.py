"""Attributions that interrupt what they report, and quotations credited by a dash."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp


def _found(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(speaker, cue, content pieces, continuation pieces) of every attribution in `text`."""
    doc = nlp.parse(text, "en")
    out = []
    for a in doc._.attributions:
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        cue = " ".join(text[s:e] for s, e in a.cue)
        out.append((speaker, cue, [text[s:e] for s, e in a.content], [text[s:e] for s, e in a.continuation]))
    return out


def test_interposed_speaker_and_cue_report_the_clause_around_them() -> None:
    text = "The new reservoir, the water board said, would be full by the spring."
    found = [f for f in _found(text) if f[1] == "said"]
    assert len(found) == 1, _found(text)
    speaker, _, content, _ = found[0]
    assert speaker == "the water board"
    assert content == ["The new reservoir", "would be full by the spring"]


def test_interposed_cue_keeps_a_leading_condition() -> None:
    text = "If it fails, he said, we will leave."
    found = [f for f in _found(text) if f[1] == "said"]
    assert found and found[0][2] == ["If it fails", "we will leave"], _found(text)


def test_quotation_credited_with_a_dash_and_a_name() -> None:
    text = (
        "Readers sent us their views.\n\n"
        "\u201cThe bus service in our town has been cut twice this year.\u201d \u2015\u00a0Maria Lopez\u00a0\n"
        "\u201cNobody at the council answers our letters.\u201d \u2014 Tom Baker.\n"
    )
    found = {f[0]: f for f in _found(text)}
    assert found["Maria Lopez"][2] == ["The bus service in our town has been cut twice this year."]
    assert found["Tom Baker"][2] == ["Nobody at the council answers our letters."]


def test_dash_after_a_quotation_mid_paragraph_is_not_a_credit() -> None:
    # the dash is followed by more of the sentence, not a bare name ending the line
    text = "He called it \u201ca plan for the long term\u201d \u2014 Smith disagreed with that on Monday.\n"
    assert not [f for f in _found(text) if f[1] in ("\u2015", "\u2014")], _found(text)


def test_interruption_with_time_and_place_still_continues_the_quotation() -> None:
    text = (
        "\u201cWe will rebuild the bridge,\u201d the governor said on Monday in Albany. "
        "\u201cThe money is already in the budget for next year.\u201d\n"
    )
    found = [f for f in _found(text) if f[1] == "said"]
    assert len(found) == 1, _found(text)
    assert found[0][3] == ["The money is already in the budget for next year."]


def test_quotation_interrupted_by_its_credit_is_one_content_with_its_continuation() -> None:
    text = (
        "The mayor toured the site.\n\n"
        "“If the river rises again,” the mayor said, “the lower town will flood within hours.”"
    )
    found = [f for f in _found(text) if f[1] == "said"]
    assert len(found) == 1, _found(text)
    speaker, _, content, continuation = found[0]
    assert speaker == "the mayor"
    assert content == ["If the river rises again"]
    assert continuation == ["the lower town will flood within hours."]


def test_next_quotation_credited_to_someone_else_is_not_a_continuation() -> None:
    text = (
        "“We will build the bridge by spring,” Olsen said. "
        "“Who would have believed the money would come so fast?” Petra Lind said, smiling at the crowd."
    )
    found = _found(text)
    olsen = [f for f in found if f[0] == "Olsen"]
    assert olsen and olsen[0][3] == [], found
    assert any(f[0] == "Petra Lind" and f[2][0].startswith("Who would have believed") for f in found), found


def test_indirect_content_is_not_cut_inside_a_quotation_it_opened() -> None:
    text = 'Mayor Olsen called the harbour plan a "good deal in a year when so many towns are losing their ports."'
    found = [f for f in _found(text) if f[1] == "called"]
    assert found, _found(text)
    assert found[0][2][0].endswith("losing their ports."), found
