"""Russian attribution idioms: "как заявил X", "по данным X", "согласно X", "об этом сообщил X",
agreement between a speech verb and its subject, and the labelled set as a quality floor."""

from __future__ import annotations

import importlib.util
import os
import sys
import types
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _atts(text: str) -> list[tuple[str, str, str, list[str]]]:
    """(speaker, cue, act, content pieces) of every attribution with a speaker."""
    doc = nlp.parse(text, "ru")
    out = []
    for a in doc._.attributions:
        if a.speaker is None:
            continue
        out.append(
            (
                text[a.speaker[0] : a.speaker[1]],
                " ".join(text[s:e] for s, e in a.cue),
                a.act,
                [text[s:e] for s, e in a.content],
            )
        )
    return out


def test_kak_zayavil_reports_the_clause_it_is_attached_to() -> None:
    text = "Как заявил глава налоговой службы Остап Верниченко, новые ставки вступят в силу с января."
    found = _atts(text)
    assert len(found) == 1, found
    speaker, cue, _, content = found[0]
    assert "Верниченко" in speaker and cue == "заявил"
    assert content == ["новые ставки вступят в силу с января"]


def test_interposed_kak_clause_gives_both_halves() -> None:
    text = "Новые ставки, как сообщили в налоговой службе, вступят в силу с января."
    found = _atts(text)
    assert len(found) == 1, found
    speaker, _, _, content = found[0]
    assert "налоговой службе" in speaker
    assert content == ["Новые ставки", "вступят в силу с января"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("По данным синоптиков, морозы продержатся до конца недели.", "синоптиков"),
        ("По мнению экономиста Ларисы Гольц, рубль ослабнет к весне.", "экономиста Ларисы Гольц"),
        ("Согласно докладу комиссии, авария произошла из-за износа труб.", "докладу комиссии"),
    ],
)
def test_according_to_phrases(text: str, source: str) -> None:
    found = _atts(text)
    assert len(found) == 1, found
    speaker, _, act, content = found[0]
    assert speaker == source
    assert act == "claim"
    assert content and content[0] == text.split(", ", 1)[1].rstrip(".")


def test_ob_etom_soobshchil_takes_the_sentence_before() -> None:
    text = "Паромная переправа через залив закроется на ремонт. Об этом сообщил капитан порта Юрий Лосев."
    found = _atts(text)
    assert len(found) == 1, found
    speaker, _, _, content = found[0]
    assert speaker.endswith("Юрий Лосев")
    assert content == ["Паромная переправа через залив закроется на ремонт."] or content == [
        "Паромная переправа через залив закроется на ремонт"
    ]


def test_ob_etom_does_not_reach_into_another_paragraph() -> None:
    text = "Паромная переправа закроется на ремонт.\n\nОб этом сообщил капитан порта Юрий Лосев."
    assert _atts(text) == []


def test_second_speech_verb_does_not_take_a_disagreeing_clause_subject() -> None:
    # "извинилась" (feminine) cannot have "письмо" (neuter) as its subject
    text = "Директор школы Инна Руденко признала, что письмо было отправлено по ошибке, и извинилась перед родителями."
    found = {cue: (speaker, act) for speaker, cue, act, _ in _atts(text)}
    assert found["извинилась"][0] == "Директор школы Инна Руденко"


def test_quoted_name_in_the_holder_is_part_of_the_source_not_a_continuation() -> None:
    text = "«Все деньги потрачены по назначению», — говорится в заявлении фонда «Зелёная долина»."
    doc = nlp.parse(text, "ru")
    atts = [a for a in doc._.attributions if a.speaker is not None]
    assert len(atts) == 1
    a = atts[0]
    assert a.continuation == []
    assert a.source is not None and text[a.source[0] : a.source[1]] == "фонда «Зелёная долина»"


def test_new_cue_verbs_and_their_acts() -> None:
    cases = {
        "Министр пообещал, что зарплаты учителям поднимут в марте.": ("пообещал", "claim"),
        "Депутат предложил перенести выборы на осень.": ("предложил", "recommend"),
        "Губернатор поручил проверить все школы области.": ("поручил", "appeal"),
        "Компания отозвала своё заявление о банкротстве.": ("отозвала", "retract"),
        "Министр исключил возможность своей отставки.": ("исключил", "deny"),
    }
    for text, (cue, act) in cases.items():
        found = [a for a in _atts(text) if a[1] == cue]
        assert len(found) == 1, (text, _atts(text))
        assert found[0][2] == act, (text, found)


def _bench() -> types.ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_multilingual", BENCH / "multilingual.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_labelled_russian_set_keeps_its_floor() -> None:
    # The set is written for the project (bench/data/README.md); the floors sit under the
    # measured figures (F1 0.97-0.99 per half, acts 1.00) so a regression fails here.
    bench = _bench()
    res = bench.attribution_part(bench.read_items(bench.DATA, "all"), None)
    assert res["gold"] >= 100
    assert res["attribution"][2] >= 0.90, res["attribution"]
    assert res["act_accuracy"] >= 0.90, res["act_accuracy"]


def test_naming_as_a_lie_or_as_untrue_is_a_denial() -> None:
    from claimledger.nlp import parse

    for text in (
        "Халвийский МИД назвал слова блогера «абсолютной ложью».",
        "МИД Кестрании назвал эти сведения не соответствующими действительности.",
    ):
        doc = parse(text, "ru")
        acts = [a.act for a in doc._.attributions]
        assert acts == ["deny"], (text, acts)
