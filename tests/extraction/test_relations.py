"""Relation rules, tested on hand-made sentences with hand-placed mentions.

The records are built here, not by the entity extractor, so a change there
cannot make these tests pass or fail. Sentences are written in the style of
the reports but are not copied from the gold.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.data import lexicon
from kg.extraction.hierarchy import parents_of
from kg.extraction.places import region_of
from kg.extraction.relations import find_relations, relate
from kg.model import Document, Entity, EntityType, Mention, Predicate, Relation, ReportInfo, Sentence
from kg.text.segment import split_sentences
from tests.extraction.conftest import extract_text

AUTHOR = "开阳县人民政府"
_MARKUP = re.compile(r"\{(机构|制度|清单|品牌):([^{}=]+)(?:=([^{}]+))?\}")
_MARKS = re.compile(r"[《》“”]")

Triple = tuple[str, str, str | int, bool]


def build(
    markup: str, author: str | None = AUTHOR
) -> tuple[list[Sentence], list[Mention], list[Entity], tuple[str, str, str] | None]:
    """Records for ``markup``: ``{type:surface}`` or ``{type:surface=canonical}`` marks a mention.

    Mentions with the same (type, canonical) form one entity; the author gets
    an entity of its own even when the text never names it.
    """
    parts: list[str] = []
    spans: list[tuple[int, int, EntityType, str, str]] = []
    pos, length = 0, 0
    for m in _MARKUP.finditer(markup):
        parts.append(markup[pos : m.start()])
        length += m.start() - pos
        surface = m.group(2)
        name = _MARKS.sub("", surface)
        spans.append((length, length + len(surface), EntityType(m.group(1)), name, m.group(3) or name))
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    parts.append(markup[pos:])
    text = "".join(parts)
    doc = Document(id="t", path="t.txt", text=text, sha256="0" * 64)
    sents = split_sentences(doc)
    mentions: dict[tuple[EntityType, str], list[Mention]] = {}
    for start, end, etype, name, canonical in spans:
        idx = next(s.index for s in sents if s.start <= start and end <= s.end)
        mention = Mention("t", start, end, idx, text[start:end], etype, name, "test")
        mentions.setdefault((etype, canonical), []).append(mention)
    if author is not None:
        mentions.setdefault((EntityType.INSTITUTION, author), [])
    entities = [
        Entity(etype, canonical, "", tuple(ms), tuple(sorted({m.name for m in ms} - {canonical})))
        for (etype, canonical), ms in sorted(mentions.items())
    ]
    author_key = (EntityType.INSTITUTION.value, author, "") if author is not None else None
    flat = sorted((m for ms in mentions.values() for m in ms), key=lambda m: m.start)
    return sents, flat, entities, author_key


def run(markup: str, author: str | None = AUTHOR) -> list[Relation]:
    sents, mentions, entities, author_key = build(markup, author)
    return relate(sents, mentions, entities, author_key)


def triples(rels: list[Relation]) -> set[Triple]:
    return {
        (r.subject[1], r.predicate.value, r.object if isinstance(r.object, int) else r.object[1], r.implicit)
        for r in rels
    }


def objects(rels: list[Relation], pred: Predicate) -> set[str | int]:
    return {r.object if isinstance(r.object, int) else r.object[1] for r in rels if r.predicate is pred}


# --- cue verbs and predicates by object type ---------------------------------


def test_explicit_actor_formulates() -> None:
    rels = run("{机构:县司法局}制定{制度:《行政执法公示办法》}。")
    assert triples(rels) == {("县司法局", "formulates", "行政执法公示办法", False)}
    assert rels[0].rule == "cue"


def test_subjectless_sentence_implies_the_author() -> None:
    assert triples(run("修订{制度:《合同审查办法》}。")) == {(AUTHOR, "formulates", "合同审查办法", True)}


def test_no_implied_actor_without_author() -> None:
    # a news article whose lead names no actor has no author (kg.extraction.author)
    assert run("修订{制度:《合同审查办法》}。", author=None) == []
    # an explicit actor still counts
    news = run("{机构:市司法局}印发{制度:《调解工作规则》}。", author=None)
    assert triples(news) == {("市司法局", "formulates", "调解工作规则", False)}


@pytest.mark.parametrize(
    ("markup", "pred", "obj"),
    [
        ("严格执行{制度:《行政复议条例》}。", "implements", "行政复议条例"),
        ("全面推行{制度:证明事项告知承诺制}。", "implements", "证明事项告知承诺制"),
        ("建立健全{制度:重大决策合法性审查机制}。", "formulates", "重大决策合法性审查机制"),
        ("编制{清单:重大行政决策事项目录}。", "compiles", "重大行政决策事项目录"),
        (
            "编制{制度:《全县法治政府建设规划(2026—2030年)》}。",
            "formulates",
            "全县法治政府建设规划(2026—2030年)",
        ),
        ("动态调整{清单:权责清单}。", "compiles", "权责清单"),
        ("打造{品牌:“和事佬”}调解品牌。", "runs", "和事佬"),
        ("上线{品牌:“随手拍”}小程序。", "runs", "随手拍"),
        ("推出{制度:农业巨灾保险制度}。", "formulates", "农业巨灾保险制度"),
        ("推出{清单:涉企检查事项清单}。", "compiles", "涉企检查事项清单"),
        ("推出{品牌:“码上办”}服务。", "runs", "码上办"),
        ("继续缩减{清单:行政许可事项清单}。", "compiles", "行政许可事项清单"),
        ("锚定{制度:《全县法治政府建设规划》}提出的目标。", "implements", "全县法治政府建设规划"),
    ],
)
def test_cue_class_and_object_type_pick_the_predicate(markup: str, pred: str, obj: str) -> None:
    assert triples(run(markup)) == {(AUTHOR, pred, obj, True)}


def test_a_cue_that_closes_a_noun_leaves_the_verb_before_it() -> None:
    # 法治乡村建设 is a noun: 实施 runs the programme; the author is not a 政府 subject
    rels = run("实施法治乡村建设{品牌:“百村示范”}工程。")
    assert triples(rels) == {(AUTHOR, "runs", "百村示范", True)}
    assert rels[0].start == 0
    # with no verb before it, 建设 is the verb
    assert triples(run("加快建设{品牌:“智慧司法”}平台。")) == {(AUTHOR, "runs", "智慧司法", True)}


@pytest.mark.parametrize(
    "markup",
    [
        "紧扣{制度:《乡村振兴促进条例》}各项任务目标，推进依法行政。",
        "工作紧紧围绕{制度:《年度法治建设考评细则》}展开。",
        "对标{制度:《营商环境创新试点方案》}，逐项抓好整改。",
    ],
)
def test_closely_following_a_rule_implements_it(markup: str) -> None:
    assert objects(run(markup), Predicate.IMPLEMENTS) == {_MARKS.sub("", _MARKUP.search(markup).group(2))}


def test_a_rule_that_work_only_turns_around_is_not_implemented() -> None:
    # 围绕 alone names a theme (围绕中心工作), not a rule that is carried out
    assert run("围绕{制度:“放管服”}改革目标，开展调研。") == []


@pytest.mark.parametrize("verb", ["印发实施", "颁布施行", "颁布实施", "下发", "下发实施"])
def test_a_rule_promulgated_to_take_effect_is_formulated_only(verb: str) -> None:
    rels = run(f"{{机构:县政府}}{verb}{{制度:《行政规范性文件管理办法》}}。")
    assert triples(rels) == {("县政府", "formulates", "行政规范性文件管理办法", False)}


@pytest.mark.parametrize("verb", ["制定实施", "制定并实施", "印发并实施"])
def test_a_rule_made_and_applied_is_formulated_and_implemented(verb: str) -> None:
    rels = run(f"{{机构:县政府}}{verb}{{制度:《行政规范性文件管理办法》}}。")
    assert {r.predicate.value for r in rels} == {"formulates", "implements"}


def test_the_bodies_in_whose_name_a_rule_is_issued_formulate_it() -> None:
    rels = run("以{机构:县委}、{机构:县政府}名义印发{制度:《乡村治理实施意见》}。", author="县司法局")
    assert {(r.subject[1], r.predicate.value) for r in rels} == {
        ("县委", "formulates"),
        ("县政府", "formulates"),
    }
    # 以 … 为 is a frame, not a name: the author acts
    rels = run("以{机构:县委}部署为引领，印发{制度:《乡村治理实施意见》}。", author="县司法局")
    assert {r.subject[1] for r in rels} == {"县司法局"}


@pytest.mark.parametrize(
    "markup",
    [
        "在第三次{机构:县委全面依法治县委员会}会议上审议通过{制度:《法治建设规划》}。",
        "在{机构:县委全面依法治县委员会}全体会议中讨论并通过了{制度:《法治建设规划》}。",
        "{机构:市人大常委会}第二十次会议通过{制度:《文明行为促进条例》}。",
    ],
)
def test_the_body_whose_meeting_adopts_a_rule_formulates_it(markup: str) -> None:
    rels = run(markup, author="县司法局")
    assert [(r.predicate.value, r.implicit) for r in rels] == [("formulates", False)]
    assert rels[0].subject[1] != "县司法局"


def test_a_body_named_at_a_place_is_no_actor_of_other_verbs() -> None:
    # 在…中 before a verb that adopts nothing: the body is an adjunct, the author acts
    rels = run("在{机构:县委全面依法治县委员会}会议中印发{制度:《法治建设规划》}。", author="县司法局")
    assert {r.subject[1] for r in rels} == {"县司法局"}


def test_a_verb_closing_a_noun_does_not_hide_the_verb_before_it() -> None:
    # 建设 ends the noun 法治建设; 贯彻 governs the plan
    rels = run("认真贯彻法治建设{制度:“一规划两纲要”}要求。")
    assert triples(rels) == {(AUTHOR, "implements", "一规划两纲要", True)}
    # a verb of another class that opens its own phrase still stops the earlier one
    assert objects(run("认真贯彻部署并建设{制度:“一规划两纲要”}示范点。"), Predicate.IMPLEMENTS) == set()


def test_cue_of_the_wrong_class_for_the_type_is_silent() -> None:
    # 落实 applies a rule; it does not compile a list
    assert run("严格落实{清单:行政许可事项清单}。") == []
    # 修订 makes rules, not brands
    assert run("修订{品牌:“法润万家”}活动方案。") == []


def test_chained_cues_and_coordinated_names() -> None:
    rels = run("制定并实施{制度:《甲办法》}{制度:《乙规定》}和{制度:《丙制度》}。")
    expected = {
        (AUTHOR, p, o, True) for p in ("formulates", "implements") for o in ("甲办法", "乙规定", "丙制度")
    }
    assert triples(rels) == expected


def test_clause_of_names_continues_the_list() -> None:
    rels = run("制定{制度:《甲办法》}，{制度:《乙通知》}，建立{制度:联席会议制度}。")
    assert objects(rels, Predicate.FORMULATES) == {"甲办法", "乙通知", "联席会议制度"}


def test_clause_with_other_words_does_not_continue_the_list() -> None:
    rels = run("制定{制度:《甲办法》}，组织学习{制度:《乙条例》}。")
    assert objects(rels, Predicate.FORMULATES) == {"甲办法"}
    assert objects(rels, Predicate.IMPLEMENTS) == set()


def test_quoted_examples_before_a_list_do_not_block_the_cue() -> None:
    rels = run("推行“开办餐馆”“新车上牌”等{清单:“一件事”事项清单}。")
    assert objects(rels, Predicate.COMPILES) == {"一件事事项清单"}


def test_a_name_that_is_the_whole_quote_keeps_its_cue() -> None:
    assert objects(run("坚持和发展新时代“{制度:枫桥经验}”。"), Predicate.IMPLEMENTS) == {"枫桥经验"}
    assert objects(run("推行“{制度:一网通办}”，优化服务。"), Predicate.IMPLEMENTS) == {"一网通办"}


def test_cue_too_far_from_the_name_is_silent() -> None:
    assert run("推进全县各级行政机关进一步规范执法行为并认真对待{制度:行政裁量权基准制度}。") == []


@pytest.mark.parametrize(
    "markup",
    [
        "落实把{制度:《民法典》}纳入干部必修课。",
        "推进各部门对照{制度:《法治政府建设示范指标体系》}自查。",
        "开展{制度:《民法典》}宣传活动。",
        "开展{制度:宪法}、{制度:民法典}等法律宣传。",
        "组织{制度:《行政处罚法》}专题培训。",
        # a word of a longer quoted name: the quote names the activity
        "开展“{制度:宪法}十进活动”。",
    ],
)
def test_blocked_or_topic_names_are_silent(markup: str) -> None:
    assert objects(run(markup), Predicate.IMPLEMENTS) == set()


@pytest.mark.parametrize(
    "markup",
    [
        "认真做好{制度:《物业管理条例》}{制度:《消防法》}等一系列法律法规的集中学习。",
        "配合做好{制度:《养犬管理条例》}、{制度:《殡葬管理条例》}等地方性法规的征求意见工作。",
    ],
)
def test_rules_closed_by_their_class_are_the_topic_of_the_activity(markup: str) -> None:
    # 等一系列法律法规的 names the class of the list; the verb acts on the study session
    assert objects(run(markup), Predicate.IMPLEMENTS) == set()


def test_optimising_a_business_environment_names_no_rule() -> None:
    # 优化 is no cue: 召开优化营商环境、…改革推进会议 is a meeting's topic list
    assert run("召开优化营商环境、{制度:“证照分离”}改革推进会议。") == []


def test_rules_closed_by_their_class_are_still_carried_out() -> None:
    # the class phrase alone is no activity: 落实…等法规的各项要求 carries the rules out
    rels = run("严格落实{制度:《养犬管理条例》}、{制度:《殡葬管理条例》}等法规的各项要求。")
    assert objects(rels, Predicate.IMPLEMENTS) == {"养犬管理条例", "殡葬管理条例"}


def test_cue_inside_a_name_is_not_a_cue() -> None:
    # 制定 inside the title must not make the author formulate what follows
    assert run("{制度:《行政规范性文件制定和监督管理规定》}{制度:行政执法公示制度}。") == []


def test_cue_inside_a_title_or_quoted_statement_is_not_the_authors() -> None:
    # the notice's title holds 印发; only the inner title is a mention
    rels = run("根据《关于印发〈{制度:督察工作规定}〉的通知》要求，现报告如下。")
    assert objects(rels, Predicate.FORMULATES) == set()
    # a quoted statement of a plenary session is not the author's action
    assert run("全会提出，“建设完备的服务体系，完善{制度:法律援助制度}”。") == []
    # a short quoted name is not a statement
    assert objects(run("推行“{制度:最多跑一次}”改革。"), Predicate.IMPLEMENTS) == {"最多跑一次"}


def test_alias_of_a_title_is_not_a_second_object() -> None:
    rels = run("印发{制度:《公共法律服务实施意见》}(以下简称{制度:《意见》})。")
    assert objects(rels, Predicate.FORMULATES) == {"公共法律服务实施意见"}


def test_verb_after_the_name() -> None:
    assert triples(run("持续抓好行政执法{制度:“三项制度”}落实。")) == {
        (AUTHOR, "implements", "三项制度", True)
    }
    assert triples(run("{清单:高频服务清单}定期发布。")) == {(AUTHOR, "compiles", "高频服务清单", True)}


@pytest.mark.parametrize(
    "markup",
    [
        "开展{清单:乡镇权责清单}编制试点。",
        "完成{清单:政务服务事项清单}梳理工作。",
        "推进{清单:免罚清单}编制。",
    ],
)
def test_a_list_followed_by_its_drawing_up_is_compiled(markup: str) -> None:
    name = _MARKS.sub("", _MARKUP.search(markup).group(2))
    assert triples(run(markup)) == {(AUTHOR, "compiles", name, True)}


@pytest.mark.parametrize(
    "markup",
    [
        "{清单:乡镇权责清单}编制不到位。",  # negated
        "{清单:乡镇权责清单}的内容由各部门分头统一编制。",  # too far from the name
        "严格落实{清单:乡镇权责清单}，完成机构编制核定。",  # 编制 of another clause
    ],
)
def test_no_compiling_from_a_negated_or_distant_following_verb(markup: str) -> None:
    assert [r for r in run(markup) if r.predicate is Predicate.COMPILES] == []


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("对{制度:《合同管理办法》}进行了修订。", (AUTHOR, "formulates", "合同管理办法", True)),
        (
            "{制度:《合同管理办法》}由{机构:县政府=开阳县人民政府}印发。",
            (AUTHOR, "formulates", "合同管理办法", False),
        ),
    ],
)
def test_verb_after_the_name_with_its_actor(markup: str, expected: Triple) -> None:
    assert triples(run(markup)) == {expected}


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "{制度:《调解员管理办法》}由{机构:县司法局}制定，已于3月施行。",
            {("县司法局", "formulates", "调解员管理办法", False)},
        ),
        (
            "{制度:《合同审查规程》}由{机构:县政府办公室}于5月修订。",
            {("县政府办公室", "formulates", "合同审查规程", False)},
        ),
        (
            "{制度:《法律援助实施细则》}经{机构:县司法局}修订后印发。",
            {("县司法局", "formulates", "法律援助实施细则", False)},
        ),
        (
            "{制度:《公平竞争审查实施办法》}依据{制度:《公平竞争审查制度实施细则》}制定。",
            {
                (AUTHOR, "formulates", "公平竞争审查实施办法", True),
                (AUTHOR, "implements", "公平竞争审查制度实施细则", True),
                ("公平竞争审查实施办法", "basedOn", "公平竞争审查制度实施细则", False),
            },
        ),
    ],
)
def test_any_verb_after_the_name_with_only_its_agent_or_ground_between(
    markup: str, expected: set[Triple]
) -> None:
    assert triples(run(markup)) == expected


@pytest.mark.parametrize(
    "markup",
    [
        "{制度:《调解员管理办法》}由{机构:县司法局}负责解释。",  # 解释 is no cue
        "{制度:《调解员管理办法》}对{机构:县司法局}提出要求，县政府建立机制。",
        "{制度:《调解员管理办法》}为{机构:县司法局}制定工作计划提供依据。",
    ],
)
def test_no_verb_after_the_name_through_other_words(markup: str) -> None:
    assert [r for r in run(markup) if r.predicate is Predicate.FORMULATES] == []


@pytest.mark.parametrize(
    ("markup", "units"),
    [
        ("{机构:县委依法治县办}下设的{机构:执法协调小组}定期召开会议。", {"执法协调小组"}),
        (
            "{机构:县司法局}内设{机构:法治督察股}、{机构:行政复议股}和{机构:公共法律服务股}。",
            {"法治督察股", "行政复议股", "公共法律服务股"},
        ),
        ("{机构:县法治政府建设领导小组}下设{机构:县司法局办公室}。", {"县司法局办公室"}),
    ],
)
def test_units_a_body_has_under_it(markup: str, units: set[str]) -> None:
    rels = [r for r in run(markup) if r.predicate is Predicate.PART_OF]
    assert {r.subject[1] for r in rels} == units
    assert {r.rule for r in rels} == {"part-of-sentence"}
    assert len({r.object for r in rels}) == 1


@pytest.mark.parametrize(
    "markup",
    [
        "{机构:县司法局}设立{机构:行政复议服务中心}。",  # set up is not under it
        "{机构:县司法局}下设站点，{机构:县政府}统筹。",  # nothing named right after
        "{机构:县司法局}和{机构:县信访局}联合调解。",
        "印发{制度:《关于县司法局下设调解中心的通知》}。",  # inside a title
    ],
)
def test_no_units_without_the_word_and_both_bodies(markup: str) -> None:
    assert [r for r in run(markup) if r.predicate is Predicate.PART_OF] == []


def test_law_taking_effect_is_not_implemented_by_the_author() -> None:
    assert run("去年{制度:《乡村振兴促进法》}施行，提出了新要求。") == []


def test_frame_construction() -> None:
    assert triples(run("以{制度:《安全生产条例》}为指导，开展检查。")) == {
        (AUTHOR, "implements", "安全生产条例", True)
    }
    assert triples(run("以{品牌:“法律进万家”}为载体服务群众。")) == {(AUTHOR, "runs", "法律进万家", True)}
    assert run("以{制度:《安全生产条例》}的要求检查。") == []


@pytest.mark.parametrize(
    "markup",
    [
        "尚未建立{制度:重大决策合法性审查机制}。",
        "部分单位未全面落实{制度:行政执法公示制度}。",
        "法制审查等{制度:依法决策机制}贯彻落实不到位。",
        "落实{制度:行政执法公示制度}还不够。",
    ],
)
def test_negated_cue_is_silent(markup: str) -> None:
    assert run(markup) == []


def test_negation_words_elsewhere_do_not_block() -> None:
    rels = run("针对未成年人建立{制度:校园安全联防机制}。")
    assert triples(rels) == {(AUTHOR, "formulates", "校园安全联防机制", True)}


def test_unnamed_list_members_before_a_name() -> None:
    rels = run("组织开展“12·4”宪法宣传周、宪法法律宣传月和{品牌:“书香法治”}主题活动。")
    assert triples(rels) == {(AUTHOR, "runs", "书香法治", True)}
    # a long unnamed stretch is not a list: the cue rule is silent, and only the
    # loose reading of a brand's activity (开展…“X”主题活动) names it
    rels = run("组织开展全县范围内各类宪法宣传周和法律进社区进乡村进学校和{品牌:“书香法治”}主题活动。")
    assert [r.rule for r in rels] == ["cue-loose"]


@pytest.mark.parametrize(
    "markup",
    [
        "深入开展习近平法治思想学习宣传贯彻{品牌:“法润万家”}活动。",
        "定期举办面向全县全体行政执法人员的法律知识{品牌:“季季考”}竞赛。",
        "常态化开展面向新就业形态劳动者的{品牌:“送法上门”}专项行动。",
    ],
)
def test_a_brand_after_a_long_modifier_is_run_by_the_author(markup: str) -> None:
    assert triples(run(markup)) == {
        (AUTHOR, "runs", _MARKS.sub("", markup.split(":")[1].split("}")[0]), True)
    }


@pytest.mark.parametrize(
    "markup",
    [
        # a member of an enumeration of things used, not run
        "依托理论学习中心组集体学习、支部主题党日、法治教育网、{品牌:“法润万家”}平台等组织学习。",
        # the verb is in another clause
        "深入开展普法宣传，{品牌:“法润万家”}活动覆盖全县。",
        # a verb of another relation
        "严格落实各项执法制度和{品牌:“法润万家”}活动要求。",
    ],
)
def test_no_loose_runs_across_an_enumeration_a_clause_or_another_verb(markup: str) -> None:
    assert [r for r in run(markup) if r.predicate is Predicate.RUNS] == []


def test_frame_over_a_list_of_brands() -> None:
    rels = run("以律所签约、{品牌:“三师助企”}专项行动、{品牌:“千所千会”}等形式开展法律服务。")
    assert objects(rels, Predicate.RUNS) == {"三师助企", "千所千会"}


# --- the actor -------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "由{机构:县司法局}牵头制定{制度:《公职律师管理办法》}。",
        "{机构:县司法局}已先后印发{制度:《公职律师管理办法》}。",
        "一是{机构:县司法局}研究制定{制度:《公职律师管理办法》}。",
    ],
)
def test_actor_before_the_verb(markup: str) -> None:
    assert triples(run(markup)) == {("县司法局", "formulates", "公职律师管理办法", False)}


@pytest.mark.parametrize(
    "markup",
    [
        "在{机构:县委}的领导下制定{制度:《公职律师管理办法》}。",
        "及时向{机构:县人大常委会}报告并印发{制度:《公职律师管理办法》}。",
    ],
)
def test_institution_as_adjunct_is_not_the_actor(markup: str) -> None:
    assert triples(run(markup)) == {(AUTHOR, "formulates", "公职律师管理办法", True)}


def test_generic_plural_actor_blocks_the_implied_author() -> None:
    assert run("推动各部门建立{清单:免罚清单}。") == []
    assert run("全县7个乡镇、42个县直部门制定{清单:法律顾问工作清单}。") == []
    # how many of them act (普遍, 全部), and a short aside in brackets after the plural
    assert run("全县各乡镇普遍建立了{制度:法律顾问制度}。") == []
    assert run("全县14个乡镇（街道）全部建立{制度:网格员巡查制度}。") == []
    # a counted plural that opens the sentence is the subject of its later clauses
    assert run("全县14个乡镇全部组建执法队伍，推行{制度:“721”工作法}。") == []
    # a named body that acts in full still acts
    rels = run("{机构:县司法局}全部建立{制度:网格员巡查制度}。")
    assert triples(rels) == {("县司法局", "formulates", "网格员巡查制度", False)}
    # a generic noun inside a prepositional phrase is not the actor
    rels = run("在8家部门推行{制度:告知承诺制}。")
    assert triples(rels) == {(AUTHOR, "implements", "告知承诺制", True)}


def test_unnamed_organ_as_subject_blocks_the_implied_author() -> None:
    # 中办、国办 are not entities here: the author did not issue the opinion
    assert run("中办、国办2019年6月印发{制度:《关于加快推进公共服务体系建设的意见》}。") == []
    assert run("市委全面依法治市委员会办公室制定{制度:《督察工作办法》}。") == []


@pytest.mark.parametrize(
    "markup",
    [
        # an institution before 各/所属 says whose the plural subject is
        "{机构:县政府}各部门制定{制度:《行政执法公示办法》}。",
        "{机构:县政府}所属单位全面落实{制度:行政执法公示制度}。",
        # a modal verb after a plural subject (a task set for others)
        "乡镇政府要建立{制度:矛盾纠纷排查机制}。",
        "街道和社区应当落实{制度:网格员巡查制度}。",
        # a plural subject that opens the sentence is the subject of its later clauses
        "各级各部门坚持依法行政，全面实施{制度:“八五”普法规划}。",
        "{机构:县政府}各部门提高站位，严格执行{制度:《行政执法公示办法》}。",
    ],
)
def test_plural_subject_names_no_actor(markup: str) -> None:
    assert run(markup) == []


def test_named_actor_with_a_modal_or_a_plural_object_still_acts() -> None:
    rels = run("{机构:县司法局}要制定{制度:《调解工作办法》}。")
    assert triples(rels) == {("县司法局", "formulates", "调解工作办法", False)}
    rels = run("{机构:县司法局}组织各部门学习，落实{制度:《调解工作办法》}。")
    assert triples(rels) == {("县司法局", "implements", "调解工作办法", False)}
    # a plural inside an adverbial first clause is not the sentence's subject
    rels = run("在各部门配合下，全面落实{制度:《调解工作办法》}。")
    assert triples(rels) == {(AUTHOR, "implements", "调解工作办法", True)}


def test_date_between_actor_and_verb() -> None:
    rels = run("{机构:省政府办公厅}2019年6月印发{制度:《政务公开工作要点》}。")
    assert triples(rels) == {("省政府办公厅", "formulates", "政务公开工作要点", False)}


def test_coordinated_actors_share_the_verb() -> None:
    rels = run("{机构:中共中央办公厅}、{机构:国务院办公厅}印发{制度:《督察工作规定》}。")
    assert triples(rels) == {
        ("中共中央办公厅", "formulates", "督察工作规定", False),
        ("国务院办公厅", "formulates", "督察工作规定", False),
    }


def test_topic_subject_carries_to_later_clauses() -> None:
    rels = run("{机构:省委政法委}推动立法，指导制定{制度:《法治乡村建设实施意见》}。")
    assert triples(rels) == {("省委政法委", "formulates", "法治乡村建设实施意见", False)}
    # an institution that opens the sentence as a modifier is not its topic
    rels = run("{机构:县司法局}的同志参与调研，制定{制度:《调研工作办法》}。")
    assert triples(rels) == {(AUTHOR, "formulates", "调研工作办法", True)}


@pytest.mark.parametrize(
    "markup",
    [
        "{机构:县委}书记带头落实{制度:《第一责任人职责规定》}。",
        "{机构:省司法厅}厅长主持召开会议，审议{制度:《律师调解工作规则》}，推行{制度:律师调解制度}。",
        "{机构:县司法局}主要负责同志研究部署，建立{制度:行政执法案卷评查制度}。",
    ],
)
def test_a_post_after_the_opening_institution_makes_a_person_the_subject(markup: str) -> None:
    # the person's body is not the clause's or the sentence's actor; the author speaks
    assert {r.subject[1] for r in run(markup)} <= {AUTHOR}


def test_a_body_named_after_an_official_s_words_acts_in_the_clauses_after_it() -> None:
    rels = run(
        "{机构:县人民法院}院长赵某介绍，{机构:该院=县人民法院}推行{制度:繁简分流机制}，"
        "打造“{品牌:宁和}”调解品牌。"
    )
    assert triples(rels) == {
        ("县人民法院", "implements", "繁简分流机制", False),
        ("县人民法院", "runs", "宁和", False),
    }
    # with no body after the official's words, the author still speaks
    rels = run("{机构:县人民法院}院长赵某介绍，将推行{制度:繁简分流机制}，打造“{品牌:宁和}”调解品牌。")
    assert {r.subject[1] for r in rels} == {AUTHOR}


def test_a_body_without_a_post_still_opens_the_sentence() -> None:
    rels = run("{机构:省司法厅}召开会议，推行{制度:律师调解制度}。")
    assert triples(rels) == {("省司法厅", "implements", "律师调解制度", False)}


def test_a_clause_that_says_when_is_not_the_topic() -> None:
    rels = run(
        "{机构:省政府}印发{制度:《法治政府建设实施方案》}后，{机构:县政府}第一时间研究部署，"
        "出台{制度:《贯彻落实方案》}。"
    )
    assert triples(rels) == {
        ("省政府", "formulates", "法治政府建设实施方案", False),
        ("县政府", "formulates", "贯彻落实方案", False),
    }
    # a time clause without a subject of its own after it leaves the author
    rels = run("{机构:省政府}印发{制度:《法治政府建设实施方案》}后，及时出台{制度:《贯彻落实方案》}。")
    assert ("开阳县人民政府", "formulates", "贯彻落实方案", True) in triples(rels)
    # …以来: the national organs issued the outline; the county made its own plan
    rels = run(
        "{机构:党中央}、{机构:国务院}印发{制度:《法治政府建设实施纲要》}以来，认真贯彻落实，"
        "制定{制度:《全县法治政府建设实施方案》}。"
    )
    assert {r.subject[1] for r in rels if r.object[1] == "全县法治政府建设实施方案"} == {AUTHOR}
    # 同时 is no time clause: the sentence's subject carries on
    rels = run("{机构:县司法局}加强培训的同时，建立{制度:案卷评查制度}。")
    assert triples(rels) == {("县司法局", "formulates", "案卷评查制度", False)}


def test_light_verb_before_a_cue_adds_nothing() -> None:
    rels = run("推进建立{制度:部际联席会议制度}。")
    assert triples(rels) == {(AUTHOR, "formulates", "部际联席会议制度", True)}
    # but two full verbs both count
    rels = run("先行制定实施{制度:《创建实施方案》}。")
    assert objects(rels, Predicate.FORMULATES) == objects(rels, Predicate.IMPLEMENTS) == {"创建实施方案"}


def test_author_does_not_formulate_laws() -> None:
    rels = run("出台{制度:《乡村振兴促进条例》}，修订{制度:《合同管理办法》}。")
    assert triples(rels) == {(AUTHOR, "formulates", "合同管理办法", True)}
    assert run("修改{制度:农作物种子管理条例}。") == []
    # a bare …法 without title marks may be a method the author made
    assert objects(run("建立{制度:“三步工作法”}。"), Predicate.FORMULATES) == {"三步工作法"}
    # a named legislature may
    rels = run("{机构:省人大常委会}出台{制度:《乡村振兴促进条例》}。")
    assert triples(rels) == {("省人大常委会", "formulates", "乡村振兴促进条例", False)}


# --- issuer, basedOn ---------------------------------------------------------------


def test_issuer_before_title() -> None:
    rels = run("贯彻落实{机构:国务院}{制度:《重大行政决策程序暂行条例》}。")
    assert triples(rels) == {
        ("国务院", "formulates", "重大行政决策程序暂行条例", False),
        (AUTHOR, "implements", "重大行政决策程序暂行条例", True),
    }
    assert {r.rule for r in rels} == {"issuer", "cue"}


def test_issuer_needs_a_title_mark_and_adjacency() -> None:
    rels = run("{机构:国务院}和{制度:《重大行政决策程序暂行条例》}。")
    assert objects(rels, Predicate.FORMULATES) == set()


def test_adjacent_issuers_written_without_a_mark_between_them() -> None:
    rels = run("根据{机构:中共中央}{机构:国务院}{制度:《法治社会建设纲要》}精神。")
    assert objects(rels, Predicate.FORMULATES) == {"法治社会建设纲要"}
    assert {r.subject[1] for r in rels if r.predicate is Predicate.FORMULATES} == {"中共中央", "国务院"}


def test_issuers_named_before_about_in_a_title() -> None:
    # issuers that are no institutions of the report give nothing
    rels = run("转发{制度:《市委宣传部、市司法局关于开展普法工作的规划》}。")
    assert not [r for r in rels if r.rule == "issuer.title"]
    # the title's own issuers formulate it
    rels = run(
        "{机构:市委宣传部}和{机构:市司法局}部署。转发{制度:《市委宣传部、市司法局关于开展普法工作的规划》}。"
    )
    issued = {(r.subject[1], r.object[1]) for r in rels if r.rule == "issuer.title"}
    assert issued == {
        ("市委宣传部", "市委宣传部、市司法局关于开展普法工作的规划"),
        ("市司法局", "市委宣传部、市司法局关于开展普法工作的规划"),
    }


def test_issuers_of_a_notice_formulate_what_it_issues() -> None:
    rels = run(
        "{机构:中共桃源县委} {机构:桃源县人民政府} 关于印发{制度:《桃源县法治政府建设实施方案》}的通知",
        author=None,
    )
    assert triples(rels) == {
        ("中共桃源县委", "formulates", "桃源县法治政府建设实施方案", False),
        ("桃源县人民政府", "formulates", "桃源县法治政府建设实施方案", False),
    }


def test_issuers_written_without_a_separator() -> None:
    rels = run(
        "{机构:中共桃源省委}和{机构:桃源省人民政府}部署。"
        "紧扣《中共桃源省委桃源省人民政府关于印发〈{制度:桃源省法治建设纲要}〉的通知》各项任务。",
        author=None,
    )
    issued = {r.subject[1] for r in rels if r.rule == "issuer.title"}
    assert issued == {"中共桃源省委", "桃源省人民政府"}
    # a run of text that is not made of the report's institutions issues nothing
    rels = run(
        "{机构:中共桃源省委}部署。"
        "紧扣《中共桃源省委桃源省某单位关于印发〈{制度:桃源省法治建设纲要}〉的通知》各项任务。",
        author=None,
    )
    assert not [r for r in rels if r.rule == "issuer.title"]


def test_a_system_named_after_its_institution_is_formulated_by_it() -> None:
    rels = run(
        "根据{制度:《桃源县人民政府重大行政决策程序规定》}，{机构:桃源县人民政府}完善程序。", author=None
    )
    assert ("桃源县人民政府", "formulates", "桃源县人民政府重大行政决策程序规定", False) in triples(rels)


def test_partners_act_with_the_writer() -> None:
    rels = run("与{机构:县法院}、{机构:县检察院}联合印发{制度:《行政争议实质性化解办法》}。")
    assert triples(rels) == {
        (AUTHOR, "formulates", "行政争议实质性化解办法", True),
        ("县法院", "formulates", "行政争议实质性化解办法", False),
        ("县检察院", "formulates", "行政争议实质性化解办法", False),
    }
    # 与 without 联合/共同 makes an adjunct, not a partner
    rels = run("与{机构:县法院}座谈后印发{制度:《行政争议实质性化解办法》}。")
    assert {r.subject[1] for r in rels} == {AUTHOR}


def test_partners_after_a_joint_verb_act_with_the_writer() -> None:
    # 联合A印发 in a clause of its own: the writer, and A with it
    rels = run("联合{机构:县法院}印发{制度:《诉前调解工作规定》}。")
    assert triples(rels) == {
        (AUTHOR, "formulates", "诉前调解工作规定", True),
        ("县法院", "formulates", "诉前调解工作规定", False),
    }
    # the partners counted after their list (等六部门) are the same partners
    rels = run("会同{机构:县委政法委}、{机构:县财政局}等六部门制定{制度:《调解员队伍建设意见》}。")
    assert {r.subject[1] for r in rels} == {AUTHOR, "县委政法委", "县财政局"}
    # a clause's subject named before acts with them, not the writer
    rels = run("{机构:县民政局}积极作为，联合{机构:县法院}印发{制度:《诉前调解工作规定》}。")
    assert {r.subject[1] for r in rels} == {"县民政局", "县法院"}
    # without a writer, the partners still act
    rels = run("联合{机构:县法院}印发{制度:《诉前调解工作规定》}。", author=None)
    assert triples(rels) == {("县法院", "formulates", "诉前调解工作规定", False)}
    # 联合 as part of a name's clause without a verb of its own is no partner word
    rels = run("{机构:县法院}在联合调解中心印发{制度:《诉前调解工作规定》}。", author=None)
    assert {r.subject[1] for r in rels} == {"县法院"}


def test_the_bodies_of_a_frame_are_not_the_sentence_s_subject() -> None:
    # 在…领导下，X…: the clause after the frame names the subject of the later clauses
    rels = run(
        "在{机构:县委}、{机构:县政府}正确领导下，{机构:县民政局}深入学习，全面贯彻{制度:《法治政府建设实施纲要》}。"
    )
    assert triples(rels) == {("县民政局", "implements", "法治政府建设实施纲要", False)}


def test_a_committee_with_its_government_written_short_acts_with_the_author() -> None:
    # 县委、政府 in a report by the county's government: both
    rels = run("{机构:县委}、政府深入学习，全面贯彻{制度:《法治政府建设实施纲要》}。", author="县人民政府")
    assert {r.subject[1] for r in rels} == {"县委", "县人民政府"}
    rels = run("{机构:县委}、政府印发{制度:《法治督察办法》}。", author="县人民政府")
    assert {r.subject[1] for r in rels} == {"县委", "县人民政府"}
    # a bureau's report: the committee alone (the government is no author to name)
    rels = run("{机构:县委}、政府印发{制度:《法治督察办法》}。", author="县司法局")
    assert {r.subject[1] for r in rels} == {"县委"}


def test_a_title_joined_to_another_that_names_its_own_issuer_is_not_made_by_the_verb_s_actor() -> None:
    text = "{机构:县委}印发的{制度:《甲实施方案》}和{制度:《县人大常委会对县政府工作报告的审议意见》}。"
    got = {(r.subject[1], r.predicate.value, r.object[1]) for r in run(text)}
    assert ("县委", "formulates", "甲实施方案") in got
    assert ("县委", "formulates", "县人大常委会对县政府工作报告的审议意见") not in got
    # right after the verb, a notice titled by another body is still the actor's (转发, 印发)
    text = "{机构:县委}印发{制度:《县司法局关于加强调解工作的意见》}。"
    got = {(r.subject[1], r.predicate.value, r.object[1]) for r in run(text)}
    assert ("县委", "formulates", "县司法局关于加强调解工作的意见") in got
    # a verb of applying still applies to every title of the list
    text = "学习贯彻{制度:《甲实施方案》}{制度:《省政府办公厅关于印发乙方案的通知》}。"
    assert objects(run(text), Predicate.IMPLEMENTS) == {"甲实施方案", "省政府办公厅关于印发乙方案的通知"}


def test_a_clause_opening_with_yiji_adds_to_the_previous_verb_s_objects() -> None:
    rels = run("坚决贯彻落实全会精神，以及{制度:“十四五”规划}的总体要求。")
    assert triples(rels) == {(AUTHOR, "implements", "十四五规划", True)}
    # without 以及, a clause with a name of its own and no verb is no object of the verb before
    assert run("坚决贯彻落实全会精神，{制度:“十四五”规划}顺利收官。") == []


def test_what_a_body_requires_of_all_is_theirs() -> None:
    # 县委要求全县上下…，严格执行X: those required act, and they name no entity
    rels = run("{机构:县委}要求全县上下高度重视，严格执行{制度:工作人员行为准则}。")
    assert rels == []
    rels = run("{机构:县政府}要求各部门认真落实责任，严格执行{制度:工作人员行为准则}。")
    assert rels == []
    # a body that requires something of no one in particular still acts
    rels = run("{机构:县委}高度重视，严格执行{制度:工作人员行为准则}。", author=None)
    assert {r.subject[1] for r in rels} == {"县委"}


def test_a_partner_after_a_joint_verb_is_no_subject_that_names_no_entity() -> None:
    # 社区 and 各乡镇 after 携手/联合 are the writer's partners, not a generic subject
    rels = run("携手辽河社区开展{品牌:“法润万家”}志愿服务活动。")
    assert triples(rels) == {(AUTHOR, "runs", "法润万家", True)}
    rels = run("联合各乡镇开展{品牌:“法润万家”}志愿服务活动。")
    assert triples(rels) == {(AUTHOR, "runs", "法润万家", True)}
    # a generic subject before the joint verb still names no one
    assert run("各乡镇联合派出所开展{品牌:“法润万家”}志愿服务活动。") == []


def test_institutions_joined_by_together_words_act_together() -> None:
    rels = run("{机构:县法院}、{机构:县检察院}等部门联合印发{制度:《行政争议实质性化解办法》}。", author=None)
    assert {r.subject[1] for r in rels} == {"县法院", "县检察院"}
    rels = run("{机构:县司法局}联合{机构:县教育局}开展{品牌:“法润青春”}专项活动。", author=None)
    assert {(r.subject[1], r.predicate.value) for r in rels} == {("县司法局", "runs"), ("县教育局", "runs")}


def test_a_body_named_right_before_a_brand_runs_it() -> None:
    rels = run(
        "先后打造{机构:城东司法所}{品牌:“马上就办”}调解品牌、{机构:城西司法所}{品牌:“邻里和”}调解室。",
        author=None,
    )
    assert {(r.subject[1], r.object[1]) for r in rels if r.rule == "owner"} == {
        ("城东司法所", "马上就办"),
        ("城西司法所", "邻里和"),
    }
    # a body that is only listed before it is no owner
    rels = run("{机构:县司法局}、{品牌:“马上就办”}等一同亮相。", author=None)
    assert [r for r in rels if r.rule == "owner"] == []


def test_issuer_from_decree_number() -> None:
    rels = run("严格执行{制度:《规范性文件管理规定》}({机构:省政府}令第192号)。")
    assert ("省政府", "formulates", "规范性文件管理规定", False) in triples(rels)


def test_based_on() -> None:
    rels = run("根据{制度:《土地管理条例》}，制定并颁布了{制度:《集体建设用地管理试行办法》}。")
    assert triples(rels) == {
        (AUTHOR, "implements", "土地管理条例", True),
        (AUTHOR, "formulates", "集体建设用地管理试行办法", True),
        ("集体建设用地管理试行办法", "basedOn", "土地管理条例", False),
    }


def test_based_on_past_the_issuers_of_the_basis() -> None:
    rels = run(
        "根据{机构:中共中央}、{机构:国务院}{制度:《乡村治理纲要》}精神和{机构:省委}{制度:《基层治理规划》}要求，"
        "结合本县实际，制定{制度:《县域治理实施方案》}。"
    )
    assert {(r.subject[1], r.object[1]) for r in rels if r.predicate is Predicate.BASED_ON} == {
        ("县域治理实施方案", "乡村治理纲要"),
        ("县域治理实施方案", "基层治理规划"),
    }


def test_based_on_a_rule_wrapped_in_its_notice() -> None:
    rels = run(
        "根据《{机构:省委}、{机构:省政府}关于印发〈{制度:山区振兴纲要}〉的通知》(甲发〔2022〕3号)精神，"
        "制定{制度:《县山区振兴实施方案》}。"
    )
    assert objects(rels, Predicate.BASED_ON) == {"山区振兴纲要"}


def test_based_on_a_rule_measured_against() -> None:
    rels = run("对标对表{制度:《营商环境改革方案》}各项要求，出台{制度:《县营商环境行动计划》}。")
    assert ("县营商环境行动计划", "basedOn", "营商环境改革方案", False) in triples(rels)


@pytest.mark.parametrize("word", ["为贯彻落实", "为深入贯彻", "参照"])
def test_based_on_the_rule_a_new_one_is_made_for_or_after(word: str) -> None:
    rels = run(f"{word}{{制度:《营商环境改革方案》}}，制定{{制度:《县营商环境行动计划》}}。")
    assert ("县营商环境行动计划", "basedOn", "营商环境改革方案", False) in triples(rels)


@pytest.mark.parametrize("word", ["依据", "指导", "基本遵循"])
def test_based_on_a_rule_taken_as_the_ground_of_the_clause(word: str) -> None:
    rels = run(f"以{{制度:《营商环境条例》}}为{word}，制定{{制度:《县营商环境若干措施》}}。")
    assert ("县营商环境若干措施", "basedOn", "营商环境条例", False) in triples(rels)


def test_no_based_on_from_a_rule_used_as_a_vehicle() -> None:
    # 以《A》为抓手: A is the means of the work, not the ground of the new plan
    rels = run("以{制度:《县法治建设实施方案》}为抓手，制定{制度:《县法治建设工作要点》}。")
    assert objects(rels, Predicate.BASED_ON) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "{制度:《县行政执法公示办法》}依据{制度:《行政处罚法》}制定。",
        "{制度:《县行政执法公示办法》}是依据{制度:《行政处罚法》}制定的。",
    ],
)
def test_based_on_when_the_new_rule_is_the_topic(sentence: str) -> None:
    rels = run(sentence)
    assert (AUTHOR, "formulates", "县行政执法公示办法", True) in triples(rels)
    assert ("县行政执法公示办法", "basedOn", "行政处罚法", False) in triples(rels)
    # the evidence runs from the new rule to its ground, in the sentence's order
    based = next(r for r in rels if r.predicate is Predicate.BASED_ON)
    assert based.start < based.end


def test_the_copula_before_the_agent_of_a_rule() -> None:
    rels = run("{制度:《县行政执法公示办法》}是由{机构:县司法局}制定的。")
    assert ("县司法局", "formulates", "县行政执法公示办法", False) in triples(rels)


def test_no_based_on_when_the_basis_word_does_not_open_the_clause() -> None:
    # the issuers are skipped, not any words: 根据 governs 工作安排 here, not the plan
    rels = run("根据工作安排，{机构:县政府}转报{制度:《水利规划》}，制定{制度:《防汛预案》}。")
    assert objects(rels, Predicate.BASED_ON) == set()
    # 落实《A》，建立B: two tasks, not a rule made on A's ground
    rels = run("全面落实{制度:《行政执法指导意见》}，建立{制度:行政执法监督制度}。")
    assert objects(rels, Predicate.BASED_ON) == set()


def test_no_based_on_without_a_new_rule() -> None:
    rels = run("根据{制度:《标准化条例》}组织开展标准修订工作。")
    assert objects(rels, Predicate.BASED_ON) == set()
    assert objects(rels, Predicate.IMPLEMENTS) == {"标准化条例"}


def test_no_based_on_when_the_rule_is_only_implemented() -> None:
    rels = run("根据{制度:《甲条例》}，落实{制度:《乙办法》}。")
    assert objects(rels, Predicate.BASED_ON) == set()


# --- item counts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "count"),
    [
        ("梳理{清单:政务服务事项清单}714项。", 714),
        ("公布{清单:权责清单}共238项。", 238),
        ("发布224项{清单:免于处罚事项清单}。", 224),
        ("推行{清单:“一件事”事项清单}72个。", 72),
        ("编制{清单:权责清单}事项共238项。", 238),
        ("公布{清单:免罚清单}(56项)。", 56),
        # past a comma when a count word follows it, an edition, 余/多 after the number
        ("编制{清单:行政许可事项清单}，共计238项。", 238),
        ("公布{清单:行政许可事项清单}(2024年版)，共238项。", 238),
        ("编制{清单:行政执法事项清单}3600余项。", 3600),
        ("制定{清单:涉企行政检查事项清单}，涵盖检查事项86项。", 86),
        # the count of the list's kinds first, then of its items
        ("制定{清单:行政执法事项清单}8类1263项。", 1263),
        ("编制{清单:公共法律服务事项清单}，共分3大类26项。", 26),
        ("编制{清单:权责清单}共7个类别193项。", 193),
        ("编制{清单:公共法律服务事项清单}，分为3大类，共26项。", 26),
        # what the list holds or what is put into it
        ("编制{清单:《政务服务事项清单》}，包含事项1263项。", 1263),
        ("制定{清单:免罚清单}，涵盖轻微违法行为12项。", 12),
        ("编制{清单:重大行政决策事项目录}，列入决策事项5项。", 5),
        ("将7项事项列入{清单:《重大行政决策事项目录》}。", 7),
        # 项 before a list named after its owners still counts its items
        ("梳理形成12项{清单:乡镇履行职责事项清单}。", 12),
    ],
)
def test_item_count(markup: str, count: int) -> None:
    assert objects(run(markup), Predicate.ITEM_COUNT) == {count}


@pytest.mark.parametrize(
    "markup",
    [
        "建立{清单:权责清单}，实现233项事项网上办。",
        "形成{清单:权责清单}3张。",
        "明确执法事项27项(其中{清单:自选事项清单}39项)。",
        "{清单:权责清单}2023年版发布。",
        # after a comma without a count word the number counts something else
        "公布{清单:权责清单}，办理事项312项。",
        "公布{清单:权责清单}，分类指导8个乡镇。",
        # 纳入 what is no item of it
        "编制{清单:权责清单}，纳入考核3次。",
        # 个 before a list named after its owners counts the owners
        "对全县12个{清单:乡镇履行职责事项清单}开展梳理。",
        "公布18家{清单:单位权责清单}。",
    ],
)
def test_no_item_count(markup: str) -> None:
    assert objects(run(markup), Predicate.ITEM_COUNT) == set()


def test_item_count_evidence_covers_the_number() -> None:
    text = "梳理政务服务事项清单714项。"
    r = next(r for r in run("梳理{清单:政务服务事项清单}714项。") if r.predicate is Predicate.ITEM_COUNT)
    assert text[r.start : r.end] == "政务服务事项清单714项"


# --- partOf and brands named after institutions ---------------------------------------


def run_structured(markup: str, author: str | None = AUTHOR) -> list[Relation]:
    """``run`` with each body's parent read from its name, as find_relations does."""
    sents, mentions, entities, author_key = build(markup, author)
    # local bodies of a report of 开阳县 (520121)
    entities = [replace(e, scope="520121") for e in entities]
    author_key = (author_key[0], author_key[1], "520121") if author_key else None
    info = ReportInfo(doc_id="t", place=region_of("520121"), author=author or "")
    parents = {c: p for c, (p, _) in parents_of(entities, info, author_key).items()}
    return relate(sents, mentions, entities, author_key, parents)


