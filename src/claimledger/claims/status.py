"""Status of a claim, folded over its stances (see `tally`), with its reasons.

Definitions (a "claimant" is in `claim.claimant_ids`: whoever first made the claim; an
"independent" voice is anyone else who is not the press relaying it):

retracted   a claimant retracted it, and no one independent supports it (a claimant
            repeating it after the retraction, by date, undoes the retraction).
contested   it is refuted (fully or partially) AND there is evidence for it beyond the
            claimant: an independent supporter, or a named third party acknowledging
            reports of it; also a claimant's retraction that others keep supporting; also
            a claim whose every refutation is partial (the subject denies something next
            to it, "we do not export", and leaves its core, "made here", standing).
denied      refuted, and supported by nobody but its claimant(s).
supported   confirmed by an independent source, and refuted by nobody.
asserted    only its claimant(s) stand behind it, on record more than once: on two or
            more occasions, or while others question or relay it. One statement reported
            by several outlets is one occasion: supports are one occasion when their dates
            agree (one a prefix of the other); undated ones count once per document.
unverified  a single account nobody else has confirmed, denied, questioned or repeated,
            or only hearsay (reports, questions) with no one asserting it at all.

A refutation whose predicates miss the claim's main predicate ("does not export" against
"is produced") is a partial denial: it still counts as a refutation, and the reasons say
what it denies and what it leaves out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from claimledger import stance as stance_mod
from claimledger.claims import lexicon as lx
from claimledger.models import Claim, Stance, Statement, Status


@dataclass
class _Row:
    stance: Stance
    st: Statement | None
    speaker: str
    claimant: bool


def _who(row: _Row) -> str:
    if row.st is None:
        return f"statement {row.stance.statement_id}"
    return row.st.speaker.strip() or "the reporter"


_CHANNEL_PREPS = frozenset({"in", "on", "at", "via", "through", "during", "to", "by", "в", "на", "во"})


def _where(row: _Row) -> tuple[str, str, str, str]:
    """(" in an interview with X", "2023-03-02", ", in the reporter's words", "d1"): where, when
    and in which document, as the article gives it."""
    st = row.st
    channel = ""
    if st is not None and st.channel:
        first = st.channel.split()[0].lower()
        channel = f" {st.channel}" if first in _CHANNEL_PREPS else f" in {st.channel}"
    date = st.date if st is not None and st.date else ""
    told = ", in the reporter's words" if st is not None and st.reported_summary else ""
    return channel, date, told, row.stance.doc_id or (st.doc_id if st else "?")


# Reason lines are kept per voice, not per appearance: one line for each (what was done, by
# whom, where, in whose words), with how many times, the first and last dates and documents.
# A claim an archive repeats for years thus keeps a few lines instead of one per article, and
# its tally (which holds them) stays small. A voice heard once reads as it always did:
# "denied by X in an interview on 2023-03-02 (doc d1)".
_N, _FIRST, _LAST, _DOC1, _DOC2, _DOCS = range(6)


def _note_voice(voices: dict[str, list[Any]], key: str, date: str, doc: str) -> None:
    v = voices.get(key)
    if v is None:
        voices[key] = [1, date, date, doc, doc, 1]
        return
    v[_N] += 1
    if date:
        v[_FIRST] = min(v[_FIRST], date) if v[_FIRST] else date
        v[_LAST] = max(v[_LAST], date)
    if doc != v[_DOC2]:
        v[_DOC2] = doc
        v[_DOCS] += 1


def _voice_line(key: str, v: list[Any]) -> str:
    """ "asserted by X in an interview on 2023-03-02 (doc d1)", or for a voice heard again
    "asserted by X in an interview, 3 times, dated 2023-03-02 to 2023-05-11 (docs d1 … d7, 3 in all)"
    (the dates those of its dated appearances)."""
    head, told, tail = key.split(_SEP)
    first, last = v[_FIRST], v[_LAST]
    if v[_N] == 1:
        return f"{head}{f' on {first}' if first else ''}{told} (doc {v[_DOC1]}){tail}"
    when = f", dated {first}" if first and first == last else (f", dated {first} to {last}" if first else "")
    docs = f"doc {v[_DOC1]}" if v[_DOCS] == 1 else f"docs {v[_DOC1]} … {v[_DOC2]}, {v[_DOCS]} in all"
    return f"{head}{told}, {v[_N]} times{when} ({docs}){tail}"


_SEP = "\x1f"


_VERB = {
    "supports": "asserted",
    "refutes": "denied",
    "retracts": "retracted",
    "questions": "questioned",
    "reports": "reported",
}
_ACT_VERB = {"confirm": "confirmed", "appeal": "called for an inquiry", "recommend": "commented", "claim": "asserted"}


def _noun(lemma: str) -> str:
    return lx.NOMINAL.get(lemma, lx.NOMINAL.get(lx.PREDICATE_OF.get(lemma, ""), lemma))


def partial_denial(frame: dict, claim_frame: dict) -> str | None:
    """ "denies export, not production" when a refutation misses the claim's main predicate."""
    cov = stance_mod.coverage(frame, claim_frame)
    if not cov.partial:
        return None
    said = [_noun(lem) for lem in cov.said if lx.PREDICATE_OF.get(lem) not in lx.META_CLASSES]
    said = list(dict.fromkeys(said)) or ["something else"]
    main = claim_frame.get("predicate")
    missing = _noun(main) if main else "the claim itself"
    return f"denies {' and '.join(said)}, not {missing}"


