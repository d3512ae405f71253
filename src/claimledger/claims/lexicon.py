"""Closed-class vocabulary for proposition frames: predicate classes, theme nouns, negators.

Everything here is general world knowledge (verbs of production and trade, weapon and
commodity nouns), never words picked from one article: the frames must unify statements
from news the project has never seen. Countries are in `claimledger.gazetteer`, shared with
entity resolution so that both key a country alike.
"""

from __future__ import annotations

import re

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
        "наладить налаживать выпустить произвести изготовить собрать построить создать разработать"
    ),
    "supply": (
        "supply supplier export exporter deliver delivery sell sale ship shipment transfer provide send "
        "smuggle transport "
        "поставлять поставка поставщик экспортировать экспорт продавать продажа передавать передача "
        "отправлять отправка переправлять снабжать продать отправить переправить экспортироваться "
        "вывозить вывезти"
    ),
    "acquire": (
        "buy purchase purchaser acquire acquisition demand import order obtain receive procure procurement "
        "покупать купить закупать закупка приобретать приобретение импортировать импорт получать заказывать "
        "закупить приобрести заказать"
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
    # the rest of the common irregular verbs an open predicate ("v:see") may bring
    **dict(
        pair.split(":")
        for pair in (
            "see:seen give:given take:taken write:written drive:driven ride:ridden rise:risen speak:spoken "
            "break:broken choose:chosen steal:stolen freeze:frozen wake:woken forget:forgotten get:got "
            "hide:hidden bite:bitten eat:eaten fall:fallen forgive:forgiven know:known grow:grown throw:thrown "
            "blow:blown fly:flown draw:drawn show:shown drink:drunk sing:sung ring:rung begin:begun swim:swum "
            "run:run come:come become:become put:put set:set cut:cut let:let shut:shut spread:spread "
            "cost:cost hurt:hurt quit:quit bring:brought think:thought fight:fought seek:sought teach:taught "
            "catch:caught leave:left keep:kept sleep:slept feel:felt lose:lost mean:meant lead:led "
            "feed:fed read:read find:found bind:bound win:won spend:spent lend:lent bend:bent build:built "
            "tell:told say:said stand:stood understand:understood hang:hung dig:dug stick:stuck strike:struck "
            "lay:laid sit:sat light:lit slide:slid deal:dealt wear:worn tear:torn swear:sworn bear:borne"
        ).split()
    ),
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
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):
        return verb + verb[-1] + "ed"  # one syllable, short vowel: "stop" -> "stopped"
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
    интервью программа разговор обращение просьба ошибка война конфликт сфера область мир регион
    january february march april may june july august september october november december
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь""".split()
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

# Units of counted things, so an English and a Russian report of one number compare: "17
# countries" and "17 стран" both count "country". Theme nouns go through THEME_SYNONYM first.
UNIT_OF: dict[str, str] = {
    "страна": "country",
    "государство": "country",
    "человек": "person",
    "people": "person",
    "житель": "resident",
    "рубль": "rouble",
    "ruble": "rouble",
    "доллар": "dollar",
    "евро": "euro",
    "процент": "percent",
    "тонна": "tonne",
    "ton": "tonne",
    "километр": "kilometre",
    "kilometer": "kilometre",
    "год": "year",
    "месяц": "month",
    "неделя": "week",
    "день": "day",
    "сотрудник": "employee",
    "работник": "employee",
    "рабочий": "worker",
    "солдат": "soldier",
    "военнослужащий": "soldier",
    "troop": "soldier",
    "ребенок": "child",
    "ребёнок": "child",
    "город": "city",
    "компания": "company",
    "штука": "unit",
}


def unit_of(lemma: str) -> str:
    """The language-neutral name of a counted thing ("стран" -> country, "беспилотников" -> drone)."""
    low = lemma.lower().replace("ё", "е")
    return THEME_SYNONYM.get(low) or UNIT_OF.get(low) or UNIT_OF.get(lemma.lower()) or lemma
