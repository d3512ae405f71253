"""Stance of one statement towards one claim: supports, refutes, retracts, questions, reports.

Rule-based for now, kept behind two functions so that a trained model (FNC-1 / Emergent
style: agree / disagree / discuss / unrelated) can replace the internals without touching
`claims.link`:

    classify(statement, frame, claim_frame, claimant_ids) -> (label, score)
    coverage(frame, claim_frame) -> Coverage      # is a denial narrower than the claim?

The rules, in order:
1. a reporter's own summary (`reported_summary`) or a media outlet relaying something -> reports;
2. the speech act is the prior: retract -> retracts (by a claimant; anyone else withdrawing
   it only reports), deny -> refutes, appeal -> questions;
3. claim / confirm / other are compared with the claim's frame: opposite polarity (the
   statement negates what the claim asserts, or asserts what a negative claim denies)
   -> refutes; hedged wording or a question -> questions; otherwise claim / confirm ->
   supports and other -> reports (someone acknowledging reports is not confirming them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimledger.models import StanceLabel, Statement

# Predicate classes that only frame an inquiry; they never decide coverage.
_META = frozenset({"investigate"})


def speaker_key(statement: Statement) -> str:
    """Global entity id of the speaker, or a name key when resolution has not run (tests)."""
    return statement.speaker_id or "name:" + " ".join(statement.speaker.lower().split())


def is_reporter(statement: Statement) -> bool:
    """The voice is the press relaying something, not a party to the claim."""
    return statement.reported_summary or statement.speaker_type == "MEDIA" or not statement.speaker.strip()


@dataclass
class Coverage:
    """How much of a claim a (denying) statement speaks to."""

    partial: bool = False
    covered: list[str] = field(default_factory=list)  # claim predicate classes the statement addresses
    missing: list[str] = field(default_factory=list)  # claim predicate classes it leaves untouched
    said: list[str] = field(default_factory=list)  # the statement's own predicate lemmas ("export")


def _preds(fr: dict[str, Any]) -> list[str]:
    return [p for p in fr.get("predicates") or [] if p not in _META]


def coverage(frame: dict[str, Any], claim_frame: dict[str, Any]) -> Coverage:
    """Partial when the statement's predicates miss the claim's main predicate.

    "does not export equipment" against "drones are produced in X": it addresses supply,
    not production, so as a denial it is partial. Unknown predicates on either side are
    never called partial (nothing to compare).
    """
    sp, cp = _preds(frame), _preds(claim_frame)
    main = claim_frame.get("predicate") or (cp[0] if cp else None)
    if not sp or not cp or main is None:
        return Coverage(covered=[p for p in cp if p in sp])
    covered = [p for p in cp if p in sp]
    missing = [p for p in cp if p not in sp]
    lemmas = [lem for lem in frame.get("predicate_lemmas") or []]
    return Coverage(partial=main not in sp, covered=covered, missing=missing, said=lemmas)


def _opposite_polarity(frame: dict[str, Any], claim_frame: dict[str, Any]) -> bool:
    return bool(frame.get("negated")) != bool(claim_frame.get("negated"))


def classify(
    statement: Statement,
    frame: dict[str, Any],
    claim_frame: dict[str, Any],
    claimant_ids: Iterable[str] = (),
) -> tuple[StanceLabel, float]:
    """(stance label, confidence in [0, 1]) of `statement` towards the claim with `claim_frame`."""
    claimants = set(claimant_ids)
    act = statement.act
    if statement.reported_summary:
        return "reports", 0.9
    if act == "retract":
        if not claimants or speaker_key(statement) in claimants:
            return "retracts", 0.9
        return "reports", 0.5
    if act == "deny":
        # Denying a negative claim ("X never said it does not export") is still a refutation
        # of that claim: the act, not the grammar, carries the stance.
        return "refutes", 0.85
    if act == "appeal":
        return "questions", 0.8
    if statement.speaker_type == "MEDIA" or not statement.speaker.strip():
        return "reports", 0.7
    if _opposite_polarity(frame, claim_frame):
        return "refutes", 0.7
    if frame.get("question") or frame.get("hedged"):
        return "questions", 0.6
    if act in ("claim", "confirm"):
        return "supports", 0.8
    return "reports", 0.6
