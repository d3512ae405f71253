"""Latency of the web app's story, claim and search pages (HTML) with 10k documents stored.

    .venv/bin/python bench/web.py [--docs 10000] [--requests 300] [--seconds 60] [--db FILE]

Building 10k documents through the full NLP would take hours on this machine, so the store
is filled with *synthetic* records written through the store's own save API
(`Store.save_analysis`, `Store.save_linking`, `Store.save_discrepancies`): fictional
speakers, outlets, claims and dates, varied so that stories hold 2 to 90 documents (about
20 on average), documents 5 to 14 statements and a few kilobytes of text, and claims 1 to
60 stances. A fresh `claimledger serve` process answers on 127.0.0.1; one client in this
process sends requests one after another (so the figures are latencies, not throughput),
after a warm-up, at most `--requests` per page and `--seconds` per page. Pages are picked
at random (fixed seed); stories are weighted by size, as readers open big stories more.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from claimledger.models import (
    Claim,
    DiscrepancyValue,
    DocAnalysis,
    Document,
    Entity,
    Event,
    Mention,
    Stance,
    Statement,
    Story,
)
from claimledger.store import Store

REPO = Path(__file__).resolve().parents[1]

FIRST = (
    "Ansel Berit Cato Dara Edda Fenn Greta Hale Ilse Juno Kai Lorne Mira Nils Orla Piet Runa Sten Tove Ulf Vera".split()
)
LAST = (
    "Aster Brandt Corvel Demsky Eklund Falk Grane Holm Ivers Jarl Kessel Lunde Marten Norrby Ostrand Palm "
    "Reval Sandvik Torne Udd Varg Wester Yngve Zale Brook Calder Dunmore Ferris Gale Hollis"
).split()
PLACES = "Valdoria Marestan Kestrania Lusenia Dravonia Brannock Halvik Dorvik Ellandia Mirava Tarsa Oskel".split()
THINGS = "drones shells rifles radars trucks fuel grain vaccines satellites bridges ports pipelines".split()
VERBS = ["are made in", "are shipped through", "were seized in", "are stored in", "are repaired in", "were sold to"]
OUTLETS = [f"The {p} {k}" for p in PLACES for k in ("Herald", "Courier", "Post")]
FILLER = (
    "Officials gave no further details. The ministry did not respond to a request for comment. "
    "Analysts said the dispute could affect regional trade. The statement was published late on Tuesday. "
    "Local residents reported hearing nothing unusual. Satellite images of the site were not available. "
)
HOW = ["according to documents", "citing witnesses", "without evidence", "in a statement"]
ACTS = {"supports": "claim", "refutes": "deny", "retracts": "retract", "questions": "appeal", "reports": "claim"}
CUES = {"claim": "said", "deny": "denied", "retract": "withdrew the claim", "appeal": "asked whether"}


def build(path: Path, n_docs: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    speakers = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(speakers)
    entities = [Entity(id=f"e{i + 1}", name=n, type="PERSON", aliases=[n.split()[1]]) for i, n in enumerate(speakers)]
    entity_of = {e.name: e for e in entities}
    stats = {"documents": 0, "statements": 0, "claims": 0, "stories": 0, "events": 0}
    claim_n = event_n = story_n = 0
    day0 = 19_000  # days since the epoch, about 2022
    with Store(path) as store:
        first = True
        while stats["documents"] < n_docs:
            story_n += 1
            size = min(n_docs - stats["documents"], max(2, int(rng.lognormvariate(2.7, 0.75))), 90)
            cast = rng.sample(speakers, rng.randint(5, 18))
            place = rng.choice(PLACES)
            claims: list[Claim] = []
            for _ in range(rng.randint(6, 24)):
                claim_n += 1
                text = f"{rng.choice(THINGS).capitalize()} {rng.choice(VERBS)} {rng.choice(PLACES)}"
                who = rng.choice(cast)
                claims.append(Claim(id=f"c{claim_n}", text=text, claimant_ids=[entity_of[who].id]))
            start = day0 + rng.randint(0, 900)
            story = Story(id=f"t{story_n}", title=f"{place}: {claims[0].text.lower()} — allegations and denials")
            events: list[Event] = []
            for _ in range(rng.randint(4, 20)):
                event_n += 1
                d = _iso(start + rng.randint(-5, 20))
                events.append(
                    Event(
                        id=f"v{event_n}",
                        description=f"{rng.choice(cast)} {rng.choice(['visited', 'inspected', 'spoke at'])} {place}",
                        date=d,
                        date_precision="day",
                        said_date=d,
                        reported_date=_iso(start + rng.randint(0, 25)),
                    )
                )
            analyses: list[DocAnalysis] = []
            for _ in range(size):
                published = _iso(start + rng.randint(0, 30))
                outlet = rng.choice(OUTLETS)
                parts: list[str] = [f"{place.upper()}, {published}. "]
                statements: list[Statement] = []
                mentions: list[Mention] = []
                doc_claims: list[tuple[Claim, str]] = []
                for k in range(rng.randint(5, 14)):
                    c = rng.choice(claims)
                    stance = rng.choices(list(ACTS), weights=[5, 3, 1, 1, 3])[0]
                    who = rng.choice(cast)
                    act = ACTS[stance]
                    lead = f"{who} {CUES[act]} that "
                    content = f"{c.text.lower()}, {rng.choice(HOW)}"
                    offset = sum(len(p) for p in parts)
                    s, cs = offset, offset + len(lead)
                    parts.append(lead + content + ". " + FILLER[: rng.randint(40, len(FILLER))] + "\n\n")
                    statements.append(
                        Statement(
                            id=f"#:s{k + 1}",
                            doc_id="#",
                            speaker=who,
                            speaker_id=entity_of[who].id,
                            act=act,  # type: ignore[arg-type]
                            content=content,
                            direct=rng.random() < 0.4,
                            start=s,
                            end=cs + len(content),
                            speaker_spans=[(s, s + len(who))],
                            cue_spans=[(s + len(who) + 1, s + len(who) + 1 + len(CUES[act]))],
                            content_spans=[(cs, cs + len(content))],
                            date=published,
                            date_precision="day",
                        )
                    )
                    mentions.append(
                        Mention(
                            doc_id="#",
                            start=s,
                            end=s + len(who),
                            text=who,
                            type="PERSON",
                            local_name=who,
                            entity_id=entity_of[who].id,
                        )
                    )
                    doc_claims.append((c, stance))
                text = "".join(parts)
                doc = Document(
                    source=f"synthetic/{story_n}/{len(analyses)}.txt",
                    text=text,
                    outlet=outlet,
                    title=f"{outlet}: {claims[0].text} — {rng.choice(cast)} responds",
                    published=published,
                    published_precision="day",
                    language="en",
                )
                for st in statements:
                    st.id, st.doc_id = st.id.replace("#", doc.id), doc.id
                for m in mentions:
                    m.doc_id = doc.id
                for st, (c, stance) in zip(statements, doc_claims, strict=True):
                    c.stances.append(Stance(st.id, stance, doc.id))  # type: ignore[arg-type]
                doc_events = rng.sample(events, min(len(events), rng.randint(1, 4)))
                for v in doc_events:
                    v.doc_ids.append(doc.id)
                    v.statement_ids.append(statements[0].id)
                story.doc_ids.append(doc.id)
                analysis = DocAnalysis(document=doc, statements=statements, mentions=mentions)
                store.save_analysis(analysis)
                analyses.append(analysis)
                stats["statements"] += len(statements)
            for c in claims:
                stances = {s.stance for s in c.stances}
                c.status = (  # type: ignore[assignment]
                    "contested"
                    if {"supports", "refutes"} <= stances
                    else "denied"
                    if "refutes" in stances
                    else "retracted"
                    if "retracts" in stances
                    else "asserted"
                    if stances
                    else "unverified"
                )
                c.reasons = [f"{s.stance} in {s.doc_id}" for s in c.stances[:12]]
                c.first_date = min((a.document.published or "" for a in analyses), default=None)
            claims = [c for c in claims if c.stances]
            events = [v for v in events if v.doc_ids]
            for i, a in enumerate(analyses):
                last = i == len(analyses) - 1
                store.save_linking(
                    a,
                    entities=entities if first else (),
                    claims=claims if last else (),
                    events=events if last else (),
                    story=story,
                )
                first = False
            xs = []
            for j in range(rng.randint(0, 5)):
                a, b = rng.sample(story.doc_ids, 2) if len(story.doc_ids) > 1 else (story.doc_ids[0],) * 2
                xs.append(_discrepancy(f"x{story_n}_{j}", rng, events, a, b))
            store.save_discrepancies(story.id, xs)
            stats["documents"] += len(analyses)
            stats["claims"] += len(claims)
            stats["events"] += len(events)
            stats["stories"] += 1
    return stats


def _discrepancy(xid: str, rng: random.Random, events: list[Event], a: str, b: str) -> object:
    from claimledger.models import Discrepancy

    v = rng.choice(events)
    other = _iso(_days(v.date or "2023-01-01") + rng.randint(1, 6))
    return Discrepancy(
        id=xid,
        kind="date",
        subject=f"when: {v.description}",
        values=[DiscrepancyValue(v.date or "", [a]), DiscrepancyValue(other, [b])],
    )


def _iso(days: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(days * 86400))


def _days(iso: str) -> int:
    return int(time.mktime(time.strptime(iso, "%Y-%m-%d")) // 86400)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(base: str, paths: list[str], requests: int, seconds: float) -> list[float]:
    times: list[float] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for p in paths[:10]:  # warm-up: templates compiled, connections and caches warm
            client.get(p)
        deadline = time.monotonic() + seconds
        for p in paths[:requests]:
            t = time.perf_counter()
            r = client.get(p)
            times.append((time.perf_counter() - t) * 1000)
            if r.status_code != 200:
                raise SystemExit(f"{p}: HTTP {r.status_code}")
            if time.monotonic() > deadline:
                break
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=300, help="most requests per page kind")
    ap.add_argument("--seconds", type=float, default=60, help="most seconds per page kind")
    ap.add_argument("--db", help="reuse (or create) this database instead of a temporary one")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "bench-web.db"
    if not db.exists():
        t = time.perf_counter()
        stats = build(db, args.docs)
        print(f"built {db} in {time.perf_counter() - t:.0f} s: {stats}", file=sys.stderr)
    with Store(db) as store:
        counts = store.counts()
        stories = store.story_summaries()
        claim_ids = [r[0] for r in store.db.execute("SELECT id FROM claims")]
        speakers = sorted({r[0].split()[-1] for r in store.db.execute("SELECT speaker FROM statements LIMIT 5000")})
    rng = random.Random(1)
    n = args.requests + 10
    paths = {
        "story": [f"/stories/{t['id']}" for t in rng.choices(stories, weights=[t["documents"] for t in stories], k=n)],
        "claim": [f"/claims/{c}" for c in rng.choices(claim_ids, k=n)],
        "search": [
            f"/search?q={q}"
            for q in (
                rng.choice([rng.choice(speakers), rng.choice(PLACES), f"{rng.choice(THINGS)} {rng.choice(PLACES)}"])
                for _ in range(n)
            )
        ],
    }
    port = _free_port()
    env = {**os.environ, "CLAIMLEDGER_API_TOKEN": ""}
    server = subprocess.Popen(
        [sys.executable, "-m", "claimledger", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/status.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        print(
            f"\n{counts['documents']} documents, {counts['statements']} statements, {counts['claims']} claims, "
            f"{counts['stories']} stories (largest {max(t['documents'] for t in stories)} documents)\n"
        )
        print("| page (HTML) | requests | p50 ms | p95 ms | max ms | target p95 |")
        print("|---|---:|---:|---:|---:|---:|")
        targets = {"story": 100, "claim": 100, "search": 50}
        for kind, ps in paths.items():
            times = measure(base, ps, args.requests, args.seconds)
            q = statistics.quantiles(times, n=100)
            print(
                f"| {kind} | {len(times)} | {statistics.median(times):.1f} | {q[94]:.1f} | {max(times):.1f} "
                f"| {targets[kind]} |",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
