"""The command line, run as a user runs it: real files, a real SQLite file, real models."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.cli import cli

ARTICLE = """Harbour authority denies dredging claims

The Port of Selvik authority on Tuesday denied claims by the fishermen's union that it had dredged
the northern channel without a permit. "We have not dredged anything this year," spokeswoman
Irma Tolland said. The union's leader, Piet Aarden, said on Monday that boats had seen dredgers at night.

12.05.2031
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimledger", *args], capture_output=True, text=True,
                          timeout=600, check=False)


def test_analyze_status_search_export_round_trip(tmp_path: Path, example_db: Path) -> None:
    db = str(example_db)
    runner = CliRunner()
    status = runner.invoke(cli, ["status", "--db", db, "--json"])
    assert status.exit_code == 0, status.output
    counts = json.loads(status.output)["counts"]
    assert counts["documents"] >= 8 and counts["statements"] > 0 and counts["stories"] >= 1
    assert counts["pending"] == 0
    stories = json.loads(status.output)["stories"]
    assert sum(t["documents"] for t in stories) == counts["documents"]
    assert all(set(t["claims"]) <= {"asserted", "supported", "denied", "retracted", "contested", "unverified"}
               for t in stories)
    human = runner.invoke(cli, ["status", "--db", db])
    assert "stories:" in human.output and stories[0]["id"] in human.output

    found = runner.invoke(cli, ["search", "ministry", "--db", db, "--json"])
    assert found.exit_code == 0
    assert any(h["kind"] == "statement" for h in json.loads(found.output))
    assert "no matches" in runner.invoke(cli, ["search", "qqqzzzxx", "--db", db]).output

    out = tmp_path / "l.json"
    res = runner.invoke(cli, ["export", "--db", db, "--format", "ledger", "-o", str(out)])
    assert res.exit_code == 0
    assert json.loads(out.read_text())["format"] == "ledger/1"
    md = runner.invoke(cli, ["export", "--db", db, "--format", "markdown"])
    assert md.output.startswith("# claimledger report")
    csv_out = runner.invoke(cli, ["export", "--db", db, "--format", "csv"])
    assert csv_out.output.splitlines()[0].startswith("id,doc_id,source,speaker")

    claim_id = json.loads(out.read_text())["claims"][0]["id"]
    shown = runner.invoke(cli, ["show", "claim", claim_id, "--db", db])
    assert shown.exit_code == 0 and "status:" in shown.output
    missing = runner.invoke(cli, ["show", "claim", "c999999", "--db", db])
    assert missing.exit_code == 1 and missing.output.startswith("error: no claim")


def test_missing_database_is_a_clean_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["status", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1
    assert "run `claimledger analyze" in res.output


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    (corpus / "big.txt").write_text("word " * 4000, encoding="utf-8")
    (corpus / "latin.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50)
    (corpus / "feed.jsonl").write_text(
        json.dumps({"url": "https://example.org/a", "title": "T", "text": ARTICLE.replace("Selvik", "Orn")})
        + "\n{not json\n", encoding="utf-8")
    db = tmp_path / "l.db"
    res = run("analyze", str(corpus), "http://127.0.0.1:9/dead", "--db", str(db), "--max-bytes", "10000")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    rejected = [line for line in res.stderr.splitlines() if line.startswith("rejected ")]
    reasons = "\n".join(rejected)
    for name in ("binary.txt", "empty.txt", "big.txt", "latin.txt", "feed.jsonl:2", "127.0.0.1:9"):
        assert name in reasons, (name, reasons)
    assert "analysed 2 new documents" in res.stdout
    status = json.loads(run("status", "--db", str(db), "--json").stdout)
    assert status["counts"]["documents"] == 2
    assert len(status["rejections"]) == len(rejected) == 6


def test_nothing_analysable_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    res = run("analyze", str(bad), "--db", str(tmp_path / "l.db"))
    assert res.returncode == 2
    assert "Traceback" not in res.stderr and "empty" in res.stderr


def test_rerun_skips_what_is_done_and_records_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "l.db")
    runner = CliRunner()
    first = runner.invoke(cli, ["analyze", str(tmp_path / "a.txt"), "--db", db])
    assert "analysed 1 new documents" in first.output
    again = runner.invoke(cli, ["analyze", str(tmp_path / "a.txt"), "--db", db])
    assert "analysed 0 new documents (1 already stored" in again.output
    shutil.copy(tmp_path / "a.txt", tmp_path / "copy.txt")
    dup = runner.invoke(cli, ["analyze", str(tmp_path / "copy.txt"), "--db", db])
    assert "1 duplicates" in dup.output
    ledger = json.loads(runner.invoke(cli, ["export", "--db", db]).output)
    assert len(ledger["documents"]) == 1
    assert sorted(ledger["documents"][0]["sources"]) == sorted([str(tmp_path / "a.txt"), str(tmp_path / "copy.txt")])


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "statements", "claims", "stories", "entities")}
    finally:
        con.close()


