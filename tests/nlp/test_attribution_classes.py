"""Attribution failure classes: which verb a speaker and a quotation belong to, and the act."""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.nlp.attribution import Attribution


def _atts(text: str, lang: str = "en") -> list[tuple[str, str, str, str]]:
    """(speaker, cue, act, content) of every attribution found in `text`."""
    doc = nlp.parse(text, lang)
    out = []
    for a in doc._.attributions:
        assert isinstance(a, Attribution)
        speaker = text[a.speaker[0] : a.speaker[1]] if a.speaker else ""
        cue = " ".join(text[s:e] for s, e in a.cue)
        content = " ".join(text[s:e] for s, e in a.content)
        out.append((speaker, cue, a.act, content))
    return out


def _one(text: str, cue: str, lang: str = "en") -> tuple[str, str, str, str]:
    found = [a for a in _atts(text, lang) if a[1] == cue]
    assert len(found) == 1, _atts(text, lang)
    return found[0]


# -- which quotation / clause is the content ------------------------------------------


def test_cue_with_own_clause_does_not_take_previous_paragraph_quote() -> None:
    text = (
        "“The harbour will be dredged this winter, and the ferries will run again by spring,” "
        "the port director said.\n\n"
        "He said the town did own an old crane near the pier, but that nobody had used it for years."
    )
    _, _, act, content = next(a for a in _atts(text) if a[0] == "He")
    assert act == "claim"
    assert content.startswith("the town did own an old crane")
    assert "harbour" not in content


def test_quote_before_colon_is_not_content_of_following_verb() -> None:
    text = "По словам инженера, проект «выполнен очень небрежно»: подрядчик признаёт задержку, но молчит о смете."
    atts = _atts(text, "ru")
    by_cue = {a[1]: a for a in atts}
    assert "По словам" in by_cue  # the по-словам attribution is kept, not turned into a channel
    assert by_cue["По словам"][0] == "инженера"
    assert all("небрежно" not in a[3] for a in atts if a[1] != "По словам")


def test_partial_quote_keeps_the_whole_reported_clause() -> None:
    text = 'The senator told the chamber on Tuesday that "hundreds" of forged permits had been sold through brokers.'
    _, _, _, content = _one(text, "told")
    assert "forged permits" in content and "hundreds" in content


def test_fronted_content_before_comma_and_speaker() -> None:
    text = (
        "Bridge closure extended\n\n"
        "A crack found in the main span of the old river bridge during a routine inspection was caused by "
        "corrosion, the city's chief engineer said on Monday."
    )
    speaker, _, _, content = _one(text, "said")
    assert speaker == "the city's chief engineer"
    assert content.startswith("A crack found") and content.endswith("corrosion")


def test_subordinate_clause_before_speaker_is_not_content() -> None:
    text = "But when the council cut the budget two years later, the mayor said enough."
    assert not [a for a in _atts(text) if a[1] == "said" and "council" in a[3]]


# -- which subject is the speaker ------------------------------------------------------


def test_second_speech_verb_shares_the_first_verbs_subject() -> None:
    text = "The engineer said that the tunnel was safe and added that it would reopen in June."
    atts = {a[1]: a for a in _atts(text)}
    assert atts["added"][0] == "The engineer"
    assert atts["said"][3] == "the tunnel was safe"


def test_subject_of_earlier_verb_when_parser_loses_it() -> None:
    text = "Olsen first blamed the contractor, then said on Friday that he had meant the city."
    speaker, _, _, content = _one(text, "said")
    assert speaker == "Olsen"
    assert content == "he had meant the city"


def test_dateline_is_not_the_speaker() -> None:
    text = (
        "Port rejects safety claims\n\n"
        "ARDENVILLE — The port's chief executive has dismissed as “absurd” a claim by a union leader "
        "that the cranes are unsafe."
    )
    speaker, _, act, _ = _one(text, "dismissed")
    assert speaker == "The port's chief executive"
    assert act == "deny"


# -- Russian speakers without a subject -------------------------------------------------


def test_russian_institution_in_locative_speaks() -> None:
    text = "«Никаких писем от подрядчика мы не получали», — отметили в министерстве."
    speaker, _, _, content = _one(text, "отметили", "ru")
    assert speaker == "министерстве"
    assert content.startswith("Никаких писем")


def test_russian_statement_holder_speaks() -> None:
    text = "«Порт работает в обычном режиме», — говорится в заявлении администрации порта."
    speaker, _, _, _ = _one(text, "говорится", "ru")
    assert speaker.startswith("администрации")


def test_russian_possessive_po_slovam() -> None:
    text = "Мэр выступил на сессии. Город, по его словам, получит новый мост уже в мае."
    assert any(a[0] == "его" and "мост" in a[3] for a in _atts(text, "ru"))


def test_russian_two_word_subject_is_one_speaker() -> None:
    text = "Ранее МИД Ардании заявил, что страна «не продаёт зерно третьим странам»."
    speaker, _, _, content = _one(text, "заявил", "ru")
    assert speaker == "МИД Ардании"
    assert content.startswith("страна")


def test_russian_coordinated_verbs_keep_their_own_clauses() -> None:
    text = (
        "В мэрии накануне сообщили, что «знают о жалобах», и напомнили, что любое строительство "
        "без разрешения может повлечь за собой штрафы."
    )
    atts = {a[1]: a for a in _atts(text, "ru")}
    assert "штрафы" in atts["напомнили"][3]
    assert "жалобах" not in atts["напомнили"][3]


