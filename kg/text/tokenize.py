"""The only user of jieba: a private tokenizer with the domain dictionary.

jieba's global tokenizer is shared process state; kg builds its own
``jieba.Tokenizer`` once, adds the domain words to that instance only, and
silences jieba's start-up log. Tokens carry offsets into the text given.
jieba is imported when the first tokenizer is made, not with this module:
commands that never tokenize (``kg query``, ``kg stats``) do not pay for it.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING

from kg.data import lexicon

if TYPE_CHECKING:
    import jieba


def new_tokenizer() -> jieba.Tokenizer:
    """A fresh jieba tokenizer with kg's dictionary state (main dictionary + domain words).

    kg keeps one of these (``_tokenizer``); benchmarks build their own to
    compare kg against a plain ``lcut`` with the same dictionary.
    """
    import jieba  # heavy (0.2-0.3 s, pkg_resources): only commands that tokenize load it

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for w in lexicon.words("jieba_domain"):
        tk.add_word(w, freq=None)
    return tk


@cache
def _tokenizer() -> jieba.Tokenizer:
    return new_tokenizer()


def tokenize(text: str, offset: int = 0, hmm: bool = True) -> list[tuple[str, int, int]]:
    """(word, start, end) for each jieba word of ``text``; offsets shifted by ``offset``.

    ``hmm=False`` skips jieba's HMM guess of unknown words (about a third
    faster); unknown words then come out as single characters, which is
    what the name-boundary rules want anyway.
    """
    return [(w, s + offset, e + offset) for w, s, e in _tokenizer().tokenize(text, HMM=hmm)]


def word_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of characters jieba cuts as one block (its ``re_han``).

    jieba segments every such block on its own and yields every other character as
    a token by itself, so cutting a block alone gives the tokens that cutting the
    whole text gives there.
    """
    import jieba  # heavy: loaded by the first tokenizing call, as in new_tokenizer

    return [m.span() for m in jieba.re_han_default.finditer(text)]


@cache
def _tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each word of its main dictionary (``word freq tag`` lines)."""
    out: dict[str, str] = {}
    with _tokenizer().get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) >= 3:
                out[parts[0]] = parts[2]
    return out


def word_tag(word: str) -> str | None:
    """The part-of-speech tag jieba's dictionary gives ``word`` (``v``, ``n``, ``r``, ``d``…), or None.

    A dictionary look-up, not the HMM tagger: a word has the tag it has most
    often, and words jieba does not know (and kg's domain words) have none.
    """
    return _tags().get(word)


@cache
def tagged(tag: str) -> frozenset[str]:
    """The words jieba's dictionary tags ``tag`` (召开 is a verb, ``v``); see ``word_tag``."""
    return frozenset(w for w, t in _tags().items() if t == tag)


def cut(text: str) -> list[str]:
    return _tokenizer().lcut(text, HMM=True)
