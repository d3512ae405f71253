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
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

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


# -- rows: what one document contributes to each group of a story's discrepancies -----------
#
# A story's discrepancies are computed per *group* (one speaker on one date, one claim's
# numbers in one unit, one entity's spellings, ...), and a group's result depends only on its
# rows, so a document joining a story is compared with the rows of its own groups, not with the
# whole story (see `rows` and `evaluate`). Two kinds compare by similarity rather than by key
# -- quotes credited to different speakers, events dated differently -- and are recomputed per
# subject, for the subjects a new quote or event resembles (`quote_pairs`, `event_pairs`).
# `find` runs the same steps over a whole story.

_SEP = "\t"  # between the parts of a group key: never part of an id, a name or a date
_KIND_ORDER = "sdewaqpn"  # the order `find` has always reported kinds in; first wins on equal ids


@dataclass
class Row:
    """One statement's (or stance's) contribution to one group of a story's discrepancies."""

    group: str
    doc_id: str
    pos: int  # order in the story: documents in joining order, then statement order
    data: dict[str, Any]


def _group(kind: str, *parts: str) -> str:
    return _SEP.join((kind, *parts))


def quote_subject(group: str) -> str | None:
    """The subject of a quote group (`w`), else None."""
    return group[2:] if group.startswith("w" + _SEP) else None


def rows(
    statements: list[Statement], links: list[tuple[str, str, Statement]], doc_pos: int
) -> list[Row]:
    """The rows of one document: `statements` its statements in text order, `links` its
    (claim id, stance, statement) triples in stance order, `doc_pos` its place in the story."""
    order = {st.id: doc_pos * _PER_DOC + i for i, st in enumerate(statements)}
    out: list[Row] = []
    # A row that repeats an earlier one of its document in its group (a speaker's name form
    # for each of their statements) adds nothing any evaluation reads: the groups are judged
    # on the documents holding each value, and the first row by `pos` stays. Kept once, a
    # group costs its documents, not their statements, each time the story grows.
    seen: dict[tuple[str, str], int] = {}

    def add(group: str, st: Statement, data: dict[str, Any]) -> None:
        row = Row(group, st.doc_id, order.get(st.id, doc_pos * _PER_DOC + _PER_DOC - 1), data)
        key = (group, json.dumps(data, sort_keys=True, default=str))
        if key not in seen:
            seen[key] = len(out)
            out.append(row)
        elif row.pos < out[seen[key]].pos:
            out[seen[key]] = row

    for cid, label, st in links:
        key = stance_mod.speaker_key(st)
        if st.act in ("claim", "confirm") and st.date and label in ("supports", "reports"):
            add(_group("s", key, st.date), st, {"c": cid, "name": st.speaker})
            if st.speaker.strip():
                add(_group("a", cid, st.date), st, {"k": key, "name": st.speaker})
        # Grouped by what the statement does to this claim, not by its act: "I meant B, not A"
        # may be worded as a claim, yet towards the A-claim it is a retraction, not a repeat.
        if st.date and st.act in _SAYING and label in _STANCE_VERB:
            add(_group("d", key, cid, label), st,
                {"date": st.date, "direct": st.direct, "content": st.content, "speaker": st.speaker})
        fr = _frame(st)
        for q in fr.get("quantities") or []:
            add(_group("q", cid, q["unit"]), st,
                {"value": q["value"], "shown": q.get("text") or f"{q['value']} {q['unit']}"})
        summary_deny = st.reported_summary and st.act == "deny"
        if label in ("refutes", "supports") or summary_deny:
            data: dict[str, Any] = {"label": label, "speaker": st.speaker}
            if label == "refutes" or summary_deny:
                data.update(frame=fr, summary=summary_deny, content=st.content)
            add(_group("p", cid), st, data)
    for st in statements:
        if st.direct and len(st.content) >= 30 and st.speaker.strip():
            add(_group("w", _short(st.content, 70)), st,
                {"norm": " ".join(st.content.lower().split()), "speaker": st.speaker,
                 "key": stance_mod.speaker_key(st)})  # fmt: skip
        if st.speaker_id and st.speaker.strip():
            add(_group("n", st.speaker_id), st, {"form": _norm_name(st.speaker)})
    return out


_PER_DOC = 100_000  # statements per document, at most, in a row's `pos`


def claims_named(group: str, members: Iterable[Row]) -> set[str]:
    """The ids of the claims `evaluate` reads for this group."""
    kind, *parts = group.split(_SEP)
    if kind == "s":
        return {r.data["c"] for r in members}
    if kind == "d":
        return {parts[1]}
    if kind in "aqp":
        return {parts[0]}
    return set()


