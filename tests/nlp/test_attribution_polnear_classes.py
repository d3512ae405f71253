"""Attribution classes that news annotation (PolNeAR-style) counts: belief and intention cues,
interrupted quotations, colon-introduced quotations, whole source phrases."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.nlp import lexicon
from claimledger.nlp.quotes import find_quotes, inner


def _atts(text: str) -> list[tuple[str, str, str, list[str], str]]:
    """(speaker, cue, act, content fragments, source phrase) of every attribution."""
    doc = nlp.parse(text, "en")
    out = []
    for a in doc._.attributions:
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        source = text[a.source[0] : a.source[1]] if a.source else speaker
        out.append((speaker, " ".join(text[s:e] for s, e in a.cue), a.act, [text[s:e] for s, e in a.content], source))
    return out


def test_interrupted_quotation_is_one_content() -> None:
    text = "“The bridge will reopen in May,” the mayor said. “Nobody will pay a toll on the new bridge.”"
    doc = nlp.parse(text, "en")
    (said,) = [a for a in doc._.attributions if a.cue]
    assert [text[s:e] for s, e in said.content] == ["The bridge will reopen in May"]
    assert [text[s:e] for s, e in said.continuation] == ["Nobody will pay a toll on the new bridge."]


def test_second_quotation_with_its_own_cue_is_not_joined() -> None:
    text = "“The bridge will reopen in May,” the mayor said. “We doubt it very much,” the engineer said."
    contents = {a[0]: a[3] for a in _atts(text)}
    assert contents["the mayor"] == ["The bridge will reopen in May"]
    assert not [a.continuation for a in nlp.parse(text, "en")._.attributions if a.continuation]
    assert contents["the engineer"] == ["We doubt it very much"]


def test_two_apostrophe_quotation_marks() -> None:
    text = "''The levy is unfair to farmers,'' he said."
    (q,) = find_quotes(text)
    assert text[slice(*inner(text, q))] == "The levy is unfair to farmers"


def test_learned_belief_and_intention_cues() -> None:
    acts, needs_clause = lexicon.learned_verb_cues("en")
    assert acts.get("vow") == "other" and acts.get("believe") == "claim"
    assert "want" in needs_clause  # too often a plain verb: only with a reported clause
    atts = {a[1]: a for a in _atts("The governor believes that the new dam will flood three villages.")}
    assert atts["believes"][0] == "The governor"
    assert atts["believes"][2] == "claim"
    assert atts["believes"][3] == ["the new dam will flood three villages"]
    atts = {a[1]: a for a in _atts("The union wants to delay the vote until the spring.")}
    assert atts["wants"][3][0].startswith("to delay the vote")
    assert not any(a[1] == "wants" for a in _atts("The farmer wants a new tractor."))


def test_colon_then_quotation_in_next_paragraph() -> None:
    text = "The harbour master added:\n\n“No ship will leave the port until the storm has passed.”"
    atts = {a[1]: a for a in _atts(text)}
    assert atts["added"][0] == "The harbour master"
    assert atts["added"][3] == ["No ship will leave the port until the storm has passed."]


def test_partial_quotation_keeps_the_clause_when_the_mark_hangs_on_the_cue() -> None:
    text = "The council reported that the school roof had collapsed in order to “scare the parents.”"
    (att,) = [a for a in _atts(text) if a[1] == "reported"]
    assert att[3][0].startswith("the school roof had collapsed")


def test_source_phrase_keeps_the_apposition_but_speaker_stays_the_name() -> None:
    text = "Mara Quill, an economist at the Harbour Institute, said the tariff would raise bread prices."
    (att,) = [a for a in _atts(text) if a[1] == "said"]
    assert att[0] == "Mara Quill"
    assert att[4] == "Mara Quill, an economist at the Harbour Institute"


def test_call_for_a_phrase_is_an_appeal() -> None:
    text = (
        "The harbour union has opposed the new shift rota and has called for scrapping the night pilot "
        "roster at the Dorvik terminal."
    )
    got = [a for a in _atts(text) if a[1] == "called for"]
    assert got, _atts(text)
    speaker, _, act, content, _ = got[0]
    assert speaker == "The harbour union"
    assert act == "appeal"
    assert content[0].startswith("scrapping the night pilot roster")


def test_verb_of_talking_takes_its_topic() -> None:
    # the reading offered to the attribution scorer, which then judges it as any learned cue's
    text = "Mayor Ilse Varga spoke emotionally of the flooded tram depot during her visit on Monday."
    finder = nlp.load("en").get_pipe("claimledger_attribution")
    finder.collect = []
    try:
        finder(nlp.parse(text, "en"))
        got = [a for a, _ in finder.collect if " ".join(text[s:e] for s, e in a.cue) == "spoke of"]
    finally:
        finder.collect = None
    assert got
    assert got[0].speaker is not None and text[got[0].speaker[0] : got[0].speaker[1]] == "Mayor Ilse Varga"
    assert text[got[0].content[0][0] : got[0].content[0][1]].startswith("the flooded tram depot")


def test_block_after_a_colon_is_what_was_said() -> None:
    text = (
        "Dorvik council met on Monday.\n\nThe mayor added:\n\n"
        "The tram depot will reopen in June and nobody on the night shift will lose a job.\n\n"
        "The depot flooded in March.\n"
    )
    got = [a for a in _atts(text) if a[1] == "added"]
    assert got, _atts(text)
    assert got[0][0] == "The mayor"
    assert got[0][3] == ["The tram depot will reopen in June and nobody on the night shift will lose a job."]


def test_colon_mid_line_is_no_block() -> None:
    text = "The mayor added: the depot will reopen.\n\nThe depot flooded in March and the council met twice.\n"
    assert not any("flooded" in c for a in _atts(text) for c in a[3])


def test_as_clause_credits_the_sentence_around_it() -> None:
    text = "The tram depot will reopen in June, as the mayor said on Monday."
    got = [a for a in _atts(text) if a[1] == "said"]
    assert got, _atts(text)
    assert got[0][0] == "the mayor"
    assert got[0][3] == ["The tram depot will reopen in June"]


def test_as_clause_with_its_own_topic_is_a_time() -> None:
    text = "As the mayor talked about the flooded depot, the council voted to close the tram line."
    assert not any("council voted" in c for a in _atts(text) for c in a[3])


def test_headline_name_colon_credits_the_line() -> None:
    # the entity tagger misses "Marrow" in the headline; the body names her in full
    text = (
        "Marrow: Harbour Tolls Will Double Before the Election\n\n"
        "Councillor Ilsa Marrow told reporters on Friday that the port board had approved the plan."
    )
    by_cue = {a[1]: a for a in _atts(text)}
    assert by_cue[":"][0] == "Marrow"
    assert by_cue[":"][3] == ["Harbour Tolls Will Double Before the Election"]


def test_headline_topic_colon_is_no_speaker() -> None:
    # "Marrow" is named in the body, "Plan" is not: a topic, not a speaker
    text = (
        "Marrow Plan: What the New Charges Mean for Ferry Users\n\n"
        "Councillor Ilsa Marrow said the port board had approved the plan."
    )
    assert ":" not in {a[1] for a in _atts(text)}


def test_a_quotation_standing_alone_continues_the_attribution_before_it() -> None:
    text = (
        "“The bridge will reopen in May,” the mayor said on Monday at the town hall. "
        "She spoke for twenty minutes.\n\n"
        "“Nobody will pay a toll on the new bridge, not even the trucks from the quarry.”"
    )
    doc = nlp.parse(text, "en")
    (said,) = [a for a in doc._.attributions if a.cue]
    assert [text[s:e] for s, e in said.continuation] == [
        "Nobody will pay a toll on the new bridge, not even the trucks from the quarry."
    ]
    # the orphan quotation is still a statement of its own
    assert any(not a.cue and a.content == said.continuation for a in doc._.attributions)


def test_an_adjective_of_stance_after_be_holds_its_subjects_view() -> None:
    got = {(a[0], a[3][0]) for a in _atts("The senator has long been critical of the new harbour tax.") if a[3]}
    assert ("The senator", "the new harbour tax") in got, got
    got = {(a[0], a[3][0]) for a in _atts("The farmers were eager to sell the land before the winter.") if a[3]}
    assert any(s == "The farmers" and c.startswith("to sell the land") for s, c in got), got
    # an adjective that the counts do not make a cue ("likely") reads nothing
    assert _atts("The bridge is likely to reopen in May after the repairs.") == []


def test_a_possessive_pronoun_holds_a_noun_cues_words() -> None:
    text = "Mayor Jane Roe spoke at the harbour on Monday. Her claim that the old pier is unsafe was disputed."
    got = [(a[0], a[3]) for a in _atts(text)]
    assert ("Her", ["the old pier is unsafe"]) in got, got
