"""Cue words per language and the speech act each one performs.

Keys are lemmas as the language's pipeline produces them. An act here is the default;
`attribution.refine_act` may change it after reading the content and the negation.
"""

from __future__ import annotations

import re

VERB_CUES: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys(
            "say state note claim allege accuse tell add explain stress emphasize emphasise insist argue assert "
            "declare announce write tweet post maintain contend comment remark observe mention reiterate repeat "
            "predict testify reveal disclose charge inform assure complain boast quip recall answer reply respond "
            "counter suggest believe think".split(),
            "claim",
        ),
        **dict.fromkeys("report".split(), "claim"),
        # "X quoted him as saying": the one quoted is the speaker (see `attribution.quoted_person`)
        **dict.fromkeys("quote".split(), "claim"),
        **dict.fromkeys("deny refute reject dismiss rebut dispute contradict disavow debunk disprove".split(), "deny"),
        **dict.fromkeys("retract apologize apologise misspeak recant backtrack".split(), "retract"),
        **dict.fromkeys("appeal urge implore plead demand request petition beg".split(), "appeal"),
        **dict.fromkeys("recommend advise warn discourage caution encourage".split(), "recommend"),
        **dict.fromkeys("confirm acknowledge admit concede verify corroborate".split(), "confirm"),
        **dict.fromkeys("decline refuse".split(), "other"),
    },
    "ru": {
        **dict.fromkeys(
            "заявить заявлять сказать говорить сообщить сообщать отметить отмечать подчеркнуть подчеркивать "
            "подчёркивать добавить добавлять пояснить пояснять заметить замечать утверждать указать указывать "
            "написать писать рассказать рассказывать напомнить напоминать объяснить объяснять уточнить уточнять "
            "обвинить обвинять считать полагать заверить заверять констатировать говориться сообщаться "
            "ответить отвечать высказаться обещать пообещать настаивать жаловаться пожаловаться "
            "предположить предполагать допустить допускать прокомментировать комментировать уверять "
            "отмечаться указываться утверждаться подчеркиваться подчёркиваться цитировать процитировать".split(),
            "claim",
        ),
        # "выразил обеспокоенность / соболезнования": a stance or courtesy, nothing to check
        **dict.fromkeys("передать передавать выразить выражать".split(), "other"),
        # "исключил отставку" rules it out; "не исключает, что" is read by `statements.acts`
        **dict.fromkeys(
            "опровергнуть опровергать отрицать отвергнуть отвергать отклонить возразить возражать отмести "
            "отметать исключить исключать".split(),
            "deny",
        ),
        **dict.fromkeys("извиниться извиняться оговориться отозвать отзывать".split(), "retract"),
        **dict.fromkeys(
            "призвать призывать потребовать требовать попросить просить обратиться поручить поручать умолять".split(),
            "appeal",
        ),
        **dict.fromkeys(
            "рекомендовать порекомендовать посоветовать советовать предупредить предупреждать предостеречь "
            "предложить предлагать".split(),
            "recommend",
        ),
        **dict.fromkeys("подтвердить подтверждать признать признавать признаться".split(), "confirm"),
        **dict.fromkeys("отказаться отказываться".split(), "other"),
    },
}

