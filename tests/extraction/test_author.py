"""Who speaks in a report: each signal of kg.extraction.author, with texts written for these tests."""

from __future__ import annotations

import pytest

from kg.extraction.author import opening_subject
from kg.extraction.document import extract_document
from kg.extraction.places import region_of
from kg.extraction.report import detect_report_info
from kg.model import Document, GivenFacts, ReportInfo
from kg.text.segment import split_sentences
from tests.extraction.conftest import extract_text


def info_of(text: str, given: GivenFacts | None = None) -> ReportInfo:
    """The report info of ``text``, with what a folder's manifest gives for it."""
    doc = Document(id="t", path="", text=text, sha256="", given=given)
    return detect_report_info(doc, split_sentences(doc))


@pytest.mark.parametrize(
    ("text", "author", "reason"),
    [
        # the title opens with the institution
        (
            "宜章县交通运输局2024年度法治政府建设工作报告\n2024年，我局坚持依法行政，推进执法规范化。\n",
            "宜章县交通运输局",
            "title",
        ),
        (
            "临澧县民政局关于2023年法治政府建设情况的报告\n一年来，全局上下齐心协力，规范救助。\n",
            "临澧县民政局",
            "title",
        ),
        # a relative title expands with the place the text names
        (
            "市水务局2025年度法治政府建设情况报告\n2026-01-20 | 荆州市水务局\n2025年，我局深入推进依法行政，完善制度。\n",
            "荆州市水务局",
            "title",
        ),
        # the title names the place: its government
        (
            "桃源县2023年法治政府建设年度报告\n2023年，全县上下扎实推进依法行政，成效明显。\n",
            "桃源县人民政府",
            "title names the place",
        ),
    ],
)
def test_title(text: str, author: str, reason: str) -> None:
    info = info_of(text)
    assert (info.author, info.author_reason) == (author, reason)


def test_we_the_bureau_named_by_the_publisher_line() -> None:
    text = (
        "索引号：123 发布机构：桑植县林业局\n关于2022年度法治政府建设的报告\n"
        "2022年，我局坚持以习近平法治思想为指导，严格规范公正文明执法。\n现将我局有关情况报告如下。\n"
    )
    info = info_of(text)
    assert info.author == "桑植县林业局"
    assert info.author_reason == "self-reference (我局), publisher"


def test_a_publisher_of_another_kind_does_not_name_our_bureau() -> None:
    # the county's 司法局 posts the report; 我局 is the bureau the opening names
    text = (
        "发布机构：县司法局\n工作报告\n"
        "2024年，在县委、县政府的坚强领导下，桑植县农业农村局坚持依法行政，规范执法程序。\n"
        "我局全面落实行政执法三项制度。\n"
    )
    info = info_of(text)
    assert info.author == "桑植县农业农村局"
    assert info.author_reason == "self-reference (我局), opening"


def test_we_the_county_is_its_government() -> None:
    info = info_of("关于2021年法治政府建设情况的报告\n2021年，我县坚持依法行政，桑植县司法局牵头推进。\n")
    assert info.author == "桑植县人民政府"
    assert info.author_reason == "self-reference (我县)"


def test_the_opening_subject_after_a_frame_and_a_leading_party_group() -> None:
    text = (
        "根据上级工作安排，桑植县住房和城乡建设局党组认真梳理总结本年度法治政府建设情况，"
        "现报告如下。\n一、主要做法\n"
    )
    info = info_of(text)
    assert info.author == "桑植县住房和城乡建设局"
    assert info.author_reason == "opening"


def test_a_party_committee_and_a_government_together_credit_the_government() -> None:
    place = region_of("430725")  # 桃源县
    a = opening_subject("2023年，县委、县政府坚持依法执政，扎实推进法治建设。", place)
    assert a.name == "桃源县政府"
    b = opening_subject("2023年，县委县政府坚持依法执政，扎实推进法治建设。", place)
    assert b.name == "桃源县政府"


def test_the_place_as_actor_names_the_government_and_keeps_the_place_as_alias() -> None:
    info = info_of("桃源县人民政府：\n2023年，漳江镇坚持依法行政，规范权力运行。\n漳江镇党委高度重视。\n")
    assert info.author == "漳江镇人民政府"
    assert info.author_alias == "漳江镇"


