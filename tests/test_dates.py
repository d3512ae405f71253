"""Time expressions -> ISO values. All sentences are invented for these tests."""

from __future__ import annotations

import pytest

from claimledger.dates import TimeMention, TimeValue, anchor_for, dateline, find_dates, resolve

# A Monday.
MON = TimeValue("2023-03-13", "day")


def day(iso: str) -> TimeValue:
    return TimeValue(iso, "day")


def month(iso: str) -> TimeValue:
    return TimeValue(iso, "month")


def year(iso: str) -> TimeValue:
    return TimeValue(iso, "year")


def found(text: str, anchor: TimeValue | None = MON, lang: str = "en") -> list[tuple[str, TimeValue | None]]:
    mentions = find_dates(text, anchor, lang)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.value) for m in mentions]


# --------------------------------------------------------------------------- explicit English


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was held on March 5, 2021, officials said.", [("March 5, 2021", day("2021-03-05"))]),
        ("It reopened on Sept. 9, 2019 after repairs.", [("Sept. 9, 2019", day("2019-09-09"))]),
        ("The deal was signed Feb. 2 2020.", [("Feb. 2 2020", day("2020-02-02"))]),
        ("He left on 14 February 2022.", [("14 February 2022", day("2022-02-14"))]),
        ("The summit opened on 3 Nov 2018 in Lima.", [("3 Nov 2018", day("2018-11-03"))]),
        ("Talks began on the 21st of June, 2016.", [("21st of June, 2016", day("2016-06-21"))]),
        ("The report, dated Friday, Jan. 7, 2022, was leaked.", [("Friday, Jan. 7, 2022", day("2022-01-07"))]),
        ("Prices rose in October 2020.", [("October 2020", month("2020-10"))]),
        ("The plant closed in 2019.", [("2019", year("2019"))]),
        ("Since mid-2015 the line has been idle.", [("mid-2015", year("2015"))]),
        ("Output fell between 1990 and 1991.", [("1990", year("1990")), ("1991", year("1991"))]),
        ("Profit rose in fiscal 1989.", [("1989", year("1989"))]),
    ],
)
def test_explicit_english(text: str, expected: list[tuple[str, TimeValue]]) -> None:
    assert found(text) == expected


def test_explicit_dates_need_no_anchor() -> None:
    assert found("Signed on March 5, 2021 and ratified in 2022.", None) == [
        ("March 5, 2021", day("2021-03-05")),
        ("2022", year("2022")),
    ]


def test_day_month_takes_anchor_year() -> None:
    assert found("The minister spoke on March 2 and again on Feb. 27.") == [
        ("March 2", day("2023-03-02")),
        ("Feb. 27", day("2023-02-27")),
    ]


def test_day_month_without_anchor_is_unresolved() -> None:
    assert found("The minister spoke on March 2.", None) == [("March 2", None)]


def test_year_inference_across_new_year() -> None:
    jan = TimeValue("2023-01-04", "day")
    # Published in early January: "Dec. 29" is last year, "Jan. 2" this year.
    assert found("Protests began on Dec. 29 and ended Jan. 2.", jan) == [
        ("Dec. 29", day("2022-12-29")),
        ("Jan. 2", day("2023-01-02")),
    ]
    assert found("The shipment arrived in November.", jan) == [("November", month("2022-11"))]


def test_near_future_dates_stay_in_anchor_year() -> None:
    # Up to about two months ahead is still this year (announced upcoming events).
    assert found("The hearing is on April 20.") == [("April 20", day("2023-04-20"))]


def test_future_cue_moves_to_next_year() -> None:
    dec = TimeValue("2022-12-10", "day")
    assert found("Parliament will vote on Feb. 15 on the bill.", dec) == [("Feb. 15", day("2023-02-15"))]
    assert found("Parliament voted on Feb. 15 on the bill.", dec) == [("Feb. 15", day("2022-02-15"))]


def test_bare_months() -> None:
    # Published in March: May is close enough ahead to be this year, June is not.
    assert found("Fighting resumed in May, paused in June and flared again in early August.") == [
        ("May", month("2023-05")),
        ("June", month("2022-06")),
        ("early August", month("2022-08")),
    ]
    assert found("Exports fell last December.") == [("last December", month("2022-12"))]
    assert found("A review is due next March.") == [("next March", month("2024-03"))]
    assert found("It happened in March.") == [("March", month("2023-03"))]


