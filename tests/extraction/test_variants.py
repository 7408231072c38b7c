"""The canonical spelling of a title and the key its variants share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.extraction.variants import name_key, plain, tidy, year_range


def test_dashes_and_brackets_of_a_year_range_have_one_spelling() -> None:
    forms = [
        "纲要（2021-2025年）",
        "纲要(2021–2025年)",
        "《纲要(2021―2025年)》",
        "纲要(2021—2025年)",
        "纲要（2021－2025年）",
    ]
    assert {tidy(f) for f in forms} == {"纲要(2021—2025年)"}


def test_a_dash_that_is_no_year_range_is_kept() -> None:
    assert tidy("12-4宪法宣传周") == "12-4宪法宣传周"
    assert tidy("一村(居)一法律顾问") == "一村(居)一法律顾问"


def test_the_key_leaves_out_a_final_year_range() -> None:
    assert year_range("实施方案（2021年度）") == "(2021年度)"
    assert name_key("海盐县法治政府建设实施纲要(2021-2025年)") == "海盐县法治政府建设实施纲要"
    assert name_key("法治政府建设实施纲要") == "法治政府建设实施纲要"
    assert plain("《纲要（2021-2025年）》") == "纲要（2021-2025年）"


@given(st.text(alphabet="纲要法治（）()-—–0123456789年《》 ", max_size=30))
def test_tidy_is_idempotent_and_the_key_is_a_prefix(s: str) -> None:
    t = tidy(s)
    assert tidy(t) == t
    assert t.startswith(name_key(s))