def test_a_reply_is_signed_by_the_answering_office() -> None:
    text = (
        "• 桑植县司法局\n关于加强基层普法的建议的答复\n张三代表：\n"
        "您提出的建议收悉。我县高度重视普法工作，现答复如下。\n"
    )
    info = info_of(text)
    assert info.kind == "reply"
    # the office is written on the line above the reply's title
    assert (info.author, info.author_reason) == ("桑植县司法局", "title's issuer line")
    # named by the page's publisher line instead, elsewhere in the header
    moved = "发布机构：桑植县司法局\n发布日期：2023-05-06\n" + text.replace("• 桑植县司法局\n", "")
    assert (info_of(moved).author, info_of(moved).author_reason) == ("桑植县司法局", "reply: publisher")


def test_news_credits_the_lead_subject_or_nobody() -> None:
    lead = "调解进万家\n近日，桑植县司法局多举措开展普法宣传活动。\n该局联合县教育局开展送法进校园活动。\n"
    info = info_of(lead)
    assert info.kind == "news"
    assert (info.author, info.author_reason) == ("桑植县司法局", "news: opening")
    none = info_of("法治护航\n近日，全县各地开展普法宣传活动。\n该县群众反响热烈，记者王五报道。\n")
    assert none.kind == "news" and none.author == ""


def test_quoting_the_centre_does_not_make_a_report_national() -> None:
    info = info_of("为贯彻党中央、国务院决策部署，我区坚持依法行政，全面推进法治政府建设。\n")
    assert info.place is None
    assert info.author == ""


def test_a_ministry_reporting_on_itself_is_national() -> None:
    info = info_of("2021年，自然资源部坚持以习近平法治思想为指导，全面推进依法行政。\n")
    assert info.author == "自然资源部"
    assert info.place is not None and info.place.level == "national"


def test_an_autonomous_county_written_short_is_not_another_county() -> None:
    # 南县 is a county of its own; 肃南县 is how 肃南裕固族自治县 is written
    info = info_of("发布机构：肃南县林草局\n2025年，我局坚持依法行政。肃南县林草局规范执法。\n")
    assert info.place is not None and info.place.name == "肃南裕固族自治县"


def test_a_place_as_the_lead_of_news_credits_nobody() -> None:
    # the paper's account of a county's work, not the county speaking
    news = info_of("第一版：要闻\n近年来，桃源县坚持依法行政，推进法治建设，群众满意度持续提升。\n")
    assert news.kind == "news" and news.author == ""
    # the same opening in a text that is not news speaks for the county
    own = info_of("近年来，桃源县坚持依法行政，推进法治建设，群众满意度持续提升。\n各乡镇积极配合。\n")
    assert (own.author, own.author_reason) == ("桃源县人民政府", "opening names the place")


def test_no_actor_and_no_sign_of_a_self_report_credits_nobody() -> None:
    plain = info_of("桃源县位于湖南省北部。\n全县面积4000平方公里，人口90万，辖镇乡街道。\n")
    assert plain.author == ""


@pytest.mark.parametrize(
    "work",
    ["扎实推进法治政府建设", "坚持依法行政", "规范行政执法", "深入开展普法宣传", "推进全面依法治县"],
)
def test_an_excerpt_on_rule_of_law_work_with_no_other_sign_is_its_place_s_government(work: str) -> None:
    # a report cut from its title and its 我县: the work it reports is the sign
    text = f"一年来，{work}，完善工作制度。\n桃源县各乡镇积极配合，成效明显。\n"
    info = info_of(text)
    assert (info.author, info.author_reason) == ("桃源县人民政府", "place")
    # the same text about other work: no sign that the county speaks
    assert info_of(text.replace(work, "扎实推进经济建设")).author == ""


def test_a_notice_is_issued_by_the_office_above_its_title() -> None:
    text = "桃源县人民政府办公室\n关于印发《桃源县行政执法监督办法》的通知\n各乡镇：\n现印发给你们，请遵照执行。我县高度重视。\n"
    info = info_of(text)
    assert (info.author, info.author_reason) == ("桃源县人民政府办公室", "title's issuer line")


def test_we_the_city_in_a_county_level_city_is_that_city() -> None:
    info = info_of("乳山市人民政府关于2024年法治政府建设情况的报告\n我市坚持依法行政。威海市部署。\n")
    assert info.place is not None and info.place.name == "乳山市"