def test_part_of_from_name() -> None:
    rels = run_structured("{机构:县政府=开阳县人民政府}召开会议，{机构:县政府行政复议办公室}组织听证。")
    assert triples(rels) == {("县政府行政复议办公室", "partOf", AUTHOR, False)}
    assert rels[0].rule == "part-of-name"


def test_part_of_bare_organ_name_is_the_report_s_place_s() -> None:
    rels = run_structured("{机构:县政府=开阳县人民政府}及{机构:政府办}制定的文件。")
    assert ("政府办", "partOf", AUTHOR, False) in triples(rels)
    # another government named nearer does not take it: 政府办 is the report's own
    rels = run_structured("{机构:市政府=贵阳市人民政府}部署，{机构:县政府=开阳县人民政府}及{机构:政府办}。")
    assert objects(rels, Predicate.PART_OF) == {AUTHOR}


def test_part_of_needs_a_unit_head() -> None:
    rels = run_structured("{机构:县政府=开阳县人民政府}召开{机构:县政府专题研讨}。")
    assert objects(rels, Predicate.PART_OF) == set()


def test_part_of_once_per_child() -> None:
    rels = run_structured("{机构:县人大}和{机构:县人大常委会}。{机构:县人大常委会}听取报告。")
    assert [(r.subject[1], r.object) for r in rels if r.predicate is Predicate.PART_OF] == [
        ("县人大常委会", ("机构", "县人大", "520121"))
    ]


