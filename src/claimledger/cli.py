"""The command line: a thin click layer, one command per library call.

Library errors (`ClaimledgerError`) become one clean line on stderr and exit code 1;
bad inputs inside a batch are reported by `analyze` and never stop it.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from claimledger import __version__
from claimledger.config import Settings
from claimledger.errors import ClaimledgerError

DEFAULT_DB = Settings.load().db


def _clean_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ClaimledgerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted: everything committed so far is kept; run the same command to resume", err=True)
            sys.exit(130)

    return wrapper


db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database of the ledger.")


def _open(db: str, must_exist: bool = True) -> Any:
    from claimledger.store import Store

    if must_exist and db != ":memory:" and not Path(db).exists():
        raise ClaimledgerError(f"no database at {db}: run `claimledger analyze PATH --db {db}` first")
    return Store(db)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimledger")
def cli() -> None:
    """Read news like a fact-checker: who claimed, denied, retracted what, and when."""


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--max-bytes", type=int, default=None, help="Reject articles whose text is larger (default 5 MB).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when a terminal).")
@_clean_errors
def analyze(sources: tuple[str, ...], db: str, max_bytes: int | None, progress: bool | None) -> None:
    """Analyse files, folders, URLs or feeds into the ledger database."""
    from claimledger.analyze import analyze as run
    from claimledger.analyze import stderr_rejection

    settings = Settings.load(db=db, max_bytes=max_bytes)
    show = sys.stderr.isatty() if progress is None else progress
    bar = _ProgressBar() if show and settings.progress else None
    with _open(db, must_exist=False) as store:
        try:
            report = run(sources, store, settings, on_rejection=stderr_rejection, progress=bar)
        finally:
            if bar:
                bar.close()
        counts = store.counts()
    click.echo(
        f"analysed {report.analysed} new documents ({report.already_stored} already stored, "
        f"{report.duplicates} duplicates, {report.near_duplicates} near-duplicates, {report.rejected} rejected); "
        f"linked {report.linked}. Ledger {db}: {counts['documents']} documents, {counts['statements']} statements, "
        f"{counts['claims']} claims, {counts['stories']} stories."
    )
    if report.nothing_analysed:
        sys.exit(2)


class _ProgressBar:
    """tqdm bars on stderr, created lazily per phase."""

    def __init__(self) -> None:
        self.bars: dict[str, Any] = {}

    def __call__(self, phase: str, step: int, total: int | None) -> None:
        from tqdm import tqdm

        if phase not in self.bars:
            self.bars[phase] = tqdm(total=total, desc=phase, unit="doc", file=sys.stderr, leave=False)
        self.bars[phase].update(step)

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@_clean_errors
def status(db: str, as_json: bool) -> None:
    """Counts of what the ledger holds, and the inputs that were rejected."""
    with _open(db) as store:
        counts = store.counts()
        rejections = store.rejections()
        statuses = store.claim_status_counts()
        story_rows = store.story_summaries()
    if as_json:
        click.echo(
            json.dumps(
                {
                    "counts": counts,
                    "claim_statuses": statuses,
                    "stories": story_rows,
                    "rejections": [r.__dict__ for r in rejections],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for key, value in counts.items():
        click.echo(f"{key:<16}{value:>8}")
    if statuses:
        click.echo("claims by status: " + ", ".join(f"{k} {v}" for k, v in statuses.items()))
    if story_rows:
        click.echo("stories:")
        for t in story_rows:
            claims = ", ".join(f"{n} {k}" for k, n in sorted(t["claims"].items())) or "no claims"
            click.echo(f"  {t['id']:<6}{t['documents']:>3} docs  {claims:<40} {t['title'][:70]}")
    if rejections:
        click.echo("rejections (latest first):")
        for r in rejections:
            click.echo(f"  [{r.stage}] {r.source}: {r.reason}")


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@_clean_errors
def search(query: str, db: str, limit: int, as_json: bool) -> None:
    """Full-text search over documents and statements."""
    with _open(db) as store:
        hits = store.search(query, limit)
    if as_json:
        click.echo(json.dumps([h.__dict__ for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no matches")
    for h in hits:
        click.echo(f"{h.kind:<10}{h.id:<22}{h.title[:40]:<42}{' '.join(h.snippet.split())}")


# Listed here rather than read from `claimledger.export.FORMATS` so that `--help` stays fast;
# a test checks the two agree.
EXPORT_FORMATS = ["ledger", "csv", "markdown", "html", "claimreview", "datasette-metadata"]


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="ledger", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@_clean_errors
def export(db: str, fmt: str, output: str | None) -> None:
    """Export the ledger: ledger/1 JSON, CSV (statements), a Markdown or HTML report,
    schema.org ClaimReview JSON-LD, or Datasette metadata with canned queries."""
    from claimledger.export import export as run

    with _open(db) as store:
        text = run(store, fmt)
    _write(text, output)


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ClaimledgerError(f"cannot write {output}: {exc.strerror}") from exc
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command()
@db_option
@click.option("--story", "story_id", default=None, help="Only this story (default: every story).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="HTML file to write (default: stdout).")
@_clean_errors
def report(db: str, story_id: str | None, output: str | None) -> None:
    """Write a single-file HTML report (timeline, claims ledger, stances, sources) that opens offline."""
    from claimledger.export import to_html_report

    with _open(db) as store:
        text = to_html_report(store, story_id)
    _write(text, output)


@cli.command()
@db_option
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1: this machine only).")
@click.option("--port", type=int, default=None, help="Port to listen on (default 8000).")
@_clean_errors
def serve(db: str, host: str | None, port: int | None) -> None:
    """Serve the ledger as web pages with JSON twins (OpenAPI spec at /openapi.json)."""
    import uvicorn

    from claimledger.web import create_app

    settings = Settings.load(db=db, host=host, port=port)
    app = create_app(settings)
    click.echo(f"claimledger: http://{settings.host}:{settings.port}/  (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", server_header=False)


@cli.command()
@click.argument("kind", type=click.Choice(["claim", "entity", "story", "event"]))
@click.argument("record_id")
@db_option
@_clean_errors
def show(kind: str, record_id: str, db: str) -> None:
    """Show one record; a claim with its status, reasons and every stance."""
    from claimledger.models import to_dict

    with _open(db) as store:
        record = store.get(kind, record_id)
        if kind != "claim":
            click.echo(json.dumps(to_dict(record), ensure_ascii=False, indent=2))
            return
        statements = store.statements_by_ids(s.statement_id for s in record.stances)
    click.echo(f"{record.id}: {record.text}")
    click.echo(f"status: {record.status}  (first {record.first_date or 'date unknown'})")
    for reason in record.reasons:
        click.echo(f"  because {reason}")
    for s in record.stances:
        st = statements.get(s.statement_id)
        if st:
            click.echo(
                f"  {s.stance:<9} {st.speaker} [{st.act}, {st.date or 'undated'}, {st.doc_id}]: "
                f"{' '.join(st.content.split())[:150]}"
            )


@cli.command()
@db_option
@click.option("--story", "story_id", default=None, help="Only this story's events (default: every event).")
@click.option("--as-of", "as_of", default=None, help="What was known on this date: events reported by then.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@_clean_errors
def timeline(db: str, story_id: str | None, as_of: str | None, as_json: bool) -> None:
    """Events in order with their three times: happened, said, reported (and their sources)."""
    from claimledger import timeline as tl
    from claimledger.models import to_dict

    if as_of is not None and not _ISO_DAY.fullmatch(as_of):
        raise ClaimledgerError(f"--as-of wants a date as YYYY, YYYY-MM or YYYY-MM-DD, not {as_of!r}")
    with _open(db) as store:
        if story_id:
            _claims, _statements, events, _docs = store.story_context(store.get("story", story_id))
        else:
            events = store.all("event")
    events = tl.as_of(events, as_of) if as_of else tl.ordered(events)
    if as_json:
        click.echo(json.dumps([to_dict(e) for e in events], ensure_ascii=False, indent=2))
        return
    if not events:
        click.echo("no events" + (f" reported by {as_of}" if as_of else ""))
    for e in events:
        times = f"{e.date or '?':<10} said {e.said_date or '-':<10} reported {e.reported_date or '-':<10}"
        click.echo(f"{times} {' '.join(e.description.split())[:90]}  [{', '.join(e.doc_ids)}]")


_ISO_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def main() -> None:
    cli(prog_name="claimledger")
