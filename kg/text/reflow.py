"""Join the line breaks that PDF conversion leaves inside sentences.

Text taken from a PDF keeps the page's lines: a sentence runs on over lines
of about the same width, and a name can be cut in two (开阳县司法 / 局). A
reader sees one sentence, and the rules must see it too. ``reflow`` finds
those soft breaks and gives the text without them, with a map from its
offsets back to the text as read: every offset kg reports still indexes
``Document.text`` (offsets index the original text, never a cleaned copy).

A line break is soft, and removed with the white space around it, when

- the text is wrapped: at least three lines, and a third of the non-blank
  lines, lie within 10 % of the page width (the 90th percentile of the line
  widths, at least 20 Chinese characters). Text with one paragraph per line
  has no such cluster and is never changed;
- the line before it is full (85 % of the page width or more) and does not
  end a sentence (。！？；!?; possibly followed by closing quotes or
  brackets: the marks that end a sentence in ``kg.text.segment``, so a
  break either is joined or falls where a sentence ends anyway). Headings
  and list items stay on their own lines because they are short;
- the line after it continues the sentence: it is not blank, not indented
  beyond the text's usual margin nor by a full-width space (both open a
  new paragraph), and does not open a heading or list item (一、 （一） 1.
  第一条 ●), unless the line before left a quote or bracket open
  (推行“多评合 / 一、联合评审”).

Widths count a Chinese character as two columns and ASCII as one, as on a
page. Between two ASCII letters the break becomes a space (a wrapped
English word pair); elsewhere it is removed, since Chinese has no spaces.

The extraction stages compute offsets from sentence text, so they run on
``reflow_document(doc).document``, whose text is the joined text and where
the two agree; ``ReflowedDocument.restore`` then turns every offset of the
result back into one of the text as read.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.model import Document, DocumentExtraction, Entity, Mention, Relation, Sentence

_BREAK = re.compile(r"\r\n|\n|\r")
_FINAL = frozenset("。！？；!?;")  # where kg.text.segment ends a sentence
_CLOSERS = "”’」』）)]】〕\"'"
_ITEM = re.compile(
    r"[一二三四五六七八九十百]+[、.．]"
    r"|[（(〔【][一二三四五六七八九十百\d]+[）)〕】]"
    r"|\d+[、.．](?!\d)"
    r"|第[一二三四五六七八九十百千\d]+[章节条款部分篇]"
    r"|[①-⑳⑴-⒇●○■□◆◇▲△★☆•]"
)
_INDENT = " \t\u3000\u00a0\x0c"
_MIN_WIDTH = 40  # columns: 20 Chinese characters
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _width(s: str) -> int:
    """Columns of ``s`` on a page: two for a wide character, one for ASCII; form feeds take none."""
    return 2 * len(s) - len(s.encode("ascii", "ignore")) - s.count("\x0c")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # first character
    end: int  # after the last character, before the line break
    indent: int  # characters of leading white space
    indent_width: int
    width: int  # columns, trailing white space left out
    blank: bool


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    ends = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    ends.append((len(text), len(text)))
    for end, nxt in ends:
        line = text[pos:end]
        body = line.rstrip()
        lead = len(body) - len(body.lstrip(_INDENT))
        out.append(_Line(pos, end, lead, _width(body[:lead]), _width(body), not body.strip()))
        pos = nxt
        if nxt == len(text):
            break
    return out


def _page_width(lines: list[_Line]) -> int | None:
    widths = sorted(ln.width for ln in lines if not ln.blank)
    n = len(widths)
    if n < 3:
        return None
    page = widths[math.ceil(0.9 * n) - 1]
    if page < _MIN_WIDTH:
        return None
    band = sum(1 for w in widths if 0.9 * page <= w <= 1.1 * page)
    return page if band >= 3 and 3 * band >= n else None


def _margin(lines: list[_Line]) -> int:
    """The indentation most non-blank lines share (the page's left margin in ``pdftotext -layout``)."""
    counts: dict[int, int] = {}
    for ln in lines:
        if not ln.blank:
            counts[ln.indent_width] = counts.get(ln.indent_width, 0) + 1
    return min(counts, key=lambda w: (-counts[w], w)) if counts else 0


def _ends_sentence(line: str) -> bool:
    body = line.rstrip().rstrip(_CLOSERS)
    return not body or body[-1] in _FINAL


_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("「", "」"), ("【", "】"))


def _left_open(line: str) -> bool:
    """True when the line's last clause opened a quote or bracket it did not close (推行“多评合)."""
    tail = _last_clause(line)
    return any(tail.count(a) > tail.count(b) for a, b in _PAIRS)


def _last_clause(line: str) -> str:
    cut = max(line.rfind(c) for c in _FINAL)
    return line[cut + 1 :]