# Verb cues learned from PolNeAR train (`bench/attribution.py --split train --build-lexicon`):
# lemma -> (times a token of it was part of an annotated Cue, times it occurred as a verb).
# Lemmas and counts only. Hand-listed VERB_CUES take precedence over these.
LEARNED_VERB_CUES: dict[str, tuple[int, int]] = {
    "say": (5441, 6300),
    "tell": (512, 728),
    "call": (407, 723),
    "accord": (398, 430),
    "write": (300, 404),
    "ask": (297, 473),
    "add": (291, 396),
    "show": (250, 495),
    "note": (186, 197),
    "suggest": (185, 239),
    "report": (171, 254),
    "argue": (152, 179),
    "announce": (139, 177),
    "know": (139, 686),
    "see": (137, 689),
    "seem": (133, 263),
    "support": (130, 508),
    "expect": (121, 224),
    "want": (116, 674),
    "describe": (110, 157),
    "appear": (105, 264),
    "endorse": (103, 199),
    "find": (98, 381),
    "talk": (96, 259),
    "continue": (95, 348),
    "point": (91, 126),
    "criticize": (90, 123),
    "tweet": (90, 133),
    "accuse": (89, 119),
    "seek": (89, 222),
    "respond": (86, 181),
    "explain": (85, 122),
    "claim": (84, 132),
    "believe": (82, 347),
    "offer": (82, 206),
    "cite": (78, 93),
    "declare": (75, 107),
    "acknowledge": (73, 96),
    "speak": (72, 396),
    "decline": (69, 98),
    "agree": (68, 154),
    "refer": (66, 101),
    "insist": (63, 75),
    "look": (63, 399),
    "promise": (63, 85),
    "hop": (62, 106),
    "defend": (61, 122),
    "refuse": (60, 95),
    "oppose": (59, 148),
    "urge": (59, 79),
    "express": (58, 81),
    "mention": (58, 88),
    "warn": (57, 67),
    "question": (56, 79),
    "release": (56, 247),
    "back": (55, 190),
    "discuss": (53, 99),
    "reveal": (52, 80),
    "state": (52, 67),
    "praise": (51, 64),
    "vow": (51, 56),
    "attack": (50, 147),
    "consider": (50, 170),
    "propose": (49, 102),
    "recall": (49, 61),
    "push": (47, 146),
    "conclude": (44, 61),
    "focus": (44, 169),
    "pledge": (44, 129),
    "decide": (38, 140),
    "indicate": (38, 52),
    "reject": (38, 69),
    "blame": (37, 58),
    "plan": (37, 134),
    "predict": (37, 57),
    "denounce": (36, 47),
    "feel": (36, 217),
    "name": (36, 85),
    "admit": (35, 70),
    "blast": (34, 36),
    "dismiss": (34, 45),
    "post": (33, 72),
    "deny": (32, 72),
    "confirm": (29, 52),
    "issue": (29, 71),
    "share": (29, 108),
    "worry": (29, 61),
    "cast": (28, 110),
    "pass": (27, 137),
    "reply": (27, 33),
    "draw": (26, 159),
    "read": (26, 98),
    "remember": (26, 69),
    "address": (25, 119),
    "highlight": (25, 51),
    "identify": (25, 83),
    "like": (25, 137),
    "repeat": (25, 54),
    "view": (25, 76),
    "charge": (24, 62),
    "deliver": (24, 119),
    "fear": (24, 47),
    "mock": (24, 34),
    "tout": (24, 26),
    "challenge": (23, 81),
    "echo": (23, 38),
    "learn": (23, 89),
    "list": (23, 34),
    "recognize": (23, 76),
    "remind": (23, 42),
    "assure": (22, 37),
    "complain": (22, 30),
    "emphasize": (22, 32),
    "favor": (22, 75),
    "portray": (22, 32),
    "prefer": (22, 39),
    "sign": (22, 110),
    "slam": (22, 28),
    "order": (21, 30),
    "threaten": (21, 49),
    "answer": (20, 64),
    "assert": (20, 29),
    "lay": (20, 68),
    "nominate": (20, 77),
    "comment": (19, 55),
    "aim": (18, 56),
    "allege": (18, 39),
    "boast": (18, 27),
    "concede": (18, 23),
    "condemn": (18, 33),
    "encourage": (18, 62),
    "hope": (18, 64),
    "promote": (18, 52),
    "reiterate": (18, 21),
    "compare": (17, 105),
    "determine": (17, 80),
    "embrace": (17, 73),
    "press": (17, 48),
    "sound": (17, 55),
    "wonder": (17, 33),
    "advocate": (16, 39),
    "estimate": (16, 36),
    "file": (16, 76),
    "introduce": (16, 57),
    "present": (16, 55),
    "remark": (16, 25),
    "thank": (16, 44),
    "accept": (15, 100),
    "convince": (15, 36),
    "demand": (15, 35),
    "joke": (15, 21),
    "publish": (15, 63),
    "stress": (15, 17),
    "decry": (14, 14),
    "deem": (14, 22),
    "disclose": (14, 27),
    "fire": (14, 70),
    "ignore": (14, 63),
    "lament": (14, 15),
    "rail": (14, 16),
    "imply": (13, 26),
    "intend": (13, 49),
    "launch": (13, 60),
    "persuade": (13, 36),
    "rule": (13, 42),
    "applaud": (12, 22),
    "quote": (12, 20),
    "reference": (12, 18),
    "shout": (12, 26),
    "voice": (12, 17),
    "apologize": (11, 28),
    "chant": (11, 17),
    "project": (11, 33),
    "recommend": (11, 26),
    "request": (11, 31),
    "signal": (11, 19),
    "underscore": (11, 30),
    "approve": (10, 31),
    "caution": (10, 11),
    "demonstrate": (10, 49),
    "email": (10, 24),
    "enjoy": (10, 45),
    "plead": (10, 17),
    "title": (10, 16),
    "welcome": (10, 49),
    "adopt": (9, 47),
    "assail": (9, 11),
    "attempt": (9, 41),
    "celebrate": (9, 48),
    "count": (9, 60),
    "credit": (9, 11),
    "hint": (9, 12),
    "maintain": (9, 57),
    "outline": (9, 17),
    "anger": (8, 15),
    "attribute": (8, 17),
    "congratulate": (8, 17),
    "debate": (8, 43),
    "detail": (8, 17),
    "expose": (8, 35),
    "invoke": (8, 18),
    "label": (8, 14),
    "rattle": (8, 20),
    "regard": (8, 32),
    "speculate": (8, 11),
    "tend": (8, 41),
}
# A learned verb is a cue when it was one often enough to be worth the false alarms...
LEARNED_MIN_COUNT = 8
LEARNED_MIN_RATE = 0.15
# ...and below this rate only with a reported clause of its own ("wants to", "believes that"):
# "Clinton wants a wall" or "he found the keys" say nothing about anyone's words or mind.
LEARNED_OBJECT_RATE = 0.3
# Raising verbs ("seems to", "appears to") have no speaker; "named X as Y" appoints; these
# are handled elsewhere: "according to", naming verbs ("called it a farce").
LEARNED_EXCLUDED = {"accord", "call", "name", "seem", "appear", "sound", "look", "tend", "continue"}
# Learned cues that report what someone holds true are claims; the rest (intentions, praise,
# attacks, requests) perform no act the ledger tracks.
BELIEF_CUES = set(
    "think believe know feel expect predict suggest find show conclude estimate fear worry hope hop indicate "
    "imply argue assume doubt suspect guess figure realize learn determine reveal speculate project "
    "forecast deem view wonder".split()
)


