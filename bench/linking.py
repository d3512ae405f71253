"""Cross-document linking: how well, and how fast as the store grows.

    .venv/bin/python bench/linking.py [--sizes 1000,5000,20000] [--only emergent|scale]

Two parts, in one run:

1. **Emergent claim groups** (`../shared/datasets/emergent/emergent_train.csv`): every
   article headline goes through `claimledger analyze` as its own document (JSONL, no
   date: Emergent gives none), in two halves split by claimId: thresholds were chosen on
   "tune", "check" is the figure to quote. Pairwise precision / recall / F1 of putting two headlines
   of the same claimId together, for stories (same story) and for claims (share at
   least one canonical claim), next to the trivial "everything in one group" and "each
   headline alone" baselines.
2. **Linking time** (`../shared/datasets/fnc1/train_bodies.csv`): the 1,683 FNC-1 bodies
   are analysed once (phase 1, cached under the cache folder per bodies file and code version)
   and then linked (phase 2:
   entities, claims, timeline, stories — what `analyze` does after its per-document
   commits) into one store grown 500 documents at a time up to 1k, 5k and 20k documents.
   FNC-1 has fewer bodies than that, so larger stores repeat them as later editions: copy
   *r* of a body gets its own id and a publication date 90·r days later, so actors and
   claims recur over time the way an archive's do (every claim recurs in every edition: a
   harsh case, as claim records grow with their appearances). Reported per size: the time
   to link all documents so far, the cost per document of the last block, and the cost per
   document of the *probe*: the same --probe documents (the next edition of bodies spread
   over the first size's, so each continues claims the store holds) linked into a copy of
   the store kept at each size, every size in turn --rounds times after the growing (this
   machine's speed drifts over minutes: sizes timed side by side drift together), the fastest
   run of each size counting. The growth factor = the probe's cost at a size / its cost at
   the first size (1.0: a new document costs the same at every size; the
   target is <= 1.3 at 20k). The last block's cost is shown too but is not the measure:
   blocks differ in what they hold (the first size's blocks are first editions that start
   claims, later ones continue them), so their ratio mixes the documents with the store.
   Costs are given in wall and in CPU time of this process: on a machine shared with other
   work, wall time also counts the waits for a core, and the CPU figure is the steadier one.

Figures depend on the machine (noisy): read the ratios.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from claimledger import _stance_model, claims, embeddings, nlp
from claimledger import analyze as pipeline
from claimledger.config import Settings
from claimledger.models import DocAnalysis, Document, Event, Mention, Statement, from_dict, to_dict
from claimledger.store import Store

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "datasets"
EMERGENT = DATA / "emergent" / "emergent_train.csv"
FNC_BODIES = DATA / "fnc1" / "train_bodies.csv"
BASE_DAY = date(2016, 1, 4)


# -- part 1: Emergent ------------------------------------------------------------------------


def pairwise(groups: dict[str, set[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise P/R/F1 of predicted co-membership (items may sit in several predicted groups)."""
    predicted: set[tuple[str, str]] = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            predicted.add((a, b))
    by_gold: dict[str, list[str]] = defaultdict(list)
    for item, g in gold.items():
        by_gold[g].append(item)
    truth = {(a, b) for items in by_gold.values() for a, b in itertools.combinations(sorted(items), 2)}
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def half(claim_id: str) -> str:
    """A fixed split of Emergent's claims: thresholds are chosen on "tune", "check" keeps them honest."""
    return "tune" if int(hashlib.sha256(claim_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def emergent(workdir: Path, part: str) -> list[tuple[str, tuple[float, float, float]]]:
    rows = [r for r in csv.DictReader(EMERGENT.open(encoding="utf-8")) if half(r["claimId"]) == part]
    jsonl = workdir / f"emergent-{part}.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for r in rows:
            url = f"https://emergent.invalid/{r['articleId']}"
            f.write(json.dumps({"url": url, "title": r["articleHeadline"], "text": r["articleHeadline"]}) + "\n")
    db = workdir / f"emergent-{part}.db"
    t0 = time.perf_counter()
    with Store(db) as store:
        pipeline.analyze([str(jsonl)], store, Settings.load(progress=False))
        doc_of = {r["articleId"]: store.document_for_source(f"https://emergent.invalid/{r['articleId']}") for r in rows}
        story_rows = store.db.execute("SELECT id, story_id FROM documents").fetchall()
        stance_rows = store.db.execute("SELECT claim_id, doc_id FROM stances").fetchall()
    took = time.perf_counter() - t0
    gold = {a: r["claimId"] for r, a in ((r, r["articleId"]) for r in rows) if doc_of.get(a)}
    story_of = {r[0]: r[1] for r in story_rows}
    docs_of_claim: dict[str, set[str]] = defaultdict(set)
    for claim_id, doc_id in stance_rows:
        docs_of_claim[claim_id].add(doc_id)
    articles_of_doc: dict[str, set[str]] = defaultdict(set)
    for a, d in doc_of.items():
        if d:
            articles_of_doc[d].add(a)

    def expand(groups: dict[str, set[str]]) -> dict[str, set[str]]:
        return {g: {a for d in docs for a in articles_of_doc[d]} for g, docs in groups.items()}

    stories: dict[str, set[str]] = defaultdict(set)
    for d, s in story_of.items():
        stories[s or d].add(d)
    n_claims = len(set(gold.values()))
    print(f"Emergent ({part} half): {len(gold)} headlines, {n_claims} claimIds, analysed and linked in {took:.0f} s")
    return [
        ("stories", pairwise(expand(stories), gold)),
        ("claims", pairwise(expand(docs_of_claim), gold)),
        ("one group (baseline)", pairwise({"all": set(gold)}, gold)),
        ("singletons (baseline)", pairwise({a: {a} for a in gold}, gold)),
    ]


# -- part 2: linking time ---------------------------------------------------------------------


def _code_digest() -> str:
    """The installed claimledger's code and model files: a phase-1 cache written by other code
    holds other statements and mentions, and must not be read as this code's."""
    import claimledger

    root = Path(claimledger.__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".sql")):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _analyses(cache: Path) -> list[DocAnalysis]:
    """Phase 1 over the FNC-1 bodies, cached per bodies file and code: linking is what is
    timed, not parsing."""
    digest = hashlib.sha256(FNC_BODIES.read_bytes()).hexdigest()[:12]
    path = cache / f"fnc_bodies_{digest}_{_code_digest()}.jsonl"
    if not path.exists():
        bodies = list(csv.DictReader(FNC_BODIES.open(encoding="utf-8")))
        print(f"analysing {len(bodies)} FNC-1 bodies once (cached in {path}) ...", file=sys.stderr)
        settings = Settings.load(progress=False)
        docs = [Document(source=f"fnc1:body/{b['Body ID']}", text=b["articleBody"], language="en") for b in bodies]
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as f:
            for doc, sdoc in zip(docs, nlp.pipe((d.text for d in docs), "en"), strict=True):
                analysis, _, _ = pipeline.analyse_document(doc, sdoc, None, settings)
                f.write(json.dumps(to_dict(analysis)) + "\n")
        tmp.rename(path)
    out: dict[str, DocAnalysis] = {}
    for line in path.open(encoding="utf-8"):
        a = _load(json.loads(line))
        out.setdefault(a.document.id, a)  # a body FNC-1 lists twice is one document
    missing = [a for a in out.values() if a.vector is None]
    if missing:  # a cache written before documents had vectors
        for a in missing:
            a.vector = embeddings.document_vector(a.document.title, a.document.text)
    return list(out.values())


def _load(d: dict) -> DocAnalysis:
    return DocAnalysis(
        document=from_dict(Document, d["document"]),
        statements=[from_dict(Statement, s) for s in d["statements"]],
        mentions=[from_dict(Mention, m) for m in d["mentions"]],
        events=[from_dict(Event, v) for v in d["events"]],
        vector=d.get("vector"),
    )


def _edition(a: DocAnalysis, copy: int, i: int) -> DocAnalysis:
    """Copy `copy` of body `i`: a distinct document published 90*copy days after the first."""
    d = json.loads(json.dumps(to_dict(a)))
    old = d["document"]["id"]
    new = f"{old}e{copy}" if copy else old
    published = (BASE_DAY + timedelta(days=90 * copy + i % 60)).isoformat()
    d["document"].update(id=new, source=f"{d['document']['source']}#e{copy}", sources=[], published=published)
    d["document"]["published_precision"] = "day"
    for s in d["statements"]:
        s["id"] = s["id"].replace(old, new, 1) if old in s["id"] else f"{new}:{s['id']}"
        s["doc_id"] = new
    for m in d["mentions"]:
        m["doc_id"] = new
    for v in d["events"]:
        v["doc_ids"] = [new]
        v["statement_ids"] = [x.replace(old, new, 1) for x in v.get("statement_ids") or []]
        v["id"] = v["id"].replace(old, new, 1)
    return _load(d)


def _probe(analyses: list[DocAnalysis], store_size: int, count: int) -> list[tuple[int, DocAnalysis]]:
    """The documents timed at every store size: the next edition of `count` bodies spread evenly
    over the first `store_size` (all already in the store at the smallest size, so each probe
    document continues claims and stories the store holds, at every size)."""
    step = max(1, min(store_size, len(analyses)) // count)
    bodies = list(range(0, min(store_size, len(analyses)), step))[:count]
    return [(i, analyses[i]) for i in bodies]


def _time_probe(db: Path, probe: list[tuple[int, DocAnalysis]], copy: int) -> tuple[float, float]:
    """(wall ms, CPU ms) per document to link the probe into a copy of the store `db`."""
    trial = db.with_name("probe.db")
    for p in db.parent.glob("probe.db*"):
        p.unlink()
    shutil.copyfile(db, trial)
    with Store(trial) as store:
        for i, a in probe:
            store.save_analysis(_edition(a, copy, i))
        t0, c0 = time.perf_counter(), time.process_time()
        linked = pipeline.link_pending(store)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
    assert linked == len(probe), (linked, len(probe))
    for p in db.parent.glob("probe.db*"):
        p.unlink()
    return 1000 * took / linked, 1000 * cpu / linked


def link_times(
    analyses: list[DocAnalysis],
    sizes: list[int],
    workdir: Path,
    block: int = 500,
    probe_size: int = 200,
    rounds: int = 3,
) -> dict[int, tuple[float, float, float, float, float]]:
    """One store grown block by block, as an archive grows: save `block` documents, link them,
    repeat, keeping a copy of the store at each size N. For each N: (seconds to link the first
    N documents, ms per document for the block that ended at N, the same in CPU time, then wall
    and CPU ms per document to link the probe -- the same `probe_size` new documents at every
    size -- into a copy of the store of N). The probe is what "a new document costs the same at
    1k and at 20k" asks: the blocks differ in what they hold (the first 1,683 documents are
    first editions, later blocks repeat them), the probe only in the store it is linked into.
    The probe runs after the growing, `rounds` times over every size in turn, and the fastest
    run of each size counts: this machine's speed drifts over minutes, and sizes timed side by
    side drift together."""
    grown: dict[int, tuple[float, float, float]] = {}
    total = 0.0
    # Load the encoder and the stance model before the clock starts: one-off costs, not linking.
    embeddings.encode(["warm up"])
    _stance_model.load("short")
    # `analyze` embeds the open claims' wordings with each document's lead in phase 1 and
    # linking reads them from the encoder's cache; the cached phase-1 analyses here come from
    # disk, so that part of phase 1 is redone here, off the clock
    for a in analyses:
        claims.warm(a.statements)
    probe = _probe(analyses, min(sizes), probe_size)
    db = workdir / "scale.db"
    store = Store(db)
    made = 0
    editions = ((copy, i, a) for copy in itertools.count() for i, a in enumerate(analyses))
    try:
        while made < max(sizes):
            n = min(block, max(sizes) - made)
            for _ in range(n):
                copy, i, a = next(editions)
                store.save_analysis(_edition(a, copy, i))
            t0, c0 = time.perf_counter(), time.process_time()
            linked = pipeline.link_pending(store)
            took, cpu = time.perf_counter() - t0, time.process_time() - c0
            assert linked == n, (linked, n)
            made += n
            total += took
            if made in sizes:
                store.close()  # a closed store is one file, kept for the probe
                shutil.copyfile(db, workdir / f"store{made}.db")
                store = Store(db)
                grown[made] = (total, 1000 * took / n, 1000 * cpu / n)
                print(
                    f"  linked {made} documents: {total:.0f} s in all, {1000 * took / n:.0f} ms/doc"
                    f" ({1000 * cpu / n:.0f} CPU)",
                    file=sys.stderr,
                )
    finally:
        store.close()
    best: dict[int, tuple[float, float]] = {}
    for r in range(rounds):
        for size in sizes:
            # the probe is the next edition of its bodies: after every copy the store holds
            wall, cpu = _time_probe(workdir / f"store{size}.db", probe, (size - 1) // len(analyses) + 1)
            old = best.get(size, (float("inf"), float("inf")))
            best[size] = (min(old[0], wall), min(old[1], cpu))
            print(f"  probe round {r + 1}, {size} documents: {wall:.0f} ms/doc ({cpu:.0f} CPU)", file=sys.stderr)
    return {size: (*grown[size], *best[size]) for size in sizes}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000", help="store sizes to time linking at")
    ap.add_argument("--only", choices=["emergent", "scale"], help="run one part")
    ap.add_argument("--probe", type=int, default=200, help="documents timed at every store size")
    ap.add_argument("--rounds", type=int, default=3, help="probe runs per size (the fastest counts)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "claimledger-bench")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only != "scale":
            if not EMERGENT.exists():
                print(f"skipped Emergent: {EMERGENT} is absent (datasets live in ../shared, outside the repo)")
            else:
                for part in ("tune", "check"):
                    results = emergent(work, part)
                    print(f"\n| grouping ({part}) | pairwise P | R | F1 |\n|---|---|---|---|")
                    for name, (p, r, f1) in results:
                        print(f"| {name} | {p:.3f} | {r:.3f} | {f1:.3f} |")
        if args.only != "emergent":
            if not FNC_BODIES.exists():
                print(f"skipped linking time: {FNC_BODIES} is absent")
                return 0
            analyses = _analyses(args.cache)
            sizes = [int(s) for s in args.sizes.split(",")]
            times = link_times(analyses, sizes, work, probe_size=args.probe, rounds=args.rounds)
            b = times[sizes[0]]
            print(
                f"\n| documents | link time, all (s) | last block: ms / doc | CPU | probe ({args.probe} new"
                " documents): ms / doc | CPU | growth factor | CPU growth |\n|---|---|---|---|---|---|---|---|"
            )
            for n in sizes:
                total, marginal, cpu, wall_p, cpu_p = times[n]
                print(
                    f"| {n} | {total:.1f} | {marginal:.0f} | {cpu:.0f} | {wall_p:.0f} | {cpu_p:.0f}"
                    f" | {wall_p / b[3]:.2f} | {cpu_p / b[4]:.2f} |"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