def test_month_with_relative_year() -> None:
    assert found("The plant opened in October last year.") == [("October last year", month("2022-10"))]
    assert found("It was signed on June 3 last year.") == [("June 3 last year", day("2022-06-03"))]


# --------------------------------------------------------------------------- numeric


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Filed on 2021-07-30 by the agency.", "en", day("2021-07-30")),
        ("Filed on 30.07.2021 by the agency.", "en", day("2021-07-30")),
        ("Filed on 7/30/2021 by the agency.", "en", day("2021-07-30")),
        ("Filed on 4/5/2021 by the agency.", "en", day("2021-04-05")),
        ("Filed on 30/07/2021 by the agency.", "en", day("2021-07-30")),
        ("Подано 05.04.2021 в суд.", "ru", day("2021-04-05")),
        ("Eingereicht am 05.04.2021 beim Gericht.", "de", day("2021-04-05")),
        ("Déposé le 2021-04-05.", "fr", day("2021-04-05")),
    ],
)
def test_numeric_dates(text: str, lang: str, value: TimeValue) -> None:
    [(_, got)] = found(text, None, lang)
    assert got == value


def test_invalid_numeric_date_is_ignored() -> None:
    assert found("Code 31.02.2021 was rejected.") == []


# --------------------------------------------------------------------------- non-dates


@pytest.mark.parametrize(
    "text",
    [
        "Troops from 22 countries took part.",
        "The Ababil-2 drone and the Shahed-136 were shown.",
        "They may decide to march on the capital.",
        "The ministry may 12 times revise the figure.",
        "Police detained 2000 people.",
        "The index rose to 1950 points.",
        "Version 1.10.2.2021 of the app is out.",
        "Theresa May met June Carter and April Smith.",
        "The vote was won by May after a long debate.",
        "A total of 2000 troops arrived.",
        "Марта Иванова выступила на форуме.",
        "Он вернулся к 2000 подписчиков.",
    ],
)
def test_non_dates_not_matched(text: str) -> None:
    lang = "ru" if any("а" <= c <= "я" for c in text.lower()) else "en"
    assert found(text, MON, lang) == []


def test_eve_as_preposition_is_not_a_date() -> None:
    assert found("Накануне выборов депутаты спорили.", MON, "ru") == []
    assert found("Накануне министр заявил об этом.", MON, "ru") == [("Накануне", day("2023-03-12"))]


# --------------------------------------------------------------------------- weekdays


def test_bare_weekday_is_most_recent_on_or_before_anchor() -> None:
    thu = TimeValue("2022-11-03", "day")  # a Thursday
    assert found("The ministry said on Tuesday that it disagreed.", thu) == [("Tuesday", day("2022-11-01"))]
    assert found("The ministry said on Thursday that it disagreed.", thu) == [("Thursday", day("2022-11-03"))]
    assert found("The ministry said on Friday that it disagreed.", thu) == [("Friday", day("2022-10-28"))]


def test_modified_weekdays() -> None:
    assert found("He resigned last Monday.") == [("last Monday", day("2023-03-06"))]
    assert found("He will resign next Monday.") == [("next Monday", day("2023-03-20"))]
    # A future cue turns a bare weekday forward.
    assert found("The court will rule on Wednesday.") == [("Wednesday", day("2023-03-15"))]


def test_weekday_without_anchor() -> None:
    assert found("Officials said on Friday.", None) == [("Friday", None)]


def test_weekday_with_month_anchor_is_coarse() -> None:
    assert found("Officials said on Friday.", TimeValue("2023-03", "month")) == [("Friday", month("2023-03"))]


