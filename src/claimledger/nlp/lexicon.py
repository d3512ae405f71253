"""Cue words per language and the speech act each one performs.

Keys are lemmas as the language's pipeline produces them. An act here is the default;
`attribution.refine_act` may change it after reading the content and the negation.
"""

from __future__ import annotations

VERB_CUES: dict[str, dict[str, str]] = {
    "en": {
        **dict.fromkeys(
            "say state note claim allege accuse tell add explain stress emphasize emphasise insist argue assert "
            "declare announce write tweet post maintain contend comment remark observe mention reiterate repeat "
            "predict testify reveal disclose charge inform assure complain boast quip recall answer reply respond "
            "counter suggest believe think".split(),
            "claim",
        ),
        **dict.fromkeys("report".split(), "other"),
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
            "ответить отвечать высказаться выразить".split(),
            "claim",
        ),
        **dict.fromkeys("передать передавать".split(), "other"),
        **dict.fromkeys("опровергнуть опровергать отрицать отвергнуть отвергать отклонить".split(), "deny"),
        **dict.fromkeys("извиниться извиняться оговориться".split(), "retract"),
        **dict.fromkeys("призвать призывать потребовать требовать попросить просить обратиться".split(), "appeal"),
        **dict.fromkeys(
            "рекомендовать порекомендовать посоветовать советовать предупредить предупреждать предостеречь".split(),
            "recommend",
        ),
        **dict.fromkeys("подтвердить подтверждать признать признавать".split(), "confirm"),
        **dict.fromkeys("отказаться отказываться".split(), "other"),
    },
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
DENIAL_MARKERS = set(
    "false untrue baseless groundless unfounded fake fabricated lie lies misinformation disinformation refute "
    "refuted refuting deny denied denying reject rejected rejecting nonsense "
    "ложь ложный ложной неправда фейк опровергнуть опровергая опроверг отрицая безосновательный "
    "необоснованный дезинформация "
    "fabrication fiction fantasy hoax smear slander invention propaganda выдумка вымысел клевета фантазия "
    "провокация".split()
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
)

# Content verbs whose negation is a refusal to comment, not a claim: "does not comment on ...".
NO_COMMENT_LEMMAS = {"comment", "discuss", "speculate", "комментировать", "прокомментировать"}

# Words that negate a clause through an argument rather than a "not": "had no agreements".
NEGATING_WORDS = {"no", "never", "nothing", "none", "nobody", "нет", "никогда", "ничего", "никакой", "никакие"}

FIRST_PERSON = {"i", "we", "я", "мы"}
REPORT_MEDIA_LEMMAS = {"report", "write", "передать", "передавать", "сообщить", "сообщать", "писать", "написать"}
MODAL_ADVICE = {"should", "ought", "следует", "должен", "должна", "должны", "стоит"}
