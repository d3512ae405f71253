"""Each discrepancy kind on small fictional two-document stories."""

from __future__ import annotations

import itertools

from claimledger import claims, discrepancies
from claimledger.models import Claim, Event, Statement


def st(sid: str, doc: str, speaker: str, act: str, content: str, *, date: str | None = None, direct: bool = True,
       summary: bool = False, eid: str | None = None) -> Statement:
    return Statement(id=sid, doc_id=doc, speaker=speaker, act=act, content=content, direct=direct,  # type: ignore[arg-type]
                     start=0, end=len(content), date=date, reported_summary=summary,
                     speaker_id=eid or "e_" + speaker.split()[-1].lower())


def run(*docs: list[Statement], events: list[Event] | None = None) -> tuple[list[Claim], list]:
    counter = itertools.count(1)
    new_id = lambda: f"c{next(counter)}"  # noqa: E731
    pool: dict[str, Claim] = {}
    known: dict[str, Statement] = {}
    for doc in docs:
        for c in claims.link(doc, list(pool.values()), dict(known), new_id):
            pool[c.id] = c
        known.update({s.id: s for s in doc})
    return list(pool.values()), discrepancies.find(list(pool.values()), known, events or [], {})


def by_kind(found: list, kind: str) -> list:
    return [d for d in found if d.kind == kind]


def values(d) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {v.value: v.doc_ids for v in d.values}


def test_what_someone_said_on_a_date_differs_between_documents() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02")]
    b = [st("b1", "dB", "Oleg Marchenko", "claim", "Turkish drones are produced in Chile.", date="2023-03-02")]
    _, found = run(a, b)
    [d] = by_kind(found, "date")
    assert d.subject == "what Oleg Marchenko said on 2023-03-02"
    assert values(d) == {"Turkish drones are produced in Peru": ["dA"], "Turkish drones are produced in Chile": ["dB"]}
    assert d.id.startswith("x") and d.id == discrepancies.find(*_args(a, b))[0].id  # stable


def _args(a: list[Statement], b: list[Statement]):  # type: ignore[no-untyped-def]
    cl, _ = run(a, b)
    return cl, {s.id: s for s in a + b}, [], {}


def test_same_statement_dated_differently() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02",
            direct=False)]
    b = [st("b1", "dB", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-03",
            direct=False)]
    _, found = run(a, b)
    dated = [d for d in by_kind(found, "date") if d.subject.startswith("when")]
    assert len(dated) == 1
    assert dated[0].subject == 'when Oleg Marchenko claimed "Turkish drones are produced in Peru"'
    assert values(dated[0]) == {"2023-03-02": ["dA"], "2023-03-03": ["dB"]}


def test_a_correction_worded_as_a_claim_does_not_hide_a_misdated_claim() -> None:
    a = [
        st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02",
           direct=False),
        st("a2", "dA", "Oleg Marchenko", "claim", "The country I had in mind was Chile, not Peru.",
           date="2023-03-05"),
    ]
    b = [st("b1", "dB", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-01",
            direct=False)]
    _, found = run(a, b)
    [d] = [d for d in by_kind(found, "date") if d.subject.startswith("when")]
    assert d.subject.startswith("when Oleg Marchenko claimed")
    assert values(d) == {"2023-03-02": ["dA"], "2023-03-01": ["dB"]}


def test_less_precise_date_is_not_a_discrepancy() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03")]
    b = [st("b1", "dB", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-03")]
    _, found = run(a, b)
    assert by_kind(found, "date") == []


def test_event_dated_differently() -> None:
    ev = [Event(id="v1", description="Drone factory opened near Lima", date="2023-01-10", doc_ids=["dA"]),
          Event(id="v2", description="drone factory opened near Lima", date="2023-01-12", doc_ids=["dB"])]
    _, found = run([], events=ev)
    [d] = by_kind(found, "date")
    assert values(d) == {"2023-01-10": ["dA"], "2023-01-12": ["dB"]}


def test_same_quote_credited_to_different_speakers() -> None:
    quote = "We will never allow foreign drones to be assembled on our soil."
    a = [st("a1", "dA", "Luis Ortega", "claim", quote)]
    b = [st("b1", "dB", "Maria Vidal", "claim", quote)]
    _, found = run(a, b)
    d = next(d for d in by_kind(found, "attribution") if d.subject.startswith("who said"))
    assert values(d) == {"Luis Ortega": ["dA"], "Maria Vidal": ["dB"]}


def test_same_claim_same_date_credited_to_different_people() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02",
            direct=False)]
    b = [st("b1", "dB", "Ivan Petrenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02",
            direct=False)]
    _, found = run(a, b)
    d = next(d for d in by_kind(found, "attribution") if d.subject.startswith("who claimed"))
    assert values(d) == {"Oleg Marchenko": ["dA"], "Ivan Petrenko": ["dB"]}


