"""The text of a PDF report, read with pypdf (pure Python, no system library).

pypdf gives each page's text line by line, as laid out on the page; the
line breaks inside sentences are joined later by ``kg.text.reflow``, like
those of any text converted from PDF. A PDF whose text cannot be taken out
is refused with a message saying how to convert it: a scan holds no text
at all, and some fonts carry no map from glyphs to characters, which gives
private-use characters instead of Chinese.
"""

from __future__ import annotations

import io
import logging
import re

from kg.errors import InputError

# pypdf reports every oddity of a damaged file through logging; kg says what
# matters itself, in one line, so the user does not see pypdf's warnings.
logging.getLogger("pypdf").setLevel(logging.ERROR)


# glyph numbers instead of characters: control codes, private use, replacement character
_UNMAPPED = re.compile("[\x00-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def pdf_to_text(data: bytes, name: str) -> str:
    """The text of every page, pages separated by a line break."""
    # pypdf loads only when a PDF is read: most corpora are text
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError.pdf_locked(name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except DependencyError:
        raise InputError.not_pdf(name, "it is encrypted with AES") from None
    except Exception as e:  # a damaged PDF can make pypdf raise almost anything
        raise InputError.not_pdf(name, str(e) or type(e).__name__) from None
    text = "\n".join(p.rstrip() for p in pages)
    if not text.strip():
        raise InputError.pdf_without_text(name)
    letters = [c for c in text if not c.isspace()]
    unmapped = sum(1 for c in letters if _UNMAPPED.match(c))
    if unmapped > len(letters) // 10:
        raise InputError.not_pdf(name, "its fonts do not say which characters they draw")
    return text + "\n"
