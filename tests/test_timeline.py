"""Timeline merging across documents, on events written for these tests."""

from __future__ import annotations

from claimledger.models import Event
from claimledger.timeline import (
    as_of,
    dates_compatible,
    event_keys,
    merge,
    ordered,
    same_speaker,
    speaker_stems,
)


def _ev(eid: str, desc: str, date: str | None, doc: str, reported: str | None = None, kind: str = "event") -> Event:
    ev = Event(
        id=eid,
        description=desc,
        date=date,
        date_precision=None if date is None else {10: "day", 7: "month"}.get(len(date), "year"),  # type: ignore[arg-type]
        reported_date=reported,
        doc_ids=[doc],
        statement_ids=[f"{doc}:s1"] if kind == "statement" else [],
        kind=kind,
    )
    ev.keys = event_keys(ev)
    return ev


def test_keys_pair_month_with_salient_words() -> None:
    ev = _ev("a:v1", "Paula Reyes opened the Sines hydrogen plant", "2023-03-04", "a")
    keys = event_keys(ev)
    assert "2023-03|reyes" in keys
    assert "2023-03|sines" in keys
    assert all(k.startswith("2023-03|") for k in keys)
    assert not any(k.endswith("|the") for k in keys)


def test_same_event_from_two_documents_merges() -> None:
    old = _ev("a:v1", "Paula Reyes opened the Sines hydrogen plant in Lisbon", "2023-03-04", "a", "2023-03-05")
    new = _ev("b:v3", "Energy minister Reyes opened a hydrogen plant", "2023-03-04", "b", "2023-03-04", "statement")
    out = merge([new], [old])
    assert len(out) == 1
    assert out[0] is old
    assert old.doc_ids == ["a", "b"]
    assert old.statement_ids == ["b:s1"]
    assert old.reported_date == "2023-03-04"  # first known from the earlier report


def test_month_precision_is_compatible_and_refined() -> None:
    old = _ev("a:v1", "Paula Reyes opened the Sines hydrogen plant", "2023-03", "a")
    new = _ev("b:v1", "Reyes opened the Sines plant", "2023-03-04", "b")
    out = merge([new], [old])
    assert out == [old]
    assert old.date == "2023-03-04"
    assert dates_compatible("2023-03", "2023-03-04")
    assert not dates_compatible("2023-03-05", "2023-03-04")


def test_different_dates_or_actors_stay_apart() -> None:
    old = _ev("a:v1", "Paula Reyes opened the Sines hydrogen plant", "2023-03-04", "a")
    other_day = _ev("b:v1", "Paula Reyes opened the Sines hydrogen plant", "2023-04-04", "b")
    other_actor = _ev("c:v1", "Marta Silva opened a bakery in Porto", "2023-03-04", "c")
    out = merge([other_day, other_actor], [old])
    assert {e.id for e in out} == {"b:v1", "c:v1"}
    assert old.doc_ids == ["a"]


def test_one_document_never_merges_its_own_two_events() -> None:
    old = _ev("a:v1", "Paula Reyes opened the Sines hydrogen plant", "2023-03-04", "a")
    same_doc = _ev("a:v2", "Paula Reyes toured the Sines hydrogen plant", "2023-03-04", "a")
    assert merge([same_doc], [old]) == [same_doc]


def test_new_events_of_two_documents_in_one_batch_merge() -> None:
    e1 = _ev("a:v1", "Paula Reyes opened the Sines hydrogen plant", "2023-03-04", "a")
    e2 = _ev("b:v1", "Reyes opened Sines hydrogen plant", "2023-03-04", "b")
    out = merge([e1, e2], [])
    assert len(out) == 1
    assert out[0].doc_ids == ["a", "b"]


def test_as_of_and_ordered() -> None:
    e1 = _ev("a:v1", "Reyes opened the plant", "2023-03-04", "a", "2023-03-05")
    e2 = _ev("b:v1", "Costa visited Sines", "2023-02-01", "b", "2023-03-20")
    e3 = _ev("c:v1", "Undated thing happened", None, "c", "2023-03-01")
    e4 = _ev("d:v1", "Silva resigned", "2023-03", "d", "2023-03-30")
    assert [e.id for e in ordered([e1, e2, e3, e4])] == ["b:v1", "d:v1", "a:v1", "c:v1"]
    assert [e.id for e in as_of([e1, e2, e3, e4], "2023-03-10")] == ["a:v1", "c:v1"]
    assert [e.id for e in as_of([e1, e2, e3, e4], "2023-03-31")] == ["b:v1", "d:v1", "a:v1", "c:v1"]


def test_refining_date_brings_the_precise_accounts_description() -> None:
    old = _ev("a:v1", "Paula Reyes visited the Sines plant", "2023-03", "a")
    new = _ev("b:v1", "Paula Reyes and Antonio Costa opened the Sines turbine line", "2023-03-04", "b")
    assert merge([new], [old]) == [old]
    assert old.date == "2023-03-04"
    assert old.description == "Paula Reyes and Antonio Costa opened the Sines turbine line"


def test_institutional_words_are_not_shared_names() -> None:
    old = _ev("a:v1", "Norvanian Foreign Ministry claims: the matter is closed", "2023-03-04", "a", kind="statement")
    new = _ev("b:v1", "Kestrel Foreign Ministry had not commented by morning", "2023-03-04", "b")
    out = merge([new], [old])
    assert new in out and old.doc_ids == ["a"]


def test_two_speakers_on_one_day_are_two_statements() -> None:
    old = _ev("a:v1", "Tova Rinn claims: Norvia sold Velgrad harbour in secret", "2023-03-04", "a", kind="statement")
    new = _ev("b:v1", "Ivo Sarn denies: Norvia sold the Velgrad harbour", "2023-03-04", "b", kind="statement")
    out = merge([new], [old])
    assert new in out and old.doc_ids == ["a"]
    assert merge([old, new], []) == [old, new]  # nor in one batch


def test_one_speaker_in_two_languages_is_one_statement() -> None:
    old = _ev("a:v1", "Tova Rinn claims: Norvia sold the Velgrad harbour", "2023-03-04", "a", kind="statement")
    new = _ev("b:v1", "Това Ринн claims: Norvia sold the Velgrad harbour", "2023-03-04", "b", kind="statement")
    assert merge([new], [old]) == [old]
    assert old.doc_ids == ["a", "b"]


def test_speaker_travels_in_a_bookkeeping_key() -> None:
    ev = _ev("a:v1", "Tamberian Foreign Ministry denies (in a note): the sale", "2023-03-04", "a", kind="statement")
    assert "@spk:tamber" in ev.keys
    narrative = _ev("a:v2", "Rinn visited the harbour", "2023-03-04", "a")
    assert not any(k.startswith("@") for k in narrative.keys)


def test_same_speaker_rules() -> None:
    assert same_speaker(speaker_stems("Viktor Demsky"), speaker_stems("Виктор Демский"))
    assert same_speaker(speaker_stems("Gordon"), speaker_stems("Dmitry Gordon"))
    assert same_speaker(speaker_stems("Tajik Foreign Ministry"), speaker_stems("Tajikistan's MFA"))
    assert not same_speaker(speaker_stems("Dmitry Gordon"), speaker_stems("Dmitry Peskov"))
    assert not same_speaker(speaker_stems("Valdorian Foreign Ministry"), speaker_stems("Ilse Marten"))
