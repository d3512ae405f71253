"""`claimledger report`, `serve --help` and the export formats through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimledger.cli import EXPORT_FORMATS, cli
from claimledger.export import FORMATS


def test_cli_offers_every_export_format() -> None:
    assert sorted(EXPORT_FORMATS) == sorted(FORMATS)


def test_report_and_exports(example_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "report.html"
    r = runner.invoke(cli, ["report", "--db", str(example_db), "--story", "t1", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_text().startswith("<!doctype html>")
    bad = runner.invoke(cli, ["report", "--db", str(example_db), "--story", "t999"])
    assert bad.exit_code == 1 and "no story" in bad.output
    cr = runner.invoke(cli, ["export", "--db", str(example_db), "--format", "claimreview"])
    assert cr.exit_code == 0 and json.loads(cr.output)[0]["@type"] == "ClaimReview"


def test_serve_binds_loopback_by_default() -> None:
    r = CliRunner().invoke(cli, ["serve", "--help"])
    assert r.exit_code == 0 and "127.0.0.1" in r.output
    from claimledger.config import Settings

    assert Settings().host == "127.0.0.1"
