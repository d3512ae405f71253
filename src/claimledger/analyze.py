"""The orchestrator: read sources, run the per-document stages, commit each document,
then link new documents into the corpus one at a time.

Two phases, each restartable:

1. *Analyse*: ingest -> language -> NLP -> statements -> frames -> events. Each document's
   result is committed in one transaction (state 'analysed'). Documents already in the
   store are skipped (their new source is recorded), so re-running is cheap.
2. *Link*: every document still in state 'analysed' — from this run or from a run that
   was killed — goes through entities -> claims -> timeline -> stories, fetching only the
   records that share a blocking key, and is committed (state 'linked') in one
   transaction. Stories touched are marked stale in that same transaction, and their
   discrepancies are recomputed once at the end of the phase.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from claimledger import (
    claims,
    dates,
    discrepancies,
    embeddings,
    entities,
    events,
    ingest,
    nlp,
    statements,
    stories,
    timeline,
)
from claimledger.config import Settings
from claimledger.errors import ClaimledgerError
from claimledger.ingest import dedup
from claimledger.models import Claim, DocAnalysis, Document, Event, Rejection
from claimledger.store import Store

BATCH = 32
CLAIM_CANDIDATES = 60
OPEN_CANDIDATES = 20  # open claims sharing most hash bands of the new wordings


@dataclass
class RunReport:
    analysed: int = 0
    already_stored: int = 0
    duplicates: int = 0  # exact copies of a stored document: recorded as another source
    near_duplicates: int = 0
    linked: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def nothing_analysed(self) -> bool:
        """True when inputs were given and every one of them was rejected."""
        return self.rejected > 0 and not (self.analysed or self.already_stored or self.duplicates)


Progress = Callable[[str, int, int | None], None]


def analyze(
    sources: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    *,
    on_rejection: Callable[[Rejection], None] | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Analyse `sources` into `store` and link everything pending. Never raises for bad input."""
    settings = settings or Settings.load()
    report = RunReport()

    def reject(r: Rejection) -> None:
        report.rejections.append(r)
        store.add_rejection(r)
        if on_rejection:
            on_rejection(r)

    batch: list[Document] = []
    seen: set[str] = set()
    for doc in _new_documents(sources, store, settings, report, reject, seen):
        batch.append(doc)
        if len(batch) >= BATCH:
            _analyse_batch(batch, store, settings, report, reject, progress)
            batch = []
    if batch:
        _analyse_batch(batch, store, settings, report, reject, progress)
    report.linked = link_pending(store, progress=progress)
    return report


def _new_documents(
    sources: Iterable[str],
    store: Store,
    settings: Settings,
    report: RunReport,
    reject: Callable[[Rejection], None],
    seen: set[str],
) -> Iterator[Document]:
    # A page URL already stored is not fetched again; feeds always are (they grow).
    todo = []
    for source in sources:
        if source.startswith(("http://", "https://")) and store.document_for_source(source):
            report.already_stored += 1
            continue
        todo.append(source)
    for item in ingest.read(todo, settings):
        if isinstance(item, Rejection):
            reject(item)
            continue
        if item.id in seen or store.has_document(item.id):
            if store.document_for_source(item.source) == item.id:
                report.already_stored += 1
            else:
                store.add_source(item.id, item.source)
                report.duplicates += 1
            continue
        seen.add(item.id)
        yield item


def _analyse_batch(
    batch: list[Document],
    store: Store,
    settings: Settings,
    report: RunReport,
    reject: Callable[[Rejection], None],
    progress: Progress | None,
) -> None:
    by_lang: dict[str, list[Document]] = {}
    for doc in batch:
        by_lang.setdefault(doc.language or "xx", []).append(doc)
    for lang, docs in by_lang.items():
        try:
            parsed = list(nlp.pipe((d.text for d in docs), lang))
        except ClaimledgerError:
            raise
        except Exception:
            # One bad text must not sink its batch: fall back to one document at a time.
            parsed = [None] * len(docs)
        for doc, sdoc in zip(docs, parsed, strict=True):
            try:
                if sdoc is None:
                    sdoc = nlp.parse(doc.text, lang)
                analysis, signature, bands = analyse_document(doc, sdoc, store, settings)
            except ClaimledgerError:
                raise
            except Exception as exc:
                reject(Rejection(doc.source, f"analysis failed: {type(exc).__name__}: {_one_line(exc)}", "analysis"))
                continue
            store.save_analysis(analysis, signature, bands)
            report.analysed += 1
            report.near_duplicates += analysis.document.copy_of is not None
            if progress:
                progress("analyse", 1, None)


