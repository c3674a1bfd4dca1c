"""The spaCy model loads only from the installed package, and only when its files match the pins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsprism.extract.nlp import MODEL_SHA256, ModelError, load, model_dir, verify_model


def test_installed_model_matches_every_pinned_hash() -> None:
    verify_model(model_dir())


def test_a_changed_model_file_refuses_to_load(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    with (copy / "ner" / "model").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelError, match=r"ner/model: SHA-256 .* differs from the pinned"):
        verify_model(copy)


def test_a_missing_model_file_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_dir(), copy)
    (copy / "tokenizer").unlink()
    with pytest.raises(ModelError, match="tokenizer: cannot read model file"):
        verify_model(copy)


def test_every_file_spacy_reads_is_pinned() -> None:
    folder = model_dir()
    # Licence, README and accuracy notes sit beside the model; spaCy reads everything else.
    documentation = {"LICENSE", "LICENSES_SOURCES", "README.md", "accuracy.json"}
    read_by_spacy = {
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name not in documentation
    }
    assert read_by_spacy == set(MODEL_SHA256)


def test_load_is_cached_per_process() -> None:
    assert load() is load()
    assert "ner" in load().pipe_names