def test_no_part_of_from_naming_a_department_with_its_government() -> None:
    # a bureau and the government in one sentence do not state that it is theirs
    rels = run_structured("{机构:县司法局}会同{机构:县政府=开阳县人民政府}法律顾问审核合同。")
    assert objects(rels, Predicate.PART_OF) == set()


def test_brand_named_after_institution() -> None:
    rels = run("{机构:长治市人民政府}发布公告，{品牌:长治市人民政府门户网}排名第一。", author=None)
    assert triples(rels) == {("长治市人民政府", "runs", "长治市人民政府门户网", False)}


# --- output shape ---------------------------------------------------------------------


def test_one_relation_per_sentence_and_triple() -> None:
    rels = run("构建{制度:“甲乙丙”=甲乙丙机制}的{制度:甲乙丙新模式=甲乙丙机制}。")
    assert len(rels) == 1


def test_find_relations_uses_the_author_it_is_given() -> None:
    sents, mentions, entities, key = build("印发{制度:《调解工作规则》}。")
    doc = Document("t", "t.txt", "".join(s.text for s in sents), "0" * 64)
    rels = find_relations(doc, sents, ReportInfo("t", author=AUTHOR), mentions, entities, key)
    assert triples(rels) == {(AUTHOR, "formulates", "调解工作规则", True)}
    # an author key that is not among the entities is not used
    other = ("机构", "别的政府", "")
    assert find_relations(doc, sents, ReportInfo("t"), mentions, entities, other) == []
    assert find_relations(doc, sents, ReportInfo("t"), mentions, entities) == []


