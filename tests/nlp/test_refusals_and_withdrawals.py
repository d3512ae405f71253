"""Non-answers and taken-back words: a refusal to comment, an unanswered request and a
withdrawn claim are statements of their own, in English and Russian."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp


def _atts(text: str, lang: str) -> list[tuple[str, str, str]]:
    """(speaker, act, content) of every attribution with a speaker."""
    doc = nlp.parse(text, lang)
    return [
        (text[a.speaker[0] : a.speaker[1]], a.act, " ".join(text[s:e] for s, e in a.content))
        for a in doc._.attributions
        if a.speaker is not None
    ]


def test_russian_body_in_a_locative_keeps_its_genitive_country() -> None:
    # natasha reads the genitive country as the verb's subject; the speaking body is the ministry
    found = _atts("В МИД Кестрании заявили, что сообщения о поставках не соответствуют действительности.", "ru")
    assert found and found[0][0] == "МИД Кестрании", found


def test_russian_refusal_to_comment_is_a_non_answer() -> None:
    found = _atts("В МИД Кестрании отказались от комментариев.", "ru")
    assert found == [("МИД Кестрании", "other", "от комментариев")], found


@pytest.mark.parametrize(
    "text",
    ["Министр отказался от своих слов.", "Блогер отказался от своих прежних заявлений о Велиграде."],
)
def test_russian_renouncing_ones_words_is_a_retraction(text: str) -> None:
    found = _atts(text, "ru")
    assert found and found[0][1] == "retract", found


@pytest.mark.parametrize(
    "text",
    [
        "The blogger later withdrew his claim about Kestrania.",
        "The blogger walked back his remarks.",
        "Pell took back his words.",
    ],
)
def test_taking_back_ones_words_is_a_retraction(text: str) -> None:
    found = _atts(text, "en")
    assert found and found[0][1] == "retract", found


def test_withdrawing_troops_is_no_retraction() -> None:
    assert all(act != "retract" for _, act, _ in _atts("The army withdrew its troops from the border.", "en"))


def test_unanswered_request_for_comment_is_on_the_record() -> None:
    found = _atts("The ministry did not respond to requests for comment.", "en")
    assert found == [("The ministry", "other", "to requests for comment")], found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The ministry said the allegations were false.", "en"),
        ("The ministry said the report was a fabrication.", "en"),
        ("В МИД заявили, что сообщения о поставках не соответствуют действительности.", "ru"),
        ("Министр сказал, что эти обвинения являются ложью.", "ru"),
    ],
)
def test_calling_what_others_said_untrue_is_a_denial(text: str, lang: str) -> None:
    found = _atts(text, lang)
    assert found and found[0][1] == "deny", found


def test_saying_a_thing_is_not_false_is_no_denial() -> None:
    found = _atts("The ministry said the allegations were not false.", "en")
    assert found and found[0][1] != "deny", found


def test_reported_clause_parsed_as_an_object_keeps_the_speech_verbs_act() -> None:
    # the small model hangs "left" on "shipment", as if "the shipment" were what was said
    found = _atts("Officials, speaking on condition of anonymity, said the shipment left in March.", "en")
    said = [f for f in found if f[2].startswith("the shipment")]
    assert said and said[0][1] == "claim", found
