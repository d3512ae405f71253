"""The natasha -> spaCy conversion always yields a valid dependency tree per sentence."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from spacy.tokens import Doc

from claimledger import nlp
from claimledger.nlp.russian import _repair_tree


def _assert_valid(doc: Doc) -> None:
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1, (sent.text, [t.text for t in roots])
        assert roots[0].dep_ == "ROOT"
        for tok in sent:
            assert sent.start <= tok.head.i < sent.end, (sent.text, tok.text, tok.head.text)
            seen = set()
            walk = tok
            while walk.head.i != walk.i:
                assert walk.i not in seen, ("cycle", sent.text, tok.text)
                seen.add(walk.i)
                walk = walk.head
        assert sent.root is not None  # spaCy raises E039 here on a broken tree
    for span in doc.ents:
        assert span.root is not None


# natasha's parser returns a cycle and no root for "If X - let Y" quotes with a dash attribution.
CONDITIONAL_DASH = [
    "«Если мы опоздаем — пусть нас накажут», — сказал он.",
    "«Когда завод откроют — пусть все увидят», — добавил директор.",
    "Если я не прав — пусть мне это объяснят, — заявил мэр.",
]


@pytest.mark.parametrize("text", CONDITIONAL_DASH)
def test_conditional_dash_quote_has_one_root(text: str) -> None:
    doc = nlp.parse(text, "ru")
    assert doc.text == text
    _assert_valid(doc)


def test_quote_across_paragraphs_spaces_and_newlines() -> None:
    text = (
        "Мэр   выступил  перед жителями.\n"
        "«Мост откроют в мае.\n\n"
        "Если подрядчик опоздает — пусть платит штраф»,  —  заявил   он.\n \n"
        "  — Мы   это   проверим, — ответил представитель подрядчика.\t\n\n\n"
    )
    doc = nlp.parse(text, "ru")
    assert doc.text == text
    _assert_valid(doc)


def test_repair_breaks_cycle_and_picks_clause_root() -> None:
    # tokens 0..3: 0 -> 1 -> 0 is a cycle, 2 and 3 hang from it, nothing is the root.
    heads = [1, 0, 0, 1]
    deps = ["advcl", "parataxis", "nsubj", "punct"]
    pos = ["VERB", "VERB", "PRON", "PUNCT"]
    root = _repair_tree(heads, deps, pos, 0, 4)
    assert root == 1  # the subordinate clause is not lifted
    assert heads[1] == 1 and deps[1] == "ROOT"
    assert heads[0] == 1


def test_repair_one_root_and_heads_inside_sentence() -> None:
    # sentence is tokens 2..5; token 3 points outside, tokens 2 and 4 are both roots,
    # token 5 is whitespace without a head.
    heads = [0, 0, 2, 0, 4, -1]
    deps = ["ROOT", "dep", "root", "obj", "root", "dep"]
    pos = ["VERB", "NOUN", "VERB", "NOUN", "VERB", "SPACE"]
    root = _repair_tree(heads, deps, pos, 2, 6)
    assert root == 2
    assert heads[2:] == [2, 2, 2, 2]
    assert deps[4] != "ROOT" and deps[2] == "ROOT"
    assert heads[:2] == [0, 0]  # another sentence is untouched