def test_a_state_council_work_report_is_national_whatever_places_it_names() -> None:
    text = (
        "2024年中华人民共和国国务院政府工作报告\n各位代表：\n"
        "现在，我代表国务院，向大会作政府工作报告。支持香港特别行政区、澳门特别行政区发展经济。\n"
    )
    info = info_of(text)
    assert info.kind == "report"  # 各位代表 opens a speech; a reply answers 张三代表
    assert (info.author, info.author_reason) == ("中华人民共和国国务院", "title")
    assert info.place is not None and info.place.level == "national"


def test_a_province_s_government_opening_its_report_makes_it_the_province_s() -> None:
    # the opening says 省政府; a district the text mentions later is not the report's place
    text = "2022年，省政府坚持依法行政。推动莲湖区等地开展试点。陕西省人民政府部署。\n"
    info = info_of(text)
    assert (info.author, info.author_reason) == ("陕西省政府", "opening")
    assert info.place is not None and info.place.name == "陕西省"
    # 我省 speaks of the province too, whatever smaller place the text names
    info = info_of(text.replace("省政府坚持", "我省坚持"))
    assert (info.author, info.author_reason) == ("陕西省人民政府", "self-reference (我省)")


def test_a_site_path_is_not_the_title() -> None:
    info = info_of(
        "首页 > 政务公开 > 法治政府建设\n桃源县2023年法治政府建设年度报告\n2023年，我县坚持依法行政。\n"
    )
    assert info.title == "桃源县2023年法治政府建设年度报告"


def test_a_page_s_metadata_lines_are_not_the_title() -> None:
    # an information-disclosure page: its keyword, class and date lines come before the title
    header = (
        "索引号：11411423MB0000000X/2024-00031\n信息分类：建议提案办理\n发布机构：宁陵县人民政府\n"
        "生成日期：2024-06-05\n关键词：建议 答复\n公开方式：主动公开\n有效性：有效\n浏览次数：123\n"
    )
    text = header + "宁陵县司法局关于县十届人大三次会议第12号建议的答复\n张三代表：\n您提出的建议收悉。\n"
    info = info_of(text)
    assert (info.title, info.author, info.kind) == (
        "宁陵县司法局关于县十届人大三次会议第12号建议的答复",
        "宁陵县司法局",
        "reply",
    )


def test_a_bureau_that_never_names_itself_credits_nobody() -> None:
    # not its place's government: that would credit the county with the bureau's work
    info = info_of("按照上级要求，我局认真总结本年度法治政府建设情况。我县高度重视。桃源县部署。\n")
    assert info.author == ""


def test_an_institution_opening_the_text_speaks_though_it_writes_we_the_city() -> None:
    info = info_of("天津市司法局深入推进矛盾纠纷多元化解，完善调解机制。我市调解组织覆盖城乡。\n")
    assert (info.author, info.author_reason) == ("天津市司法局", "opening")


def test_a_local_office_ending_in_bu_is_not_a_ministry() -> None:
    info = info_of("市政府各部门要落实。威海市政府各部门报送材料。\n我局负责。\n")
    assert info.place is None or info.place.level != "national"


def test_a_province_named_only_by_its_short_name() -> None:
    info = info_of("2024年，全省各级政府坚持依法行政，深入贯彻总书记对江苏工作重要讲话精神。\n")
    assert info.place is not None and info.place.name == "江苏省"


def test_a_division_name_inside_a_word_or_a_generic_district_is_no_place() -> None:
    # 兴城市 inside 新兴城市, 城区 (a city's urban area) name no division here
    info = info_of("容城县人民政府关于法治建设的报告\n推进新兴城市建设，城区街道积极配合。\n")
    assert info.place is not None and info.place.name == "容城县"


def test_the_prefecture_s_own_level_word_expands() -> None:
    from kg.extraction.places import expand_relative, gazetteer, region_of

    dali = next(c for c, d in gazetteer().items() if d.name == "大理白族自治州")
    assert expand_relative("州司法局", region_of(dali)) == "大理白族自治州司法局"


def test_a_town_written_after_its_county_and_city_opens_as_the_actor() -> None:
    info = info_of("常德市桃源县漳江镇积极探索矛盾纠纷多元化解新模式，打造调解品牌。\n")
    assert info.place is not None and info.place.name == "漳江镇"
    assert (info.author, info.author_reason) == ("漳江镇人民政府", "opening names the place")
    assert info.author_alias == "常德市桃源县漳江镇"


