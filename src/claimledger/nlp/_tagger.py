"""A cue-conditioned sequence tagger: given a cue token, which words around it are the source
and which the content of what was said.

The rules read source and content off fixed dependency patterns; PolNeAR's annotators mark
many that no pattern reaches ("downplayed the risk", "saying the deal was dead", "laid out
her proposals"). This tagger is a linear-chain CRF, one sequence per candidate cue (as
semantic-role labellers condition on the predicate), so nested attributions ("A said B
claimed C") never compete for the same tokens. Labels: O, B-S/I-S (source), B-C/I-C
(content), CUE. It is trained on PolNeAR train by `bench/train_tagger.py` with
python-crfsuite; only the weights ship (`data/tagger_model.json`: feature names are
lemmas, tags, dependency labels and relative positions, never text), and decoding is done
here in numpy, so crfsuite is a training-time dependency only.

A candidate whose best reading has no content is not an attribution: the model also learns
to reject verbs that are not cues (they were trained as all-O sequences), and
`RoleTagger.confidence` is the probability mass of readings that have some content.
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from spacy.tokens import Doc, Token

from claimledger.nlp import cues, lexicon

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "tagger_model.json"
LABELS = ("O", "B-S", "I-S", "B-C", "I-C", "CUE")
_CONTENT = (3, 4)
_LEX_EN = lexicon.VERB_CUES["en"]
_NOUN_EN = lexicon.NOUN_CUES.get("en", {})
# a window longer than this is cut around the cue: the sequence cost is linear, but the long
# tail of run-on "sentences" (lists, transcripts) only adds noise
MAX_WINDOW = 120


class Reading(Protocol):
    """What the tagger reads of a rule attribution (`attribution.Attribution` fits)."""

    speaker: tuple[int, int] | None
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    continuation: list[tuple[int, int]]
    origin: str
    direct: bool


def _dist(n: int) -> str:
    for edge in (1, 2, 3, 5, 8, 13, 21):
        if n <= edge:
            return str(edge)
    return "far"


def window(doc: Doc, head: Token, quotes: cues.QuoteIndex) -> tuple[int, int]:
    """Token range [lo, hi) read for a cue: its sentence, grown over sentence breaks that fall
    inside a quotation (the parser splits multi-sentence quotes that annotators mark whole)."""
    sent = head.sent
    lo, hi = sent.start, sent.end
    for _ in range(3):
        if lo > 0 and quotes.inside(doc[lo].idx):
            lo = doc[lo - 1].sent.start
    for _ in range(3):
        if hi < len(doc) and quotes.inside(doc[hi - 1].idx) and quotes.inside(doc[hi].idx):
            hi = doc[hi].sent.end
    if hi - lo > MAX_WINDOW:
        lo = max(lo, head.i - MAX_WINDOW // 3)
        hi = min(hi, lo + MAX_WINDOW)
    return lo, hi


class DocFeatures:
    """Per-document cache of the cue-independent features of each token."""

    def __init__(self, doc: Doc, quotes: cues.QuoteIndex) -> None:
        self.doc = doc
        self.quotes = quotes
        self.cache: dict[int, list[str]] = {}

    def base(self, i: int) -> list[str]:
        got = self.cache.get(i)
        if got is None:
            got = self.cache[i] = self._base(i)
        return got

    def _base(self, i: int) -> list[str]:
        doc = self.doc
        t = doc[i]
        # a newline in a feature name would break crfsuite's model dump
        lemma = "_sp" if t.is_space else t.lemma_.lower()
        out = [
            f"l={lemma}",
            f"p={t.pos_}",
            f"t={t.tag_}",
            f"d={t.dep_}",
            f"pd={t.pos_}|{t.dep_}",
            f"hp={t.head.pos_}|{t.dep_}",
        ]
        if t.ent_type_:
            out.append(f"e={t.ent_type_}")
        if t.is_title:
            out.append("title")
        if t.is_punct:
            out.append(f"punct={t.text if len(t.text) == 1 else 'x'}")
        if t.is_space:
            out.append("space")
        if self.quotes.inside(t.idx):
            out.append("inq")
        if t.is_sent_start:
            out.append("s0")
        if i + 1 < len(doc) and doc[i + 1].is_sent_start:
            out.append("s1")
        for k in (-2, -1, 1, 2):
            j = i + k
            if 0 <= j < len(doc):
                n = doc[j]
                out.append(f"p{k}={n.pos_}")
                if abs(k) == 1:
                    out.append(f"w{k}={n.lower_ if n.is_stop or n.is_punct else '_'}")
        act = _LEX_EN.get(lemma)
        if act is not None and t.pos_ in ("VERB", "AUX"):
            out.append(f"lex={act}")
        if t.pos_ == "NOUN" and lemma in _NOUN_EN:
            out.append("ncue")
        return out


def _path_to(tok: Token, target: Token, limit: int = 12) -> tuple[str, int] | None:
    """When `target` dominates `tok`: the dependency label of the child of `target` on the
    way down, and the depth. None otherwise."""
    cur = tok
    depth = 0
    while depth < limit:
        if cur.head.i == cur.i:
            return None
        if cur.head.i == target.i:
            return cur.dep_, depth + 1
        cur = cur.head
        depth += 1
    return None


def _reading_roles(doc: Doc, reading: Reading | None, lo: int, hi: int) -> dict[int, str]:
    """The rules' reading of this cue as a role per token of [lo, hi): "S" source, "N" the
    speaker's name inside it, "C" content, with "C0"/"C1" at the content's edges."""
    if reading is None:
        return {}
    roles: dict[int, str] = {}
    starts = [doc[i].idx for i in range(lo, hi)]

    def mark(spans: list[tuple[int, int]], name: str) -> None:
        for a, b in spans:
            k = bisect.bisect_left(starts, a)
            first = True
            last = None
            while k < len(starts) and starts[k] < b:
                roles[lo + k] = f"{name}0" if first and name == "C" else name
                first = False
                last = lo + k
                k += 1
            if last is not None and name == "C" and roles[last] == "C":
                roles[last] = "C1"

    src = reading.source or reading.speaker
    if src is not None:
        mark([src], "S")
    if reading.speaker is not None and reading.speaker != src:
        mark([reading.speaker], "N")
    mark([*reading.content, *reading.continuation], "C")
    return roles


def role_features(
    df: DocFeatures,
    head: Token,
    cue_idx: set[int],
    lo: int,
    hi: int,
    cue_score: float | None = None,
    reading: Reading | None = None,
) -> list[list[str]]:
    """Features of every token in [lo, hi) relative to the cue whose head is `head`; the cue
    head also carries the cue scorer's features and score (`cue_score`), which tell a cue
    from an ordinary verb. `reading` is the rules' own reading of this cue, if any: the
    tagger learns where to keep it and where annotators draw other boundaries."""
    doc = df.doc
    roles = _reading_roles(doc, reading, lo, hi)
    origin = f"{reading.origin}|{'d' if reading.direct else 'i'}" if reading is not None else "none"
    lemma = head.lemma_.lower()
    cls = _LEX_EN.get(lemma, "x") if head.pos_ in ("VERB", "AUX") else f"n{head.pos_}"
    hdep = head.dep_
    # the cue's own ancestors: "…, saying X": the subject of the verb the participle hangs on
    anc: dict[int, int] = {}
    cur = head
    for k in range(1, 6):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        anc[cur.i] = k
    # the head's sentence as an index range: `Token.sent` builds a Span on every call
    sent = head.sent
    s0, s1 = sent.start, sent.end
    out: list[list[str]] = []
    for i in range(lo, hi):
        t = doc[i]
        f = list(df.base(i))
        if i == head.i:
            f.append("HEAD")
            f.append(f"hl={lemma}")
            f.extend(f"h:{x}" for x in cues.token_features(head, df.quotes))
            if cue_score is not None:
                f.append(f"cs={int(10 * cue_score)}")
            f.append(f"ro={origin}")
        elif i in cue_idx:
            f.append("CUEPART")
        d = i - head.i
        side = "L" if d < 0 else "R"
        f.append(f"rp={side}{_dist(abs(d))}" if d else "rp=0")
        if not s0 <= i < s1:
            f.append(f"os={side}")
        path = _path_to(t, head) if i != head.i else None
        if path is not None:
            via, depth = path
            f.append(f"via={via}")
            f.append(f"via={via}|{min(depth, 4)}")
            f.append(f"cv={cls}|{via}")
            f.append(f"lv={lemma}|{via}")
            f.append(f"vs={via}|{side}")
            if depth > 1:
                # the second step down tells "said [that X]" from "said [X's remarks] were…"
                up = t
                while up.head.head.i != head.i:
                    up = up.head
                f.append(f"via2={via}>{up.dep_}")
        elif i in anc:
            f.append(f"anc={min(anc[i], 3)}|{hdep}")
        else:
            # siblings and their subtrees: "X, saying Y" (subject of the host verb), "X
            # declined to comment" (subject of the verb the cue is an xcomp of)
            hit = None
            cur = t
            for _ in range(12):
                if cur.head.i == cur.i:
                    break
                if cur.head.i in anc:
                    hit = (cur.dep_, anc[cur.head.i])
                    break
                cur = cur.head
            if hit is not None:
                f.append(f"sib={hit[0]}|{hdep}|{min(hit[1], 3)}")
                f.append(f"sibd={hit[0]}|{min(hit[1], 3)}")
                f.append(f"sibl={lemma}|{hit[0]}")
            else:
                f.append("unrel")
        f.append(f"hdep={hdep}|{side}")
        role = roles.get(i, "O")
        f.append(f"r={role}")
        f.append(f"r={role}|{origin}")
        f.append(f"rn={roles.get(i - 1, 'O')}>{role}>{roles.get(i + 1, 'O')}")
        out.append(f)
    return out


class RoleTagger:
    """CRF weights: row `index[feature]` of `weights` is that feature's score per label in
    LABELS, `trans[a, b]` the score of label b after a."""

    def __init__(self, index: dict[str, int], weights: np.ndarray, trans: np.ndarray, meta: dict[str, Any]) -> None:
        self.index = index
        self.weights = weights
        self.trans = trans
        self.meta = meta
        # the cue scorer's bar for offering a verb that no rule read
        self.candidate = float(meta.get("candidate", 0.1))
        # whether the rules' candidate readings that the attribution scorer rejected are read
        # again (their verbs may be below the candidate bar)
        self.reread = bool(meta.get("reread", True))
        # the probability that the candidate is a cue at which its reading is taken; at 0.5
        # or above the best reading alone decides (it labels the candidate CUE or not)
        self.accept = float(meta.get("accept", 0.5))
        # noun lemmas offered as cues (counted on PolNeAR train); empty offers none
        self.nouns: frozenset[str] = frozenset(meta.get("use_nouns", []))  # type: ignore[call-overload]

    def emissions(self, xseq: list[list[str]]) -> np.ndarray:
        get = self.index.get
        rows: list[int] = []
        owner: list[int] = []
        for k, feats in enumerate(xseq):
            for f in feats:
                j = get(f)
                if j is not None:
                    rows.append(j)
                    owner.append(k)
        em = np.zeros((len(xseq), self.weights.shape[1]))
        if rows:
            np.add.at(em, np.array(owner), self.weights[np.array(rows)])
        return em

    def decode(self, xseq: list[list[str]]) -> list[int]:
        """The best label sequence (indices into LABELS)."""
        return self.viterbi(self.emissions(xseq))

    def read(self, xseq: list[list[str]], head: int) -> list[int] | None:
        """The best reading with the token at position `head` as the cue, or None when that
        token is unlikely to be one (see `accept`)."""
        em = self.emissions(xseq)
        cue = LABELS.index("CUE")
        if self.accept >= 0.5:
            labels = self.viterbi(em)
            return labels if labels[head] == cue else None
        _, p_cue = self.confidence(em, head)
        if p_cue < self.accept:
            return None
        em[head, :] = -1e9
        em[head, cue] = 0.0
        return self.viterbi(em)

    def viterbi(self, em: np.ndarray) -> list[int]:
        n = em.shape[0]
        score = em[0].copy()
        back = np.zeros((n, em.shape[1]), dtype=np.int64)
        for k in range(1, n):
            cand = score[:, None] + self.trans
            back[k] = cand.argmax(axis=0)
            score = cand.max(axis=0) + em[k]
        path = [int(score.argmax())]
        for k in range(n - 1, 0, -1):
            path.append(int(back[k, path[-1]]))
        return path[::-1]

    def _log_z(self, em: np.ndarray, mask: np.ndarray | None = None) -> float:
        """log of the partition function, over the readings `mask` (n x labels, 0 or -inf)
        allows."""
        if mask is not None:
            em = em + mask
        exp_trans = np.exp(self.trans)
        alpha = em[0]
        for k in range(1, em.shape[0]):
            m = alpha.max()
            alpha = np.log(np.exp(alpha - m) @ exp_trans) + m + em[k]
        m = alpha.max()
        return float(np.log(np.exp(alpha - m).sum()) + m)

    def confidence(self, em: np.ndarray, head: int | None = None) -> tuple[float, float]:
        """P(some token is content), one minus the mass of the readings with no content; and
        P(the token at position `head` is labelled CUE) (0 when no head is given)."""
        log_z = self._log_z(em)
        mask = np.zeros(em.shape)
        mask[:, list(_CONTENT)] = -np.inf
        p_content = 1.0 - float(np.exp(self._log_z(em, mask) - log_z))
        p_cue = 0.0
        if head is not None:
            mask = np.zeros(em.shape)
            mask[head, :] = -np.inf
            mask[head, LABELS.index("CUE")] = 0.0
            p_cue = float(np.exp(self._log_z(em, mask) - log_z))
        return p_content, p_cue


def spans(labels: list[int], lo: int) -> dict[str, list[tuple[int, int]]]:
    """Token runs [a, b) of each role ("S", "C") in a decoded sequence starting at token `lo`."""
    out: dict[str, list[tuple[int, int]]] = {"S": [], "C": []}
    cur: str | None = None
    start = 0
    for k, lab in enumerate([*labels, 0]):
        name = LABELS[lab]
        role = name[2:] if name[:2] in ("B-", "I-") else None
        if cur is not None and (role != cur or name.startswith("B-")):
            out[cur].append((lo + start, lo + k))
            cur = None
        if role is not None and cur is None:
            cur, start = role, k
    return out


@lru_cache(maxsize=2)
def load_tagger(path: str = str(MODEL_PATH)) -> RoleTagger | None:
    """The shipped tagger, or None when its weights are absent (the rules then work alone)."""
    p = Path(path)
    if not p.is_file():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    labels = tuple(data["labels"])
    if labels != LABELS:
        raise ValueError(f"tagger labels {labels} differ from {LABELS}")
    index: dict[str, int] = {}
    weights = np.zeros((len(data["state"]), len(LABELS)))
    for j, (feat, row) in enumerate(data["state"].items()):
        index[feat] = j
        for k, w in row.items():
            weights[j, int(k)] = w
    return RoleTagger(index, weights, np.array(data["trans"], dtype=float), dict(data.get("meta", {})))
