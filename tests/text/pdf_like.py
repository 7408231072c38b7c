"""Reports as PDF conversion gives them back: for the reflow and segmentation tests."""

from __future__ import annotations


def wrap_like_pdf(text: str, width: int = 35) -> str:
    """``text`` as ``pdftotext`` gives a Word export back.

    Each paragraph is indented by two full-width spaces and cut into lines as a
    page cuts them: ``width`` Chinese characters a line, an ASCII character
    taking half the room, wherever the cut falls (inside a name or a number
    too). A space at a cut ends the line rather than starting the next.
    """
    out: list[str] = []
    room = 2 * width
    for para in text.splitlines():
        para = para.strip()
        if not para:
            out.append("")
            continue
        line, used = "", 0
        for c in "\u3000\u3000" + para:
            w = 1 if c.isascii() else 2
            if used + w > room and not c.isspace():
                out.append(line)
                line, used = "", 0
            line += c
            used += w
        out.append(line)
    return "\n".join(out) + "\n"
