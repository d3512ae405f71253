"""MinHash signatures, LSH band keys and estimated Jaccard similarity."""

from __future__ import annotations

import re

from claimledger.ingest.dedup import BANDS, PERMUTATIONS, band_keys, shingles, signature, similarity

BASE = (
    "The transport minister, Alan Verity, on Tuesday denied that the government had signed a secret "
    "agreement to lease the northern port to a foreign operator for forty-nine years. There is no deal "
    "and there never was, Verity told reporters in the capital, adding that the port would remain in "
    "public hands. Opposition deputies had claimed last week that the contract was signed in March and "
    "that the operator would take control of the container terminal before the end of the year. A "
    "spokesman for the port authority declined to comment, and the foreign operator did not reply to "
    "requests for comment sent by email on Monday and again on Tuesday morning."
)
OTHER = (
    "Heavy rain flooded several villages in the eastern valley overnight, and rescue teams evacuated "
    "more than two hundred residents to schools and sports halls, the emergencies ministry said. Roads "
    "to the regional centre were closed and power lines were cut in at least four districts, leaving "
    "thousands of homes without electricity as temperatures dropped below freezing on Thursday evening."
)


def exact_jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_signature_shape_and_determinism() -> None:
    sig = signature(BASE)
    assert len(sig) == PERMUTATIONS
    assert all(isinstance(v, int) and 0 <= v < 2**32 for v in sig)
    assert signature(BASE) == sig


def test_identical_and_retypeset_texts_match() -> None:
    retyped = re.sub(r"\s+", "\n", BASE.upper()).replace(",", " ,")
    assert similarity(signature(BASE), signature(BASE)) == 1.0
    assert similarity(signature(BASE), signature(retyped)) == 1.0


def test_near_copy_estimate_close_to_exact_jaccard() -> None:
    copy = BASE.replace("Tuesday denied", "Tuesday flatly denied") + " The story was updated at noon."
    estimate = similarity(signature(BASE), signature(copy))
    assert abs(estimate - exact_jaccard(BASE, copy)) < 0.12
    assert estimate > 0.7
    shared = set(band_keys(signature(BASE))) & set(band_keys(signature(copy)))
    assert shared


def test_unrelated_texts() -> None:
    assert similarity(signature(BASE), signature(OTHER)) < 0.1
    assert not set(band_keys(signature(BASE))) & set(band_keys(signature(OTHER)))


def test_band_keys_format() -> None:
    keys = band_keys(signature(BASE))
    assert len(keys) == BANDS
    assert [k.split(":")[1] for k in keys] == [str(i) for i in range(BANDS)]
    assert all(re.fullmatch(r"mh:\d+:[0-9a-f]{12}", k) for k in keys)


def test_short_and_empty_texts() -> None:
    assert similarity(signature("Port lease denied"), signature("port lease, denied!")) == 1.0
    assert band_keys(signature("")) == []
    assert band_keys(signature("Port lease denied"))