NOTICE = (
    "各乡镇党委和人民政府，县直各单位：\n"
    "经县委、县政府同意，制定《宁陵县乡镇履职事项清单》，现印发给你们，请遵照执行。\n"
    "中共宁陵县委办公室\n"
    "宁陵县人民政府办公室\n"
    "2024年5月6日\n"
)


def test_a_notice_signed_by_two_offices_has_both_as_authors() -> None:
    info = info_of(NOTICE)
    assert {info.author, *info.coauthors} == {"中共宁陵县委办公室", "宁陵县人民政府办公室"}
    assert info.author not in info.coauthors


def test_the_co_signers_state_what_the_author_states() -> None:
    d = extract_text(NOTICE)
    compiled = {r.subject[1] for r in d.relations if r.predicate.value == "compiles" and r.implicit}
    assert compiled == {"宁陵县委办公室", "宁陵县人民政府办公室"}


def test_one_signature_has_no_co_signers() -> None:
    info = info_of(NOTICE.replace("中共宁陵县委办公室\n", ""))
    assert info.author == "宁陵县人民政府办公室" and info.coauthors == ()


def test_the_office_that_printed_a_report_signs_nothing() -> None:
    text = (
        "宁陵县人民政府关于2024年度法治政府建设情况的报告\n"
        "2024年，县政府制定《宁陵县行政执法监督办法》。\n"
        "宁陵县人民政府\n"
        "2025年1月20日\n"
        "宁陵县人民政府办公室 2025年1月21日印发\n"
    )
    info = info_of(text)
    assert info.author == "宁陵县人民政府" and info.coauthors == ()


@pytest.mark.parametrize(
    "head",
    [
        "中共宁陵县委 宁陵县人民政府关于2024年度法治政府建设情况的报告\n",
        "中共宁陵县委、宁陵县人民政府关于2024年度法治政府建设情况的报告\n",
        "中共宁陵县委宁陵县人民政府\n关于2024年度法治政府建设情况的报告\n",
    ],
)
def test_a_title_of_several_issuers_is_spoken_by_the_first(head: str) -> None:
    info = info_of(head + "2024年，县委、县政府坚持以习近平法治思想为指导，推进依法行政。\n")
    assert info.author == "中共宁陵县委"


def test_a_notice_of_two_offices_in_its_title_is_issued_by_the_first() -> None:
    text = (
        "中共宁陵县委办公室 宁陵县人民政府办公室关于印发《宁陵县法治建设考核办法》的通知\n"
        "各乡镇党委、政府，县直各单位：\n现将《考核办法》印发给你们，请认真贯彻落实。\n"
    )
    assert (info_of(text).author, info_of(text).author_reason) == ("中共宁陵县委办公室", "title")


def test_a_party_committee_office_above_a_title_is_not_split() -> None:
    # 县委 followed by a body that is no government: one name, not two issuers
    text = "宁陵县委政法委员会\n关于2024年度平安建设情况的报告\n2024年，我委坚持依法办事。\n"
    assert info_of(text).author == "宁陵县委政法委员会"


def test_a_reply_titled_x_dui_the_proposal_is_by_x() -> None:
    text = "睢县农业农村局对县人大十六届三次会议第7号建议的答复\n赵代表：\n您提出的建议收悉，现将办理情况答复如下。\n"
    info = info_of(text)
    assert (info.author, info.author_reason, info.kind) == ("睢县农业农村局", "title", "reply")


def test_a_reply_with_no_issuer_credits_nobody() -> None:
    text = "对县人大第5号建议的答复\n王代表：\n您提出的建议收悉，现答复如下：\n一、加强协调。\n"
    assert info_of(text).author == ""


def test_a_labelled_signature_line_names_the_answering_office() -> None:
    text = (
        "关于第34号提案的答复\n孙委员：\n您提出的《关于促进就业的建议》收悉，现答复如下：\n"
        "联系单位：夏邑县人力资源和社会保障局\n联系人：周某\n"
    )
    assert info_of(text).author == "夏邑县人力资源和社会保障局"