def learned_verb_cues(lang: str) -> tuple[dict[str, str], set[str]]:
    """(lemma -> act, lemmas that need a reported clause) from the learned statistics."""
    if lang != "en":
        return {}, set()
    acts: dict[str, str] = {}
    needs_clause: set[str] = set()
    for lemma, (n, total) in LEARNED_VERB_CUES.items():
        if lemma in LEARNED_EXCLUDED or n < LEARNED_MIN_COUNT or n / total < LEARNED_MIN_RATE:
            continue
        acts[lemma] = "claim" if lemma in BELIEF_CUES else "other"
        if n / total < LEARNED_OBJECT_RATE:
            needs_clause.add(lemma)
    return acts, needs_clause


# Adjectives of stance after "be" with a complement ("is critical of X", "was eager to Y", "is
# confident that Z"): (times part of a PolNeAR train Cue, times in that construction), counted
# on PolNeAR train (first annotator file per article, the project's English parse) over every
# ADJ that is the acomp of a "be" with a subject and has a preposition with an object, an xcomp
# or a ccomp; lemmas a Cue at least three times. `STANCE_MIN_COUNT` and `STANCE_MIN_RATE` pick the cues.
STANCE_ADJECTIVE_COUNTS: dict[str, tuple[int, int]] = {
    "likely": (12, 89),
    "eager": (10, 11),
    "critical": (9, 18),
    "quick": (8, 12),
    "concerned": (6, 18),
    "willing": (5, 36),
    "worried": (5, 10),
    "sure": (5, 22),
    "able": (4, 93),
    "confident": (4, 16),
    "aware": (4, 13),
    "proud": (4, 18),
    "skeptical": (4, 5),
    "reluctant": (3, 7),
    "happy": (3, 14),
    "certain": (3, 8),
    "interested": (3, 18),
    "optimistic": (3, 5),
    "unlikely": (3, 14),
    "inclined": (3, 5),
    "glad": (3, 10),
    "hopeful": (3, 5),
}
STANCE_MIN_COUNT = 3
STANCE_MIN_RATE = 0.3
STANCE_ADJECTIVES = {
    a for a, (n, total) in STANCE_ADJECTIVE_COUNTS.items() if n >= STANCE_MIN_COUNT and n / total >= STANCE_MIN_RATE
}

# Phrasal cues: (verb lemma, particle or preposition) -> act.
PHRASAL_CUES: dict[str, dict[tuple[str, str], str]] = {
    "en": {
        ("call", "on"): "appeal",
        ("call", "upon"): "appeal",
        ("call", "for"): "appeal",
        ("ask", "to"): "appeal",
        ("point", "out"): "claim",
        ("take", "back"): "retract",
        ("walk", "back"): "retract",
        ("speak", "out"): "claim",
        ("brush", "off"): "deny",
        ("push", "back"): "deny",
    },
    "ru": {},
}

