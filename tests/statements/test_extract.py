"""Attribution and statement extraction on sentences written for these tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger.models import ACTS, Document, Statement
from claimledger.nlp import parse
from claimledger.statements import extract


def run(text: str, lang: str = "en", published: str | None = "2023-03-10") -> tuple[list[Statement], list]:
    document = Document(source="t", text=text, language=lang, published=published)
    return extract(parse(text, lang), document)


def find(sts: list[Statement], word: str) -> Statement:
    for s in sts:
        if word.lower() in s.content.lower():
            return s
    raise AssertionError(f"no statement mentions {word!r}: {[s.content for s in sts]}")


def check_offsets(text: str, sts: list[Statement]) -> None:
    for s in sts:
        assert 0 <= s.start < s.end <= len(text)
        for a, b in [*s.speaker_spans, *s.cue_spans, *s.content_spans]:
            assert s.start <= a < b <= s.end, (s, a, b)
        assert " ".join(text[a:b] for a, b in s.content_spans).strip() == s.content


def check_guarantee(sts: list[Statement], mentions: list) -> None:
    names = {m.local_name for m in mentions}
    for s in sts:
        assert s.speaker in names


# ---------------------------------------------------------------- direct quotes
def test_quote_then_speaker_said() -> None:
    text = "“The harbour will stay closed until the storm passes,” port director Alan Pryce said."
    sts, ms = run(text)
    s = find(sts, "harbour")
    assert s.direct and s.speaker == "Alan Pryce" and s.act == "claim" and s.cue == "said"
    assert s.content == "The harbour will stay closed until the storm passes"
    check_offsets(text, sts)
    check_guarantee(sts, ms)


def test_said_speaker_inverted_and_colon_quote() -> None:
    text = 'Nurse Helen Park said: "Our ward has run out of clean bandages this week."'
    sts, _ = run(text)
    s = find(sts, "bandages")
    assert s.direct and s.speaker == "Helen Park"


def test_guillemets_and_dash_russian() -> None:
    text = "«Завод не будет закрыт в этом году», — заявил директор предприятия Андрей Волков."
    sts, ms = run(text, "ru")
    s = find(sts, "Завод")
    assert s.direct and s.speaker == "Андрей Волков" and s.act == "claim"
    check_offsets(text, sts)
    check_guarantee(sts, ms)


def test_standalone_quote_takes_previous_speaker() -> None:
    text = (
        "Farmer Lucy Grant said on Tuesday that the river had flooded her fields.\n\n"
        "“We have lost the entire harvest and nobody has called us.”"
    )
    sts, _ = run(text)
    s = find(sts, "harvest")
    assert s.direct and s.speaker == "Lucy Grant"


# ---------------------------------------------------------------- indirect speech
def test_said_that_with_channel() -> None:
    text = "Senator Maria Lopez stated in an interview with Radio Coast that the budget was unfair to schools."
    sts, _ = run(text)
    s = find(sts, "budget")
    assert not s.direct and s.speaker == "Maria Lopez"
    assert s.channel and "interview" in s.channel
    assert s.content.startswith("the budget")


def test_according_to() -> None:
    text = "According to the fire brigade, the blaze started in a kitchen on the third floor."
    sts, _ = run(text)
    s = find(sts, "blaze")
    assert s.cue.lower() == "according to" and "fire brigade" in s.speaker.lower()


def test_po_slovam_russian() -> None:
    text = "По словам мэра Ольги Соколовой, ремонт моста завершится к осени."
    sts, _ = run(text, "ru")
    s = find(sts, "ремонт")
    assert "Соколов" in s.speaker


def test_organisation_spokesman_resolves_to_org() -> None:
    text = (
        "A spokesman for the Canadian Embassy in Lima told reporters that the consulate would reopen soon. "
        "He added that visas were still being processed."
    )
    sts, ms = run(text)
    s = find(sts, "consulate")
    assert "Canadian Embassy" in s.speaker and s.speaker_type == "ORG"
    s2 = find(sts, "visas")
    assert s2.speaker == s.speaker
    assert text[s2.speaker_spans[0][0] : s2.speaker_spans[0][1]] == "He"
    check_guarantee(sts, ms)


# ---------------------------------------------------------------- acts
@pytest.mark.parametrize(
    ("text", "word", "act"),
    [
        ("The Norwegian Health Ministry denied that the vaccine stocks had expired.", "vaccine", "deny"),
        ("Coach Ben Hardy confirmed that the striker will miss the final.", "striker", "confirm"),
        ("The agency recommended that travellers avoid the northern mountain roads.", "travellers", "recommend"),
        ("Mayor Tom Reed urged residents to report damaged street lights.", "residents", "appeal"),
        ("Mayor Tom Reed did not deny that the contract had been signed in secret.", "contract", "other"),
        ("“We refute the claims about the missing funds,” the Harbor Authority said.", "missing funds", "deny"),
        ("“We discourage all travel to the border region,” the Transport Office said.", "border", "recommend"),
        ("“I meant Denmark, not Norway, when I spoke about the fishing quota,” Ann Berg said.", "quota", "retract"),
        (
            "“I would very much like the city council to investigate these payments,” Ann Berg said.",
            "payments",
            "appeal",
        ),
        ("Ann Berg apologized and said that she had mistakenly named the wrong company.", "wrong company", "retract"),
    ],
)
def test_act_classification(text: str, word: str, act: str) -> None:
    sts, _ = run(text)
    assert find(sts, word).act == act
    assert all(s.act in ACTS for s in sts)


def test_russian_acts() -> None:
    text = (
        "Министерство обороны Эстонии опровергло сообщения о переброске войск. "
        "Мэр Таллина призвал жителей сохранять спокойствие."
    )
    sts, _ = run(text, "ru")
    assert find(sts, "переброске").act == "deny"
    assert find(sts, "жителей").act == "appeal"


def test_official_denial_by_content() -> None:
    text = (
        "Calling the report false, the Chilean Foreign Ministry stated that “Chile does not sell weapons to "
        "the rebels and does not train their fighters.”"
    )
    sts, _ = run(text)
    assert find(sts, "weapons").act == "deny"


# ---------------------------------------------------------------- resolution
def test_pronoun_and_title_resolution() -> None:
    text = (
        "Dr. Karen Welsh, a virologist at the state hospital, warned on Monday that cases were rising. "
        "She said that the wards were already full. Mrs. Welsh added that staff were exhausted."
    )
    sts, ms = run(text)
    for word in ("wards", "staff"):
        assert find(sts, word).speaker == "Karen Welsh"
    check_guarantee(sts, ms)
    assert any(m.text == "Welsh" or "Welsh" in m.text for m in ms)


def test_description_resolution_by_role() -> None:
    text = (
        "Canadian journalist Peter Malley reported that the mine had been sold. "
        "The journalist said that the buyer was a shell company."
    )
    sts, _ = run(text)
    assert find(sts, "shell company").speaker == "Peter Malley"


def test_org_variants_are_one_actor() -> None:
    text = (
        "The Kenyan Foreign Ministry said that the talks would resume. "
        "Kenya's Foreign Ministry added that the envoy had arrived. "
        "The ministry stated that no deal had been reached."
    )
    sts, ms = run(text)
    speakers = {s.speaker for s in sts}
    assert len(speakers) == 1, speakers
    check_guarantee(sts, ms)


def test_military_rank_stripped() -> None:
    text = "Lieutenant-General Omar Haddad said that the troops had withdrawn from the valley."
    sts, _ = run(text)
    assert find(sts, "troops").speaker == "Omar Haddad"


# ---------------------------------------------------------------- dates, headline
def test_date_attached_to_cue() -> None:
    text = "Governor Nina Fox said on February 14 that the dam was safe."
    sts, _ = run(text, published="2023-03-10")
    s = find(sts, "dam")
    assert s.date == "2023-02-14" and s.date_precision == "day"


def test_no_date_guessed_for_present_quote() -> None:
    text = "“The dam is safe,” Governor Nina Fox says."
    sts, _ = run(text)
    assert find(sts, "dam").date is None


def test_russian_date() -> None:
    text = "Губернатор Нина Лисина 14 февраля заявила, что плотина безопасна."
    sts, _ = run(text, "ru", published="2023-03-10")
    assert find(sts, "плотина").date == "2023-02-14"


def test_headline_is_reported_summary() -> None:
    text = (
        "Railway company denies safety failures\n\n"
        "The Northern Railway Company denied on Friday that its brakes had failed. "
        "Engineers had warned for months that the brakes were worn.\n\n"
        "“Every train was inspected last week,” the company said."
    )
    sts, _ = run(text)
    head = [s for s in sts if s.start < text.index("\n")]
    assert head and head[0].act == "deny" and head[0].reported_summary
    assert "\n" not in head[0].content
    quote = find(sts, "inspected")
    assert not quote.reported_summary
    assert [s.id for s in sts] == [f"{sts[0].doc_id}:s{i}" for i in range(1, len(sts) + 1)]
    check_offsets(text, sts)


def test_lede_nested_claim() -> None:
    text = "The Water Board denied the statement of local activist Rosa Klein that the lake was poisoned."
    sts, _ = run(text)
    acts = {(s.act, s.speaker) for s in sts}
    assert ("deny", "Water Board") in acts
    assert any(s.speaker == "Rosa Klein" and s.act == "claim" and "lake" in s.content for s in sts)


# ---------------------------------------------------------------- seeds (general properties only)
def test_seeds_general_properties(seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed articles in {seeds_dir}")
    for f in files:
        text = f.read_text(encoding="utf-8")
        sts, ms = run(text, published=None)
        assert len(sts) >= 5, f.name
        check_offsets(text, sts)
        check_guarantee(sts, ms)
        assert {s.act for s in sts} <= set(ACTS)
        assert len({s.act for s in sts}) >= 3
        assert any(s.direct for s in sts) and any(not s.direct for s in sts)
