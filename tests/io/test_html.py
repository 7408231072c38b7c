"""Saved web pages: the report's text comes out, the site's chrome does not."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg.extraction.document import extract_document
from kg.io.html import html_to_text
from kg.io.read import find_inputs, read_document
from kg.model import Document

# Every piece of chrome the page below puts around the article: none may reach the text.
CHROME = [
    "政务服务网",
    "无障碍浏览",
    "网站首页",
    "政务公开",
    "互动交流",
    "当前位置",
    "政策文件",
    "字号",
    "视力保护色",
    "打印本页",
    "关闭窗口",
    "分享到",
    "主办单位",
    "ICP备",
    "联系电话",
    "网站标识码",
    "公网安备",
    "相关链接",
    "var _hmt",
    "color:#333",
]
TITLE = "关于2023年度法治政府建设工作情况的报告"


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Each seed report's text, by id."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


def government_page(paragraphs: list[str], title: str = TITLE) -> str:
    """A report as a county government site serves it: GBK, table layout, chrome all around."""
    body = "\n".join(f'<p style="text-indent:2em">&emsp;&emsp;{html.escape(p)}</p>' for p in paragraphs)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{title}_某县人民政府门户网站</title>
<link rel="stylesheet" href="/css/style.css" />
<style type="text/css">.content p {{ color:#333; line-height:2em }}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<p>统计</p>");</script>
</head>
<body>
<div class="topbar"><div class="w1200"><span>欢迎访问！</span><a href="#">政务服务网</a>
  <a href="#">无障碍浏览</a><a href="#">English</a></div></div>
<div id="banner"><img src="/images/banner.jpg" alt="门户网站" /></div>
<div class="mainNav"><ul>
  <li><a href="/">网站首页</a><li><a href="/xxgk/">政务公开</a><li><a href="/hdjl/">互动交流</a>
</ul></div>
<div class="main w1200">
  <div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; <a href="#">政策文件</a></div>
  <table width="100%" class="article"><tr><td>
    <h1 class="title">{title}</h1>
    <div class="info">发布时间：2024-01-25 10:30　来源：本网</div>
    <div class="fontsize">字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>] 视力保护色：<span></span></div>
    <div class="content TRS_Editor" id="zoom">
{body}
    </div>
    <div class="bdsharebuttonbox">分享到：<a class="bds_weixin" title="分享到微信"></a><a class="bds_tsina"></a></div>
    <div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </td></tr></table>
  <div class="xglj"><h3>相关链接</h3><select><option>国务院</option><option>省政府</option></select></div>
</div>
<div class="footer">
  <p>主办单位：某县人民政府办公室　承办单位：某县大数据中心</p>
  <p><a href="https://beian.miit.gov.cn">黔ICP备12345678号-1</a>　<img src="/gongan.png" />黔公网安备 52012102000001号</p>
  <p>联系电话：0851-87221234　网站标识码：5201210001</p>
</div>
<script>document.getElementById("zoom").style.fontSize = "16px";</script>
</body>
</html>
"""


def paragraphs_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.fixture(params=["bohu-2023", "xinglong-2024"])
def seed_page(request: pytest.FixtureRequest, seed_texts: dict[str, str], tmp_path: Path) -> tuple[Path, str]:
    """(a .html file in GBK holding the seed as its article, the seed's text)."""
    text = seed_texts[request.param]
    path = tmp_path / f"{request.param}.html"
    path.write_bytes(government_page(paragraphs_of(text)).encode("gbk"))
    return path, text


def test_the_page_fixture_is_gbk_with_its_chrome(seed_page: tuple[Path, str]) -> None:
    data = seed_page[0].read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    page = data.decode("gbk")
    assert all(c in page for c in CHROME)
    assert not [c for c in CHROME if c in seed_page[1]]  # so the article cannot hide a leak


def test_the_article_comes_out_and_none_of_the_chrome(seed_page: tuple[Path, str]) -> None:
    path, text = seed_page
    doc = read_document(path)
    assert doc.encoding == "html/gb18030"
    lines = doc.text.splitlines()
    assert lines[:2] == [TITLE, "发布时间：2024-01-25 10:30\u3000来源：本网"]
    assert lines[2:] == paragraphs_of(text)
    leaked = [c for c in CHROME if c in doc.text]
    assert leaked == []


def test_extraction_on_the_page_finds_the_seed_s_entities(seed_page: tuple[Path, str]) -> None:
    path, text = seed_page
    plain = extract_document(Document(path.stem, "plain.txt", text, "0" * 64))
    page = extract_document(read_document(path))

    def names(ex: object) -> set[tuple[str, str]]:
        return {(e.type.value, e.canonical) for e in ex.entities}  # type: ignore[attr-defined]

    assert names(page) == names(plain)
    assert all(page.document.text[m.start : m.end] == m.text for m in page.mentions)


