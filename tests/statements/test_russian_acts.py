"""Russian speech acts: what the cue word alone does not tell (`acts.russian_act`)."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.statements import acts


def _act(text: str, cue: str) -> str:
    doc = nlp.parse(text, "ru")
    found = [a for a in doc._.attributions if a.speaker is not None and cue in " ".join(text[s:e] for s, e in a.cue)]
    assert len(found) == 1, [(text[a.cue[0][0] : a.cue[0][1]], a.act) for a in doc._.attributions]
    return acts.decide(doc, found[0], "ru")


def test_not_ruling_out_is_a_claim_and_ruling_out_a_denial() -> None:
    assert _act("Синоптики не исключают, что снег выпадет уже в октябре.", "исключают") == "claim"
    assert _act("Министр исключил возможность повышения налогов.", "исключил") == "deny"


def test_apology_for_a_delay_is_not_a_retraction() -> None:
    assert _act("Перевозчик извинился за задержку поездов.", "извинился") == "other"


def test_apology_for_words_is_a_retraction() -> None:
    assert _act("Депутат извинился за свои слова о пенсионерах.", "извинился") == "retract"


def test_taking_words_back_in_a_quotation_is_a_retraction() -> None:
    assert _act("«Я беру свои слова обратно», — сказал тренер.", "сказал") == "retract"


def test_quoted_first_person_past_negation_is_a_denial() -> None:
    assert _act("«Мы не продавали эти земли», — заявил глава совхоза.", "заявил") == "deny"
    # present tense: a plain statement of the speaker's position stays a claim
    assert _act("«Мы не продаём эти земли», — заявил глава совхоза.", "заявил") == "claim"


def test_rule_act_on_gold_spans_uses_the_russian_rules() -> None:
    text = "Синоптики не исключают, что снег выпадет уже в октябре."
    doc = nlp.parse(text, "ru")
    cue = text.index("исключают")
    content = text.index("снег")
    got = acts.rule_act(doc, [(cue, cue + len("исключают"))], [(content, len(text) - 1)], "ru")
    assert got == "claim"
