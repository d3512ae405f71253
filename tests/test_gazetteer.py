"""The one country table: names, demonyms and Russian stems, and how each caller finds them."""

from __future__ import annotations

import pytest

from claimledger import gazetteer as gz

# Every country either of the two former tables (entities, claims lexicon) knew, with one
# English name, one demonym and one Russian form each: the merge must keep all of them.
_KNOWN = [
    ("afghanistan", "Afghanistan", "Afghan", "афганский"),
    ("albania", "Albania", "Albanian", "Албании"),
    ("algeria", "Algeria", "Algerian", "Алжира"),
    ("angola", "Angola", "Angolan", "Анголы"),
    ("argentina", "Argentina", "Argentinian", "аргентинский"),
    ("armenia", "Armenia", "Armenian", "армянский"),
    ("australia", "Australia", "Australian", "Австралии"),
    ("austria", "Austria", "Austrian", "Австрии"),
    ("azerbaijan", "Azerbaijan", "Azeri", "азербайджанский"),
    ("bahrain", "Bahrain", "Bahraini", "Бахрейна"),
    ("bangladesh", "Bangladesh", "Bangladeshi", "Бангладеш"),
    ("belarus", "Belarus", "Byelorussian", "белорусский"),
    ("belgium", "Belgium", "Belgian", "Бельгии"),
    ("bolivia", "Bolivia", "Bolivian", "Боливии"),
    ("bosnia", "Bosnia and Herzegovina", "Bosnian", "Боснии"),
    ("brazil", "Brazil", "Brazilian", "бразильский"),
    ("bulgaria", "Bulgaria", "Bulgarian", "болгарский"),
    ("cambodia", "Cambodia", "Cambodian", "Камбоджи"),
    ("canada", "Canada", "Canadian", "Канады"),
    ("chile", "Chile", "Chilean", "чилийский"),
    ("china", "China", "Chinese", "китайский"),
    ("colombia", "Colombia", "Colombian", "Колумбии"),
    ("croatia", "Croatia", "Croat", "хорватский"),
    ("cuba", "Cuba", "Cuban", "кубинский"),
    ("cyprus", "Cyprus", "Cypriot", "Кипра"),
    ("czechia", "Czech Republic", "Czech", "чешский"),
    ("denmark", "Denmark", "Danish", "датский"),
    ("egypt", "Egypt", "Egyptian", "египетский"),
    ("estonia", "Estonia", "Estonian", "Эстонии"),
    ("ethiopia", "Ethiopia", "Ethiopian", "Эфиопии"),
    ("european_union", "European Union", "EU", "Евросоюза"),
    ("finland", "Finland", "Finnish", "финский"),
    ("france", "France", "French", "французский"),
    ("georgia", "Georgia", "Georgian", "Грузии"),
    ("germany", "Germany", "German", "немецкий"),
    ("greece", "Greece", "Greek", "греческий"),
    ("hungary", "Hungary", "Hungarian", "венгерский"),
    ("india", "India", "Indian", "Индии"),
    ("indonesia", "Indonesia", "Indonesian", "Индонезии"),
    ("iran", "Persia", "Iranian", "иранский"),
    ("iraq", "Iraq", "Iraqi", "иракский"),
    ("ireland", "Ireland", "Irish", "ирландский"),
    ("israel", "Israel", "Israeli", "израильский"),
    ("italy", "Italy", "Italian", "Италии"),
    ("japan", "Japan", "Japanese", "Японии"),
    ("jordan", "Jordan", "Jordanian", "Иордании"),
    ("kazakhstan", "Kazakhstan", "Kazakh", "казахский"),
    ("kenya", "Kenya", "Kenyan", "Кении"),
    ("kuwait", "Kuwait", "Kuwaiti", "Кувейта"),
    ("kyrgyzstan", "Kyrgyzstan", "Kyrgyzstani", "киргизский"),
    ("laos", "Laos", "Laotian", "Лаоса"),
    ("latvia", "Latvia", "Latvian", "латышский"),
    ("lebanon", "Lebanon", "Lebanese", "ливанский"),
    ("libya", "Libya", "Libyan", "Ливии"),
    ("lithuania", "Lithuania", "Lithuanian", "литовский"),
    ("malaysia", "Malaysia", "Malaysian", "Малайзии"),
    ("mali", "Mali", "Malian", "малийский"),
    ("mexico", "Mexico", "Mexican", "мексиканский"),
    ("moldova", "Moldova", "Moldovan", "молдавский"),
    ("mongolia", "Mongolia", "Mongolian", "монгольский"),
    ("montenegro", "Montenegro", "Montenegrin", "Черногории"),
    ("morocco", "Morocco", "Moroccan", "Марокко"),
    ("myanmar", "Burma", "Burmese", "Мьянмы"),
    ("nepal", "Nepal", "Nepalese", "непальский"),
    ("netherlands", "Holland", "Dutch", "нидерландский"),
    ("new_zealand", "New Zealand", "New Zealander", "новозеландский"),
    ("nigeria", "Nigeria", "Nigerian", "Нигерии"),
    ("north_korea", "North Korea", "North Korean", "северокорейский"),
    ("north_macedonia", "North Macedonia", "Macedonian", "Македонии"),
    ("norway", "Norway", "Norwegian", "норвежский"),
    ("oman", "Oman", "Omani", "оманский"),
    ("pakistan", "Pakistan", "Pakistani", "пакистанский"),
    ("palestine", "Palestine", "Palestinian", "палестинский"),
    ("peru", "Peru", "Peruvian", "перуанский"),
    ("philippines", "Philippines", "Filipino", "филиппинский"),
    ("poland", "Poland", "Polish", "польский"),
    ("portugal", "Portugal", "Portuguese", "португальский"),
    ("qatar", "Qatar", "Qatari", "катарский"),
    ("romania", "Romania", "Romanian", "румынский"),
    ("russia", "Russian Federation", "Russian", "российский"),
    ("saudi_arabia", "Saudi Arabia", "Saudi", "саудовский"),
    ("serbia", "Serbia", "Serb", "сербский"),
    ("singapore", "Singapore", "Singaporean", "сингапурский"),
    ("slovakia", "Slovakia", "Slovak", "словацкий"),
    ("slovenia", "Slovenia", "Slovene", "словенский"),
    ("somalia", "Somalia", "Somali", "Сомали"),
    ("south_africa", "South Africa", "South African", "ЮАР"),
    ("south_korea", "South Korea", "Korean", "корейский"),
    ("spain", "Spain", "Spanish", "Испании"),
    ("sri_lanka", "Sri Lanka", "Sri Lankan", "Шри-Ланки"),
    ("sudan", "Sudan", "Sudanese", "суданский"),
    ("sweden", "Sweden", "Swedish", "шведский"),
    ("switzerland", "Switzerland", "Swiss", "швейцарский"),
    ("syria", "Syria", "Syrian", "сирийский"),
    ("taiwan", "Taiwan", "Taiwanese", "тайваньский"),
    ("tajikistan", "Tajikistan", "Tajik", "таджикский"),
    ("thailand", "Thailand", "Thai", "тайский"),
    ("tunisia", "Tunisia", "Tunisian", "тунисский"),
    ("turkey", "Türkiye", "Turkish", "турецкий"),
    ("turkmenistan", "Turkmenistan", "Turkmen", "туркменский"),
    ("uganda", "Uganda", "Ugandan", "Уганды"),
    ("ukraine", "Ukraine", "Ukrainian", "украинский"),
    ("united_arab_emirates", "United Arab Emirates", "Emirati", "ОАЭ"),
    ("united_kingdom", "Great Britain", "British", "британский"),
    ("united_states", "United States of America", "American", "американский"),
    ("uzbekistan", "Uzbekistan", "Uzbek", "узбекский"),
    ("venezuela", "Venezuela", "Venezuelan", "венесуэльский"),
    ("vietnam", "Viet Nam", "Vietnamese", "вьетнамский"),
    ("yemen", "Yemen", "Yemeni", "йеменский"),
]