def soft_breaks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of each soft line break: ``text[start:end]`` becomes ``replacement``."""
    lines = _lines(text)
    page = _page_width(lines)
    if page is None:
        return []
    margin = _margin(lines)
    out: list[tuple[int, int, str]] = []
    for a, b in zip(lines, lines[1:], strict=False):
        if a.blank or b.blank or a.width < 0.85 * page or b.indent_width > margin:
            continue
        if text[b.start] == "\u3000":
            continue  # full-width indentation opens a paragraph, never continues one
        before = text[a.start : a.end].rstrip()
        after = text[b.start + b.indent : b.end]
        if _ends_sentence(before) or (_ITEM.match(after) and not _left_open(before)):
            continue
        cut = a.start + len(before)
        both_letters = _ASCII_LETTER.match(before[-1]) and _ASCII_LETTER.match(after[0])
        out.append((cut, b.start + b.indent, " " if both_letters else ""))
    return out


@dataclass(frozen=True, slots=True)
class Reflow:
    """A text with its soft line breaks joined, and the way back to the text as read.

    ``text`` is the joined text; ``raw_start(i)`` and ``raw_end(j)`` turn a
    span ``[i, j)`` of it into the span of the raw text that holds the same
    characters (the removed breaks inside it included).
    """

    raw: str
    text: str
    edits: tuple[tuple[int, int, int, int], ...] = ()  # (clean start, clean end, raw start, raw end)
    _starts: tuple[int, ...] = ()  # clean start of each edit, for bisect

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def _edit_before(self, i: int) -> int:
        """Index of the last edit whose clean start is <= i, or -1."""
        return bisect_right(self._starts, i) - 1

    def raw_start(self, i: int) -> int:
        """Raw offset of the character at clean offset ``i`` (or of the end, for ``len(text)``)."""
        k = self._edit_before(i)
        if k < 0:
            return i
        c0, c1, r0, r1 = self.edits[k]
        if i < c1:
            return r0  # inside a replacement: it stands for the whole raw break
        return r1 + (i - c1)

    def raw_end(self, j: int) -> int:
        """Raw offset just after the character before clean offset ``j``."""
        if j <= 0:
            return 0
        k = self._edit_before(j - 1)
        if k >= 0:
            c0, c1, r0, r1 = self.edits[k]
            if j - 1 < c1:
                return r1
        return self.raw_start(j - 1) + 1

    def sentence(self, s: Sentence) -> Sentence:
        """``s`` of the joined text as a sentence of the raw text: raw offsets, the joined text."""
        return replace(s, start=self.raw_start(s.start), end=self.raw_end(s.end))

    def mention(self, m: Mention) -> Mention:
        """``m`` of the joined text as a mention of the raw text; ``text`` is the raw span."""
        start, end = self.raw_start(m.start), self.raw_end(m.end)
        return replace(m, start=start, end=end, text=self.raw[start:end])

    def relation(self, r: Relation) -> Relation:
        return replace(r, start=self.raw_start(r.start), end=self.raw_end(r.end))


_MAX_PASSES = 20


@lru_cache(maxsize=8)  # extraction reflows a report, then segments the result, which reflows it again
def reflow(text: str) -> Reflow:
    """``text`` with its soft line breaks joined (the same text when it has none).

    Joining lines changes the widths the next look at the text sees, so the
    search is repeated on the joined text until it finds no more (in
    practice once): the result has no soft break left, so reflowing it
    again changes nothing, and stages that segment an already reflowed
    document get the same sentences.
    """
    breaks = soft_breaks(text)
    flow = _apply(text, breaks)
    for _ in range(_MAX_PASSES):
        more = soft_breaks(flow.text)
        if not more:
            break
        # spans of the joined text back in raw offsets: line ends and breaks, never a joined break
        breaks = sorted(breaks + [(flow.raw_start(a), flow.raw_start(b), r) for a, b, r in more])
        flow = _apply(text, breaks)
    return flow


def _apply(text: str, breaks: list[tuple[int, int, str]]) -> Reflow:
    if not breaks:
        return Reflow(text, text)
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pos = clean = 0
    for start, end, repl in breaks:
        parts.append(text[pos:start])
        clean += start - pos
        parts.append(repl)
        edits.append((clean, clean + len(repl), start, end))
        clean += len(repl)
        pos = end
    parts.append(text[pos:])
    return Reflow(text, "".join(parts), tuple(edits), tuple(e[0] for e in edits))


@dataclass(frozen=True, slots=True)
class ReflowedDocument:
    """A document as a reader sees it, for the extraction stages, and the way back.

    The stages run on ``document`` (same id, path and hash, joined text);
    ``restore`` turns their result into one about ``original``: every
    offset into the raw text, every mention's ``text`` its raw span, each
    sentence's ``text`` the joined sentence.
    """

    original: Document
    document: Document
    flow: Reflow

    def restore(self, ex: DocumentExtraction) -> DocumentExtraction:
        if not self.flow.changed:
            return ex
        mentions = {m: self.flow.mention(m) for m in ex.mentions}

        def entity(e: Entity) -> Entity:
            return replace(e, mentions=tuple(mentions.get(m) or self.flow.mention(m) for m in e.mentions))

        return DocumentExtraction(
            document=self.original,
            info=ex.info,
            sentences=[self.flow.sentence(s) for s in ex.sentences],
            mentions=[mentions[m] for m in ex.mentions],
            entities=[entity(e) for e in ex.entities],
            relations=[self.flow.relation(r) for r in ex.relations],
            author_key=ex.author_key,
            coauthor_keys=ex.coauthor_keys,
        )


def reflow_document(doc: Document) -> ReflowedDocument:
    """``doc`` with its soft line breaks joined; ``document is original`` when it has none."""
    flow = reflow(doc.text)
    if not flow.changed:
        return ReflowedDocument(doc, doc, flow)
    return ReflowedDocument(doc, replace(doc, text=flow.text), flow)