def test_quantity_differs_for_one_claim() -> None:
    a = [st("a1", "dA", "Ali Demir", "claim", "14 countries want to buy Turkish drones.")]
    b = [st("b1", "dB", "Ali Demir", "claim", "16 countries want to buy Turkish drones.")]
    cl, found = run(a, b)
    assert len(cl) == 1
    [d] = by_kind(found, "quantity")
    assert values(d) == {"14 countries": ["dA"], "16 countries": ["dB"]}


def test_scope_partial_denial_against_summary() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Chile.")]
    b = [
        st("b1", "dB", "Chile Foreign Ministry", "deny",
           "Chile does not export military equipment to other countries."),
        st("b2", "dB", "Chilean authorities", "deny", "the production of drones in Chile", summary=True, direct=False),
    ]
    _, found = run(a, b)
    [d] = by_kind(found, "scope")
    assert d.subject == "what Chile Foreign Ministry denied"
    assert values(d) == {
        "summary: denied the production of drones in Chile": ["dB"],
        "quoted: Chile does not export military equipment to other countries. (denies export, not production)": ["dB"],
    }


def test_scope_without_summary_uses_the_claim() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Chile.")]
    b = [st("b1", "dB", "Chile Foreign Ministry", "deny", "Chile does not export military equipment.")]
    _, found = run(a, b)
    [d] = by_kind(found, "scope")
    assert values(d)["claim: Turkish drones are produced in Chile"] == ["dA"]


def test_name_spelling_variants_of_one_entity() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "recommend", "Be careful.", eid="e1")]
    b = [st("b1", "dB", "Oleg Marchenco", "recommend", "Be careful.", eid="e1"),
         st("b2", "dB", "Marchenko", "recommend", "Be careful.", eid="e1")]
    _, found = run(a, b)
    [d] = by_kind(found, "name")
    assert values(d) == {"Oleg Marchenco": ["dB"], "Oleg Marchenko": ["dA"]}


