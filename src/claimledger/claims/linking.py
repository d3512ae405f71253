"""Statements -> canonical claims: blocking keys, frame unification, linking, retractions.

Two statements are about one claim when their frames unify:
- predicate classes share a class (full) or are related ("supply" vs "produce": partial,
  accepted only when the places agree too);
- where both frames name places for those predicates, the places overlap: frames that
  differ only by location are different claims ("made in A" is not "made in B");
- themes overlap, directly or through a genus ("military equipment" covers drones), or the
  agents overlap; a statement sharing only a predicate class with a claim is not linked.

Only assertive acts (claim / confirm by someone who is not the press relaying it) create
claims. A denial that finds no claim creates one for the proposition it denies only when its
content states that proposition positively ("denied that X supplies drones"): the denied
proposition is worth tracking, and its claimant is filled in when someone is later found
making it. Retractions of the form "I meant X, not Y" retract the Y-claim and support the
X-claim (found, or created from the Y-claim's frame with the place swapped), and the
Y-claim records `{"claim_id": x, "relation": "corrected_to"}`.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections import ChainMap, Counter
from collections.abc import Callable, Mapping
from typing import Any

from claimledger import embeddings
from claimledger import gazetteer as gz
from claimledger import stance as stance_mod
from claimledger.claims import lexicon as lx
from claimledger.claims.framing import text_frame
from claimledger.claims.status import extend, fits, tally, verdict
from claimledger.models import Claim, Stance, Statement
from claimledger.names import place_stem

THRESHOLD = 0.62  # below this two frames are not the same proposition
_MULTI = 0.8  # a statement may support several claims, each at least this close
# Two wordings of one proposition that no frame reads ("our water is safe to drink", "tap water
# is safe"; "41 of 120 homes had lead above the limit", "lead above the limit in 45 of 120
# homes") are at least this close in the multilingual sentence space; unrelated claims of one
# story sit far below (0.1-0.5). Checked on sentences written for tests/claims.
OPEN_THRESHOLD = 0.72
OPEN_KEY = "g|"  # blocking keys of open wordings: hash bands of their embedding
_OPEN_MIN_WORDS = 4
_PERSONAL_SUBJECT = re.compile(
    r"(?:that\s+|что\s+)?(?:i|we|he|she|they|you|it|я|мы|он|она|они|вы|ты|оно)\b", re.IGNORECASE
)

_ASSERTIVE = frozenset({"claim", "confirm"})
_RELAYED_DENIAL = 0.55  # the score marks a stance upgraded from a reporter's account of a denial


def statement_frame(statement: Statement) -> dict[str, Any]:
    """The stored frame, or a text-only one for statements that never met a Doc."""
    return statement.frame if statement.frame else text_frame(statement.content)


def _norm_key(value: str) -> str:
    return re.sub(r"\s+", "_", value.strip().lower())


def frame_keys(fr: dict[str, Any]) -> list[str]:
    """Blocking keys of a frame: predicate|place, place, theme, predicate|theme."""
    keys: list[str] = []
    preds = [p for p in fr.get("predicates") or [] if p not in lx.META_CLASSES]
    places = list(fr.get("places") or []) + list(fr.get("locations") or [])
    for p in preds:
        for loc in places:
            keys.append(f"pl|{p}|{_norm_key(loc)}")
        for t in fr.get("theme") or []:
            keys.append(f"pt|{p}|{_norm_key(t)}")
    for loc in places:
        keys.append(f"l|{_norm_key(loc)}")
    for t in fr.get("theme") or []:
        keys.append(f"t|{_norm_key(t)}")
    r = fr.get("retract")
    if r:
        keys += [f"l|{_norm_key(r['from'])}", f"l|{_norm_key(r['to'])}"]
    return list(dict.fromkeys(keys))


def _open(statement: Statement, fr: dict[str, Any]) -> bool:
    """A statement that asserts or disputes something no frame reads: an open claim's wording."""
    if any(p not in lx.META_CLASSES for p in fr.get("predicates") or []) or fr.get("question") or fr.get("retract"):
        return False
    if statement.act not in (*_ASSERTIVE, "deny") or not statement.speaker.strip():
        return False
    # "he mixed up two neighbours", "we test it every day": what a person says of themselves
    # or of someone unnamed is no claim a reader can check across outlets
    if _PERSONAL_SUBJECT.match(statement.content.strip(" \"“”«»'")):
        return False
    return len(re.findall(r"\w+", statement.content)) >= _OPEN_MIN_WORDS


