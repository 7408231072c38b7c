"""Systems: kinds of mechanism that name nothing, and left edges that swallow verbs,
pronouns, versions and verb complements (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extraction.rules.base import kind_of_system
from kg.model import EntityType
from tests.extraction.conftest import extract_names

SYS, LIST = EntityType.SYSTEM, EntityType.LIST
Names = Callable[[str, EntityType], set[str]]


@pytest.mark.parametrize(
    "text",
    [
        "进一步健全决策机制。",
        "构建常态化学习机制。",
        "形成信息共享的联动机制。",
        "完善依法治县工作机制。",
        "健全法治政府建设推进机制。",
        "构建政府运行新机制。",
        "完善乡村依法治理机制。",
        "调解是我国特色社会主义法律制度。",
        "健全市场化机制。",
        "完善基础性制度。",
    ],
)
def test_kinds_of_mechanism_are_not_systems(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("健全行政复议案件定期分析工作机制。", "行政复议案件定期分析工作机制"),
        ("完善科技成果转化创新机制。", "科技成果转化创新机制"),
        ("落实法律顾问制度。", "法律顾问制度"),
        ("全面推行林长制。", "林长制"),
        ("推行证明事项告知承诺制度。", "证明事项告知承诺制度"),
        ("健全法治化营商环境评价机制。", "法治化营商环境评价机制"),
    ],
)
def test_named_systems_with_generic_words_stay(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    "text", ["健全监督和考核机制。", "完善激励和约束机制。", "建立奖励、考核和评价制度。"]
)
def test_kinds_joined_by_a_conjunction_are_still_kinds(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("完善执法人员考核、评价和尽职免责制度。", {"执法人员考核制度", "尽职免责制度"}),
        ("落实法律顾问和合法性审核制度。", {"法律顾问制度", "合法性审核制度"}),
    ],
)
def test_a_kind_among_named_conjuncts_is_left_out(names: Names, text: str, expected: set[str]) -> None:
    assert names(text, SYS) == expected


def test_a_conjunct_before_a_lone_verb_makes_one_name_with_it(names: Names) -> None:
    # Y is one verb (帮扶): the group and the manner before X's verb are Y's too
    got = names("健全困难群众动态监测和帮扶机制。", SYS)
    assert got == {"困难群众动态监测和帮扶机制"}


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("制定下发年度普法工作要点、考核办法等文件。", "年度普法工作要点", SYS),
        ("建立起县乡“一对多”事项对接机制，确保落实。", "县乡一对多事项对接机制", SYS),
        ("此次公布的容缺受理事项清单。", "容缺受理事项清单", LIST),
        ("发布2.0版涉企轻微违法免罚清单。", "涉企轻微违法免罚清单", LIST),
        ("首创涉企柔性执法事项清单。", "涉企柔性执法事项清单", LIST),
        ("会议审议法治宣传教育工作要点、执法检查方案等议题。", "法治宣传教育工作要点", SYS),
        ("请专家专题解读安全生产法、消防法。", "安全生产法", SYS),
    ],
)
def test_left_edges_stop_before_verbs_pronouns_and_versions(
    names: Names, text: str, name: str, typ: EntityType
) -> None:
    got = names(text, typ)
    assert name in got
    assert not any(n.endswith(name) and n != name for n in got)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("完善企业并购重组制度。", "企业并购重组制度"),  # 并购: 并 opens the word
        ("健全劳动争议和解机制。", "劳动争议和解机制"),
        ("推行并购重组备案制度。", "并购重组备案制度"),
        ("建立健全和解协议履行机制。", "和解协议履行机制"),
    ],
)
def test_a_particle_character_that_opens_a_word_is_kept(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


def test_a_particle_of_its_own_is_still_dropped(names: Names) -> None:
    got = names("梳理权责事项并建立权责清单动态调整机制。", SYS)
    assert not any(n.startswith("并") for n in got)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("创新矛盾纠纷多元调处机制。", "矛盾纠纷多元调处机制"),
        ("畅通群众诉求表达机制。", "群众诉求表达机制"),
        ("取消企业年检制度，推行年报公示制度。", "企业年检制度"),
        ("提出废止收容教育制度的议案。", "收容教育制度"),
        ("完善科技成果转化创新机制。", "科技成果转化创新机制"),  # 创新 inside the name
        ("建立创新型企业培育机制。", "创新型企业培育机制"),  # 创新型 is a word of its own
    ],
)
def test_a_verb_acting_on_a_system_opens_no_name(names: Names, text: str, name: str) -> None:
    got = names(text, SYS)
    assert name in got
    assert not any(n.endswith(name) and n != name for n in got)


@pytest.mark.parametrize("text", ["疏通传导机制，降低融资成本。", "积极参与多边机制。"])
def test_what_a_lead_verb_leaves_may_be_a_kind(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


def test_a_pronoun_inside_a_longer_word_is_kept(names: Names) -> None:
    # 各年度: 各年 is no word of its own here, so nothing is cut in the middle of 年度
    assert not any(n.startswith("度") for n in names("制定各年度创建工作实施方案。", SYS))


@given(st.text(alphabet="决策学习联动工作推进运行新依法治县法治政府建设乡村", min_size=1, max_size=12))
def test_kind_of_system_holds_for_its_words_only(body: str) -> None:
    if kind_of_system(body + "监督考核"):
        # a modifier ending in specific words is never taken for a kind
        raise AssertionError(body)


@given(st.sampled_from(["此次", "我国", "下发", "首创", "建立起"]), st.sampled_from(["清单", "机制"]))
def test_no_name_opens_with_a_lead_word(lead: str, head: str) -> None:
    typ = LIST if head == "清单" else SYS
    for name in extract_names(f"{lead}涉企柔性执法事项{head}。", typ):
        assert not name.startswith(lead)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全面推行证明事项告知承诺制全覆盖。", "证明事项告知承诺制"),
        ("实行涉企经营许可信用承诺制度。", "涉企经营许可信用承诺制度"),
    ],
)
def test_commitment_systems_are_named_by_their_head(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


def test_items_that_have_their_head_are_not_joined_into_one_name(names: Names) -> None:
    got = names("坚持做到审核机制、督办机制和考评“三到位”。", SYS)
    assert not any("、" in n for n in got)
    assert not any(n.startswith("做到") for n in got)


def test_a_generic_item_after_a_named_one_is_still_a_kind(names: Names) -> None:
    assert names("建立行政执法案卷评查机制、监督机制。", SYS) == {"行政执法案卷评查机制"}


def test_an_enumeration_ends_at_the_word_that_closes_it(names: Names) -> None:
    # 等 closes the list of laws; what follows it is another list, of tasks
    got = names("协助做好消防法、安全生产条例、道路交通管理条例等法规的修改意见、实地走访等工作。", SYS)
    assert {"消防法", "安全生产条例", "道路交通管理条例"} <= got
    assert not any("修改意见" in n or "走访" in n for n in got)
    # 平等 is a word, not the end of a list
    assert "男女平等保障条例" in names("宣传妇女权益保障法、男女平等保障条例、反家庭暴力法。", SYS)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("严格执行重大行政决策程序，规范决策行为。", "重大行政决策程序"),
        ("全面落实重大决策程序。", "重大决策程序"),
        ("严格遵守重大行政决策法定程序。", "重大行政决策法定程序"),
    ],
)
def test_the_national_decision_procedure_applied_is_a_system(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    "text",
    [
        "二是重大决策程序保障群众参政权。",  # a heading: decisions, not the rule
        "重大行政决策程序落实不够到位。",
        "认真贯彻《重大行政决策程序暂行条例》。",  # the regulation is the name
    ],
)
def test_the_decision_procedure_not_applied_is_no_system_of_its_own(names: Names, text: str) -> None:
    assert not names(text, SYS) & {"重大决策程序", "重大行政决策程序"}


@pytest.mark.parametrize(
    "text",
    [
        "防止政策执行“一刀切”、层层加码。",
        "统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。",
    ],
)
def test_political_formulas_and_criticisms_are_no_reforms(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("健全“主要领导亲自抓、分管领导具体抓”工作机制。", "主要领导亲自抓、分管领导具体抓工作机制"),
        ("建成“互联网+监管”执法体系。", "互联网+监管执法体系"),
    ],
)
def test_a_quote_a_field_of_work_and_a_head_name_one_system(names: Names, text: str, name: str) -> None:
    assert names(text, SYS) == {name}


def test_a_quote_a_field_and_a_head_being_built_names_no_system(names: Names) -> None:
    assert names("推进“邻里守望”调解体系化建设。", SYS) == set()


@pytest.mark.parametrize(
    "text", ["深入学习总书记关于“三农”工作的重要论述。", "扎实做好“六稳”工作，全面落实“六保”任务。"]
)
def test_a_count_and_one_character_is_a_field_of_policy_not_a_reform(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    "text", ["创新三项核心制度，推进执法。", "创新“三项核心制度”，推进执法。", "建立两项长效机制。"]
)
def test_a_count_of_systems_is_no_named_system(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [("全面推行行政执法三项制度。", "行政执法三项制度"), ("全面推行“三项制度”。", "三项制度")],
)
def test_a_named_count_of_systems_keeps_its_name(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


def test_generic_words_listed_before_a_head_name_no_system(names: Names) -> None:
    # 工作制度 is generic: the list is of things to build, not one coordinated name
    assert names("抓好调解组织的机构、人员队伍、工作制度等规范化建设。", SYS) == set()
    assert names("完善讲法、学法、评法机制。", SYS) == {"讲法、学法、评法机制"}


@pytest.mark.parametrize("text", ["在思想上遵法崇法，在行动上严格守法。", "引导群众信法、宣法，营造氛围。"])
def test_verbs_ending_in_fa_are_no_laws(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("积极稳妥改革考试招生制度。", "考试招生制度"),
        ("通过改革整合城乡居民基本医疗保险制度，提高保障。", "城乡居民基本医疗保险制度"),
    ],
)
def test_a_reform_done_to_a_system_is_not_part_of_its_name(names: Names, text: str, name: str) -> None:
    assert names(text, SYS) == {name}


def test_a_system_changed_into_another_gives_two_names(names: Names) -> None:
    assert names("将企业年检制度改为年报公示制度。", SYS) == {"企业年检制度", "年报公示制度"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Y is one verb: X's words before its verb are Y's too
        ("健全救助标准确定和调整机制。", "救助标准确定和调整机制"),
        # 合作 relates the two parties, a qualifier may stand before the head
        ("推广政府和社会资本合作新机制。", "政府和社会资本合作新机制"),
        # X names whom the system serves: one system for both groups
        ("完善城乡居民和农民工医疗救助制度。", "城乡居民和农民工医疗救助制度"),
    ],
)
def test_coordination_inside_one_name_is_not_split(names: Names, text: str, name: str) -> None:
    got = names(text, SYS)
    assert name in got
    assert not any(n.endswith("机制") and "和" not in n for n in got)


def test_a_conjunct_parallel_to_the_front_of_the_last_borrows_the_rest(names: Names) -> None:
    # 乡村文化事业 ~ 乡村文化产业: the conjunct borrows 扶持机制, not 机制 alone
    got = names("完善乡村文化事业和乡村文化产业扶持机制。", SYS)
    assert got == {"乡村文化事业扶持机制", "乡村文化产业扶持机制"}


def test_a_conjunct_with_its_own_head_borrows_no_other() -> None:
    # 体系 is X's own head: X is not an X机制
    got = extract_names("健全基层矛盾调处服务体系和纠纷预警机制。", SYS)
    assert "基层矛盾调处服务体系机制" not in got
    assert "纠纷预警机制" in got


def test_conjuncts_of_their_own_still_borrow_the_head(names: Names) -> None:
    assert {"法律顾问制度", "合法性审核制度"} <= names("建立法律顾问和合法性审核制度。", SYS)


@pytest.mark.parametrize(
    "text",
    [
        "该厂自主研制的新型水泵投入使用。",  # 研制: a verb
        "为客户提供个性化定制服务。",  # 定制: a verb
        "违法建设势头得到有效遏制。",  # 遏制: a verb
        "无人机制造、新材料等产业加快发展。",  # 无人机 + 制造: no 机制 here
    ],
)
def test_a_head_inside_another_word_names_nothing(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("全面推行田长制。", "田长制"),
        ("落实项目审批告知承诺制。", "项目审批告知承诺制"),
        ("健全邻里纠纷调处机制，化解矛盾。", "邻里纠纷调处机制"),
    ],
)
def test_a_head_that_ends_its_word_still_names(names: Names, text: str, name: str) -> None:
    assert name in names(text, SYS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推行窗口首问负责制。", {"窗口首问负责制"}),
        ("全面推行告知承诺制和首问负责制。", {"告知承诺制", "首问负责制"}),
        ("落实首问负责制、一次性告知制和限时办结制。", {"首问负责制", "一次性告知制", "限时办结制"}),
        ("全面推行河长制和林长制。", {"河长制", "林长制"}),
        ("实行岗位负责制和责任追究制。", {"岗位负责制", "责任追究制"}),
        ("坚持民主集中制。", {"民主集中制"}),
    ],
)
def test_a_word_ending_in_its_own_zhi_is_a_name_of_its_own(
    names: Names, text: str, expected: set[str]
) -> None:
    # 负责制 holds the verb 负责, which opens no name but does not stop this one; and a
    # conjunct with its own 制 borrows no head (首问负责制、…: not 首问负责制制)
    assert names(text, SYS) == expected


@pytest.mark.parametrize("text", ["推行负责制。", "由县司法局负责制定方案。"])
def test_a_bare_fuzezhi_or_the_verb_fuze_names_no_system(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("推广新时代枫桥经验，化解矛盾纠纷。", "新时代枫桥经验"),
        ("坚持枫桥经验。", "枫桥经验"),
        ("全面推行包容审慎监管。", "包容审慎监管"),
        ("实施信用风险分级分类监管。", "信用风险分级分类监管"),
        ("严格落实行政处罚裁量基准。", "行政处罚裁量基准"),
        ("严格执行行政裁量权基准，规范执法。", "行政裁量权基准"),
    ],
)
def test_a_national_system_applied_in_prose_is_named(names: Names, text: str, name: str) -> None:
    assert names(text, SYS) == {name}


@pytest.mark.parametrize("text", ["枫桥经验是基层治理的法宝。", "包容审慎监管的理念深入人心。"])
def test_a_national_system_as_a_subject_is_no_mention(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("行政执法三项制度全面落实。", {"行政执法三项制度"}),
        ("落实行政执法公示制度和行政执法三项制度。", {"行政执法公示制度", "行政执法三项制度"}),
        ("建立三项制度。", set()),
        ("创新三项核心制度。", set()),
        ("县司法局三项制度落实到位。", set()),
    ],
)
def test_a_field_and_a_count_of_its_systems_name_them_anywhere(
    names: Names, text: str, expected: set[str]
) -> None:
    # not only after a verb: as a subject, or as a conjunct after 和; a count alone, or
    # a count after an institution (whose systems, not which), names none
    assert names(text, SYS) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("建立人民调解、行政调解、司法调解联动机制。", "人民调解、行政调解、司法调解联动机制"),
        ("健全人民调解、行政调解和司法调解联动机制。", "人民调解、行政调解和司法调解联动机制"),
        ("完善警调、诉调、访调对接机制。", "警调、诉调、访调对接机制"),
        (
            "健全信访调解、仲裁调解、诉讼调解衔接联动工作机制。",
            "信访调解、仲裁调解、诉讼调解衔接联动工作机制",
        ),
    ],
)
def test_parallel_parties_of_a_relating_mechanism_make_one_name(names: Names, text: str, name: str) -> None:
    # the items end alike (…调解) and the last one relates them (联动, 对接): one mechanism
    assert names(text, SYS) == {name}


def test_items_that_are_no_parallel_parties_borrow_the_head(names: Names) -> None:
    # 工作协调 and 信息共享 end differently: two mechanisms, though 共享 relates
    assert names("建立健全工作协调、信息共享机制。", SYS) == {"工作协调机制", "信息共享机制"}


@pytest.mark.parametrize(
    "text",
    [
        "坚持把权力关进制度的笼子，规范权力运行。",
        "扎紧制度篱笆，堵塞管理漏洞。",
        "紧紧扎住制度围栏，防止权力滥用。",
    ],
)
def test_a_cage_or_fence_of_rules_is_a_figure_of_speech(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("推广“老马工作法”，化解纠纷80余件。", "老马工作法"),
        ("总结提炼“四步调解工作法”。", "四步调解工作法"),
        ("推广“五老”调解工作法。", "五老调解工作法"),
    ],
)
def test_a_quoted_way_of_working_is_a_system(names: Names, text: str, name: str) -> None:
    assert names(text, SYS) == {name}


@pytest.mark.parametrize(
    "text",
    ["创新工作法，提升调解成功率。", "推广“工作法”。", "持续推进信访工作法治化。"],
)
def test_a_way_of_working_unnamed_is_no_system(names: Names, text: str) -> None:
    assert names(text, SYS) == set()


def test_a_second_act_ends_the_words_after_a_verb(names: Names) -> None:
    # 执行 opens the court unit's name, not a document: 建立 is the clause's verb
    text = "宁陵县人民法院执行指挥中心与县公安局建立查控协作机制。"
    assert names(text, SYS) == {"查控协作机制"}


def test_a_mechanism_of_how_prices_form_keeps_its_name(names: Names) -> None:
    assert names("完善农产品价格形成机制。", SYS) == {"农产品价格形成机制"}


@pytest.mark.parametrize(
    ("text", "typ", "name"),
    [
        (
            "您在建议中提出“建立行政执法人员持证上岗制度”，我们认为很有必要。",
            EntityType.SYSTEM,
            "行政执法人员持证上岗制度",
        ),
        ("关于您提出的“推行柔性执法清单”的建议，我局已着手研究。", EntityType.LIST, "柔性执法清单"),
        ("规划明确“健全矛盾纠纷多元化解机制”等任务。", EntityType.SYSTEM, "矛盾纠纷多元化解机制"),
    ],
)
def test_a_quoted_task_names_what_its_verb_acts_on(text: str, typ: EntityType, name: str) -> None:
    # a quote that opens with a verb is someone's words; the system or list is its object
    assert extract_names(text, typ) == {name}


def test_a_quoted_name_without_a_verb_keeps_its_quote() -> None:
    assert extract_names("全面推行“一村一法律顾问”制度。", EntityType.SYSTEM) == {"一村一法律顾问制度"}
    assert extract_names("建立“首违不罚”清单。", EntityType.LIST) == {"首违不罚清单"}
