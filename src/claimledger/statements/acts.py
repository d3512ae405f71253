"""Speech acts of statements: the cue rules plus a small learned classifier over cue and context.

The rules (`nlp.lexicon` cue words, refined by `nlp.attribution.refine_act`) are precise on the
cues they know, but a cue's word alone misleads: "urged to give me a fair sentence" is an appeal,
"warned that the exit will raise questions" advice, "called the report a rush to judgment" a
denial, "declined to comment" no act at all. A multinomial logistic regression over sparse
features of the cue and its content (trained by `bench/train_acts.py` on PolNeAR attributions
labelled by hand, see `bench/data/README.md`) reads those signals. Its weights ship as JSON
(`claimledger/data/acts_model.json`) so that the runtime needs neither scikit-learn nor numpy;
inference is a dot product over the handful of features that fire.

How the two are combined (`decide`, `combine`) is stored with the weights: a mode and a threshold,
both chosen together by 5-fold cross-validation on the training set (`bench/train_acts.py`), never
on the dev set. The modes (`MODES`):

- ``claim``: the classifier replaces the rule's default act `claim` only when it is confident
  (probability >= the threshold); the rules' other acts stand. A model file without a mode means
  this one (the behaviour before the mode was stored).
- ``any``: the classifier replaces whatever act the rules give when it is confident.
- ``classifier``: the classifier alone (the threshold is ignored).
- ``rules``: the rules alone (the classifier is never consulted).

The features are English words, so other languages keep the rules whatever the mode.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from claimledger.nlp import index as doc_index
from claimledger.nlp import lexicon
from claimledger.nlp.attribution import Attribution, refine_act

__all__ = ["ACTS", "MODES", "ActModel", "combine", "decide", "features", "load_model", "rule_act", "russian_act"]

ACTS = ("claim", "deny", "retract", "appeal", "recommend", "confirm", "other")
CharSpan = tuple[int, int]
# How the rules and the classifier are combined (see the module docstring); the first is the default.
MODES = ("claim", "any", "classifier", "rules")
DEFAULT_MODE = MODES[0]

# Only English has training data; the features below are English words.
LANGS = {"en"}

# Words in the content that deny something ("false", "never") or hedge it ("may", "perhaps").
DENIAL_WORDS = {w for w in lexicon.DENIAL_MARKERS if w.isascii()} | {"wrong", "ridiculous", "preposterous"}
NEGATORS = {"not", "n't", "never", "no", "nothing", "none", "nobody"}
HEDGES = {"may", "might", "could", "perhaps", "possibly", "probably", "likely", "maybe", "seem", "appear"}
MODALS = {"should", "must", "ought", "need"}
FIRST = {"i", "we", "me", "us", "my", "our"}
# Words just before the cue that make it no act of the speaker's own ("refused to say").
REFUSALS = {"refuse", "decline", "fail"}
QUOTES = "\"'“”‘’«»"


@dataclass
class ActModel:
    """Weights of a multinomial logistic regression: one row per act, one column per feature."""

    classes: list[str]
    weights: dict[str, list[float]]  # feature -> weight per class
    intercept: list[float]
    threshold: float  # the classifier overrides the rule only at or above this probability
    mode: str = DEFAULT_MODE  # how the rule and the classifier are combined: one of `MODES`

    def proba(self, feats: list[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    scores[k] += v
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def predict(self, feats: list[str]) -> tuple[str, float]:
        p = self.proba(feats)
        act = max(p, key=p.__getitem__)
        return act, p[act]

    @classmethod
    def from_json(cls, data: dict) -> ActModel:
        # a model file written before the mode was stored means the original combination, `claim`
        mode = str(data.get("mode", DEFAULT_MODE))
        if mode not in MODES:
            raise ValueError(f"unknown act combination mode {mode!r} (expected one of {MODES})")
        return cls(
            classes=list(data["classes"]),
            weights={k: list(v) for k, v in data["weights"].items()},
            intercept=list(data["intercept"]),
            threshold=float(data["threshold"]),
            mode=mode,
        )


@lru_cache(maxsize=1)
def load_model() -> ActModel | None:
    """The shipped model, or None when the data file is missing (the rules then stand alone)."""
    try:
        raw = resources.files("claimledger").joinpath("data/acts_model.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return ActModel.from_json(json.loads(raw))


def cue_head(cue: list[Token]) -> Token | None:
    """The word that carries the cue: its verb, else its noun, else the span's syntactic root."""
    if not cue:
        return None
    ids = {t.i for t in cue}
    for pos in ("VERB", "NOUN", "PROPN"):
        cands = [t for t in cue if t.pos_ == pos]
        # the outermost one ("is continuing to insist" -> "insist" is inside "continuing")
        inner = [t for t in cands if not any(c.i in ids and c.pos_ == pos for c in t.children)]
        if inner:
            return inner[-1] if pos == "VERB" else inner[0]
    roots = [t for t in cue if t.head.i not in ids or t.head.i == t.i]
    return roots[0] if roots else cue[0]