def analyse_document(
    doc: Document, sdoc: Any, store: Store | None, settings: Settings
) -> tuple[DocAnalysis, list[int], list[str]]:
    """The per-document stages for one parsed document (pure but for the near-duplicate lookup)."""
    signature = dedup.signature(doc.text)
    bands = dedup.band_keys(signature)
    if store is not None:
        best = 0.0
        for cand_id, cand_sig in store.near_duplicate_candidates(bands):
            sim = dedup.similarity(signature, cand_sig)
            if sim >= settings.near_duplicate_threshold and sim > best:
                best, doc.copy_of = sim, cand_id
    found, mentions = statements.extract(sdoc, doc)
    for st in found:
        st.frame = claims.frame(st, sdoc)
    evs = events.extract(sdoc, doc, found)
    # one encoder call for the document's lead and its open claims' wordings (the encoder's cost
    # is mostly per call); linking finds the wordings in the encoder's cache
    lead = embeddings.lead(doc.title, doc.text)
    vecs = embeddings.encode_cached([lead, *claims.open_wordings(found)])
    vector = embeddings.pack(vecs[0]) if vecs[0].any() else None
    return DocAnalysis(document=doc, statements=found, mentions=mentions, events=evs, vector=vector), signature, bands


def link_pending(store: Store, progress: Progress | None = None) -> int:
    """Link every analysed-but-unlinked document, then refresh the discrepancies of touched stories."""
    pending = store.pending_documents()
    for doc_id in pending:
        link_document(store.load_analysis(doc_id), store)
        if progress:
            progress("link", 1, len(pending))
    for story_id in store.stale_stories():
        refresh_discrepancies(store, story_id)
    return len(pending)


def refresh_discrepancies(store: Store, story_id: str) -> None:
    """Bring a story's discrepancies up to date with the documents linked into it since.

    Only the groups those documents add rows to (or, re-derived, take rows from) are evaluated
    again, from their rows; quotes and events, which pair by similarity, are evaluated again
    for the subjects the new ones resemble. A long story thus costs about its new documents,
    not its length. Like `discrepancies.find` over the whole story, but for the wording of a
    claim reworded since: a group shows the claim's current text once it is next evaluated.
    """
    work, whole = store.discrepancy_work(story_id)
    doc_ids = [d for d, _ in work]
    statements, links = store.discrepancy_inputs(doc_ids)
    new_rows = [r for d, pos in work for r in discrepancies.rows(statements[d], links[d], pos)]
    fresh = set(doc_ids)
    touched = {r.group for r in new_rows} | (set() if whole else store.discrepancy_groups(doc_ids))
    keyed = [g for g in touched if discrepancies.quote_subject(g) is None]
    members = [r for r in _stored_rows(store.discrepancy_rows(story_id, keyed)) if r.doc_id not in fresh]
    groups = discrepancies.grouped(members + [r for r in new_rows if r.group in touched])
    claims = store.claim_heads(c for g in keyed for c in discrepancies.claims_named(g, groups.get(g, [])))
    found: dict[str, list[Any]] = {g: discrepancies.evaluate(g, groups.get(g, []), claims) for g in keyed}

    new_quotes = [r for r in new_rows if discrepancies.quote_subject(r.group) is not None]
    if new_quotes or any(discrepancies.quote_subject(g) is not None for g in touched):
        stored = [r for r in _stored_rows(store.discrepancy_rows(story_id, prefix="w")) if r.doc_id not in fresh]
        quotes = sorted(stored + new_quotes, key=lambda r: r.pos)
        at = {id(r): i for i, r in enumerate(quotes)}
        subjects = discrepancies.similar_quotes(quotes, [at[id(r)] for r in new_quotes])
        subjects |= {s for g in touched if (s := discrepancies.quote_subject(g)) is not None}
        pairs = discrepancies.quote_pairs(quotes, subjects)
        found.update({f"w\t{s}": [pairs[s]] if s in pairs else [] for s in subjects})

    new_events = store.event_ids_for_docs(doc_ids)
    if new_events:
        events = store.story_events(story_id)
        subjects = discrepancies.similar_events(events, [i for i, v in enumerate(events) if v.id in new_events])
        pairs = discrepancies.event_pairs(events, subjects)
        found.update({f"e\t{s}": [pairs[s]] if s in pairs else [] for s in subjects})

    # On equal ids the kind `find` reports first wins, as it does there.
    ordered: dict[str, list[Any]] = {}
    seen: set[str] = set()
    for g in discrepancies.in_report_order(found):
        ordered[g] = [x for x in found[g] if x.id not in seen]
        seen.update(x.id for x in found[g])
    rows_out = [(r.group, r.doc_id, r.pos, r.data) for r in new_rows]
    store.save_story_discrepancies(story_id, doc_ids, rows_out, ordered, whole)