# -- acts ---------------------------------------------------------------------------------


def test_would_like_someone_to_say_is_an_appeal() -> None:
    text = "“If I am wrong, I would like the port authority to say so publicly and to explain the delay,” he added."
    assert _one(text, "added")[2] == "appeal"


def test_want_to_repeat_is_not_an_appeal() -> None:
    assert _one("“I want to repeat that the plant is closed,” he said.", "said")[2] == "claim"


def test_asked_a_question_is_not_an_appeal() -> None:
    text = "“Nobody asked them about prices. I asked what is being stored in the depot,” he said."
    assert _one(text, "said")[2] == "claim"


def test_call_on_is_an_appeal_with_its_addressee() -> None:
    _, _, act, content = _one("She called on the council to resign.", "called on")
    assert act == "appeal"
    assert content == "the council to resign"


def test_calling_something_false_is_a_denial() -> None:
    assert _one("The ministry called the report false.", "called")[2] == "deny"
    _, _, act, content = _one("The union described the offer as a fabrication.", "described")
    assert act == "deny" and content.startswith("the offer")
    assert _one("Министр назвал эти обвинения клеветой.", "назвал", "ru")[2] == "deny"
    assert not _atts("We called him yesterday.")


def test_imperative_quote_is_an_appeal_but_let_me_is_not() -> None:
    assert _one('"If they are so confident, let the auditors come tomorrow," Brandt said.', "said")[2] == "appeal"
    assert _one('"Let me say it again: we are innocent," Brandt said.', "said")[2] == "claim"


def test_present_tense_stance_of_a_body_is_its_act() -> None:
    text = 'A spokesperson said the agency "strongly discourages" any company from trading with the cartel.'
    assert _one(text, "said")[2] == "recommend"
    # a past denial is only reported
    assert _one("The clerk said the agency had denied the reports.", "said")[2] == "claim"


def test_not_commenting_is_other() -> None:
    text = 'The firm said in a statement that it "does not comment on the identity of its clients".'
    assert _one(text, "said")[2] == "other"


def test_negated_by_no_with_denial_word_is_a_denial() -> None:
    text = "The ministry called the story baseless and said the port had no contracts with the smugglers."
    assert _one(text, "said")[2] == "deny"


def test_first_person_mistake_is_a_retraction() -> None:
    text = 'Olsen said: "I made a mistake, and I am sorry. The town I had in mind was Brill, not Ardo."'
    acts = [a[2] for a in _atts(text) if a[0] == "Olsen"]
    assert "retract" in acts


def test_russian_conditional_advice_is_a_recommendation() -> None:
    text = "Эксперт считает, что властям стоило бы пригласить на стройку независимых инженеров."
    assert _one(text, "считает", "ru")[2] == "recommend"


def test_a_cue_with_its_clause_leaves_a_later_quotation_to_the_next_verb() -> None:
    text = (
        "Министерство иностранных дел Кестрании в воскресенье заявило, что республика не экспортирует "
        "технику, и назвало слова блогера «не соответствующими действительности»."
    )
    _speaker, _cue, _act, content = _one(text, "заявило", "ru")
    assert content == "республика не экспортирует технику"


def test_a_verdict_in_quotation_marks_is_part_of_the_content() -> None:
    text = "Viktor Kaln, a blogger, dismissed the visit as \u201ca show for the press\u201d and left."
    _speaker, _cue, _act, content = _one(text, "dismissed")
    assert content.startswith("the visit as")
    assert "show for the press" in content


def test_a_time_on_the_subject_is_not_part_of_the_speaker() -> None:
    text = "Mongolia on Sunday rejected an assertion by a blogger that drones are assembled on its territory."
    speaker, _cue, _act, _content = _one(text, "rejected")
    assert speaker == "Mongolia"


def test_the_one_quoted_is_the_speaker_and_the_quoting_outlet_the_channel() -> None:
    cases = [
        ("Blogger Viktor Kaln insists. \u201cI am sure of my sources,\u201d the Halvian Herald quoted him as saying.",
         "en", "him", "I am sure of my sources"),
        ("Reuters quoted the minister as saying the talks had failed.", "en", "the minister", "the talks had failed"),
        ("Блогер Виктор Калн настаивает. \u00abЯ уверен в своих источниках\u00bb, \u2014 цитирует его издание "
         "\u00abХалвия-Плюс\u00bb.", "ru", "его", "Я уверен в своих источниках"),
    ]
    for text, lang, speaker, content in cases:
        doc = nlp.parse(text, lang)
        found = [a for a in doc._.attributions if a.speaker and text[a.speaker[0] : a.speaker[1]] == speaker]
        assert found, (text, _atts(text, lang))
        a = found[0]
        assert " ".join(text[s:e] for s, e in a.content) == content
        assert a.channel is not None


def test_a_passive_denial_denies_its_subject_and_is_dated() -> None:
    text = "The claim was denied by the Kestranian Foreign Ministry on Sunday."
    speaker, _cue, act, content = _one(text, "denied")
    assert (speaker, act, content) == ("the Kestranian Foreign Ministry", "deny", "The claim")


def test_calling_a_report_a_provocation_denies_it() -> None:
    assert _one("The ministry called the report \u201ca provocation\u201d.", "called")[2] == "deny"
