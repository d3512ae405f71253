"""Articles in languages without a parser, end to end into a real SQLite store.

One fictional story (the Narvon dam in the fictional Belvast valley) told in English, French,
Uzbek, Tajik and Arabic; every article is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger import dates
from claimledger.analyze import analyze
from claimledger.config import Settings
from claimledger.models import Document, Statement
from claimledger.store import Store

EN = """Floods force 1,200 from homes as Narvon dam overflows

BELVAST, 15 March 2031 — Rising water at the Narvon dam forced 1,200 people from their homes in the Belvast
valley on Friday, officials said. "We have moved 1,200 residents to schools in Tavrel and no one has died,"
Dilnoza Rakhimova, head of the Belvast emergency committee, told reporters. Aziz Karimbek, the director of the
Narvon Water Company, denied that the dam had been neglected. "The spillway was inspected in January and it
worked as designed," Karimbek said.
"""
FR = """Le barrage de Narvon déborde : 1 200 habitants évacués

BELVAST, 15 mars 2031 — La montée des eaux au barrage de Narvon a contraint 1 200 personnes à quitter leurs
maisons dans la vallée de Belvast vendredi. « Nous avons transféré 1 200 habitants dans les écoles de Tavrel
et personne n'est mort », a déclaré Dilnoza Rakhimova, cheffe du comité d'urgence de Belvast. Le directeur
de la compagnie des eaux, Aziz Karimbek, a nié toute négligence. « Le déversoir a été inspecté en janvier et
il a fonctionné comme prévu », a affirmé Aziz Karimbek aux journalistes.
"""
UZ = """Narvon to'g'oni toshdi: 1200 kishi ko'chirildi

BELVAST, 2031-yil 15-mart — Narvon to'g'onidagi suv sathi ko'tarilishi natijasida juma kuni Belvast
vodiysida 1200 kishi uylarini tark etdi. "Biz 1200 nafar aholini Tavrel maktablariga ko'chirdik va hech kim
halok bo'lmadi", dedi Belvast favqulodda vaziyatlar qo'mitasi rahbari Dilnoza Rahimova. Narvon suv
kompaniyasi direktori Aziz Karimbek to'g'on qarovsiz qolgani haqidagi gaplarni rad etdi. "To'g'on yanvar
oyida tekshirilgan va u mo'ljallangandek ishladi", deb ta'kidladi Aziz Karimbek.
"""
TG = """Сарбанди Нарвон пур шуд: 1200 нафар кӯчонида шуданд

БЕЛВАСТ, 15 марти 2031 — Баландшавии сатҳи об дар сарбанди Нарвон рӯзи ҷумъа 1200 нафарро маҷбур кард, ки
хонаҳояшонро дар водии Белваст тарк кунанд. «Мо 1200 нафар сокинонро ба мактабҳои Таврел кӯчондем ва ҳеҷ кас
нафавтидааст», гуфт Дилноза Раҳимова, раиси кумитаи ҳолатҳои фавқулоддаи Белваст. Азиз Каримбек, директори
ширкати оби Нарвон, иддаоҳоро дар бораи беэътиноӣ ба сарбанд рад кард. «Обпартоҳ дар моҳи январ санҷида шуда
буд ва мувофиқи нақша кор кард», изҳор дошт Азиз Каримбек.
"""
AR = """فيضان سد نارفون يجبر 1200 شخص على مغادرة منازلهم