def evaluate(group: str, members: list[Row], claims: Mapping[str, Claim]) -> list[Discrepancy]:
    """The discrepancies of one keyed group from all its rows (in `pos` order); `claims` holds
    at least the claims the rows name. Quote groups (`w`) go through `quote_pairs`."""
    kind, *parts = group.split(_SEP)
    if kind == "s":
        return _said_on(parts[1], members, claims)
    if kind == "d":
        return _dated_differently(parts[1], parts[2], members, claims)
    if kind == "a":
        return _credited(parts[0], parts[1], members, claims)
    if kind == "q":
        return _quantity(parts[0], parts[1], members, claims)
    if kind == "p":
        return _scope(parts[0], members, claims)
    if kind == "n":
        return _names(members)
    return []


def _said_on(date: str, members: list[Row], claims: Mapping[str, Claim]) -> list[Discrepancy]:
    """Same speaker and date, different claims in different documents."""
    by_claim: dict[str, set[str]] = defaultdict(set)
    name = ""
    for r in members:
        if r.data["c"] in claims:
            by_claim[r.data["c"]].add(r.doc_id)
            name = max(name, r.data["name"], key=len)
    if len(by_claim) < 2:
        return []
    ids = sorted(by_claim)
    # Flag only when some document credits one claim and another document a different
    # one that the first does not: saying two things on one day is not a discrepancy.
    if not any(by_claim[a] - by_claim[b] and by_claim[b] - by_claim[a] for a in ids for b in ids if a < b):
        return []
    subject = f"what {name} said on {date}"
    return [_make("date", subject, {claims[c].text: by_claim[c] for c in ids}, ids[0])]


def _dated_differently(cid: str, stance: str, members: list[Row], claims: Mapping[str, Claim]) -> list[Discrepancy]:
    """One statement (speaker + claim + act) given different dates by different documents."""
    if cid not in claims or not members:
        return []
    by_doc: dict[str, set[str]] = defaultdict(set)
    for r in members:
        by_doc[r.doc_id].add(r.data["date"])
    if len(by_doc) < 2 or any(len(d) > 1 for d in by_doc.values()):
        return []  # a document dating it twice is a repetition, not a disagreement
    dates: dict[str, set[str]] = defaultdict(set)
    for doc, ds in by_doc.items():
        dates[next(iter(ds))].add(doc)
    keys = sorted(dates)
    if not any(not _compatible_dates(a, b) for a in keys for b in keys if a < b):
        return []
    # Two different direct quotes on two dates are two occasions, not one misdated statement.
    quotes = [r for r in members if r.data["direct"]]
    if len(quotes) == len(members) and any(
        fuzz.token_set_ratio(a.data["content"], b.data["content"]) < 60
        for a in quotes
        for b in quotes
        if a.doc_id != b.doc_id
    ):
        return []
    subject = f"when {members[0].data['speaker']} {_STANCE_VERB[stance]} \"{_short(claims[cid].text)}\""
    return [_make("date", subject, dict(dates), cid)]


def event_subject(event: Event) -> str:
    return f"when: {_short(event.description)}"


def event_pairs(events: list[Event], subjects: set[str] | None = None) -> dict[str, Discrepancy]:
    """subject -> discrepancy for events described alike (token set ratio >= 85) but dated
    differently by documents they do not share; per subject the first pair in `events` order
    (the earlier event names it). Only the subjects in `subjects` (all when None)."""
    descs = _Descriptions(events)
    wanted = [i for i, e in enumerate(events) if e.date and (subjects is None or event_subject(e) in subjects)]
    similar = descs.similar(wanted)
    out: dict[str, Discrepancy] = {}
    for i in wanted:
        a = events[i]
        subject = event_subject(a)
        if subject in out:
            continue
        for j in similar[i]:
            b = events[j]
            if j <= i or not b.date or _compatible_dates(a.date or "", b.date) or set(a.doc_ids) & set(b.doc_ids):
                continue
            out[subject] = _make("date", subject, {a.date or "": set(a.doc_ids), b.date: set(b.doc_ids)}, None)
            break
    return out


def similar_events(events: list[Event], touched: list[int]) -> set[str]:
    """Subjects of the events that events[i] for i in `touched` resemble (themselves included):
    the subjects whose first pair a change to those events can change."""
    similar = _Descriptions(events).similar(touched)
    out: set[str] = set()
    for i in touched:
        out.add(event_subject(events[i]))
        out.update(event_subject(events[j]) for j in similar[i])
    return out


