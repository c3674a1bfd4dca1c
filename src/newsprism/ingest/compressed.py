"""Gzip streams, read lazily and with a bound, noticing truncation instead of failing on it.

:class:`GzipReader` is a minimal binary stream over the decompressed bytes of a (multi-member)
gzip stream. When the compressed bytes end inside a member it stops there and sets ``truncated``,
so a reader can keep what came before. Corrupt data raises :class:`DecodeError`.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from newsprism.errors import DecodeError, InputTooLargeError

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


class GzipReader(io.RawIOBase):
    def __init__(self, raw: BinaryIO, source: str) -> None:
        super().__init__()
        self._raw = raw
        self._source = source
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed bytes not yet fed to the inflater
        self._buffer = b""  # decompressed bytes not yet returned
        self._in_member = False
        self._done = False
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        size = len(target)
        while not self._buffer and not self._done:
            self._fill()
        chunk, self._buffer = self._buffer[:size], self._buffer[size:]
        target[: len(chunk)] = chunk
        return len(chunk)

    def _fill(self) -> None:
        if not self._pending:
            self._pending = self._raw.read(_CHUNK)
            if not self._pending:
                self.truncated = self._in_member
                self._done = True
                return
        if not self._in_member:
            if self._pending.strip(b"\x00") == b"":  # padding after the last member
                self._pending = b""
                return
            self._inflater = zlib.decompressobj(wbits=31)
            self._in_member = True
        try:
            self._buffer = self._inflater.decompress(self._pending, _CHUNK)
        except zlib.error as error:
            raise DecodeError(self._source, f"corrupt gzip stream ({error})") from None
        self._pending = self._inflater.unconsumed_tail or self._inflater.unused_data
        if self._inflater.eof:
            self._in_member = False


def read_bounded(stream: BinaryIO, source: str, max_bytes: int, what: str = "input") -> bytes:
    """All bytes of ``stream``; raises :class:`InputTooLargeError` past ``max_bytes``."""
    chunks, size = [], 0
    while size <= max_bytes:
        chunk = stream.read(min(max_bytes + 1 - size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    data = b"".join(chunks)
    if size > max_bytes:
        raise InputTooLargeError(source, f"{what} too large (over {format_size(max_bytes)})")
    return data


def format_size(size: int) -> str:
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"
