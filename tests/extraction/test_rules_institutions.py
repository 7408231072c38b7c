"""Institution rules (kg.extraction.rules.institutions): families of names with positive and
negative examples written for these tests, in the style of rule-of-law reports of a county
none of the seeds is about."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.data import lexicon
from kg.extraction.anaphora import resolve_anaphora
from kg.extraction.mentions import find_mentions
from kg.extraction.places import region_of
from kg.extraction.rules.base import _adverb_and_stop
from kg.model import Document, EntityType, ReportInfo
from kg.text.segment import split_sentences

INST, SYS = EntityType.INSTITUTION, EntityType.SYSTEM
NINGLING = "411423"  # 宁陵县


def found(text: str, code: str | None = NINGLING) -> set[tuple[str, EntityType]]:
    doc = Document(id="t", path="", text=text, sha256="")
    info = ReportInfo(doc_id="t", place=region_of(code) if code else None)
    found = resolve_anaphora(find_mentions(doc, split_sentences(doc), info), info)
    return {(m.name, m.type) for m in found}


def insts(text: str, code: str | None = NINGLING) -> set[str]:
    return {n for n, t in found(text, code) if t is INST}


# ---------------------------------------------------------------- issuers inside a nested title


@pytest.mark.parametrize("inner", ["〈{}〉", "<{}>"])
def test_issuers_of_a_notice_that_issues_a_nested_title_are_institutions(inner: str) -> None:
    doc = inner.format("宁陵县行政执法监督办法(2023-2025年)")
    got = found(f"根据《中共中央、国务院关于印发{doc}的通知》精神，制定本方案。")
    assert {("中共中央", INST), ("国务院", INST), ("宁陵县行政执法监督办法(2023-2025年)", SYS)} <= got


def test_a_title_that_is_not_an_issuing_notice_keeps_its_issuer_inside() -> None:
    got = found("执行《国务院关于加强行政执法监督的意见》。")
    assert ("国务院关于加强行政执法监督的意见", SYS) in got
    assert insts("执行《国务院关于加强行政执法监督的意见》。") == set()


# ---------------------------------------------------------------- the left edge of a name by head


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb or an idiom of the prose before the name (jieba's tags)
        ("会议要求紧盯县委政法委的部署。", "县委政法委"),
        ("今年开通宁陵县政务服务中心。", "宁陵县政务服务中心"),
        ("积极参与“法律进万家”宣讲团活动。", "法律进万家宣讲团"),
        ("充分利用县级法律服务团开展讲座。", "县级法律服务团"),
        ("及时调整依法治镇工作领导小组。", "依法治镇工作领导小组"),
        # a date before the name
        ("8日县委全面依法治县委员会召开第二次会议。", "县委全面依法治县委员会"),
        # a term is part of the name, a count is not
        ("省十四届人大常委会审议了报告。", "省十四届人大常委会"),
        # a meeting 暨 a group: the group only
        ("召开县依法行政工作会议暨执法协调小组会议。", "执法协调小组"),
        # verbs that name the work of a body stay in the name
        ("成立宁陵县疾病预防控制中心。", "宁陵县疾病预防控制中心"),
        ("组建县行政争议调处中心。", "县行政争议调处中心"),
    ],
)
def test_the_name_starts_after_the_prose_before_it(text: str, name: str) -> None:
    got = insts(text)
    assert name in got
    assert not any(n.endswith(name) and n != name for n in got), got


@pytest.mark.parametrize(
    "text",
    [
        "每季度召开一次党委会议。",
        "选聘新一轮部门法律顾问，全面解读农村宅基地政策。",
        "聚焦建设区域中心城市，完善城市副中心管理体制。",
        "带动各级党委(党组)理论学习中心组开展学习。",
        "规范党组会议事规则。",
    ],
)
def test_counts_generic_plurals_and_words_ending_like_heads_are_no_institutions(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        # a division name whose tail is another division name (南县 in 肃南县)
        ("发布机构：肃南县林草局", None, "肃南县林草局"),
        # 和 begins a place name here, it is no conjunction
        ("配合和平区司法局开展检查。", None, "和平区司法局"),
        ("中共宁陵县委全面依法治县委员会召开会议。", NINGLING, "中共宁陵县委全面依法治县委员会"),
    ],
)
def test_a_place_at_the_start_of_a_name_is_taken_whole(text: str, code: str | None, name: str) -> None:
    assert name in insts(text, code)


# ---------------------------------------------------------------- short and abbreviated bodies


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("推动市科委、县国资委合署办公。", "市科委"),
        ("推动市科委、县国资委合署办公。", "县国资委"),
        ("配合人大法工委开展备案审查。", "人大法工委"),
        ("经验获省营商办通报表扬。", "省营商办"),
        ("与县法院、县信访办等单位沟通。", "县信访办"),
        ("该项工作被市委全面依法治市办推荐。", "市委全面依法治市办"),
        # an autonomous prefecture's and a banner's committee (jieba cut 全面 off as an adverb)
        ("近期将以州委全面依法治州委员会文件印发实施。", "州委全面依法治州委员会"),
        ("旗委全面依法治旗委员会召开会议。", "旗委全面依法治旗委员会"),
        ("根据工委依法治区办要求开展自查。", "工委依法治区办"),
        ("列入县委党校主体班次课程。", "县委党校"),
        ("组建宁陵产业集聚区联合管委会。", "宁陵产业集聚区联合管委会"),
        # 经开区 (经济技术开发区 written short) is a zone: its 区 is no level word
        ("拉萨经开区市场监督管理局：", "拉萨经开区市场监督管理局"),
        ("来源：依法行政指导处", "依法行政指导处"),
        # a division numbered within its field (一处, 二处)
        ("省司法厅立法一处负责审查。", "省司法厅立法一处"),
        ("由公法二处牵头办理。", "公法二处"),
        ("组织商贸科、市场管理和电子商务科开展培训。", "市场管理和电子商务科"),
    ],
)
def test_short_forms_of_committees_offices_and_divisions(text: str, name: str) -> None:
    assert name in insts(text)


def test_a_management_committee_written_bare_after_its_party_working_committee() -> None:
    got = found("宁陵高新区党工委、管委会：现将方案印发给你们。")
    assert ("宁陵高新区管委会", INST) in got and ("宁陵高新区党工委", INST) in got


@pytest.mark.parametrize(
    "text",
    [
        "推进一网通办、就近办、马上办，督办重点事项，举办培训班，办理案件。",
        "把任务落到实处，严肃查处违法行为，审核行政处罚案件。",
        "好事办到一处，心往一处想。",
        "推进人才评价改革和科创平台建设。",
        "加强同级人大及其常委会监督。",
    ],
)
def test_verbs_and_phrases_ending_like_a_short_head_are_no_institutions(text: str) -> None:
    assert insts(text) == set()


def test_the_congress_and_its_standing_committee_written_together_name_the_congress() -> None:
    got = insts("在县委领导和县人大及其常委会监督下开展工作。")
    assert "县人大" in got and not any("及其" in n for n in got)


# ---------------------------------------------------------------- units every place has


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("打造了宁陵县城东司法所“和为贵”调解品牌。", "宁陵县城东司法所"),
        ("在宁陵县公安局柳河派出所，参观了警务大厅。", "宁陵县公安局柳河派出所"),
        ("在商丘市宁陵县石桥镇黄岗村委会，讲解员介绍了经验。", "商丘市宁陵县石桥镇黄岗村委会"),
    ],
)
def test_a_unit_named_by_a_proper_name_is_an_institution(text: str, name: str) -> None:
    assert name in insts(text)


@pytest.mark.parametrize(
    "text",
    [
        "理顺基层司法所管理体制，建设新时代司法所。",
        "辖区派出所、乡镇司法所共同参与。",
        "培育“枫桥式”司法所。",
    ],
)
def test_kinds_of_units_are_no_institutions(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "该所成立“护花警务室”，开展服务。",
        "培育发展个人品牌调解工作室。",
        "参观警营文化室。",
        "各县(区)人民政府要落实。",
        "作为党委(党组)理论学习中心组学习内容。",
        "开展村(社区)人民调解委员会换届。",
    ],
)
def test_coined_rooms_kinds_of_rooms_and_alternatives_in_brackets_are_no_institutions(text: str) -> None:
    assert insts(text) == set()


# ---------------------------------------------------------------- page chrome, counts, titles, meetings


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("传达宁陵县第十八届人民代表大会常务委员会第三次会议精神。", "宁陵县第十八届人民代表大会常务委员会"),
        ("团县委开展青年普法活动。", "团县委"),
        ("聘请省司法警官学院教授授课。", "省司法警官学院"),
        ("履行“清廉宁陵”法治环境专项小组成员单位职责。", "清廉宁陵法治环境专项小组"),
        ("召开局党组会研究部署。", "局党组"),
    ],
)
def test_terms_youth_league_academies_and_task_groups(text: str, name: str) -> None:
    assert name in insts(text)


@pytest.mark.parametrize(
    "text",
    [
        "首页|河南政府网|无障碍",
        "组织十二区政府开展评审。",
        "在全国司法厅局长会议上交流。",
        "全年召开依法行政专题党委会3次。",
        "学习《中国共产党章程》和《宪法》。",
    ],
)
def test_websites_counts_department_heads_topic_meetings_and_title_words(text: str) -> None:
    assert insts(text) == set()


def test_issuers_of_a_title_with_guanyu_stay_institutions() -> None:
    assert "国务院" in insts("印发《中共中央 国务院关于印发〈宁陵县行政执法监督办法〉的通知》。")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县政府常务会议研究规范性文件。", "县政府常务会议"),
        ("局务会先后三次学法。", "局务会"),
        ("部常务会审议规章。", "部常务会"),
        ("委主任办公会专题研究国资监管工作。", "委主任办公会"),
    ],
)
def test_standing_meetings_of_an_organ_are_institutions(text: str, name: str) -> None:
    assert name in insts(text)


@pytest.mark.parametrize("text", ["召开常务会议研究。", "参加务会。", "组织办公会学习。"])
def test_a_meeting_word_alone_names_no_body(text: str) -> None:
    assert insts(text) == set()


@given(
    st.sampled_from(sorted(w for w in lexicon.word_set("lead_adverbs") if len(w) >= 2)),
    st.sampled_from(sorted(w for w in lexicon.word_set("name_stops") if len(w) >= 2)),
)
def test_an_adverb_glued_to_a_stop_verb_opens_no_name(adverb: str, verb: str) -> None:
    assert _adverb_and_stop(adverb + verb)
    assert not _adverb_and_stop(verb[:1] + "县司法局")


# ---------------------------------------------------------------- 依法治X委, 依法治X办


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("认真落实县委依法治县委各项部署。", "县委依法治县委"),
        ("州委依法治州办牵头开展督察。", "州委依法治州办"),
        ("报请市委依法治市委审议。", "市委依法治市委"),
    ],
)
def test_the_abbreviated_committee_for_law_based_governance_is_one_body(text: str, name: str) -> None:
    got = insts(text)
    assert name in got
    assert not got & {"县委", "州委", "市委"} - {name}


def test_the_committee_written_in_full_is_not_cut_at_its_abbreviation() -> None:
    assert "县委依法治县委" not in insts("县委依法治县委员会召开会议。")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("中央全面深化改革委员会审议通过方案。", "中央全面深化改革委员会"),
        ("县委全面深化改革委员会召开会议。", "县委全面深化改革委员会"),
    ],
)
def test_the_committee_for_deepening_reform_is_one_body(text: str, name: str) -> None:
    assert name in insts(text)


@pytest.mark.parametrize("text", ["科学精准处置局部聚集性疫情。", "发挥好行业协会商会作用。"])
def test_words_that_end_like_a_body_and_kinds_of_bodies_name_none(text: str) -> None:
    assert insts(text) == set()


def test_a_named_association_is_still_a_body() -> None:
    assert "县律师行业协会" in insts("县律师行业协会开展培训。")


@pytest.mark.parametrize("text", ["积极配合人大法工委、司法局参与普法。", "配合司法局开展普法。"])
def test_a_bare_justice_bureau_is_a_body(text: str) -> None:
    assert "司法局" in insts(text)


def test_a_bare_justice_bureau_of_all_levels_is_none() -> None:
    assert insts("各级司法局开展普法。") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("建设县级公共法律服务中心。", "县级公共法律服务中心"),
        ("高标准建设社会治理综合服务中心。", "社会治理综合服务中心"),
        ("建设工程交易中心开展服务。", "建设工程交易中心"),  # 建设工程 is one word: no verb
    ],
)
def test_a_building_verb_cut_as_a_word_opens_no_name(text: str, name: str) -> None:
    assert insts(text) == {name}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县委编委审议方案。", "县委编委"),
        ("县法律服务队送法下乡。", "县法律服务队"),
        ("工商联开展活动。", "工商联"),
        ("红十字会组织培训。", "红十字会"),
        ("地委、行署召开会议。", "行署"),
    ],
)
def test_short_and_bare_bodies_the_issue_names(text: str, name: str) -> None:
    assert name in insts(text)


@pytest.mark.parametrize("text", ["各级工商联开展活动。", "地委书记调研。"])
def test_bodies_of_all_levels_and_their_officers_are_no_body(text: str) -> None:
    assert insts(text) == set()


# ---------------------------------------------------------------- two levels written together


@pytest.mark.parametrize(
    "text",
    [
        "推动市县政府主要负责人年底述法。",
        "基本完成省市政府职能清理工作。",
        "督促县市政府落实整改。",
    ],
)
def test_the_organs_of_two_levels_written_together_are_a_plural(text: str) -> None:
    assert not {n for n in insts(text) if n.endswith("政府")}


@pytest.mark.parametrize(
    ("text", "name"),
    [("市委、县政府联合督查。", "县政府"), ("在县政府常务会议上审议。", "县政府常务会议")],
)
def test_one_level_after_another_organ_or_a_preposition_stays_an_organ(text: str, name: str) -> None:
    assert name in insts(text)


# ---------------------------------------------------------------- a kind counted before a body


@pytest.mark.parametrize(
    "text",
    [
        "今年建设一批青少年法治教育基地。",
        "培育若干“枫桥式”矛盾纠纷调解中心。",
        "新建一些村级公共法律服务工作室。",
    ],
)
def test_a_body_after_a_word_that_counts_a_kind_is_a_kind(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("一批案件移交宁陵县矛盾纠纷调处中心办理。", "宁陵县矛盾纠纷调处中心"),
        ("县司法局组织一批律师开展法治体检。", "县司法局"),
    ],
)
def test_a_count_of_other_things_leaves_the_body_named(text: str, name: str) -> None:
    assert name in insts(text)


# ---------------------------------------------------------------- central organs


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("在党中央、中央军委的领导下推进改革。", "中央军委"),
        ("配合国家监察委员会开展调查。", "国家监察委员会"),
        ("中央纪律检查委员会通报典型案例。", "中央纪律检查委员会"),
    ],
)
def test_central_military_and_supervisory_organs_are_institutions(text: str, name: str) -> None:
    assert name in insts(text)


def test_the_central_military_commission_s_chairman_is_a_post_not_a_body() -> None:
    assert insts("贯彻军委主席负责制。") == set()


# ---------------------------------------------------------------- centres and bases of a kind


@pytest.mark.parametrize(
    "text",
    [
        "推进基层矛盾纠纷调处中心规范化建设。",
        "获评全省青少年法治教育示范基地。",
        "督促乡镇综治中心落实值班制度。",
    ],
)
def test_a_centre_or_base_that_a_kind_word_qualifies_is_a_kind(text: str) -> None:
    assert not {n for n in insts(text) if n.endswith(("中心", "基地"))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("宁陵县矛盾纠纷调处中心受理案件。", "宁陵县矛盾纠纷调处中心"),
        ("县司法局法治教育基地接待群众。", "县司法局法治教育基地"),
        ("今年建成民商事案件调解中心。", "民商事案件调解中心"),
    ],
)
def test_a_centre_or_base_without_a_kind_word_is_a_body(text: str, name: str) -> None:
    assert name in insts(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县民政局开展低保专项检查。", "县民政局"),
        ("县财政局落实预算公开。", "县财政局"),
        ("县医疗保障局开展基金监管。", "县医疗保障局"),
        ("县住房和城乡建设局开展安全检查。", "县住房和城乡建设局"),
        ("县人力资源和社会保障局开展劳动监察。", "县人力资源和社会保障局"),
        ("省发展和改革委员会印发方案。", "省发展和改革委员会"),
        ("市城市管理和综合执法局开展整治。", "市城市管理和综合执法局"),
    ],
)
def test_working_departments_are_named_whole(text: str, name: str) -> None:
    # 政 before 局 is no 政局 in 民政局; 和, 保障, 发展 inside a department's field stop no walk
    assert insts(text) == {name}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国内政局保持稳定。", set()),
        ("县司法局和县公安局联合执法。", {"县司法局", "县公安局"}),
        ("中共县委和县政府高度重视。", {"中共县委", "县政府"}),
    ],
)
def test_and_between_bodies_is_no_department_field(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县总工会开展职工法律援助。", "县总工会"),
        ("县妇联开展婚姻家庭纠纷调解。", "县妇联"),
        ("县残联落实两项补贴。", "县残联"),
        ("县科协组织科普活动。", "县科协"),
        # a verb before a body named bare acts with it, it is no part of its name
        ("联合妇联开展维权服务。", "妇联"),
        ("协助司法局开展普法。", "司法局"),
    ],
)
def test_peoples_organisations_and_bare_bodies_after_a_verb(text: str, name: str) -> None:
    assert insts(text) == {name}


def test_a_union_of_one_enterprise_is_no_body_of_the_place() -> None:
    assert insts("企业工会开展普法活动。") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县政务服务中心组织窗口人员培训。", "县政务服务中心"),  # 中心 + 组织, no 中心组
        ("县委理论学习中心组开展专题学习。", "县委理论学习中心组"),
    ],
)
def test_a_head_that_ends_inside_a_word_gives_way_to_the_head_it_opens(text: str, name: str) -> None:
    assert insts(text) == {name}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 会同 after a body is the verb "together with", not the county 会同县, in the
        # place + organ names too (县法院)
        ("县委政法委会同县法院开展调研。", {"县委政法委", "县法院"}),
        ("湖南省会同县司法局开展普法。", {"湖南省会同县司法局"}),
    ],
)
def test_a_partner_verb_is_no_place_after_a_body(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县民政局和县信访局联合开展排查。", {"县民政局", "县信访局"}),
        ("县司法局会同县财政局制定办法。", {"县司法局", "县财政局"}),
        ("县司法局联合县公安局开展普法。", {"县司法局", "县公安局"}),
        ("县公安局、县司法局和县人民检察院联合开展执法。", {"县公安局", "县司法局", "县人民检察院"}),
        ("县医保局会同县卫生健康委员会开展检查。", {"县医保局", "县卫生健康委员会"}),
    ],
)
def test_a_joining_word_before_a_level_is_no_division_after_a_body(text: str, expected: set[str]) -> None:
    # 和县 and 会同县 are counties, but after a body 和 and 会同 join it to the next one
    assert insts(text) == expected


def test_a_division_named_like_a_joining_word_still_opens_a_name() -> None:
    assert insts("和平区人民法院开展巡回审判。", "210102") == {"和平区人民法院"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县档案馆开展档案执法检查。", "县档案馆"),
        ("县看守所开展法治教育。", "县看守所"),
        ("县法学会开展法学研究。", "县法学会"),
        ("县普法讲师团开展宣讲。", "县普法讲师团"),
        ("县直机关工委开展普法。", "县直机关工委"),
        ("县电视台开设法治栏目。", "县电视台"),
        ("人民日报报道了宁陵县的做法。", "人民日报"),
        ("新华社报道了宁陵县的经验。", "新华社"),
        ("中央电视台报道了宁陵县的做法。", "中央电视台"),
    ],
)
def test_archives_detention_houses_societies_lecturers_work_committees_and_media(
    text: str, name: str
) -> None:
    assert insts(text) == {name}


@pytest.mark.parametrize(
    "text",
    [
        "落实疫情日报告制度。",
        "实行安全生产日报表制度。",
        "群众学会了用法律维权。",
        "各看守所开展教育。",
        "乡镇工委开展普法。",
    ],
)
def test_a_daily_report_learning_and_plurals_are_no_bodies(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县委办印发通知。", {"县委办"}),
        ("县委办、县政府办联合印发通知。", {"县委办", "县政府办"}),
        ("县委办公室印发通知。", {"县委办公室"}),
        ("县纪委监委开展监督检查。", {"县纪委监委"}),
        ("县纪委监委派驻纪检组开展监督。", {"县纪委监委"}),
        ("县委巡察办开展巡察。", {"县委巡察办"}),
        ("市委网信办开展网络普法。", {"市委网信办"}),
    ],
)
def test_offices_of_the_party_committee_by_their_short_names(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


def test_a_verb_that_opens_with_ban_is_no_party_office() -> None:
    assert "县委办" not in insts("县委办理了一批实事。")  # 县委 and the verb 办理


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城关镇政府召开会议。", {"城关镇政府"}),
        ("阳驿乡政府开展普法。", {"阳驿乡政府"}),
        ("城关镇党委开展普法。", {"城关镇党委"}),
        ("张弓镇人大开展执法检查。", {"张弓镇人大"}),
        ("各乡镇政府开展普法。", set()),
        ("全镇党委开展普法。", set()),
        # after a number, 年度 is a date, no town's name: the level word alone is the place
        ("根据2023年度乡理论学习中心组学习计划开展学习。", {"乡理论学习中心组"}),
    ],
)
def test_a_town_named_before_its_short_organ(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县政协社会和法制委员会开展调研。", "县政协社会和法制委员会"),
        ("县人大常委会监察和司法委员会开展调研。", "县人大常委会监察和司法委员会"),
        ("县政协文化文史和学习委员会开展调研。", "县政协文化文史和学习委员会"),
    ],
)
def test_special_committees_of_the_congress_and_the_cppcc_are_named_whole(text: str, name: str) -> None:
    # the 和 inside the committee's field stops no walk
    assert insts(text) == {name}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县扫黑除恶专项斗争领导小组办公室印发通知。", {"县扫黑除恶专项斗争领导小组办公室"}),
        ("县委扫黑除恶常态化领导小组召开会议。", {"县委扫黑除恶常态化领导小组"}),
        ("县委政法委、县扫黑办联合开展宣传。", {"县委政法委", "县扫黑办"}),
        ("深入开展扫黑除恶专项斗争。", set()),
    ],
)
def test_bodies_named_after_the_campaign_against_gangs(text: str, expected: set[str]) -> None:
    # 扫黑 and 除恶 name a body's work, as 禁毒 and 执法 do: no walk stops at them
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县人民法院张弓人民法庭开展巡回审判。", {"县人民法院张弓人民法庭"}),
        ("县人民法院城郊法庭开展巡回审判。", {"县人民法院城郊法庭"}),
        ("刘楼村党支部开展普法。", {"刘楼村党支部"}),
        ("城关市场监管所开展检查。", {"城关市场监管所"}),
        ("县劳动人事争议仲裁院审理案件。", {"县劳动人事争议仲裁院"}),
        ("县工商业联合会开展普法。", {"县工商业联合会"}),
        ("开展模拟法庭活动。", set()),
        ("基层法庭开展巡回审判。", set()),
        ("各村党支部开展学法。", set()),
        ("乡镇市场监管所开展检查。", set()),
    ],
)
def test_peoples_tribunals_branches_market_offices_and_arbitration_courts(
    text: str, expected: set[str]
) -> None:
    # units every place has: named by a proper name or a place, not by a kind (基层, 各村, 乡镇)
    assert insts(text) == expected


def test_a_short_head_inside_the_long_name_of_a_federation_gives_way() -> None:
    assert "县归国华侨联" not in insts("县归国华侨联合会开展普法。")  # 侨联 inside 华侨联合会


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县妇联协同县法院开展家事调解。", {"县妇联", "县法院"}),
        ("县司法局携手县总工会开展维权。", {"县司法局", "县总工会"}),
        ("县司法局联手县公安局开展普法。", {"县司法局", "县公安局"}),
        ("县协同创新中心开展服务。", {"县协同创新中心"}),
    ],
)
def test_a_joining_word_before_a_level_ends_the_name(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize("text", ["乡镇党委书记带头讲法。", "乡镇党委开展普法。", "乡镇人大开展执法检查。"])
def test_the_organs_of_every_township_are_a_kind(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县政府法制办开展审查。", "县政府法制办"),
        ("县国安办开展宣传。", "县国安办"),
        ("县编委召开会议。", "县编委"),
        ("共青团宁陵县委员会开展普法。", "共青团宁陵县委员会"),
    ],
)
def test_short_offices_the_establishment_committee_and_the_youth_leagues_full_name(
    text: str, name: str
) -> None:
    assert insts(text) == {name}


def test_a_field_of_an_office_before_a_verb_is_no_office() -> None:
    assert insts("加强法制办理能力。") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("县政务服务和大数据管理局推进一网通办。", "县政务服务和大数据管理局"),
        ("县人社局劳动保障监察大队开展检查。", "县人社局劳动保障监察大队"),
        ("县公路事业发展中心开展治超。", "县公路事业发展中心"),
        ("县农业农村事业发展中心开展服务。", "县农业农村事业发展中心"),
    ],
)
def test_teams_and_centres_named_by_a_field_the_walk_stops_in(text: str, name: str) -> None:
    # 和, 保障, 发展 inside the field; 农村 of 农业农村 is no kind word
    assert insts(text) == {name}


@pytest.mark.parametrize(
    "text", ["推动事业发展中心工作。", "农村综治中心开展服务。", "乡镇综治中心开展服务。"]
)
def test_a_field_does_not_make_a_kind_a_body(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected", "code"),
    [
        ("市中院和市检察院联合开展调研。", {"市中院", "市检察院"}, "411400"),
        ("集中院落整治。", set(), "411400"),
    ],
)
def test_the_intermediate_court_by_its_short_name(text: str, expected: set[str], code: str) -> None:
    assert insts(text, code) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县司法局行政复议股办理案件。", {"县司法局行政复议股"}),
        ("县司法局普法与依法治理股开展宣传。", {"县司法局普法与依法治理股"}),
        ("县城投公司股权转让。", {"县城投公司"}),
        ("全县形成一股合力。", set()),
        ("村集体经济股份合作社开展普法。", set()),
    ],
)
def test_sections_of_a_bureau_named_by_their_field(text: str, expected: set[str]) -> None:
    # 股 ends a word after a field, as 科 does; 与 joins two fields as 和 does
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县法院执行局开展执行。", {"县法院执行局"}),
        ("县人民法院执行局开展执行。", {"县人民法院执行局"}),
        ("严格执行局务会议制度。", set()),
    ],
)
def test_the_enforcement_bureau_of_a_court(text: str, expected: set[str]) -> None:
    # the walk stops at the verb 执行; 执行局 is a head of its own
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 成县 is a county, but here 成 ends a verb (建成, 完成, 促成) and 县 is the report's level
        ("今年建成县公共法律服务中心。", {"县公共法律服务中心"}),
        ("全面完成县司法局机构改革。", {"县司法局"}),
        ("促成县法院与县司法局签订协议。", {"县法院", "县司法局"}),
        # the county written after a word that is no verb stays whole
        ("根据成县人民政府的部署。", {"成县人民政府"}),
    ],
)
def test_a_county_name_that_begins_inside_a_verb_is_no_place(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县总工会、县团委、县妇联联合开展普法活动。", {"县总工会", "县团委", "县妇联"}),
        ("市团委组织青年志愿者开展宣传。", {"市团委"}),
        ("团县委组织开展青少年普法。", {"团县委"}),
        ("集团委托律师事务所审查合同。", set()),
    ],
)
def test_the_youth_league_committee_of_a_place(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two fields joined by 和 before a department's head: one department
        ("县行政审批和政务信息管理局梳理事项清单。", {"县行政审批和政务信息管理局"}),
        ("市审计和统计局开展检查。", {"市审计和统计局"}),
        ("县综合执法和市场监督管理局开展检查。", {"县综合执法和市场监督管理局"}),
        # a body before 和 is a body of its own
        ("县司法局和公安局联合开展禁毒宣传。", {"县司法局", "公安局"}),
        ("县委和县政府高度重视。", {"县委", "县政府"}),
        # no place before the first field: the walk keeps its stop at 和
        ("推进县城建设和城市管理局职能整合。", {"城市管理局"}),
    ],
)
def test_a_department_whose_name_joins_two_fields(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the number of a unit after its parent body belongs to the unit's name
        ("县人民检察院第一检察部办理公益诉讼案件。", {"县人民检察院第一检察部"}),
        ("县人民法院第二人民法庭巡回审理案件。", {"县人民法院第二人民法庭"}),
        ("县公安局第一派出所开展走访。", {"县公安局第一派出所"}),
        # an ordinal that counts meetings, times or seasons does not
        ("县政府第一次常务会议审议通过。", {"县政府"}),
        ("县人大常委会第三次会议召开。", {"县人大常委会"}),
        ("县法院第三季度结案率达到95%。", {"县法院"}),
        ("县司法局第一时间响应。", {"县司法局"}),
    ],
)
def test_a_numbered_unit_of_a_body(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba keeps the town and its level character as one word
        ("城关镇公共法律服务工作站接待群众来访。", {"城关镇公共法律服务工作站"}),
        ("城关镇司法所调解纠纷。", {"城关镇司法所"}),
        ("城关镇中心小学开展法治教育。", {"城关镇中心小学"}),
        # words for towns in general are no town
        ("推动特色小镇管理委员会规范运行。", {"特色小镇管理委员会"}),
        ("全乡镇司法所开展排查。", set()),
    ],
)
def test_a_town_written_as_one_word_begins_the_name(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县第一中学组织师生开展宪法宣誓活动。", {"县第一中学"}),
        ("县实验中学、县第二中学分别聘请法治副校长。", {"县实验中学", "县第二中学"}),
        ("宁陵县人民医院获评平安医院。", {"宁陵县人民医院"}),
        ("县中医院开展依法执业自查。", {"县中医院"}),
        ("柳河镇卫生院开展法治宣传进病房活动。", {"柳河镇卫生院"}),
        ("张弓镇中心小学开展法治教育。", {"张弓镇中心小学"}),
        ("县慈善总会发布慈善项目清单。", {"县慈善总会"}),
        ("柳河镇公共法律服务站开展法律援助。", {"柳河镇公共法律服务站"}),
        ("县总工会职工法律援助工作站为农民工维权。", {"县总工会职工法律援助工作站"}),
        ("县法院立案庭推行网上立案。", {"县法院立案庭"}),
        ("宁陵县人民法院刑事审判庭公开审理案件。", {"宁陵县人民法院刑事审判庭"}),
    ],
)
def test_schools_hospitals_stations_and_tribunals_named_by_a_place_or_body(
    text: str, expected: set[str]
) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "组织党员干部集中学习习近平法治思想。",
        "推进中小学法治教育。",
        "普通高中学生参加模拟法庭。",
        "深化公立医院综合改革。",
        "推动县级公立医院改革。",
        "在定点医院就医可直接结算。",
        "各乡镇卫生院落实医疗质量安全核心制度。",
        "在各村设立公共法律服务工作站。",
        "推动乡镇设立公共法律服务工作站。",
        "在乡村两级政务服务站点就可实现无差别受理。",
        "关键词: 法治政府建设 法律顾问 法律服务站",
        "便民服务站实现全覆盖。",
    ],
)
def test_schools_hospitals_and_stations_of_no_place_are_kinds(text: str) -> None:
    assert insts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12345政务服务便民热线中心全年受理群众诉求3万余件。", {"12345政务服务便民热线中心"}),
        ("县12345政务服务便民热线中心建立工单办理制度。", {"县12345政务服务便民热线中心"}),
        ("县司法局2023年办理法律援助案件312件。", {"县司法局"}),
    ],
)
def test_the_hotline_number_opens_its_centre_s_name(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县发展改革委牵头制定方案。", {"县发展改革委"}),
        ("市发展改革委、县发展改革局联合印发通知。", {"市发展改革委", "县发展改革局"}),
        ("深化发展改革举措。", set()),
    ],
)
def test_the_development_and_reform_commission_by_its_short_field(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time or locative word, or an adverb glued to a verb, before a bare level character
        ("去年以来县市场监管局加大执法力度。", {"县市场监管局"}),
        ("上半年县人社局受理劳动保障监察案件。", {"县人社局"}),
        ("截至11月底县法院共受理案件5000件。", {"县法院"}),
        ("积极争取市司法局支持。", {"市司法局"}),
    ],
)
def test_time_words_and_glued_verbs_before_a_level_character_open_no_name(
    text: str, expected: set[str]
) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role after a centre leaves the centre named, as after an office
        ("县法律援助中心主任接待群众。", {"县法律援助中心"}),
        ("县政府办公室主任参加培训。", {"县政府办公室"}),
        ("各中心主任参加会议。", set()),
    ],
)
def test_a_role_after_a_centre(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # governments of two levels together, and the residents' committee as a kind
        ("区县政府主要负责人述法。", set()),
        ("旗县政府要落实主体责任。", set()),
        ("社区居委会开展普法。", set()),
        ("新华社区居委会开展普法活动。", {"新华社区居委会"}),
    ],
)
def test_plural_governments_and_the_community_committee_as_a_kind(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a court or procuratorate written bare in a list after a placed body is the place's
        ("县法院、检察院、公安局、司法局联合出台意见。", {"县法院", "检察院", "公安局", "司法局"}),
        ("县公安局、检察院、法院建立协作机制。", {"县公安局", "检察院", "法院"}),
        # any court, in prose or after a kind
        ("依法向人民法院提起诉讼。", set()),
        ("行政机关、法院、检察院共同参与。", set()),
        ("申请人可以向法院起诉。", set()),
    ],
)
def test_a_court_written_bare_after_a_listed_body(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company or a section is named by a place or a body
        ("县城投公司完善合规管理制度。", {"县城投公司"}),
        ("县司法局行政复议股办理案件。", {"县司法局行政复议股"}),
        # without one it is a kind of firm or share
        ("推进国有资本投资运营公司改革。", set()),
        ("支持设立消费金融公司。", set()),
        ("稳妥实施市场化法治化债转股。", set()),
        # centres and bases of national plans are kinds
        ("建设区域医疗中心和国家科学中心。", set()),
        ("布局一体化大数据中心。", set()),
        ("建设大型风电光伏基地。", set()),
        ("振兴老工业基地。", set()),
        ("宁陵县公共法律服务中心开展服务。", {"宁陵县公共法律服务中心"}),
    ],
)
def test_firms_shares_and_planned_centres_are_kinds(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("设立普惠金融事业部。", set()),
        ("加强妇幼儿科建设。", set()),
        ("免费开放公共图书馆。", set()),
        ("县档案馆开展档案执法检查。", {"县档案馆"}),
        ("县委统战部牵头组织民主党派开展监督。", {"县委统战部"}),
    ],
)
def test_innovation_centres_bank_divisions_clinics_and_libraries_as_kinds(
    text: str, expected: set[str]
) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("张弓镇人大主席团组织代表视察。", {"张弓镇人大主席团"}),
        ("乡人大主席团开展代表活动。", {"乡人大主席团"}),
    ],
)
def test_the_presidium_of_a_township_congress(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group named by its task, whose verb follows the place
        ("县优化营商环境工作领导小组印发方案。", {"县优化营商环境工作领导小组"}),
        ("县防范和处置非法集资工作领导小组开展宣传。", {"县防范和处置非法集资工作领导小组"}),
        ("区推进法治政府建设领导小组办公室印发通知。", {"区推进法治政府建设领导小组办公室"}),
        (
            "县法治政府建设示范创建工作领导小组办公室设在县司法局。",
            {"县法治政府建设示范创建工作领导小组办公室", "县司法局"},
        ),
        # a body, a count or every place before the verb: the verb stays out
        ("县司法局调整法治政府建设工作领导小组。", {"县司法局", "法治政府建设工作领导小组"}),
        ("市县两级优化营商环境工作领导小组要加强统筹。", {"营商环境工作领导小组"}),
        ("县委召开会议研究部署优化营商环境工作领导小组工作。", {"县委", "营商环境工作领导小组"}),
    ],
)
def test_a_group_named_by_its_task_after_a_place(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit named by a department's field after a department a place opens
        ("县人力资源和社会保障局劳动保障监察大队查处欠薪。", {"县人力资源和社会保障局劳动保障监察大队"}),
        ("县人力资源和社会保障局、县医疗保障局联合检查。", {"县人力资源和社会保障局", "县医疗保障局"}),
    ],
)
def test_a_unit_of_a_department_named_by_its_field(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the task's verb right after a verb that sets up a body is part of the group's name
        ("县政府成立优化营商环境工作领导小组。", {"县政府", "优化营商环境工作领导小组"}),
        ("成立推进法治政府建设领导小组。", {"推进法治政府建设领导小组"}),
        # a set-up verb before a name that opens with no verb stays out
        ("及时调整依法治镇工作领导小组。", {"依法治镇工作领导小组"}),
    ],
)
def test_a_group_set_up_with_its_task_verb(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county's level character alone before one of its towns opens the town's organ
        ("县城关镇人民政府制定村规民约示范文本。", {"县城关镇人民政府"}),
        ("县阳驿乡人民政府召开专题会议。", {"县阳驿乡人民政府"}),
        ("在县城关镇司法所设立调解室。", {"县城关镇司法所"}),
        # jieba joins 县 and the town's first character (县城|关|回族|镇)
        ("县城关回族镇人民政府开展普法宣传。", {"县城关回族镇人民政府"}),
        ("城关回族镇人民政府开展普法宣传。", {"城关回族镇人民政府"}),
        # every county's town, or a town alone: no level character joins it
        ("全县城关镇人民政府召开会议。", {"城关镇人民政府"}),
        ("县委、县政府、城关镇政府联合部署。", {"县委", "县政府", "城关镇政府"}),
    ],
)
def test_a_town_s_organ_after_its_county_s_level(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a local office of a central administration carries the administration's name
        ("国家税务总局宁陵县税务局推行非接触式办税。", {"国家税务总局宁陵县税务局"}),
        (
            "国家税务总局商丘市税务局第一稽查局联合县公安局开展检查。",
            {"国家税务总局商丘市税务局第一稽查局", "县公安局"},
        ),
        ("中国人民银行宁陵县支行开展金融知识宣传。", {"中国人民银行宁陵县支行"}),
        ("中国人民银行商丘市中心支行指导工作。", {"中国人民银行商丘市中心支行"}),
        ("各银行支行开展金融知识宣传。", set()),
        # the administration named on its own, or apart from the office
        ("国家税务总局、县税务局联合开展宣传。", {"国家税务总局", "县税务局"}),
        (
            "落实国家市场监督管理总局部署，县市场监督管理局开展检查。",
            {"国家市场监督管理总局", "县市场监督管理局"},
        ),
    ],
)
def test_a_local_office_of_a_central_administration(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's station at a host body after 驻 or 派驻: one name
        ("县法律援助中心驻县法院工作站为当事人提供法律咨询。", {"县法律援助中心驻县法院工作站"}),
        ("县总工会驻县法院调解工作室成立。", {"县总工会驻县法院调解工作室"}),
        ("县纪委监委派驻县司法局纪检监察组加强日常监督。", {"县纪委监委派驻县司法局纪检监察组"}),
        ("县人民检察院驻城关镇检察室开展法律监督。", {"县人民检察院驻城关镇检察室"}),
        # a town's own organ after 驻 is the host
        ("县司法局驻城关镇人民政府开展调解。", {"县司法局", "城关镇人民政府"}),
        # a body and its host with no station after them: two names
        ("县司法局驻县信访局开展联合接访。", {"县司法局", "县信访局"}),
        ("县司法局选派律师驻县信访局接访。", {"县司法局", "县信访局"}),
        ("县法律援助中心在县法院设立工作站。", {"县法律援助中心", "县法院"}),
        # the kind of team every commission stations
        ("自觉接受派驻纪检监察组监督。", set()),
    ],
)
def test_a_station_of_a_body_at_a_host(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a task that seeks a title of the whole country or province crosses its scope
        ("县创建全国文明城市指挥部统筹推进市容整治。", {"县创建全国文明城市指挥部"}),
        ("县创建全国文明城市指挥部办公室组织联合执法。", {"县创建全国文明城市指挥部办公室"}),
        ("市争创全省法治政府建设示范市工作领导小组召开会议。", {"市争创全省法治政府建设示范市工作领导小组"}),
        ("县政府成立创建全国文明城市指挥部。", {"县政府", "创建全国文明城市指挥部"}),
        # the scope with no task verb, or after a stop word, opens no name
        ("县在全国率先成立营商环境工作领导小组。", {"营商环境工作领导小组"}),
        ("县司法局在全国文明城市指挥部指导下开展工作。", {"县司法局", "文明城市指挥部"}),
    ],
)
def test_a_group_whose_task_seeks_a_title_of_a_scope(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        # 会同 + 县 + a department opening a clause in a report of a far place: the verb
        ("会同县财政局、县审计局开展专项检查。", NINGLING, {"县财政局", "县审计局"}),
        ("同时，会同县人社局开展欠薪治理。", NINGLING, {"县人社局"}),
        # the county itself: in its own report, with no place known, or as a verb's object
        ("会同县财政局、县审计局开展专项检查。", "431225", {"会同县财政局", "县审计局"}),
        ("会同县财政局、县审计局开展专项检查。", None, {"会同县财政局", "县审计局"}),
        ("学习借鉴会同县司法局经验。", NINGLING, {"会同县司法局"}),
        # before another level character it is never the county: 会同 + 省 is no place
        ("会同省公安厅、省民政厅制定办法。", NINGLING, {"省公安厅", "省民政厅"}),
        ("联合省公安厅印发实施意见。", NINGLING, {"省公安厅"}),
        # a county's short name before 市 or 区 stays a place: counties become cities
        # (the gazetteer's 库车县 is 库车市 now)
        ("新疆库车市司法局开展检查。", NINGLING, {"库车市司法局"}),
    ],
)
def test_a_joining_verb_before_a_level_far_from_the_report_s_place(
    text: str, code: str | None, expected: set[str]
) -> None:
    assert insts(text, code) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a unit of a court or procuratorate named by its work, verbs and all
        ("县法院执行指挥中心全年受理执行案件1200件。", {"县法院执行指挥中心"}),
        ("县人民法院诉调对接中心联合县司法局开展诉前调解。", {"县人民法院诉调对接中心", "县司法局"}),
        ("县检察院刑事执行检察部开展巡回检察。", {"县检察院刑事执行检察部"}),
        ("县法院多元解纷中心化解纠纷。", {"县法院多元解纷中心"}),
        ("县人民法院少年法庭开展法治进校园活动。", {"县人民法院少年法庭"}),
        ("县人民法院执行裁决庭审查异议案件。", {"县人民法院执行裁决庭"}),
        ("县人民法院行政争议审前和解中心化解争议。", {"县人民法院行政争议审前和解中心"}),
        ("县人民法院道路交通事故纠纷诉调对接中心成立。", {"县人民法院道路交通事故纠纷诉调对接中心"}),
        ("县人民检察院侦查监督与协作配合办公室实体化运行。", {"县人民检察院侦查监督与协作配合办公室"}),
        # a court that sets up, relies on or works in a unit, or joins it: the court alone
        ("县检察院与县公安局共建侦查监督与协作配合办公室。", {"县检察院", "县公安局"}),
        ("县法院与诉调对接中心加强衔接。", {"县法院"}),
        ("县法院设立诉调对接中心。", {"县法院"}),
        ("县法院依托诉调对接中心化解纠纷。", {"县法院"}),
        ("县法院在诉调对接中心派驻法官。", {"县法院"}),
    ],
)
def test_a_court_s_unit_named_by_its_work(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Party committee of a kind of organisations: 组织 is the kind's, no verb
        ("县“两新”组织党工委指导非公企业建立党组织。", {"县两新组织党工委"}),
        ("县社会组织综合党委组织集中学习。", {"县社会组织综合党委"}),
        # two kinds joined by 和: one committee
        ("县新经济组织和新社会组织党委开展活动。", {"县新经济组织和新社会组织党委"}),
        ("县司法局组织和指导社会组织党委开展活动。", {"县司法局"}),
        # 组织 as a verb after a body or a place alone
        ("县司法局组织党委委员学习。", {"县司法局"}),
        ("县组织党工委委员培训。", set()),
    ],
)
def test_a_party_committee_of_a_kind_of_organisations(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words of names that jieba tags as numerals do not end the walk as a count does
        ("县人民法院设立少年法庭，审理涉未成年人案件。", {"县人民法院", "少年法庭"}),
        ("县矛盾纠纷多元化解中心化解纠纷26件。", {"县矛盾纠纷多元化解中心"}),
        # a count still does
        ("建设一批多元解纷中心。", set()),
        ("新建三个调解中心。", set()),
    ],
)
def test_numeral_tagged_words_of_names(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a task whose verb jieba tags as no verb (深化, 落实, 全面推行), with a quoted term
        ("县全面推行河长制工作领导小组办公室印发通知。", {"县全面推行河长制工作领导小组办公室"}),
        ("县深化“放管服”改革优化营商环境领导小组召开会议。", {"县深化放管服改革优化营商环境领导小组"}),
        ("县落实行政执法“三项制度”工作领导小组召开会议。", {"县落实行政执法三项制度工作领导小组"}),
        # the place holds the group's meeting, sets it up or hears it: the verb is the prose's
        ("县召开法治政府建设工作领导小组会议。", {"法治政府建设工作领导小组"}),
        ("县成立法治政府建设工作领导小组。", {"法治政府建设工作领导小组"}),
        ("县召开优化营商环境工作领导小组会议。", {"优化营商环境工作领导小组"}),
        ("县长主持召开执法协调小组推进会。", {"执法协调小组"}),
        ("全县全面推行河长制工作领导小组统筹。", {"河长制工作领导小组"}),
    ],
)
def test_a_group_s_task_verbs_and_the_place_s_acts(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


# ---------------------------------------------------------------- autonomous regions, banners


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("自治区政府建立常务会议会前学法制度。", "150000", "自治区政府"),
        ("自治区党委、政府印发实施方案。", "150000", "自治区党委"),
        ("旗司法局制定行政复议工作规则。", "150624", "旗司法局"),
        ("旗委政法委出台考核办法。", "150624", "旗委政法委"),
    ],
)
def test_a_level_word_of_the_report_s_autonomous_area_opens_its_organs(
    text: str, code: str, name: str
) -> None:
    assert name in insts(text, code)


def test_a_level_word_of_another_kind_of_place_opens_no_organ() -> None:
    assert insts("自治区政府建立常务会议会前学法制度。", NINGLING) == set()
    assert insts("旗司法局制定行政复议工作规则。", NINGLING) == set()
    assert "旗司法局" not in insts("全面推进依法治旗司法局牵头。", "150624")


# ---------------------------------------------------------------- numbered units in a list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县检察院第二检察部、第三检察部联合办案。", {"县检察院第二检察部", "县检察院第三检察部"}),
        (
            "县检察院第一检察部、第二检察部和第三检察部联合办案。",
            {"县检察院第一检察部", "县检察院第二检察部", "县检察院第三检察部"},
        ),
    ],
)
def test_a_numbered_unit_after_a_conjunct_takes_its_body(text: str, expected: set[str]) -> None:
    assert insts(text) == expected


def test_numbered_batches_after_a_conjunct_are_no_units() -> None:
    assert insts("开展第二批、第三批主题教育。") == set()