# A verb cue with no content of its own needs one of these to count ("asked the court to ...").
NEEDS_CLAUSE = {"ask", "call", "tell", "write", "think", "find", "believe", "answer", "respond", "reply", "post"}

# Nouns that report speech: "X's statement that ...", "the words of X about ...".
NOUN_CUES: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys(
            "statement claim allegation assertion accusation remark comment word words charge assurance".split(),
            "claim",
        ),
        "denial": "deny",
        "appeal": "appeal",
        "recommendation": "recommend",
        "warning": "recommend",
        "admission": "confirm",
        "confirmation": "confirm",
        "apology": "retract",
    },
    "ru": {
        **dict.fromkeys("заявление утверждение слово высказывание обвинение".split(), "claim"),
        "опровержение": "deny",
        "призыв": "appeal",
        "рекомендация": "recommend",
    },
}

# Heads of "in a statement", "в интервью": the venue a statement was made in.
CHANNEL_NOUNS = set(
    "interview statement commentary comment address speech conversation conference briefing post tweet message "
    "letter op-ed article program programme show broadcast appearance meeting remarks video podcast blog channel "
    "television tv radio twitter facebook telegram instagram youtube x podcast session hearing debate release "
    "communique communiqué note email e-mail call "
    "интервью заявление комментарий выступление беседа конференция брифинг пост сообщение письмо статья "
    "программа эфир передача встреча видео телеграм телеграм-канал канал соцсеть релиз речь".split()
)

# Words in the sentence that make a plain "said that X does not ..." an official denial.
# Set phrases that call something untrue ("не соответствует действительности", "has nothing to
# do with reality"): none of their words is a denial marker alone.
DENIAL_PHRASES = re.compile(
    r"не\s+соответству\w*\s+действительност\w*|не\s+име\w*\s+(?:ничего\s+)?общего\s+с\s+действительност\w*"
    r"|nothing\s+to\s+do\s+with\s+(?:reality|the\s+truth)|not\s+true|не\s+правд\w*",
    re.IGNORECASE,
)
DENIAL_MARKERS = set(
    "false untrue baseless groundless unfounded fake fabricated lie lies misinformation disinformation refute "
    "refuted refuting deny denied denying reject rejected rejecting nonsense "
    "ложь ложный ложной неправда фейк опровергнуть опровергая опроверг отрицая безосновательный "
    "необоснованный дезинформация "
    "fabrication fiction fantasy hoax smear slander invention propaganda выдумка вымысел клевета фантазия "
    "провокация provocation absurd falsehood libel insinuation абсурд бред домысел вброс инсинуация".split()
)

# Content that corrects one's own earlier words.
RETRACT_MARKERS = set(
    "mistakenly misspoke misspoken erroneously apologize apologise apologized apologised apologizing "
    "ошибочно оговорился оговорилась ошибся ошиблась извиняюсь извинился".split()
)
RETRACT_PHRASES = (
    "by mistake",
    "slip of the tongue",
    "i was wrong",
    "we were wrong",
    "i made a mistake",
    "we made a mistake",
    "i was mistaken",
    "we were mistaken",
    "i stand corrected",
    "по ошибке",
    "я был неправ",
    "я была неправа",
    "мы были неправы",
    "я допустил ошибку",
    "я допустила ошибку",
    "беру свои слова",
    "беру слова обратно",
    "беру слова назад",
    "забираю свои слова",
    "приношу извинения",
    "приношу свои извинения",
    "приносим извинения",
    "приносим свои извинения",
)

# Content verbs whose negation is a refusal to comment, not a claim: "does not comment on ...".
NO_COMMENT_LEMMAS = {"comment", "discuss", "speculate", "комментировать", "прокомментировать"}

# Words that negate a clause through an argument rather than a "not": "had no agreements".
NEGATING_WORDS = {"no", "never", "nothing", "none", "nobody", "нет", "никогда", "ничего", "никакой", "никакие"}

FIRST_PERSON = {"i", "we", "я", "мы"}
REPORT_MEDIA_LEMMAS = {"report", "write", "передать", "передавать", "сообщить", "сообщать", "писать", "написать"}
MODAL_ADVICE = {"should", "ought", "следует", "должен", "должна", "должны", "стоит"}

# Russian "according to" phrases: the noun (lemma) that "по" governs, "по данным МВД", "по мнению
# экспертов"; its genitive dependent is the source. ("согласно отчёту X" is read separately: there
# the document itself speaks.)
ACCORDING_NOUNS_RU = set(
    "слово данные информация сообщение мнение оценка утверждение версия заявление подсчёт подсчет "
    "расчёт расчет прогноз словам".split()
)