def lexicon_act(head: Token | None, lang: str) -> str | None:
    """The act the cue lexicon gives the cue word (phrasal cues first: "call on", "push back")."""
    if head is None:
        return None
    lemma = head.lemma_.lower()
    for c in head.children:
        act = lexicon.PHRASAL_CUES.get(lang, {}).get((lemma, c.lower_))
        if act is not None and c.dep_ in ("prt", "prep", "aux", "compound:prt"):
            return act
    return lexicon.VERB_CUES.get(lang, {}).get(lemma) or lexicon.NOUN_CUES.get(lang, {}).get(lemma)


def cue_negated(head: Token | None) -> bool:
    """ "did not deny", "refused to confirm", "stopped short of calling": no act is performed."""
    if head is None:
        return False
    if any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never") for c in head.children):
        return True
    up = head.head
    return (
        head.dep_ in ("xcomp", "pcomp", "pobj")
        and up.i != head.i
        and (up.lemma_.lower() in REFUSALS or any(c.dep_ == "neg" for c in up.children))
    )


def rule_act(doc: Doc, cue: list[CharSpan], content: list[CharSpan], lang: str) -> str:
    """What the rules alone say for a cue and content given by span (used where no `Attribution`
    was found by the finder, e.g. hand-labelled data): the lexicon act refined by `refine_act`."""
    head = cue_head(doc_index.tokens_in(doc, cue))
    base = lexicon_act(head, lang) or "claim"
    text = doc_index.text(doc)
    spans = [*cue, *content]
    att = Attribution(
        start=min(a for a, _ in spans),
        end=max(b for _, b in spans),
        act=base,
        direct=bool(content) and text[max(0, content[0][0] - 1) : content[0][0] + 1].strip()[:1] in QUOTES,
        speaker=None,
        cue=list(cue),
        content=list(content),
        cue_lemma=head.lemma_.lower() if head is not None else "",
        # "не исключают": the Russian negation particle on the cue
        negated=cue_negated(head) or (head is not None and any(c.lower_ == "не" for c in head.children)),
    )
    if lang.split("-")[0] == "ru":
        att.act = refine_act(doc, att, lang)
        return russian_act(doc, att)
    return refine_act(doc, att, lang)


# -- Russian ---------------------------------------------------------------------------------

# What an apology can be for and still take words back: something said or published, or a mistake.
_RU_SPOKEN = set(
    "слово высказывание заявление фраза оговорка ошибка неточность формулировка выражение пост публикация "
    "статья сообщение материал комментарий шутка".split()
)
_RU_RULE_OUT = {"исключать", "исключить"}


