"""A progress bar on stderr for long runs; silent when quiet or when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tqdm import tqdm


@contextmanager
def progress(label: str, quiet: bool, unit: str = " articles") -> Iterator[Callable[[str], None]]:
    # disable=None lets tqdm turn itself off when stderr is not a TTY, so logs of scripts stay clean.
    bar = tqdm(desc=label, unit=unit, disable=True if quiet else None, leave=False, dynamic_ncols=True)
    try:
        yield lambda _source: bar.update(1)
    finally:
        bar.close()
