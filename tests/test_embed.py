"""The numpy all-MiniLM-L6-v2 encoder against vectors recorded once from sentence-transformers.

``fixtures/embed/reference_vectors.json`` holds invented sentences and the vectors the real
sentence-transformers model (torch) gave for them; its ``_recorded_with`` field says how they were
recorded. The encoder must match them, whatever the batch size, and refuse changed model files.
"""

from __future__ import annotations

import json
import math
import re
import struct
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from newsprism.align import embed
from newsprism.align.embed import (
    DIMENSION,
    MAX_TOKENS,
    MODEL_SHA256,
    EmbeddingModelError,
    Encoder,
    _batches,
    load_encoder,
    model_dir,
)
from newsprism.align.embed.bert import gelu_
from newsprism.align.embed.safetensors import SafetensorsError, read_tensors
from newsprism.errors import NewsprismError, UsageError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "embed" / "reference_vectors.json"

Vectors = npt.NDArray[np.float32]


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return load_encoder()


@pytest.fixture(scope="module")
def ours(encoder: Encoder, reference: dict[str, Any]) -> Vectors:
    return encoder.encode(reference["sentences"])


def cosines(a: npt.NDArray[Any], b: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    return (a64 * b64).sum(axis=1) / np.linalg.norm(a64, axis=1) / np.linalg.norm(b64, axis=1)


# --- the reference check ------------------------------------------------------------------------


def test_reference_was_recorded_from_the_pinned_files(reference: dict[str, Any]) -> None:
    recorded = reference["_recorded_with"]
    assert recorded["model_safetensors_sha256"] == MODEL_SHA256["model.safetensors"]
    assert recorded["tokenizer_json_sha256"] == MODEL_SHA256["tokenizer.json"]
    assert recorded["max_seq_length"] == MAX_TOKENS
    assert np.asarray(reference["vectors"]).shape == (len(reference["sentences"]), DIMENSION)


def test_fixture_exercises_truncation(encoder: Encoder, reference: dict[str, Any]) -> None:
    # One sentence between the tokenizer.json default of 128 and 256 tokens, one cut at 256.
    lengths = [len(ids) for ids in encoder.token_ids(reference["sentences"])]
    assert any(128 < n < MAX_TOKENS for n in lengths)
    assert max(lengths) == MAX_TOKENS
    assert len(encoder.token_ids(["word " * 1000])[0]) == MAX_TOKENS


def test_matches_the_reference_within_1e3_cosine(ours: Vectors, reference: dict[str, Any]) -> None:
    similarity = cosines(ours, np.asarray(reference["vectors"]))
    worst = int(np.argmin(similarity))
    message = f"worst 1 - cosine {1 - similarity[worst]:.2e} on {reference['sentences'][worst][:60]!r}"
    assert similarity[worst] >= 1 - 1e-3, message
    # Much tighter in fact (~1e-7, the 6-decimal rounding of the fixture): a tanh GELU (3e-4) or a
    # similar near miss would still pass 1e-3, so guard the real margin too.
    assert similarity[worst] >= 1 - 1e-5, message


def test_vectors_are_unit_float32(ours: Vectors, reference: dict[str, Any]) -> None:
    assert ours.dtype == np.float32
    assert ours.shape == (len(reference["sentences"]), DIMENSION)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-6)


def test_batch_size_does_not_change_results(
    encoder: Encoder, reference: dict[str, Any], ours: Vectors
) -> None:
    # Batch 64: other batches and padding than ``ours`` (batch 16).
    assert np.abs(encoder.encode(reference["sentences"], batch_size=64) - ours).max() < 1e-5
    # Batch 1: no padding at all, for a 176-token sentence (padded to 256 in ``ours``), short ones and
    # the empty string (27: [CLS] [SEP] only).
    lengths = [len(ids) for ids in encoder.token_ids(reference["sentences"])]
    some = [lengths.index(max(n for n in lengths if n < MAX_TOKENS)), 0, 5, 15, 20, 25, 27]
    alone = encoder.encode([reference["sentences"][i] for i in some], batch_size=1)
    assert np.abs(alone - ours[some]).max() < 1e-5


def test_deterministic(encoder: Encoder, reference: dict[str, Any]) -> None:
    some = reference["sentences"][:12]
    assert np.array_equal(encoder.encode(some), encoder.encode(some))


def test_rows_come_back_in_the_order_given(
    encoder: Encoder, reference: dict[str, Any], ours: Vectors
) -> None:
    # Lengths differ, so sorting by length reorders these inside the call.
    some = reference["sentences"][:12]
    assert np.abs(encoder.encode(some[::-1], batch_size=4)[::-1] - ours[:12]).max() < 1e-5


def test_empty_input(encoder: Encoder) -> None:
    assert encoder.encode([]).shape == (0, DIMENSION)


def test_bad_arguments_are_refused(encoder: Encoder) -> None:
    with pytest.raises(UsageError, match="not one string"):
        encoder.encode("one sentence")
    with pytest.raises(UsageError, match="batch_size"):
        encoder.encode(["a"], batch_size=0)
    with pytest.raises(UsageError, match="not int"):
        encoder.encode(["a", 3])  # type: ignore[list-item]