def russian_act(doc: Doc, att: Attribution) -> str:
    """Russian act rules on top of the cue lexicon and `refine_act` (no classifier: it was trained
    on English). They read what the cue word alone cannot:

    - "не исключает, что X": not ruling X out asserts that X may be so (a claim), where any other
      negated cue performs no act;
    - "извинился за задержку": an apology is a retraction only when it is for something said or
      published, or a mistake ("за резкие высказывания", "за оговорку"), or names no cause;
    - «Я не подписывал этот приказ», — заявил X: a quoted first-person negation of one's own past
      action answers an accusation, a denial.
    """
    act = att.act
    head = cue_head(doc_index.tokens_in(doc, att.cue))
    lemma = head.lemma_.lower() if head is not None else att.cue_lemma
    if att.negated:
        return "claim" if lemma in _RU_RULE_OUT else act
    if lemma in ("извиниться", "извиняться") and act == "retract" and head is not None:
        causes = [c for c in head.children if c.dep_ in ("obl", "nmod") and _ru_case(c) == "за"]
        if causes and not any(c.lemma_.lower() in _RU_SPOKEN for c in causes):
            return "other"
        return act
    if act == "claim" and att.direct and att.content:
        span = doc.char_span(*att.content[0], alignment_mode="expand")
        if span is not None and _ru_own_past_negated(span.root):
            return "deny"
    return act


def _ru_case(tok: Token) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), "")


def _ru_own_past_negated(root: Token) -> bool:
    """ "Я не подписывал", "Мы этого не говорили": a past-tense verb with a first-person subject
    and "не" on it."""
    if root.pos_ not in ("VERB", "AUX") or "Past" not in root.morph.get("Tense"):
        return False
    negated = any(c.lower_ == "не" for c in root.children)
    first = any(c.dep_ in ("nsubj", "nsubj:pass") and c.lower_ in ("я", "мы") for c in root.children)
    return negated and first


def features(doc: Doc, cue: list[CharSpan], content: list[CharSpan], rule: str, lang: str = "en") -> list[str]:
    """Sparse binary features of one attribution (names only; a name present means value 1)."""
    cue_toks = doc_index.tokens_in(doc, cue)
    head = cue_head(cue_toks)
    lemma = head.lemma_.lower() if head is not None else ""
    lex = lexicon_act(head, lang) or "none"
    neg = cue_negated(head)
    feats = [f"rule={rule}", f"lex={lex}", f"lemma={lemma}"]
    feats += sorted({f"cw={t.lemma_.lower()}" for t in cue_toks if not t.is_punct and t.i != getattr(head, "i", -1)})
    if neg:
        feats += ["cue_neg", f"cue_neg&lex={lex}"]
    if head is not None:
        if head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children):
            feats.append("cue_passive")  # "was asked", "were rejected": the speaker is the object
        if head.pos_ == "NOUN":
            feats.append("cue_noun")
        # "urged X to ...", "asked the crowd to welcome": an infinitive governed by the cue
        if any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in head.children):
            feats.append("cue_xcomp_to")
        if any(c.dep_ in ("dobj", "obj") for c in head.children):
            feats.append("cue_object")
    con = doc_index.tokens_in(doc, content)
    if not con:
        feats.append("no_content")
        return feats
    words = [t.lower_ for t in con]
    first = words[0] if words[0] not in QUOTES else (words[1] if len(words) > 1 else "")
    if first in ("to", "that", "whether", "if", "how", "what", "why", "who", "when"):
        feats.append(f"first={first}")
    # `doc.text` is rebuilt from every token on each read: once per document, not per span.
    full = doc_index.text(doc)
    text = " ".join(full[a:b] for a, b in content)
    if text.lstrip()[:1] in QUOTES or full[max(0, content[0][0] - 1) : content[0][0]] in QUOTES:
        feats.append("direct")
    n = len(con)
    feats.append("len<=3" if n <= 3 else "len<=10" if n <= 10 else "len>10")
    wset = set(words)
    lemmas = {t.lemma_.lower() for t in con}
    if wset & MODALS:
        feats.append("modal")
    if wset & FIRST:
        feats.append("first_person")
    if wset & NEGATORS:
        feats.append("content_neg")
    if (wset | lemmas) & DENIAL_WORDS:
        feats.append("denial_word")
    if (wset | lemmas) & HEDGES:
        feats.append("hedge")
    if "?" in text:
        feats.append("question")
    root = _root(con)
    if root is not None:
        if root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children):
            feats.append("imperative")
        if root.lemma_.lower() in lexicon.NO_COMMENT_LEMMAS:
            feats.append("root_comment")
    return feats


