"""The orchestrator end to end on articles written for these tests (real NLP, real SQLite)."""

from __future__ import annotations

from pathlib import Path

from claimledger.analyze import analyze
from claimledger.config import Settings
from claimledger.store import Store

WIRE = """Port of Velmora to close for repairs, minister says

VELMORA, 3 April 2031 — Transport minister Ilse Marant said on Thursday that the port of Velmora
will close for six weeks of repairs from May. "The quay walls are older than any of us," Marant told
reporters at the harbour office. The harbour authority said ships would be sent to the northern terminal
while the work goes on, and that the fishing fleet could keep its berths throughout the closure.
"""


def test_near_copies_of_one_article_are_repeaters_not_new_sources(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.txt").write_text(WIRE, encoding="utf-8")
    # Two outlets run the wire story with a changed credit line: near-copies, not new voices.
    for n, credit in enumerate(["(Coastal Post)", "(Evening Ledger)"]):
        (corpus / f"copy{n}.txt").write_text(WIRE.replace("May.", f"May. {credit}"), encoding="utf-8")
    db = tmp_path / "l.db"
    with Store(db) as store:
        report = analyze([str(corpus)], store, Settings.load(db=str(db), progress=False))
        assert report.analysed == 3 and report.near_duplicates == 2
        claims = store.all("claim")
        docs = {d.id: d for d in store.documents()}
    original = next(i for i, d in docs.items() if d.copy_of is None)
    with_copies = [c for c in claims if any(s.repeats for s in c.stances)]
    assert with_copies, [c.text for c in claims]
    for c in with_copies:
        repeats = [s for s in c.stances if s.repeats]
        assert {s.repeats for s in repeats} == {original}
        assert {s.doc_id for s in repeats} == set(docs) - {original}
        assert any("near-copies of " + original in r for r in c.reasons), c.reasons
        # The status is what the original alone makes of it: copies add no confirmation.
        assert c.status != "supported"


def test_discrepancies_kept_up_run_by_run_are_those_of_each_whole_story(tmp_path: Path) -> None:
    """Documents arriving one run at a time update only the groups they touch; the result is
    what the finder makes of each whole story."""
    from claimledger import discrepancies

    examples = Path(__file__).resolve().parents[1] / "examples"
    files = sorted(p for p in examples.iterdir() if p.suffix in (".txt", ".html"))
    db = tmp_path / "runs.db"
    with Store(db) as store:
        for f in files:
            analyze([str(f)], store, Settings.load(db=str(db), progress=False))
        assert store.stale_stories() == []
        found = 0
        for story in store.all("story"):
            kept = _listed(store.discrepancies(story.id))
            assert kept == _listed(discrepancies.find(*store.story_context(story))), story.id
            found += len(kept)
    assert found >= 5  # the corpus's discrepancies are there, not an empty match


def _listed(found: list) -> list:
    return sorted((d.id, d.subject, [(v.value, v.doc_ids) for v in d.values]) for d in found)