# --- meaning ------------------------------------------------------------------------------------


def test_translations_and_paraphrases_score_high(ours: Vectors, reference: dict[str, Any]) -> None:
    for i, j in reference["similar_pairs"]:
        assert float(ours[i] @ ours[j]) > 0.7, (reference["sentences"][i], reference["sentences"][j])


def test_unrelated_sentences_score_low(ours: Vectors, reference: dict[str, Any]) -> None:
    for i, j in reference["unrelated_pairs"]:
        assert float(ours[i] @ ours[j]) < 0.3, (reference["sentences"][i], reference["sentences"][j])


# --- the model files ----------------------------------------------------------------------------


def test_load_encoder_is_cached_per_process() -> None:
    assert load_encoder() is load_encoder()


def _copy_model(tmp_path: Path, tampered: str = "") -> Path:
    """The pinned files in a new folder: links to the installed ones, or a copy with one bit flipped."""
    folder = tmp_path / "model"
    folder.mkdir()
    for name in MODEL_SHA256:
        if name == tampered:
            data = bytearray((model_dir() / name).read_bytes())
            data[len(data) // 2] ^= 0x01  # same size, one bit changed
            (folder / name).write_bytes(bytes(data))
        else:
            (folder / name).symlink_to(model_dir() / name)
    return folder


def test_an_untouched_copy_loads(tmp_path: Path, reference: dict[str, Any]) -> None:
    copy = Encoder.from_dir(_copy_model(tmp_path))
    assert np.array_equal(
        copy.encode(reference["sentences"][:3]), load_encoder().encode(reference["sentences"][:3])
    )


@pytest.mark.parametrize("name", sorted(MODEL_SHA256))
def test_a_tampered_model_file_is_refused(tmp_path: Path, name: str) -> None:
    folder = _copy_model(tmp_path, tampered=name)
    with pytest.raises(EmbeddingModelError, match=rf"{re.escape(name)}: SHA-256 .* differs from the pinned"):
        Encoder.from_dir(folder)


def test_a_missing_model_file_is_named(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    (folder / "tokenizer.json").unlink()
    with pytest.raises(EmbeddingModelError, match=r"tokenizer\.json: cannot read model file"):
        Encoder.from_dir(folder)


def test_a_missing_package_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "MODEL_PACKAGE", "newsprism_test_no_such_model_package")
    with pytest.raises(EmbeddingModelError, match=r"requirements-models\.txt"):
        model_dir()
    assert issubclass(EmbeddingModelError, NewsprismError)


# --- building blocks ----------------------------------------------------------------------------


def test_gelu_is_the_exact_erf_form() -> None:
    x = np.linspace(-12.0, 12.0, 300 * 64, dtype=np.float32).reshape(300, 64)  # ends in a partial block
    exact = np.array([v * 0.5 * (1.0 + math.erf(v / math.sqrt(2.0))) for v in x.ravel().tolist()])
    got = gelu_(x.copy()).ravel()
    assert np.abs(got - exact).max() < 3e-7 * 4  # A&S 7.1.26 erf plus float32 rounding
    tanh_form = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))
    assert np.abs(tanh_form.ravel() - exact).max() > 1e-4  # the approximation the model must not use


def test_batches_are_sorted_capped_and_split_where_length_halves() -> None:
    ids = [[0] * n for n in (5, 40, 300, 12, 39, 41, 11, 6)]
    assert _batches(ids, 3) == [[2], [5, 1, 4], [3, 6, 7], [0]]
    assert _batches([], 16) == []


def _safetensors(tensors: dict[str, np.ndarray], codes: dict[str, str]) -> bytes:
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    blobs, offset = [], 0
    for name, array in tensors.items():
        raw = array.astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {
            "dtype": codes[name],
            "shape": list(array.shape),
            "data_offsets": [offset, offset + len(raw)],
        }
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def test_safetensors_reader_round_trip_and_skips_unrequested_tensors() -> None:
    weight = np.arange(12, dtype=np.float32).reshape(3, 4) / 7
    ids = np.arange(5, dtype=np.int64)[None, :]
    data = _safetensors({"position_ids": ids, "w": weight}, {"position_ids": "I64", "w": "F32"})
    tensors = read_tensors(data, ["w"])
    assert list(tensors) == ["w"]
    assert tensors["w"].flags.writeable and np.array_equal(tensors["w"], weight)
    assert np.array_equal(read_tensors(data, ["position_ids"])["position_ids"], ids)


def test_safetensors_reader_refuses_malformed_files() -> None:
    data = _safetensors({"w": np.zeros(4, np.float32)}, {"w": "F32"})
    with pytest.raises(SafetensorsError, match="'v' is missing"):
        read_tensors(data, ["v"])
    with pytest.raises(SafetensorsError, match="do not fit"):
        read_tensors(data[:-4], ["w"])
    with pytest.raises(SafetensorsError, match="exceeds the file"):
        read_tensors(data[:20], ["w"])
    with pytest.raises(SafetensorsError, match="shorter than"):
        read_tensors(b"\0", ["w"])
    with pytest.raises(SafetensorsError, match="unsupported dtype"):
        read_tensors(_safetensors({"w": np.zeros(4, np.float32)}, {"w": "X9"}), ["w"])