def gist(statement: Statement) -> Any:
    """The statement's wording as a unit vector (cached: linking asks for it more than once)."""
    return embeddings.encode_cached([statement.content])[0]


def open_wordings(statements: list[Statement]) -> list[str]:
    """The wordings of the statements that linking will match by meaning (`link_open`)."""
    return [st.content for st in statements if _open(st, statement_frame(st))]


def warm(statements: list[Statement]) -> None:
    """Embed a document's open wordings in one batch: the encoder's cost is mostly per call."""
    texts = open_wordings(statements)
    if texts:
        embeddings.encode_cached(texts)


def statement_keys(statement: Statement) -> list[str]:
    """Blocking keys: the store fetches the claims sharing at least one of them."""
    keys = frame_keys(statement_frame(statement))
    if _open(statement, statement_frame(statement)):
        keys += [OPEN_KEY + k for k in embeddings.lsh_keys(gist(statement))]
    if statement.act == "retract" or statement_frame(statement).get("retract"):
        # A retraction may name no proposition at all ("I misspoke"): its own claims are the candidates.
        keys.append(f"s|{stance_mod.speaker_key(statement)}")
    return list(dict.fromkeys(keys))


def claim_keys(claim: Claim) -> list[str]:
    keys = frame_keys(claim.frame) + [f"s|{c}" for c in claim.claimant_ids]
    keys += [OPEN_KEY + k for k in embeddings.lsh_keys_packed(claim.frame.get("gist"))]
    return list(dict.fromkeys(keys))


# ---------------------------------------------------------------------------------------
# Frame unification
# ---------------------------------------------------------------------------------------


def _concepts(lemmas: set[str]) -> set[str]:
    """Language-neutral names of lemmas the claim vocabulary knows ("экспорт" -> supply)."""
    out = set()
    for lem in lemmas:
        low = lem.lower().replace("ё", "е")
        got = lx.PREDICATE_OF.get(low) or lx.THEME_SYNONYM.get(low) or lx.UNIT_OF.get(low)
        if got:
            out.add(got)
    return out


def _genera(themes: set[str]) -> set[str]:
    out: set[str] = set()
    for t in themes:
        out.update(lx.GENUS.get(t, ()))
    return out


def _genus_overlap(a: set[str], b: set[str]) -> bool:
    """One side names a genus of a theme of the other ("equipment" and "drone")."""
    # Through each side's genera, not pair by pair: frames carry up to eight themes, and a
    # document's statements meet tens of candidate claims each.
    return not a.isdisjoint(_genera(b)) or not b.isdisjoint(_genera(a))


def _places_for(fr: dict[str, Any], preds: set[str]) -> set[str]:
    lbp = fr.get("loc_by_pred") or {}
    locs = {loc for p in preds for loc in lbp.get(p, [])}
    return locs or set(fr.get("places") or [])


def unify(fs: dict[str, Any], fc: dict[str, Any]) -> tuple[float, bool]:
    """(score in [0, 1], partial) of a statement frame against a claim frame; 0 = different claims."""
    ps = {p for p in fs.get("predicates") or [] if p not in lx.META_CLASSES}
    pc = {p for p in fc.get("predicates") or [] if p not in lx.META_CLASSES}
    partial = False
    shared = ps & pc
    mains = {fs.get("predicate"), fc.get("predicate")} - {None}
    if ps and pc:
        if shared and (len(mains) < 2 or mains & shared == mains):
            pred = 1.0
        elif shared:
            # Shared only through a side predicate ("who built the line ... whose army receives
            # the drones" against "countries want to buy drones"): the propositions differ in
            # what they are mainly about, so they must at least agree on the place.
            pred, partial = 0.6, True
        elif any(frozenset((a, b)) in lx.RELATED_CLASSES for a in ps for b in pc):
            pred, partial = 0.6, True
        else:
            return 0.0, False
    else:
        pred = 0.4
    pls = _places_for(fs, shared) if shared else set(fs.get("places") or [])
    plc = _places_for(fc, shared) if shared else set(fc.get("places") or [])
    if pls and plc:
        if not pls & plc:
            return 0.0, False  # same proposition about another place is another claim
        place = 1.0
    elif pls or plc:
        place = 0.3
    else:
        place = 0.5
    if partial and place < 1.0:
        return 0.0, False
    ts, tc = set(fs.get("theme") or []), set(fc.get("theme") or [])
    if ts and tc:
        theme = 1.0 if ts & tc else 0.85 if _genus_overlap(ts, tc) else 0.1
    else:
        theme = 0.4
    as_ = set(fs.get("agent") or []) | set(fs.get("participants") or [])
    ac = set(fc.get("agent") or []) | set(fc.get("participants") or [])
    agent = 1.0 if as_ & ac else 0.5 if not (as_ and ac) else 0.2
    ls, lc = set(fs.get("lemmas") or []), set(fc.get("lemmas") or [])
    cross = fs.get("lang", "en") != fc.get("lang", "en")
    if cross:
        # An English and a Russian wording share no lemma: compare what the words name
        # (predicate classes, theme heads, counted units) instead.
        ls, lc = _concepts(ls), _concepts(lc)
    lem = len(ls & lc) / len(ls | lc) if ls and lc and (not cross or len(ls | lc) >= 2) else 0.0
    if theme < 0.85 and place < 1.0 and agent < 1.0 and lem < 0.5:
        return 0.0, False  # sharing only a predicate class is not sharing a proposition
    if place < 1.0 and theme < 1.0 and agent < 1.0 and lem < 0.5:
        return 0.0, False  # with no place to anchor it, "equipment" ~ "drones" alone is too loose
    score = 0.3 * pred + 0.3 * place + 0.25 * theme + 0.1 * agent + 0.05 * lem
    if lem >= 0.6 and pred >= 0.6 and not cross:
        score = max(score, 0.8)  # the same words (a quote repeated by another outlet)
    return round(score, 3), partial


