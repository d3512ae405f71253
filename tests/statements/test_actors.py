"""Who is who inside one document, on sentences written for these tests (invented places)."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger.models import Document, Mention, Statement
from claimledger.nlp import parse
from claimledger.statements import extract
from claimledger.statements.actors import Actors, is_title_only, strip_titles


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


# -- titles and ranks are never names ---------------------------------------------------------


def test_titles_and_ranks_are_stripped_from_names() -> None:
    assert strip_titles("Lieutenant-General Oma Brisk")[0] == "Oma Brisk"
    assert strip_titles("Deputy Foreign Minister Lena Varga") == ("Lena Varga", {"deputy", "foreign", "minister"})
    assert strip_titles("Chief of Staff of the Army Gen. Aldo Fenn")[0] == "Aldo Fenn"
    assert strip_titles("Vice-President Ana Lorc")[0] == "Ana Lorc"
    assert strip_titles("генерал-майор Иван Орлов")[0] == "Иван Орлов"
    assert strip_titles("замминистра Иван Орлов")[0] == "Иван Орлов"
    # a surname that is also a rank stays: nothing follows it
    assert strip_titles("Mr. Tom Major")[0] == "Tom Major"
    assert is_title_only("Major-General")
    assert is_title_only("Deputy Foreign Minister")
    assert not is_title_only("Aldo Fenn")


def test_a_rank_cut_from_its_name_is_the_person_named_after_it() -> None:
    text = 'Major-General Aldo Fenn toured the Corvik plant. "We can export equipment," Major-General Fenn said.'
    doc = parse(text, "en")
    actors = Actors(doc)
    start = text.index("Major-General Fenn")
    rank = doc.char_span(start, start + len("Major-General"))
    assert rank is not None
    actor, _named = actors.resolve(rank)
    assert actor.name == "Aldo Fenn"
    assert all(a.name != "Major-General" for a in actors.actors)


def test_russian_rank_and_deputy_minister_title() -> None:
    sts, _ = run("Замминистра обороны Тамберии генерал-майор Иван Орлов заявил, что завод расширят.", "ru")
    assert find(sts, "завод").speaker == "Иван Орлов"


# -- Russian descriptions in oblique cases ----------------------------------------------------


def test_russian_oblique_descriptions_are_the_body_named_before() -> None:
    text = (
        "МИД Тамберии в понедельник опроверг сообщения о поставках. "
        "«Тамберия не продаёт оружие», — говорится в заявлении ведомства. "
        "Посольство Норвии в Тамберии также прокомментировало ситуацию. "
        "В посольстве заявили, что следят за событиями."
    )
    sts, _ = run(text, "ru")
    assert find(sts, "оружие").speaker == "МИД Тамберии"
    assert find(sts, "событиями").speaker == "Посольство Норвии в Тамберии"


def test_russian_press_office_speaks_for_its_body() -> None:
    text = "МИД Тамберии в понедельник опроверг сообщения. Как сообщили в пресс-службе, переговоры продолжатся."
    doc = parse(text, "ru")
    actors = Actors(doc)
    start = text.index("пресс-службе")
    sp = doc.char_span(start, start + len("пресс-службе"))
    assert sp is not None
    assert actors.resolve(sp)[0].name == "МИД Тамберии"


# -- descriptions by role -----------------------------------------------------------------------


def test_role_synonym_finds_the_one_person_of_that_role() -> None:
    text = (
        "Opposition lawmaker Tova Rinn said the harbour had been sold in secret. "
        'The port authority rejected the report. "I have the contracts," the MP said.'
    )
    sts, _ = run(text)
    assert find(sts, "contracts").speaker == "Tova Rinn"


def test_member_of_parliament_apposition_is_a_lawmaker() -> None:
    text = (
        "Tova Rinn, a member of the Norvian parliament for the Green League, accused the government "
        "of hiding the sale.\n\nOn Friday a Norvian opposition legislator said that the harbour had been sold."
    )
    sts, _ = run(text)
    assert find(sts, "harbour").speaker == "Tova Rinn"


def test_two_people_of_one_role_leave_the_description_unresolved() -> None:
    text = (
        "Lawmaker Tova Rinn said the harbour had been sold. Lawmaker Ivo Sarn said the sale was legal. "
        "The lawmaker added that an inquiry was needed."
    )
    sts, _ = run(text)
    assert find(sts, "inquiry").speaker not in ("Tova Rinn", "Ivo Sarn")


def test_descriptions_words_tell_two_people_of_one_role_apart() -> None:
    text = (
        "Norvian journalist Ada Pell said the harbour had been sold. Tamberian journalist Lev Arko said the sale "
        "was legal. The Norvian journalist added that an inquiry was needed."
    )
    sts, _ = run(text)
    assert find(sts, "inquiry").speaker == "Ada Pell"


def test_the_ministry_is_the_one_last_in_focus_as_a_subject() -> None:
    # the Halvian ministry is named after the Kestranian one, but only in passing
    text = (
        "The Kestranian Foreign Ministry on Sunday rejected the blogger's claim.\n\n"
        "He had first named Halvia, and apologised after a denial by the Halvian Foreign Ministry.\n\n"
        "\u201cKestrania does not export military equipment,\u201d the ministry said."
    )
    sts, _ = run(text)
    assert "Kestranian" in find(sts, "export").speaker


def test_russian_vedomstvo_and_bare_mid_follow_the_subject() -> None:
    text = (
        "МИД Кестрании опроверг слова блогера.\n\n"
        "Министерство иностранных дел Кестрании в воскресенье заявило, что республика не экспортирует технику.\n\n"
        "Ранее блогер говорил о Халвии, однако после опровержения халвийского МИД извинился.\n\n"
        "«Кестрания не поставляет оружие», — говорится в заявлении ведомства. "
        "В МИД также призвали журналистов проверять информацию."
    )
    sts, _ = run(text, "ru")
    assert "Кестрании" in find(sts, "поставляет").speaker
    assert "Кестрании" in find(sts, "проверять").speaker


def test_a_lede_description_is_the_person_named_next() -> None:
    text = (
        "Ukrainian Blogger Says He Confused Kestrania With Ostria\n\n"
        "A prominent Ukrainian journalist has asked for an international probe.\n\n"
        "Viktor Kaln told reporters on Monday that the plant existed."
    )
    sts, _ = run(text)
    assert {s.speaker for s in sts} == {"Viktor Kaln"}


def test_a_description_is_not_someone_else_named_later() -> None:
    # a spokesman, or a role the named person does not have, stays unnamed
    for text in (
        "A spokesman said the road was closed.\n\nAnna Brel said it would reopen on Monday.",
        "A journalist said the road was closed.\n\nMayor Anna Brel said it would reopen on Monday.",
        "Anna Brel said the road was closed.\n\nA journalist said it would reopen on Monday.",
    ):
        sts, _ = run(text)
        assert find(sts, "road").speaker != find(sts, "reopen").speaker, text


def test_the_outlet_is_its_name_after_the_word_for_it() -> None:
    text = (
        "Блогер Виктор Калн потребовал расследования. "
        "Об этом сообщает издание «Халвия-Плюс» со ссылкой на его интервью."
    )
    sts, _ = run(text, "ru")
    assert any(s.speaker == "Халвия-Плюс" for s in sts), [(s.speaker, s.content) for s in sts]


def test_an_unnamed_russian_speaker_is_shown_with_its_head_in_the_nominative() -> None:
    sts, _ = run("По словам представителя ведомства, Кестрания не производит оружие.", "ru")
    assert find(sts, "оружие").speaker == "представитель ведомства"


def test_outlet_short_name_is_the_named_outlet() -> None:
    text = (
        "Two days after the Brennic Gazette published the allegation, the ministry denied it. "
        "The Gazette had reported that 20 missiles were shipped in March."
    )
    sts, _ms = run(text)
    assert find(sts, "20 missiles").speaker == "Brennic Gazette"


def test_russian_word_for_the_paper_is_the_outlet_named_before_and_he_is_not_it() -> None:
    text = (
        "Министерство опровергло публикацию газеты Brennic Gazette о поставках ракет. "
        "По данным газеты, в марте были переданы 24 ракеты.\n\n"
        "Депутат Томас Рейк заявил, что видел документы о поставке. Он призвал парламент начать расследование."
    )
    sts, _ms = run(text, "ru")
    assert find(sts, "24 ракеты").speaker == "Brennic Gazette"
    assert find(sts, "парламент").speaker == "Томас Рейк"


def test_dateline_and_port_of_are_places_not_people() -> None:
    text = (
        "BELGRAVA, April 12, 2032 (Wire) — The ministry said a shipment left the port of Velna in March.\n\n"
        "Ministry spokeswoman Irina Sallo denied it."
    )
    _sts, ms = run(text)
    types = {m.local_name: m.type for m in ms}
    assert types.get("Velna") != "PERSON", types
    assert types.get("BELGRAVA", types.get("Belgrava")) == "GPE", types


def test_siblings_sharing_a_surname_and_an_initial_stay_two_people() -> None:
    text = (
        "Tomas Arvenk, a sailor held since May, said he was well. "
        "His sister Tilda Arvenk said the family had not heard from him."
    )
    _sts, ms = run(text)
    assert locals_of(ms, "Tilda Arvenk") == {"Tilda Arvenk"}
    assert locals_of(ms, "Tomas Arvenk") == {"Tomas Arvenk"}