@pytest.mark.parametrize(
    "lead",
    [
        "商丘日报讯（记者 孙某）日前，夏邑县人力资源和社会保障局启动根治欠薪冬季专项行动。",
        "（通讯员 刘某）近日，夏邑县人力资源和社会保障局组织开展根治欠薪专项行动。",
        "3月15日，夏邑县人力资源和社会保障局举办全县劳动保障监察培训班，100余人参加。",
    ],
)
def test_news_reads_the_lead_subject_after_a_dateline_or_a_date(lead: str) -> None:
    info = info_of(f"夏邑县人社局开展根治欠薪行动\n{lead}\n来源：商丘日报\n")
    assert (info.kind, info.author) == ("news", "夏邑县人力资源和社会保障局")


def test_news_about_a_place_after_a_dateline_credits_nobody() -> None:
    info = info_of("夏邑县：法治护航乡村振兴\n商丘日报讯（记者 张某）5月8日，夏邑县召开法治建设推进会。\n")
    assert (info.kind, info.author) == ("news", "")


def test_we_the_commission_is_the_committee_that_signs() -> None:
    text = (
        "2024年法治政府建设工作总结\n2024年，我委坚持依法行政，建立健全卫生健康执法制度。\n"
        "宁陵县卫生健康委员会\n2024年12月25日\n"
    )
    assert info_of(text).author == "宁陵县卫生健康委员会"


def test_we_the_office_is_the_office_the_text_names_in_full() -> None:
    text = (
        "2024年度工作报告\n2024年，我办认真履行职责，宁陵县人民政府办公室牵头推进公文合法性审查，"
        "宁陵县人民政府办公室建立督查制度。\n"
    )
    assert info_of(text).author == "宁陵县人民政府办公室"


def test_we_the_bureau_is_not_a_committee_that_signs() -> None:
    text = "2024年法治政府建设工作总结\n2024年，我局坚持依法行政。\n宁陵县卫生健康委员会\n2024年12月25日\n"
    assert info_of(text).author == ""


def test_a_report_s_issuer_above_a_title_without_guanyu() -> None:
    text = (
        "宁陵县人民政府\n2024年法治政府建设年度报告\n2024年，在县委的坚强领导下，县政府深入推进依法行政。\n"
    )
    assert (info_of(text).author, info_of(text).author_reason) == ("宁陵县人民政府", "title's issuer line")


def test_a_government_heading_a_bureau_s_report_is_not_its_issuer() -> None:
    text = "宁陵县人民政府\n2024年度法治政府建设情况报告\n2024年，我局坚持依法行政。\n宁陵县交通运输局\n2025年1月3日\n"
    assert info_of(text).author == "宁陵县交通运输局"


def test_the_government_written_short_is_its_line_of_a_joint_signature() -> None:
    text = (
        "关于2024年度法治政府建设情况的报告\n2024年，县委、县政府坚持以习近平法治思想为指导。\n"
        "中共夏邑县委\n夏邑县人民政府\n2025年2月10日\n"
    )
    info = info_of(text)
    assert (info.author, info.coauthors) == ("夏邑县政府", ("中共夏邑县委",))


def test_the_government_is_not_its_office_on_a_joint_signature() -> None:
    text = (
        "关于2024年度法治政府建设情况的报告\n2024年，县委、县政府坚持以习近平法治思想为指导。\n"
        "中共夏邑县委办公室\n夏邑县人民政府办公室\n2025年2月10日\n"
    )
    assert info_of(text).coauthors == ()


@pytest.mark.parametrize(
    ("text", "author"),
    [
        (
            "中共宁陵县委全面依法治县委员会办公室关于2024年度法治建设工作情况的报告\n2024年，县委依法治县办认真履职。\n",
            "中共宁陵县委全面依法治县委员会办公室",
        ),
        (
            "2024年度法治建设工作报告\n2024年，我办认真履行职责。\n宁陵县委依法治县委员会办公室\n2025年1月8日\n",
            "宁陵县委依法治县委员会办公室",
        ),
        (
            "宁陵县人大常委会2024年度法治建设工作报告\n2024年，县人大常委会坚持依法履职。\n",
            "宁陵县人大常委会",
        ),
    ],
)
def test_a_committee_s_office_or_a_standing_committee_is_an_author(text: str, author: str) -> None:
    assert info_of(text).author == author


def test_a_committee_office_named_in_a_county_s_report_does_not_speak_for_it() -> None:
    text = "宁陵县2024年法治政府建设工作报告\n2024年，我县坚持依法行政，县委依法治县委员会办公室加强统筹。\n"
    assert info_of(text).author == "宁陵县人民政府"