def _in_a_reply(markup: str, author: str) -> set[Triple]:
    sents, mentions, entities, key = build(markup, author)
    doc = Document("t", "t.txt", "".join(s.text for s in sents), "0" * 64)
    return triples(
        find_relations(doc, sents, ReportInfo("t", author=author, kind="reply"), mentions, entities, key)
    )


def test_a_department_s_reply_is_not_credited_with_the_county_s_reforms() -> None:
    bureau = "宁陵县司法局"
    # a bureau answering a proposal: the reforms the county pushed are not the bureau's
    assert _in_a_reply("纵深推进{制度:“大综合一体化”}行政执法改革。", bureau) == set()
    assert _in_a_reply("深化{制度:“一网通办”}，方便群众办事。", bureau) == set()
    # what it says it carries out, formulates or runs stays its own
    assert _in_a_reply("推进落实{制度:普法责任制}。", bureau) == {(bureau, "implements", "普法责任制", True)}
    assert _in_a_reply("严格落实{制度:法律顾问制度}。", bureau) == {
        (bureau, "implements", "法律顾问制度", True)
    }
    assert _in_a_reply("出台{制度:《柔性执法实施意见》}。", bureau) == {
        (bureau, "formulates", "柔性执法实施意见", True)
    }
    # a government answers for its own place; in a report, the author's own work
    gov = "宁陵县人民政府"
    assert _in_a_reply("深化{制度:“一网通办”}。", gov) == {(gov, "implements", "一网通办", True)}
    assert triples(run("深化{制度:“一网通办”}。", bureau)) == {(bureau, "implements", "一网通办", True)}


