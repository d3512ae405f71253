"""natasha as the tokenizer of a blank Russian spaCy pipeline.

spaCy calls `nlp.tokenizer(text)` first, so running natasha there gives one `Doc` with
words, lemmas, POS, morphology, dependencies, sentences and entities, and every later
component (quotes, attribution) works on it exactly as on English. Whitespace that spaCy
cannot express as a trailing space becomes its own SPACE token, so `doc.text == text`.
"""

from __future__ import annotations

import os
import re
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# natasha must be imported before pymorphy2 (it patches pymorphy2's dictionary loading).
import natasha
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.nlp import extensions

_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
_MODELS: dict[str, Any] = {}


def _models() -> dict[str, Any]:
    # Loading the embeddings takes about a second; share them between pipelines.
    if not _MODELS:
        emb = natasha.NewsEmbedding()
        _MODELS.update(
            segmenter=natasha.Segmenter(),
            morph=natasha.NewsMorphTagger(emb),
            syntax=natasha.NewsSyntaxParser(emb),
            ner=natasha.NewsNERTagger(emb),
            vocab=natasha.MorphVocab(),
        )
    return _MODELS


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


# Relations that mark a clause or word as subordinate: a poor choice of root when natasha's
# parse has none (a cycle) and one must be picked.
_SUBORDINATE = frozenset(
    "advcl acl acl:relcl ccomp xcomp csubj mark case det amod nmod obl obj iobj nsubj "
    "advmod aux cop cc punct fixed flat compound appos nummod".split()
)


def _repair_tree(heads: list[int], deps: list[str], pos: list[str], first: int, end: int) -> int:
    """Make heads[first:end] one valid tree in place and return its root.

    natasha's parser occasionally returns a sentence with a cycle and no root, or with
    several roots; spaCy then fails (E039) whenever it walks to a root. Every sentence must
    have exactly one ROOT (head == itself), every other token a head inside the sentence and
    a path to that root. -1 marks "no head yet" (whitespace, or a head natasha left outside).
    """
    members = range(first, end)
    for i in members:
        if not first <= heads[i] < end:
            heads[i] = -1
    words = [i for i in members if pos[i] != "SPACE"] or list(members)
    candidates = [i for i in words if heads[i] in (-1, i)]
    if candidates:
        # Prefer natasha's own root label over a token that merely lost its head.
        root = next((i for i in candidates if deps[i].lower() == "root"), candidates[0])
    else:
        # Every word has a head, so there is a cycle: lift its most clause-like member.
        cycle = _first_cycle(heads, words)
        root = min(cycle, key=lambda i: (deps[i] in _SUBORDINATE, pos[i] not in ("VERB", "AUX"), i))
    heads[root] = root
    deps[root] = "ROOT"
    for i in members:
        if i != root and heads[i] in (-1, i):
            heads[i] = root
            if deps[i].lower() == "root" or pos[i] == "SPACE":
                deps[i] = "dep"
    # Any cycle left is cut where it was entered: that token hangs from the root instead.
    state = dict.fromkeys(members, 0)  # 0 unvisited, 1 on the current path, 2 reaches the root
    state[root] = 2
    for i in members:
        path: list[int] = []
        j = i
        while state[j] == 0:
            state[j] = 1
            path.append(j)
            j = heads[j]
        if state[j] == 1:
            heads[j] = root
            deps[j] = "dep"
        for k in path:
            state[k] = 2
    return root


def _genitive_subjects(
    heads: list[int], deps: list[str], pos: list[str], morphs: list[str], first: int, end: int
) -> None:
    """A genitive noun right after a noun is that noun's dependent, never the verb's subject:
    natasha reads "В МИД Вальдории отказались" with "Вальдории" as the subject (or as an
    indirect object), and the speaking body is then lost. Russian subjects are nominative and
    indirect objects dative, so such a token is re-hung on the noun before it."""
    for i in range(first + 1, end):
        if deps[i] not in ("nsubj", "iobj") or "Case=Gen" not in morphs[i] or pos[i] not in ("NOUN", "PROPN"):
            continue
        prev = i - 1
        if pos[prev] not in ("NOUN", "PROPN"):
            continue
        j, seen = prev, 0
        while heads[j] != j and j != i and seen < end - first:
            j, seen = heads[j], seen + 1
        if j == i:
            continue  # the noun before hangs below this one: re-hanging would make a cycle
        heads[i] = prev
        deps[i] = "nmod"


def _first_cycle(heads: list[int], words: list[int]) -> list[int]:
    j = words[0]
    seen: dict[int, int] = {}
    while j not in seen:
        seen[j] = len(seen)
        j = heads[j]
    order = sorted(seen, key=seen.__getitem__)
    return order[seen[j] :]


