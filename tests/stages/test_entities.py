"""The entity stage: rule tables with hard negatives, date normalisation, how rules and the
model combine, bylines, offsets, and (slow) the seed page against its hand-made gold."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import ArticleSpan, Document, SentenceSpan
from pipeline.lexicon import trie_pattern
from pipeline.stages.entities import Candidate, EntityTagger, resolve

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold" / "entities_seed.jsonl"
PUBLISHED = date(2021, 11, 10)


@pytest.fixture(scope="module")
def blank():
    # Character tokens: every offset is a token boundary, so only the rules' own grammar counts.
    return spacy.blank("zh")


@pytest.fixture(scope="module")
def tagger(blank):
    return EntityTagger(blank)


def make_doc(text: str, nlp=None, published: date | None = PUBLISHED, kind: str = "body") -> Document:
    """Return a Document over ``text`` with one sentence per 。！？； (clean == raw)."""
    doc = Document(doc_id="t", source="t", raw=text, clean=text,
                   offsets=list(range(len(text) + 1)), published=published)
    start = 0
    for m in re.finditer(r"[。！？；\n]+|$", text):
        if text[start:m.end()].strip():
            sent = SentenceSpan(0, 0, len(doc.sentences), start, m.end(), kind=kind)
            if nlp is not None:
                sent.doc = nlp.make_doc(text[start:m.end()])
            doc.sentences.append(sent)
        start = m.end()
        if m.end() == len(text):
            break
    doc.articles.append(ArticleSpan(0, [(0, len(text))]))
    return doc


def found(tagger, text: str, **kw) -> list[tuple[str, str]]:
    doc = tagger(make_doc(text, tagger.nlp, **kw))
    return [(text[e.start:e.end], e.label) for e in doc.entities]


def entity(tagger, text: str, span: str, **kw):
    doc = tagger(make_doc(text, tagger.nlp, **kw))
    hits = [e for e in doc.entities if text[e.start:e.end] == span]
    assert hits, f"{span} not found in {[(text[e.start:e.end], e.label) for e in doc.entities]}"
    return hits[0]


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
    ("根据自治区公安厅印发的相关规范。", "自治区公安厅", "ORG"),
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


def test_trie_pattern_prefers_the_longest_word():
    pattern = re.compile(trie_pattern(["公安", "公安局", "公安分局", "法院"]))
    assert [m.group() for m in pattern.finditer("公安局公安分局公安法院")] == \
        ["公安局", "公安分局", "公安", "法院"]


# Enough words with distinct first characters that trie_pattern groups its branches.
_TRIE_CHARS = [chr(0x4E00 + k) for k in range(0, 600, 3)] + list("公安局法院罪")
_TRIE_WORDS = [c + d for c, d in zip(_TRIE_CHARS, _TRIE_CHARS[7:] + _TRIE_CHARS[:7])]


@settings(max_examples=80, deadline=None)
@given(words=st.lists(st.text(alphabet=_TRIE_CHARS, min_size=1, max_size=4), max_size=300),
       text=st.lists(st.sampled_from(_TRIE_WORDS + _TRIE_CHARS), max_size=40).map("".join))
def test_trie_pattern_matches_like_a_longest_first_alternation(words, text):
    words = _TRIE_WORDS + [w[:-1] for w in _TRIE_WORDS[::5]] + words
    naive = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    for suffix in ("", "罪", "(?!罪)"):  # backtracking into the trie keeps the longest fit
        fast = re.compile(f"(?:{trie_pattern(words)}){suffix}")
        slow = re.compile(f"(?:{naive}){suffix}")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        assert [bool(fast.match(text, k)) for k in range(len(text))] == \
            [bool(slow.match(text, k)) for k in range(len(text))]


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


# --- how rules and the model combine ------------------------------------------------------

def cand(start, end, label, tier, source="x"):
    return Candidate(start, end, label, None, source, tier)


@pytest.mark.parametrize("cands,expected", [
    # the longest span wins among soft candidates and model spans
    ([cand(0, 3, "GPE", 2), cand(0, 6, "ORG", 1)], [(0, 6, "ORG")]),
    # an ORG may swallow a sure ORG it contains (镇江市公安局 + 党委 from the model)
    ([cand(0, 6, "ORG", 3), cand(0, 8, "ORG", 1)], [(0, 8, "ORG")]),
    # a model span that cuts a sure span loses
    ([cand(2, 6, "ORG", 3), cand(0, 4, "PERSON", 1)], [(2, 6, "ORG")]),
    # a longer model PERSON beats a gazetteer hit inside it (王江苏 is not 江苏)
    ([cand(1, 3, "GPE", 2), cand(0, 3, "PERSON", 1)], [(0, 3, "PERSON")]),
    # but a PERSON never swallows a sure span
    ([cand(0, 2, "DATE", 3), cand(0, 3, "PERSON", 1)], [(0, 2, "DATE")]),
    # a model ORG may add a name on the left of a sure ORG (中国 + 全国政协)...
    ([cand(2, 6, "ORG", 3), cand(0, 6, "ORG", 1)], [(0, 6, "ORG")]),
    # ...but not a province the rules split off on purpose
    ([Candidate(3, 9, "ORG", None, "rule:org", 3, fixed_left=True), cand(0, 3, "GPE", 2),
      cand(0, 9, "ORG", 1)], [(0, 3, "GPE"), (3, 9, "ORG")]),
    # a sure rule beats a longer model span that contains it with an unnestable label
    ([cand(1, 4, "LAW", 3), cand(0, 6, "ORG", 1)], [(1, 4, "LAW")]),
    # disjoint spans all stay, in order
    ([cand(5, 7, "DATE", 3), cand(0, 2, "GPE", 2)], [(0, 2, "GPE"), (5, 7, "DATE")]),
])
def test_resolve(cands, expected):
    assert [(c.start, c.end, c.label) for c in resolve(cands)] == expected


@pytest.fixture(scope="module")
def fake_model_tagger():
    """A blank pipeline whose 'model' is an entity ruler: it plays the statistical NER."""
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("fazhi_test_ruler_ner")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "公安机关"},
        {"label": "PERSON", "pattern": "黄玉萍"},
        {"label": "GPE", "pattern": "江苏"},
        {"label": "ORG", "pattern": "镇江市公安局"},
        {"label": "PERSON", "pattern": "江市公"},
        {"label": "LOC", "pattern": "东门口"},
        {"label": "ORG", "pattern": "市公安局"},
        {"label": "PERSON", "pattern": "雷鸣球"},
        {"label": "ORG", "pattern": "桂林象山区"},
        {"label": "ORG", "pattern": "瓦窑西路片区治安"},
        {"label": "ORG", "pattern": "中国女篮"},
        {"label": "ORG", "pattern": "辽宁省沈阳市公安局"},
        {"label": "ORG", "pattern": "交管支队"},
        {"label": "GPE", "pattern": "镇江"},
        {"label": "GPE", "pattern": "烦心事"},
        {"label": "ORG", "pattern": "平安镇江建设，努力"},
        {"label": "GPE", "pattern": [{"ORTH": "日"}]},
        {"label": "GPE", "pattern": [{"ORTH": "港"}]},
        {"label": "PERSON", "pattern": "174.2万"},
        {"label": "ORG", "pattern": "政法委"},
        {"label": "PERSON", "pattern": "11．"},
    ])
    return EntityTagger(nlp)


@pytest.mark.parametrize("text,expected", [
    ("市民黄玉萍十分高兴。", [("黄玉萍", "PERSON", "model")]),
    # the model's generic ORG is vetoed
    ("各级公安机关推出措施。", []),
    # a place-less organ the model tags is vetoed too
    ("市公安局机关安排警力。", []),
    # the rule's ORG is the same span; the model's sub-unit extension makes it longer
    ("镇江市公安局党委部署。", [("镇江市公安局党委", "ORG", "rule:org")]),
    ("在端州区东门口跳舞。", [("端州区", "GPE", "gazetteer"), ("东门口", "LOC", "model")]),
    # a road rule that cuts through a name the model found loses to the name
    ("南京市雷鸣球路甬祥出席。", [("南京市", "GPE", "gazetteer"), ("雷鸣球", "PERSON", "model")]),
    # a model ORG that runs into the rules must end like an ORG (桂林象山区 is two places)...
    ("桂林象山区紧盯痛点。", [("桂林", "GPE", "gazetteer"), ("象山区", "GPE", "gazetteer")]),
    ("瓦窑西路片区治安形势复杂。", [("瓦窑西路片区", "LOC", "rule:loc")]),
    # ...unless it only holds a place at its start
    ("中国女篮夺冠。", [("中国女篮", "ORG", "model")]),
    # nor may it swallow a sure ORG from the left (the province stays a GPE)
    ("辽宁省沈阳市公安局发挥作用。", [("辽宁省", "GPE", "gazetteer"), ("沈阳市公安局", "ORG", "rule:org")]),
    ("法院联合该区交管支队。", []),
    # campaign names, clause-crossing spans and common words are not places
    ("通过将平安镇江建设，努力推进。", []),
    ("群众的烦心事。", []),
    # one-character places only where they read as places
    ("以日计算。", []),
    ("他多次赴港。", [("港", "GPE", "model")]),
    # a figure is not a person; a bare 政法委 is a generic organ
    ("安装174.2万个。", []),
    ("市委常委、政法委书记。", []),
    # the model's span without a letter is not a name
    ("11．会议结束。", []),
])
def test_model_and_rules_combine(fake_model_tagger, text, expected):
    doc = fake_model_tagger(make_doc(text, fake_model_tagger.nlp))
    assert [(text[e.start:e.end], e.label, e.source) for e in doc.entities] == expected


def test_without_rules_the_model_is_bare():
    nlp = spacy.blank("zh")
    nlp.add_pipe("fazhi_test_ruler_ner").add_patterns([{"label": "ORG", "pattern": "公安机关"}])
    doc = EntityTagger(nlp, use_rules=False)(make_doc("各级公安机关。", nlp))
    assert [(e.label, e.source) for e in doc.entities] == [("ORG", "model")]


# --- bylines and mentions of the same person --------------------------------------------------

def test_byline_names_are_person_with_role(tagger):
    text = "本报记者 丁国锋\n本报通讯员 吴也尤\n丁国锋报道。"
    doc = make_doc(text, tagger.nlp)
    doc.sentences[0].kind = doc.sentences[1].kind = "byline"
    doc.articles[0].header["authors"] = [(5, 8, "丁国锋", "reporter"),
                                         (15, 18, "吴也尤", "correspondent")]
    tagger(doc)
    got = [(text[e.start:e.end], e.label, e.normalized, e.source) for e in doc.entities]
    assert ("丁国锋", "PERSON", "reporter", "byline") in got
    assert ("吴也尤", "PERSON", "correspondent", "byline") in got
    # the body mention of a bylined name is the same person
    assert ("丁国锋", "PERSON", "reporter", "rule:coref") in got


def test_titled_person_found_again_later(tagger):
    text = "河北区检察院第四检察部主任李志泉介绍，效果好。“要做好教育。”李志泉说。"
    got = [(text[e.start:e.end], e.label, e.normalized) for e in tagger(make_doc(text, tagger.nlp)).entities]
    assert got.count(("李志泉", "PERSON", "河北区检察院第四检察部主任")) == 2


# --- offsets --------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "镇江市公安局", "张某某", "寻衅滋事", "7月27日", "《刑法》", "，", "。", "在", "桂林象山区",
    "公安机关", "长航公安局镇江分局", "今年以来", "主任李志泉介绍", "x", "12", "\n"]), max_size=25))
def test_entities_are_flat_sorted_and_inside_their_sentence(tagger, parts):
    text = "".join(parts)
    doc = tagger(make_doc(text, tagger.nlp))
    previous_end = 0
    for e in doc.entities:
        sentence = doc.sentences[e.sentence]
        assert sentence.start <= e.start < e.end <= sentence.end
        assert e.start >= previous_end
        previous_end = e.end
        assert e.label in {"PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "CRIME"}


def test_empty_document_gets_no_entities(tagger):
    doc = Document(doc_id="e", source="e", raw="", clean="", offsets=[0])
    assert tagger(doc).entities == []


# --- slow: the seed page through the normal pipeline ------------------------------------------

MUST_FIND = {"GPE", "ORG", "LAW", "CRIME"}


@pytest.fixture(scope="module")
def seed_result(nlp):
    from pipeline.stages.clean import Cleaner
    from pipeline.io import document_from_text
    from pipeline.run.pipeline import Pipeline
    from pipeline.stages.tokenize import Tokenizer
    from pipeline.stages.split import ArticleSplitter, SentenceSplitter

    pipe = Pipeline(nlp, stages=[Cleaner(), ArticleSplitter(), SentenceSplitter(), Tokenizer(nlp),
                                 EntityTagger(nlp)])
    path = ROOT / "seeds" / "000_151922b201effb69.txt"
    text = path.read_text(encoding="utf-8")
    doc = pipe.process(document_from_text(text, str(path)))
    pred = {}
    for e in doc.entities:
        s, t = doc.raw_span(e.start, e.end)
        pred[(s, t, e.label)] = e
    gold = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        gold[(r["start"], r["end"], r["label"])] = r
    return text, pred, gold


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


@pytest.mark.slow
def test_seed_finds_every_place_organ_law_offence_and_byline(seed_result):
    text, pred, gold = seed_result
    missing = [(text[s:e], label) for (s, e, label), r in gold.items()
               if (label in MUST_FIND or "byline" in r.get("note", "")) and (s, e, label) not in pred]
    assert missing == []


@pytest.mark.slow
def test_seed_no_generic_or_headline_org(seed_result):
    text, pred, _ = seed_result
    orgs = [text[s:e] for (s, e, label) in pred if label == "ORG"]
    for generic in ("公安机关", "警方", "检察机关", "市公安局", "反诈中心", "政法委"):
        assert generic not in orgs
    assert all(len(o) <= 20 for o in orgs)


@pytest.mark.slow
@pytest.mark.parametrize("label,floor", [("PERSON", 0.9), ("GPE", 0.95), ("ORG", 0.95),
                                         ("DATE", 0.9), ("LAW", 1.0), ("CRIME", 1.0), ("LOC", 0.5)])
def test_seed_precision_and_recall_per_label(seed_result, label, floor):
    _, pred, gold = seed_result
    p = {k for k in pred if k[2] == label}
    g = {k for k in gold if k[2] == label}
    precision = len(p & g) / len(p) if p else 1.0
    recall = len(p & g) / len(g) if g else 1.0
    assert precision >= floor and recall >= floor, (label, precision, recall)


@pytest.mark.slow
def test_seed_byline_roles_and_anonymised(seed_result):
    _, pred, gold = seed_result
    for key, r in gold.items():
        note = r.get("note", "")
        if note.startswith("byline") and key in pred:
            assert pred[key].normalized == note.split()[1]
        if note == "anonymised" and key in pred:
            assert pred[key].normalized == "anonymised"


@pytest.mark.parametrize("text,expected", [
    # a bare day follows the month last named in the article
    ("6月13日，吴先生来信。17日下午，民警检查。", ["2021-06-13", "2021-06-17"]),
    ("9月30日开会。2日结束。", ["2021-09-30", "2021-10-02"]),
    # with nothing named before, the publication month
    ("17日下午，民警检查。", ["2021-10-17"]),
])
def test_bare_day_follows_the_last_named_month(tagger, text, expected):
    doc = tagger(make_doc(text, tagger.nlp))
    assert [e.normalized for e in doc.entities if e.label == "DATE"] == expected


# --- vetting the character-level model's spans --------------------------------------------------

def vet(words: list[str], spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The model candidates kept for model ``spans`` (text, label) over pkuseg ``words``."""
    from pipeline.stages.entities.candidate import token_bounds as _bounds
    from pipeline.stages.entities.model import vet_spans

    text = "".join(words)
    tokens, at = [], 0
    for w in words:
        tokens.append((at, at + len(w)))
        at += len(w)
    model = []
    for span, label in spans:
        start = text.index(span)
        model.append((start, start + len(span), label))
    tagger = EntityTagger(None)
    bounds = _bounds(tokens)
    places = tagger.rules.scan_places(text, bounds)
    kept = vet_spans(tagger.rules, text, model, "body", tokens, bounds, places)
    return [(text[c.start:c.end], c.label) for c in kept]