def test_a_commission_that_is_a_department_answers_as_a_department() -> None:
    # 发展和改革委员会 is a government department, whatever its name ends with
    commission = "宁陵县发展和改革委员会"
    assert _in_a_reply("深化{制度:“一网通办”}。", commission) == set()
    assert _in_a_reply("严格落实{制度:法律顾问制度}。", commission) == {
        (commission, "implements", "法律顾问制度", True)
    }
    # a Party committee answers for its place
    for committee in ("中共宁陵县委员会", "中共宁陵县委", "张弓镇党委"):
        assert _in_a_reply("深化{制度:“一网通办”}。", committee) == {
            (committee, "implements", "一网通办", True)
        }


def _replied(author: str, body: str) -> set[Triple]:
    text = f"关于县十届人大三次会议第12号建议的答复\n张代表：\n您提出的建议收悉，现答复如下：\n{body}\n{author}\n2024年6月5日\n"
    return triples(list(extract_text(text).relations))


def test_what_the_county_does_is_not_the_replying_bureau_s() -> None:
    bureau = "宁陵县司法局"
    got = _replied(bureau, "近年来，我县全面推行行政执法“三项制度”，制定《宁陵县行政执法监督办法》。")
    assert not {t for t in got if t[0] == bureau}
    # what the bureau says it does stays its own, also after the county's clause
    got = _replied(
        bureau, "我县制定《宁陵县行政执法监督办法》，我局严格落实《行政执法监督条例》，建立执法案卷评查制度。"
    )
    assert {o for s, _, o, _ in got if s == bureau} == {"行政执法监督条例", "执法案卷评查制度"}
    # time words may come before the county (目前我县…, 近年来我县…)
    got = _replied(bureau, "目前我县已编制《宁陵县轻微违法行为免罚清单》，涵盖事项32项。")
    assert not {t for t in got if t[0] == bureau}
    # a clause without 我县 is the bureau's
    got = _replied(bureau, "近年来，全面推行行政执法“三项制度”。")
    assert (bureau, "implements", "三项制度", True) in got


