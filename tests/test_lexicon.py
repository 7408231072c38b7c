"""The word lists of kg/data: each says what it holds, and each loads and is checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

import pytest

from kg.data import lexicon
from kg.errors import LexiconError
from kg.extraction.normalize import _elidable, _organ_forms
from kg.extraction.rules import enumerations, institutions, quoted, systems
from kg.model import EntityType

DATA = resources.files("kg.data")
FILES = sorted(f.name for f in DATA.iterdir() if f.name.endswith((".txt", ".jsonl")))


@pytest.mark.parametrize("name", FILES)
def test_every_list_opens_with_a_comment_and_loads(name: str) -> None:
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("# "), f"kg/data/{name} should open with a comment saying what it lists"
    stem, suffix = name.rsplit(".", 1)
    assert (lexicon.words if suffix == "txt" else lexicon.records)(stem)


@pytest.fixture
def fake_list(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Lists read from this dict instead of the package (the caches are cleared around the test)."""
    files: dict[str, str] = {}
    monkeypatch.setattr(lexicon, "_read", lambda name: files[name])
    caches = (
        lexicon.words,
        lexicon.word_set,
        lexicon.characters,
        lexicon.alternation,
        lexicon.ending,
        lexicon.records,
    )
    for f in caches:
        f.cache_clear()
    yield files
    for f in caches:
        f.cache_clear()


def test_characters_refuses_a_word(fake_list: dict[str, str]) -> None:
    fake_list["chars.txt"] = "# single characters\n的\n和与\n"
    with pytest.raises(LexiconError, match="single characters, not '和与'"):
        lexicon.characters("chars")


def test_alternation_takes_the_longest_word(fake_list: dict[str, str]) -> None:
    fake_list["verbs.txt"] = "# verbs\n制定\n制定了\n+号\n"
    rx = re.compile(lexicon.alternation("verbs"))
    assert [m.group() for m in rx.finditer("制定了，制定，+号")] == ["制定了", "制定", "+号"]


def test_duplicates_are_refused(fake_list: dict[str, str]) -> None:
    fake_list["dup.txt"] = "# a list\n制度\n制度\n"
    with pytest.raises(LexiconError, match="dup.txt:3: duplicate entry"):
        lexicon.words("dup")


def test_tables_are_checked_when_loaded() -> None:
    assert set(enumerations._heads().values()) == {EntityType.SYSTEM, EntityType.LIST, EntityType.BRAND}
    assert all("{p}" in form for form in _organ_forms().values())
    assert systems._sys_head().search("告知承诺制。") and not systems._sys_head().search("管理体制。")
    assert set(institutions._head_context()) <= lexicon.word_set("org_heads")
    assert _elidable().sub("", "县人民政府政务服务中心") == "县政务中心"
    assert lexicon.word_set("system_after_extend") | lexicon.word_set("system_after_quote_only") <= (
        lexicon.word_set("system_after")
    )
    assert lexicon.word_set("org_team_heads") <= lexicon.word_set("org_unit_heads")
    assert quoted._context().service_head.search("法润民生热线")


def test_a_bad_table_names_its_file(fake_list: dict[str, str]) -> None:
    fake_list["enum_heads.jsonl"] = '# heads\n{"id": "制度", "type": "机关"}\n'
    fake_list["system_heads.txt"] = "# heads\n制度\n"
    fake_list["system_zhi_compounds.txt"] = "# words\n体制\n机关\n"
    fake_list["org_canonical_forms.jsonl"] = '# forms\n{"id": "委", "canonical": "中共委员会"}\n'
    for f in (enumerations._heads, enumerations._trailer, systems._sys_head, _organ_forms):
        f.cache_clear()
    try:
        with pytest.raises(LexiconError, match="enum_heads.jsonl"):
            enumerations._heads()
        with pytest.raises(LexiconError, match="system_zhi_compounds.txt"):
            systems._sys_head()
        with pytest.raises(LexiconError, match="org_canonical_forms.jsonl"):
            _organ_forms()
    finally:
        for f in (enumerations._heads, enumerations._trailer, systems._sys_head, _organ_forms):
            f.cache_clear()
