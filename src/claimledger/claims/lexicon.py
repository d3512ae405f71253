"""Closed-class vocabulary for proposition frames: predicate classes, countries, theme nouns.

Everything here is general world knowledge (verbs of production and trade, the world's
countries and their demonyms in English and Russian), never words picked from one article:
the frames must unify statements from news the project has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ---------------------------------------------------------------------------------------
# Predicate classes. A lemma (EN or RU, verb or its nominalisation) maps to one class;
# linking compares classes, so "assembled" and "production" are the same proposition.
# ---------------------------------------------------------------------------------------
_PREDICATES: dict[str, str] = {
    "produce": (
        "produce production producer make manufacture manufacturing manufacturer assemble assembly build "
        "construct construction fabricate develop development release create "
        "производить производство производитель выпускать выпуск собирать сборка изготавливать "
        "изготовлять изготовление строить строительство создавать создание разрабатывать разработка "
        "наладить налаживать"
    ),
    "supply": (
        "supply supplier export exporter deliver delivery sell sale ship shipment transfer provide send "
        "smuggle transport "
        "поставлять поставка поставщик экспортировать экспорт продавать продажа передавать передача "
        "отправлять отправка переправлять снабжать"
    ),
    "acquire": (
        "buy purchase purchaser acquire acquisition demand import order obtain receive procure procurement "
        "покупать купить закупать закупка приобретать приобретение импортировать импорт получать заказывать"
    ),
    "use": (
        "use deploy deployment employ operate launch fire "
        "использовать использование применять применение задействовать развертывать запускать"
    ),
    "attack": (
        "attack kill strike bomb shell shoot destroy hit bombing "
        "атаковать атака убивать удар ударить бомбить обстреливать обстрел уничтожать"
    ),
    "cooperate": (
        "cooperate cooperation collaborate collaboration partner partnership ally "
        "сотрудничать сотрудничество взаимодействовать взаимодействие"
    ),
    "investigate": (
        "investigate investigation probe inquiry examine verify check "
        "расследовать расследование проверять проверка изучать"
    ),
    "own": "own possess владеть обладать",
    "fund": "fund finance sponsor pay финансировать финансирование оплачивать спонсировать",
    "sanction": "sanction ban embargo санкция запрещать запрет",
    "meet": "meet visit talk встречаться встреча визит посещать переговоры",
    "sign": "sign agree agreement treaty deal contract подписывать соглашение договор сделка",
    "arrest": "arrest detain jail imprison арестовывать арест задерживать задержание",
    "die": "die death killed погибать гибель умирать смерть",
}
PREDICATE_OF: dict[str, str] = {lemma: cls for cls, words in _PREDICATES.items() for lemma in words.split()}

# Classes that describe an action on a proposition (calling for an inquiry) rather than
# the proposition itself; they never decide whether two statements are about one claim.
META_CLASSES: frozenset[str] = frozenset({"investigate"})

# Pairs of classes about one chain of events: a denial of "supply" speaks to a
# "produce" claim, but only partially (it leaves production itself undenied).
RELATED_CLASSES: frozenset[frozenset[str]] = frozenset(
    frozenset(p)
    for p in (
        ("produce", "supply"),
        ("supply", "acquire"),
        ("supply", "use"),
        ("produce", "use"),
        ("produce", "cooperate"),
        ("supply", "cooperate"),
        ("use", "attack"),
        ("acquire", "use"),
    )
)

# Nouns for readable reasons ("denies export, not production").
NOMINAL: dict[str, str] = {
    "produce": "production",
    "supply": "supply",
    "acquire": "acquisition",
    "use": "use",
    "attack": "attacks",
    "cooperate": "cooperation",
    "investigate": "investigation",
    "own": "possession",
    "fund": "funding",
    "sanction": "sanctions",
    "meet": "meeting",
    "sign": "agreement",
    "arrest": "arrest",
    "die": "deaths",
    "export": "export",
    "sell": "sale",
    "deliver": "delivery",
    "assemble": "assembly",
    "build": "construction",
    "manufacture": "manufacture",
    "buy": "purchase",
    "purchase": "purchase",
    "deploy": "deployment",
    "transfer": "transfer",
    "ship": "shipment",
    "import": "import",
    "make": "production",
}

_IRREGULAR_PARTICIPLES = {
    "make": "made",
    "build": "built",
    "sell": "sold",
    "buy": "bought",
    "send": "sent",
    "hold": "held",
    "have": "had",
    "pay": "paid",
    "shoot": "shot",
    "hit": "hit",
    "meet": "met",
    "fund": "funded",
    "strike": "struck",
    "ban": "banned",
    "ship": "shipped",
    "plan": "planned",
}
# The English verb used when a class must be written out and no English lemma is at hand.
CLASS_VERB: dict[str, str] = {
    "produce": "produce",
    "supply": "supply",
    "acquire": "buy",
    "use": "use",
    "attack": "attack",
    "cooperate": "cooperate",
    "investigate": "investigate",
    "own": "own",
    "fund": "fund",
    "sanction": "sanction",
    "meet": "meet",
    "sign": "sign",
    "arrest": "arrest",
    "die": "kill",
}


def participle(verb: str) -> str:
    if verb in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


# ---------------------------------------------------------------------------------------
# Themes: synonyms collapse to one head, and a genus lets "military equipment" cover drones.
# ---------------------------------------------------------------------------------------
THEME_SYNONYM: dict[str, str] = {
    "uav": "drone",
    "uavs": "drone",
    "drone": "drone",
    "беспилотник": "drone",
    "дрон": "drone",
    "бпла": "drone",
    "квадрокоптер": "drone",
    "шахед": "drone",
    "weapon": "weapon",
    "weaponry": "weapon",
    "arm": "weapon",
    "arms": "weapon",
    "оружие": "weapon",
    "вооружение": "weapon",
    "missile": "missile",
    "rocket": "missile",
    "ракета": "missile",
    "tank": "tank",
    "танк": "tank",
    "ammunition": "ammunition",
    "munition": "ammunition",
    "ammo": "ammunition",
    "боеприпас": "ammunition",
    "снаряд": "ammunition",
    "shell": "ammunition",
    "equipment": "equipment",
    "hardware": "equipment",
    "техника": "equipment",
    "оборудование": "equipment",
    "aircraft": "aircraft",
    "plane": "aircraft",
    "jet": "aircraft",
    "самолет": "aircraft",
    "самолёт": "aircraft",
    "helicopter": "helicopter",
    "вертолет": "helicopter",
    "вертолёт": "helicopter",
    "vaccine": "vaccine",
    "вакцина": "vaccine",
    "oil": "oil",
    "нефть": "oil",
    "gas": "gas",
    "газ": "gas",
    "grain": "grain",
    "зерно": "grain",
    "pшеница": "grain",
    "wheat": "grain",
    "factory": "factory",
    "plant": "factory",
    "завод": "factory",
    "фабрика": "factory",
}
# Adjective + noun pairs that name another theme ("unmanned aircraft" is a drone).
THEME_COMPOUND: dict[tuple[str, str], str] = {
    ("unmanned", "aircraft"): "drone",
    ("unmanned", "vehicle"): "drone",
    ("unmanned", "aerial"): "drone",
    ("беспилотный", "аппарат"): "drone",
    ("беспилотный", "самолет"): "drone",
    ("беспилотный", "летательный"): "drone",
    ("military", "equipment"): "equipment",
    ("военный", "техника"): "equipment",
}
GENUS: dict[str, frozenset[str]] = {
    "drone": frozenset({"equipment", "weapon", "aircraft"}),
    "missile": frozenset({"equipment", "weapon", "ammunition"}),
    "tank": frozenset({"equipment", "weapon"}),
    "ammunition": frozenset({"equipment", "weapon"}),
    "aircraft": frozenset({"equipment"}),
    "helicopter": frozenset({"equipment", "aircraft"}),
    "weapon": frozenset({"equipment"}),
}

# Nouns that carry the discourse around a claim, not its content: never a theme.
NON_THEME: frozenset[str] = frozenset(
    """word statement information claim report news fact allegation comment commentary issue matter question
    side part territory country state nation republic government ministry authority official people person
    time year month day week today yesterday way thing case point position kind type evidence truth lie rumor
    rumour speculation reason interview program programme conversation appeal request mind tongue mistake
    war conflict campaign sphere field area world region community accuracy comment
    слово заявление информация сообщение новость факт утверждение комментарий вопрос сторона часть
    территория страна государство республика правительство министерство власть человек время год месяц день
    неделя сегодня вчера образ дело случай точка позиция вид тип доказательство правда ложь слух причина
    интервью программа разговор обращение просьба ошибка война конфликт сфера область мир регион""".split()
)

NEGATORS_EN = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
NEGATORS_RU = frozenset({"не", "ни", "нет", "никогда", "без"})
HEDGES = frozenset(
    """may might could possibly perhaps reportedly allegedly alleged purportedly supposedly whether if rumored
    rumoured suspect suspected speculation unconfirmed
    возможно якобы предположительно вероятно может ли будто слух""".split()
)
LOCATIVE_PREPS = frozenset({"in", "on", "at", "inside", "within", "near", "в", "на", "во", "под", "около"})
TERRITORY_NOUNS = frozenset({"territory", "soil", "land", "территория", "земля", "пределы"})

# ---------------------------------------------------------------------------------------
# Countries. key | English names | English demonyms/adjectives | Russian stems (lemma prefixes).
# Russian stems are matched as prefixes of lower-cased lemmas, longest first, so "туркмен"
# wins over "турк" and adjectives/demonyms ("таджикский", "таджики") share one stem.
# ---------------------------------------------------------------------------------------
_COUNTRIES = """
afghanistan|Afghanistan|Afghan,Afghans|афганистан,афганск,афганц
albania|Albania|Albanian,Albanians|албани,албанск,албанц
algeria|Algeria|Algerian,Algerians|алжир
angola|Angola|Angolan,Angolans|ангол
argentina|Argentina|Argentine,Argentinian,Argentinians|аргентин
armenia|Armenia|Armenian,Armenians|армени,армян
australia|Australia|Australian,Australians|австрали
austria|Austria|Austrian,Austrians|австри
azerbaijan|Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris|азербайджан
bahrain|Bahrain|Bahraini,Bahrainis|бахрейн
bangladesh|Bangladesh|Bangladeshi,Bangladeshis|бангладеш
belarus|Belarus,Byelorussia|Belarusian,Belarusians,Belarussian|беларус,белорус
belgium|Belgium|Belgian,Belgians|бельги
bolivia|Bolivia|Bolivian,Bolivians|боливи
bosnia|Bosnia,Bosnia and Herzegovina|Bosnian,Bosnians|босни
brazil|Brazil|Brazilian,Brazilians|бразил
bulgaria|Bulgaria|Bulgarian,Bulgarians|болгар
cambodia|Cambodia|Cambodian,Cambodians|камбодж
canada|Canada|Canadian,Canadians|канад
chile|Chile|Chilean,Chileans|чили$,чилийск
china|China,PRC|Chinese|китай,кнр
colombia|Colombia|Colombian,Colombians|колумби
croatia|Croatia|Croatian,Croatians,Croat,Croats|хорвати,хорват
cuba|Cuba|Cuban,Cubans|куба$,кубинск
cyprus|Cyprus|Cypriot,Cypriots|кипр,кипрск
czechia|Czechia,Czech Republic|Czech,Czechs|чехи,чешск
denmark|Denmark|Danish,Dane,Danes|дани,датск,датчан
egypt|Egypt|Egyptian,Egyptians|египет,египт,египетск
estonia|Estonia|Estonian,Estonians|эстони
ethiopia|Ethiopia|Ethiopian,Ethiopians|эфиопи
finland|Finland|Finnish,Finn,Finns|финлянд,финск,финн
france|France|French|франци,француз
georgia|Georgia|Georgian,Georgians|грузия,грузин
germany|Germany|German,Germans|германи,немецк,немц,немец,фрг
greece|Greece|Greek,Greeks|греци,греческ,грек
hungary|Hungary|Hungarian,Hungarians|венгри,венгерск
india|India|Indian,Indians|индия,индийск,индиец,индийц
indonesia|Indonesia|Indonesian,Indonesians|индонези
iran|Iran,Islamic Republic of Iran|Iranian,Iranians,Persian|иран
iraq|Iraq|Iraqi,Iraqis|ирак
ireland|Ireland|Irish|ирланд
israel|Israel|Israeli,Israelis|израил
italy|Italy|Italian,Italians|итали
japan|Japan|Japanese|япони
jordan|Jordan|Jordanian,Jordanians|иордани
kazakhstan|Kazakhstan|Kazakh,Kazakhs,Kazakhstani|казахстан,казахск,казах
kenya|Kenya|Kenyan,Kenyans|кени
kuwait|Kuwait|Kuwaiti,Kuwaitis|кувейт
kyrgyzstan|Kyrgyzstan,Kirghizia,Kyrgyz Republic|Kyrgyz,Kirghiz|кыргыз,киргиз
laos|Laos|Laotian,Lao|лаос
latvia|Latvia|Latvian,Latvians|латви,латыш
lebanon|Lebanon|Lebanese|ливан
libya|Libya|Libyan,Libyans|ливи
lithuania|Lithuania|Lithuanian,Lithuanians|литв,литовск,литовц
malaysia|Malaysia|Malaysian,Malaysians|малайзи
mali|Mali|Malian,Malians|мали$,малийск
mexico|Mexico|Mexican,Mexicans|мексик
moldova|Moldova,Moldavia|Moldovan,Moldovans|молдав,молдов
mongolia|Mongolia|Mongolian,Mongolians|монгол
montenegro|Montenegro|Montenegrin|черногори
morocco|Morocco|Moroccan,Moroccans|марокк
myanmar|Myanmar,Burma|Burmese|мьянм,бирм
nepal|Nepal|Nepalese,Nepali|непал
netherlands|Netherlands,Holland|Dutch|нидерланд,голланд
new_zealand|New Zealand|New Zealander|новая зеландия,новозеландск
nigeria|Nigeria|Nigerian,Nigerians|нигери
north_korea|North Korea,DPRK|North Korean,North Koreans|кндр,северная корея,северокорейск
north_macedonia|North Macedonia,Macedonia|Macedonian,Macedonians|македони
norway|Norway|Norwegian,Norwegians|норвеги,норвежск
oman|Oman|Omani,Omanis|оман$,оманск
pakistan|Pakistan|Pakistani,Pakistanis|пакистан
palestine|Palestine|Palestinian,Palestinians|палестин
peru|Peru|Peruvian,Peruvians|перу$,перуанск
philippines|Philippines|Philippine,Filipino,Filipinos|филиппин
poland|Poland|Polish,Pole,Poles|польш,польск,поляк
portugal|Portugal|Portuguese|португал
qatar|Qatar|Qatari,Qataris|катар
romania|Romania|Romanian,Romanians|румын
russia|Russia,Russian Federation|Russian,Russians|росси,русск,рф
saudi_arabia|Saudi Arabia|Saudi,Saudis|саудовск
serbia|Serbia|Serbian,Serbians,Serb,Serbs|серби,серб
singapore|Singapore|Singaporean|сингапур
slovakia|Slovakia|Slovak,Slovaks|словаки,словацк,словак
slovenia|Slovenia|Slovenian,Slovene,Slovenes|словени,словенск,словенц
somalia|Somalia|Somali,Somalis|сомали
south_africa|South Africa|South African,South Africans|юар,южная африка,южноафриканск
south_korea|South Korea,Republic of Korea,Korea|South Korean,South Koreans,Korean,Koreans|южная корея,корея,корейск
spain|Spain|Spanish,Spaniard,Spaniards|испани
sri_lanka|Sri Lanka|Sri Lankan|шри-ланк
sudan|Sudan|Sudanese|судан
sweden|Sweden|Swedish,Swede,Swedes|швеци,шведск,швед
switzerland|Switzerland|Swiss|швейцар
syria|Syria|Syrian,Syrians|сири
taiwan|Taiwan|Taiwanese|тайван
tajikistan|Tajikistan|Tajik,Tajiks,Tajikistani|таджик
thailand|Thailand|Thai|таиланд,тайск
tunisia|Tunisia|Tunisian,Tunisians|тунис
turkey|Turkey,Turkiye,Türkiye|Turkish,Turk,Turks|турци,турецк,турок,турки
turkmenistan|Turkmenistan|Turkmen|туркмен
uae|United Arab Emirates,UAE,Emirates|Emirati,Emiratis|оаэ,эмират
uganda|Uganda|Ugandan,Ugandans|уганд
uk|United Kingdom,Britain,Great Britain,UK,U.K.,England|British,Briton,Britons,English|великобритани,британ,англи
ukraine|Ukraine|Ukrainian,Ukrainians|украин
usa|United States,United States of America,USA,U.S.,US,U.S.A.,America|American,Americans|сша,америк,соединенные штаты
uzbekistan|Uzbekistan|Uzbek,Uzbeks,Uzbekistani|узбек
venezuela|Venezuela|Venezuelan,Venezuelans|венесуэл
vietnam|Vietnam,Viet Nam|Vietnamese|вьетнам
yemen|Yemen|Yemeni,Yemenis|йемен
"""


class Country:
    __slots__ = ("demonym", "en_names", "key", "name", "ru_stems")

    def __init__(self, key: str, en_names: list[str], demonyms: list[str], ru_stems: list[str]) -> None:
        self.key = key
        self.name = en_names[0]
        self.en_names = en_names
        self.demonym = demonyms[0] if demonyms else en_names[0]
        self.ru_stems = ru_stems


def _load() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line in _COUNTRIES.strip().splitlines():
        key, names, dems, stems = line.split("|")
        out[key] = Country(key, names.split(","), [d for d in dems.split(",") if d], stems.split(","))
    return out


COUNTRIES: dict[str, Country] = _load()

# Short all-caps abbreviations that are also ordinary words ("US" = us) match case-sensitively.
_CASE_SENSITIVE = frozenset({"US", "UK", "PRC", "UAE", "USA", "DPRK"})


@lru_cache(maxsize=1)
def _en_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, bool]]]:
    """(case-insensitive regex, case-sensitive regex, surface -> (key, is_demonym))."""
    surface: dict[str, tuple[str, bool]] = {}
    ci: list[str] = []
    cs: list[str] = []
    for c in COUNTRIES.values():
        for n in c.en_names:
            surface[n if n in _CASE_SENSITIVE else n.lower()] = (c.key, False)
            (cs if n in _CASE_SENSITIVE else ci).append(n)
    for c in COUNTRIES.values():
        for line in _COUNTRIES.splitlines():
            if line.startswith(c.key + "|"):
                for d in line.split("|")[2].split(","):
                    if d:
                        surface.setdefault(d.lower(), (c.key, True))
                        ci.append(d)

    def alt(names: list[str]) -> str:
        names = sorted(set(names), key=len, reverse=True)  # longest first: "South Korea" before "Korea"
        return "|".join(re.escape(n) for n in names)

    # (?!\w) rather than \b so that "U.S." (ending in a dot) still matches.
    ci_re = re.compile(r"(?<!\w)(?:" + alt(ci) + r")(?!\w)", re.IGNORECASE)
    cs_re = re.compile(r"(?<!\w)(?:" + alt(cs) + r")(?!\w)")
    return ci_re, cs_re, surface


def find_countries_en(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, country key, is_demonym) for every English country name or demonym."""
    ci_re, cs_re, surface = _en_patterns()
    hits: list[tuple[int, int, str, bool]] = []
    taken: list[tuple[int, int]] = []
    for rx in (ci_re, cs_re):
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            key = surface.get(m.group(0) if m.group(0) in _CASE_SENSITIVE else m.group(0).lower())
            if key is None:
                continue
            hits.append((m.start(), m.end(), key[0], key[1]))
            taken.append((m.start(), m.end()))
    return sorted(hits)


@lru_cache(maxsize=1)
def _ru_stems() -> list[tuple[str, str]]:
    pairs = [(stem, c.key) for c in COUNTRIES.values() for stem in c.ru_stems if " " not in stem]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def country_of_ru(lemma: str) -> str | None:
    """Country key for a Russian lemma (name, adjective or demonym), longest stem first."""
    low = lemma.lower().replace("ё", "е")
    for stem, key in _ru_stems():
        # Short stems ("рф", "оаэ") and those marked "$" ("мали" vs "малина") must be the whole word.
        if stem.endswith("$"):
            if low == stem[:-1]:
                return key
        elif low == stem or (len(stem) >= 4 and low.startswith(stem)):
            return key
    return None


def country_key(name: str) -> str | None:
    """Country key for any single name string (English or Russian), or None."""
    name = name.strip()
    if not name:
        return None
    hits = find_countries_en(name)
    if hits:
        return hits[0][2]
    for word in re.findall(r"[а-яё-]+", name.lower()):
        key = country_of_ru(word)
        if key:
            return key
    return None
