#!/usr/bin/env python
"""Generate a corpus of plausible rule-of-law reports of any size, for benchmarks.

Five seed reports are too few to measure throughput, and copying them would
make every entity collapse into the same few nodes. This module writes new
reports built from the seeds' sentences instead:

* each report is about a real place drawn from the gazetteer kg reads
  (``kg.extraction.places.gazetteer``, cpca's division codes): a county (…县), a city
  (…市) or a town (a common town name under a real county), and a year in
  2015–2025;
* it has a title line with place and year, a 发布机构 issuer line, an
  opening, numbered section and sub-section headings, body paragraphs, and a
  signature with the date;
* body sentences are sampled from seeds of the same level (county reports
  from the county seeds, …), without repetition within a report, with the
  seed's own place names (full and short, and those of its prefecture and
  province) replaced by the new place's, the seed's year shifted to the new
  year, and counts varied. Text inside 《》 and “” is left alone except for
  the place names, so national laws stay national.

The output depends only on ``size`` and ``seed`` (and the seed files): the
same arguments write byte-identical files. ``size`` counts UTF-8 bytes on
disk (about three per Chinese character); the corpus lands within one
sentence of it.

    python scripts/bench_corpus.py OUT --size 2MB --seed 1
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing kg

from kg.extraction.places import gazetteer, region_of, short_name  # noqa: E402
from kg.extraction.report import detect_report_info  # noqa: E402
from kg.io.read import parse_size, read_documents  # noqa: E402  (parse_size: kg build --max-size's sizes)
from kg.model import Region  # noqa: E402
from kg.text.segment import split_sentences  # noqa: E402

SEEDS = ROOT / "seeds"
YEARS = range(2015, 2026)
# Share of reports per level; city and town pools are small, so they are rarer.
LEVEL_WEIGHTS = {"county": 0.7, "prefecture": 0.15, "township": 0.15}
# Common town names: many counties have a town of each name, so a town is
# identified by its county (as kg scopes it: county code + name). 城关 and 和平,
# the commonest, are left out: kg's town rule rejects names starting with 城 or 和.
TOWN_STEMS = (
    "红旗",
    "新华",
    "太平",
    "永安",
    "长安",
    "桃源",
    "新兴",
    "兴隆",
    "东风",
    "红星",
    "大河",
    "白沙",
    "青山",
    "石桥",
    "龙泉",
    "清水",
    "三合",
    "双河",
    "金山",
    "马场",
)
_TOP = re.compile(r"^[一二三四五六七八九十]+、\s*")
_SUB = re.compile(r"^[(（][一二三四五六七八九十]+[)）]\s*")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．])")
# Lines that belong to a web page, a reply or a news item rather than to a report body.
_JUNK = re.compile(
    r"[|•]|委员|您|答复|提案|记者|分享|期刊|字号|上一篇|下一篇|扫一扫|第一版|现将|报告如下|索引号|发布机构|http"
)
_POINT = re.compile(r"^[一二三四五六七八九十]是")
_DATE_ONLY = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# Spans kept verbatim (besides place names): titles and quoted names.
_PROTECTED = re.compile(r"《[^》]*》|“[^”]*”")
# A year that is not part of a range (2021—2025) or a date-like code.
_YEAR = re.compile(r"(?<![\d—\-－~～至到])(20\d\d)(?=\s*年)(?!\s*年?\s*[—\-－~～至到])")
# A count to vary: 1–3 digits, not a decimal, an ordinal, a date, a percentage or part of a code.
_COUNT = re.compile(r"(?<![\d.．第A-Za-z+×/\-])(\d{1,3})(?![\d.．%％A-Za-z+月日号时届版期])")


@dataclass(frozen=True, slots=True)
class Seed:
    """A seed report's place (its region chain: level, full name, short name) and year."""

    places: tuple[tuple[str, str, str], ...]
    year: int
    level: str


@dataclass(frozen=True, slots=True)
class SeedPool:
    """What the seeds offer: headings (any level) and body sentences per level.

    Items are (text, index of the seed in ``seeds``), so each can be rewritten
    with the names of the seed it came from.
    """

    seeds: tuple[Seed, ...]
    top_headings: tuple[tuple[str, int], ...]
    sub_headings: tuple[tuple[str, int], ...]
    sentences: dict[str, tuple[tuple[str, int], ...]]


