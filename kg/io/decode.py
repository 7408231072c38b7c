"""Turn the bytes of a text report into text: which encoding is it in?

Reports come as UTF-8 (with or without BOM), UTF-16 (with a BOM, or without
one when saved by some Windows tools), or GBK/GB18030. The order of the
tests matters:

1. a BOM names the encoding;
2. NUL bytes mean UTF-16 (UTF-8 and GB text never hold them); the byte
   order is the one whose text reads as text;
3. UTF-8 is strict, so bytes that decode as UTF-8 are UTF-8 (GB bytes of a
   real report essentially never do);
4. GB18030 decodes almost any bytes, so it is accepted only when the text
   it gives is mostly Chinese.

A web page may declare its charset in a ``<meta>`` tag; that is tried first.
Bytes that fit none of these raise ``InputError`` naming the file.
"""

from __future__ import annotations

import codecs
import re

from kg.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_GB_NAMES = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)


def decode_text(data: bytes, name: str = "<input>", html: bool = False) -> tuple[str, str]:
    """Decode report bytes; return (text, encoding). ``html`` honours a ``<meta charset>``."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                raise InputError.undecodable(name) from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError.binary(name)
        return utf16
    candidates = ["utf-8", "gb18030"]
    declared = _declared_charset(data) if html else None
    if declared and declared not in candidates:
        candidates.insert(0, declared)
    for codec in candidates:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if codec == "gb18030" and codec != declared and not _plausible_gb(text):
            break
        return text, codec
    if _binary_ratio(data) > 0.1:
        raise InputError.binary(name)
    raise InputError.undecodable(name)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    declared = m.group(1).decode("ascii").lower()
    if declared in _GB_NAMES:
        return "gb18030"  # a superset of GB2312 and GBK: pages often declare the smaller one
    try:
        return codecs.lookup(declared).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: the byte order whose text reads as a report, if either does.

    The score is the share of characters a Chinese report is made of (ASCII,
    Chinese characters and punctuation). In the wrong byte order ASCII turns
    into other scripts or unassigned code points (a line break into U+0A00),
    so the right order scores higher; on a tie, the NUL bytes decide (ASCII
    puts them after the letter in little-endian).
    """
    if len(data) % 2:
        return None
    nul_odd = data[1::2].count(0)
    nul_even = data[0::2].count(0)
    order = ("utf-16-le", "utf-16-be") if nul_odd >= nul_even else ("utf-16-be", "utf-16-le")
    best: tuple[float, int, str, str] | None = None
    for rank, codec in enumerate(order):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = sum(1 for c in text if _typical(c)) / max(1, len(text))
        if best is None or (score, -rank) > (best[0], best[1]):
            best = (score, -rank, text, codec)
    if best is None or best[0] <= 0.9:
        return None
    return best[2], best[3]


def _typical(c: str) -> bool:
    return " " <= c <= "~" or c in "\t\n\r" or bool(_CHINESE_TEXT.match(c))


_CHINESE_TEXT = re.compile(
    "[\u00b7\u00d7\u2000-\u206f\u2100-\u24ff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def _plausible_gb(text: str) -> bool:
    """GB18030 decodes almost any bytes; accept it only when most non-ASCII letters are Chinese text."""
    letters = [c for c in text if not c.isspace() and not c.isascii()]
    if not letters:
        return True
    chinese = sum(1 for c in letters if _CHINESE_TEXT.match(c))
    return chinese / len(letters) > 0.9


def _binary_ratio(data: bytes) -> float:
    sample = data[:4096]
    bad = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bad / max(1, len(sample))