# --------------------------------------------------------------------------- relative English


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was announced yesterday.", day("2023-03-12")),
        ("It was announced today.", day("2023-03-13")),
        ("It will be announced tomorrow.", day("2023-03-14")),
        ("It was announced the day before yesterday.", day("2023-03-11")),
        ("Shelling was heard last night.", day("2023-03-12")),
        ("Shelling was heard this morning.", day("2023-03-13")),
        ("It was announced last week.", month("2023-03")),
        ("It was announced earlier this week.", month("2023-03")),
        ("It was announced last month.", month("2023-02")),
        ("It was announced last year.", year("2022")),
        ("It was announced this year.", year("2023")),
        ("It was announced three days ago.", day("2023-03-10")),
        ("It was announced two weeks ago.", month("2023-02")),
        ("It was announced 2 months ago.", month("2023-01")),
        ("It was announced a year ago.", year("2022")),
    ],
)
def test_relative_english(text: str, value: TimeValue) -> None:
    [(_, got)] = found(text)
    assert got == value


def test_last_week_crossing_month() -> None:
    assert found("It was announced last week.", day("2023-03-03")) == [("last week", month("2023-02"))]


def test_relative_without_anchor_is_none() -> None:
    assert found("It was announced yesterday, not last week.", None) == [("yesterday", None), ("last week", None)]


def test_vague_counts_are_unresolved() -> None:
    assert found("It was announced a few days ago.") == [("a few days ago", None)]


def test_relative_with_month_anchor_is_coarse() -> None:
    assert found("It was announced yesterday.", TimeValue("2023-03", "month")) == [("yesterday", month("2023-03"))]


# --------------------------------------------------------------------------- Russian


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча прошла 12 марта 2021 года в Казани.", [("12 марта 2021 года", day("2021-03-12"))]),
        ("Встреча прошла 12 марта в Казани.", [("12 марта", day("2023-03-12"))]),
        ("Встреча прошла 5-го февраля.", [("5-го февраля", day("2023-02-05"))]),
        ("Встреча прошла 30 декабря 2020 г. в Казани.", [("30 декабря 2020 г.", day("2020-12-30"))]),
        ("Цены выросли в январе.", [("январе", month("2023-01"))]),
        ("Цены выросли в июне.", [("июне", month("2022-06"))]),
        ("Цены выросли в октябре 2021 года.", [("октябре 2021 года", month("2021-10"))]),
        ("Отчёт за октябрь 2021 опубликован.", [("октябрь 2021", month("2021-10"))]),
        ("Работы начались в конце ноября.", [("конце ноября", month("2022-11"))]),
        ("Работы начались в ноябре прошлого года.", [("ноябре прошлого года", month("2022-11"))]),
        ("Завод закрыли в 2019 году.", [("2019 году", year("2019"))]),
        ("Завод работает с 2015 года.", [("2015 года", year("2015"))]),
    ],
)
def test_explicit_russian(text: str, expected: list[tuple[str, TimeValue]]) -> None:
    assert found(text, MON, "ru") == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Об этом вчера сообщил министр.", day("2023-03-12")),
        ("Об этом сегодня сообщил министр.", day("2023-03-13")),
        ("Об этом позавчера сообщил министр.", day("2023-03-11")),
        ("Об этом накануне сообщил министр.", day("2023-03-12")),
        ("Об этом на прошлой неделе сообщил министр.", month("2023-03")),
        ("Об этом в прошлом месяце сообщил министр.", month("2023-02")),
        ("Об этом в прошлом году сообщил министр.", year("2022")),
        ("Об этом в пятницу сообщил министр.", day("2023-03-10")),
        ("Об этом в прошлую среду сообщил министр.", day("2023-03-08")),
        ("Об этом в понедельник сообщил министр.", day("2023-03-13")),
        ("Об этом три дня назад сообщил министр.", day("2023-03-10")),
        ("Об этом неделю назад сообщил министр.", month("2023-03")),
    ],
)
def test_relative_russian(text: str, value: TimeValue) -> None:
    [(_, got)] = found(text, MON, "ru")
    assert got == value


def test_russian_spans_exclude_preposition() -> None:
    assert found("Министр выступил во вторник и в четверг.", MON, "ru") == [
        ("вторник", day("2023-03-07")),
        ("четверг", day("2023-03-09")),
    ]
    assert found("Это случилось на прошлой неделе.", MON, "ru") == [("прошлой неделе", month("2023-03"))]


