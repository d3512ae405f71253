"""When statements were made (`statements.dating`), on sentences written for these tests.

Each rule has a case that dates and a case that must not: a wrong date is worse than none.
The articles are published on Friday 2023-03-10.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger.models import Document, Statement
from claimledger.nlp import parse
from claimledger.statements import extract


def run(text: str, lang: str = "en", published: str | None = "2023-03-10") -> list[Statement]:
    document = Document(source="t", text=text, language=lang, published=published)
    return extract(parse(text, lang), document)[0]


def date_of(sts: list[Statement], word: str) -> str | None:
    for s in sts:
        if word.lower() in s.content.lower():
            return s.date
    raise AssertionError(f"no statement mentions {word!r}: {[s.content for s in sts]}")


# ------------------------------------------------- 1. date phrases reaching the cue
@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Speaking to Radio Norte on March 8, Paula Reyes said she was asking auditors to inspect the plant.",
            "auditors",
            "2023-03-08",
        ),
        (
            'In a statement issued on March 9, the port authority said: "The harbour is safe for ships."',
            "harbour",
            "2023-03-09",
        ),
        (
            "The harbour authority said in a statement published on Tuesday that the pier would reopen in April.",
            "pier",
            "2023-03-07",
        ),
        ("«Мы не закроем порт до весны», — сказал директор порта Алан Прайс в воскресенье.", "порт", "2023-03-05"),
    ],
)
def test_date_phrase_hanging_off_the_cue(text: str, word: str, expected: str) -> None:
    lang = "ru" if any("а" <= ch <= "я" for ch in text) else "en"
    assert date_of(run(text, lang), word) == expected


def test_a_clause_with_its_own_subject_blocks_the_walk() -> None:
    sts = run("After the union protested on Monday, the mayor said the depot would stay open.")
    assert date_of(sts, "depot") is None


def test_a_date_inside_the_content_is_the_contents() -> None:
    sts = run("Governor Nina Fox said the old dam had failed on February 14.")
    assert date_of(sts, "dam") is None


# ------------------------------------------------- 2. follow-on quotes, announced acts
def test_the_same_speakers_next_quote_continues_the_dated_act() -> None:
    text = (
        "Paula Reyes said on March 8 that the audit of the plant had begun.\n\n"
        "\u201cWe will publish every invoice we find,\u201d Reyes said."
    )
    assert date_of(run(text), "invoice") == "2023-03-08"


def test_a_new_time_clause_starts_another_act() -> None:
    text = (
        "Paula Reyes said on March 8 that the audit of the plant had begun. "
        "After the council met, Reyes said the audit would be delayed."
    )
    sts = run(text)
    assert date_of(sts, "begun") == "2023-03-08"
    assert date_of(sts, "delayed") is None


def test_an_act_announced_in_the_sentence_before() -> None:
    text = (
        "Sines Energy released a statement on March 6 about the new plant. "
        "\u201cWe will hire 300 workers by June,\u201d Sines Energy said."
    )
    assert date_of(run(text), "workers") == "2023-03-06"


def test_another_speakers_announcement_does_not_date_a_quote() -> None:
    text = (
        "Delta Power released a statement on March 6 about the new plant. "
        "\u201cWe will hire 300 workers by June,\u201d Sines Energy said."
    )
    assert date_of(run(text), "workers") is None


# ------------------------------------------------- 3. nested reporting
def test_a_comment_reported_by_an_outlet_takes_the_reports_date() -> None:
    text = (
        "The Coastal Herald reported on March 9 that a spokesman for the port authority has told it "
        "that the pier is unsafe."
    )
    sts = run(text)
    inner = [s for s in sts if s.content == "the pier is unsafe"]
    assert inner and all(s.date == "2023-03-09" and "Herald" not in s.speaker for s in inner)


def test_a_noun_cue_inside_a_dated_statement_is_older_news() -> None:
    # The rejection is dated; the claims it rejects were made before it.
    text = "The ministry on Thursday rejected claims by blogger Ivo Marsh that the dam is leaking."
    sts = run(text)
    assert all(s.date is None for s in sts if s.speaker.endswith("Marsh"))


# ------------------------------------------------- 4. "at the time"
def test_at_the_time_points_back_at_the_previous_sentence() -> None:
    text = (
        "Mayor Lena Ortiz opened the new bridge on March 2. "
        "Officials said at the time that the bridge would carry 4,000 cars a day."
    )
    assert date_of(run(text), "cars") == "2023-03-02"


def test_at_the_time_without_a_date_before_dates_nothing() -> None:
    text = "Mayor Lena Ortiz opened the new bridge. Officials said at the time that the bridge would carry 4,000 cars."
    assert date_of(run(text), "cars") is None


# ------------------------------------------------- 5./6. ledes
def test_a_present_perfect_lede_takes_the_dated_act_it_summarises() -> None:
    text = (
        "Port authority denies pier closure\n\n"
        "The Halden Port Authority has denied that the north pier will close this year.\n\n"
        "The Halden Port Authority said in a statement on Thursday that the pier was safe for ships."
    )
    sts = run(text)
    assert date_of(sts, "safe for ships") == "2023-03-09"
    assert date_of(sts, "north pier") == "2023-03-09"


def test_a_present_perfect_lede_alone_is_not_given_the_publication_date() -> None:
    text = (
        "Port authority denies pier closure\n\n"
        "The Halden Port Authority has denied that the north pier will close this year."
    )
    assert date_of(run(text), "north pier") is None


def test_a_headline_takes_the_date_of_a_lede_that_dates_itself() -> None:
    text = (
        "Kestranian Foreign Ministry rejects drone claims\n\n"
        "The Kestranian Foreign Ministry said on Wednesday that the republic does not export drones."
    )
    sts = run(text)
    assert date_of(sts, "does not export") == "2023-03-08"
    assert date_of(sts, "drone claims") == "2023-03-08"


def test_a_headline_does_not_take_the_date_of_an_act_the_article_recalls() -> None:
    text = (
        "Блогер Виктор Калн требует расследования\n\n"
        "Украинский журналист Виктор Калн потребовал международного расследования.\n\n"
        "Напомним, 28 февраля журналист заявил, что дроны собирают в Кестрании."
    )
    sts = run(text, "ru")
    assert date_of(sts, "собирают") == "2023-02-28"
    assert all(s.date is None for s in sts if "расследован" in s.content)
