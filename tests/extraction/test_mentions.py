"""Mention rules: each family with positive and negative examples of our own.

Sentences are written for these tests (not copied from the gold), in the
style of rule-of-law reports from places the seeds do not cover.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg.extraction.mentions import find_mentions
from kg.extraction.places import is_navigation, region_of
from kg.model import Document, EntityType, ReportInfo
from kg.text.reflow import reflow_document
from kg.text.segment import split_sentences

INST, SYS, LIST, BRAND = EntityType.INSTITUTION, EntityType.SYSTEM, EntityType.LIST, EntityType.BRAND
NINGLING = "411423"  # 宁陵县, a county none of the seeds is about


def found(text: str, code: str | None = NINGLING) -> set[tuple[str, EntityType]]:
    """(name, type) of every mention in ``text`` for a report of the given county."""
    doc = Document(id="t", path="", text=text, sha256="")
    info = ReportInfo(doc_id="t", place=region_of(code) if code else None)
    return {(m.name, m.type) for m in find_mentions(doc, split_sentences(doc), info)}


def names(text: str, typ: EntityType) -> set[str]:
    return {n for n, t in found(text) if t is typ}


# ---------------------------------------------------------------- titles 《》


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("认真贯彻《中华人民共和国行政复议法》。", "中华人民共和国行政复议法"),
        ("印发《宁陵县重大行政决策程序规定》。", "宁陵县重大行政决策程序规定"),
        ("落实《河南省法治政府建设实施纲要(2021—2025年)》。", "河南省法治政府建设实施纲要(2021—2025年)"),
        ("转发《关于推行行政执法公示制度的通知》。", "关于推行行政执法公示制度的通知"),
        ("制定《宁陵县优化营商环境工作方案》。", "宁陵县优化营商环境工作方案"),
    ],
)
def test_titles_that_set_rules(text: str, name: str) -> None:
    assert (name, SYS) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "发放《企业法律风险自查表》200份。",
        "回收《群众满意度调查问卷》。",
        "送达《责令整改通知书》。",
        "收到《关于加强社区矫正工作的建议》。",
        "审议《宁陵县2022年法治政府建设情况报告》。",
        "编印《法律知识100问答》。",
    ],
)
def test_titles_that_set_no_rule(text: str) -> None:
    assert names(text, SYS) == set()


def test_nested_title_of_an_issuing_notice_names_the_issued_document() -> None:
    got = found("根据《省委办公厅 省政府办公厅关于印发〈法治督察工作办法〉的通知》要求。")
    assert ("法治督察工作办法", SYS) in got


def test_list_in_title() -> None:
    assert ("宁陵县行政许可事项清单", LIST) in found("公布《宁陵县行政许可事项清单》。")


# ---------------------------------------------------------------- documents after a verb, listed documents


def test_document_after_a_verb() -> None:
    assert ("城市管理领域柔性执法实施办法", SYS) in found("出台城市管理领域柔性执法实施办法，效果明显。")


def test_document_after_a_verb_needs_a_specific_modifier() -> None:
    assert names("制定具体举措，推动落实。", SYS) == set()
    assert names("研究制定工作方案。", SYS) == set()


@pytest.mark.parametrize(
    "text",
    [
        "进一步完善监管规则，规范市场秩序。",
        "严格执行操作规范，确保安全。",
        "按照上级部署，制定实施细则。",
        "编制实施相关规划，建设一批重点项目。",
        "精准落实各项帮扶措施。",
        "出台一批改革创新举措。",
        "落实优化营商环境各项举措。",
        # the law in general: 法律 alone, or with 法规 and 规章
        "严格按照法律法规规定，组织审核。",
        "依照法律规定，公开执法信息。",
        "按照法律法规规章规定履行职责。",
    ],
)
def test_a_common_word_or_a_quantity_before_a_document_head_names_a_kind(text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("修订完善县政府工作规则。", "县政府工作规则"),
        ("制定涉企行政检查规则，规范检查行为。", "涉企行政检查规则"),
        ("制定法治政府建设考核细则。", "法治政府建设考核细则"),
        ("出台宁陵县行政执法人员行为规范。", "宁陵县行政执法人员行为规范"),
        ("制定宁陵县优化营商环境十条措施。", "宁陵县优化营商环境十条措施"),
    ],
)
def test_a_specific_modifier_before_a_document_head_names_it(text: str, name: str) -> None:
    assert names(text, SYS) == {name}


def test_the_views_of_people_are_no_document_named_yijian() -> None:
    assert names("制定惠企政策要充分听取市场主体意见。", SYS) == set()
    assert names("制定政策要广泛征求群众意见。", SYS) == set()
    assert "法治乡村建设实施意见" in names("出台法治乡村建设实施意见。", SYS)


def test_listed_laws_without_title_marks() -> None:
    got = names("组织学习宪法、民法典、行政复议法、信访工作条例等法律法规。", SYS)
    assert {"宪法", "民法典", "行政复议法", "信访工作条例"} <= got


def test_verbs_ending_in_fa_are_not_laws() -> None:
    assert names("营造全民尊法、学法、守法、用法的良好氛围。", SYS) == set()


# ---------------------------------------------------------------- systems and lists by head


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("全面推行行政执法公示制度。", "行政执法公示制度", SYS),
        ("建立矛盾纠纷多元化解机制。", "矛盾纠纷多元化解机制", SYS),
        ("推行证明事项告知承诺制，方便群众。", "证明事项告知承诺制", SYS),
        ("梳理政务服务事项清单312项。", "政务服务事项清单", LIST),
        ("编制重大行政决策事项目录，向社会公布。", "重大行政决策事项目录", LIST),
    ],
)
def test_named_systems_and_lists(text: str, name: str, typ: EntityType) -> None:
    assert (name, typ) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "完善相关制度，建立工作机制。",
        "健全管理制度和长效机制。",
        "实行清单管理。",
        "建立三张清单。",
        "形成两个“正向清单”。",
    ],
)
def test_generic_systems_and_lists(text: str) -> None:
    got = found(text)
    assert not {n for n, t in got if t in (SYS, LIST)}


def test_conjuncts_share_the_head() -> None:
    got = names("推行法律顾问和公职律师制度。", SYS)
    assert {"法律顾问制度", "公职律师制度"} <= got


def test_enumeration_with_deng_shares_the_head() -> None:
    got = names("建立执法案卷评查、执法人员考评、执法过错追究等制度。", SYS)
    assert {"执法案卷评查制度", "执法人员考评制度", "执法过错追究制度"} <= got


@pytest.mark.parametrize("fields", ["等方面重要制度", "等方面的制度", "等领域制度"])
def test_fields_listed_before_a_shared_head_are_no_rules(fields: str) -> None:
    # the items say what the rules are about, none is named
    assert names(f"专题审议主业培育、资金支持、考核评价{fields}。", SYS) == set()


def test_enumeration_items_keep_their_verbs_and_drop_actions() -> None:
    got = names("出台案件移送、督促整改、约谈提醒等N个管理办法。", SYS)
    assert got == {"案件移送管理办法", "督促整改管理办法", "约谈提醒管理办法"}
    got = names("建立案件合议、案前调解、与律所合作办案等制度。", SYS)
    assert got == {"案件合议制度", "案前调解制度"}


def test_ways_listed_before_a_bare_deng_banfa_are_no_rules() -> None:
    # 等办法: "such ways"; the items are actions, not measures with a title
    assert names("采取上门服务、预约办理等办法，方便群众办事。", SYS) == set()
    assert names("通过压减材料、合并环节等办法提速审批。", SYS) == set()
    # a count or a qualifier before 办法 still names measures
    assert names("出台容缺受理、帮办代办等两个办法。", SYS) == {"容缺受理办法", "帮办代办办法"}


def test_enumeration_of_lists_with_a_count() -> None:
    got = names("公布行政许可事项、行政检查事项“两张清单”。", LIST)
    assert {"行政许可事项清单", "行政检查事项清单"} <= got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("健全食品安全和刑事司法衔接机制。", "食品安全和刑事司法衔接机制"),
        ("建立不当执法行为发现和及时纠正机制。", "不当执法行为发现和及时纠正机制"),
        ("出台复议纠错案件和诉讼败诉案件责任追究机制。", "复议纠错案件和诉讼败诉案件责任追究机制"),
        ("完善重大执法决定审核和备案配套制度。", "重大执法决定审核和备案配套制度"),
    ],
)
def test_coordination_inside_one_name(text: str, name: str) -> None:
    got = names(text, SYS)
    assert name in got
    assert not any(n != name and name.endswith(n) for n in got), got


def test_coordination_of_two_names_stays_split() -> None:
    got = names("建立健全行政调解和公证调解机制。", SYS)
    assert {"行政调解机制", "公证调解机制"} <= got


@pytest.mark.parametrize(
    "text",
    [
        "案卷评查、考评通报等监督机制运行良好。",
        "衔接调解、仲裁、诉讼等多元化、便捷化纠纷解决机制。",
        "注重建立完善执法配套制度。",
        "健全监督管理制度。",
        "完善信访事项办理制度机制。",
        "健全政务公开法规制度。",
    ],
)
def test_kinds_after_deng_and_field_plus_generic_are_not_systems(text: str) -> None:
    assert names(text, SYS) == set()


def test_named_mechanism_under_construction_is_still_named() -> None:
    assert "涉企纠纷多元化解机制" in names("推进涉企纠纷多元化解机制建设。", SYS)
    assert names("加强制度建设。", SYS) == set()


def test_a_named_mechanism_a_role_is_played_in_is_named() -> None:
    text = "充分发挥调解在矛盾纠纷多元预防调处化解综合机制中的基础性作用。"
    assert names(text, SYS) == {"矛盾纠纷多元预防调处化解综合机制"}
    # a short or generic one stays no name (在工作机制中, 在制度中)
    assert names("在工作机制中的作用更加突出。", SYS) == set()


def test_own_place_word_is_not_part_of_a_system_name() -> None:
    got = names("加强我县行政规范性文件备案审查机制。", SYS)
    assert got == {"行政规范性文件备案审查机制"}


def test_verbs_of_showing_a_list_are_not_part_of_its_name() -> None:
    assert names("动态调整县级权责清单，公示乡镇赋权事项清单。", LIST) == {"县级权责清单", "乡镇赋权事项清单"}
    assert "行政执法公示制度" in names("推行行政执法公示、执法全过程记录等制度。", SYS)


# ---------------------------------------------------------------- quoted names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("打造“宁法通”法律服务品牌。", "宁法通"),
        ("上线“掌上复议”小程序，方便群众。", "掌上复议"),
        ("开展“送法进万家”专项行动。", "送法进万家"),
        ("推出“葵乡·法润”普法项目。", "葵乡·法润"),
        ("组织开展“法官进社区”专项行动。", "法官进社区"),
        ("开设“有事好商量”服务窗口。", "有事好商量"),
        ("依托“皖事通”办理公证预约。", "皖事通"),
    ],
)
def test_quoted_brands(text: str, name: str) -> None:
    assert (name, BRAND) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "打通服务群众“最后一公里”。",
        "抓住领导干部这个“关键少数”。",
        "深化“放管服”改革，推进“一网通办”。",
        "打造“全天候、全方位”服务体系。",
        "被评为“全国法治政府建设示范县”。",
        "创建“民主法治示范社区”。",
        "依托“互联网+政务服务”推进审批。",
    ],
)
def test_slogans_reforms_and_honours_are_not_brands(text: str) -> None:
    assert names(text, BRAND) == set()


def test_quoted_systems() -> None:
    got = names("落实行政执法“三项制度”，推行“双随机、一公开”监管。", SYS)
    assert "三项制度" in {n[-4:] for n in got}
    assert "双随机、一公开" in got


def test_quoted_experience() -> None:
    assert names("坚持和发展新时代“枫桥经验”。", SYS) == {"枫桥经验"}


def test_quoted_list() -> None:
    assert ("负面清单", LIST) in found("建立健全“负面清单”制度。") or names("建立健全“负面清单”。", LIST)


def test_unquoted_coined_names_counted_before_a_system_word() -> None:
    got = names("建成安居通、民情通、企服通等三个应用系统。", BRAND)
    assert {"安居通", "民情通", "企服通"} <= got


# ---------------------------------------------------------------- institutions


@pytest.mark.parametrize(
    "name",
    ["县委", "县政府", "县人大常委会", "县政协", "县司法局", "县行政审批服务局", "县委依法治县办"],
)
def test_place_relative_institutions(name: str) -> None:
    assert (name, INST) in found(f"在{name}的领导下开展工作。")


def test_named_institutions_with_heads() -> None:
    got = names("成立宁陵县法治政府建设工作领导小组，设立县医疗纠纷人民调解中心。", INST)
    assert "宁陵县法治政府建设工作领导小组" in got
    assert any(n.endswith("医疗纠纷人民调解中心") for n in got)


def test_national_organs() -> None:
    got = names("党中央、国务院高度重视，司法部印发通知。", INST)
    assert {"党中央", "国务院", "司法部"} <= got


@pytest.mark.parametrize(
    "text",
    [
        "各部门要加强协作。",
        "推动各乡镇成立综合行政执法队。",
        "建成人民调解委员会36个。",
        "统一规范便民服务中心建设。",
        "党政机关和司法所要配合。",
        "干部职工深入基层。",
        "形成工作格局。",
        # a level written with the others it stands for: every such place's body
        "在县(市、区)公共法律服务中心成立调解室。",
        "推进村（社区）人民调解委员会规范化建设。",
        "乡镇(街道)综合行政执法队全部挂牌。",
        # divisions named by what they do
        "负责内设执法机构(具备执法职能的业务处)的公示工作。",
    ],
)
def test_generic_institutions(text: str) -> None:
    assert names(text, INST) == set()


def test_a_group_whose_members_are_each_of_a_kind_is_one_group() -> None:
    text = "成立由局长任组长，各科室负责人为成员的法治政府建设工作领导小组，定期研究部署。"
    assert names(text, INST) == {"法治政府建设工作领导小组"}
    # each of a kind setting up its own: the kind, no one group
    assert names("各乡镇成立的法治建设领导小组定期开会。", INST) == set()


def test_one_level_s_body_without_the_others_is_named() -> None:
    assert names("在县公共法律服务中心成立调解室。", INST) == {"县公共法律服务中心"}


def test_named_teams_are_institutions() -> None:
    assert ("护航民企律师服务团", INST) in found("组建“护航民企”律师服务团。")
    assert names("组建法律顾问团队。", INST) == set()


def test_generic_rooms_in_every_community_are_not_institutions() -> None:
    assert names("各社区设立法律服务室。", INST) == set()


def test_person_is_not_the_committee() -> None:
    assert ("县委", INST) in found("县委书记主持会议。")
    assert names("县委常委、副县长出席。", INST) == set()


# ---------------------------------------------------------------- properties

CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=0, max_size=6)
FRAGMENTS = st.sampled_from(
    [
        "县司法局",
        "县委",
        "制度",
        "机制",
        "清单",
        "《",
        "》",
        "“",
        "”",
        "、",
        "，",
        "。",
        "等",
        "和",
        "建立",
        "落实",
        "行政执法公示",
        "事项",
        "品牌",
        "打造",
        "领导小组",
        "中心",
        "办法",
        "宪法",
        "12项",
        " ",
        "\n",
        "App",
    ]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, CJK), min_size=1, max_size=40).map("".join)


def _mentions(text: str):
    """The mentions of ``text`` as extraction finds them: on the text with its soft line
    breaks joined (three lines of one width read as a page), offsets back in ``text``."""
    view = reflow_document(Document(id="p", path="", text=text, sha256=""))
    read = view.document
    info = ReportInfo(doc_id="p", place=region_of(NINGLING))
    return [view.flow.mention(m) for m in find_mentions(read, split_sentences(read), info)]


@settings(max_examples=200, deadline=None)
@given(TEXTS)
@example(
    "县司法局县司法局县司法局县司法局县司法局\n县司法局县司法局县司法局行政执法公示\n县司法局县司法局县司法局县司法局县司法局"
)
def test_mentions_slice_the_text_and_do_not_overlap(text: str) -> None:
    ms = _mentions(text)
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.name
    spans = sorted((m.start, m.end) for m in ms)
    for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False):
        assert e1 <= s2


@settings(max_examples=50, deadline=None)
@given(TEXTS)
def test_extraction_is_deterministic(text: str) -> None:
    assert _mentions(text) == _mentions(text)


# ---------------------------------------------------------------- national reforms carried out


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("深入推进“一网通办”“跨省通办”，方便群众办事。", "跨省通办"),
        ("推进政务服务“全城通办”“一窗受理”等重点改革工作。", "一窗受理"),
        ("全面落实行政审批“两集中、两到位”，提高效能。", "两集中、两到位"),
        ("按照“一规划两纲要”要求推进法治建设。", "一规划两纲要"),
        ("积极推行“多评合一、联合评审”试点。", "多评合一、联合评审"),
        ("深入开展“八五”普法工作。", "八五普法"),
        # the verb before the first reform governs the one after 改革和
        ("持续推进“放管服”改革和“互联网+政务服务”。", "互联网+政务服务"),
        ("深化“放管服”改革和“证照分离”改革。", "证照分离"),
    ],
)
def test_quoted_reforms_carried_out_are_systems(text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    "text",
    [
        "严格落实“一把手”领办要求。",  # a slogan, listed as one
        "严格实行“一站式”服务。",  # a manner (…式), not a rule
        "实行智慧管理“一张图”。",  # a count of things
        "推行“新生儿出生”“二手房过户”等办好一件事事项清单。",  # examples of other items
        "打通服务群众“最后一公里”。",  # no implementing verb, a goal
        "推进“放管服”改革和“最后一公里”问题解决。",  # a goal after a reform, still a slogan
    ],
)
def test_quoted_slogans_and_examples_are_not_reforms(text: str) -> None:
    got = {n for n, t in found(text) if t is SYS}
    assert not got & {"一把手", "一站式", "一张图", "新生儿出生", "二手房过户", "最后一公里"}


# ---------------------------------------------------------------- quoted service brands and programmes


def test_quoted_service_channels_and_built_programmes_are_brands() -> None:
    assert {"企业投资绿色通道", "老年人快速通道"} <= names("设立“企业投资绿色通道”“老年人快速通道”。", BRAND)
    assert "诚信政府" in names("稳步推进“诚信政府”建设，优化环境。", BRAND)
    assert "民主法治示范村(社区)" in names("深化“民主法治示范村(社区)”创建。", BRAND)
    assert "法治六进" in names("以法治“六进”为抓手深化宣传。", BRAND)


def test_quoted_channel_words_alone_and_unbuilt_goals_are_not_brands() -> None:
    assert not names("设立“通道”。", BRAND)  # the head alone names no channel
    assert "诚信政府" not in names("群众期待“诚信政府”。", BRAND)
    assert not names("被评为“民主法治示范村”。", BRAND)


# ---------------------------------------------------------------- shared heads and joined names


def test_enumeration_items_ending_in_a_verb_share_the_head() -> None:
    got = names("建立健全政务服务评估评价、数字素养能力提升等机制。", SYS)
    assert {"政务服务评估评价机制", "数字素养能力提升机制"} <= got
    assert not names("建立提升等机制。", SYS)


def test_cases_of_two_kinds_share_one_mechanism_after_a_verb() -> None:
    text = "率先出台行政复议纠错案件和行政诉讼败诉案件过错责任追究机制。"
    assert "行政复议纠错案件和行政诉讼败诉案件过错责任追究机制" in names(text, SYS)
    assert {"行政调解机制", "公证调解机制"} <= names("出台行政调解和公证调解机制。", SYS)


def test_adverb_after_de_stays_in_the_name() -> None:
    assert "定期统计分析工作机制" in names("建立对复议案件的定期统计分析工作机制。", SYS)
    # without 的 the adverb is a verb's: 定期开展 is not part of a name
    assert "定期开展评查机制" not in names("定期开展评查机制。", SYS)


def test_short_surface_of_a_borrowed_head_is_not_repeated() -> None:
    doc = Document(
        id="t", path="", text="派生法治督察、风险告知等管理办法。三是加强法治督察工作。", sha256=""
    )
    info = ReportInfo(doc_id="t", place=region_of(NINGLING))
    ms = find_mentions(doc, split_sentences(doc), info)
    assert any(m.name == "法治督察管理办法" for m in ms)
    assert not any(m.rule == "repeat" and m.text == "法治督察" for m in ms)


@pytest.mark.parametrize(
    "line",
    [
        "当前位置:首页>专题专栏>行政执法部门>县司法局>事后公开",
        "> 资讯中心 > 通知公告",
        "首页 / 政务公开 / 县司法局",
    ],
)
def test_a_page_s_navigation_line_names_nothing(line: str) -> None:
    text = f"{line}\n县司法局制定了行政执法公示制度。"
    doc = Document(id="t", path="", text=text, sha256="")
    found = find_mentions(doc, split_sentences(doc), ReportInfo(doc_id="t", place=region_of("411423")))
    assert found and all(m.start > len(line) for m in found)


@given(st.text(alphabet="县司法局资讯中心首页政务公开", min_size=1, max_size=20))
def test_prose_without_menu_marks_is_no_navigation(text: str) -> None:
    assert not is_navigation(text)


def test_a_name_never_starts_inside_a_number() -> None:
    # 二十国集团: 十国集团 would be another body
    assert names("出席二十国集团领导人峰会。", EntityType.INSTITUTION) == set()
    # a numeral that opens a name after other words is no cut number
    assert names("全面推行行政执法“三项制度”。", EntityType.SYSTEM) == {"三项制度"}


def test_the_last_item_joined_by_and_is_listed_too() -> None:
    text = "研究出台县法治建设工作要点、《宁陵县涉企执法监督实施方案》和涉外法治建设实施方案等文件。"
    assert "涉外法治建设实施方案" in names(text, EntityType.SYSTEM)
    # a kind of document joined last names nothing
    text = "研究出台县法治建设工作要点、《宁陵县涉企执法监督实施方案》和相关配套方案等文件。"
    assert not any(n.endswith("配套方案") for n in names(text, EntityType.SYSTEM))


def test_a_listed_law_is_cut_from_what_is_done_with_it() -> None:
    text = "阵地以案例解剖等方式，图文展示宪法、民法典等法律内容。"
    assert names(text, EntityType.SYSTEM) == {"宪法", "民法典"}
    assert "中华人民共和国宪法" in names("学习中华人民共和国宪法、民法典等法律。", EntityType.SYSTEM)


@pytest.mark.parametrize(
    "text",
    ["围绕培训行政许可法、行政处罚法等法律法规开展练兵。", "重点宣讲行政许可法、行政处罚法等法律。"],
)
def test_a_list_of_laws_starts_after_the_activity_done_on_them(text: str) -> None:
    assert names(text, EntityType.SYSTEM) == {"行政许可法", "行政处罚法"}


def test_a_law_whose_name_opens_with_a_verb_keeps_it() -> None:
    got = names("学习保守国家秘密法、预防未成年人犯罪法等法律。", EntityType.SYSTEM)
    assert got == {"保守国家秘密法", "预防未成年人犯罪法"}


@pytest.mark.parametrize("kind", ["一系列", "一批", "若干"])
def test_a_kind_of_rule_counted_before_it_is_no_name(kind: str) -> None:
    assert names(f"国务院出台了{kind}重大举措，规范调解工作。", EntityType.SYSTEM) == set()
    assert names(f"县政府出台了{kind}管理办法。", EntityType.SYSTEM) == set()