@dataclass(frozen=True, slots=True)
class GeneratedReport:
    """One generated report: its file name, text, place and year."""

    name: str
    text: str
    place: str
    place_key: str
    year: int

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


def _places(region: Region) -> tuple[tuple[str, str, str], ...]:
    """(level, full name, short name or "") of the region and its ancestors, innermost first."""
    out = []
    for r in region.chain():
        s = short_name(r.name)
        if r.level == "township":
            s = r.name[:-1] if r.name.endswith(("镇", "乡")) else r.name
        out.append((r.level, r.name, s if len(s) >= 2 and s != r.name else ""))
    return tuple(out)


# A county seed's sentence in a city's or a town's report: its own-place words follow.
_RELATIVE = {
    "prefecture": {
        "我县": "我市",
        "全县": "全市",
        "本县": "本市",
        "县委": "市委",
        "县政府": "市政府",
        "县人民政府": "市人民政府",
        "县级": "市级",
        "县直": "市直",
        "县司法局": "市司法局",
    },
    "township": {"我县": "我镇", "全县": "全镇", "本县": "本镇"},
}


@cache
def seed_pool(seeds_dir: Path = SEEDS) -> SeedPool:
    """Headings and body sentences of the seeds; body sentences grouped by the level they can serve.

    A level's sentences are those of its own seeds plus, for cities and towns
    (one seed each), the county seeds' sentences.
    """
    seeds: list[Seed] = []
    tops: dict[str, int] = {}
    subs: dict[str, int] = {}
    body: dict[str, list[tuple[str, int]]] = {}
    for doc in read_documents([seeds_dir]):
        sents = split_sentences(doc)
        info = detect_report_info(doc, sents)
        if info.place is None or info.place.level not in LEVEL_WEIGHTS:
            continue
        k = len(seeds)
        seeds.append(Seed(_places(info.place), info.year or 2023, info.place.level))
        for s in sents:
            text = s.text.strip()
            if _JUNK.search(text) or _DATE_ONLY.match(text) or len(text) < 8:
                continue
            if _TOP.match(text) and len(text) <= 40 and " " not in text:
                tops.setdefault(_TOP.sub("", text).rstrip("。:："), k)
            elif _SUB.match(text) and len(text) <= 40 and " " not in text:
                subs.setdefault(_SUB.sub("", text).rstrip("。:："), k)
            elif not _NUMBERED.match(text):
                text = _POINT.sub("", text)  # 一是加强学习宣传。 → 加强学习宣传。
                if len(text) >= 8:
                    body.setdefault(info.place.level, []).append((text, k))
    sentences = {lv: tuple(items) for lv, items in body.items()}
    county = sentences.get("county", ())
    for lv in ("prefecture", "township"):
        if lv in sentences or county:
            sentences[lv] = sentences.get(lv, ()) + county
    return SeedPool(
        seeds=tuple(seeds),
        top_headings=tuple(tops.items()),
        sub_headings=tuple(subs.items()),
        sentences=sentences,
    )


@cache
def _targets() -> dict[str, tuple[Region, ...]]:
    """Gazetteer places a generated report can be about, per level, in code order."""
    counties: list[Region] = []
    cities: list[Region] = []
    for code, d in sorted(gazetteer().items()):
        if d.level == "county" and d.name.endswith("县") and len(d.name) >= 3:
            r = region_of(code)
            if len(r.chain()) == 3:  # county → prefecture → province
                counties.append(r)
        elif d.level == "prefecture" and d.name.endswith("市"):
            r = region_of(code)
            if len(r.chain()) == 2:
                cities.append(r)
    return {"county": tuple(counties), "prefecture": tuple(cities)}


def _pick_place(rnd: random.Random, level: str) -> Region:
    if level == "township":
        county = rnd.choice(_targets()["county"])
        return Region(name=rnd.choice(TOWN_STEMS) + "镇", level="township", parent=county)
    return rnd.choice(_targets()[level])