class NatashaTokenizer:
    """Callable `text -> Doc` that spaCy uses in place of its tokenizer."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        extensions.register()

    def __call__(self, text: str) -> Doc:
        m = _models()
        sents: list[Any] = []
        spans_all: list[tuple[int, int, str, Any]] = []
        # A blank line always ends a sentence (natasha would run a headline into the body),
        # so each paragraph is analysed on its own and its offsets shifted back.
        for p_start, p_end in _paragraphs(text):
            ndoc = natasha.Doc(text[p_start:p_end])
            ndoc.segment(m["segmenter"])
            if not ndoc.tokens:
                continue
            ndoc.tag_morph(m["morph"])
            ndoc.parse_syntax(m["syntax"])
            ndoc.tag_ner(m["ner"])
            for sent in ndoc.sents:
                for tok in sent.tokens:
                    tok.start += p_start
                    tok.stop += p_start
                    tok.id = f"{p_start}:{tok.id}"
                    tok.head_id = f"{p_start}:{tok.head_id}"
                sents.append(sent)
            for span in ndoc.spans:
                spans_all.append((span.start + p_start, span.stop + p_start, span.type, span))
        words: list[str] = []
        spaces: list[bool] = []
        lemmas: list[str] = []
        pos: list[str] = []
        morphs: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        starts: list[int] = []
        index: dict[str, int] = {}
        pending: list[tuple[int, str]] = []  # (token index, natasha head id)
        cursor = 0
        last_root = -1

        def add_space(gap: str, attach: int) -> None:
            words.append(gap)
            spaces.append(False)
            lemmas.append(gap)
            pos.append("SPACE")
            morphs.append("")
            heads.append(attach)
            deps.append("dep")
            starts.append(-1)

        for sent in sents:
            first = len(words)
            for tok in sent.tokens:
                gap = text[cursor : tok.start]
                if gap:
                    if gap == " " and words and words[-1].strip():
                        spaces[-1] = True
                    elif gap.startswith(" ") and words and words[-1].strip():
                        spaces[-1] = True
                        add_space(gap[1:], -1)
                    else:
                        add_space(gap, -1)
                i = len(words)
                index[tok.id] = i
                words.append(text[tok.start : tok.stop])
                spaces.append(False)
                if tok.lemma is None:
                    tok.lemmatize(m["vocab"])
                lemmas.append(tok.lemma or words[-1].lower())
                pos.append(tok.pos or "X")
                morphs.append("|".join(f"{k}={v}" for k, v in sorted((tok.feats or {}).items())))
                heads.append(-1)
                deps.append(tok.rel or "dep")
                starts.append(tok.start)
                pending.append((i, tok.head_id))
                cursor = tok.stop
            for i, head_id in pending:
                heads[i] = index.get(head_id, -1) if head_id and not head_id.endswith("_0") else -1
            sent_root = _repair_tree(heads, deps, pos, first, len(words))
            _genitive_subjects(heads, deps, pos, morphs, first, len(words))
            pending.clear()
            last_root = sent_root
        tail = text[cursor:]
        if tail:
            if tail == " " and words and words[-1].strip():
                spaces[-1] = True
            else:
                if tail.startswith(" ") and words and words[-1].strip():
                    spaces[-1] = True
                    tail = tail[1:]
                add_space(tail, last_root)
        if not words:
            return Doc(self.vocab, words=[], spaces=[])
        for i, h in enumerate(heads):
            if h == -1:  # text with only whitespace
                heads[i] = i
        ents = ["O"] * len(words)
        by_start = {s: i for i, s in enumerate(starts) if s >= 0}
        normals: list[tuple[int, int, str, str]] = []
        for span_start, span_stop, span_type, span in spans_all:
            label = _LABELS.get(span_type)
            b = by_start.get(span_start)
            if label is None or b is None:
                continue
            e = b
            while e + 1 < len(words) and 0 <= starts[e + 1] < span_stop:
                e += 1
            if any(ents[k] != "O" for k in range(b, e + 1)):
                continue
            ents[b] = f"B-{label}"
            for k in range(b + 1, e + 1):
                ents[k] = f"I-{label}"
            try:
                span.normalize(m["vocab"])
                normal = span.normal or span.text
            except Exception:  # normalisation is a nicety; a failure must not lose the parse
                normal = span.text
            normals.append((b, e + 1, label, normal))
        doc = Doc(
            self.vocab,
            words=words,
            spaces=spaces,
            lemmas=lemmas,
            pos=pos,
            morphs=morphs,
            heads=heads,
            deps=deps,
            ents=ents,
        )
        for b, e, label, normal in normals:
            span = doc.char_span(doc[b].idx, doc[e - 1].idx + len(doc[e - 1]), label=label)
            if span is not None:
                span._.normal = normal
        return doc

    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _bytes: bytes, **_: Any) -> NatashaTokenizer:
        return self

    def to_disk(self, _path: Any, **_: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_: Any) -> NatashaTokenizer:
        return self
