"""TempEval-3 (TBAQ-cleaned) benchmark for `claimledger.dates.find_dates`.

Usage: python bench/timex.py [--all] [--data DIR] [--errors N]

Split: the .tml files of AQUAINT and TimeBank sorted by relative path; every 5th one
(index % 5 == 0) is the dev split we report on (`--all` scores every document). Each document's
TEXT is run through `find_dates` with anchor = its DCT (document creation time) at day precision.

What is scored (gold = TIMEX3 elements inside TEXT, the DCT excluded):
* span (strict / relaxed): predicted mentions against gold TIMEX3 of type DATE, exact offsets
  for strict, any overlap for relaxed. The ledger only needs dates, so DURATION/TIME/SET gold
  are not expected; predictions overlapping them are left out of the precision count.
* value: gold DATE timexes whose value has our granularities (YYYY, YYYY-MM, YYYY-MM-DD) against
  predictions with a value; a hit needs overlapping spans and the identical ISO string.
  Predictions overlapping a gold timex whose value is outside those granularities ("PRESENT_REF",
  "1998-W32", "1998-Q1", "P1W", times) are neither right nor wrong and are not counted.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.dates import TimeValue, find_dates

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "tempeval3" / "TBAQ-cleaned"
_GRANULAR = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: str
    timexes: list[Timex] = field(default_factory=list)


def parse(path: Path) -> Doc | None:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", raw)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not dct or not body:
        return None
    doc = Doc(path.name, "", dct.group(1))
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    src = body.group(1)
    for m in _TAG.finditer(src):
        # Entities are unescaped chunk by chunk so that offsets index the plain text.
        chunk = html.unescape(src[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_timex is not None:
                start, attrs = open_timex
                doc.timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
    parts.append(html.unescape(src[pos:]))
    doc.text = "".join(parts)
    return doc


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(hit_p: int, n_p: int, hit_r: int, n_r: int) -> tuple[float, float, float]:
    p = hit_p / n_p if n_p else 0.0
    r = hit_r / n_r if n_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--all", action="store_true", help="score every document, not only the dev split")
    ap.add_argument("--errors", type=int, default=0, help="print this many value errors")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"SKIP: TempEval-3 TBAQ-cleaned not found at {args.data}", file=sys.stderr)
        return 0
    files = sorted(args.data.rglob("*.tml"), key=lambda p: str(p.relative_to(args.data)))
    if not args.all:
        files = files[::5]
    docs = [d for d in (parse(f) for f in files) if d is not None]

    strict = relaxed = n_pred_span = n_gold_span = 0
    relaxed_gold = 0
    v_hit = v_pred = v_gold = 0
    errors: list[str] = []
    chars = 0
    t0 = time.perf_counter()
    all_mentions = []
    for doc in docs:
        all_mentions.append(find_dates(doc.text, TimeValue(doc.dct, "day"), "en"))
        chars += len(doc.text)
    elapsed = time.perf_counter() - t0

    for doc, mentions in zip(docs, all_mentions, strict=True):
        gold_dates = [t for t in doc.timexes if t.type == "DATE"]
        gold_other = [t for t in doc.timexes if t.type != "DATE"]
        gold_value = [t for t in gold_dates if _GRANULAR.match(t.value)]
        out_of_scope = [t for t in doc.timexes if not (t.type == "DATE" and _GRANULAR.match(t.value))]
        spans = {(t.start, t.end) for t in gold_dates}
        n_gold_span += len(gold_dates)
        for m in mentions:
            span = (m.start, m.end)
            on_date = any(overlaps(span, (t.start, t.end)) for t in gold_dates)
            if not on_date and any(overlaps(span, (t.start, t.end)) for t in gold_other):
                continue
            n_pred_span += 1
            strict += span in spans
            relaxed += on_date
        relaxed_gold += sum(any(overlaps((m.start, m.end), (t.start, t.end)) for m in mentions) for t in gold_dates)

        v_gold += len(gold_value)
        for m in mentions:
            if m.value is None:
                continue
            span = (m.start, m.end)
            gold = [t for t in gold_value if overlaps(span, (t.start, t.end))]
            if not gold and any(overlaps(span, (t.start, t.end)) for t in out_of_scope):
                continue
            v_pred += 1
            if any(t.value == m.value.iso for t in gold):
                v_hit += 1
            elif len(errors) < args.errors:
                want = gold[0].value if gold else "-"
                errors.append(f"{doc.name}: {m.text!r} -> {m.value.iso} (gold {want}, dct {doc.dct})")
        if len(errors) < args.errors:
            for t in gold_value:
                if not any(overlaps((m.start, m.end), (t.start, t.end)) for m in mentions):
                    errors.append(f"{doc.name}: missed {doc.text[t.start : t.end]!r} = {t.value}")

    rows = [
        ("span strict", *prf(strict, n_pred_span, strict, n_gold_span)),
        ("span relaxed", *prf(relaxed, n_pred_span, relaxed_gold, n_gold_span)),
        ("value (d/m/y)", *prf(v_hit, v_pred, v_hit, v_gold)),
    ]
    split = "all" if args.all else "dev (every 5th)"
    print(f"TempEval-3 TBAQ-cleaned, {split}: {len(docs)} docs, {n_gold_span} gold DATE, {v_gold} with d/m/y value")
    print(f"{'metric':<16}{'P':>8}{'R':>8}{'F1':>8}")
    for name, p, r, f in rows:
        print(f"{name:<16}{p:8.3f}{r:8.3f}{f:8.3f}")
    rate = chars / max(elapsed, 1e-9) / 1e6
    print(f"find_dates: {elapsed * 1000 / max(len(docs), 1):.2f} ms/doc, {rate:.2f} M chars/s")
    for e in errors:
        print("  " + e)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
