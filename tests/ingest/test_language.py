"""Language identification, including the Central Asian languages lingua lacks."""

from __future__ import annotations

import pytest

from claimledger.ingest.language import detect


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The transport minister denied on Tuesday that the government had leased the northern port.", "en"),
        ("Министр транспорта во вторник опроверг сообщения о том, что правительство сдало порт в аренду.", "ru"),
        ("Міністр транспорту у вівторок спростував повідомлення про те, що уряд таємно здав порт в оренду.", "uk"),
        ("Le ministre des transports a démenti mardi que le gouvernement ait loué le port du nord.", "fr"),
        ("Der Verkehrsminister bestritt am Dienstag, dass die Regierung den nördlichen Hafen verpachtet habe.", "de"),
        ("El ministro de transporte negó el martes que el gobierno hubiera arrendado el puerto del norte.", "es"),
        ("Ulaştırma bakanı salı günü hükümetin kuzey limanını kiraladığı iddialarını yalanladı.", "tr"),
        ("وزیر حمل و نقل روز سه شنبه گزارش ها درباره اجاره بندر شمالی را تکذیب کرد.", "fa"),
        ("نفى وزير النقل يوم الثلاثاء أن تكون الحكومة قد أجرت الميناء الشمالي لشركة أجنبية.", "ar"),
        ("交通部长周二否认政府已将北部港口秘密租给一家外国公司。", "zh"),
        ("Көлік министрі сейсенбіде үкімет солтүстік портты жалға берді деген хабарларды жоққа шығарды.", "kk"),
        (
            "Вазири нақлиёт рӯзи сешанбе хабарҳоро дар бораи иҷораи бандари шимолӣ рад кард ва гуфт, ки "
            "ҳукумат ҳеҷ гуна созишнома имзо накардааст.",
            "tg",
        ),
        (
            "Транспорт вазири сешанба куни ҳукумат шимолий портни ижарага берганлиги ҳақидаги хабарларни "
            "рад этди ва бундай шартнома йўқлигини айтди. Қарор ҳали қабул қилинмаган.",
            "uz",
        ),
        (
            "Transport vaziri seshanba kuni hukumat shimoliy portni ijaraga bergani haqidagi xabarlarni rad "
            "etdi va bu bo'yicha hech qanday shartnoma yo'qligini aytdi. U jurnalistlar bilan uchrashuvda "
            "ham shuni ta'kidladi va port davlat tasarrufida qolishini va bu o'zgarmasligini aytdi.",
            "uz",
        ),
        (
            "Транспорт министри шейшемби күнү өкмөт түндүк портту ижарага бергени тууралуу кабарларды "
            "четке какты жана мындай келишим жок экенин айтты. Өкмөт бул маселе боюнча жыйын өткөрөт.",
            "ky",
        ),
    ],
)
def test_detect(text: str, code: str) -> None:
    assert detect(text) == code


def test_no_letters_gives_none() -> None:
    assert detect("") is None
    assert detect("12:30 — 45 % ... 2023-04-12") is None


def test_only_the_opening_is_read() -> None:
    text = "The minister denied the report about the port lease. " * 50 + "Министр опроверг сообщение. " * 500
    assert detect(text) == "en"


def test_russian_quoting_a_tajik_name_stays_russian() -> None:
    text = (
        "Министр транспорта во вторник встретился с коллегой Ҷамшедом из Душанбе и заявил журналистам, "
        "что переговоры о северном порте продолжатся на следующей неделе в столице."
    )
    assert detect(text) == "ru"


def test_uzbek_latin_that_the_trigrams_call_a_neighbour() -> None:
    # few of the common words, but o'/g' spellings and none of the Oghuz letters
    text = (
        "Kestraniya Tashqi ishlar vazirligi jurnalistning dronlar yig'ilmoqda degan bayonotini rad etdi. "
        "Vazirlik O'zbekiston va Kestraniya o'rtasidagi hamkorlik haqida gapirdi."
    )
    assert detect(text) == "uz"


def test_azerbaijani_stays_azerbaijani() -> None:
    text = (
        "Kestraniya Xarici İşlər Nazirliyi jurnalistin dronların yığıldığı barədə bəyanatını təkzib edib. "
        "Nazirlik bildirib ki, ölkə hərbi texnika ixrac etmir."
    )
    assert detect(text) == "az"