def _frame_of(st: Statement | None) -> dict:
    if st is None:
        return {}
    if st.frame:
        return st.frame
    from claimledger.claims.framing import text_frame  # late: only for frameless statements

    return text_frame(st.content)


def tally(claim: Claim, statements: Mapping[str, Statement]) -> dict[str, Any]:
    """What the status of `claim` depends on, folded over all its stances: a small JSON-able
    record (counts, latest dates, reason lines per voice, not one entry per stance) that
    `extend` updates from new stances alone."""
    t = _empty(claim)
    for s in claim.stances:
        _fold(t, claim, s, statements.get(s.statement_id))
    own_rows = [
        (st.date if st is not None and st.date else "", s.doc_id)
        for s in claim.stances
        if not s.repeats
        and s.stance == "supports"
        and (st := statements.get(s.statement_id)) is not None
        and stance_mod.speaker_key(st) in t["claimants"]
    ]
    t["dated"], t["undated_only"] = _occasions(own_rows)
    return t


def _empty(claim: Claim) -> dict[str, Any]:
    return {
        "claimants": list(claim.claimant_ids),
        # Partial denials are judged against the claim's predicates: their notes stay valid
        # only while these do.
        "pred": [claim.frame.get("predicate"), list(claim.frame.get("predicates") or [])],
        "count": 0,  # stances, repeats included
        "own": 0, "own_last": "", "dated": [], "undated_only": 0,
        "independent": 0, "evidence": 0, "relays": 0, "questions": 0,
        "own_retracts": 0, "own_retract_last": "",
        "refutes": 0, "partial": 0,
        "voices": {}, "partials": {},  # reason lines per voice (`_note_voice`), of stances and partial denials
        "repeats": {},
    }  # fmt: skip


def _fold(t: dict[str, Any], claim: Claim, s: Stance, st: Statement | None) -> None:
    """Add one stance to a tally: the rules of `status`, one row at a time."""
    t["count"] += 1
    if s.repeats:
        # Near-copies of an article that is already here add no voice: they are listed once,
        # after the reasons, and weigh nothing in the status.
        docs = t["repeats"].setdefault(s.repeats, [])
        if s.doc_id not in docs:
            docs.append(s.doc_id)
            docs.sort()
        return
    claimants = t["claimants"]
    spk = stance_mod.speaker_key(st) if st is not None else ""
    row = _Row(s, st, spk, spk in claimants)
    date = st.date if st is not None and st.date else ""
    label = s.stance
    if label == "supports":
        if row.claimant:
            t["own"] += 1
            t["own_last"] = max(t["own_last"], date)
            # One statement reported by several outlets is one occasion (see `_occasions`):
            # a document's rows arrive together, so a document with undated rows only is one more.
            if date:
                if not any(d.startswith(date) or date.startswith(d) for d in t["dated"]):
                    t["dated"].append(date)
        elif st is not None and not stance_mod.is_reporter(st):
            t["independent"] += 1
    elif label == "reports":
        # A named third party acknowledging reports of it: evidence, though not a confirmation.
        if (
            st is not None
            and not row.claimant
            and not stance_mod.is_reporter(st)
            and st.act not in ("deny", "recommend")
            and not _frame_of(st).get("negated")
        ):
            t["evidence"] += 1
        # Advice that merely touches the subject ("buyers should expect sanctions") relays nothing.
        if not row.claimant and (st is None or st.act != "recommend"):
            t["relays"] += 1
    elif label == "questions":
        t["questions"] += 1
    elif label == "retracts":
        if row.claimant or not claimants:
            t["own_retracts"] += 1
            t["own_retract_last"] = max(t["own_retract_last"], date)
    elif label == "refutes":
        t["refutes"] += 1
        note = partial_denial(_frame_of(st), claim.frame)
        if note:
            t["partial"] += 1
            channel, date, told, doc = _where(row)
            key = _SEP.join((f"partial denial by {_who(row)}{channel}", told, f": {note}"))
            _note_voice(t["partials"], key, date, doc)
    channel, date, told, doc = _where(row)
    _note_voice(t["voices"], _SEP.join((f"{_verb(row)} by {_who(row)}{channel}", told, "")), date, doc)