@pytest.mark.parametrize(
    "site", ["发布机构：宁陵县人民政府 发布时间：2024-06-05", "来源：宁陵县人民政府办公室"]
)
def test_a_reply_posted_on_a_government_s_site_is_by_the_office_that_signs_it(site: str) -> None:
    text = (
        f"首页 > 建议提案\n关于县政协第3号提案的答复\n{site}\n王委员：\n"
        "您提出的提案收悉，我局高度重视，现答复如下。\n宁陵县交通运输局\n2024年6月1日\n"
    )
    info = info_of(text)
    assert (info.kind, info.author, info.author_reason) == ("reply", "宁陵县交通运输局", "reply: signature")


def test_an_unsigned_reply_is_the_body_its_answer_opens_with() -> None:
    # nothing signs it: the answer's first sentence names who did the work
    head = "对县政协十届二次会议第17号提案的答复\n李委员：\n您提出的提案收悉。经认真研究，现答复如下：\n"
    text = head + "为化解矛盾纠纷，宁陵县司法局重点做了以下几方面工作：一是建强调解组织。\n"
    assert (info_of(text).author, info_of(text).author_reason) == ("宁陵县司法局", "opening")
    # an answer that opens on the matter, not on a body, names no author
    text = head + "基层治理是国家治理的基石，基层强则国家强。近年来，县司法局重点推进调解。\n"
    assert info_of(text).author == ""


def test_a_government_s_site_over_an_unsigned_bureau_s_reply_is_not_its_author() -> None:
    # the page says 我局: the government that posts it is no 局, and the 局 named
    # after 会同 is the writer's partner
    head = "发布机构：宁陵县人民政府\n发布日期：2024-06-12\n关于县十届人大三次会议第7号建议的答复\n吴代表：\n"
    text = head + "您提出的建议收悉，现答复如下：\n我局会同县财政局制定《宁陵县农村公路养护资金管理办法》。\n"
    assert info_of(text).author == ""
    # a text that names the bureau it is: that one
    text = head + "您提出的建议收悉，现答复如下：\n宁陵县交通运输局高度重视，我局推行“路长制”。\n"
    assert (info_of(text).author, info_of(text).author_reason) == (
        "宁陵县交通运输局",
        "self-reference (我局), opening",
    )
    # a 局 that publishes its own reply still answers it
    text = head.replace("宁陵县人民政府", "宁陵县交通运输局") + "您提出的建议收悉，我局推行“路长制”。\n"
    assert info_of(text).author == "宁陵县交通运输局"


def test_a_copy_line_under_a_reply_does_not_sign_it() -> None:
    text = (
        "关于县政协第3号提案的答复\n王委员：\n您提出的提案收悉，现答复如下。\n"
        "宁陵县交通运输局\n2024年6月1日\n抄送：县政协提案委\n"
    )
    assert info_of(text).author == "宁陵县交通运输局"


def test_a_site_s_name_over_a_title_gives_way_to_the_office_the_opening_names() -> None:
    text = (
        "首页 > 政务公开\n宁陵县司法局\n2024年度法治政府建设工作报告\n发布时间：2025-01-20\n"
        "2024年，宁陵县交通运输局坚持依法行政，我局建立执法公示制度。\n"
    )
    assert info_of(text).author == "宁陵县交通运输局"


@pytest.mark.parametrize(
    "text",
    [
        "宁陵县2024年法治政府建设年度报告\n2024年，我县坚持依法行政，认真办理人大代表建议和政协委员提案，答复率100%。\n",
        "关于县十六届人大三次会议代表建议办理情况的报告\n县人大常委会：\n现将我局办理情况报告如下。\n宁陵县交通运输局\n2024年9月1日\n",
    ],
)
def test_a_report_on_the_proposals_it_handled_is_no_reply(text: str) -> None:
    assert info_of(text).kind == "report"


@pytest.mark.parametrize(
    "text",
    [
        "宁陵县交通运输局关于县政协第3号提案的答复\n您的提案悉，我局高度重视。\n",
        "关于县人大第3号建议的答复\n李代表：\n您提出的建议收悉，现就办理情况报告如下。\n宁陵县交通运输局\n",
    ],
)
def test_a_reply_to_a_proposal_is_a_reply(text: str) -> None:
    assert info_of(text).kind == "reply"


