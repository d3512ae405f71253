"""Story clustering on documents written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from claimledger import embeddings
from claimledger.models import DocAnalysis, Document, Mention, Statement, Story
from claimledger.stories import assign, doc_keys


def _ids() -> Callable[[], str]:
    counter = itertools.count(1)
    return lambda: f"t{next(counter)}"


def _analysis(
    text: str, published: str | None, actors: list[tuple[str, str]], speaker: tuple[str, str] | None = None,
    title: str | None = None,
) -> DocAnalysis:  # fmt: skip
    doc = Document(source=f"{hash(text)}.txt", text=text, title=title, published=published, language="en")
    mentions = [Mention(doc.id, 0, len(n), n, t, n) for n, t in actors]  # type: ignore[arg-type]
    statements = []
    if speaker:
        statements.append(
            Statement(id=f"{doc.id}:s1", doc_id=doc.id, speaker=speaker[0], act="claim", content=text[:80],
                      direct=False, start=0, end=10, speaker_type=speaker[1])  # type: ignore[arg-type]
        )  # fmt: skip
    return DocAnalysis(document=doc, statements=statements, mentions=mentions)


PLANT_A = _analysis(
    "Energy minister Paula Reyes opened the Sines hydrogen plant in Lisbon. Reyes said the Sines plant will export.",
    "2023-03-04",
    [("Paula Reyes", "PERSON"), ("Sines Energy", "ORG"), ("Portugal", "GPE")],
    ("Paula Reyes", "PERSON"),
    title="Reyes opens Sines hydrogen plant",
)
PLANT_B = _analysis(
    "Critics asked Paula Reyes about the cost of the Sines plant. Sines Energy denied any overrun.",
    "2023-03-20",
    [("Reyes", "PERSON"), ("Sines Energy", "ORG")],
    ("Sines Energy", "ORG"),
)
# Same theme (a minister opens a hydrogen plant), other actors and country.
LOOKALIKE = _analysis(
    "Energy minister Jonas Berg opened the Kiruna hydrogen plant. Berg said the Kiruna plant will export.",
    "2023-03-05",
    [("Jonas Berg", "PERSON"), ("Kiruna Steel", "ORG"), ("Sweden", "GPE")],
    ("Jonas Berg", "PERSON"),
)
# Same actors, a year later.
LATER = _analysis(
    "Paula Reyes visited the Sines hydrogen plant again. Sines Energy said output doubled.",
    "2024-04-01",
    [("Paula Reyes", "PERSON"), ("Sines Energy", "ORG")],
    ("Paula Reyes", "PERSON"),
)


def test_doc_keys_come_from_actors_and_capitalised_terms() -> None:
    keys = doc_keys(PLANT_A)
    assert keys[0] == "p:reies"  # the speaker, normalised like entity keys
    assert "o:sines" in keys  # one stem per distinctive word of an organisation's name
    assert "g:portu" in keys
    assert "t:lisbo" in keys
    assert not any(k.startswith("@") for k in keys)


def test_stems_fold_kinds_inflections_and_scripts() -> None:
    en = _analysis("Talks in Norvania.", "2023-03-04", [("Norvania", "GPE"), ("Piotr Zavadsky", "PERSON")])
    ru = _analysis("Переговоры.", "2023-03-04", [("Норвании", "PERSON"), ("Завадского", "PERSON")])
    stems_en = {k.split(":", 1)[1] for k in doc_keys(en)}
    stems_ru = {k.split(":", 1)[1] for k in doc_keys(ru)}
    assert {"norva", "zavad"} <= stems_en & stems_ru


def test_generic_and_headline_words_are_not_story_keys() -> None:
    a = _analysis(
        "The Foreign Ministry said the plant was hacked. Defence officials in Sines agreed.",
        "2023-03-04", [("Paula Reyes", "PERSON")], title="Hacked Plant Worries Ministry",
    )  # fmt: skip
    stems = {k.split(":", 1)[1] for k in doc_keys(a)}
    assert "sines" in stems
    assert not stems & {"forei", "minis", "defen", "hacke", "plant", "worri"}


def test_same_story_joins_lookalike_and_later_stay_apart() -> None:
    new_id = _ids()
    first = assign(PLANT_A, [], new_id)
    assert first.id == "t1"
    assert first.title == "Reyes opens Sines hydrogen plant"
    assert first.doc_ids == [PLANT_A.document.id]
    assert "@first:2023-03-04" in first.keys

    joined = assign(PLANT_B, [first], new_id)
    assert joined is first
    assert first.doc_ids == [PLANT_A.document.id, PLANT_B.document.id]
    assert "@last:2023-03-20" in first.keys

    other = assign(LOOKALIKE, [first], new_id)
    assert other.id == "t2"
    assert other.doc_ids == [LOOKALIKE.document.id]

    later = assign(LATER, [first, other], new_id)
    assert later.id == "t3"  # outside the 45-day window
    assert first.doc_ids == [PLANT_A.document.id, PLANT_B.document.id]


def test_best_candidate_wins_and_title_falls_back_to_statement() -> None:
    new_id = _ids()
    s1 = assign(LOOKALIKE, [], new_id)
    s2 = assign(PLANT_A, [s1], new_id)
    assert s2.id != s1.id
    joined = assign(PLANT_B, [s1, s2], new_id)
    assert joined.id == s2.id
    assert s1.title.startswith("Jonas Berg: Energy minister Jonas Berg opened")


def test_keys_are_capped_and_reassignment_is_idempotent() -> None:
    new_id = _ids()
    story = Story(id="t9", title="x", doc_ids=[], keys=[])
    for i in range(30):
        words = " ".join(f"Term{i}x{j}" for j in range(10))
        a = _analysis(f"Paula Reyes met them. {words}.", "2023-03-04", [("Paula Reyes", "PERSON")])
        story = assign(a, [story], new_id) if story.doc_ids else assign(a, [], new_id)
    assert len(story.doc_ids) == 30
    assert len([k for k in story.keys if not k.startswith("@")]) <= 50
    assert "p:reies" in story.keys
    again = assign(PLANT_A, [story], new_id)
    again2 = assign(PLANT_A, [again], new_id)
    assert again2 is again and again.doc_ids.count(PLANT_A.document.id) == 1


def _long(text_extra: str, actors_extra: list[tuple[str, str]], published: str) -> DocAnalysis:
    side = [(f"Side Person{i} Olsen{i}x", "PERSON") for i in range(12)]
    return _analysis(
        "Paula Reyes opened the Sines hydrogen plant. Sines Energy said it will export. " + text_extra,
        published,
        [("Paula Reyes", "PERSON"), ("Sines Energy", "ORG"), ("Portugal", "GPE"), *side, *actors_extra],
        ("Paula Reyes", "PERSON"),
    )


def test_long_article_with_many_side_actors_joins_short_one() -> None:
    new_id = _ids()
    short = assign(PLANT_B, [], new_id)
    chatter = " ".join(f"Analyst Quorra{i} Vendt{i}k commented at Hub{i}ville." for i in range(15))
    long = _long(chatter, [], "2023-03-22")
    assert assign(long, [short], new_id) is short


def test_russian_article_joins_english_story() -> None:
    new_id = _ids()
    story = assign(PLANT_A, [], new_id)
    ru = DocAnalysis(
        document=Document(source="ru.txt", text="Министр Паула Рейес открыла завод Синес в Португалии.",
                          published="2023-03-06", language="ru"),
    )  # fmt: skip
    ru.mentions = [
        Mention(ru.document.id, 0, 5, "Паулы Рейес", "PERSON", "Паула Рейес"),
        Mention(ru.document.id, 0, 5, "Синес Энерджи", "PERSON", "Синес Энерджи"),  # NER mistyped it
        Mention(ru.document.id, 0, 5, "Португалии", "GPE", "Португалии"),
    ]
    assert assign(ru, [story], new_id) is story


def test_one_shared_actor_is_not_a_story() -> None:
    new_id = _ids()
    story = assign(PLANT_A, [], new_id)
    # Same minister, same week, but a different affair with nothing else in common.
    other = _analysis(
        "Paula Reyes met fishermen in Nazare about Atlantic quotas. Cooperative leader Rui Brandao objected.",
        "2023-03-06",
        [("Paula Reyes", "PERSON"), ("Rui Brandao", "PERSON"), ("Nazare Fishers", "ORG")],
        ("Rui Brandao", "PERSON"),
    )
    assert assign(other, [story], new_id) is not story


def _plain(text: str, published: str, actors: list[tuple[str, str]] = (), title: str | None = None) -> DocAnalysis:  # type: ignore[assignment]
    a = _analysis(text, published, list(actors), title=title)
    a.vector = embeddings.document_vector(a.document.title, a.document.text)
    return a


def test_a_document_told_in_other_words_joins_by_meaning() -> None:
    new_id = _ids()
    first = _plain("A whale was stranded on the beach near the harbour and rescuers worked all night.", "2023-05-02")
    story = assign(first, [], new_id)
    # No shared name or capitalised term: only the meaning ties them.
    second = _plain("Rescuers spent the night trying to save a whale stuck on a beach by the port.", "2023-05-03")
    assert assign(second, [story], new_id).id == story.id
    assert story.vector is not None and set(embeddings.lsh_keys_packed(story.vector)) <= set(story.keys)
    unrelated = _plain("The central bank raised interest rates by half a point.", "2023-05-03")
    assert assign(unrelated, [story], new_id).id != story.id


def test_similar_wording_about_other_named_actors_stays_apart() -> None:
    new_id = _ids()
    reyes = _plain(PLANT_A.document.text, "2023-03-04", [("Paula Reyes", "PERSON"), ("Sines Energy", "ORG")])
    story = assign(reyes, [], new_id)
    berg = _plain(LOOKALIKE.document.text, "2023-03-05", [("Jonas Berg", "PERSON"), ("Kiruna Steel", "ORG")])
    assert embeddings.cosine(embeddings.unpack(reyes.vector), embeddings.unpack(berg.vector)) > 0.5
    assert assign(berg, [story], new_id).id != story.id


def test_the_window_a_document_gives_store_lookups_is_the_one_assign_applies() -> None:
    from claimledger.stories import _within_window, span, window

    first = assign(PLANT_A, [], _ids())
    assert span(first) == ("2023-03-04", "2023-03-04")
    for day in ["2023-01-17", "2023-01-18", "2023-04-18", "2023-04-19", "2023-03", "2022", None]:
        doc = _analysis("Paula Reyes spoke again.", day, [("Paula Reyes", "PERSON")])
        bounds = window(doc)
        if day is None:
            assert bounds is None
            continue
        assert bounds is not None
        lo, hi = span(first)
        assert lo is not None and hi is not None
        assert (hi >= bounds[0] and lo <= bounds[1]) == _within_window(day, first), day
