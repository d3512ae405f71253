"""Stance of one statement towards one claim: supports, refutes, retracts, questions, reports.

The speech act decides where it is explicit; a trained model (`_stance_model`, the `short`
model: Emergent-style agree / disagree / discuss of a short text towards a claim, multilingual
sentence embeddings + cue and overlap features + n-grams, numpy only) speaks where the act
leaves the stance open. Two functions, used by `claims.link`:

    classify(statement, frame, claim_frame, claimant_ids) -> (label, score)
    coverage(frame, claim_frame) -> Coverage      # is a denial narrower than the claim?

The rules, in order:
1. a reporter's own summary (`reported_summary`) or a media outlet relaying something -> reports;
2. the speech act is the prior: retract -> retracts (by a claimant; anyone else withdrawing
   it only reports), deny -> refutes, appeal -> questions;
3. claim / confirm / other are compared with the claim's frame: opposite polarity (the
   statement negates what the claim asserts, or asserts what a negative claim denies)
   -> refutes; hedged wording or a question -> questions; otherwise claim / confirm ->
   supports and other -> reports (someone acknowledging reports is not confirming them);
4. where rule 3 found no opposite polarity, the learned model may still find a refutation
   the frame's grammar misses ("the report ... is a hoax", "that story is fake"): when the
   statement adds a word of refutation the claim lacks, neither frame is negated and the
   model gives `disagree` at least REFUTE_P, the stance is refutes. Its agreement with the
   rule label sets the confidence. English statements only: the n-grams and cues were learned on
   English headlines. `CLAIMLEDGER_STANCE_MODEL=0` turns the model off.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimledger import _stance_model
from claimledger.models import StanceLabel, Statement

# Probability of `disagree` from which the model overrides an assertive rule label. High on
# purpose: the rules are precise where they fire, the model is there for what they cannot see.
REFUTE_P = 0.8

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


def claim_text(claim_frame: dict[str, Any]) -> str:
    """The claim's words as the model reads them (the frame keeps its content words, in order)."""
    return " ".join(claim_frame.get("lemmas") or [])


def _adds_refutation(content: str, claim_frame: dict[str, Any]) -> bool:
    """The statement has a refutation word ("hoax", "fake", "not true") the claim's words lack.

    Without one, a high `disagree` comes from negation or from the claim's own wording (its
    source statement would refute it), which the frames judge better."""
    own = {w.lower() for w in claim_frame.get("lemmas") or []}
    low = content.lower()
    words = [w for w in _stance_model.tokens(content) if w in _stance_model.REFUTE and w not in own]
    return bool(words) or any(p in low for p in _stance_model.REFUTE_PHRASES)


def learned(statement: Statement, frame: dict[str, Any], claim_frame: dict[str, Any]) -> dict[str, float] | None:
    """The short model's {agree, disagree, discuss} for the statement towards the claim, or None
    when the model is off, absent or not for this pair.

    Not for negated frames: grammatical negation is the frames' business (rule 3), and a model
    that reads "not" as disagreement would have a negative claim's own source refute it.
    """
    if os.environ.get("CLAIMLEDGER_STANCE_MODEL", "1") == "0":
        return None
    if frame.get("negated") or claim_frame.get("negated"):
        return None
    claim = claim_text(claim_frame)
    if not claim or not statement.content.strip() or claim_frame.get("lang", "en") != "en":
        return None
    model = _stance_model.load("short")
    if model is None:
        return None
    return model.predict(claim, statement.content)[1]


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
    # The model can overrule the rules only for a statement that adds a refutation word, so it
    # runs only for those: it costs a sentence encoding per (statement, claim) pair, which on
    # a whole run is a tenth of the linking time for a confidence figure alone.
    if _adds_refutation(statement.content, claim_frame):
        p = learned(statement, frame, claim_frame)
        if p is not None and p["disagree"] >= REFUTE_P:
            return "refutes", round(p["disagree"], 3)
    if frame.get("question") or frame.get("hedged"):
        return "questions", 0.6
    if act in ("claim", "confirm"):
        return "supports", 0.8
    return "reports", 0.6
