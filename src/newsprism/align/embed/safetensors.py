"""A minimal reader for the safetensors format, so the ``safetensors`` package is not needed.

A safetensors file is an 8-byte little-endian header length ``N``, then ``N`` bytes of JSON mapping
each tensor name to ``{"dtype", "shape", "data_offsets": [begin, end]}`` (offsets relative to the end
of the header), an optional ``"__metadata__"`` entry, then the raw little-endian tensor bytes.
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Iterable

import numpy as np

from newsprism.errors import NewsprismError

DTYPES = {
    "F64": "<f8",
    "F32": "<f4",
    "F16": "<f2",
    "I64": "<i8",
    "I32": "<i4",
    "I16": "<i2",
    "I8": "i1",
    "U8": "u1",
    "BOOL": "?",
}

#: Refuse headers larger than this: the format's own limit is 100 MB, real ones are a few kB.
MAX_HEADER_BYTES = 100_000_000


class SafetensorsError(NewsprismError):
    """The bytes are not a well-formed safetensors file, or lack a requested tensor."""


def read_header(data: bytes) -> tuple[dict[str, dict[str, object]], int]:
    """The header's tensor entries (without ``__metadata__``) and the offset where tensor data starts."""
    if len(data) < 8:
        raise SafetensorsError("file shorter than the 8-byte header length")
    (length,) = struct.unpack("<Q", data[:8])
    if length > min(MAX_HEADER_BYTES, len(data) - 8):
        raise SafetensorsError(f"header length {length} exceeds the file")
    try:
        header = json.loads(data[8 : 8 + length])
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SafetensorsError(f"header is not JSON ({error})") from error
    if not isinstance(header, dict):
        raise SafetensorsError("header is not a JSON object")
    header.pop("__metadata__", None)
    return header, 8 + length


def read_tensors(data: bytes, names: Iterable[str]) -> dict[str, np.ndarray]:
    """Copies of the named tensors, as numpy arrays in native byte order; other tensors are skipped.

    Only the requested tensors are read, so an unneeded one (an int64 ``position_ids`` buffer, say)
    costs nothing. The arrays are copies: they do not keep ``data`` alive.
    """
    header, start = read_header(data)
    tensors = {}
    for name in names:
        entry = header.get(name)
        if not isinstance(entry, dict):
            raise SafetensorsError(f"tensor {name!r} is missing")
        dtype_name, shape, offsets = entry.get("dtype"), entry.get("shape"), entry.get("data_offsets")
        if dtype_name not in DTYPES:
            raise SafetensorsError(f"tensor {name!r}: unsupported dtype {dtype_name!r}")
        if not (isinstance(shape, list) and all(isinstance(d, int) and d >= 0 for d in shape)):
            raise SafetensorsError(f"tensor {name!r}: bad shape {shape!r}")
        if not (isinstance(offsets, list) and len(offsets) == 2 and all(isinstance(o, int) for o in offsets)):
            raise SafetensorsError(f"tensor {name!r}: bad data_offsets {offsets!r}")
        dtype = np.dtype(DTYPES[str(dtype_name)])
        begin, end = offsets
        count = math.prod(shape)
        if not 0 <= begin <= end <= len(data) - start or end - begin != count * dtype.itemsize:
            raise SafetensorsError(f"tensor {name!r}: data_offsets {offsets} do not fit shape {shape}")
        array = np.frombuffer(data, dtype=dtype, count=count, offset=start + begin).reshape(shape)
        tensors[name] = array.astype(dtype.newbyteorder("="), copy=True)
    return tensors