@pytest.mark.slow
def test_kill_mid_run_loses_nothing_and_rerun_completes(tmp_path: Path, examples_dir: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # Many distinct documents, so that the run is still going when it is killed.
    base = [p for p in sorted(examples_dir.glob("*.txt"))]
    for i in range(8):
        for p in base:
            (corpus / f"{i:02d}_{p.name}").write_text(
                p.read_text(encoding="utf-8") + f"\n\nEditor's note {i}: republished.\n", encoding="utf-8")
    total = len(list(corpus.iterdir()))
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "claimledger", "analyze", str(corpus), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        if db.exists() and proc.poll() is None:
            try:
                if _counts(db)["documents"] >= 3:
                    break
            except sqlite3.OperationalError:
                pass
        assert proc.poll() is None, "the run finished before it could be killed: make the corpus bigger"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Every committed document has its whole analysis: no document without its statements' rows.
    orphans = con.execute("SELECT COUNT(*) FROM statements WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()
    assert orphans[0] == 0
    killed_docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    con.close()
    assert 3 <= killed_docs < total

    res = run("analyze", str(corpus), "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert f"new documents ({killed_docs} already stored" in res.stdout
    resumed = _counts(db)

    clean_db = tmp_path / "clean.db"
    assert run("analyze", str(corpus), "--db", str(clean_db)).returncode == 0
    assert resumed == _counts(clean_db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents WHERE state != 'linked'").fetchone()[0] == 0
    con.close()


def test_near_copies_are_recorded_as_copies(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("12.05.2031", "Reprinted with permission.\n\n12.05.2031"),
                                    encoding="utf-8")
    db = str(tmp_path / "l.db")
    res = CliRunner().invoke(cli, ["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", db])
    assert "1 near-duplicates" in res.output
    docs = json.loads(CliRunner().invoke(cli, ["export", "--db", db]).output)["documents"]
    first, second = docs
    assert first["copy_of"] is None and second["copy_of"] == first["id"]


def test_progress_bar_goes_to_stderr_only_when_asked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "l.db")
    shown = run("analyze", str(tmp_path / "a.txt"), "--db", db, "--progress")
    assert "analyse:" in shown.stderr and "doc" in shown.stderr
    assert "analyse:" not in shown.stdout
    quiet = run("analyze", str(tmp_path / "a.txt"), "--db", str(tmp_path / "m.db"))  # not a terminal
    assert quiet.stderr == ""


def test_timeline_as_of_shows_only_what_was_reported_by_then(example_db: Path) -> None:
    db = str(example_db)
    runner = CliRunner()
    everything = json.loads(runner.invoke(cli, ["timeline", "--db", db, "--json"]).output)
    assert everything
    reported = sorted(e["reported_date"] for e in everything if e["reported_date"])
    # A text with no year of its own gets its year from its story, never the placeholder year.
    assert all(not d.startswith("2000") for d in reported), reported
    cut = reported[len(reported) // 2]
    known = json.loads(runner.invoke(cli, ["timeline", "--db", db, "--json", "--as-of", cut]).output)
    assert 0 < len(known) < len(everything)
    assert all(e["reported_date"] and e["reported_date"] <= cut for e in known)
    story = json.loads(runner.invoke(cli, ["status", "--db", db, "--json"]).output)["stories"][0]["id"]
    in_story = runner.invoke(cli, ["timeline", "--db", db, "--story", story])
    assert in_story.exit_code == 0 and "reported" in in_story.output
    bad = runner.invoke(cli, ["timeline", "--db", db, "--as-of", "last week"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output and "Traceback" not in bad.output
