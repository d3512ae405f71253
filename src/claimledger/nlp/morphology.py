"""Coarse POS, morphology and lemmas: the English model's two rule pipes, as table lookups.

`en_core_web_sm` ends its tagging with two rule pipes: an `attribute_ruler` (about 180
token patterns that map fine tags, and a few words in context, to POS, morphology and
lemma exceptions) and a rule `lemmatizer`. spaCy runs the first through its general
`Matcher`, which tries every pattern at every token, and the second re-derives each
token's lemma from its morphology every time, outside its own cache. Together they cost
about a fifth of the model's time per document, for answers that depend on a handful of
token attributes.

`CompiledAttributeRuler` and `MemoLemmatizer` give the same answers from the same rules and
tables: patterns are indexed by the tag or word they require and their matches merged in
the ruler's precedence order; a lemma is remembered per (word, POS, morphology), the only
inputs the English rule lemmatizer reads. `compile_pipeline` swaps them in when the model's
pipes have the expected shape and leaves the stock pipes otherwise.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["CompiledAttributeRuler", "MemoLemmatizer", "compile_pipeline"]

# A token as the patterns see it: hashes of its tag, lower-case form and dependency label,
# and whether it is whitespace. Hash 0 is "no value" (an unparsed token's dependency).
_Token = tuple[int, int, int, bool]
_ATTR_SLOT = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# Past this many remembered keys the tables start again: answers never depend on them.
_MEMO_MAX = 200_000


class UnsupportedPattern(ValueError):
    """A ruler pattern this compiler does not read (the stock pipe is kept)."""


def _hash(vocab_strings: Any, s: str) -> int:
    # The Matcher reads a missing value ("") as hash 0, as the token array holds it.
    return 0 if s == "" else int(vocab_strings.add(s))


def _predicate(vocab_strings: Any, attr: str, value: Any) -> Callable[[_Token], bool]:
    if attr not in _ATTR_SLOT:
        raise UnsupportedPattern(f"attribute {attr}")
    slot = _ATTR_SLOT[attr]
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        return lambda t: t[slot] == value

    def h(s: str) -> int:
        return _hash(vocab_strings, s)

    if isinstance(value, str):
        want = h(value)
        return lambda t: t[slot] == want
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(h(s) for s in arg)
            return lambda t: t[slot] in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(h(s) for s in arg)
            return lambda t: t[slot] not in banned
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda t: rx.search(vocab_strings[t[slot]] if t[slot] else "") is not None
    raise UnsupportedPattern(f"{attr} {value!r}")


def _index_keys(vocab_strings: Any, spec: dict[str, Any], attr: str) -> list[int] | None:
    """The hashes a token's `attr` must have for `spec` to match it; None when unconstrained."""
    value = spec.get(attr)
    if isinstance(value, str):
        return [_hash(vocab_strings, value)]
    if isinstance(value, dict) and list(value) == ["IN"]:
        return [_hash(vocab_strings, s) for s in value["IN"]]
    return None


def _first_keys(vocab_strings: Any, spec: dict[str, Any]) -> tuple[int, frozenset[int] | None]:
    """(slot, hashes) that a sequence's first token must have; hashes None when unconstrained."""
    for attr in ("LOWER", "TAG", "DEP"):
        keys = _index_keys(vocab_strings, spec, attr)
        if keys is not None:
            return _ATTR_SLOT[attr], frozenset(keys)
    return 0, None


