"""Quoted statements in languages without a parser (`statements._quoted`).

Every sentence here is written for these tests, about fictional people and places.
"""

from __future__ import annotations

from claimledger.models import Document, Mention, Statement
from claimledger.statements import _quoted


def run(text: str, lang: str) -> tuple[list[Statement], list[Mention]]:
    return _quoted.extract(Document(source="t", text=text, language=lang, published="2031-03-15"), lang)


def check(text: str, sts: list[Statement], mentions: list[Mention]) -> None:
    """Offsets index the text, spans sit inside the statement, and every speaker has a mention."""
    names = {m.local_name for m in mentions}
    for s in sts:
        assert s.speaker in names
        assert 0 <= s.start < s.end <= len(text)
        for a, b in [*s.speaker_spans, *s.cue_spans, *s.content_spans]:
            assert s.start <= a < b <= s.end
        assert text[s.content_spans[0][0] : s.content_spans[0][1]] == s.content
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_french_verb_after_the_quotation() -> None:
    text = "« Nous avons fermé trois écoles à Tavrel », a déclaré Dilnoza Rakhimova, cheffe du comité."
    sts, mentions = run(text, "fr")
    check(text, sts, mentions)
    assert [(s.speaker, s.act, s.cue) for s in sts] == [("Dilnoza Rakhimova", "claim", "a déclaré")]
    assert sts[0].content == "Nous avons fermé trois écoles à Tavrel"
    assert sts[0].direct


def test_french_verb_before_the_quotation_and_denial() -> None:
    text = "Le directeur, Aziz Karimbek, a démenti : « Le barrage n'a jamais été négligé. »"
    sts, mentions = run(text, "fr")
    check(text, sts, mentions)
    assert [(s.speaker, s.act) for s in sts] == [("Aziz Karimbek", "deny")]


def test_french_selon_and_colon() -> None:
    text = (
        "Selon Marc Olendri, porte-parole du port, « les quais resteront fermés six semaines ».\n\n"
        "Ilse Marant : « Personne ne quittera la ville avant lundi. »"
    )
    sts, mentions = run(text, "fr")
    check(text, sts, mentions)
    assert [(s.speaker, s.cue) for s in sts] == [("Marc Olendri", "Selon"), ("Ilse Marant", ":")]


def test_known_surname_stands_for_the_full_name() -> None:
    text = (
        "Aziz Karimbek dirige la compagnie des eaux depuis dix ans. "
        "« Le déversoir a fonctionné comme prévu », a affirmé Karimbek."
    )
    sts, mentions = run(text, "fr")
    check(text, sts, mentions)
    assert [s.speaker for s in sts] == ["Aziz Karimbek"]
    # Both the full name and the bare surname are mentions of the one speaker.
    assert {m.text for m in mentions} == {"Aziz Karimbek", "Karimbek"}


def test_quotation_alone_after_the_sentence_that_names_the_speaker() -> None:
    text = "Aziz Karimbek a nié toute négligence. « Le déversoir a été inspecté en janvier. »"
    sts, _ = run(text, "fr")
    assert [(s.speaker, s.act) for s in sts] == [("Aziz Karimbek", "deny")]


def test_no_statement_without_a_name_beside_the_quotation() -> None:
    cases = [
        # a pronoun speaker
        "« Le déversoir a fonctionné comme prévu », a-t-il dit à Dilnoza Rakhimova.",
        # a description, not a name
        "« Le déversoir a fonctionné comme prévu », a déclaré le directeur de la compagnie.",
        # a title in quotation marks, too short to be a statement
        "Le film « Eaux noires » a été présenté, a déclaré Dilnoza Rakhimova.",
        # no speech verb and no colon: a name next to a quotation is not enough
        "« Le déversoir a fonctionné comme prévu » et Dilnoza Rakhimova est partie.",
        # two names in the sentence before a lone quotation: which one spoke is not told
        "Aziz Karimbek a parlé avec Dilnoza Rakhimova. « Le déversoir a fonctionné comme prévu. »",
    ]
    for text in cases:
        sts, mentions = run(text, "fr")
        assert sts == [] and mentions == [], text


def test_uzbek_latin() -> None:
    text = (
        "\"Biz 1200 nafar aholini Tavrel maktablariga ko'chirdik\", dedi favqulodda vaziyatlar qo'mitasi "
        "rahbari Dilnoza Rahimova. Aziz Karimbek gaplarni rad etdi: \"To'g'on hech qachon qarovsiz qolmagan\"."
    )
    sts, mentions = run(text, "uz")
    check(text, sts, mentions)
    assert [(s.speaker, s.act) for s in sts] == [("Dilnoza Rahimova", "claim"), ("Aziz Karimbek", "deny")]


def test_tajik_cyrillic() -> None:
    text = "«Мо 1200 нафар сокинонро ба мактабҳо кӯчондем», гуфт Дилноза Раҳимова."
    sts, mentions = run(text, "tg")
    check(text, sts, mentions)
    assert [(s.speaker, s.cue) for s in sts] == [("Дилноза Раҳимова", "гуфт")]


def test_arabic_name_after_the_verb_then_the_surname_alone() -> None:
    text = (
        "وقالت دلنوزا رحيموفا، رئيسة لجنة الطوارئ: «نقلنا 1200 من السكان إلى المدارس». "
        "ونفى عزيز كريمبك، مدير الشركة، أن يكون السد قد أهمل. "
        "وأكد كريمبك: «تم فحص المفيض في يناير وعمل كما هو مصمم»."
    )
    sts, mentions = run(text, "ar")
    check(text, sts, mentions)
    assert [(s.speaker, s.act) for s in sts] == [("دلنوزا رحيموفا", "claim"), ("عزيز كريمبك", "claim")]
    assert "كريمبك" in {m.text for m in mentions}


def test_arabic_description_after_the_verb_is_no_name() -> None:
    text = "وقال المتحدث باسم الوزارة: «نقلنا 1200 من السكان إلى المدارس»."
    assert run(text, "ar") == ([], [])


def test_armenian() -> None:
    text = "«Մենք 1200 բնակչի տեղափոխեցինք Տավրելի դպրոցներ», ասաց Դիլնոզա Ռահիմովան։"
    sts, mentions = run(text, "hy")
    check(text, sts, mentions)
    assert [s.speaker for s in sts] == ["Դիլնոզա Ռահիմովան"]


def test_other_quotation_marks() -> None:
    text = "‹Nous avons fermé trois écoles à Tavrel›, a déclaré Dilnoza Rakhimova."
    sts, _ = run(text, "fr")
    assert [s.content for s in sts] == ["Nous avons fermé trois écoles à Tavrel"]


def test_date_in_the_attribution_not_in_the_quotation() -> None:
    text = "« Le déversoir a été inspecté en janvier », a déclaré vendredi Aziz Karimbek."
    sts, _ = run(text, "fr")
    assert [(s.speaker, s.date) for s in sts] == [("Aziz Karimbek", "2031-03-14")]


def test_language_without_cues_gives_nothing() -> None:
    text = "«Ვალდორიის ხიდი დაიხურა ექვსი კვირით», Ილზე მარანტი."
    assert run(text, "ka") == ([], [])
