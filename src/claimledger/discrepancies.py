"""Where the documents of one story, read together, disagree or overreach.

Kinds found (each value names what one group of documents says, with their ids):

date         - "what X said on D": the same speaker and date credited with different claims
               in different documents (one outlet has X claiming A that day, another B);
             - the same statement (speaker + claim + act) dated differently by different
               documents, and the same event described alike but dated differently.
attribution  - the same quote credited to different speakers, or the same claim on the same
               date credited to different people by different documents.
quantity     - one claim carrying different numbers for the same thing in different documents.
scope        - a partial denial: the quoted denial is narrower than the claim, or than a
               document's own summary of the denial ("denied production" vs "does not export").
name         - spelling variants of one entity's name across documents.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from claimledger import stance as stance_mod
from claimledger.claims.framing import text_frame
from claimledger.claims.status import partial_denial
from claimledger.models import Claim, Discrepancy, DiscrepancyValue, Document, Event, Statement

_SAYING = frozenset({"claim", "confirm", "deny", "retract", "appeal", "recommend"})
_ACT_VERB = {"claim": "claimed", "confirm": "confirmed", "deny": "denied", "retract": "retracted",
             "appeal": "appealed about", "recommend": "commented on"}
_STANCE_VERB = {"supports": "claimed", "refutes": "denied", "retracts": "retracted", "questions": "questioned"}
_TITLES = re.compile(r"^(mr|mrs|ms|dr|prof|gen|general|major-general|president|minister|г-н|господин)\.?\s+", re.I)


def _id(kind: str, subject: str, claim_id: str | None) -> str:
    return "x" + hashlib.sha1(f"{kind}|{subject}|{claim_id or ''}".encode()).hexdigest()[:12]


def _make(kind: str, subject: str, values: dict[str, set[str]], claim_id: str | None) -> Discrepancy:
    ordered = sorted(values.items(), key=lambda kv: sorted(kv[1]))
    vals = [DiscrepancyValue(value=v, doc_ids=sorted(d)) for v, d in ordered]
    return Discrepancy(id=_id(kind, subject, claim_id), kind=kind, subject=subject, values=vals,  # type: ignore[arg-type]
                       claim_id=claim_id)


def _compatible_dates(a: str, b: str) -> bool:
    # "2022-10" and "2022-10-28" do not disagree: one is only less precise.
    return a.startswith(b) or b.startswith(a)


def _frame(st: Statement) -> dict:
    return st.frame if st.frame else text_frame(st.content)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: text.rfind(" ", 0, n)] + "…"


def _links(claims: list[Claim], statements: dict[str, Statement]) -> list[tuple[Claim, str, Statement]]:
    out = []
    for c in claims:
        for s in c.stances:
            st = statements.get(s.statement_id)
            if st is not None:
                out.append((c, s.stance, st))
    return out


def _said_on(links: list[tuple[Claim, str, Statement]]) -> list[Discrepancy]:
    """Same speaker and date, different claims in different documents."""
    groups: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    names: dict[str, str] = {}
    texts: dict[str, str] = {}
    for c, label, st in links:
        if st.act not in ("claim", "confirm") or not st.date or label not in ("supports", "reports"):
            continue
        key = stance_mod.speaker_key(st)
        groups[(key, st.date)][c.id].add(st.doc_id)
        names[key] = max(names.get(key, ""), st.speaker, key=len)
        texts[c.id] = c.text
    out = []
    for (key, date), by_claim in groups.items():
        if len(by_claim) < 2:
            continue
        ids = sorted(by_claim)
        # Flag only when some document credits one claim and another document a different
        # one that the first does not: saying two things on one day is not a discrepancy.
        clash = any(by_claim[a] - by_claim[b] and by_claim[b] - by_claim[a] for a in ids for b in ids if a < b)
        if clash:
            subject = f"what {names[key]} said on {date}"
            out.append(_make("date", subject, {texts[c]: by_claim[c] for c in ids}, ids[0]))
    return out


def _dated_differently(links: list[tuple[Claim, str, Statement]]) -> list[Discrepancy]:
    """One statement (speaker + claim + act) given different dates by different documents."""
    groups: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    claim_text: dict[str, str] = {}
    for c, stance, st in links:
        # Grouped by what the statement does to this claim, not by its act: "I meant B, not A"
        # may be worded as a claim, yet towards the A-claim it is a retraction, not a repeat.
        if st.date and st.act in _SAYING and stance in _STANCE_VERB:
            groups[(stance_mod.speaker_key(st), c.id, stance)].append(st)
            claim_text[c.id] = c.text
    out = []
    for (_, cid, stance), sts in groups.items():
        by_doc: dict[str, set[str]] = defaultdict(set)
        for st in sts:
            by_doc[st.doc_id].add(st.date or "")
        if len(by_doc) < 2 or any(len(d) > 1 for d in by_doc.values()):
            continue  # a document dating it twice is a repetition, not a disagreement
        dates: dict[str, set[str]] = defaultdict(set)
        for doc, ds in by_doc.items():
            dates[next(iter(ds))].add(doc)
        keys = sorted(dates)
        if not any(not _compatible_dates(a, b) for a in keys for b in keys if a < b):
            continue
        # Two different direct quotes on two dates are two occasions, not one misdated statement.
        quotes = [st for st in sts if st.direct]
        if len(quotes) == len(sts) and any(
            fuzz.token_set_ratio(a.content, b.content) < 60 for a in quotes for b in quotes if a.doc_id != b.doc_id
        ):
            continue
        subject = f"when {sts[0].speaker} {_STANCE_VERB[stance]} \"{_short(claim_text[cid])}\""
        out.append(_make("date", subject, dict(dates), cid))
    return out


def _events(events: list[Event]) -> list[Discrepancy]:
    out = []
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if not a.date or not b.date or _compatible_dates(a.date, b.date):
                continue
            if set(a.doc_ids) & set(b.doc_ids):
                continue
            if fuzz.token_set_ratio(a.description.lower(), b.description.lower()) < 85:
                continue
            subject = f"when: {_short(a.description)}"
            out.append(_make("date", subject, {a.date: set(a.doc_ids), b.date: set(b.doc_ids)}, None))
    return out


def _misattributed(quotes: list[Statement]) -> list[tuple[Statement, Statement]]:
    """Pairs (a, b), a first, of near-identical quotes (ratio >= 90) from different documents
    and speakers: for each subject (a's opening words), only the first such pair in quote
    order, which is the one `find` keeps of the discrepancies sharing that subject's id.

    A story's quotes recur (every outlet prints the same words), so pairs are compared per
    distinct wording, in C (`cdist`), not per pair of quotes in Python: comparing every pair
    made recomputing a long story's discrepancies quadratic in its length.
    """
    norms = [" ".join(q.content.lower().split()) for q in quotes]
    wordings = list(dict.fromkeys(norms))
    group = {w: g for g, w in enumerate(wordings)}
    members: list[list[int]] = [[] for _ in wordings]
    for i, w in enumerate(norms):
        members[group[w]].append(i)
    similar: list[list[int]] = [[] for _ in wordings]
    for start in range(0, len(wordings), 256):
        block = wordings[start : start + 256]
        # Scores under the cutoff come back as 0; at or above it, fuzz.ratio's own score.
        scores = process.cdist(block, wordings, scorer=fuzz.ratio, score_cutoff=90)
        for row, g in enumerate(range(start, start + len(block))):
            similar[g] = [int(h) for h in np.flatnonzero(scores[row])]
    keys = [stance_mod.speaker_key(q) for q in quotes]
    done: set[str] = set()
    out = []
    for i, a in enumerate(quotes):
        subject = _short(a.content, 70)
        if subject in done:
            continue  # a pair of an earlier quote with this subject already stands for it
        best: int | None = None
        for h in similar[group[norms[i]]]:
            idx = members[h]
            for j in idx[bisect.bisect_right(idx, i) :]:
                if best is not None and j >= best:
                    break
                if quotes[j].doc_id != a.doc_id and keys[j] != keys[i]:
                    best = j
                    break
        if best is not None:
            done.add(subject)
            out.append((a, quotes[best]))
    return out


def _attribution(links: list[tuple[Claim, str, Statement]], statements: Iterable[Statement]) -> list[Discrepancy]:
    quotes = [st for st in statements if st.direct and len(st.content) >= 30 and st.speaker.strip()]
    out = []
    for a, b in _misattributed(quotes):
        subject = f"who said \"{_short(a.content, 70)}\""
        out.append(_make("attribution", subject, {a.speaker: {a.doc_id}, b.speaker: {b.doc_id}}, None))
    # The same claim on the same date credited to different people by different documents.
    groups: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    names: dict[str, str] = {}
    text: dict[str, str] = {}
    for c, label, st in links:
        if st.act in ("claim", "confirm") and st.date and label in ("supports", "reports") and st.speaker.strip():
            key = stance_mod.speaker_key(st)
            groups[(c.id, st.date)][key].add(st.doc_id)
            names[key] = st.speaker
            text[c.id] = c.text
    for (cid, date), by_spk in groups.items():
        spk = sorted(by_spk)
        if any(by_spk[a].isdisjoint(by_spk[b]) for a in spk for b in spk if a < b):
            subject = f"who claimed on {date} that {_short(text[cid], 70)}"
            out.append(_make("attribution", subject, {names[k]: by_spk[k] for k in spk}, cid))
    return out


def _quantity(links: list[tuple[Claim, str, Statement]]) -> list[Discrepancy]:
    per: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    text: dict[str, str] = {}
    shown: dict[tuple[str, str, str], str] = {}
    for c, _, st in links:
        for q in _frame(st).get("quantities") or []:
            per[(c.id, q["unit"])][q["value"]].add(st.doc_id)
            shown.setdefault((c.id, q["unit"], q["value"]), q.get("text") or f"{q['value']} {q['unit']}")
            text[c.id] = c.text
    out = []
    for (cid, unit), by_value in per.items():
        if len(by_value) < 2:
            continue
        vals = sorted(by_value)
        if not any(by_value[a] - by_value[b] and by_value[b] - by_value[a] for a in vals for b in vals if a < b):
            continue  # one document giving two numbers is its own business, not a disagreement
        subject = f"number of {unit} in \"{_short(text[cid], 70)}\""
        out.append(_make("quantity", subject, {shown[(cid, unit, v)]: d for v, d in by_value.items()}, cid))
    return out


def _scope(links: list[tuple[Claim, str, Statement]]) -> list[Discrepancy]:
    by_claim: dict[str, list[tuple[str, Statement]]] = defaultdict(list)
    claims: dict[str, Claim] = {}
    for c, label, st in links:
        by_claim[c.id].append((label, st))
        claims[c.id] = c
    out = []
    for cid, rows in by_claim.items():
        claim = claims[cid]
        partials = [(st, note) for label, st in rows if label == "refutes"
                    if (note := partial_denial(_frame(st), claim.frame))]
        if not partials:
            continue
        summaries: dict[str, set[str]] = defaultdict(set)
        for _label, st in rows:
            # A document's own account of the denial that covers the whole claim.
            if st.reported_summary and st.act == "deny" and not stance_mod.coverage(_frame(st), claim.frame).partial:
                content = _short(st.content, 120)
                value = content if re.match(r"(?i)(den|refut|reject|отрица|опроверг)", content) else f"denied {content}"
                summaries[f"summary: {value}"].add(st.doc_id)
        if not summaries:
            docs = {st.doc_id for label, st in rows if label == "supports"}
            summaries[f"claim: {claim.text}"] = docs
        for st, note in partials:
            values = dict(summaries)
            values.setdefault(f"quoted: {_short(st.content, 120)} ({note})", set()).add(st.doc_id)
            subject = f"what {st.speaker or 'the source'} denied"
            out.append(_make("scope", subject, values, cid))
    return out


def _norm_name(name: str) -> str:
    return _TITLES.sub("", " ".join(name.replace("’", "'").split())).strip()


def _names(statements: Iterable[Statement]) -> list[Discrepancy]:
    forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for st in statements:
        if st.speaker_id and st.speaker.strip():
            forms[st.speaker_id][_norm_name(st.speaker)].add(st.doc_id)
    out = []
    for _, by_form in forms.items():
        names = sorted(by_form)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                ta, tb = a.lower().split(), b.lower().split()
                if len(ta) != len(tb) or by_form[a] == by_form[b]:
                    continue  # "Gordon" vs "Dmitry Gordon" is a shorter name, not a spelling variant
                diffs = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
                if diffs and all(70 <= fuzz.ratio(x, y) < 100 for x, y in diffs):
                    out.append(_make("name", f"spelling of {a}", {a: by_form[a], b: by_form[b]}, None))
    return out


def find(
    claims: list[Claim],
    statements: dict[str, Statement],
    events: list[Event],
    documents: dict[str, Document],
) -> list[Discrepancy]:
    """Discrepancies across the documents of one story (see the module docstring)."""
    del documents  # part of the contract: kept for kinds that need outlets or titles
    links = _links(claims, statements)
    found = (
        _said_on(links)
        + _dated_differently(links)
        + _events(events)
        + _attribution(links, statements.values())
        + _quantity(links)
        + _scope(links)
        + _names(statements.values())
    )
    out: dict[str, Discrepancy] = {}
    for d in found:
        out.setdefault(d.id, d)
    return list(out.values())