class _Descriptions:
    """A story's event descriptions, compared per distinct wording: a long story describes one
    event in the same words in many documents, and the comparison (token set ratio >= 85, in C)
    is then made once per wording, not once per event."""

    def __init__(self, events: list[Event]) -> None:
        descs = [e.description.lower() for e in events]
        self.wordings = list(dict.fromkeys(descs))
        at = {w: k for k, w in enumerate(self.wordings)}
        self.of = [at[d] for d in descs]
        self.members: list[list[int]] = [[] for _ in self.wordings]
        for i, k in enumerate(self.of):
            self.members[k].append(i)

    def similar(self, events: list[int]) -> dict[int, list[int]]:
        """For each of `events` (indices), every event described alike, in index order."""
        needed = list(dict.fromkeys(self.of[i] for i in events))
        hits: dict[int, list[int]] = {}
        for start in range(0, len(needed), 256):
            block = needed[start : start + 256]
            # Scores under the cutoff come back as 0; at or above it, the scorer's own score.
            scores = process.cdist([self.wordings[k] for k in block], self.wordings, scorer=fuzz.token_set_ratio,
                                   score_cutoff=85)  # fmt: skip
            for row, k in enumerate(block):
                hits[k] = sorted(i for h in np.flatnonzero(scores[row]) for i in self.members[int(h)])
        return {i: hits[self.of[i]] for i in events}


def _similar_wordings(block: list[str], wordings: list[str]) -> list[list[int]]:
    # Scores under the cutoff come back as 0; at or above it, fuzz.ratio's own score.
    out: list[list[int]] = []
    for start in range(0, len(block), 256):
        scores = process.cdist(block[start : start + 256], wordings, scorer=fuzz.ratio, score_cutoff=90)
        out.extend([int(h) for h in np.flatnonzero(row)] for row in scores)
    return out


def quote_pairs(quotes: list[Row], subjects: set[str] | None = None) -> dict[str, Discrepancy]:
    """subject -> discrepancy for near-identical quotes (ratio >= 90) credited to different
    speakers by different documents: per subject (a quote's opening words), the first quote in
    `pos` order that has such a partner later on, with its first partner. Only the subjects in
    `subjects` (all when None).

    A story's quotes recur (every outlet prints the same words), so pairs are compared per
    distinct wording, in C (`cdist`), not per pair of quotes in Python.
    """
    norms = [q.data["norm"] for q in quotes]
    subj = [quote_subject(q.group) or "" for q in quotes]
    wordings = list(dict.fromkeys(norms))
    group = {w: g for g, w in enumerate(wordings)}
    members: list[list[int]] = [[] for _ in wordings]
    for i, w in enumerate(norms):
        members[group[w]].append(i)
    needed = sorted({group[norms[i]] for i in range(len(quotes)) if subjects is None or subj[i] in subjects})
    similar = dict(zip(needed, _similar_wordings([wordings[g] for g in needed], wordings), strict=True))
    out: dict[str, Discrepancy] = {}
    for i, a in enumerate(quotes):
        subject = subj[i]
        if subject in out or (subjects is not None and subject not in subjects):
            continue  # a pair of an earlier quote with this subject already stands for it
        best: int | None = None
        for h in similar[group[norms[i]]]:
            idx = members[h]
            for j in idx[bisect.bisect_right(idx, i) :]:
                if best is not None and j >= best:
                    break
                if quotes[j].doc_id != a.doc_id and quotes[j].data["key"] != a.data["key"]:
                    best = j
                    break
        if best is not None:
            b = quotes[best]
            values = {a.data["speaker"]: {a.doc_id}, b.data["speaker"]: {b.doc_id}}
            out[subject] = _make("attribution", f"who said \"{subject}\"", values, None)
    return out


def similar_quotes(quotes: list[Row], touched: list[int]) -> set[str]:
    """Subjects of the quotes that quotes[i] for i in `touched` resemble (themselves included)."""
    norms = [q.data["norm"] for q in quotes]
    wordings = list(dict.fromkeys(norms))
    subjects_of: dict[str, set[str]] = defaultdict(set)
    for q, w in zip(quotes, norms, strict=True):
        subjects_of[w].add(quote_subject(q.group) or "")
    out: set[str] = set()
    for hits in _similar_wordings(list(dict.fromkeys(norms[i] for i in touched)), wordings):
        for h in hits:
            out |= subjects_of[wordings[h]]
    return out


def _credited(cid: str, date: str, members: list[Row], claims: Mapping[str, Claim]) -> list[Discrepancy]:
    """The same claim on the same date credited to different people by different documents."""
    if cid not in claims:
        return []
    by_spk: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for r in members:
        by_spk[r.data["k"]].add(r.doc_id)
        names[r.data["k"]] = r.data["name"]
    spk = sorted(by_spk)
    if any(by_spk[a].isdisjoint(by_spk[b]) for a in spk for b in spk if a < b):
        subject = f"who claimed on {date} that {_short(claims[cid].text, 70)}"
        return [_make("attribution", subject, {names[k]: by_spk[k] for k in spk}, cid)]
    return []


