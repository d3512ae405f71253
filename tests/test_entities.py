"""Entity resolution across documents and languages, on names written for these tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from claimledger.entities import mention_keys, resolve
from claimledger.models import Entity, Mention


def _ids() -> Callable[[], str]:
    counter = itertools.count(1)
    return lambda: f"e{next(counter)}"


def _m(text: str, etype: str, local: str = "", doc: str = "d1") -> Mention:
    return Mention(doc_id=doc, start=0, end=len(text), text=text, type=etype, local_name=local or text)  # type: ignore[arg-type]


def _run(batches: list[list[Mention]]) -> dict[str, Entity]:
    """Resolve batches in order, feeding every entity known so far as a candidate."""
    new_id = _ids()
    known: dict[str, Entity] = {}
    for batch in batches:
        for e in resolve(batch, list(known.values()), new_id):
            known[e.id] = e
    return known


def test_person_forms_merge_across_documents_and_scripts() -> None:
    d1 = [_m("Dmitry Gordon", "PERSON"), _m("Mr. Gordon", "PERSON", "Dmitry Gordon")]
    d2 = [_m("Gordon", "PERSON", doc="d2")]
    d3 = [_m("Гордона", "PERSON", doc="d3"), _m("Дмитрий Гордон", "PERSON", doc="d3")]
    known = _run([d1, d2, d3])
    ids = {m.entity_id for m in d1 + d2 + d3}
    assert len(ids) == 1
    (entity,) = known.values()
    assert entity.name == "Dmitry Gordon"
    assert entity.type == "PERSON"
    assert {"Mr. Gordon", "Gordon", "Гордона", "Дмитрий Гордон"} <= set(entity.aliases)
    assert "p:gordon" in entity.keys


def test_same_surname_different_given_names_stay_apart() -> None:
    d1 = [_m("Dmitry Gordon", "PERSON")]
    d2 = [_m("Sarah Gordon", "PERSON", doc="d2")]
    _run([d1, d2])
    assert d1[0].entity_id != d2[0].entity_id


def test_declined_short_given_name_is_the_same_person() -> None:
    # "Анны Крайновой" (genitive) beside "Анна Крайнова": the given name's last vowel moves
    d1 = [_m("Анна Крайнова", "PERSON", doc="d1"), _m("Анны Крайновой", "PERSON", "Анна Крайнова", doc="d1")]
    d2 = [_m("Anna Krainova", "PERSON", doc="d2")]
    _run([d1, d2])
    assert len({m.entity_id for m in d1 + d2}) == 1


def test_short_given_names_that_differ_stay_apart() -> None:
    d1 = [_m("Anna Krainova", "PERSON")]
    d2 = [_m("Inna Krainova", "PERSON", doc="d2")]
    _run([d1, d2])
    assert d1[0].entity_id != d2[0].entity_id


def test_bare_surname_ambiguous_between_two_people_joins_neither() -> None:
    d1 = [_m("Dmitry Gordon", "PERSON"), _m("Sarah Gordon", "PERSON")]
    d2 = [_m("Gordon", "PERSON", doc="d2")]
    known = _run([d1, d2])
    assert d2[0].entity_id not in {d1[0].entity_id, d1[1].entity_id}
    assert len(known) == 3


def test_bare_surname_with_one_candidate_joins_it() -> None:
    d1 = [_m("Leonid Nevzlin", "PERSON")]
    d2 = [_m("Nevzlin", "PERSON", doc="d2")]
    _run([d1, d2])
    assert d1[0].entity_id == d2[0].entity_id


def test_initial_and_spelling_variants() -> None:
    d1 = [_m("Volodymyr Zelenskyy", "PERSON")]
    d2 = [_m("V. Zelensky", "PERSON", doc="d2")]
    d3 = [_m("Зеленского", "PERSON", doc="d3")]
    d4 = [_m("Olena Zelenska", "PERSON", doc="d4")]
    _run([d1, d2, d3, d4])
    assert d1[0].entity_id == d2[0].entity_id == d3[0].entity_id
    assert d4[0].entity_id != d1[0].entity_id


def test_foreign_ministry_frames() -> None:
    forms = [
        "Tajik Foreign Ministry",
        "Tajik MFA",
        "Ministry of Foreign Affairs of Tajikistan",
        "Tajikistan's Foreign Ministry",
        "Министерство иностранных дел Республики Таджикистан",
        "МИД Таджикистана",
    ]
    batches = [[_m(f, "ORG", doc=f"d{i}")] for i, f in enumerate(forms)]
    uzbek = [_m("Uzbek MFA", "ORG", doc="dx"), _m("Ministry of Foreign Affairs of Uzbekistan", "ORG", doc="dx")]
    known = _run([*batches, uzbek])
    tajik_ids = {b[0].entity_id for b in batches}
    assert len(tajik_ids) == 1
    assert uzbek[0].entity_id == uzbek[1].entity_id
    assert uzbek[0].entity_id not in tajik_ids
    tajik = known[next(iter(tajik_ids))]
    assert tajik.type == "ORG"
    assert tajik.keys == ["o:tajikistan|mfa"]


def test_org_keys_normalise_country_and_institution() -> None:
    assert mention_keys(_m("Tajikistan's Foreign Ministry", "ORG")) == ["o:tajikistan|mfa"]
    assert mention_keys(_m("Минобороны России", "ORG")) == ["o:russia|defence"]
    assert mention_keys(_m("Russian Ministry of Defence", "ORG")) == ["o:russia|defence"]
    assert mention_keys(_m("State Department", "ORG")) == ["o:united_states|mfa"]
    assert mention_keys(_m("American", "NORP")) == ["c:united_states"]
    assert mention_keys(_m("таджикский", "NORP")) == ["c:tajikistan"]
    assert mention_keys(_m("Germans", "NORP")) == ["c:germany"]


def test_embassy_with_and_without_seat() -> None:
    d1 = [_m("US Embassy in Dushanbe", "ORG")]
    d2 = [_m("U.S. Embassy", "ORG", doc="d2")]
    d3 = [_m("U.S. Embassy in Kyiv", "ORG", doc="d3")]
    d4 = [_m("Russian Embassy in Dushanbe", "ORG", doc="d4")]
    _run([d1, d2, d3, d4])
    assert d1[0].entity_id == d2[0].entity_id
    assert d3[0].entity_id != d1[0].entity_id
    assert d4[0].entity_id != d1[0].entity_id


def test_side_joins_the_only_state_body_of_that_country_in_the_document() -> None:
    d1 = [_m("the Kyrgyz side", "NORP"), _m("Kyrgyz Foreign Ministry", "ORG")]
    d2 = [
        _m("the Kyrgyz side", "NORP", doc="d2"),
        _m("Kyrgyz MFA", "ORG", doc="d2"),
        _m("Kyrgyz Defence Ministry", "ORG", doc="d2"),
    ]
    _run([d1, d2])
    assert d1[0].entity_id == d1[1].entity_id
    # Two Kyrgyz bodies in d2: "the Kyrgyz side" cannot be pinned to either.
    assert d2[0].entity_id not in {d2[1].entity_id, d2[2].entity_id}


def test_countries_from_demonyms_and_cases() -> None:
    batch = [_m("Tajikistan", "GPE"), _m("Tajik", "NORP"), _m("Таджикистана", "GPE"), _m("Tajiks", "NORP")]
    known = _run([batch])
    assert len({m.entity_id for m in batch}) == 1
    (country,) = known.values()
    assert country.name == "Tajikistan"
    assert country.type == "GPE"


def test_acronym_and_expansion_and_pronoun_not_alias() -> None:
    d1 = [_m("North Atlantic Treaty Organization", "ORG")]
    d2 = [_m("NATO", "ORG", doc="d2"), _m("it", "ORG", "NATO", doc="d2")]
    known = _run([d1, d2])
    assert d1[0].entity_id == d2[0].entity_id == d2[1].entity_id
    ent = known[d1[0].entity_id]
    assert "it" not in ent.aliases
    assert "NATO" in ent.aliases or ent.name == "NATO"


def test_unrelated_orgs_stay_apart() -> None:
    d1 = [_m("Radio Liberty", "MEDIA"), _m("Tasnim News", "MEDIA"), _m("Eurasianet", "MEDIA")]
    _run([d1])
    assert len({m.entity_id for m in d1}) == 3


def test_state_bodies_of_unknown_countries_join_across_forms_and_scripts() -> None:
    d1 = [_m("Tamberian Foreign Ministry", "ORG"), _m("Tamberian MFA", "ORG", "Tamberian Foreign Ministry")]
    d2 = [_m("Ministry of Foreign Affairs of Tamberia", "ORG", doc="d2")]
    d3 = [_m("МИД Тамберии", "ORG", doc="d3"), _m("тамберийского МИД", "ORG", "МИД Тамберии", doc="d3")]
    d4 = [_m("Orvanian Foreign Ministry", "ORG", doc="d4")]
    d5 = [_m("Tamberia's Foreign Ministry", "ORG", doc="d5"), _m("Orvania's Foreign Ministry", "ORG", doc="d5")]
    _run([d1, d2, d3, d4, d5])
    tamberia = {m.entity_id for m in [*d1, d2[0], d3[0], d5[0]]}
    assert len(tamberia) == 1
    # Another country's ministry, even in the same document, stays apart.
    assert d4[0].entity_id not in tamberia
    assert d5[1].entity_id == d4[0].entity_id


def test_unknown_country_name_and_demonym_are_one_place() -> None:
    d1 = [_m("Tamberia", "GPE"), _m("Tamberian", "NORP")]
    d2 = [_m("Тамберии", "GPE", doc="d2")]
    known = _run([d1, d2])
    assert len({m.entity_id for m in d1 + d2}) == 1
    (entity,) = known.values()
    assert entity.name == "Tamberia"


def test_embassy_seat_in_either_script() -> None:
    d1 = [_m("Orvanian Embassy in Velgrad", "ORG")]
    d2 = [_m("посольстве Орвании в Велграде", "ORG", doc="d2")]
    d3 = [_m("Orvanian Embassy in Tamberia", "ORG", doc="d3")]
    _run([d1, d2, d3])
    assert d1[0].entity_id == d2[0].entity_id
    assert d3[0].entity_id != d1[0].entity_id


def test_cyrillic_person_joins_latin_transliteration_but_not_a_namesake() -> None:
    d1 = [_m("Oren Valescu", "PERSON")]
    d2 = [_m("Орен Валеску", "PERSON", doc="d2")]
    d3 = [_m("Marta Valescu", "PERSON", doc="d3")]
    _run([d1, d2, d3])
    assert d1[0].entity_id == d2[0].entity_id
    assert d3[0].entity_id != d1[0].entity_id


def test_russian_inflections_and_latin_forms_are_one_person() -> None:
    batches = [[_m(n, "PERSON", doc=f"d{i}")] for i, n in enumerate(["Gordon", "Гордона", "Гордону", "Гордон"])]
    batches += [[_m("Shevchenko's", "PERSON", doc="d9")], [_m("Шевченко", "PERSON", doc="d10")]]
    known = _run(batches)
    flat = [m for b in batches for m in b]
    assert len({m.entity_id for m in flat[:4]}) == 1
    assert len({m.entity_id for m in flat[4:]}) == 1
    assert len(known) == 2


def test_russian_state_bodies_share_the_english_keys() -> None:
    for en, ru in [
        ("Tajik MFA", "МИД Таджикистана"),
        ("Tajik MFA", "таджикский МИД"),
        ("Uzbek Defence Ministry", "Министерство обороны Узбекистана"),
        ("Ministry of Defence of Uzbekistan", "Минобороны Узбекистана"),
    ]:
        a, b = _m(en, "ORG"), _m(ru, "ORG", doc="d2")
        assert set(mention_keys(a)) & set(mention_keys(b)), (en, ru)
        known = _run([[a], [b]])
        assert len(known) == 1 and a.entity_id == b.entity_id, (en, ru)


def test_different_patronymics_are_different_people() -> None:
    a = _m("Иван Петрович Сидоров", "PERSON")
    b = _m("Иван Николаевич Сидоров", "PERSON", doc="d2")
    c = _m("Ивана Петровича Сидорова", "PERSON", doc="d3")
    _run([[a], [b], [c]])
    assert a.entity_id != b.entity_id
    assert c.entity_id == a.entity_id


def test_surname_gender_keeps_a_man_and_a_woman_apart() -> None:
    anna = [_m("Анна Волкова", "PERSON"), _m("Anna Volkova", "PERSON", doc="d2"), _m("Волковой", "PERSON", doc="d3")]
    man = _m("Волков", "PERSON", doc="d4")
    _run([[m] for m in [*anna, man]])
    assert len({m.entity_id for m in anna}) == 1
    assert man.entity_id != anna[0].entity_id


def test_city_hall_in_two_languages_is_one_body() -> None:
    d1 = [_m("Мэрия Вельграда", "ORG", doc="d1")]
    d2 = [_m("Velgrad's city hall", "ORG", doc="d2")]
    _run([d1, d2])
    assert d1[0].entity_id == d2[0].entity_id


def test_organisation_named_only_by_generic_words_meets_itself_across_documents() -> None:
    # every word of "Federal Kingdom" is generic somewhere else; the name is still a name
    d1 = [_m("Federal Kingdom", "ORG")]
    d2 = [_m("the Federal Kingdom group", "ORG", doc="d2")]
    d3 = [_m("Federal Kingdom", "ORG", doc="d3")]
    _run([d1, d2, d3])
    assert len({m.entity_id for m in d1 + d2 + d3}) == 1


def test_one_generic_word_alone_names_no_organisation() -> None:
    d1 = [_m("Republic", "ORG")]
    d2 = [_m("Republic", "ORG", doc="d2")]
    _run([d1, d2])
    assert d1[0].entity_id != d2[0].entity_id


def test_surname_with_a_hyphenated_particle_keeps_it_and_meets_the_bare_form() -> None:
    d1 = [_m("Rana al-Qasimi", "PERSON")]
    d2 = [_m("Qasimi", "PERSON", doc="d2"), _m("Rana al-Qasimi", "PERSON", doc="d2")]
    d3 = [_m("Hadi al-Qasimi", "PERSON", doc="d3")]
    known = _run([d1, d2, d3])
    assert len({m.entity_id for m in d1 + d2}) == 1
    assert d3[0].entity_id != d1[0].entity_id  # another given name: another person
    assert known[d1[0].entity_id].name == "Rana al-Qasimi"


def test_pronoun_speakers_are_keyed_to_their_document() -> None:
    # a corpus-wide "you" key would gather every document's unresolved pronoun under one key
    keys1 = mention_keys(_m("you", "OTHER"))
    keys2 = mention_keys(_m("you", "OTHER", doc="d2"))
    assert keys1 and keys2 and not set(keys1) & set(keys2)
    named = _m("Halvik Gazette", "OTHER")
    assert set(mention_keys(named)) == set(mention_keys(_m("Halvik Gazette", "OTHER", doc="d2")))


def test_rank_before_a_surname_is_no_given_name() -> None:
    d1 = [_m("Tomas Arvenk", "PERSON"), _m("Officer Arvenk", "PERSON", "Tomas Arvenk")]
    d2 = [_m("Tomas Arvenk", "PERSON", doc="d2")]
    d3 = [_m("Officer Arvenk", "PERSON", doc="d3")]
    _run([d1, d2, d3])
    assert len({m.entity_id for m in d1 + d2 + d3}) == 1


def test_an_alias_read_with_another_given_name_does_not_shut_the_entity_out() -> None:
    # the document stage judged "Staff Arvenk" to be Tomas Arvenk; a later document naming him
    # in full still finds him
    d1 = [_m("Tomas Arvenk", "PERSON"), _m("Staff Arvenk", "PERSON", "Tomas Arvenk")]
    d2 = [_m("Tomas Arvenk", "PERSON", doc="d2")]
    d3 = [_m("Sarah Arvenk", "PERSON", doc="d3")]
    _run([d1, d2, d3])
    assert d1[0].entity_id == d2[0].entity_id
    assert d3[0].entity_id != d1[0].entity_id
