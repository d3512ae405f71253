"""Speech acts of statements, on sentences written for these tests, and the shipped act model."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger.models import Document, Statement
from claimledger.nlp import parse
from claimledger.statements import acts, extract


def run(text: str, lang: str = "en") -> list[Statement]:
    document = Document(source="t", text=text, language=lang, published="2024-02-01")
    return extract(parse(text, lang), document)[0]


def act_of(text: str, word: str, lang: str = "en") -> str:
    for s in run(text, lang):
        if word.lower() in s.content.lower():
            return s.act
    raise AssertionError(f"no statement mentions {word!r}")


def act_at(text: str, cue: str, content: str) -> str:
    """What `decide` says for a cue and content given as substrings (no finder involved)."""
    doc = parse(text, "en")
    c0 = text.index(cue)
    k0 = text.index(content)
    cs, ks = [(c0, c0 + len(cue))], [(k0, k0 + len(content))]
    rule = acts.rule_act(doc, cs, ks, "en")
    model = acts.load_model()
    assert model is not None
    a, p = model.predict(acts.features(doc, cs, ks, rule, "en"))
    return acts.combine(rule, a, p, model.threshold)


def test_shipped_model_loads_and_predicts() -> None:
    model = acts.load_model()
    assert model is not None
    assert set(model.classes) <= set(acts.ACTS) and "claim" in model.classes
    assert 0.0 <= model.threshold <= 1.01
    p = model.proba(["rule=claim", "lex=claim", "lemma=say"])
    assert abs(sum(p.values()) - 1.0) < 1e-9
    assert model.predict(["rule=claim", "lex=claim", "lemma=say"])[0] == "claim"
    # a feature never seen in training changes nothing
    assert model.proba(["rule=claim", "never-seen"]) == model.proba(["rule=claim"])


def test_plain_statement_is_a_claim() -> None:
    assert act_of("The harbour master said the ferry would sail on Monday.", "ferry") == "claim"


def test_denial() -> None:
    text = "The ministry denied that its soldiers had crossed the Veldra river."
    assert act_of(text, "soldiers") == "deny"


def test_negated_denial_is_not_a_denial() -> None:
    text = "The ministry did not deny that its soldiers had crossed the Veldra river."
    assert act_of(text, "soldiers") != "deny"


def test_declining_to_address_is_no_act() -> None:
    text = "The governor of Ostrava declined to address the reports about the dam."
    assert act_at(text, "declined", "to address the reports about the dam") == "other"


def test_appeal() -> None:
    text = "Mayor Ilse Varga urged the regional council to investigate the contracts."
    assert act_of(text, "investigate") == "appeal"
    text2 = "The union called on the ministry to release the inspection report."
    assert act_of(text2, "release") == "appeal"


def test_recommendation() -> None:
    text = "Health officials advised residents to boil their drinking water."
    assert act_of(text, "boil") == "recommend"
    text2 = "The agency said travellers should avoid the northern pass until Friday."
    assert act_of(text2, "avoid") == "recommend"


def test_retraction() -> None:
    text = 'The minister said: "I was wrong about the number of trucks at the border."'
    assert act_of(text, "trucks") == "retract"


def test_confirmation() -> None:
    text = "The port authority confirmed that two tankers had been detained."
    assert act_of(text, "tankers") == "confirm"


def test_hedged_statement_stays_a_claim() -> None:
    text = "The analyst said the sanctions might perhaps slow the rebuilding of the bridge."
    assert act_of(text, "sanctions") == "claim"


def test_russian_keeps_the_rules() -> None:
    # no training data for Russian: `decide` returns the rule's act unchanged
    text = "Министерство опровергло сообщения о переброске войск к границе."
    doc = parse(text, "ru")
    for att in doc._.attributions:
        assert acts.decide(doc, att, "ru") == att.act