def _verb(r: _Row) -> str:
    if r.stance.stance == "supports":
        verb = _ACT_VERB.get(r.st.act if r.st else "", "asserted")
        if r.st is not None and r.st.act == "retract":
            verb = "corrected to this"
    else:
        verb = _VERB[r.stance.stance]
        if r.stance.stance == "questions" and r.st is not None and r.st.act == "appeal":
            verb = "called for an inquiry"
        elif r.stance.stance == "refutes" and r.st is not None and r.st.act != "deny":
            verb = "contradicted"  # said the opposite without an act of denial
        elif r.stance.stance == "reports" and r.st is not None and r.st.act == "recommend":
            verb = "mentioned in advice"
    return verb


def _occasions(own_rows: list[tuple[str, str]]) -> tuple[list[str], int]:
    """(distinct dates, documents with undated rows only) of the claimant's supports, given
    as (date, doc id): how many times the claim was made, not how many outlets reported it."""
    dated: list[str] = []
    undated_docs: set[str] = set()
    dated_docs: set[str] = set()
    for date, doc in own_rows:
        if date:
            dated_docs.add(doc)
            if not any(d.startswith(date) or date.startswith(d) for d in dated):
                dated.append(date)
        else:
            undated_docs.add(doc)
    return dated, len(undated_docs - dated_docs)


def status(claim: Claim, statements: Mapping[str, Statement]) -> tuple[Status, list[str]]:
    """(status, reasons) from the claim's stances; see the module docstring for the rules."""
    return verdict(claim, tally(claim, statements))


def extend(
    claim: Claim, statements: Mapping[str, Statement], t: dict[str, Any], new: list[Stance]
) -> tuple[Status, list[str]]:
    """`status` after `new` stances (all from one document not yet among the claim's) join a
    claim whose earlier stances `t` tallies; updates `t` in place. Only valid while the earlier
    stances, the claimants and the claim's predicates are as `t` recorded them (`fits`)."""
    own_dates: list[str] = []
    for s in new:
        st = statements.get(s.statement_id)
        _fold(t, claim, s, st)
        own = st is not None and not s.repeats and s.stance == "supports"
        if own and st is not None and stance_mod.speaker_key(st) in t["claimants"]:
            own_dates.append(st.date or "")
    if own_dates and not any(own_dates):
        t["undated_only"] += 1
    return verdict(claim, t)


def fits(claim: Claim, t: dict[str, Any]) -> bool:
    """Whether a tally still describes the claim's earlier stances under its current claimants
    and predicates (else the status must be recomputed from every stance); a tally from before
    reason lines were kept per voice does not."""
    return "voices" in t and t.get("claimants") == list(claim.claimant_ids) and t.get("pred") == [
        claim.frame.get("predicate"),
        list(claim.frame.get("predicates") or []),
    ]


def verdict(claim: Claim, t: dict[str, Any]) -> tuple[Status, list[str]]:
    """(status, reasons) from a tally."""
    own, independent, evidence = t["own"] > 0, t["independent"] > 0, t["evidence"] > 0
    refutes, own_retracts = t["refutes"] > 0, t["own_retracts"] > 0
    only_partial = refutes and t["partial"] == t["refutes"]
    last_own, last_retract = t["own_last"], t["own_retract_last"]
    occasions = len(t["dated"]) + t["undated_only"]

    reasons: list[str] = []
    st_: Status
    if own_retracts and not independent and not (last_own and last_retract and last_own > last_retract):
        st_ = "retracted"
        reasons.append("retracted by its claimant")
    elif own_retracts and independent:
        st_ = "contested"
        reasons.append("retracted by its claimant but supported by others")
    elif refutes and (independent or evidence):
        st_ = "contested"
        reasons.append("refuted, with support or evidence from others than the claimant")
    elif only_partial and own:
        st_ = "contested"
        reasons.append("disputed, but every denial is partial: its core is asserted and not denied")
    elif refutes:
        st_ = "denied"
        reasons.append("refuted and supported by nobody but its claimant" if own else "refuted and supported by nobody")
    elif independent:
        st_ = "supported"
        reasons.append("confirmed by a source other than the claimant")
    elif own and (occasions > 1 or t["questions"] or evidence or t["relays"]):
        st_ = "asserted"
        reasons.append("asserted by its claimant, with no independent confirmation or denial")
    else:
        st_ = "unverified"
        reasons.append(
            "a single account nobody else has confirmed or denied"
            if own
            else "only reported or questioned; no one on record asserts it"
        )
    reasons += [_voice_line(k, v) for k, v in t["voices"].items()]
    reasons += [_voice_line(k, v) for k, v in t["partials"].items()]
    for original, docs in sorted(t["repeats"].items()):
        reasons.append(
            f"repeated by {len(docs)} near-cop{'y' if len(docs) == 1 else 'ies'} of {original}: {', '.join(docs)}"
        )
    for rel in claim.related:
        if rel.get("relation") == "corrected_to":
            reasons.append(f"corrected by the claimant to claim {rel.get('claim_id')}")
    return st_, reasons