# ---------------------------------------------------------------------------------------
# Canonical text
# ---------------------------------------------------------------------------------------
_EN_VERBS = frozenset(
    "produce manufacture assemble build make develop export supply deliver sell ship transfer smuggle use deploy "
    "buy purchase import acquire launch fire attack strike fund finance".split()
)
_UNCOUNTABLE = frozenset({"equipment", "hardware", "weaponry", "ammunition", "aircraft", "oil", "gas", "grain"})


def _plural(phrase: str) -> tuple[str, bool]:
    words = phrase.split()
    last = words[-1]
    if last in _UNCOUNTABLE:
        return phrase, False
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last]), True


def _first_sentence(text: str) -> str:
    text = " ".join(text.split()).strip(" \"“”«»'").rstrip(".")
    text = re.sub(r"^(that|что)\s+", "", text, flags=re.IGNORECASE)
    if len(text) > 220:
        cut = text[:220]
        text = cut[: cut.rfind(" ")] + "…" if " " in cut else cut
    return text[:1].upper() + text[1:] if text else text


def place_name(fr: dict[str, Any], key: str) -> str:
    """A readable name for a place key: the table's name, or the surface the document used."""
    if key in gz.COUNTRIES:
        return gz.COUNTRIES[key].name
    name = (fr.get("place_names") or {}).get(key)
    return name or key.lstrip("~").replace("_", " ").title()


def render(fr: dict[str, Any], fallback: str) -> str:
    """ "Iranian drones are produced in Tajikistan" from a frame; the content when the frame is thin."""
    pred = fr.get("predicate")
    if fr.get("lang", "en") != "en" or not pred:
        return _first_sentence(fallback)
    located = (fr.get("loc_by_pred") or {}).get(pred) or fr.get("locations") or []
    places = located or fr.get("places") or []
    phrases = [p for p in fr.get("theme_phrases") or [] if p.isascii()]
    if not places or not phrases:
        return _first_sentence(fallback)
    verb = next(
        (lem for lem in fr.get("predicate_lemmas") or [] if lem in _EN_VERBS and lx.PREDICATE_OF.get(lem) == pred),
        pred[2:] if pred.startswith("v:") else lx.CLASS_VERB.get(pred, pred),
    )
    theme, plural = _plural(phrases[0])
    # The origin adjective comes from an agent other than the place ("Iranian drones ... in X").
    origin = next((gz.COUNTRIES[a].demonym for a in fr.get("agent") or [] if a in gz.COUNTRIES and a not in places), "")
    if origin and not any(origin.lower() in p for p in phrases[:1]):
        theme = f"{origin} {theme}"
    place = places[0]
    where = place_name(fr, place)
    neg = "not " if fr.get("negated") else ""
    # a place named only as the subject ("Marestan sold missiles") is who did it, not where
    prep = "by" if not located and place in (fr.get("agent") or []) else "in"
    text = f"{theme} {'are' if plural else 'is'} {neg}{lx.participle(verb)} {prep} {where}"
    return text[:1].upper() + text[1:]