class _Rewriter:
    """Rewrites one seed's sentences for a new place and year.

    The seed's place names map level by level (county to county, province to
    province); a level the new place lacks maps to the new place itself.
    """

    def __init__(self, seed: Seed, place: Region, year: int, rnd: random.Random) -> None:
        new = {level: (full, short) for level, full, short in _places(place)}
        inner = new[place.level]
        subst: dict[str, str] = {}
        if seed.level != place.level:
            subst.update(_RELATIVE.get(place.level, {}))
        for level, full, short in seed.places:
            nf, ns = new.get(level, inner)
            subst[full] = nf
            if short:
                subst[short] = ns or nf
        self._subst = subst
        names = sorted(subst, key=len, reverse=True)
        self._names = re.compile("|".join(map(re.escape, names)))
        self._shift = year - seed.year
        self._seed_year = seed.year
        self._rnd = rnd

    def __call__(self, sentence: str) -> str:
        sentence = self._names.sub(lambda m: self._subst[m.group()], sentence)
        out: list[str] = []
        pos = 0
        for m in _PROTECTED.finditer(sentence):
            out.append(self._free(sentence[pos : m.start()]))
            out.append(m.group())
            pos = m.end()
        out.append(self._free(sentence[pos:]))
        return "".join(out)

    def _free(self, text: str) -> str:
        text = _YEAR.sub(self._year, text)
        return _COUNT.sub(self._count, text)

    def _year(self, m: re.Match[str]) -> str:
        y = int(m.group(1))
        return str(y + self._shift) if abs(y - self._seed_year) <= 2 else m.group(1)

    def _count(self, m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n < 3:
            return m.group(1)
        return str(max(1, round(n * self._rnd.uniform(0.5, 1.6))))


_CN_NUM = "一二三四五六七八九十"


def _cn(n: int) -> str:
    """A positive number in Chinese numerals, as section headings count (十一, 一百零一)."""
    if n <= 10:
        return _CN_NUM[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (_CN_NUM[tens - 1] if tens > 1 else "") + "十" + (_CN_NUM[ones - 1] if ones else "")
    hundreds, rest = divmod(n, 100)
    tail = (
        "" if rest == 0 else "零" + _cn(rest) if rest < 10 else "一" + _cn(rest) if rest < 20 else _cn(rest)
    )
    return _cn(hundreds) + "百" + tail


def _government(place: Region) -> str:
    return f"{place.name}人民政府"


def _leadership(place: Region) -> str:
    """Who leads the place: a town names its county (which is how kg attaches a town to it)."""
    if place.level == "township" and place.parent is not None:
        return f"在{place.parent.name}委、县政府的坚强领导下"
    return "在上级党委、政府的坚强领导下"


def _title(rnd: random.Random, place: Region, year: int) -> str:
    gov = _government(place)
    forms = (
        f"{gov}关于{year}年度法治政府建设工作情况的报告",
        f"{gov}{year}年法治政府建设年度报告",
        f"{gov}关于{year}年法治政府建设情况的报告",
    )
    return rnd.choice(forms)


def _opening(rnd: random.Random, place: Region, year: int) -> str:
    lead = f"{_leadership(place)}，" if place.level == "township" or rnd.random() < 0.4 else ""
    what = rnd.choice(
        (
            "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
            "扎实推进法治政府建设各项工作，取得了新的成效。",
            "认真落实法治政府建设各项任务，依法行政水平不断提升。",
            "紧紧围绕法治政府建设目标任务，全面推进依法行政，为经济社会高质量发展提供法治保障。",
        )
    )
    return f"{year}年，{lead}{place.name}{what}现将{year}年度法治政府建设工作情况报告如下："


class _Sampler:
    """Draws items without repetition until the pool is used up, then reshuffles."""

    def __init__(self, items: tuple, rnd: random.Random):  # type: ignore[type-arg]
        self._items = list(items)
        self._rnd = rnd
        self._left: list = []  # type: ignore[type-arg]

    def __call__(self):  # type: ignore[no-untyped-def]
        if not self._left:
            self._left = self._items[:]
            self._rnd.shuffle(self._left)
        return self._left.pop()


def generate_report(rnd: random.Random, index: int, target_bytes: int, pool: SeedPool) -> GeneratedReport:
    """One report of about ``target_bytes`` (never less than title, opening and one paragraph)."""
    levels = [lv for lv in LEVEL_WEIGHTS if pool.sentences.get(lv)]
    level = rnd.choices(levels, weights=[LEVEL_WEIGHTS[lv] for lv in levels])[0]
    place = _pick_place(rnd, level)
    year = rnd.choice(YEARS)
    rewrite = [_Rewriter(seed, place, year, rnd) for seed in pool.seeds]
    sentences = _Sampler(pool.sentences[level], rnd)
    tops = _Sampler(pool.top_headings or (("主要工作成效", 0),), rnd)
    subs = _Sampler(pool.sub_headings or (("强化组织领导", 0),), rnd)
    issuer = _government(place) if rnd.random() < 0.7 else f"{place.name}司法局"
    lines = [_title(rnd, place, year), f"发布机构：{issuer}", _opening(rnd, place, year)]
    size = sum(len(x.encode("utf-8")) + 1 for x in lines)
    signature = [_government(place), f"{year + 1}年{rnd.randint(1, 3)}月{rnd.randint(1, 28)}日"]
    budget = target_bytes - sum(len(x.encode("utf-8")) + 1 for x in signature)
    top = sub = 0
    while size < budget:
        if sub == 0 or (sub >= 2 and rnd.random() < 0.3):
            top += 1
            sub = 0
            text, k = tops()
            lines.append(f"{_cn(top)}、{rewrite[k](text)}")
            size += len(lines[-1].encode("utf-8")) + 1
        sub += 1
        text, k = subs()
        lines.append(f"（{_cn(sub)}）{rewrite[k](text)}")
        size += len(lines[-1].encode("utf-8")) + 1
        para = ""
        for _ in range(rnd.randint(2, 7)):
            text, k = sentences()
            piece = rewrite[k](text)
            if not piece.endswith(("。", "；", "！", "？", ";")):
                piece += "。"
            para += piece
            if size + len(para.encode("utf-8")) + 1 >= budget:
                break
        lines.append(para)
        size += len(para.encode("utf-8")) + 1
    lines.extend(signature)
    name = f"r{index:06d}-{place.key}-{year}"
    return GeneratedReport(
        name=name, text="\n".join(lines) + "\n", place=place.name, place_key=place.key, year=year
    )


def generate(size: int, seed: int = 0, seeds_dir: Path = SEEDS) -> Iterator[GeneratedReport]:
    """Reports whose UTF-8 sizes add up to about ``size`` bytes; deterministic for ``seed``."""
    pool = seed_pool(seeds_dir)
    rnd = random.Random(seed)
    total = 0
    index = 0
    while total < size:
        left = size - total
        target = rnd.randint(12_000, 36_000)  # 4,000–12,000 characters, as the seeds
        if left < target + 6_000:
            target = left  # the last report takes what is left
        index += 1
        report = generate_report(rnd, index, target, pool)
        total += report.size
        yield report


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    """What ``write_corpus`` wrote."""

    path: Path
    files: int
    bytes: int
    chars: int


def write_corpus(out: Path, size: int, seed: int = 0, seeds_dir: Path = SEEDS) -> CorpusInfo:
    """Write the generated reports as UTF-8 ``.txt`` files into ``out`` (created, must hold no .txt)."""
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*.txt")):
        raise FileExistsError(f"{out}: already holds .txt files; give an empty folder")
    files = nbytes = chars = 0
    for r in generate(size, seed, seeds_dir):
        data = r.text.encode("utf-8")
        (out / f"{r.name}.txt").write_bytes(data)
        files += 1
        nbytes += len(data)
        chars += len(r.text)
    return CorpusInfo(out, files, nbytes, chars)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="empty folder to write the reports into")
    ap.add_argument("--size", default="2MB", help="total size in UTF-8 bytes, e.g. 20MB (default 2MB)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = ap.parse_args(argv)
    info = write_corpus(args.out, parse_size(args.size), args.seed)
    print(f"wrote {info.files} reports, {info.bytes:,} bytes, {info.chars:,} characters to {info.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
