"""The report inside a saved web page: its text, without the site around it.

A report saved from a government site comes wrapped in the site's chrome:
a banner, menus, a breadcrumb (当前位置：首页 > 政务公开 > …), font-size and
share bars, 打印本页 / 关闭窗口 links, a footer with 主办单位, ICP备案 and
contact numbers. Only the article is the report.

The page is parsed with the standard library's ``html.parser`` into a small
tree (implied end tags as a browser closes them: ``<p>``, ``<li>``, table
cells), then the chrome is cut out:

- by element: ``script style noscript template iframe svg …``, ``nav``,
  ``aside``, ``footer``, and ``header`` outside an ``article``/``main``;
- by class or id words typical of such sites (nav, menu, breadcrumb,
  position, location, share, print, footer, bottom, copyright, sidebar …;
  header, head, top, banner unless inside the article's own container);
- by content: a block that starts with 当前位置/您现在的位置, a short block
  made only of tool words (打印本页, 关闭窗口, 分享到, 字号 大 中 小 …), a
  short block holding ICP备 or two footer markers (主办单位, 版权所有 …).

A rule never cuts an element holding half of the page's text or more, so a
page whose wrapper happens to be called ``top`` keeps its report. The text
is then laid out one block per line, white space collapsed as a browser
does (a line break in the source between two Chinese characters joins
them). The stdlib parser was kept over lxml: it accepts any string (NUL
and control characters, lone surrogates) and has no nesting limit, while
libxml2 silently drops text nested deeper than about 2,000 elements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

# --------------------------------------------------------------- the tree

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame".split()
)
# a start tag of one of these closes an open <p> (HTML's "closes a p element")
_CLOSES_P = frozenset(
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li "
    "dd dt".split()
)
# start tag -> (open tags it closes, tags that stop the search)
_IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}),
    "dd": ({"dt", "dd"}, {"dl", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tbody": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select", "datalist"}),
}
_P_SCOPE = frozenset({"td", "th", "table", "button", "html", "body", "object", "marquee"})
_HEAD_ONLY = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})


@dataclass(eq=False, slots=True)
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)
    size: int = 0  # characters of non-blank text below, set by _measure
    small_text: str | None = None  # the text below, white space collapsed, when size <= _SMALL
    drop: bool = False


class _TreeBuilder(HTMLParser):
    """A forgiving tree: unknown end tags are ignored, missing ones implied."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack: list[_Node] = [self.root]
        self.open: dict[str, int] = {}  # open elements by tag: no scan of a deep stack per tag

    def _push(self, node: _Node) -> None:
        self.stack.append(node)
        self.open[node.tag] = self.open.get(node.tag, 0) + 1

    def _pop_to(self, i: int) -> None:
        """Close stack[i] and everything opened inside it."""
        for n in self.stack[i:]:
            self.open[n.tag] -= 1
        del self.stack[i:]

    def _close(self, tag: str) -> None:
        if self.open.get(tag):
            for i in range(len(self.stack) - 1, 0, -1):
                if self.stack[i].tag == tag:
                    self._pop_to(i)
                    return

    def _close_within(self, closes: set[str] | frozenset[str], stops: set[str] | frozenset[str]) -> None:
        """Close the innermost open element of ``closes``, unless one of ``stops`` comes first."""
        if not any(self.open.get(t) for t in closes):
            return
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if t in closes:
                self._pop_to(i)
                return
            if t in stops:
                return

    def _close_implied(self, tag: str) -> None:
        if self.stack[-1].tag == "head" and tag not in _HEAD_ONLY:
            self._close("head")  # body content after a head left open
        if tag in _CLOSES_P:
            self._close_within({"p"}, _P_SCOPE)
        rule = _IMPLIED_END.get(tag)
        if rule:
            self._close_within(*rule)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        node = _Node(tag, {k: v or "" for k, v in attrs if k in ("class", "id")})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self._push(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> is a line break in every browser
            self.stack[-1].children.append(_Node("br"))
        else:
            self._close(tag)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _walk(root: _Node) -> Iterator[tuple[_Node, bool]]:
    """(node, entering) events in document order, without recursion."""
    todo: list[tuple[_Node, bool]] = [(root, True)]
    while todo:
        node, entering = todo.pop()
        yield node, entering
        if entering:
            todo.append((node, False))
            todo.extend((c, True) for c in reversed(node.children) if isinstance(c, _Node))


_SMALL = 600  # characters: the most text a piece of chrome holds


def _measure(root: _Node) -> None:
    """Set each node's ``size`` and, for small nodes, ``small_text``, bottom-up in one pass."""
    for node, entering in _walk(root):
        if entering:
            continue
        if node.tag in _INVISIBLE:
            node.size, node.small_text = 0, ""
            continue
        size = 0
        for c in node.children:
            size += len("".join(c.split())) if isinstance(c, str) else c.size
        node.size = size
        if size <= _SMALL:
            node.small_text = "".join(
                (" ".join(c.split()) if isinstance(c, str) else c.small_text or "") for c in node.children
            )


def _text_of(node: _Node) -> str:
    """The visible text below a small node, white space collapsed ("" for a large one)."""
    return node.small_text or ""


# -------------------------------------------------------------- the chrome

_INVISIBLE = frozenset(
    "head title script style noscript template iframe frame frameset object embed applet svg math canvas "
    "audio video map select option datalist button textarea input".split()
)
_CHROME_TAGS = frozenset({"nav", "aside", "footer", "menu", "dialog"})
_ARTICLE_TAGS = frozenset({"article", "main"})
_CHROME_WORDS = frozenset(
    """nav navbar navi navigation menu menus mainmenu submenu topmenu dropdown breadcrumb breadcrumbs
    crumb crumbs bread position pos curpos location loc dqwz weizhi share bdshare sharebar print
    toolbar tools tool sidebar side aside copyright copy footer foot bottom btm friendlink links
    link search searchbox login logo skip totop gotop backtop ad ads advert fixed fontsize zoomtool
    wzdh xglj yqlj related""".split()
)
_HEADER_WORDS = frozenset("header head top topbar banner masthead".split())
_ARTICLE_WORDS = frozenset(
    """article content contents detail details zw zwnr text main maincontent news con cont editor
    trs view wenzhang neirong body post entry""".split()
)
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_BREADCRUMB = re.compile(
    r"\s*(?:当前位置|您现在的位置|您的位置|你的位置|你现在的位置|所在位置|现在位置)[\s:：]*"
)
_CRUMB_SEP = re.compile(r"\s*(?:>|»|›|＞|→|/|\\|＼)\s*|\s+")
_TOOL_WORDS = re.compile(
    r"(?:打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|分享到|分享|收藏本页|收藏|加入收藏|返回顶部|"
    r"顶部|返回|字号|字体|默认|视力保护色|繁体|简体|无障碍|微信|微博|QQ空间|扫一扫|[大中小]|"
    r"[\s\[\]【】()（）<>《》|｜:：/·•,，、])+"
)
_LINK_LIST = re.compile(
    r"\s*(?:相关链接|友情链接|相关文章|相关新闻|相关阅读|相关信息|热点推荐|推荐阅读|热门文章|上一篇|下一篇)"
)
_TOOL_ANCHOR = re.compile(r"打印|关闭|分享|收藏|返回|字号|字体|视力保护色|无障碍|扫一扫")
_INLINE = frozenset(
    "a abbr b big cite code em font i kbd label mark q s samp small span strike strong sub sup tt u var".split()
)
_SITE_MARKERS = ("ICP备", "ICP证", "公网安备", "网站标识码")
_FOOTER_MARKERS = (
    "主办单位",
    "承办单位",
    "版权所有",
    "技术支持",
    "联系电话",
    "联系我们",
    "网站标识码",
    "公网安备",
    "网站地图",
    "联系方式",
    "电子邮箱",
)


# CSS utility classes name a style, not a part of the page: position-relative, text-center, d-none
_UTILITY = re.compile(
    r"(?:position|float|overflow|display|d|text|align|justify|flex|bg|border|rounded|shadow|font|"
    r"m[tbslrexy]?|p[tbslrexy]?|w|h)-[\w-]+"
)


def _words(node: _Node) -> set[str]:
    """The words of an element's class names and id: main-nav → main, nav; topNav → top, nav."""
    names = [n for n in node.attrs.get("class", "").split() if not _UTILITY.fullmatch(n)]
    raw = " ".join([*names, node.attrs.get("id", "")])
    return {w.lower() for w in _CAMEL.findall(raw)} | {
        w.lower() for w in re.split(r"[^A-Za-z0-9]+", raw) if w
    }


def _is_chrome(node: _Node, in_article: bool, total: int) -> bool:
    if node.tag in _INVISIBLE:
        return True
    if node.size <= _SMALL and _holds_site_marker(node):
        return True  # ICP and police registration numbers: only a site's footer shows them
    if 2 * node.size >= total and total > 0:
        return False
    if node.tag in _CHROME_TAGS or (node.tag == "header" and not in_article):
        return True
    if node.tag not in _INLINE:
        words = _words(node)
        if words & _CHROME_WORDS:
            return True
        if words & _HEADER_WORDS and not in_article and not words & _ARTICLE_WORDS:
            return True
    if node.size > _SMALL:
        return False
    text = _text_of(node)
    if node.size <= 200 and _is_breadcrumb(text):
        return True
    if node.size <= 60 and _TOOL_ANCHOR.search(text) and _TOOL_WORDS.fullmatch(text):
        return True
    if node.size <= 200 and _LINK_LIST.match(text):
        return True
    return sum(m in text for m in _FOOTER_MARKERS) >= 2


def _holds_site_marker(node: _Node) -> bool:
    """True for the smallest block whose text shows a site registration number."""
    if not any(m in _text_of(node) for m in _SITE_MARKERS):
        return False
    return not any(
        isinstance(c, _Node) and c.tag not in _INLINE and any(m in _text_of(c) for m in _SITE_MARKERS)
        for c in node.children
    )


def _is_breadcrumb(text: str) -> bool:
    """当前位置：首页 > 政务公开 > 法治政府建设: the marker, then only short links."""
    m = _BREADCRUMB.match(text)
    if not m:
        return False
    parts = [p for p in _CRUMB_SEP.split(text[m.end() :]) if p]
    return len(parts) <= 10 and all(len(p) <= 16 for p in parts)


def _mark_chrome(root: _Node) -> None:
    total = root.size
    todo: list[tuple[_Node, bool]] = [(root, False)]
    while todo:
        node, in_article = todo.pop()
        if node is not root and _is_chrome(node, in_article, total):
            node.drop = True
            continue
        inside = in_article or node.tag in _ARTICLE_TAGS or bool(_words(node) & _ARTICLE_WORDS)
        todo.extend((c, inside) for c in node.children if isinstance(c, _Node))


# ---------------------------------------------------------------- the text

_BLOCKS = frozenset(
    """address article aside blockquote body br caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre
    section summary table tbody tfoot thead title tr ul""".split()
)
_CELLS = frozenset({"td", "th"})
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_WIDE = re.compile(r"[^\x00-\x7f\s]")


def _collapse(line: str) -> str:
    """White space as a browser shows it; a source line break between Chinese characters vanishes."""

    def repl(m: re.Match[str]) -> str:
        run, s, e = m.group(), m.start(), m.end()
        if ("\n" in run or "\r" in run) and 0 < s and e < len(line):
            if _WIDE.match(line[s - 1]) and _WIDE.match(line[e]):
                return ""
        return " "

    line = _SPACE_RUN.sub(repl, line)
    return re.sub(r"[ \u00a0]+", " ", line).strip()


def _lines(root: _Node) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    pre = 0

    def flush(force: bool = False) -> None:
        text = "".join(current)
        current.clear()
        if pre:
            lines.extend(t.rstrip() for t in text.split("\n"))
        elif (line := _collapse(text)) or force:
            lines.append(line)

    todo: list[tuple[_Node | str, bool]] = [(root, True)]
    while todo:
        item, entering = todo.pop()
        if isinstance(item, str):
            current.append(item)
            continue
        if item.drop or item.tag in _INVISIBLE:
            continue
        if item.tag == "br":
            flush(force=entering)
        elif item.tag in _BLOCKS:
            flush()
        elif item.tag in _CELLS and not entering:
            current.append(" ")
        if item.tag == "pre":
            pre += 1 if entering else -1
        if entering:
            todo.append((item, False))
            todo.extend((c, True) for c in reversed(item.children))
    flush()
    return lines


def _title(root: _Node) -> str:
    for node, entering in _walk(root):
        if entering and node.tag == "title":
            return _collapse("".join(c for c in node.children if isinstance(c, str)))
    return ""


def html_to_text(markup: str) -> str:
    """The text of the report in a web page: chrome removed, one block per line.

    The page's ``<title>`` comes first unless the page's text already holds
    it (a site suffix such as ``_某某县人民政府`` aside). Blank lines are kept
    single. Returns "" when the page holds no text.
    """
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    root = builder.root
    _measure(root)
    _mark_chrome(root)
    out: list[str] = []
    for line in _lines(root):
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    title = _title(root)
    body = "\n".join(out)
    head = re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", title)[0] if title else ""
    if title and not (len(head) >= 4 and head in body):
        out.insert(0, title)
    return "\n".join(out) + "\n" if out else ""


_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|meta\s|body[\s>])", re.I | re.S
)


def starts_like_html(data: bytes) -> bool:
    """True when the bytes open like a web page (``<!DOCTYPE html>``, ``<html>``, ``<head>`` …)."""
    return bool(_HTML_START.match(data[:4096].removeprefix(b"\xef\xbb\xbf")))


def looks_like_html(text: str) -> bool:
    """True when decoded text is a web page saved without the usual opening (or in UTF-16)."""
    head = text[:4096].lower()
    return ("<html" in head or "<!doctype html" in head) and "</" in text