def _root(toks: list[Token]) -> Token | None:
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return roots[0] if roots else None


def decide(doc: Doc, att: Attribution, lang: str, model: ActModel | None = None) -> str:
    """The act of one attribution: the rule and the classifier combined as the model's mode says."""
    if att.act in ("confirm", "claim") and _admits_mistake(doc, att):
        # "admitted his mistake", "признал ошибку": owning up to one's own error retracts it
        return "retract"
    if att.act in ("claim", "deny") and _topic_only(doc, att):
        # "his words about the drones", "слова Гордона о дронах": what was spoken of, with
        # nothing asserted (or denied) about it that a ledger could check
        return "other"
    if lang.split("-")[0] == "ru" and att.cue:
        return russian_act(doc, att)
    if lang.split("-")[0] not in LANGS or not att.cue:
        return att.act
    model = model or load_model()
    if model is None or model.mode == "rules":
        return att.act
    if model.mode == "claim" and att.act != "claim":
        return att.act  # skip the features: `combine` keeps every act but the default in this mode
    act, p = model.predict(features(doc, att.cue, att.content, att.act, lang))
    return combine(att.act, act, p, model.threshold, model.mode)


_TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "о", "об", "обо", "про"})


_MISTAKE_NOUNS = frozenset({"mistake", "error", "ошибка", "оплошность", "оговорка"})
_ADMIT_CUES = frozenset({"admit", "acknowledge", "concede", "признать", "признавать"})


def _admits_mistake(doc: Doc, att: Attribution) -> bool:
    """The cue admits, and its content is a mistake ("admitted an error", "признал ошибку")."""
    if att.cue_lemma not in _ADMIT_CUES or not att.content or att.direct:
        return False
    span = doc.char_span(*att.content[0], alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.lemma_.lower() in _MISTAKE_NOUNS


def _topic_only(doc: Doc, att: Attribution) -> bool:
    """The content is a topic phrase ("about the drones") with no verb: no proposition."""
    if not att.content or att.direct or len(att.content) > 1:
        return False
    span = doc.char_span(*att.content[0], alignment_mode="expand")
    if span is None or not len(span):
        return False
    return span[0].lower_ in _TOPIC_PREPS and not any(t.pos_ in ("VERB", "AUX") for t in span)


def combine(rule: str, predicted: str, p: float, threshold: float, mode: str = DEFAULT_MODE) -> str:
    """The act given the rule's act and the classifier's (`predicted`, with probability `p`).

    - ``claim``: the rule's act unless it is the default `claim` and the classifier is confident
      (p >= threshold). The rules' other acts come from an explicit cue word or a reading of the
      content ("I would like the council to investigate" -> appeal); their `claim` is the fallback
      for every speech verb and holds most of their errors ("vowed", "asked whether").
    - ``any``: the classifier's act whenever it is confident, whatever the rule says.
    - ``classifier``: the classifier's act (the threshold is ignored).
    - ``rules``: the rule's act."""
    if mode == "claim":
        return predicted if rule == "claim" and p >= threshold else rule
    if mode == "any":
        return predicted if p >= threshold else rule
    if mode == "classifier":
        return predicted
    if mode == "rules":
        return rule
    raise ValueError(f"unknown act combination mode {mode!r} (expected one of {MODES})")
