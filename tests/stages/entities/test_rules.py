"""The entity rules, as tables with hard negatives: ORG grammar, GPE/LOC, LAW, CRIME, PERSON,
DATE (through the tagger over character tokens, so only the rules' own grammar counts; the
slow cases use pkuseg words)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.entities import EntityTagger

from .helpers import entity, found, make_doc


# --- the rules, as tables -----------------------------------------------------------------

POSITIVE = [
    # ORG grammar: place + organ (+ sub-unit), the longest span
    ("近日，镇江市公安局破获一起案件。", "镇江市公安局", "ORG"),
    ("长航公安局镇江分局经过缜密侦查。", "长航公安局镇江分局", "ORG"),
    ("沈阳市公安局皇姑分局组织党员民警。", "沈阳市公安局皇姑分局", "ORG"),
    ("丹阳市法院公开宣判。", "丹阳市法院", "ORG"),
    ("河北区检察院第四检察部主任介绍。", "河北区检察院第四检察部", "ORG"),
    ("中央纪委国家监委对6起案例进行通报。", "中央纪委国家监委", "ORG"),
    ("肇庆市公安局党委副书记龚伟表示。", "肇庆市公安局党委", "ORG"),
    ("天津市河北区人民法院联合区司法局。", "天津市河北区人民法院", "ORG"),
    # issue 15: a place-less organ with a level word is an ORG (the seed gold follows)
    ("根据自治区公安厅印发的相关规范。", "自治区公安厅", "ORG"),
    ("天津市河北区人民法院联合区司法局。", "区司法局", "ORG"),
    ("封开县公安局南丰派出所民警。", "封开县公安局南丰派出所", "ORG"),
    ("江苏省苏州市高新区公安分局浒墅关派出所结合辖区实际。", "苏州市高新区公安分局浒墅关派出所", "ORG"),
    ("肇庆公安上线开通信箱。", "肇庆公安", "ORG"),
    ("转给大旺公安分局处理。", "大旺公安分局", "ORG"),
    ("广东省公安厅部署要求。", "广东省公安厅", "ORG"),
    ("上海市第一中级人民法院二审维持原判。", "上海市第一中级人民法院", "ORG"),
    ("大庆市中级法院和龙凤区法院的同志。", "龙凤区法院", "ORG"),
    ("长沙市委政法委原副书记刘某某涉嫌违纪。", "长沙市委政法委", "ORG"),
    ("公安部刑侦局近日部署专项行动。", "公安部刑侦局", "ORG"),
    ("深圳市南山区粤海街道办事处开展宣传。", "深圳市南山区粤海街道办事处", "ORG"),
    ("湖南省纪委监委发布消息。", "湖南省纪委监委", "ORG"),
    ("十三届全国人大常委会第十次会议通过。", "十三届全国人大常委会", "ORG"),
    ("美国司法部发表声明。", "美国司法部", "ORG"),
    ("以浙江某科技有限公司名义非法吸收公众存款。", "浙江某科技有限公司", "ORG"),
    # a leading province stands alone before a lower place
    ("广东省深圳市公安局南山分局破获案件。", "深圳市公安局南山分局", "ORG"),
    ("辽宁省沈阳市公安局发挥作用。", "辽宁省", "GPE"),
    ("山东省胶州市公安局将技术融合。", "胶州市公安局", "ORG"),
    # GPE: one span per unit, short forms in context
    ("江苏省镇江市在专项斗争中。", "江苏省", "GPE"),
    ("江苏省镇江市在专项斗争中。", "镇江市", "GPE"),
    ("镇江全面推进专项斗争。", "镇江", "GPE"),
    ("桂林象山区紧盯痛点。", "桂林", "GPE"),
    ("桂林象山区紧盯痛点。", "象山区", "GPE"),
    ("呼伦贝尔50万元以上电诈案实现全破。", "呼伦贝尔", "GPE"),
    ("适应呼伦贝尔地区打击治理工作。", "呼伦贝尔", "GPE"),
    ("苏州高新区开启秋收警务。", "苏州高新区", "GPE"),
    ("肇庆市大旺高新区某小区。", "大旺高新区", "GPE"),
    ("封开县南丰镇某小区燃气房。", "南丰镇", "GPE"),
    ("民警在广州市白云区太和镇一出租屋内将其抓获。", "太和镇", "GPE"),
    ("上海市人民检察院第三分院提起公诉。", "上海市人民检察院第三分院", "ORG"),
    ("来中国旅游的游客。", "中国", "GPE"),
    # one-character abbreviations in fixed contexts
    ("中美两国领导人举行会谈。", "中", "GPE"),
    ("中美两国领导人举行会谈。", "美", "GPE"),
    ("他多次访华。", "华", "GPE"),
    # LOC
    ("成功破获一起长江特大非法采矿案。", "长江", "LOC"),
    # LAW: the title inside 《》
    ("结合《刑法》《社区矫正法》讲解。", "刑法", "LAW"),
    ("结合《刑法》《社区矫正法》讲解。", "社区矫正法", "LAW"),
    ("出台《镇江市推进平安建设整治工作方案》。", "镇江市推进平安建设整治工作方案", "LAW"),
    ("依据《中华人民共和国反电信网络诈骗法》。", "中华人民共和国反电信网络诈骗法", "LAW"),
    ("发布《关于办理电信网络诈骗等刑事案件适用法律若干问题的意见（二）》。",
     "关于办理电信网络诈骗等刑事案件适用法律若干问题的意见（二）", "LAW"),
    # CRIME: with or without 罪
    ("多次实施寻衅滋事，敲诈勒索，开设赌场等违法犯罪活动。", "寻衅滋事", "CRIME"),
    ("多次实施寻衅滋事，敲诈勒索，开设赌场等违法犯罪活动。", "敲诈勒索", "CRIME"),
    ("多次实施寻衅滋事，敲诈勒索，开设赌场等违法犯罪活动。", "开设赌场", "CRIME"),
    ("危险作业罪怎么理解？", "危险作业罪", "CRIME"),
    ("针对危险驾驶罪社区矫正对象。", "危险驾驶罪", "CRIME"),
    ("开展打击治理电信网络诈骗等专项整治行动。", "电信网络诈骗", "CRIME"),
    ("严打电信诈骗犯罪。", "电信诈骗", "CRIME"),
    ("打掉洗钱窝点。", "洗钱", "CRIME"),
    ("涉案金额50万元以上电诈案件实现破获。", "电诈", "CRIME"),
    ("以涉嫌诈骗罪被刑事拘留。", "诈骗罪", "CRIME"),
    # PERSON: anonymised, titled
    ("以张某某为首的犯罪团伙。", "张某某", "PERSON"),
    ("其中管某黑社会性质案件。", "管某", "PERSON"),
    ("6月13日，吴先生来信反映。", "吴先生", "PERSON"),
    ("梁女士当天便私信致谢。", "梁女士", "PERSON"),
    ("跳广场舞的李大妈说。", "李大妈", "PERSON"),
    ("河北区检察院第四检察部主任李志泉介绍。", "李志泉", "PERSON"),
    ("常务副局长龚伟表示。", "龚伟", "PERSON"),
    # DATE
    ("2021年上半年全市群众安全感99.13%。", "2021年上半年", "DATE"),
    ("7月27日，丹阳市法院公开宣判。", "7月27日", "DATE"),
    ("今年以来，已打掉涉黑涉恶组织11个。", "今年以来", "DATE"),
    ("自今年6月11日开展专项行动以来。", "今年6月11日", "DATE"),
    ("17日下午，民警联合安监部门检查。", "17日下午", "DATE"),
    ("截至10月31日，共受理信件234件。", "10月31日", "DATE"),
    ("截至目前，已累计提供服务60余次。", "目前", "DATE"),
    ("国庆期间，按照部署要求。", "国庆期间", "DATE"),
    ("今年10月下旬，基地陆续建成。", "今年10月下旬", "DATE"),
    ("源自几年前开展的一次专项检察监督。", "几年前", "DATE"),
    ("近日，长航公安局镇江分局破获案件。", "近日", "DATE"),
]


@pytest.mark.parametrize("text,span,label", POSITIVE)
def test_rule_finds(tagger, text, span, label):
    assert (span, label) in found(tagger, text)


NEGATIVE = [
    # generic or place-less references are never ORG
    ("各级公安机关推出便民利民措施。", "公安机关", "ORG"),
    ("警方提醒广大群众。", "警方", "ORG"),
    ("检察机关服务保障六稳六保。", "检察机关", "ORG"),
    ("市公安局机关每天安排100多人。", "市公安局", "ORG"),
    ("支援基层派出所开展大巡防。", "基层派出所", "ORG"),
    ("解决了长期以来公安部门孤军奋战的局面。", "公安部", "ORG"),
    ("推动镇江市公安机关组建专业化队伍。", "镇江市公安", "ORG"),
    # a place inside a campaign or account name
    ("通过将平安镇江建设与扫黑除恶有机融合。", "镇江", "GPE"),
    ("私信“平安肇庆”公安微博致谢。", "肇庆", "GPE"),
    # county short forms that are everyday words, and parts of words
    ("肇庆公安坚持警务前移。", "公安", "GPE"),
    ("清理垃圾死角，片区面貌焕然一新。", "城区", "GPE"),
    # newspapers are not laws; neither is a title outside 《》
    ("据《人民日报》报道。", "人民日报", "LAW"),
    ("据《法治日报》报道。", "法治日报", "LAW"),
    ("将编写的《公民诉讼指南》一书送到村民手中。", "公民诉讼指南", "LAW"),
    # a short form that is part of a longer full name (和龙 in 和龙凤区) gives way
    ("大庆市中级法院和龙凤区法院的同志。", "和龙", "GPE"),
    ("集中美化环境。", "美", "GPE"),
    ("他在华盛顿工作。", "华", "GPE"),
    # a charge word used as a verb, and violations that are not offences
    ("成功返还被诈骗事主金额314.1万元。", "诈骗", "CRIME"),
    ("酒驾毒驾等交通违法行为。", "酒驾", "CRIME"),
    # 某 + noun is "some X", not a person
    ("肇庆市大旺高新区某小区被占用。", "区某", "PERSON"),
    ("向某公司提供服务。", "向某", "PERSON"),
    ("向某公司提供服务。", "向某公司", "ORG"),  # no place: a company, not a name
    ("鲍林先生访问北京。", "林先生", "PERSON"),  # the end of a longer name
    ("主席先生，各位来宾。", "席先生", "PERSON"),
    # a figure of speech, not a road
    ("经济走下坡路。", "走下坡路", "LOC"),
    ("来宾们纷纷入场。", "来宾", "GPE"),
    # a title before an ordinary word is not a name
    ("民警马上就赶到现场。", "马上", "PERSON"),
    ("书记常说，要为群众办实事。", "常说", "PERSON"),
    ("检察官方面表示，将依法办理。", "方面", "PERSON"),
    # durations and event-anchored periods are not dates
    ("实行24小时不间断巡逻。", "24小时", "DATE"),
    ("专项整治以来，该片区警情下降。", "专项整治以来", "DATE"),
    # a year that opens a bracketed document title
    ("制定方案（2021年自然资源领域专项整治工作方案）等制度。", "2021年", "DATE"),
]


@pytest.mark.parametrize("text,span,label", NEGATIVE)
def test_rule_does_not_find(tagger, text, span, label):
    assert (span, label) not in found(tagger, text)


@pytest.mark.parametrize("text,span,expected", [
    ("江苏省镇江市在专项斗争中。", "镇江市", "江苏省镇江市"),
    ("镇江全面推进。", "镇江", "江苏省镇江市"),
    ("广西桂林市象山区瓦窑西路。", "象山区", "广西壮族自治区桂林市象山区"),
    ("内蒙古自治区呼伦贝尔市公安局。", "内蒙古自治区", "内蒙古自治区"),
    ("天津河北区首批基地。", "河北区", "天津市河北区"),
])
def test_gpe_normalized_to_full_name(tagger, text, span, expected):
    assert entity(tagger, text, span).normalized == expected


@pytest.mark.parametrize("text,span,expected", [
    ("镇江市委常委、政法委书记许文介介绍，今年以来。", "许文介", "镇江市委常委、政法委书记"),
    ("吴先生来信反映。", "吴先生", "anonymised"),
    ("结合《道路交通安全法》。", "道路交通安全法", "道路交通安全法"),
    ("寻衅滋事罪", "寻衅滋事罪", "寻衅滋事"),
])
def test_normalized(tagger, text, span, expected):
    assert entity(tagger, text, span).normalized == expected


@pytest.mark.parametrize("text,published,expected", [
    ("7月27日", date(2021, 11, 10), "2021-07-27"),
    ("12月30日", date(2021, 1, 5), "2020-12-30"),  # a later month: last year
    ("2021年上半年", None, "2021-01-01/2021-06-30"),
    ("2021年", None, "2021-01-01/2021-12-31"),
    ("2021年7月", None, "2021-07-01/2021-07-31"),
    ("今年以来", date(2021, 11, 10), "2021-01-01/2021-11-10"),
    ("去年以来", date(2021, 11, 10), "2020-01-01/2021-11-10"),
    ("2019年以来", date(2021, 11, 10), "2019-01-01/2021-11-10"),
    ("今年10月下旬", date(2021, 11, 10), "2021-10-21/2021-10-31"),
    ("今年9月上旬", date(2021, 11, 10), "2021-09-01/2021-09-10"),
    ("今年1至4月", date(2021, 11, 10), "2021-01-01/2021-04-30"),
    ("2020年至2022年间", None, "2020-01-01/2022-12-31"),
    ("17日", date(2021, 11, 10), "2021-10-17"),  # the 17th before the 10th: last month
    ("3日", date(2021, 11, 10), "2021-11-03"),
    ("二〇二一年十月一日", None, "2021-10-01"),
    ("今年以来", None, None),  # no publication date: nothing to anchor on
    ("近日", date(2021, 11, 10), None),  # vague: tagged, not normalised
])
def test_date_normalized(tagger, text, published, expected):
    doc = tagger(make_doc(text, tagger.nlp, published=published))
    dates = [e for e in doc.entities if e.label == "DATE"]
    assert [(text[e.start:e.end], e.normalized) for e in dates] == [(text, expected)]


_DATE_PIECES = ["1998年", "２０２１年", "二〇二一年", "9月", "10月", "十二月", "3至5月", "17日", "九日",
                "二十七日", "8号", "今年", "去年", "前年", "上年", "上半年", "第一季度", "年底", "以来",
                "上旬", "下午", "近日", "当天", "几年前", "国庆", "期间", "截至", "目前", "至", "—",
                "9", "０", "十", "一", "的", "在", "，", "日益", "月份", "年间"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(_DATE_PIECES), max_size=8).map("".join))
def test_date_lookahead_changes_no_match(tagger, text):
    # The DATE regex is guarded by a lookahead on the characters a date can start with; the
    # same regex without it must find exactly the same dates.
    guarded = tagger.rules.date_re
    m = re.match(r"\(\?=\[(?:[^\]\\]|\\.)*\]\)\(\?:", guarded.pattern)
    assert m and guarded.pattern.endswith(")")
    plain = re.compile(guarded.pattern[m.end():-1])
    assert [(x.span(), x.groupdict()) for x in guarded.finditer(text)] == \
        [(x.span(), x.groupdict()) for x in plain.finditer(text)]


@pytest.mark.slow
@pytest.mark.parametrize("text,span", [("中方表示愿意加强合作。", "中"), ("美方对此表示关切。", "美")])
def test_side_of_a_country_with_pkuseg_words(nlp, text, span):
    assert (span, "GPE") in found(EntityTagger(nlp), text)


PKUSEG_NEGATIVE = [
    # a short form inside a word: pkuseg's words tell (推广 安装, not 广安)
    ("推广安装国家反诈中心应用程序。", "广安", "GPE"),
    ("解决了长期以来公安部门孤军奋战的局面。", "公安部", "ORG"),
    ("进行道路改造。", "进行道路", "LOC"),
    ("在端州区东门广场跳广场舞。", "场跳广场", "LOC"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,span,label", PKUSEG_NEGATIVE)
def test_rule_does_not_find_with_pkuseg_words(nlp, text, span, label):
    tagger = EntityTagger(nlp)
    assert (span, label) not in found(tagger, text)
