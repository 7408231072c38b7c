"""Find report files and decode them into Documents.

Reports come as UTF-8 (with or without BOM), UTF-16, GBK/GB18030, or as web
pages saved from a browser. All of these are read; input that holds no text
(empty, binary, undecodable) raises ``InputError`` naming the file. The
offsets of every later stage index ``Document.text``: the decoded text, or,
for a saved HTML page, the text of the page with the markup removed.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.model import Document

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>])", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def find_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of report files.

    A folder contributes every ``*.txt`` below it; a file is taken whatever
    its suffix. Raises InputError for a path that does not exist or a folder
    without reports.
    """
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(q for q in p.rglob("*.txt") if q.is_file())
            if not files:
                raise InputError.no_reports(str(p))
            found.extend(files)
        elif p.is_file():
            found.append(p)
        else:
            raise InputError.missing(str(p))
    unique: dict[Path, None] = {}
    for f in found:
        unique.setdefault(f.resolve(), None)
    return sorted(unique, key=lambda q: (q.stem, str(q)))


def read_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Read every report below ``paths``, sorted by id; ids must be unique."""
    docs: list[Document] = []
    seen: dict[str, str] = {}
    for f in find_inputs(paths):
        doc = read_document(f)
        if doc.id in seen:
            raise InputError.duplicate_id(doc.id, seen[doc.id], str(f))
        seen[doc.id] = str(f)
        docs.append(doc)
    return sorted(docs, key=lambda d: d.id)


def read_document(path: str | Path) -> Document:
    """Read one report file; its id is the file stem."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError.missing(str(p)) from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a report file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    text, encoding = decode_bytes(data, str(p))
    return Document(
        id=p.stem, path=str(p), text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding
    )


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Decode report bytes into text; return (text, encoding).

    Raises InputError for empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError.empty(name)
    is_html = bool(_HTML_START.match(data[:4096].lstrip(codecs.BOM_UTF8)))
    text, encoding = _decode(data, name, html_hint=is_html)
    if not is_html and _looks_like_html(text):
        is_html = True
    if is_html:
        text = html_to_text(text)
        encoding = f"html/{encoding}"
    if not text.strip():
        raise InputError.empty(name)
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError.binary(name)
    return text, encoding


def _decode(data: bytes, name: str, html_hint: bool) -> tuple[str, str]:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError:
                raise InputError.undecodable(name) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise InputError.binary(name)
    candidates = ["utf-8", "gb18030"]
    if html_hint:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            declared = "gb18030" if declared in {"gb2312", "gbk", "gb18030", "x-gbk"} else declared
            try:
                codecs.lookup(declared)
                candidates.insert(0, declared)
            except LookupError:
                pass
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "gb18030" and not _plausible_gb(text):
            break
        return text, codec
    if _binary_ratio(data) > 0.1:
        raise InputError.binary(name)
    raise InputError.undecodable(name)


def _utf16_without_bom(data: bytes) -> str | None:
    """Detect BOM-less UTF-16: UTF-8 and GB text never hold NUL bytes, UTF-16 nearly always does."""
    if b"\x00" not in data or len(data) % 2:
        return None
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = sum(1 for c in text if _readable(c)) / max(1, len(text))
        if score > best_score:
            best, best_score = codec, score
    return best if best_score > 0.9 else None


def _readable(c: str) -> bool:
    return c.isprintable() or c in "\r\n\t" or "\u4e00" <= c <= "\u9fff"


def _plausible_gb(text: str) -> bool:
    """GB18030 decodes almost any bytes; accept it only when most letters are common CJK."""
    letters = [c for c in text if not c.isspace() and not c.isascii()]
    if not letters:
        return True
    cjk = sum(
        1
        for c in letters
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return cjk / len(letters) > 0.9


def _binary_ratio(data: bytes) -> float:
    sample = data[:4096]
    bad = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bad / len(sample)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return ("<html" in head or "<!doctype html" in head) and "</" in text


class _TextExtractor(HTMLParser):
    """Collect the visible text of a page, one block element per line."""

    _BLOCKS = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
        "section",
        "article",
        "table",
    }
    _SKIP = {"script", "style", "noscript", "template", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title or not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML page, blocks on their own lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of text, without the line break."""
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)
