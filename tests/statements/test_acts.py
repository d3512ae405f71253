"""Speech acts of statements, on sentences written for these tests, and the shipped act model."""

from __future__ import annotations

import json
import os
from importlib import resources

import pytest

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
    return acts.combine(rule, a, p, model.threshold, model.mode)


def test_shipped_model_loads_and_predicts() -> None:
    model = acts.load_model()
    assert model is not None
    assert set(model.classes) <= set(acts.ACTS) and "claim" in model.classes
    assert 0.0 <= model.threshold <= 1.01
    assert model.mode in acts.MODES
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
    # no training data for Russian: `decide` returns the rule's act unchanged, whatever the mode
    text = "Министерство опровергло сообщения о переброске войск к границе."
    doc = parse(text, "ru")
    assert doc._.attributions
    for att in doc._.attributions:
        assert acts.decide(doc, att, "ru") == att.act
        for mode in acts.MODES:
            assert acts.decide(doc, att, "ru", always("other", mode)) == att.act


def always(act: str, mode: str, threshold: float = 0.5) -> acts.ActModel:
    """A model that predicts `act` with probability ~1 whatever the features."""
    classes = ["claim", act] if act != "claim" else ["claim", "other"]
    intercept = [0.0, 50.0] if act != "claim" else [50.0, 0.0]
    return acts.ActModel(classes=classes, weights={}, intercept=intercept, threshold=threshold, mode=mode)


@pytest.mark.parametrize(
    ("mode", "rule", "predicted", "p", "expected"),
    [
        # claim: only the rules' default `claim` is replaced, and only when confident
        ("claim", "claim", "other", 0.9, "other"),
        ("claim", "claim", "other", 0.4, "claim"),
        ("claim", "deny", "other", 0.99, "deny"),
        # any: every rule act is replaced when confident
        ("any", "claim", "other", 0.9, "other"),
        ("any", "deny", "other", 0.9, "other"),
        ("any", "deny", "claim", 0.9, "claim"),
        ("any", "deny", "other", 0.4, "deny"),
        # classifier alone: the threshold is ignored
        ("classifier", "deny", "appeal", 0.1, "appeal"),
        ("classifier", "claim", "claim", 0.1, "claim"),
        # rules alone
        ("rules", "claim", "other", 0.99, "claim"),
        ("rules", "deny", "other", 0.99, "deny"),
    ],
)
def test_combine_modes(mode: str, rule: str, predicted: str, p: float, expected: str) -> None:
    assert acts.combine(rule, predicted, p, 0.5, mode) == expected


def test_combine_default_mode_replaces_only_claim() -> None:
    assert acts.combine("claim", "other", 0.9, 0.5) == "other"
    assert acts.combine("deny", "other", 0.9, 0.5) == "deny"
    with pytest.raises(ValueError):
        acts.combine("claim", "other", 0.9, 0.5, "sometimes")


def test_decide_follows_the_mode() -> None:
    text = "The ministry denied that its soldiers had crossed the Veldra river."
    doc = parse(text, "en")
    att = next(a for a in doc._.attributions if "soldiers" in text[a.start : a.end])
    assert att.act == "deny"
    assert acts.decide(doc, att, "en", always("other", "claim")) == "deny"
    assert acts.decide(doc, att, "en", always("other", "any")) == "other"
    assert acts.decide(doc, att, "en", always("other", "any", threshold=1.01)) == "deny"
    assert acts.decide(doc, att, "en", always("other", "classifier", threshold=1.01)) == "other"
    assert acts.decide(doc, att, "en", always("other", "rules")) == "deny"


def test_model_file_without_mode_loads_as_claim() -> None:
    # a model written before the mode was stored: the original combination (`claim`)
    raw = json.loads(resources.files("claimledger").joinpath("data/acts_model.json").read_text(encoding="utf-8"))
    raw.pop("mode", None)
    model = acts.ActModel.from_json(raw)
    assert model.mode == "claim"
    assert model.predict(["rule=claim", "lex=claim", "lemma=say"])[0] == "claim"
    for mode in acts.MODES:
        assert acts.ActModel.from_json({**raw, "mode": mode}).mode == mode
    with pytest.raises(ValueError):
        acts.ActModel.from_json({**raw, "mode": "sometimes"})


def test_words_about_a_topic_assert_nothing() -> None:
    from claimledger.models import Document
    from claimledger.nlp import parse
    from claimledger.statements import extract

    text = "Министерство опровергло слова блогера Виктора Кална о производстве дронов в Кестрании."
    sts, _ = extract(parse(text, "ru"), Document(source="t", text=text, language="ru", published="2031-03-01"))
    topic = [s for s in sts if s.content.startswith("о производстве")]
    assert topic and all(s.act == "other" for s in topic)
    assert any(s.act == "deny" for s in sts)


def test_admitting_a_mistake_is_a_retraction() -> None:
    from claimledger.models import Document
    from claimledger.nlp import parse
    from claimledger.statements import extract

    for text, lang in (
        ("Кестранский МИД отверг обвинения, после чего блогер Виктор Калн признал ошибку.", "ru"),
        ("The ministry rejected the accusation, and the blogger Viktor Kaln admitted his mistake.", "en"),
    ):
        sts, _ = extract(parse(text, lang), Document(source="t", text=text, language=lang, published="2031-03-01"))
        kaln = [s for s in sts if "Kaln" in s.speaker or "Калн" in s.speaker]
        assert kaln and kaln[0].act == "retract", [(s.speaker, s.act, s.content) for s in sts]