بلفاست، 15 مارس 2031 — أجبر ارتفاع منسوب المياه في سد نارفون 1200 شخص على مغادرة منازلهم في وادي بلفاست يوم
الجمعة. وقالت دلنوزا رحيموفا، رئيسة لجنة الطوارئ في بلفاست: «نقلنا 1200 من السكان إلى مدارس تافرل ولم يمت أحد».
ونفى عزيز كريمبك، مدير شركة مياه نارفون، أن يكون السد قد أهمل. وأكد كريمبك: «تم فحص المفيض في يناير وعمل كما هو
مصمم».
"""
# A word of each article's own script that no other article has.
OWN_WORD = {"fr": "déversoir", "uz": "tekshirilgan", "tg": "Обпартоҳ", "ar": "المفيض"}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("other")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in {"en": EN, "fr": FR, "uz": UZ, "tg": TG, "ar": AR}.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    db = root / "l.db"
    with Store(db) as store:
        report = analyze([str(corpus)], store, Settings.load(db=str(db), progress=False))
        assert report.analysed == 5
    return db


def _by_lang(store: Store) -> dict[str, Document]:
    return {d.language or "": d for d in store.documents()}


def test_languages_are_detected_and_stored(ledger: Path) -> None:
    with Store(ledger) as store:
        assert set(_by_lang(store)) == {"en", "fr", "uz", "tg", "ar"}


def test_each_article_is_found_by_a_word_of_its_own_script(ledger: Path) -> None:
    with Store(ledger) as store:
        docs = _by_lang(store)
        for lang, word in OWN_WORD.items():
            hits = {h.doc_id for h in store.search(word)}
            assert hits == {docs[lang].id}, (lang, word)


def test_every_article_joins_the_english_story(ledger: Path) -> None:
    with Store(ledger) as store:
        docs = _by_lang(store)
        story = store.story_of(docs["en"].id)
        assert story is not None
        assert {lang: store.story_of(d.id) for lang, d in docs.items()} == dict.fromkeys(docs, story)


def test_quoted_speakers_are_the_english_speakers(ledger: Path) -> None:
    with Store(ledger) as store:
        docs = _by_lang(store)

        def speakers(lang: str) -> list[Statement]:
            return sorted(store.statements_for_doc(docs[lang].id), key=lambda s: s.start)

        english = {s.speaker: s.speaker_id for s in speakers("en")}
        rakhimova, karimbek = english["Dilnoza Rakhimova"], english["Aziz Karimbek"]
        assert rakhimova and karimbek and rakhimova != karimbek
        # The Uzbek and Tajik spellings (Rahimova, Раҳимова) are the same person.
        for lang in ("fr", "uz", "tg"):
            assert [s.speaker_id for s in speakers(lang)] == [rakhimova, karimbek], lang
            assert all(s.direct and s.act == "claim" for s in speakers(lang))
        # Arabic speakers are found, but no romanisation joins them to the Latin names yet.
        assert [s.speaker for s in speakers("ar")] == ["دلنوزا رحيموفا", "عزيز كريمبك"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", FR, "2031-03-15"),
        ("uz", UZ, "2031-03-15"),
        ("tg", TG, "2031-03-15"),
        ("ar", AR, "2031-03-15"),
    ],
)
def test_the_article_date_is_read_in_its_own_language(lang: str, text: str, expected: str) -> None:
    # No English dateline, no publication date: the anchor is the date the article writes.
    anchor = dates.anchor_for(text, None, lang)
    assert anchor is not None and (anchor.iso, anchor.precision) == (expected, "day")
    # "vendredi", "juma", "ҷумъа", "يوم الجمعة": the Friday before that Saturday.
    assert "2031-03-14" in {m.value.iso for m in dates.find_dates(text, anchor, lang) if m.value}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "le 1er mars, en janvier, il y a 3 jours, la semaine dernière",
            ["2031-03-01", "2031-01", "2031-03-12", "2031-03"],
        ),
        ("uz", "15-martda, yanvar oyida, kecha, 3 kun oldin", ["2031-03-15", "2031-01", "2031-03-14", "2031-03-12"]),
        ("tg", "дирӯз, дар моҳи январ, марти соли 2030", ["2031-03-14", "2031-01", "2030-03"]),
        (
            "ar",
            "أمس، في يناير، 3 آذار، قبل 3 أيام، ١٥ مارس ٢٠٣١",
            ["2031-03-14", "2031-01", "2031-03-03", "2031-03-12", "2031-03-15"],
        ),
        ("hy", "2031 թվականի մարտի 15, երեկ, հունվարին", ["2031-03-15", "2031-03-14", "2031-01"]),
        ("es", "el 15 de marzo de 2031, ayer", ["2031-03-15", "2031-03-14"]),
        ("de", "am 15. März 2031, am Freitag", ["2031-03-15", "2031-03-14"]),
    ],
)
def test_written_dates_in_other_languages(lang: str, text: str, expected: list[str]) -> None:
    anchor = dates.TimeValue("2031-03-15", "day")
    assert [m.value.iso if m.value else None for m in dates.find_dates(text, anchor, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("tg", "Вай дар Душанбе зиндагӣ мекунад."),  # the capital, not Monday
        ("uz", "U 15 martaba g'olib bo'ldi."),  # "15 times", not 15 March
        ("fr", "Il y avait 15 mars 2500 personnes."),  # no year 2500: a count
        ("ar", "هذا هو الأحد من بين المرشحين."),  # "الأحد" without "يوم" is "the one"
    ],
)
def test_words_that_only_look_like_dates(lang: str, text: str) -> None:
    assert dates.find_dates(text, dates.TimeValue("2031-03-15", "day"), lang) == []


HY = """Նարվոնի ամբարտակը հեղեղեց. 1200 մարդ տարհանվեց

ԲԵԼՎԱՍՏ, 2031 թվականի մարտի 15 — Նարվոնի ամբարտակում ջրի մակարդակի բարձրացումը ուրբաթ օրը ստիպեց 1200 մարդու լքել
իրենց տները Բելվաստի հովտում։ «Մենք 1200 բնակիչների տեղափոխեցինք Տավրելի դպրոցներ, և ոչ ոք չի զոհվել»,- ասաց
Բելվաստի արտակարգ իրավիճակների կոմիտեի ղեկավար Դիլնոզա Ռախիմովա։
"""


def test_an_armenian_report_shares_the_english_speaker_and_story(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text(EN, encoding="utf-8")
    (corpus / "hy.txt").write_text(HY, encoding="utf-8")
    db = tmp_path / "hy.db"
    with Store(db) as store:
        analyze([str(corpus)], store, Settings.load(db=str(db), progress=False))
        docs = _by_lang(store)
        assert set(docs) == {"en", "hy"} and docs["hy"].published == "2031-03-15"
        english = {s.speaker: s.speaker_id for s in store.statements_for_doc(docs["en"].id)}
        armenian = store.statements_for_doc(docs["hy"].id)
        assert [s.speaker_id for s in armenian] == [english["Dilnoza Rakhimova"]]
        assert store.story_of(docs["hy"].id) == store.story_of(docs["en"].id)