def test_country_table_is_general() -> None:
    assert gz.country_key("Tajik") == gz.country_key("Tajikistan") == "tajikistan"
    assert gz.country_of_ru("таджикистане") == "tajikistan"
    assert gz.country_of_ru("узбекский") == "uzbekistan"
    assert gz.country_of_ru("туркменский") == "turkmenistan"
    assert gz.country_of_ru("турецкий") == "turkey"
    assert gz.country_of_ru("малина") is None
    assert gz.country_key("the U.S.") == "united_states"
    assert gz.country_key("us") is None  # the pronoun is not a country
    assert len(gz.COUNTRIES) > 100


def test_every_country_of_both_former_tables_is_kept() -> None:
    assert {k for k, *_ in _KNOWN} == set(gz.COUNTRIES)


@pytest.mark.parametrize(("key", "name", "demonym", "russian"), _KNOWN)
def test_country_found_by_name_demonym_and_russian_form(key: str, name: str, demonym: str, russian: str) -> None:
    # Both readers agree: the phrase reader of entity names and the lookups of frames.
    for surface in (name, demonym, russian):
        assert gz.find_country(surface) == key, surface
        assert gz.country_key(surface) == key, surface
    assert [k for _s, _e, k, _d in gz.find_countries_en(f"officials of {name} said")] == [key]
    assert gz.country_display(key) == gz.COUNTRIES[key].name


def test_keys_are_single_tokens() -> None:
    # Frames embed keys in markers read back with \w+, and in "|"-separated blocking keys.
    assert all(k.replace("_", "").isalpha() and k.islower() for k in gz.COUNTRIES)


def test_find_country_takes_the_first_country_of_a_phrase() -> None:
    assert gz.find_country("Tajikistan's Foreign Ministry") == "tajikistan"
    assert gz.find_country("U.S. Embassy in Dushanbe") == "united_states"
    assert gz.find_country("МИД Ирана") == "iran"
    assert gz.find_country("Russian Ministry of Defence") == "russia"
    assert gz.find_country("Valdorian MFA") is None


def test_us_is_only_a_country_in_capitals() -> None:
    assert gz.find_country("US Treasury") == "united_states"
    assert gz.find_country("tell us more") is None
    assert [k for *_, k, _d in gz.find_countries_en("they told us")] == []
    assert [k for *_, k, _d in gz.find_countries_en("the US said")] == ["united_states"]


def test_russian_phrases_and_whole_word_stems() -> None:
    assert gz.find_country("Северной Кореи") == "north_korea"
    assert gz.find_country("Южная Корея") == "south_korea"
    assert gz.find_country("Соединённых Штатов") == "united_states"
    assert gz.find_country("Соединённое Королевство") == "united_kingdom"
    assert gz.find_country("Новой Зеландии") == "new_zealand"
    # Over-broad prefixes would take ordinary words for countries.
    assert gz.country_of_ru("грузить") is None
    assert gz.country_of_ru("индивидуальный") is None
    assert gz.country_of_ru("куб") is None
    assert gz.find_country("северной окраине") is None
    assert gz.country_of_ru("мали") == "mali" and gz.country_of_ru("малина") is None


def test_display_and_demonym() -> None:
    assert gz.country_display("united_states") == "United States"
    assert gz.country_display("somewhere_else") == "Somewhere Else"
    assert gz.COUNTRIES["iran"].demonym == "Iranian"
    assert gz.COUNTRIES["european_union"].demonym == "European Union"