@pytest.mark.parametrize(
    "body",
    [
        "您提出的关于建立矛盾纠纷多元化解机制的建议收悉，现答复如下：",
        "您建议制定《宁陵县法律援助实施办法》，我局将认真研究。",
        "您提出的建立“法律明白人”培养工程的建议，与我局工作思路高度契合。",
        "您所提的关于推行“首违不罚”清单的建议非常中肯。",
        "代表提出的建立“一村一法律顾问”制度问题，目前已实现全覆盖。",
        "关于建立人民调解员激励机制的建议，我局高度重视。",
    ],
)
def test_what_a_deputy_proposes_is_not_the_replying_bureau_s(body: str) -> None:
    assert _replied("宁陵县司法局", body) == set()


def test_what_the_bureau_does_after_the_proposal_is_its_own() -> None:
    got = _replied("宁陵县司法局", "您提出的建议很有必要，我局已制定《宁陵县法律援助实施办法》。")
    assert ("宁陵县司法局", "formulates", "宁陵县法律援助实施办法", False) in got
    got = _replied("宁陵县司法局", "针对您反映的问题，建立人民调解员激励机制。")
    assert ("宁陵县司法局", "formulates", "人民调解员激励机制", True) in got


def test_what_the_county_does_is_the_county_government_s() -> None:
    gov = "宁陵县人民政府"
    got = _replied(gov, "近年来，我县全面推行行政执法“三项制度”，制定《宁陵县行政执法监督办法》。")
    assert {(gov, "implements", "三项制度", True), (gov, "formulates", "宁陵县行政执法监督办法", True)} <= got


@pytest.mark.parametrize("government", ["阿克苏地区行政公署", "银杏大街街道办事处"])
def test_an_area_s_office_or_a_street_office_answers_for_its_place(government: str) -> None:
    assert _in_a_reply("深化{制度:“一网通办”}。", government) == {
        (government, "implements", "一网通办", True)
    }


def test_cue_lists_load_and_formulate_and_implement_are_disjoint() -> None:
    formulates = lexicon.word_set("relation_formulates")
    implements = lexicon.word_set("relation_implements")
    assert formulates and implements
    assert not formulates & implements
    for name in ("relation_compiles", "relation_runs", "relation_blockers", "relation_org_heads"):
        assert lexicon.words(name)
    cues = set().union(
        *(lexicon.word_set(f"relation_{p}") for p in ("formulates", "implements", "compiles", "runs"))
    )
    assert lexicon.word_set("relation_post_cues") <= cues
    assert lexicon.word_set("relation_light_verbs") <= cues


# --- properties -----------------------------------------------------------------------

_FRAGMENTS = [
    ("{机构:县司法局}", 3),
    ("{机构:县政府=开阳县人民政府}", 2),
    ("{机构:县政府办公室}", 1),
    ("{制度:《调解办法》}", 3),
    ("{制度:告知承诺制}", 2),
    ("{清单:权责清单}", 3),
    ("{品牌:“盐和”}", 2),
    *[
        (w, 2)
        for w in ("制定", "落实", "梳理", "打造", "根据", "并", "和", "、", "以", "为指导", "由", "牵头")
    ],
    *[
        (w, 1)
        for w in ("714项", "(其中", ")", "各部门", "向", "的", "宣传", "，", "；", "。", "\n", " ", "A1")
    ],
]


@st.composite
def reports(draw: st.DrawFn) -> str:
    items = draw(st.lists(st.sampled_from([f for f, w in _FRAGMENTS for _ in range(w)]), max_size=40))
    return "".join(items) + "。"