def test_a_county_media_centre_s_dateline_makes_news() -> None:
    text = "宁陵县司法局开展宪法宣传周活动\n宁陵县融媒体中心讯 近日，宁陵县司法局组织开展宪法宣传周活动。\n"
    info = info_of(text)
    assert (info.kind, info.author) == ("news", "宁陵县司法局")


def test_a_service_centre_in_a_report_is_no_dateline() -> None:
    text = (
        "宁陵县2024年法治政府建设年度报告\n2024年，我县建成县公共法律服务中心，讯问室规范化建设全面完成。\n"
    )
    assert info_of(text).kind == "report"


def test_news_credits_the_office_the_reporter_heard_from() -> None:
    text = "以法治护航高质量发展\n近日，记者从宁陵县司法局获悉，该局今年以来建立行政执法协调监督工作体系。\n记者 王某\n"
    info = info_of(text)
    assert (info.kind, info.author, info.author_reason) == ("news", "宁陵县司法局", "news: source")


def test_news_heard_from_a_place_credits_nobody() -> None:
    text = "以法治护航高质量发展\n近日，记者从宁陵县获悉，当地今年以来建立行政执法协调监督工作体系。\n记者 王某\n"
    assert info_of(text).author == ""


def test_and_between_two_bodies_names_no_county() -> None:
    # 和县 and 会同县 are counties; after a body 和 and 会同 join it to the next one
    ex = extract_text("2024年，县民政局和县信访局联合开展排查，县司法局会同县财政局制定办法。\n")
    assert ex.info.place is None
    assert ex.info.author == "县民政局"


def test_a_county_named_like_a_joining_word_is_still_its_place() -> None:
    ex = extract_text("和县2024年法治政府建设工作报告\n2024年，和县坚持依法行政。\n")
    assert ex.info.place is not None and ex.info.place.name == "和县"


# --- what the folder's manifest gives (kg.io.manifest) ------------------------------------

DEPT = GivenFacts(place="宁陵县文化广电和旅游局", level="部门", year=2023, kind="dept-report")


def test_a_department_the_manifest_names_writes_a_text_that_never_names_itself() -> None:
    text = "2023年，我局坚持依法行政，严格落实行政执法公示制度。\n"
    info = info_of(text, DEPT)
    assert (info.author, info.author_reason) == ("宁陵县文化广电和旅游局", "manifest")
    assert info.place is not None and info.place.name == "宁陵县"
    assert info_of(text, None).author == ""


def test_the_text_s_own_author_place_and_year_come_before_the_manifest() -> None:
    text = "博湖县司法局2021年法治政府建设工作报告\n2021年，我局坚持依法行政。\n"
    info = info_of(text, DEPT)
    assert (info.author, info.author_reason) == ("博湖县司法局", "title")
    assert info.place is not None and info.place.name == "博湖县" and info.year == 2021


def test_a_place_s_manifest_row_gives_place_and_year_and_no_author() -> None:
    text = "一年来，镇党委坚持依法行政，推进基层治理。\n"
    info = info_of(text, GivenFacts(place="将乐县古镛镇", level="镇", year=2024))
    assert info.place is not None and (info.place.name, info.place.level) == ("古镛镇", "township")
    assert info.place.parent is not None and info.place.parent.name == "将乐县"
    assert info.year == 2024 and info.author_reason != "manifest"


def test_the_manifest_s_author_acts_in_subjectless_clauses() -> None:
    text = "现将我局2023年法治政府建设情况报告如下。\n严格落实行政执法公示制度，制定《宁陵县文旅市场执法检查办法》。\n"
    ex = extract_document(Document(id="t", path="t.txt", text=text, sha256="0" * 64, given=DEPT))
    author = ("机构", "宁陵县文化广电和旅游局", "411423")
    acts = {(r.predicate.value, r.object[1]) for r in ex.relations if r.subject == author}
    assert acts == {("implements", "行政执法公示制度"), ("formulates", "宁陵县文旅市场执法检查办法")}
    # 我局 would carry a name the text never writes: it is no mention of the author
    assert not any(m.text == "我局" for e in ex.entities for m in e.mentions)
    without = extract_document(Document(id="t", path="t.txt", text=text, sha256="0" * 64))
    assert not without.relations


