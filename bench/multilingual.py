"""Russian attribution and cross-lingual linking: one run, two parts.

    .venv/bin/python bench/multilingual.py [--split dev|test|all] [--errors FILE] [--json]
                                           [--ledger LEDGER.json] [--skip-corpus]

**Part 1, Russian attribution** on `bench/data/ru_attribution.jsonl`: sentences and short
paragraphs written for this project about fictional people and places (see
`bench/data/README.md`), each labelled with the source, cue and content character spans of
every attribution and the speech acts a careful reader accepts. Items alternate between the
`dev` half (read while fixing the Russian rules) and the `test` half (only scored). Each item
is parsed on its own by claimledger's Russian pipeline (natasha inside spaCy). The matching
rules are bench/attribution.py's, imported from it: word tokens, overlap
|P & G| / max(|P|, |G|) >= 0.5, one-to-one greedy; an attribution matches when its source
and its content both overlap. Acts: over the matched attributions, the act
`statements.acts.decide` gives (what the ledger stores) counts as right when it is one of the
gold acts; "acts on gold spans" is the rule act of the gold cue and content alone
(`acts.rule_act`), i.e. act quality without attribution errors.

**Part 2, cross-lingual linking** on the example corpus (`examples/`, answer key
`examples/expected.yaml`), analysed end to end into a temporary SQLite file (or read from a
ledger exported before, `--ledger`):

* stories: of the English-Russian document pairs the key puts in one story, how many are in
  one predicted story; of the key's "apart" pairs with a Russian side, how many stay apart;
* claims: a statement belongs to a key claim when its content has a word of every term group
  of that claim (the scorer's prefix rule); over the English-Russian statement pairs of one
  key claim, how many share a predicted claim (recall), and over the English-Russian pairs in
  one predicted claim that belong to key claims, how many belong to the same one (precision);
* speakers: Russian statements whose speaker entity also speaks in an English document;
* discrepancies reported between an English and a Russian document (one value's documents in
  one language, another value's in the other).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data" / "ru_attribution.jsonl"
EXAMPLES = REPO / "examples"

sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

from attribution import ROLES, Att, Count, Tokens, claimledger_atts, match_atts, score_roles  # noqa: E402

Frag = tuple[int, int]


# -- part 1: Russian attribution --------------------------------------------------------


def read_items(path: Path, split: str) -> list[dict[str, Any]]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [it for it in items if split == "all" or it["split"] == split]


def gold_atts(item: dict[str, Any]) -> list[tuple[Att, list[str]]]:
    out = []
    for a in item["attributions"]:
        att = Att(
            source=[tuple(f) for f in a["source"]],  # type: ignore[misc]
            cue=[tuple(f) for f in a["cue"]],  # type: ignore[misc]
            content=[tuple(f) for f in a["content"]],  # type: ignore[misc]
        )
        out.append((att, list(a["act"])))
    return out


def attribution_part(items: list[dict[str, Any]], errors: list[str] | None) -> dict[str, Any]:
    from claimledger.nlp import load
    from claimledger.statements import acts

    t0 = time.perf_counter()
    pipeline = load("ru")
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = list(pipeline.pipe([it["text"] for it in items], batch_size=16))
    t_parse = time.perf_counter() - t0
    role_counts = {f"{r}/{m}": Count() for r in ROLES for m in ("exact", "overlap")}
    att_count = Count()
    act_right = act_total = 0
    gold_act_right = gold_act_total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for item, doc in zip(items, docs, strict=True):
        text = item["text"]
        toks = Tokens(text)
        gold = gold_atts(item)
        found = [a for a in doc._.attributions or [] if a.speaker is not None]
        pred = claimledger_atts(doc)
        # `claimledger_atts` drops orphan continuations; keep the records aligned with `pred`
        continued = {c for a in found for c in a.continuation}
        records = [a for a in found if not (not a.cue and a.content and a.content[0] in continued)]
        score_roles(pred, [g for g, _ in gold], toks, role_counts)
        matched = match_atts(pred, [g for g, _ in gold], toks)
        att_count.add(len(matched), len(pred), len(gold))
        for i, j in matched:
            act = acts.decide(doc, records[i], "ru")
            act_total += 1
            act_right += act in gold[j][1]
            if act not in gold[j][1]:
                confusion[(gold[j][1][0], act)] += 1
                if errors is not None:
                    errors.append(f"ACT  {item['id']}: got {act}, gold {gold[j][1]}: {text}")
        for g, gacts in gold:
            got = acts.rule_act(doc, g.cue, g.content, "ru")
            gold_act_total += 1
            gold_act_right += got in gacts
        if errors is not None:
            mp = {i for i, _ in matched}
            mg = {j for _, j in matched}

            def show(a: Att, text: str = text) -> str:
                return " | ".join(f"{r}={' … '.join(text[x:y] for x, y in a.role(r))!r}" for r in ROLES)

            for j, (g, _) in enumerate(gold):
                if j not in mg:
                    errors.append(f"MISS {item['id']}: {show(g)}\n     {text}")
            for i, p in enumerate(pred):
                if i not in mp:
                    errors.append(f"FA   {item['id']}: {show(p)}\n     {text}")
    return {
        "items": len(items),
        "gold": att_count.gold,
        "predicted": att_count.pred,
        "attribution": att_count.prf(),
        "roles": {k: v.prf() for k, v in role_counts.items()},
        "act_accuracy": act_right / act_total if act_total else 0.0,
        "act_n": act_total,
        "act_accuracy_gold_spans": gold_act_right / gold_act_total if gold_act_total else 0.0,
        "act_confusions": {f"{g}->{p}": n for (g, p), n in confusion.most_common()},
        "seconds": {"load": t_load, "parse": t_parse},
    }


# -- part 2: cross-lingual linking on the example corpus --------------------------------


def example_ledger() -> dict[str, Any]:
    from claimledger.analyze import analyze
    from claimledger.config import Settings
    from claimledger.export import build_ledger
    from claimledger.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        with contextlib.redirect_stderr(io.StringIO()), Store(db) as store:
            analyze([str(EXAMPLES)], store, Settings.load(db=str(db)))
            return json.loads(json.dumps(build_ledger(store)))


def _doc_keys(ledger: dict[str, Any]) -> dict[str, str]:
    """ledger doc id -> answer-key doc key ("01", "w2"), as the scorer finds them."""
    urls = {}
    for line in (EXAMPLES / "doc_map.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        key, url = line.split("\t")
        urls[url] = key
    out = {}
    for d in ledger["documents"]:
        for src in [d.get("source"), *(d.get("sources") or []), d.get("url")]:
            if not src:
                continue
            if src in urls:
                out[d["id"]] = urls[src]
                break
            m = re.match(r"(\w+?)_", Path(src).name)
            if m:
                out[d["id"]] = m.group(1)
                break
    return out


def _has_terms(content: str, groups: list[list[Any]]) -> bool:
    words = re.findall(r"\w+", content.lower())
    low = content.lower()
    for group in groups:
        ok = False
        for term in map(str, group):
            t = term.lower()
            if " " in t or "-" in t:
                ok = t in low
            else:
                ok = any(w.startswith(t) for w in words)
            if ok:
                break
        if not ok:
            return False
    return True


def linking_part(ledger: dict[str, Any]) -> dict[str, Any]:
    import yaml

    key = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    keys = _doc_keys(ledger)
    lang = {d["id"]: d["language"] for d in ledger["documents"]}
    by_key = {k: d for d, k in keys.items()}
    key_lang = {k: lang[d] for k, d in by_key.items()}
    story_of: dict[str, str] = {}
    for s in ledger["stories"]:
        for d in s["doc_ids"]:
            story_of[d] = s["id"]

    # stories
    together = apart = together_ok = apart_ok = 0
    for group in key["stories"]["together"]:
        group = [str(g) for g in group]
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if {key_lang.get(a), key_lang.get(b)} != {"en", "ru"}:
                    continue
                together += 1
                sa, sb = story_of.get(by_key.get(a, "")), story_of.get(by_key.get(b, ""))
                together_ok += sa is not None and sa == sb
    for a, b in key["stories"]["apart"]:
        a, b = str(a), str(b)
        if "ru" not in (key_lang.get(a), key_lang.get(b)):
            continue
        apart += 1
        sa, sb = story_of.get(by_key.get(a, "")), story_of.get(by_key.get(b, ""))
        apart_ok += sa is None or sa != sb

    # claims: statements of a key claim by the key's term groups
    statements = {s["id"]: s for s in ledger["statements"]}
    claim_of: dict[str, set[str]] = {}
    for c in ledger["claims"]:
        for st in c.get("stances", []):
            claim_of.setdefault(st.get("statement_id", ""), set()).add(c["id"])
    gold_of: dict[str, set[str]] = {}
    for gc in key["claims"]:
        for s in statements.values():
            if _has_terms(s["content"], gc["terms"]):
                gold_of.setdefault(s["id"], set()).add(gc["id"])
    en = [s for s in gold_of if lang[statements[s]["doc_id"]] == "en"]
    ru = [s for s in gold_of if lang[statements[s]["doc_id"]] == "ru"]
    pairs_gold = pairs_gold_linked = pairs_pred = pairs_pred_right = 0
    per_claim: dict[str, list[int]] = {}
    for a in en:
        for b in ru:
            shared_gold = gold_of[a] & gold_of[b]
            shared_pred = claim_of.get(a, set()) & claim_of.get(b, set())
            if shared_gold:
                pairs_gold += 1
                pairs_gold_linked += bool(shared_pred)
                for g in shared_gold:
                    row = per_claim.setdefault(g, [0, 0])
                    row[0] += bool(shared_pred)
                    row[1] += 1
            if shared_pred:
                pairs_pred += 1
                pairs_pred_right += bool(shared_gold)
    both_lang_claims = [
        c["id"]
        for c in ledger["claims"]
        if len(
            {
                lang[statements[st["statement_id"]]["doc_id"]]
                for st in c.get("stances", [])
                if st.get("statement_id") in statements
            }
        )
        > 1
    ]

    # speakers shared across languages
    en_speakers = {s["speaker_id"] for s in statements.values() if lang[s["doc_id"]] == "en" and s.get("speaker_id")}
    ru_statements = [s for s in statements.values() if lang[s["doc_id"]] == "ru"]
    shared = [s for s in ru_statements if s.get("speaker_id") in en_speakers]

    # discrepancies between the languages
    cross = []
    for d in ledger["discrepancies"]:
        value_langs = [{lang[i] for i in v["doc_ids"]} for v in d["values"]]
        if any("en" in x for x in value_langs) and any("ru" in x for x in value_langs):
            # "between": some value is given by English documents and another by Russian ones
            if any(
                ("en" in x and "ru" in y)
                for i, x in enumerate(value_langs)
                for j, y in enumerate(value_langs)
                if i != j
            ):
                cross.append(
                    {
                        "kind": d["kind"],
                        "subject": d["subject"],
                        "values": [
                            (v["value"][:60], sorted(keys.get(i, i) for i in v["doc_ids"])) for v in d["values"]
                        ],
                    }
                )
    return {
        "docs": {
            "en": sum(1 for v in key_lang.values() if v == "en"),
            "ru": sum(1 for v in key_lang.values() if v == "ru"),
        },
        "story_pairs_together": (together_ok, together),
        "story_pairs_apart": (apart_ok, apart),
        "claim_pairs_recall": (pairs_gold_linked, pairs_gold),
        "claim_pairs_precision": (pairs_pred_right, pairs_pred),
        "claim_pairs_per_key_claim": {k: tuple(v) for k, v in sorted(per_claim.items())},
        "claims_with_both_languages": len(both_lang_claims),
        "claims": len(ledger["claims"]),
        "ru_statements": len(ru_statements),
        "ru_statements_speaker_in_en": len(shared),
        "cross_language_discrepancies": cross,
    }


def _ratio(pair: tuple[int, int]) -> str:
    a, b = pair
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/{b}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="all", choices=("dev", "test", "heldout", "all"))
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=Path, default=None, help="write misses, false alarms and wrong acts here")
    ap.add_argument("--ledger", type=Path, default=None, help="score this exported ledger of examples/ instead")
    ap.add_argument("--skip-corpus", action="store_true", help="part 1 only")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    report: dict[str, Any] = {}
    errors: list[str] | None = [] if args.errors is not None else None
    splits = ("dev", "test", "heldout", "all") if args.split == "all" else (args.split,)
    print(f"Russian attribution ({args.data.name}):")
    print(f"{'split':6}{'items':>6}{'gold':>6}{'pred':>6}{'P':>8}{'R':>7}{'F1':>7}{'acts':>8}{'acts@gold':>11}")
    for split in splits:
        res = attribution_part(read_items(args.data, split), errors if split == splits[-1] else None)
        report[split] = res
        p, r, f = res["attribution"]
        print(
            f"{split:6}{res['items']:>6}{res['gold']:>6}{res['predicted']:>6}{p:>8.3f}{r:>7.3f}{f:>7.3f}"
            f"{res['act_accuracy']:>8.3f}{res['act_accuracy_gold_spans']:>11.3f}"
        )
    last = report[splits[-1]]
    print(
        f"roles ({splits[-1]}, overlap): " + ", ".join(f"{r} F1 {last['roles'][f'{r}/overlap'][2]:.3f}" for r in ROLES)
    )
    print(f"act errors ({splits[-1]}, gold->got): {last['act_confusions'] or 'none'}")
    print(f"time: load {last['seconds']['load']:.1f}s, parse {last['seconds']['parse']:.1f}s")
    if errors is not None and args.errors is not None:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")

    if not args.skip_corpus:
        t0 = time.perf_counter()
        ledger = json.loads(args.ledger.read_text(encoding="utf-8")) if args.ledger else example_ledger()
        link = linking_part(ledger)
        report["linking"] = link
        docs = f"{link['docs']['en']} en, {link['docs']['ru']} ru documents"
        print(f"\nCross-lingual linking on examples/ ({docs}; {time.perf_counter() - t0:.1f}s):")
        print(f"  en-ru document pairs of one story in one story: {_ratio(link['story_pairs_together'])}")
        print(f"  look-alike pairs with a ru side kept apart:     {_ratio(link['story_pairs_apart'])}")
        print(f"  en-ru statement pairs of one key claim linked:  {_ratio(link['claim_pairs_recall'])} (recall)")
        print(f"  en-ru pairs in one claim that share a key claim: {_ratio(link['claim_pairs_precision'])} (precision)")
        for k, v in link["claim_pairs_per_key_claim"].items():
            print(f"    {k}: {_ratio(v)}")
        print(f"  claims with stances in both languages: {link['claims_with_both_languages']} of {link['claims']}")
        print(
            f"  ru statements whose speaker entity also speaks in English: "
            f"{_ratio((link['ru_statements_speaker_in_en'], link['ru_statements']))}"
        )
        print(f"  discrepancies between an English and a Russian document: {len(link['cross_language_discrepancies'])}")
        for d in link["cross_language_discrepancies"]:
            print(f"    {d['kind']}: {d['subject'][:70]} {d['values']}")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, default=list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