def test_russian_text_with_english_lang_finds_only_numeric() -> None:
    assert found("Встреча 12.03.2021 и 12 марта.", MON, "en") == [("12.03.2021", day("2021-03-12"))]


# --------------------------------------------------------------------------- offsets & ordering


def test_offsets_and_order() -> None:
    text = "On Oct. 3, 2022 the ministry denied it; yesterday it repeated that, citing a 2021-05-04 memo."
    mentions = find_dates(text, TimeValue("2022-10-10", "day"))
    assert [m.text for m in mentions] == ["Oct. 3, 2022", "yesterday", "2021-05-04"]
    for m in mentions:
        assert isinstance(m, TimeMention)
        assert text[m.start : m.end] == m.text
    assert [m.value for m in mentions] == [day("2022-10-03"), day("2022-10-09"), day("2021-05-04")]


def test_longest_expression_wins() -> None:
    # "2022" alone must not be reported next to the full date that contains it.
    assert found("Reported on 5 March 2022.") == [("5 March 2022", day("2022-03-05"))]


# --------------------------------------------------------------------------- resolve


def test_resolve() -> None:
    assert resolve("October 28, 2022", None) == day("2022-10-28")
    assert resolve("yesterday", MON) == day("2023-03-12")
    assert resolve("yesterday", None) is None
    assert resolve("в прошлом месяце", MON, "ru") == month("2023-02")
    assert resolve("in 2021", None) == year("2021")
    assert resolve(" 2021 ", None, "xx") == year("2021")
    assert resolve("31 octobre 2022", None, "fr") == day("2022-10-31")  # dateparser fallback
    assert resolve("no date here", MON) is None


# --------------------------------------------------------------------------- dateline


def test_dateline_at_end() -> None:
    text = "Ministry rejects report\n\nThe ministry rejected the report.\n\nNov. 4, 2022"
    value, start, end = dateline(text) or (None, 0, 0)
    assert value == day("2022-11-04")
    assert text[start:end] == "Nov. 4, 2022"


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("November 4, 2022", "2022-11-04"),
        ("04.11.2022", "2022-11-04"),
        ("4 ноября 2022", "2022-11-04"),
        ("2022-11-04", "2022-11-04"),
        ("4 Nov 2022", "2022-11-04"),
        ("ASTANA, Nov. 4, 2022", "2022-11-04"),
        ("Updated: Friday, November 4, 2022 14:30 GMT", "2022-11-04"),
        ("4 ноября 2022, 09:15", "2022-11-04"),
    ],
)
def test_dateline_forms_at_start(line: str, value: str) -> None:
    text = f"Ministry rejects report\n{line}\n\nThe ministry rejected the report on Tuesday."
    got = dateline(text)
    assert got is not None
    assert got[0] == day(value)
    assert text[got[1] : got[2]] == line


def test_dateline_inline_lede() -> None:
    text = "BISHKEK, March 2, 2023 — The ministry rejected the report."
    got = dateline(text)
    assert got is not None
    assert got[0] == day("2023-03-02")
    assert text[got[1] : got[2]] == "BISHKEK, March 2, 2023"


def test_sentence_with_date_is_not_a_dateline() -> None:
    text = "Ministry rejects report\n\nThe ministry said on March 2, 2023 that the report was false.\n\nMore follows."
    assert dateline(text) is None
    assert dateline("") is None


# --------------------------------------------------------------------------- anchor_for


def test_anchor_from_published() -> None:
    assert anchor_for("Anything, even March 1, 2020.", "2022-10-31") == day("2022-10-31")
    assert anchor_for("Anything.", "2022-10-31T08:00:00+00:00") == day("2022-10-31")
    assert anchor_for("Anything.", "2022-10") == month("2022-10")


def test_anchor_from_dateline() -> None:
    text = "Report denied\n\nThe agency denied it on Dec. 30, 2022, a week after the report.\n\nDec. 1, 2022"
    assert anchor_for(text, None) == day("2022-12-01")


def test_anchor_latest_explicit_date() -> None:
    text = (
        "The journalist repeated on October 31 that the drones were built there. "
        "He had first said so on October 28, 2022, and the ministry replied on 30 October 2022."
    )
    assert anchor_for(text, None) == day("2022-10-30")


