"""Bytes to text: refuse binary data, decode UTF-8 or a detected legacy encoding."""
from __future__ import annotations

from ..errors import InputError

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b in _CONTROL)
    return control / len(sample) > 0.05


def decode(data: bytes) -> str:
    """Decode bytes to str, or raise InputError(binary|encoding)."""
    if looks_binary(data):
        raise InputError("binary", "binary data (NUL or control bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Legacy encodings (cp1252, latin-1, gb2312...) are common in scraped news.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.chaos > 0.3:
        raise InputError("encoding", f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                                     "and no other encoding could be detected")
    return str(best)