class CompiledAttributeRuler:
    """spaCy's `AttributeRuler` over the same patterns, without the general matcher.

    Matches are found per token from an index by required word or tag; a token's matched
    rules are applied in rule order (the ruler sorts its matches by rule number, so a later
    rule overrides an earlier one), through spaCy's own `set_token_attrs`.
    """

    def __init__(self, vocab: Any, patterns: Iterable[dict[str, Any]], attrs: list[dict[Any, Any]]) -> None:
        strings = vocab.strings
        self.attrs = attrs
        # single-token rules, by the word or the tag they require (else checked everywhere)
        self.by_lower: dict[int, list[tuple[int, Callable[[_Token], bool]]]] = {}
        self.by_tag: dict[int, list[tuple[int, Callable[[_Token], bool]]]] = {}
        self.anywhere: list[tuple[int, Callable[[_Token], bool]]] = []
        # longer rules: (rule, token predicates, index of the token the attributes go to)
        self.sequences: list[tuple[int, list[Callable[[_Token], bool]], int, int, frozenset[int] | None]] = []
        patterns = list(patterns)
        for rule, entry in enumerate(patterns):
            index = int(entry.get("index", 0))
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    raise UnsupportedPattern(f"pattern {pattern!r}")
                preds = [self._all(strings, spec) for spec in pattern]
                if len(pattern) > 1:
                    if not -len(pattern) <= index < len(pattern):
                        raise UnsupportedPattern(f"index {index} outside a {len(pattern)}-token pattern")
                    slot, keys = _first_keys(strings, pattern[0])
                    self.sequences.append((rule, preds, index % len(pattern), slot, keys))
                    continue
                if index not in (0, -1):
                    raise UnsupportedPattern(f"index {index} of a one-token pattern")
                spec = pattern[0]
                lowers = _index_keys(strings, spec, "LOWER")
                tags = _index_keys(strings, spec, "TAG")
                if lowers is not None:
                    for k in lowers:
                        self.by_lower.setdefault(k, []).append((rule, preds[0]))
                elif tags is not None:
                    for k in tags:
                        self.by_tag.setdefault(k, []).append((rule, preds[0]))
                else:
                    self.anywhere.append((rule, preds[0]))
        if len(attrs) != len(patterns):
            raise UnsupportedPattern("patterns and attributes disagree")
        self._single: dict[_Token, tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    @staticmethod
    def _all(strings: Any, spec: dict[str, Any]) -> Callable[[_Token], bool]:
        if not isinstance(spec, dict) or not spec:
            raise UnsupportedPattern(f"token pattern {spec!r}")
        preds = [_predicate(strings, a, v) for a, v in spec.items()]
        if len(preds) == 1:
            return preds[0]
        return lambda t: all(p(t) for p in preds)

    def _rules_at(self, tok: _Token) -> tuple[int, ...]:
        hit = self._single.get(tok)
        if hit is None:
            found = {
                rule
                for rule, pred in (*self.by_lower.get(tok[1], ()), *self.by_tag.get(tok[0], ()), *self.anywhere)
                if pred(tok)
            }
            hit = tuple(sorted(found))
            if len(self._single) >= _MEMO_MAX:
                self._single.clear()
            self._single[tok] = hit
        return hit

    def _merge(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            if len(self._merged) >= _MEMO_MAX:
                self._merged.clear()
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        toks: list[_Token] = [(t, lo, d, bool(s)) for t, lo, d, s in arr]
        extra: dict[int, set[int]] = {}
        n = len(toks)
        for rule, preds, index, slot, keys in self.sequences:
            width = len(preds)
            starts = range(n - width + 1)
            if keys is not None:  # most sequences start with a given word: try only there
                starts = [i for i in starts if toks[i][slot] in keys]
            for start in starts:
                if all(p(toks[start + k]) for k, p in enumerate(preds)):
                    extra.setdefault(start + index, set()).add(rule)
        for i, tok in enumerate(toks):
            rules = self._rules_at(tok)
            if i in extra:
                rules = tuple(sorted(set(rules) | extra[i]))
            if rules:
                set_token_attrs(doc[i], self._merge(rules))
        return doc


class MemoLemmatizer:
    """spaCy's English rule `Lemmatizer`, remembering each answer by (word, POS, morphology).

    Those are all the rule lemmatizer reads (its own cache has the same key but skips the
    base forms, most tokens, which it works out again each time). Tokens that already have
    a lemma (the attribute ruler sets a few) keep it, as with the stock pipe.
    """

    def __init__(self, stock: Any) -> None:
        # A private copy of the stock pipe, whose word index holds sets: its rules test each
        # candidate form against a list of 20k-57k known words, and as a set the same test is
        # one lookup. The stock pipe and its tables stay as they were (and serialisable).
        self.stock = copy.copy(stock)
        self.stock.cache = {}
        lookups = Lookups()
        for name in stock.lookups.tables:
            table = stock.lookups.get_table(name)
            if name == "lemma_index":
                fast = lookups.add_table(name)
                for key, words in table.items():
                    fast[key] = frozenset(words) if isinstance(words, list) else words
            else:
                lookups.set_table(name, table)
        self.stock.lookups = lookups
        # the stock pipe binds `lemmatize` to itself when built: bind the copy's own
        self.stock.lemmatize = self.stock.rule_lemmatize
        self._memo: dict[tuple[int, int, int], int] = {}
        self._base: dict[tuple[int, int], bool] = {}

    def _lemma(self, token: Any, pos: int, morph: int) -> str:
        # The stock order: no POS -> lower case (with its warning, so the stock pipe says it);
        # a base form -> lower case; else its rules. `is_base_form` reads POS and morphology.
        if not pos or token.pos_ in ("EOL", "SPACE"):
            return str(self.stock.lemmatize(token)[0])
        base = self._base.get((pos, morph))
        if base is None:
            base = self._base[(pos, morph)] = bool(self.stock.is_base_form(token))
        return token.text.lower() if base else str(self.stock.lemmatize(token)[0])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        overwrite = bool(getattr(self.stock, "overwrite", False))
        strings = doc.vocab.strings
        memo = self._memo
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, "LEMMA"]).tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            token = doc[i]
            if value is None:
                value = strings.add(self._lemma(token, pos, morph))
                if len(memo) >= _MEMO_MAX:
                    memo.clear()
                memo[key] = value
            token.lemma = value
        return doc


@Language.factory("claimledger_attribute_ruler", assigns=["token.pos", "token.morph", "token.lemma"])
def make_attribute_ruler(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Built from the pipeline's stock `attribute_ruler` (see `compile_pipeline`)."""
    stock = nlp.get_pipe("attribute_ruler")
    return CompiledAttributeRuler(nlp.vocab, stock.patterns, list(stock.attrs))


@Language.factory("claimledger_lemmatizer", assigns=["token.lemma"], requires=["token.pos", "token.morph"])
def make_lemmatizer(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Wraps the pipeline's stock rule `lemmatizer` (see `compile_pipeline`)."""
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


def compile_pipeline(nlp: Language) -> bool:
    """Swap the model's `attribute_ruler` and rule `lemmatizer` for their lookup versions.

    Returns False, and leaves the pipeline as it was, when either pipe is missing or is not
    what this module reads (a pattern shape it does not know, a lemmatizer in another mode).
    """
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or nlp.lang != "en":
        return False
    try:
        nlp.add_pipe("claimledger_attribute_ruler", after="attribute_ruler")
    except UnsupportedPattern:
        return False
    nlp.add_pipe("claimledger_lemmatizer", after="lemmatizer")
    # The stock pipes stay loaded (the lookup versions read their tables) but never run.
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