def test_anchor_month_year_fallback_and_none() -> None:
    assert anchor_for("Prices rose in May 2021 and in June 2021.", None) == month("2021-06")
    assert anchor_for("Prices rose yesterday.", None) is None


def test_anchor_russian() -> None:
    assert anchor_for("Министр выступил 3 марта 2023 года и повторил это вчера.", None, "ru") == day("2023-03-03")


def test_text_without_any_year_gets_a_provisional_anchor() -> None:
    from claimledger.dates import PROVISIONAL_YEAR, complete_year

    text = "The mayor spoke on March 3. On March 5 the council met, and two days ago it voted."
    anchor = anchor_for(text, None, "en")
    assert anchor is not None and anchor.provisional
    assert anchor.iso == f"{PROVISIONAL_YEAR}-03-05"
    said = find_dates(text, anchor, "en")[0].value
    assert said is not None and said.iso == f"{PROVISIONAL_YEAR}-03-03"
    assert complete_year(said.iso, anchor, "2031-03-06") == "2031-03-03"
    # The year is the one placing the anchor day nearest the reference, before or after it.
    assert complete_year(f"{PROVISIONAL_YEAR}-03-03", anchor, "2032-01-02") == "2032-03-03"
    late = TimeValue(f"{PROVISIONAL_YEAR}-12-30", "day", provisional=True)
    assert complete_year(f"{PROVISIONAL_YEAR}-12-28", late, "2032-01-02") == "2031-12-28"
    assert complete_year(said.iso, anchor, None) is None
    assert complete_year("2031-03-03", TimeValue("2031-03-05", "day"), None) == "2031-03-03"


def test_no_day_and_month_means_no_anchor() -> None:
    assert anchor_for("The council met on Thursday and voted yesterday.", None, "en") is None


def test_weekday_against_a_provisional_anchor_is_unresolved() -> None:
    # 2000-03-05 is a Sunday and 2031-03-05 a Wednesday: "on Monday" found in the placeholder
    # year would name the wrong day once the story supplies the year.
    text = "The mayor spoke on March 3. On March 5 the council met; it had voted on Monday."
    anchor = anchor_for(text, None, "en")
    assert anchor is not None and anchor.provisional
    values = {m.text: m.value for m in find_dates(text, anchor, "en")}
    assert values["Monday"] is None
    assert values["March 3"] is not None


@pytest.mark.parametrize(
    ("text", "lang", "value", "prefix"),
    [
        ("Министерство отвечает\n\nКестград, 4 ноября 2031 года. Министерство опровергло слухи.", None,
         "2031-11-04", "Кестград, 4 ноября 2031 года"),
        ("Vazirlik javob berdi\n\nSamarqand, 4-noyabr 2031. Vazirlik xabarlarni rad etdi.", "uz",
         "2031-11-04", "Samarqand, 4-noyabr 2031"),
        ("Ministry replies\n\nPort Halden, Nov. 4, 2031 - The ministry rejected the report.", None,
         "2031-11-04", "Port Halden, Nov. 4, 2031"),
    ],
)
def test_dateline_with_a_city_in_title_case(text: str, lang: str | None, value: str, prefix: str) -> None:
    got = dateline(text, lang)
    assert got is not None
    assert got[0] == day(value)
    assert text[got[1] : got[2]] == prefix


def test_an_opening_adverb_and_date_is_not_a_dateline() -> None:
    text = "Спор о дронах\n\nРанее, 28 октября 2031 года, блогер говорил о другой стране."
    assert dateline(text) is None


def test_yearless_wire_dateline_is_a_provisional_anchor() -> None:
    from claimledger.dates import PROVISIONAL_YEAR

    text = "Ministry rejects claim\n\nKESTGRAD, Nov 4 (Wire) - The ministry on Friday rejected a claim made Nov. 1."
    assert dateline(text) is None
    got = dateline(text, yearless=True)
    assert got is not None and got[0].provisional
    assert text[got[1] : got[2]] == "KESTGRAD, Nov 4"
    anchor = anchor_for(text, None, "en")
    # the dateline's day, not the latest day the text names
    assert anchor == TimeValue(f"{PROVISIONAL_YEAR}-11-04", "day", provisional=True)
