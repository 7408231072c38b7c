"""The only user of jieba: a private tokenizer with the domain dictionary.

jieba's global tokenizer is shared process state; kg builds its own
``jieba.Tokenizer`` once, adds the domain words to that instance only, and
silences jieba's start-up log. Tokens carry offsets into the text given.
"""

from __future__ import annotations

import logging
from functools import cache

import jieba


def new_tokenizer() -> jieba.Tokenizer:
    """A fresh jieba tokenizer with kg's dictionary state (main dictionary + domain words).

    kg keeps one of these (``_tokenizer``); benchmarks build their own to
    compare kg against a plain ``lcut`` with the same dictionary.
    """
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    from kg import lexicon

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


def cut(text: str) -> list[str]:
    return _tokenizer().lcut(text, HMM=True)