def test_consistent_documents_have_no_discrepancies() -> None:
    a = [st("a1", "dA", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02")]
    b = [st("b1", "dB", "Oleg Marchenko", "claim", "Turkish drones are produced in Peru.", date="2023-03-02")]
    _, found = run(a, b)
    assert found == []


def _pairwise_misattributed(quotes: list[Statement]) -> dict[str, tuple[str, str]]:
    """The definition, pair by pair: for each subject, the first pair in quote order."""
    from rapidfuzz import fuzz

    from claimledger import stance as stance_mod

    first: dict[str, tuple[str, str]] = {}
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            if a.doc_id == b.doc_id or stance_mod.speaker_key(a) == stance_mod.speaker_key(b):
                continue
            if fuzz.ratio(" ".join(a.content.lower().split()), " ".join(b.content.lower().split())) < 90:
                continue
            first.setdefault(discrepancies._short(a.content, 70), (a.id, b.id))
    return first


def test_misattributed_quotes_match_the_pairwise_definition() -> None:
    import random

    rng = random.Random(7)
    base = [
        "We will never allow foreign drones to be assembled on our soil, the minister insisted.",
        "The plant near the border has produced sixty drones since the spring of this year.",
        "Our country does not export military equipment to any other country in the region.",
    ]
    for _ in range(60):
        quotes = []
        for n in range(rng.randint(2, 14)):
            text = rng.choice(base)
            if rng.random() < 0.4:  # a near-identical wording: a word changed or dropped
                words = text.split()
                words[rng.randrange(len(words))] = rng.choice(["", "foreign", "Drones", "sixty-one"])
                text = " ".join(w for w in words if w)
            speaker = rng.choice(["Luis Ortega", "Maria Vidal", "Ana Lind"])
            quotes.append(st(f"q{n}", rng.choice(["dA", "dB", "dC", "dD"]), speaker, "claim", text))
        by_id = {q.id: q for q in quotes}
        want = {
            s: {by_id[a].speaker: [by_id[a].doc_id], by_id[b].speaker: [by_id[b].doc_id]}
            for s, (a, b) in _pairwise_misattributed(quotes).items()
        }
        got = {s: values(d) for s, d in discrepancies.quote_pairs(_quote_rows(quotes)).items()}
        assert got == want


def _quote_rows(quotes: list[Statement]) -> list[discrepancies.Row]:
    """Each quote as if in a document of its own, in list order."""
    return [r for n, q in enumerate(quotes) for r in discrepancies.rows([q], [], n) if r.group.startswith("w")]


def test_quote_pairs_of_the_subjects_new_quotes_resemble_update_the_earlier_ones() -> None:
    import random

    rng = random.Random(11)
    base = [
        "We will never allow foreign drones to be assembled on our soil, the minister insisted.",
        "The plant near the border has produced sixty drones since the spring of this year.",
    ]
    for _ in range(60):
        quotes = []
        for n in range(rng.randint(2, 12)):
            words = rng.choice(base).split()
            if rng.random() < 0.5:
                words[rng.randrange(len(words))] = rng.choice(["", "foreign", "Drones"])
            speaker = rng.choice(["Luis Ortega", "Maria Vidal"])
            text = " ".join(w for w in words if w)
            quotes.append(st(f"q{n}", rng.choice(["dA", "dB", "dC"]), speaker, "claim", text))
        rows = _quote_rows(quotes)
        cut = rng.randint(0, len(rows))
        before = discrepancies.quote_pairs(rows[:cut])
        touched = discrepancies.similar_quotes(rows, list(range(cut, len(rows))))
        merged = {s: d for s, d in before.items() if s not in touched}
        merged.update(discrepancies.quote_pairs(rows, touched))
        assert merged == discrepancies.quote_pairs(rows)


def test_event_pairs_of_the_subjects_new_events_resemble_update_the_earlier_ones() -> None:
    import random

    rng = random.Random(5)
    texts = ["the Korva bridge opened", "the Korva bridge opened to traffic", "elections were held"]
    for _ in range(60):
        events = [
            Event(id=f"v{n}", description=rng.choice(texts), date=rng.choice(["2031-05-01", "2031-05-03", "2031-06"]),
                  doc_ids=[rng.choice(["dA", "dB", "dC", "dD"])])
            for n in range(rng.randint(2, 10))
        ]  # fmt: skip
        cut = rng.randint(0, len(events))
        before = discrepancies.event_pairs(events[:cut])
        touched = discrepancies.similar_events(events, list(range(cut, len(events))))
        merged = {s: d for s, d in before.items() if s not in touched}
        merged.update(discrepancies.event_pairs(events, touched))
        assert merged == discrepancies.event_pairs(events)


def test_a_row_repeated_within_a_document_is_kept_once_at_its_first_place() -> None:
    # three statements by one speaker give one name-form row, not three: a story's groups then
    # grow with its documents, not with how often each quotes someone
    doc = [
        st("a1", "dA", "Oleg Marchenko", "claim", "The new bridge will open to traffic in May."),
        st("a2", "dA", "Oleg Marchenko", "claim", "The tolls will stay exactly as they are now."),
        st("a3", "dA", "Oleg Marchenko", "claim", "The old ferry will keep running until June."),
    ]
    rows = discrepancies.rows(doc, [], 2)
    names = [r for r in rows if r.group.startswith("n")]
    assert len(names) == 1
    assert names[0].pos == min(r.pos for r in rows)
    assert len(rows) == 1 + 3  # the three distinct direct quotes stay


def test_event_pairs_match_the_pairwise_definition() -> None:
    # Descriptions repeat, as a long story's do: comparing each wording once must pair the
    # same events as comparing every two events.
    import random

    from rapidfuzz import fuzz

    rng = random.Random(11)
    texts = ["the Korva bridge opened", "The Korva bridge opened to traffic", "elections were held", "talks began"]
    days = ["2031-05-01", "2031-05-03", "2031-06", None]
    for _ in range(80):
        events = [
            Event(id=f"v{n}", description=rng.choice(texts), date=rng.choice(days),
                  doc_ids=rng.sample(["dA", "dB", "dC", "dD"], rng.randint(1, 2)))
            for n in range(rng.randint(2, 14))
        ]  # fmt: skip
        expected: dict[str, dict[str, set[str]]] = {}
        for i, a in enumerate(events):
            subject = discrepancies.event_subject(a)
            if not a.date or subject in expected:
                continue
            for b in events[i + 1 :]:
                if (
                    fuzz.token_set_ratio(a.description.lower(), b.description.lower()) >= 85
                    and b.date
                    and not (a.date.startswith(b.date) or b.date.startswith(a.date))
                    and not set(a.doc_ids) & set(b.doc_ids)
                ):
                    expected[subject] = {a.date: set(a.doc_ids), b.date: set(b.doc_ids)}
                    break
        found = discrepancies.event_pairs(events)
        assert {s: {v.value: set(v.doc_ids) for v in d.values} for s, d in found.items()} == expected