@settings(max_examples=300, deadline=None)
@given(reports(), st.booleans(), st.randoms(use_true_random=False))
def test_relations_are_well_formed_and_deterministic(markup: str, authored: bool, rnd: random.Random) -> None:
    sents, mentions, entities, author = build(markup)
    author = author if authored else None
    rels = relate(sents, mentions, entities, author)
    keys = {e.key for e in entities}
    for r in rels:
        assert r.subject in keys
        if r.predicate is Predicate.ITEM_COUNT:
            assert isinstance(r.object, int)
        else:
            assert r.object in keys
        sent = sents[r.sent_index]
        assert sent.start <= r.start < r.end <= sent.end
        if author is None:
            assert not r.implicit
    # same input in another order: same output
    shuffled_m, shuffled_e = list(mentions), list(entities)
    rnd.shuffle(shuffled_m)
    rnd.shuffle(shuffled_e)
    assert relate(sents, shuffled_m, shuffled_e, author) == rels
    # one relation per (sentence, predicate, subject, object)
    assert len({(r.sent_index, r.predicate, r.subject, r.object) for r in rels}) == len(rels)


# --- national reforms and quoted programmes, end to end -------------------------


def _extracted(text: str) -> set[Triple]:
    return triples(list(extract_text("宁陵县人民政府2023年法治政府建设工作报告\n" + text).relations))


def test_reforms_carried_out_are_implemented_by_the_author() -> None:
    got = _extracted("深入推进“一网通办”“跨省通办”，方便群众办事。")
    assert ("宁陵县人民政府", "implements", "一网通办", True) in got
    assert ("宁陵县人民政府", "implements", "跨省通办", True) in got


def test_slogans_and_examples_give_no_relation() -> None:
    got = _extracted("严格落实“一把手”领办要求，严格实行“一站式”服务。")
    assert not {t for t in got if t[2] in {"一把手", "一站式"}}


def test_derived_measures_are_formulated() -> None:
    got = _extracted("派生法治督察、风险告知等管理办法。")
    assert ("宁陵县人民政府", "formulates", "风险告知管理办法", True) in got
    assert not {t for t in _extracted("三是加强法治督察。") if t[2] == "法治督察管理办法"}


def test_law_enforcement_inspection_is_not_implementing_the_law() -> None:
    got = _extracted("县人大常委会开展《中华人民共和国行政处罚法》执法检查。")
    assert not {t for t in got if t[1] == "implements"}
    assert ("宁陵县人民政府", "implements", "行政处罚法", True) in _extracted(
        "严格执行《中华人民共和国行政处罚法》。"
    )


def test_where_an_actor_acts_does_not_hide_it() -> None:
    # 在全县中小学: a place between the actor and its verb, not another subject
    rels = run("{机构:县司法局}在全县中小学开展{品牌:“法护青苗”}活动。", author="县政府")
    assert triples(rels) == {("县司法局", "runs", "法护青苗", False)}
    # an institution after 在 is no actor of the verb: the author acts
    rels = run("在{机构:县委}领导下开展{品牌:“法护青苗”}活动。", author="县政府")
    assert {r.subject[1] for r in rels} == {"县政府"}


def test_a_body_before_a_relative_clause_issued_what_follows() -> None:
    # 和 joins two objects here; the body right before 印发的 issued the second
    rels = run(
        "{机构:县政府}认真落实{机构:国务院}印发的{制度:《甲条例》}和{机构:国务院办公厅}印发的{制度:《乙规定》}。"
    )
    got = triples(rels)
    assert ("国务院", "formulates", "甲条例", False) in got
    assert ("国务院办公厅", "formulates", "乙规定", False) in got
    # the clause's own verb acts on both, through the relative clauses
    assert {("县政府", "implements", "甲条例", False), ("县政府", "implements", "乙规定", False)} <= got
    assert not any(s == "县政府" and p == "formulates" for s, p, _, _ in got)


def test_without_a_relative_clause_and_still_makes_an_adjunct() -> None:
    # 和县委联合印发: no 的 after the verb; the author acts (和 is no partner word)
    assert triples(run("和{机构:县委}联合印发{制度:《甲办法》}。", author="县政府")) == {
        ("县政府", "formulates", "甲办法", True)
    }
    # 经县委审议通过的《X》: the relative clause names who adopted it
    assert ("县委", "formulates", "甲办法", False) in triples(
        run("执行经{机构:县委}审议通过的{制度:《甲办法》}。", author="县政府")
    )


def test_the_notice_that_issues_a_rule_is_no_gap_between_verb_and_rule() -> None:
    text = (
        "桃源县人民政府2023年法治政府建设工作报告\n"
        "2023年，我县紧扣《中共湖南省委湖南省人民政府关于印发〈湖南省法治政府建设实施方案〉的通知》"
        "各项任务目标，推进依法行政。\n"
    )
    d = extract_text(text)
    implemented = {r.object[1] for r in d.relations if r.predicate is Predicate.IMPLEMENTS}
    assert "湖南省法治政府建设实施方案" in implemented


@pytest.mark.parametrize(
    "markup", ["{机构:县司法局}组织起草{制度:《甲办法》}。", "{机构:县司法局}积极推动{制度:《甲办法》}出台。"]
)
def test_the_body_that_opens_a_clause_is_its_subject(markup: str) -> None:
    assert triples(run(markup, author="县政府")) == {("县司法局", "formulates", "甲办法", False)}


def test_a_body_named_with_another_acting_is_no_clause_subject() -> None:
    rels = run("{机构:县司法局}组织{机构:县律师协会}起草{制度:《甲办法》}。", author="县政府")
    assert {r.subject[1] for r in rels} == {"县律师协会"}
    assert run("{机构:县司法局}的工作人员落实{制度:乙制度}。", author="县政府") == []


def test_the_ground_of_the_text_itself_is_its_basis_not_a_rule_its_author_applies() -> None:
    # the notice's text is the plan: its preamble names the plan's ground
    ex = extract_text(
        "宁陵县人民政府关于印发《宁陵县法治宣传三年实施方案》的通知\n"
        "根据《河南省法治宣传教育条例》，结合我县实际，制定本实施方案。\n"
    )
    got = {(r.subject[1], r.predicate.value, r.object[1]) for r in ex.relations}
    assert ("宁陵县法治宣传三年实施方案", "basedOn", "河南省法治宣传教育条例") in got
    assert not any(p == "implements" for _, p, _ in got)


def test_a_basis_in_a_report_is_still_applied_by_its_author() -> None:
    ex = extract_text(
        "宁陵县人民政府2024年法治政府建设情况报告\n"
        "根据《河南省法治宣传教育条例》，结合我县实际，制定《宁陵县法治宣传三年实施方案》。\n"
    )
    got = {(r.predicate.value, r.object[1]) for r in ex.relations}
    assert ("implements", "河南省法治宣传教育条例") in got


def test_a_meeting_adopts_what_it_passes() -> None:
    # 会议审议通过 overlaps the meeting's own name; 审议通过 after it is still the cue,
    # and the government whose standing meeting it is adopts the measure
    ex = extract_text(
        "宁陵县人民政府2024年法治政府建设情况报告\n县政府常务会议审议通过《宁陵县规范性文件管理办法》。\n"
    )
    got = {(r.subject[1], r.predicate.value, r.object[1]) for r in ex.relations}
    assert ("宁陵县人民政府", "formulates", "宁陵县规范性文件管理办法") in got
    assert not {t for t in got if t[0] == "宁陵县人民政府常务会议" and t[1] != "partOf"}


@pytest.mark.parametrize(
    ("text", "organ", "rule"),
    [
        ("县政府常务会议研究出台《宁陵县涉企行政检查规范》。", "宁陵县人民政府", "宁陵县涉企行政检查规范"),
        (
            "在县政府常务会议上审议通过《宁陵县行政复议工作规则》。",
            "宁陵县人民政府",
            "宁陵县行政复议工作规则",
        ),
        ("商丘市政府常务会议讨论通过《商丘市行政调解办法》。", "商丘市人民政府", "商丘市行政调解办法"),
        # the session's number between the body and its meeting, the rule before them
        (
            "《宁陵县行政规范性文件制定程序规定》经县政府第30次常务会议审议通过。",
            "宁陵县人民政府",
            "宁陵县行政规范性文件制定程序规定",
        ),
        (
            "县政府第8次常务会议研究通过了《宁陵县行政执法人员管理办法》。",
            "宁陵县人民政府",
            "宁陵县行政执法人员管理办法",
        ),
    ],
)
def test_an_organ_adopts_by_its_standing_meeting(text: str, organ: str, rule: str) -> None:
    got = _extracted(text)
    assert {t[0] for t in got if t[2] == rule and t[1] == "formulates" and not t[3]} == {organ}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "县委书记主持召开县委常委会会议，审议通过《宁陵县法治建设工作要点》。",
            "中共宁陵县委员会常务委员会",
        ),
        (
            "县委书记主持召开县委全面依法治县委员会第二次会议，听取工作汇报，审议通过《宁陵县法治建设工作要点》。",
            "宁陵县委全面依法治县委员会",
        ),
        ("县长主持召开了县政府常务会议，研究出台《宁陵县法治建设工作要点》。", "宁陵县人民政府"),
    ],
)
def test_the_meeting_a_clause_convenes_adopts_in_the_next(text: str, body: str) -> None:
    got = _extracted(text)
    assert {t[0] for t in got if t[2] == "宁陵县法治建设工作要点" and not t[3]} == {body}


def test_a_clause_that_convenes_no_meeting_leaves_the_author() -> None:
    # the nearest clause naming a body convenes nothing: the sentence's own actor rules
    got = _extracted("县委书记主持召开县委常委会会议，县司法局牵头，审议通过《宁陵县法治建设工作要点》。")
    assert "中共宁陵县委员会常务委员会" not in {t[0] for t in got if t[2] == "宁陵县法治建设工作要点"}


def test_a_congress_adopts_by_review_and_passing() -> None:
    got = _extracted("县人大常委会第十五次会议审议并通过了《关于加强法治宣传教育的决议》。")
    assert ("宁陵县人大常委会", "formulates", "关于加强法治宣传教育的决议", False) in got


def test_a_standing_committee_is_a_body_of_its_own() -> None:
    # 常委会 is no meeting: the committee adopts, not the Party committee it belongs to
    got = _extracted("县委常委会审议通过《宁陵县法治建设考核办法》。")
    assert {t[0] for t in got if t[1] == "formulates"} == {"中共宁陵县委员会常务委员会"}
    got = _extracted("县人大常委会表决通过《关于加强法治宣传教育的决定》。")
    assert {t[0] for t in got if t[1] == "formulates"} == {"宁陵县人大常委会"}


