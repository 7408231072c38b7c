"""The private jieba tokenizer: offsets into the text, domain words, no global state."""

from __future__ import annotations

import jieba
from hypothesis import given
from hypothesis import strategies as st

from kg.text.tokenize import cut, tagged, tokenize, word_tag


def test_offsets_index_the_text() -> None:
    text = "县司法局推进全面依法治县工作"
    toks = tokenize(text, offset=10)
    assert "".join(w for w, _, _ in toks) == text
    for w, s, e in toks:
        assert text[s - 10 : e - 10] == w


def test_domain_words_are_kept_whole() -> None:
    words = cut("成立全面依法治县委员会和法治政府建设工作领导小组")
    assert "全面依法治县" in words
    assert "领导小组" in words


def test_global_tokenizer_is_untouched() -> None:
    tokenize("依法治区办")
    assert jieba.dt.FREQ.get("依法治区办") is None


@given(st.text(max_size=60))
def test_tokens_tile_any_text(text: str) -> None:
    for hmm in (True, False):
        toks = tokenize(text, hmm=hmm)
        assert "".join(w for w, _, _ in toks) == text
        pos = 0
        for _, s, e in toks:
            assert s == pos and e >= s
            pos = e


def test_dictionary_tags_tell_verbs_adverbs_and_numerals_from_nouns() -> None:
    assert {"召开", "聚焦", "提请"} <= tagged("v")
    assert "委员会" not in tagged("v") and "司法局" not in tagged("v")
    assert "一次" in tagged("m")
    assert "积极参与" in tagged("i")
    assert "全面依法治县" not in tagged("v")  # a domain word has no tag
    assert (word_tag("委员会") or "").startswith("n")  # nouns keep their tag too
    assert word_tag("全面依法治县") is None


_REPORTISH = st.text(
    alphabet=st.sampled_from(list("县司法局推进依法治县工作委员会和、，。《》“”（）12aB \r\n\t·-+%")),
    max_size=50,
)


@given(_REPORTISH)
def test_word_blocks_cut_alone_give_the_whole_text_s_tokens(text: str) -> None:
    # what kg.extraction.rules.base.SentenceView relies on to cut only the blocks it reads
    from kg.text.tokenize import word_blocks

    whole = tokenize(text, hmm=False)
    inside = {(w, s, e) for a, b in word_blocks(text) for w, s, e in tokenize(text[a:b], offset=a, hmm=False)}
    covered = {i for a, b in word_blocks(text) for i in range(a, b)}
    assert inside == {t for t in whole if t[1] in covered}
    assert all(e - s == 1 or w == "\r\n" for w, s, e in whole if s not in covered)