def test_the_manifest_names_the_part_of_the_text_s_place_the_report_is_of() -> None:
    text = "2024年，区司法局在重庆市司法局的指导下，坚持依法行政。\n"
    given = GivenFacts(place="重庆市荣昌区司法局", level="部门", year=2024)
    info = info_of(text, given)
    assert info.place is not None and info.place.name == "荣昌区"
    # a place elsewhere is the text's word against the manifest's: the text stays
    other = info_of("博湖县司法局2024年法治政府建设工作报告\n", given)
    assert other.place is not None and other.place.name == "博湖县"


@pytest.mark.parametrize(
    ("text", "full", "alias"),
    [
        ("2023年，我局坚持依法行政。\n肃南县林草局\n2024年1月10日\n", "肃南裕固族自治县林业和草原局", True),
        ("宁陵县司法局2023年法治政府建设工作报告\n", "宁陵县公安局", False),  # another body
    ],
)
def test_the_manifest_s_full_name_of_the_author_is_an_other_name_of_it(
    text: str, full: str, alias: bool
) -> None:
    ex = extract_document(
        Document(id="t", path="t.txt", text=text, sha256="0" * 64, given=GivenFacts(full, "部门"))
    )
    author = next(e for e in ex.entities if e.key == ex.author_key)
    assert (full in author.alt_labels) is alias and author.canonical != full


@pytest.mark.parametrize(
    "lead",
    [
        "商丘网讯 日前，商丘市司法局印发《商丘市行政执法监督工作办法》。",
        "近日，商丘市司法局打造“商法通”服务品牌。",
        "据了解，商丘市司法局今年建立了行政执法监督员制度。",
    ],
)
def test_news_reads_a_lead_subject_before_any_verb_of_what_it_did(lead: str) -> None:
    info = info_of(f"市司法局推进严格执法\n{lead}\n记者 王某\n")
    assert (info.kind, info.author, info.author_reason) == ("news", "商丘市司法局", "news: opening")


@pytest.mark.parametrize(
    "lead",
    [
        "今年以来，该局深化“放管服”改革，推行“交地即发证”制度。",
        "近日，推行“交地即发证”制度，该局负责人介绍了有关情况。",
    ],
)
def test_news_whose_lead_has_no_subject_is_about_the_headline_s_body(lead: str) -> None:
    info = info_of(f"宁陵县自然资源局：推进“放管服”改革\n{lead}\n记者 王某\n")
    assert (info.kind, info.author, info.author_reason) == ("news", "宁陵县自然资源局", "news: headline")


@pytest.mark.parametrize(
    "text",
    [
        # the lead's 该中心 is no 局: not the headline's bureau
        "宁陵县司法局推出新举措\n今年以来，该中心推行“容缺受理”制度。\n记者 王某\n",
        # a headline about a place, a lead about the place, a lead about every town
        "宁陵县：全力打造一流营商环境\n商丘日报讯（记者 王某）今年以来，出台《优化营商环境若干措施》。\n",
        "宁陵县司法局开展普法活动\n商丘日报讯（记者 王某）近日，宁陵县坚持以案释法，推行普法责任制。\n",
        "宁陵县司法局开展普法活动\n近日，全县各乡镇组织开展普法活动，该局派员指导。\n记者 王某\n",
    ],
)
def test_news_about_another_body_or_a_place_credits_nobody(text: str) -> None:
    info = info_of(text)
    assert (info.kind, info.author) == ("news", "")


def test_news_with_no_subject_is_the_publisher_s_unless_a_paper_publishes_it() -> None:
    body = "法治宣传进万家\n来源：{} 发布时间：2024-05-06\n近日，组织开展“法律进乡村”活动。该局负责人表示，将持续推进。\n"
    info = info_of(body.format("宁陵县司法局"))
    assert (info.kind, info.author, info.author_reason) == ("news", "宁陵县司法局", "news: publisher")
    assert info_of(body.format("商丘日报")).author == ""


@pytest.mark.parametrize(
    "lead",
    [
        "近日，宁陵县司法局对县交通运输局开展行政执法监督检查。",
        "2024年，宁陵县司法局联合县检察院开展专项监督。",
        "近日，宁陵县司法局与县人民法院签订协作备忘录，建立“府院联动”机制。",
    ],
)
def test_the_opening_subject_ends_before_the_body_it_acts_on_or_with(lead: str) -> None:
    ex = extract_text(f"宁陵县司法局开展执法监督\n{lead}\n记者 王某\n")
    assert ex.info.author == "宁陵县司法局"
    assert not [e for e in ex.entities if "司法局" in e.canonical and e.canonical != "宁陵县司法局"]
