"""The statement-level stance rules (speech-act prior, polarity, hedging, coverage)."""

from __future__ import annotations

from claimledger import stance
from claimledger.claims import text_frame
from claimledger.models import Statement

CLAIM = text_frame("Turkish drones are produced in Chile.")


def st(act: str, content: str, *, speaker: str = "Ana Soto", summary: bool = False, stype: str = "PERSON",
       sid: str | None = None) -> Statement:
    return Statement(id="s", doc_id="d", speaker=speaker, act=act, content=content, direct=True,  # type: ignore[arg-type]
                     start=0, end=1, speaker_id=sid, reported_summary=summary, speaker_type=stype)  # type: ignore[arg-type]


def label(s: Statement, claimants: tuple[str, ...] = ()) -> str:
    return stance.classify(s, text_frame(s.content), CLAIM, claimants)[0]


def test_assertion_supports_and_negated_assertion_refutes() -> None:
    assert label(st("claim", "Drones are produced in Chile.")) == "supports"
    assert label(st("confirm", "Drones are indeed produced in Chile.")) == "supports"
    assert label(st("claim", "No drones are produced in Chile.")) == "refutes"


def test_denial_refutes_whatever_its_grammar() -> None:
    assert label(st("deny", "the production of drones in Chile")) == "refutes"
    assert label(st("deny", "Chile does not produce drones.")) == "refutes"


def test_retraction_by_claimant_only() -> None:
    s = st("retract", "I meant Peru, not Chile.", sid="e1")
    assert label(s, ("e1",)) == "retracts"
    assert label(s, ("e2",)) == "reports"


def test_questions_reports_and_summaries() -> None:
    assert label(st("appeal", "investigate drone production in Chile")) == "questions"
    assert label(st("claim", "Drones may be produced in Chile.")) == "questions"
    assert label(st("claim", "Who builds drones in Chile?")) == "questions"
    assert label(st("other", "aware of reports that drones are produced in Chile")) == "reports"
    assert label(st("claim", "drones are produced in Chile", summary=True)) == "reports"
    assert label(st("claim", "drones are produced in Chile", speaker="Daily Star", stype="MEDIA")) == "reports"


def test_coverage_partial_when_main_predicate_missing() -> None:
    cov = stance.coverage(text_frame("Chile does not export military equipment."), CLAIM)
    assert cov.partial is True
    assert cov.missing == ["produce"]
    assert cov.said == ["export"]
    full = stance.coverage(text_frame("Chile does not produce or export drones."), CLAIM)
    assert full.partial is False
    assert full.covered == ["produce"]


def test_speaker_key_falls_back_to_name() -> None:
    assert stance.speaker_key(st("claim", "x", speaker="Ana  Soto")) == "name:ana soto"
    assert stance.speaker_key(st("claim", "x", sid="e9")) == "e9"


def test_model_finds_a_refutation_the_grammar_misses(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from claimledger import _stance_model

    if _stance_model.load("short") is None:
        import pytest

        pytest.skip("no shipped stance model (run `make model`)")
    s = st("claim", "The report that Turkish drones are produced in Chile is a fake.")
    lab, score = stance.classify(s, text_frame(s.content), CLAIM, ())
    assert lab == "refutes" and score >= stance.REFUTE_P
    monkeypatch.setenv("CLAIMLEDGER_STANCE_MODEL", "0")
    assert label(s) == "supports"  # the rules alone read the grammar: an assertion


def test_model_never_overrides_an_explicit_act() -> None:
    assert label(st("deny", "Drones are produced in Chile, a hoax they say")) == "refutes"
    assert label(st("appeal", "check whether the drone story in Chile is fake")) == "questions"
