"""The only user of jieba: a private tokenizer with the domain dictionary.

jieba's global tokenizer is shared process state; kg builds its own
``jieba.Tokenizer`` once, adds the domain words to that instance only, and
silences jieba's start-up log. Tokens carry offsets into the text given.
"""

from __future__ import annotations

import logging
import re
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


# The part-of-speech classes of jieba's dictionary that mention rules ask about: verbs (v),
# adverbs (d, ad), adjectives (a), idioms (i: 积极参与), numerals (m), time words (t),
# pronouns (r), classifiers (q), prepositions (p) and conjunctions (c). The noun classes
# (most of the dictionary) are not kept.
_TAGS = ("v", "d", "ad", "a", "i", "m", "t", "r", "q", "p", "c")


@cache
def _words_by_tag() -> dict[str, frozenset[str]]:
    """The words of jieba's main dictionary by part-of-speech tag (its third column), for ``_TAGS``."""
    with _tokenizer().get_dict_file() as f:
        data = f.read().decode("utf-8")
    found: dict[str, set[str]] = {t: set() for t in _TAGS}
    for m in re.finditer(rf"^(\S+) \d+ ({'|'.join(_TAGS)})\r?$", data, re.M):
        found[m.group(2)].add(m.group(1))
    return {t: frozenset(ws) for t, ws in found.items()}


def tagged(tag: str) -> frozenset[str]:
    """The words jieba's dictionary tags ``tag`` (one of v d ad a i m t r q p c): 召开 is a verb (v).

    The tags are the dictionary's, with no tagger run: a word has the tag it
    has most often. Domain words added to kg's tokenizer have none.

    Raises:
        KeyError: for a tag that is not kept.
    """
    return _words_by_tag()[tag]


def cut(text: str) -> list[str]:
    return _tokenizer().lcut(text, HMM=True)