def _stored_rows(stored: list[tuple[str, str, int, dict[str, Any]]]) -> list[discrepancies.Row]:
    return [discrepancies.Row(g, d, pos, data) for g, d, pos, data in stored]


def link_document(analysis: DocAnalysis, store: Store) -> None:
    """Corpus stages for one analysed document; committed in one transaction."""
    doc = analysis.document
    anchor = dates.anchor_for(doc.text, doc.published, doc.language or "en")
    provisional = anchor is not None and anchor.provisional
    # Until its year is known, a document's dates must not place it in time.
    view = _undated(analysis) if provisional else analysis
    placed = store.story_of(doc.id)  # linked before: it stays in its story
    weighted = stories.weighted_keys(view)
    candidates = (
        [store.get("story", placed)]
        if placed
        else store.candidates("story", stories.doc_keys(view, weighted), window=stories.window(view))
    )
    story = stories.assign(view, candidates, lambda: store.new_id("story"), weighted)
    if anchor is not None and provisional:
        reference = store.latest_published_in_story(story.id, doc.id)
        _complete_years(analysis, anchor, reference)

    mention_keys = [k for m in analysis.mentions for k in entities.mention_keys(m)]
    changed_entities = entities.resolve(
        analysis.mentions, store.candidates("entity", mention_keys), lambda: store.new_id("entity")
    )
    entity_of = {m.local_name: m.entity_id for m in analysis.mentions if m.entity_id}
    for st in analysis.statements:
        st.speaker_id = entity_of.get(st.speaker)

    claims.warm(analysis.statements)  # a no-op when the analysis ran in this process
    claim_keys = [k for st in analysis.statements for k in claims.statement_keys(st)]
    # The claims sharing most keys; a claim record carries all its appearances, so reading a
    # few hundred of them per document would cost more than the comparisons.
    frame_keys = [k for k in claim_keys if not k.startswith(claims.OPEN_KEY)]
    candidates: list[Claim] = store.claim_candidates(frame_keys, limit=CLAIM_CANDIDATES)
    # open claims (met by meaning, `claims.link`) come from their own pool, so that wordings
    # sharing a random hash band never push a frame's candidates out of the first
    seen = {c.id for c in candidates}
    gist_keys = [k for k in claim_keys if k.startswith(claims.OPEN_KEY)]
    if gist_keys:
        candidates += [c for c in store.claim_candidates(gist_keys, limit=OPEN_CANDIDATES) if c.id not in seen]
    # Fetched on demand: only the claims this document joins need their statements, and a
    # claim repeated across a large archive has thousands of them.
    known = store.statement_lookup()
    # A claim gaining stances is updated from its stored tally: its earlier appearances, which
    # grow with the archive, are read only when the tally cannot absorb the new ones.
    tallies: dict[str, tuple[dict[str, Any], bool]] = {}
    changed_claims = claims.link(
        analysis.statements,
        candidates,
        known,
        lambda: store.new_id("claim"),
        store.claim_stances,
        tally_of=store.claim_tally,
        tallies=tallies,
        repeats=(doc.id, doc.copy_of) if doc.copy_of else None,
    )

    for v in analysis.events:
        v.keys = timeline.event_keys(v)  # after year completion, which may have moved its date
    event_keys = [k for v in analysis.events for k in v.keys]
    changed_events: list[Event] = timeline.merge(analysis.events, store.candidates("event", event_keys))
    for v in changed_events:
        if ":" in v.id:  # a new document-local event becomes a corpus event
            v.id = store.new_id("event")

    store.save_linking(
        analysis, changed_entities, changed_claims, changed_events, story, tallies, story_span=stories.span(story)
    )


def _undated(analysis: DocAnalysis) -> DocAnalysis:
    return replace(
        analysis,
        statements=[replace(st, date=None, date_precision=None) for st in analysis.statements],
        events=[replace(v, date=None, said_date=None) for v in analysis.events],
    )


def _complete_years(analysis: DocAnalysis, anchor: dates.TimeValue, reference: str | None) -> None:
    """Give dates resolved against a year-less anchor the year the rest of the story implies."""
    for st in analysis.statements:
        st.date = dates.complete_year(st.date, anchor, reference)
        if st.date is None:
            st.date_precision = None
    for v in analysis.events:
        v.date = dates.complete_year(v.date, anchor, reference)
        v.said_date = dates.complete_year(v.said_date, anchor, reference)
        v.reported_date = dates.complete_year(v.reported_date, anchor, reference)
    analysis.events = [v for v in analysis.events if v.date]


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or "no detail"


def stderr_rejection(r: Rejection) -> None:
    print(f"rejected {r.source}: {r.reason}", file=sys.stderr)