def test_a_meeting_s_name_ending_in_its_adopting_cue() -> None:
    # 会议通过 ends in the meeting's name: the 通过 after it still adopts
    rels = run("{机构:市政府常务会议}通过{制度:《行政调解办法》}。", author="县司法局")
    assert triples(rels) == {("市政府常务会议", "formulates", "行政调解办法", False)}
    # a rule's name ending in 会议 is no meeting: 通过 alone is no cue
    assert run("落实{制度:党委会议}通过的事项。", author=None) == []


def test_a_plural_subject_with_a_modal_and_an_adverb_keeps_the_author_out() -> None:
    # 各乡镇要严格落实: the fillers at the end (严格, then 要) are stripped, 乡镇 is left
    ex = extract_text("宁陵县人民政府2024年法治政府建设情况报告\n各乡镇要严格落实“四议两公开”工作法。\n")
    assert not [r for r in ex.relations if r.predicate.value == "implements"]


@pytest.mark.parametrize("verb", ["擦亮", "叫响", "打响"])
def test_keeping_a_brand_known_runs_it(verb: str) -> None:
    ex = extract_text(f"宁陵县人民政府2024年法治政府建设情况报告\n持续{verb}“葛天调解”品牌。\n")
    assert {(r.predicate.value, r.object[1]) for r in ex.relations} == {("runs", "葛天调解")}


@pytest.mark.parametrize(
    ("sentence", "brand"),
    [("我局修建“宁陵法治公园”，现已建成交付使用。", "宁陵法治公园"), ("开发“宁法通”小程序。", "宁法通")],
)
def test_building_a_venue_or_developing_an_app_runs_it(sentence: str, brand: str) -> None:
    ex = extract_text(f"宁陵县司法局2024年法治政府建设情况报告\n{sentence}\n")
    assert ("runs", brand) in {(r.predicate.value, r.object[1]) for r in ex.relations}


@pytest.mark.parametrize("committee", ["县委", "镇党委"])
def test_a_party_committee_joined_to_its_government_named_short_acts(committee: str) -> None:
    # 县委、政府印发…: 政府 is the committee's place's government, written short; the committee acts
    rels = run(f"{{机构:{committee}}}、政府印发{{制度:《县法治政府建设实施方案》}}。")
    assert (committee, "formulates", "县法治政府建设实施方案", False) in triples(rels)


def test_a_department_joined_to_a_bare_government_is_no_subject_alone() -> None:
    # only a Party committee writes its government short after it; 各部门、政府 stays generic
    rels = run("各部门、政府印发{制度:《县法治政府建设实施方案》}。")
    assert objects(rels, Predicate.FORMULATES) == set()


@pytest.mark.parametrize("verb", ["依托", "借助", "利用", "结合"])
def test_using_a_system_as_the_means_of_the_work_implements_it(verb: str) -> None:
    rels = run(f"{verb}{{制度:“两代表一委员”联络机制}}，化解矛盾纠纷56件。")
    assert (AUTHOR, "implements", "两代表一委员联络机制", True) in triples(rels)


def test_using_a_platform_runs_it_and_implements_nothing() -> None:
    rels = run("依托{品牌:“宁法通”平台}开展线上调解。")
    assert objects(rels, Predicate.IMPLEMENTS) == set()
    assert objects(rels, Predicate.RUNS) == {"宁法通平台"}


# --- a participle describing a name (新修订的《X》) --------------------------------


def test_a_participle_before_a_name_leaves_the_verb_before_it_acting() -> None:
    got = _extracted(
        "认真贯彻实施新修订的《中华人民共和国行政复议法》，全面落实修订后的《河南省行政执法条例》。"
    )
    assert ("宁陵县人民政府", "implements", "行政复议法", True) in got
    assert ("宁陵县人民政府", "implements", "河南省行政执法条例", True) in got
    assert not {t for t in got if t[1] == "formulates"}


def test_a_participle_is_no_act_of_the_author() -> None:
    got = _extracted("组织干部学习了党的二十大报告、新修订的《中华人民共和国行政复议法》等法律。")
    assert not {t for t in got if t[2] == "行政复议法"}


def test_a_basis_described_by_a_participle_is_still_the_basis() -> None:
    got = _extracted("根据新修订的《重大行政决策程序暂行条例》，制定《宁陵县重大行政决策程序规定》。")
    assert ("宁陵县重大行政决策程序规定", "basedOn", "重大行政决策程序暂行条例", False) in got


@pytest.mark.parametrize(
    "text",
    [
        "县司法局最新出台的《宁陵县法律援助实施办法》正式施行。",  # who made it, before the participle
        "县政府新修订《宁陵县行政规范性文件管理办法》。",  # 新 as "newly": the act itself
        "县政府修订后印发《宁陵县行政规范性文件管理办法》。",
    ],
)
def test_a_verb_with_its_own_subject_still_acts(text: str) -> None:
    assert {t[1] for t in _extracted(text) if t[2].startswith("宁陵县")} == {"formulates"}


def test_a_clause_the_writers_place_opens_is_the_author_s_not_the_topic_s() -> None:
    got = _extracted("市司法局推广“商丘调解”经验，我县借鉴推行“一村一法律顾问”制度。")
    assert ("宁陵县人民政府", "implements", "一村一法律顾问制度", True) in got
    assert not {t for t in got if t[0] == "商丘市司法局" and t[1] == "implements"}
    # with no self-reference the later clause still shares the sentence's subject
    got = _extracted("县司法局制定《宁陵县行政执法监督办法》，推行“一村一法律顾问”制度。")
    assert ("宁陵县司法局", "implements", "一村一法律顾问制度", False) in got


@pytest.mark.parametrize(
    "text",
    [
        "河南省推行“一件事一次办”改革，宁陵县积极落实。",
        "张弓镇打造“张弓和事佬”调解品牌，石桥镇推行“四议两公开”工作法。",
        "2023年，商丘市全面推行“双随机、一公开”监管。",
    ],
)
def test_another_place_as_subject_is_no_act_of_the_author(text: str) -> None:
    assert not {t for t in _extracted(text) if t[3]}


@pytest.mark.parametrize(
    "text",
    [
        "宁陵县全面推行“一件事一次办”改革。",
        "2023年，宁陵县深入推进“双随机、一公开”监管。",
        "全面推行“四议两公开”工作法。",
    ],
)
def test_the_report_s_own_place_as_subject_is_its_author(text: str) -> None:
    assert {t[0] for t in _extracted(text) if t[1] == "implements"} == {"宁陵县人民政府"}


@pytest.mark.parametrize(
    "text",
    [
        "县司法局对全县行政执法单位开展《中华人民共和国行政处罚法》贯彻落实情况专项督查。",
        "组织开展《优化营商环境条例》实施情况评估，形成评估报告。",
        "开展《宁陵县法治政府建设实施方案》主要任务完成情况评估。",
    ],
)
def test_a_review_of_how_a_rule_is_carried_out_is_about_the_rule(text: str) -> None:
    assert not {t for t in _extracted(text) if t[1] == "implements"}


def test_a_rule_carried_out_and_then_reviewed_is_still_implemented() -> None:
    got = _extracted("严格执行《优化营商环境条例》，定期开展督查。")
    assert ("宁陵县人民政府", "implements", "优化营商环境条例", True) in got


@pytest.mark.parametrize(
    "text",
    [
        "行政执法“三项制度”落实有差距。",
        "个别单位对《重大行政决策程序暂行条例》执行不深入。",
        "“谁执法谁普法”普法责任制落实存在差距。",
    ],
)
def test_a_shortfall_after_the_cue_says_it_was_not_done(text: str) -> None:
    assert not {t for t in _extracted(text) if t[1] == "implements"}


def test_a_person_subject_of_an_earlier_clause_takes_the_rule_from_the_sentence_s_subject() -> None:
    got = _extracted(
        "县委常委会、县政府常务会议专题研究法治政府建设工作，县政府主要负责同志认真履行第一责任人职责，"
        "严格落实《党政主要负责人履行推进法治建设第一责任人职责规定》。"
    )
    rule = "党政主要负责人履行推进法治建设第一责任人职责规定"
    assert {t[0] for t in got if t[2] == rule} == {"宁陵县人民政府"}


def test_the_nearest_clause_that_names_a_body_gives_the_actor() -> None:
    got = _extracted("县委统筹部署，县司法局具体推进，全面推行行政执法公示制度。")
    assert {t[0] for t in got if t[2] == "行政执法公示制度"} == {"宁陵县司法局"}
    # with no body between, the sentence's subject acts
    got = _extracted("县委常委会专题研究法治建设，全面推行行政执法公示制度。")
    assert {t[0] for t in got if t[2] == "行政执法公示制度"} == {"中共宁陵县委员会常务委员会"}


def _news(text: str) -> set[Triple]:
    return triples(list(extract_text(text).relations))


@pytest.mark.parametrize(
    "text",
    [
        "长治市：法治护航\n山西日报讯（记者 王某）近年来，长治市坚持依法行政，出台《长治市重大行政决策程序规定》。\n",
        "逻岗镇：法治护航\n商丘日报讯（通讯员 刘某）逻岗镇推行“四议两公开”工作法，打造“逻岗说事”品牌。\n",
    ],
)
def test_the_paper_of_a_dateline_does_not_act(text: str) -> None:
    assert not {t for t in _news(text) if t[0].endswith("日报")}


def test_a_body_after_a_dateline_and_a_time_word_is_the_sentence_s_subject() -> None:
    got = _news(
        "市司法局出台监督办法\n商丘网讯 日前，商丘市司法局印发《商丘市行政执法监督工作办法》，"
        "建立行政执法监督员制度。\n"
    )
    assert ("商丘市司法局", "formulates", "行政执法监督员制度", False) in got


@pytest.mark.parametrize("lead", ["近日", "今年以来", "3月8日"])
def test_a_time_word_before_a_sentence_s_subject_keeps_it_its_subject(lead: str) -> None:
    got = _extracted(f"{lead}，县委依法治县办召开全体会议，审议通过《法治督察工作办法》。")
    assert {t[0] for t in got if t[2] == "法治督察工作办法"} == {"宁陵县委依法治县办"}
    # a clause of what is done in general still has no subject of its own
    got = _extracted(f"{lead}，召开全体会议，审议通过《法治督察工作办法》。")
    assert {t[0] for t in got if t[2] == "法治督察工作办法"} == {"宁陵县人民政府"}


def test_a_word_ending_in_xun_is_no_dateline() -> None:
    got = _extracted("加强通讯保障，县司法局建立应急联络制度。")
    assert ("宁陵县司法局", "formulates", "应急联络制度", False) in got