def _swap(fr: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    out = copy.deepcopy(fr)
    for k in ("locations", "places", "agent", "participants"):
        vals = [new if v == old else v for v in out.get(k) or []]
        out[k] = list(dict.fromkeys(vals))
    out["loc_by_pred"] = {
        p: list(dict.fromkeys(new if v == old else v for v in vs)) for p, vs in (out.get("loc_by_pred") or {}).items()
    }
    if not out["places"]:
        out["places"] = [new]
    out["retract"] = None
    out["negated"] = False
    return out


def _swap_text(text: str, old: str, new: str) -> str:
    a, b = gz.COUNTRIES.get(old), gz.COUNTRIES.get(new)
    if a is None or b is None:
        return text
    for x, y in ((a.name, b.name), (a.demonym, b.demonym)):
        text = re.sub(rf"(?<!\w){re.escape(x)}(?!\w)", y, text)
    return text


# ---------------------------------------------------------------------------------------
# Linking
# ---------------------------------------------------------------------------------------


class _Linker:
    def __init__(
        self,
        candidates: list[Claim],
        known: Mapping[str, Statement],
        new_id: Callable[[], str],
        stances_of: Callable[[str], list[Stance] | None] | None = None,
        tally_of: Callable[[str], dict[str, Any] | None] | None = None,
        repeats: tuple[str, str] | None = None,
    ) -> None:
        self.pool = list(candidates)
        # Candidates may come without their stances (`stances_of` reads them): only the claims
        # this document changes, or whose speakers a retraction must check, need them.
        self.stances_of = stances_of
        self.lazy = {c.id for c in candidates} if stances_of else set()
        # New statements go in front; `known` may be a store-backed lookup that fetches a
        # statement only when a claim this document touches asks for it.
        self.statements: ChainMap[str, Statement] = ChainMap({}, known)  # type: ignore[arg-type]
        self.new_id = new_id
        self.changed: dict[str, Claim] = {}
        self.frames: dict[str, dict[str, Any]] = {}
        self.gists: dict[str, Any] = {}  # open claims' unpacked wordings, by claim id
        self.tally_of = tally_of
        # (tally, appended): `appended` when the claim's `stances` hold only this call's new
        # stances, to be stored after its earlier ones.
        self.tallies: dict[str, tuple[dict[str, Any], bool]] = {}
        self.repeats = repeats  # (this document, the document it nearly copies)

    def frame(self, st: Statement) -> dict[str, Any]:
        if st.id not in self.frames:
            self.frames[st.id] = statement_frame(st)
        return self.frames[st.id]

    # -- stance bookkeeping ------------------------------------------------------------
    def full(self, claim: Claim) -> Claim:
        """The claim with all its stances read (once)."""
        if claim.id in self.lazy and self.stances_of is not None:
            self.lazy.discard(claim.id)
            stored = self.stances_of(claim.id)
            if stored is not None:
                mine = {s.statement_id for s in claim.stances}
                claim.stances = [s for s in stored if s.statement_id not in mine] + claim.stances
        return claim

    def add(self, claim: Claim, st: Statement, label: str | None = None, score: float | None = None) -> None:
        # A stored claim's earlier stances stay unread: this document's statements are new to
        # it (a document is linked once), so its stances are appended; `finish` reads the
        # earlier ones only when the claim's tally cannot absorb the new ones.
        if label is None:
            label, score = stance_mod.classify(st, self.frame(st), claim.frame, claim.claimant_ids)
        claim.stances = [s for s in claim.stances if s.statement_id != st.id]
        claim.stances.append(Stance(statement_id=st.id, stance=label, doc_id=st.doc_id, score=score))  # type: ignore[arg-type]
        self._claimant(claim, st, label)
        self.changed[claim.id] = claim

    def _claimant(self, claim: Claim, st: Statement, label: str) -> None:
        asserts = st.act in _ASSERTIVE and not stance_mod.is_reporter(st) and label == "supports"
        # A reporter's summary "X claimed that ..." still tells us who made the claim.
        relayed = st.reported_summary and st.act in _ASSERTIVE and bool(st.speaker.strip())
        if not (asserts or relayed):
            return
        key = stance_mod.speaker_key(st)
        if not claim.claimant_ids:
            claim.claimant_ids = [key]
        elif key not in claim.claimant_ids and st.date and claim.first_date and st.date < claim.first_date:
            claim.claimant_ids.insert(0, key)  # someone said it earlier: they made it first

    def create(self, st: Statement, fr: dict[str, Any], claimants: list[str]) -> Claim:
        claim = Claim(
            id=self.new_id(), text=render(fr, st.content), frame=copy.deepcopy(fr), claimant_ids=list(claimants)
        )
        claim.frame.pop("retract", None)
        self.pool.append(claim)
        self.changed[claim.id] = claim
        return claim

    # -- matching ----------------------------------------------------------------------
    def matches(self, fr: dict[str, Any], pool: list[Claim] | None = None) -> list[tuple[float, bool, Claim]]:
        scored = []
        for c in pool if pool is not None else self.pool:
            if c.frame.get("gist"):
                continue  # an open claim has no frame to unify with: it is met by meaning
            score, partial = unify(fr, c.frame)
            if score >= THRESHOLD:
                scored.append((score, partial, c))
        scored.sort(key=lambda x: -x[0])
        if scored and not fr.get("places") and _ambiguous_place(scored):
            return []
        return self._best(scored)

    @staticmethod
    def _best(scored: list[tuple[float, bool, Claim]]) -> list[tuple[float, bool, Claim]]:
        if not scored:
            return []
        best = scored[0][0]
        return [x for i, x in enumerate(scored) if i == 0 or (x[0] >= _MULTI and best - x[0] <= 0.1)]

    def link_plain(self, st: Statement) -> None:
        fr = self.frame(st)
        if not (fr.get("predicates") or fr.get("theme")):
            if _open(st, fr):
                self.link_open(st, fr)
            return  # nothing propositional to link ("he recommended caution")
        found = self.matches(fr)
        if st.act in _ASSERTIVE and fr.get("places") and fr.get("predicate") and not fr.get("negated"):
            # "the plant in Dorvik built 60 drones" asserts a placed proposition; a claim that
            # names no place at all ("drones are supplied") is a vaguer one, not this one,
            # unless the two are worded alike
            found = [x for x in found if x[2].frame.get("places") or x[0] >= 0.8]
        for _, _, claim in found:
            self.add(claim, st)
        if found:
            return
        if _open(st, fr):
            # no predicate a frame can match on ("our water is safe"): matched by meaning
            self.link_open(st, fr)
            return
        if st.act in _ASSERTIVE and (_named_voice(st) or _named_outlet(st)) and fr.get("predicate"):
            # A reporter's account "X alleged that ..." is often the only record of a claim:
            # it is X's claim, relayed (the stance stays "reports"). So is a named outlet's
            # own reporting ("the Gazette reported that ..."): the outlet made the claim.
            claim = self.create(st, fr, [stance_mod.speaker_key(st)])
            self.add(claim, st)
        elif st.act == "deny" and _named_voice(st) and fr.get("predicate") and not fr.get("negated"):
            claim = self.create(st, fr, [])
            self.add(claim, st)

    def link_open(self, st: Statement, fr: dict[str, Any]) -> None:
        """An open claim: matched by its wording's meaning (any language), not by a frame."""
        v = gist(st)
        agents = set(fr.get("agent") or [])
        best: tuple[float, Claim] | None = None
        for c in self.pool:
            packed = c.frame.get("gist")
            if not packed:
                continue
            theirs = set(c.frame.get("agent") or [])
            if agents and theirs and not agents & theirs:
                continue  # "X will cut taxes" and "Y will raise taxes" read alike but differ
            if c.id not in self.gists:
                self.gists[c.id] = embeddings.unpack(packed)
            score = float(v @ self.gists[c.id])
            if score >= OPEN_THRESHOLD and (best is None or score > best[0]):
                best = (score, c)
        if best is not None:
            self.add(best[1], st)
        elif st.act in _ASSERTIVE and (_named_voice(st) or _named_outlet(st)):
            claim = self.create(st, {**fr, "gist": embeddings.pack(v)}, [stance_mod.speaker_key(st)])
            self.add(claim, st)

    def link_retraction(self, st: Statement) -> None:
        fr = self.frame(st)
        r = fr.get("retract")
        spk = stance_mod.speaker_key(st)
        if not r:
            # "I was wrong about it": retract the best-matching claim the speaker made.
            own = [c for c in self.pool if spk in c.claimant_ids]
            # An apology "to Valdoria" names the place it withdraws, as a participant rather
            # than a location: the claim about that place is the one retracted.
            named = set(fr.get("locations") or []) | set(fr.get("participants") or []) | set(fr.get("agent") or [])
            # The parser may miss the place as a name ("перед Валдорией" read as a person).
            named |= {"~" + place_stem(lem) for lem in fr.get("lemmas") or [] if lem[:1].isalpha()}
            placed = [c for c in own if named & set(c.frame.get("places") or [])]
            found = (
                self._best([(1.0, False, c) for c in placed[:1]])
                or self.matches(fr, own)
                or ([(1.0, False, own[0])] if len(own) == 1 and not (fr.get("predicates") or fr.get("theme")) else [])
            )
            for _, _, claim in found[:1]:
                self.add(claim, st, "retracts", 0.8)
            return
        wrong, meant = r["from"], r["to"]

        def at(place: str, c: Claim) -> bool:
            f = c.frame
            return place in set(f.get("places") or []) | set(f.get("locations") or [])

        def rank(c: Claim) -> tuple[int, float]:
            own = spk in c.claimant_ids or any(
                s.statement_id in self.statements and stance_mod.speaker_key(self.statements[s.statement_id]) == spk
                for s in self.full(c).stances
            )
            return (1 if own else 0, unify(fr, c.frame)[0])

        ys = sorted((c for c in self.pool if at(wrong, c)), key=rank, reverse=True)
        xs = [c for c in self.pool if at(meant, c)]
        y = ys[0] if ys else None
        x: Claim | None = None
        if y is not None:
            xframe = _swap(y.frame, wrong, meant)
            m = self.matches(xframe, xs)
            x = m[0][2] if m else None
            if x is None:
                x = self.create(st, xframe, [spk])
                x.text = render(xframe, _swap_text(y.text, wrong, meant))
        elif xs:
            # The mistaken version was never recorded: rebuild it from the intended one.
            own_x = sorted(xs, key=rank, reverse=True)
            x = own_x[0]
            yframe = _swap(x.frame, meant, wrong)
            y = self.create(st, yframe, [spk])
            y.text = render(yframe, _swap_text(x.text, meant, wrong))
        elif fr.get("predicate"):
            yframe = _swap(fr, meant, wrong)
            y = self.create(st, yframe, [spk])
            x = self.create(st, _swap(fr, wrong, meant), [spk])
        if y is None or x is None:
            return
        self.add(y, st, "retracts", 0.9)
        self.add(x, st, "supports", 0.8)
        if spk not in x.claimant_ids and not x.claimant_ids:
            x.claimant_ids = [spk]
        if not any(r_.get("claim_id") == x.id for r_ in y.related):
            y.related.append({"claim_id": x.id, "relation": "corrected_to"})
        if not any(r_.get("claim_id") == y.id for r_ in x.related):
            x.related.append({"claim_id": y.id, "relation": "corrects"})
        self.changed[x.id] = x
        self.changed[y.id] = self.full(y)

    def _relayed_denials(self, claim: Claim) -> None:
        """A reporter's account of a denial counts as that party's refutation only when no
        refutation is on record in anyone's own words.

        "The ministry rejected claims that ..." is the denial when it is all we have; once a
        denial is quoted, the account is a paraphrase that may overstate it (it "reports").
        """
        rows = [(s, self.statements.get(s.statement_id)) for s in claim.stances]
        _flip_relayed(rows, _direct(rows))

    def _consensus(self, claim: Claim, words: _Consensus) -> None:
        """Let the claim's wording follow what most of its sources say.

        A claim is first written from whichever statement came first, which may name the
        proposition poorly ("coming off an assembly line in X": theme "line"). Once several
        statements are linked, the theme most of them share, and the verb most of them use,
        are the better words for it. Themes only one statement mentions are not added, so
        the claim frame does not widen with every linked statement.
        """
        if words.frames < 2 or claim.related:
            return  # corrections are written from their counterpart's wording
        themes, phrases, lemmas, names = words.themes, words.phrases, words.lemmas, words.names
        fr = claim.frame
        own = list(fr.get("theme") or [])
        kept = own + [t for t, n in themes.items() if n >= 2 and t not in own]
        fr["theme"] = sorted(kept, key=lambda t: -themes[t])[:8]
        if fr["theme"]:
            top = fr["theme"][0]
            head_phrases = [p for p in phrases if lx.THEME_SYNONYM.get(p.split()[-1], p.split()[-1]) == top]
            rest = [p for p in fr.get("theme_phrases") or [] if p not in head_phrases]
            fr["theme_phrases"] = sorted(head_phrases, key=lambda p: (-phrases[p], len(p)))[:3] + rest
        fr["predicate_lemmas"] = sorted(fr.get("predicate_lemmas") or [], key=lambda lem: -lemmas[lem])
        for lem, _ in lemmas.most_common():
            if lem not in fr["predicate_lemmas"] and lx.PREDICATE_OF.get(lem) == fr.get("predicate"):
                fr["predicate_lemmas"].append(lem)
        fr["predicate_lemmas"] = sorted(fr["predicate_lemmas"], key=lambda lem: -lemmas[lem])
        fr["place_names"] = {**names, **(fr.get("place_names") or {})}
        for k, v in names.items():
            if v.isascii():
                fr["place_names"][k] = v
        claim.text = render(fr, words.first_support if words.first_support is not None else claim.text)

    def finish(self) -> list[Claim]:
        for claim in self.changed.values():
            if not self._extend(claim):
                self._recompute(claim)
        return list(self.changed.values())

    def _recompute(self, claim: Claim) -> None:
        """First date, wording, keys and status from every stance of the claim."""
        self.full(claim)
        dates = [
            self.statements[s.statement_id].date
            for s in claim.stances
            if s.statement_id in self.statements
            and self.statements[s.statement_id].date
            and stance_mod.speaker_key(self.statements[s.statement_id]) in claim.claimant_ids
            and s.stance in ("supports", "reports", "retracts")
        ]
        claim.first_date = min([d for d in dates if d] + ([claim.first_date] if claim.first_date else []), default=None)
        self._relayed_denials(claim)
        words = _Consensus()
        for s in claim.stances:
            words.add(s, self.statements.get(s.statement_id), self.frame)
        self._consensus(claim, words)
        claim.keys = claim_keys(claim)
        self._mark_repeats(claim)
        t = tally(claim, self.statements)
        claim.status, claim.reasons = verdict(claim, t)
        rows = [(s, self.statements.get(s.statement_id)) for s in claim.stances]
        t["direct"] = _direct(rows)
        t["relayed"] = sum(1 for _, st in rows if _relayed(st))
        t["words"] = words.state()
        self.tallies[claim.id] = (t, False)

    def _extend(self, claim: Claim) -> bool:
        """`_recompute` for a stored claim from its tally and this call's stances alone; False
        (and nothing changed) when the tally cannot stand for its earlier stances."""
        if claim.id not in self.lazy or self.tally_of is None or self.repeats is not None:
            return False  # already read in full, or a near-copy whose repeats need every stance
        t = self.tally_of(claim.id)
        if t is None:
            return False
        new = claim.stances
        rows = [(s, self.statements.get(s.statement_id)) for s in new]
        if (
            not new
            or "words" not in t
            or len({s.doc_id for s in new}) != 1
            or any(st is None for _, st in rows)
            or not fits(claim, t)
        ):
            return False
        direct = t["direct"] or _direct(rows)
        if direct != t["direct"] and t["relayed"]:
            return False  # earlier relayed denials turn back into reports
        dates = [
            st.date
            for s, st in rows
            if st is not None
            and st.date
            and stance_mod.speaker_key(st) in claim.claimant_ids
            and s.stance in ("supports", "reports", "retracts")
        ]
        claim.first_date = min(dates + ([claim.first_date] if claim.first_date else []), default=None)
        _flip_relayed(rows, direct)
        t["direct"] = direct
        t["relayed"] += sum(1 for _, st in rows if _relayed(st))
        words = _Consensus(t["words"])
        for s, st in rows:
            words.add(s, st, self.frame)
        self._consensus(claim, words)
        t["words"] = words.state()
        claim.keys = claim_keys(claim)
        claim.status, claim.reasons = extend(claim, self.statements, t, new)
        self.lazy.discard(claim.id)
        self.tallies[claim.id] = (t, True)
        return True

    def _mark_repeats(self, claim: Claim) -> None:
        """A near-copy's stances on a claim its original already speaks to are repeats of it."""
        if self.repeats is None:
            return
        doc_id, original = self.repeats
        if not any(s.doc_id == original for s in claim.stances):
            return
        for s in claim.stances:
            if s.doc_id == doc_id:
                s.repeats = original


class _Consensus:
    """What a claim's sources say, counted over the frames of its supports and refutes, in
    stance order: the state `_Linker._consensus` words the claim from. JSON-able, so a claim's
    tally carries it and a new stance only adds its own frame."""

    def __init__(self, state: dict[str, Any] | None = None) -> None:
        state = state or {}
        self.frames: int = state.get("frames", 0)
        self.themes: Counter[str] = Counter(state.get("themes") or {})
        self.phrases: Counter[str] = Counter(state.get("phrases") or {})
        self.lemmas: Counter[str] = Counter(state.get("lemmas") or {})
        self.names: dict[str, str] = dict(state.get("names") or {})
        self.first_support: str | None = state.get("first_support")

    def add(self, s: Stance, st: Statement | None, frame_of: Callable[[Statement], dict[str, Any]]) -> None:
        if st is None:
            return
        if s.stance == "supports" and self.first_support is None:
            self.first_support = st.content
        if s.stance not in ("supports", "refutes"):
            return
        f = frame_of(st)
        self.frames += 1
        self.themes.update(dict.fromkeys(f.get("theme") or [], 1))
        self.phrases.update(dict.fromkeys(f.get("theme_phrases") or [], 1))
        self.lemmas.update(dict.fromkeys(f.get("predicate_lemmas") or [], 1))
        for k, v in (f.get("place_names") or {}).items():
            if v.isascii() or k not in self.names:
                self.names[k] = v

    def state(self) -> dict[str, Any]:
        return {
            "frames": self.frames,
            "themes": dict(self.themes),
            "phrases": dict(self.phrases),
            "lemmas": dict(self.lemmas),
            "names": self.names,
            "first_support": self.first_support,
        }


def _relayed(st: Statement | None) -> bool:
    """A reporter's account of a named party's denial ("the ministry rejected claims that ...")."""
    return st is not None and st.reported_summary and st.act == "deny" and _named_voice(st)


def _direct(rows: list[tuple[Stance, Statement | None]]) -> bool:
    """A refutation on record in someone's own words."""
    return any(s.stance == "refutes" and st is not None and not st.reported_summary for s, st in rows)


def _flip_relayed(rows: list[tuple[Stance, Statement | None]], direct: bool) -> None:
    for s, st in rows:
        if not _relayed(st):
            continue
        if not direct and s.stance == "reports":
            s.stance, s.score = "refutes", _RELAYED_DENIAL
        elif direct and s.stance == "refutes" and s.score == _RELAYED_DENIAL:
            s.stance, s.score = "reports", 0.9


def _ambiguous_place(scored: list[tuple[float, bool, Claim]]) -> bool:
    """A statement naming no place fits claims about different places about equally well
    ("has never assembled drones"): which one it speaks to is a guess, so it joins none."""
    best = scored[0][0]
    close = [c for score, _, c in scored if best - score <= 0.1]
    places = [frozenset(c.frame.get("places") or []) for c in close]
    return any(a and b and not a & b for i, a in enumerate(places) for b in places[i + 1 :])


def _named_voice(st: Statement) -> bool:
    """Someone other than the press speaks, directly or in the reporter's summary."""
    return bool(st.speaker.strip()) and st.speaker_type != "MEDIA"


def _named_outlet(st: Statement) -> bool:
    """A named outlet asserting something as its own reporting, not the article's own voice."""
    return st.speaker_type == "MEDIA" and bool(st.speaker.strip()) and not st.reported_summary


def _phase(st: Statement, fr: dict[str, Any]) -> int:
    # Assertions first, so that a denial printed above the claim it denies still finds it;
    # then corrections (they need both versions); then everything else.
    if st.act == "retract" or fr.get("retract"):
        return 1
    if st.act in _ASSERTIVE and not fr.get("negated"):
        return 0
    return 2


def link(
    statements: list[Statement],
    candidates: list[Claim],
    known: Mapping[str, Statement],
    new_id: Callable[[], str],
    stances_of: Callable[[str], list[Stance] | None] | None = None,
    *,
    tally_of: Callable[[str], dict[str, Any] | None] | None = None,
    tallies: dict[str, tuple[dict[str, Any], bool]] | None = None,
    repeats: tuple[str, str] | None = None,
) -> list[Claim]:
    """Link the statements of one new document to claims; return new or changed claims.

    `candidates` are the claims sharing a blocking key with these statements (modified in
    place when they gain stances); `known` the statements their stances already reference
    (a mapping: a plain dict, or a lookup that fetches on demand). With `stances_of`, the
    candidates may come without their stances, which are read for the claims that change
    when they must be (else a changed claim's `stances` are only its new ones).

    `tally_of` gives a stored claim's tally (see `claims.status.tally`): with
    it, a claim gaining stances is updated from the tally instead of from all its stances.
    `tallies`, when given, receives each changed claim's new tally and whether its
    `stances` hold only the stances this call appended. `repeats` is (document id, id of
    the document it nearly copies): its stances on claims the original speaks to are marked
    as repeats.
    """
    lk = _Linker(candidates, known, new_id, stances_of, tally_of, repeats)
    for st in statements:
        lk.statements[st.id] = st
    order = sorted(statements, key=lambda s: (_phase(s, lk.frame(s)), s.start, s.id))
    for st in order:
        if _phase(st, lk.frame(st)) == 1:
            lk.link_retraction(st)
        else:
            lk.link_plain(st)
    out = lk.finish()
    if tallies is not None:
        tallies.update(lk.tallies)
    return out


def stable_id(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]