def test_folders_give_pages_documents_and_pdfs_too(tmp_path: Path) -> None:
    for name in ("a.txt", "b.HTML", "c.htm", "d.docx", "e.pdf", "f.md", "~$g.docx", ".h.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "i.txt").write_bytes(b"x")
    assert [p.name for p in find_inputs([tmp_path])] == ["a.txt", "b.HTML", "c.htm", "d.docx", "e.pdf"]


# ------------------------------------------------------------- the rules


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def test_html5_chrome_elements_go_but_an_article_s_own_header_stays() -> None:
    text = html_to_text(
        page(
            "<header>网站标志</header><nav>首页 政务公开</nav>"
            "<article><header><h1>县政府工作报告</h1><p>2024-01-25</p></header><p>正文一。</p>"
            "<aside>热点推荐</aside><footer>打印</footer></article><footer>版权</footer>"
        )
    )
    assert text == "t\n县政府工作报告\n2024-01-25\n正文一。\n"


def test_a_wrapper_named_like_chrome_is_kept_when_it_holds_the_report() -> None:
    body = "<div id='top'><div class='nav'>首页</div><p>" + "正文" * 50 + "</p></div>"
    assert "正文" * 50 in html_to_text(page(body))
    assert "首页" not in html_to_text(page(body))


def test_css_utility_classes_are_not_mistaken_for_chrome() -> None:
    body = (
        "<div class='position-relative text-center'><p>县司法局推进依法行政。</p></div><p>"
        + "正文" * 40
        + "</p>"
    )
    assert "县司法局推进依法行政。" in html_to_text(page(body))


def test_breadcrumb_without_class_goes_but_a_sentence_about_position_stays() -> None:
    text = html_to_text(
        page(
            "<div>您现在的位置：首页 » 政务公开 » 法治政府</div>"
            "<p>当前位置于全省前列，县司法局牵头推进依法行政工作，取得明显成效。</p>"
        )
    )
    assert "首页" not in text
    assert "当前位置于全省前列" in text


def test_tool_words_go_only_when_a_block_holds_nothing_else() -> None:
    text = html_to_text(page("<p>【打印】【关闭】</p><p>打印本页</p><td>中</td><p>分享经验，关闭问题。</p>"))
    assert text == "t\n中\n分享经验，关闭问题。\n"


def test_footer_without_class_is_found_by_its_markers() -> None:
    report = "<p>" + "县司法局推进依法行政。" * 10 + "</p>"
    text = html_to_text(
        page(report + "<div>版权所有：某县人民政府 技术支持：某公司</div><p>滇ICP备05000001号</p>")
    )
    assert text == "t\n" + "县司法局推进依法行政。" * 10 + "\n"
    assert html_to_text(page("<p>正文。</p><p>滇ICP备05000001号</p>")) == "t\n正文。\n"
    # two generic markers in the report itself, when it is most of the page, stay
    assert "联系电话" in html_to_text(page("<p>设立主办单位联系电话公示栏。</p>"))


def test_implied_end_tags_close_paragraphs_and_cells_as_a_browser_does() -> None:
    text = html_to_text(
        page("<p>一<p>二<div>三</div><table><tr><td>甲<td>乙<tr><td>丙</table><ul><li>子<li>丑</ul>")
    )
    assert text == "t\n一\n二\n三\n甲 乙\n丙\n子\n丑\n"


def test_source_line_breaks_vanish_between_chinese_characters_and_become_spaces_elsewhere() -> None:
    text = html_to_text(page("<p>县司法\n    局制定\n《办法》 and\nmore</p>"))
    assert text == "t\n县司法局制定《办法》 and more\n"


def test_br_breaks_lines_and_pre_keeps_them() -> None:
    assert html_to_text(page("一<br>二<br/><br>三<pre>  甲\n  乙</pre>")) == "t\n一\n二\n\n三\n  甲\n  乙\n"


def test_the_title_comes_first_unless_the_page_already_shows_it() -> None:
    assert html_to_text("<title>报告_某县</title><p>正文</p>") == "报告_某县\n正文\n"
    assert html_to_text("<title>某县报告全文_某县政府</title><h1>某县报告全文</h1>") == "某县报告全文\n"


def test_deep_nesting_loses_nothing() -> None:
    assert html_to_text("<div>" * 20_000 + "深处的正文" + "</div>" * 20_000) == "深处的正文\n"


def test_control_characters_and_lone_surrogates_do_not_stop_the_parser() -> None:
    assert html_to_text("<p>a\x00b\ud800c</p>") == "a\x00b\ud800c\n"


def test_a_page_without_text_gives_nothing() -> None:
    assert html_to_text("<html><head><script>x</script></head><body> </body></html>") == ""


VISIBLE = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")), min_size=1, max_size=80)


@given(VISIBLE)
def test_escaped_text_comes_back_from_a_page(s: str) -> None:
    assume(s.strip())
    for markup in (f"<p>{html.escape(s)}</p>", f"<div><span>{html.escape(s, quote=False)}</span></div>"):
        assert html_to_text(page(markup)) == f"t\n{s.strip()}\n"


@given(st.lists(VISIBLE, min_size=1, max_size=5))
def test_escaped_paragraphs_come_back_one_per_line(parts: list[str]) -> None:
    parts = [p.strip() for p in parts]
    assume(all(parts))
    markup = "".join(f"<p>{html.escape(p)}</p>\n" for p in parts)
    assert html_to_text(f"<body>{markup}</body>") == "\n".join(parts) + "\n"
