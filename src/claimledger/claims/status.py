"""Status of a claim, recomputed from its stances every time the claim changes.

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

from dataclasses import dataclass

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


def _where(row: _Row) -> str:
    """ " in an interview with X on 2023-03-02 (doc d1)": where and when, as the article gives it."""
    st = row.st
    channel = ""
    if st is not None and st.channel:
        first = st.channel.split()[0].lower()
        channel = f" {st.channel}" if first in _CHANNEL_PREPS else f" in {st.channel}"
    date = f" on {st.date}" if st is not None and st.date else ""
    told = ", in the reporter's words" if st is not None and st.reported_summary else ""
    return f"{channel}{date}{told} (doc {row.stance.doc_id or (st.doc_id if st else '?')})"


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


def _occasions(rows: list[_Row]) -> int:
    """How many times the claim was made, as opposed to how many outlets reported it."""
    dated: list[str] = []
    undated_docs: set[str] = set()
    dated_docs: set[str] = set()
    for r in rows:
        date = r.st.date if r.st is not None else None
        if date:
            dated_docs.add(r.stance.doc_id)
            if not any(d.startswith(date) or date.startswith(d) for d in dated):
                dated.append(date)
        else:
            undated_docs.add(r.stance.doc_id)
    return len(dated) + len(undated_docs - dated_docs)


def status(claim: Claim, statements: dict[str, Statement]) -> tuple[Status, list[str]]:
    """(status, reasons) from the claim's stances; see the module docstring for the rules."""
    claimants = set(claim.claimant_ids)
    rows: list[_Row] = []
    # Near-copies of an article that is already here add no voice: they are listed once,
    # after the reasons, and weigh nothing in the status.
    repeats = [s for s in claim.stances if s.repeats]
    for s in claim.stances:
        if s.repeats:
            continue
        st = statements.get(s.statement_id)
        spk = stance_mod.speaker_key(st) if st is not None else ""
        rows.append(_Row(s, st, spk, spk in claimants))

    def by(label: str) -> list[_Row]:
        return [r for r in rows if r.stance.stance == label]

    supports, refutes, retracts = by("supports"), by("refutes"), by("retracts")
    questions, reports = by("questions"), by("reports")
    own = [r for r in supports if r.claimant]
    independent = [r for r in supports if not r.claimant and r.st is not None and not stance_mod.is_reporter(r.st)]
    # A named third party acknowledging reports of it: evidence, though not a confirmation.
    evidence = [
        r
        for r in reports
        if r.st is not None
        and not r.claimant
        and not stance_mod.is_reporter(r.st)
        and r.st.act not in ("deny", "recommend")
        and not _frame_of(r.st).get("negated")
    ]
    # Advice that merely touches the subject ("buyers should expect sanctions") relays nothing.
    relays = [r for r in reports if not r.claimant and (r.st is None or r.st.act != "recommend")]
    own_retracts = [r for r in retracts if r.claimant or not claimants]
    partial_notes: list[str] = []
    for r in refutes:
        note = partial_denial(_frame_of(r.st), claim.frame)
        if note:
            partial_notes.append(f"partial denial by {_who(r)}{_where(r)}: {note}")
    only_partial = bool(refutes) and len(partial_notes) == len(refutes)

    def last_date(rs: list[_Row]) -> str:
        return max((r.st.date for r in rs if r.st is not None and r.st.date), default="")

    reasons: list[str] = []
    st_: Status
    if (
        own_retracts
        and not independent
        and not (last_date(own) and last_date(own_retracts) and last_date(own) > last_date(own_retracts))
    ):
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
    elif own and (_occasions(own) > 1 or questions or evidence or relays):
        st_ = "asserted"
        reasons.append("asserted by its claimant, with no independent confirmation or denial")
    else:
        st_ = "unverified"
        reasons.append(
            "a single account nobody else has confirmed or denied"
            if own
            else "only reported or questioned; no one on record asserts it"
        )

    for r in rows:
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
        reasons.append(f"{verb} by {_who(r)}{_where(r)}")
    reasons += partial_notes
    copied: dict[str, list[str]] = {}
    for s in repeats:
        copied.setdefault(s.repeats or "", []).append(s.doc_id)
    for original, copies in sorted(copied.items()):
        docs = sorted(set(copies))
        reasons.append(
            f"repeated by {len(docs)} near-cop{'y' if len(docs) == 1 else 'ies'} of {original}: {', '.join(docs)}"
        )
    for rel in claim.related:
        if rel.get("relation") == "corrected_to":
            reasons.append(f"corrected by the claimant to claim {rel.get('claim_id')}")
    return st_, reasons
