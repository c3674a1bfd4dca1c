"""The shared shape of every ``newsprism eval`` command: its name, one line of purpose, examples and
``--corpus``. Each evaluation module adds its own options and runs under ``newsprism eval NAME`` (or
``python -m newsprism.eval.MODULE``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

__all__ = ["DEFAULT_CORPUS", "eval_parser"]

DEFAULT_CORPUS = Path("../shared/corpus")


def eval_parser(name: str, description: str, examples: Sequence[str]) -> argparse.ArgumentParser:
    """An argument parser for ``newsprism eval NAME`` with ``--corpus`` and an ``Example:`` epilog."""
    parser = argparse.ArgumentParser(
        prog=f"newsprism eval {name}",
        description=description,
        epilog="Example:\n" + "\n".join(f"  {example}" for example in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"the shared corpus folder (default {DEFAULT_CORPUS})",
    )
    return parser