def _quantity(cid: str, unit: str, members: list[Row], claims: Mapping[str, Claim]) -> list[Discrepancy]:
    if cid not in claims:
        return []
    by_value: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for r in members:
        by_value[r.data["value"]].add(r.doc_id)
        shown.setdefault(r.data["value"], r.data["shown"])
    if len(by_value) < 2:
        return []
    vals = sorted(by_value)
    if not any(by_value[a] - by_value[b] and by_value[b] - by_value[a] for a in vals for b in vals if a < b):
        return []  # one document giving two numbers is its own business, not a disagreement
    subject = f"number of {unit} in \"{_short(claims[cid].text, 70)}\""
    return [_make("quantity", subject, {shown[v]: d for v, d in by_value.items()}, cid)]


def _scope(cid: str, members: list[Row], claims: Mapping[str, Claim]) -> list[Discrepancy]:
    claim = claims.get(cid)
    if claim is None:
        return []
    partials = [(r, note) for r in members if r.data["label"] == "refutes"
                if (note := partial_denial(r.data["frame"], claim.frame))]  # fmt: skip
    if not partials:
        return []
    summaries: dict[str, set[str]] = defaultdict(set)
    for r in members:
        # A document's own account of the denial that covers the whole claim.
        if r.data.get("summary") and not stance_mod.coverage(r.data["frame"], claim.frame).partial:
            content = _short(r.data["content"], 120)
            value = content if re.match(r"(?i)(den|refut|reject|отрица|опроверг)", content) else f"denied {content}"
            summaries[f"summary: {value}"].add(r.doc_id)
    if not summaries:
        docs = {r.doc_id for r in members if r.data["label"] == "supports"}
        summaries[f"claim: {claim.text}"] = docs
    out = []
    for r, note in partials:
        values = dict(summaries)
        values.setdefault(f"quoted: {_short(r.data['content'], 120)} ({note})", set()).add(r.doc_id)
        subject = f"what {r.data['speaker'] or 'the source'} denied"
        out.append(_make("scope", subject, values, cid))
    return out


def _norm_name(name: str) -> str:
    return _TITLES.sub("", " ".join(name.replace("’", "'").split())).strip()


def _names(members: list[Row]) -> list[Discrepancy]:
    """Spelling variants of one entity's name across documents."""
    by_form: dict[str, set[str]] = defaultdict(set)
    for r in members:
        by_form[r.data["form"]].add(r.doc_id)
    out = []
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


def grouped(found: Iterable[Row]) -> dict[str, list[Row]]:
    """Rows by group, each group in `pos` order (stable: rows of one statement keep theirs)."""
    out: dict[str, list[Row]] = defaultdict(list)
    for r in sorted(found, key=lambda r: r.pos):
        out[r.group].append(r)
    return out


def in_report_order(groups: Iterable[str]) -> list[str]:
    """Groups in the order their kinds have always been reported: on equal ids, first wins."""
    return sorted(groups, key=lambda g: _KIND_ORDER.index(g[0]) if g[0] in _KIND_ORDER else len(_KIND_ORDER))


def find(
    claims: list[Claim],
    statements: dict[str, Statement],
    events: list[Event],
    documents: dict[str, Document],
) -> list[Discrepancy]:
    """Discrepancies across the documents of one story (see the module docstring): `statements`
    in story order (documents as they joined it, then text order), `events` in id order."""
    del documents  # part of the contract: kept for kinds that need outlets or titles
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for st in statements.values():
        by_doc[st.doc_id].append(st)
    links: dict[str, list[tuple[str, str, Statement]]] = defaultdict(list)
    for c in claims:
        for s in c.stances:
            st = statements.get(s.statement_id)
            if st is not None:
                links[st.doc_id].append((c.id, s.stance, st))
    found = [r for pos, (doc, sts) in enumerate(by_doc.items()) for r in rows(sts, links[doc], pos)]
    groups = grouped(found)
    heads = {c.id: c for c in claims}
    quotes = [r for g in groups if quote_subject(g) is not None for r in groups[g]]
    quotes.sort(key=lambda r: r.pos)
    out: dict[str, Discrepancy] = {}
    pairs = quote_pairs(quotes)
    for g in in_report_order([*groups, "e"]):
        if g == "e":
            found_here = list(event_pairs(events).values())
        elif (subject := quote_subject(g)) is not None:
            found_here = [pairs[subject]] if subject in pairs else []
        else:
            found_here = evaluate(g, groups[g], heads)
        for d in found_here:
            out.setdefault(d.id, d)
    return list(out.values())
