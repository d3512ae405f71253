"""English and Russian statements of one claim: frames that unify across the languages."""

from __future__ import annotations

import itertools
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.claims import frame
from claimledger.claims.linking import link, unify
from claimledger.models import Document, Statement
from claimledger.statements import extract

EN = (
    "Plant built drones\n\n"
    "Defence Minister Oskar Lindgren said on Monday that the plant in Norvik had built 30 drones since March."
)
RU = (
    "Завод выпустил беспилотники\n\n"
    "Министр обороны Оскар Линдгрен заявил, что завод в Норвике с марта выпустил 25 беспилотников."
)


def _statements(text: str, lang: str, doc_id: str) -> list[Statement]:
    doc = nlp.parse(text, lang)
    sts, _ = extract(doc, Document(id=doc_id, text=text, language=lang, source=doc_id))
    for s in sts:
        s.frame = frame(s, doc)
    return [s for s in sts if s.frame.get("quantities")]


def test_counted_units_are_language_neutral() -> None:
    (en,) = _statements(EN, "en", "en1")
    (ru,) = _statements(RU, "ru", "ru1")
    assert en.frame["quantities"][0]["unit"] == ru.frame["quantities"][0]["unit"] == "drone"
    # "the plant in Norvik": a town the English tagger calls an organisation
    assert en.frame["places"] == ru.frame["places"] == ["~norvik"]


def test_english_and_russian_report_of_one_claim_link_to_one_claim() -> None:
    (en,) = _statements(EN, "en", "en1")
    (ru,) = _statements(RU, "ru", "ru1")
    score, _ = unify(ru.frame, en.frame)
    assert score >= 0.62
    ids = itertools.count(1)
    claims = link([en], [], {}, lambda: f"c{next(ids)}")
    assert len(claims) == 1
    again = link([ru], claims, {en.id: en}, lambda: f"c{next(ids)}")
    assert [c.id for c in again] == [claims[0].id]
    assert {s.doc_id for s in again[0].stances} == {"en1", "ru1"}


def test_a_placed_assertion_does_not_join_a_claim_without_place() -> None:
    vague = Statement(
        id="d0:s1",
        doc_id="d0",
        speaker="Critics",
        act="claim",
        content="drones are being built",
        direct=False,
        start=0,
        end=1,
    )
    vague.frame = {**frame(vague, None)}
    ids = itertools.count(1)
    claims = link([vague], [], {}, lambda: f"c{next(ids)}")
    (placed,) = _statements(EN, "en", "en1")
    out = link([placed], claims, {vague.id: vague}, lambda: f"c{next(ids)}")
    assert all(c.id != claims[0].id for c in out if any(s.statement_id == placed.id for s in c.stances))
