"""Who is who inside one document, on sentences written for these tests (invented places)."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger.models import Document, Mention, Statement
from claimledger.nlp import parse
from claimledger.statements import extract


def run(text: str, lang: str = "en") -> tuple[list[Statement], list[Mention]]:
    document = Document(source="t", text=text, language=lang, published="2024-02-01")
    return extract(parse(text, lang), document)


def find(sts: list[Statement], word: str) -> Statement:
    for s in sts:
        if word.lower() in s.content.lower():
            return s
    raise AssertionError(f"no statement mentions {word!r}: {[s.content for s in sts]}")


def locals_of(ms: list[Mention], surface: str) -> set[str]:
    return {m.local_name for m in ms if m.text == surface}


def test_role_word_before_a_name_makes_it_a_person() -> None:
    text = (
        '"The border crossing will reopen on Friday," ministry spokeswoman Greta Solvik said. '
        '"No trucks were turned away," Ms. Solvik added.'
    )
    sts, ms = run(text)
    assert find(sts, "border crossing").speaker == "Greta Solvik"
    assert find(sts, "trucks").speaker == "Greta Solvik"
    assert {m.type for m in ms if m.local_name == "Greta Solvik"} == {"PERSON"}


def test_bare_surname_of_a_named_person_is_that_person() -> None:
    text = (
        "Oren Valescu, an adviser to the Tamberian navy, said the fleet would grow. "
        "According to Valescu, six ships are being built."
    )
    _sts, ms = run(text)
    assert locals_of(ms, "Valescu") <= {"Oren Valescu"}
    assert {m.type for m in ms if m.local_name == "Oren Valescu"} == {"PERSON"}


def test_owner_and_seat_after_a_state_body_are_part_of_its_name() -> None:
    text = (
        "The Ministry of Foreign Affairs of Tamberia said it had received no request. "
        "The Orvanian Embassy in Velgrad said it was following the case."
    )
    _sts, ms = run(text)
    names = {m.local_name for m in ms}
    assert "Ministry of Foreign Affairs of Tamberia" in names
    assert "Orvanian Embassy in Velgrad" in names


def test_demonym_description_resolves_by_role_not_to_the_country() -> None:
    text = (
        "Tamberian journalist Lev Arko said the port had been sold. "
        "The Tamberian journalist added that the buyer was unknown."
    )
    sts, _ = run(text)
    assert find(sts, "buyer").speaker == "Lev Arko"


def test_unnamed_spokesperson_of_an_org_speaks_for_it() -> None:
    text = 'The Orvanian Embassy said it was aware of the reports. "We urge restraint," an embassy spokesperson said.'
    sts, _ = run(text)
    assert find(sts, "restraint").speaker == "Orvanian Embassy"


def test_the_statement_speaks_for_its_issuer() -> None:
    text = (
        "The Tamberian Foreign Ministry rejected the report on Monday. "
        "The statement said that the claims were groundless."
    )
    sts, _ = run(text)
    assert find(sts, "groundless").speaker == "Tamberian Foreign Ministry"


def test_russian_ministry_keeps_its_country_and_merges_its_forms() -> None:
    text = (
        "МИД Тамберии заявил, что переговоры продолжатся. "
        "Министерство иностранных дел Тамберии также сообщило, что посол вернулся. "
        "В тамберийском МИД добавили, что сделка не заключена."
    )
    _sts, ms = run(text, "ru")
    org_locals = {m.local_name for m in ms if m.type == "ORG"}
    assert len(org_locals) == 1, org_locals
    assert "Тамбери" in next(iter(org_locals))