@pytest.mark.parametrize("words,spans,expected", [
    # one-character places inside a word
    (["华人", "社团"], [("华", "GPE")], [("华", "GPE")]),
    (["中美", "关系"], [("中", "GPE"), ("美", "GPE")], [("中", "GPE"), ("美", "GPE")]),
    (["美方", "表示"], [("美", "GPE")], [("美", "GPE")]),
    (["盛京", "使者"], [("京", "GPE")], []),
    (["北京", "人"], [("京", "GPE")], []),
    # an ORG must start and end on word boundaries
    (["专项", "斗争工作", "领导小组"], [("工作领导小组", "ORG")], []),
    (["镇江市", "公安局"], [("镇江市公安局", "ORG")], [("镇江市公安局", "ORG")]),
    # unit heads need a place or an organ before them
    (["成立", "综合", "整治", "领导小组"], [("综合整治领导小组", "ORG")], []),
    (["组织", "治安", "巡逻", "大队"], [("治安巡逻大队", "ORG")], []),
    (["镇江市", "扫黑除恶", "领导小组"], [("镇江市扫黑除恶领导小组", "ORG")],
     [("镇江市扫黑除恶领导小组", "ORG")]),
    (["公安局", "治安", "大队"], [("治安大队", "ORG")], [("治安大队", "ORG")]),
    # quotes
    (["肇庆", "公安", "‘", "局长", "信箱", "’"], [("肇庆公安‘局", "ORG")],
     [("肇庆公安", "ORG")]),
    (["平安", "矿山", "”", "“", "平安", "水域"], [("平安矿山”“平安水域", "ORG")], []),
    # campaign words are not places
    (["平安", "志愿者"], [("平安", "GPE")], []),
    (["推进", "平安", "镇江", "建设"], [("平安镇江", "GPE")], []),
    # a district before a square: GPE + LOC
    (["在", "端州区", "东门", "广场"], [("端州区东门广场", "LOC")],
     [("端州区", "GPE"), ("东门广场", "LOC")]),
])
def test_character_model_spans_are_vetted(words, spans, expected):
    assert vet(words, spans) == expected
