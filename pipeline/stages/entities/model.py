"""The model's side: reading fazhi's NER spans and vetting them before they compete.

The shipped model tags characters, so a span may start or end inside a pkuseg word (华 in
华人, 邓小平 in 邓小平理论); the vetoes below judge such spans with the words, the rules'
lists and the gazetteer hits of the sentence (docs/entities.md, "Vetoes and repairs").
"""

from __future__ import annotations

import re

from .candidate import CJK, MODEL, Candidate
from .rules_org import several_units
from .place_words import LOC_NOT_BEFORE
from .rules_person import given_name_after
from .rules_place import ORGANS_AFTER_COUNTY, water_mouth
from .rules_roads import DIRECT_AREA, WATER_FINAL

# The pier of a port written right after it (关累港 + 码头; as 石狮港祥芝码头 is one LOC).
PORT_PIER = re.compile("码头")

MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC"}

_NAME_CHAR = re.compile(f"[{CJK}A-Za-z]")
_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE_PUNCT = re.compile("[，。；：！？,;:!?]")
_OPEN_QUOTE = re.compile("[‘“「『]")
_CLOSE_QUOTE = re.compile("[’”」』]")
_ORG_BEFORE = "局院委部厅所队"  # 局 + 治安大队: the unit belongs to the organ before it
_ADMIN_END = "省市县区镇乡旗州"
# Words after a company's name (野村 + 证券): a model GPE no gazetteer knows is no place there.
_COMPANY_AFTER = re.compile("证券|银行|集团|公司|株式会社|商社|财团")
# Prepositions that start no town's name (在 + 茅台镇, 至 + 章镇镇).
_PREPOSITIONS = "在至从到于对向经由往"
_ABBR_PEOPLE = "人方军籍侨商企资胞"  # 华人, 美方, 台商, 港资: after a place's one-character form
_ABBR_VERBS = "赴来在进返离抵访驻对从到回去往由和与及同"  # 赴港, 来京, 驻港, 与美
_HEADLINES = ("title", "kicker", "subtitle")
# After a name that is no division or country these make it an adjective (阿拉伯国家);
# not 民族: MSRA tags 中华 in 中华民族 as a place.
_PEOPLE_AFTER = re.compile("国家|难民|协定")
# Scenic areas end in 区 like districts: 白河游览区, 白云山风景区 are sites (LOC).
_SCENIC_END = ("景区", "游览区", "旅游区", "名胜区")
# A river's source by its side (赣江东源, 黄河北源): no place of its own.
_SOURCE_OF_WATER = re.compile("[东西南北正]源")
# 山 + 中/区/里 after a range's name (秦岭山中, 大别山区 is a name of its own).
_RANGE_IN = re.compile("山[中里区间]")
# A town word right after a model place (簇桥 + 街道), not 乡镇/乡村 nor a town's organ.
_TOWN_AFTER = re.compile(f"(?:街道|镇|乡(?![镇村]))(?![{CJK}]*(?:派出所|政府|党委|党工委|办事处))")
# Last characters of a site's name: a model GPE that is no division and ends so is a LOC
# (高升桥, 通吕运河, 人民大会堂).
_SITE_FINAL = "桥湖江河山岛塔寺峡湾港门路街园场堂楼馆洲坝窟站心淀泊潭峪关阁渡闸"
# A railway or highway named by its ends' one-character names (京广高铁, 京港澳高速).
_LINE_AFTER_ABBR = re.compile(f"[{CJK}]{{1,2}}(?:高铁|高速|铁路|城际)")
# Verbs the model takes into an ORG after a bare place (常德通报, 南京发布).
_VERBS_AFTER_PLACE = ("通报", "发布", "公布", "举行", "召开", "报道", "启动")
# A count of units ending a span (从江三县, 五县市): several units, no name.
_COUNTED_UNITS = re.compile("[一两二三四五六七八九十几多数]个?[区县市旗州乡镇]+$")
# A quoted name closed right before a campaign word (“夏安”行动, “净网”集中清查行动).
_CAMPAIGN_AFTER = re.compile(f"[”」][{CJK}]{{0,6}}?(?:行动|专项|攻坚战)")
# Taiwan-style anonymisation: 林姓 + 男子 (the PERSON is 林姓).
_SURNAME_XING = re.compile(f"[{CJK}]姓")
# A town written before a road or a river inside one model LOC: 城东街道 + 星湖大道 (issue 15).
_TOWN_BEFORE_SITE = re.compile(f"[{CJK}]{{2,3}}?(?<![古城])(?:街道|镇|乡(?!村))")


def read_spans(nlp, model, texts: list[str], docs: list | None = None
               ) -> list[list[tuple[int, int, str]]]:
    """Return the model's (start, end, label) per text, batched over all texts.

    ``docs`` are the sentences' pkuseg Docs when the tokenize stage made them (reused: the
    model reads their words); a missing or stale one is made again from its text.
    """
    if model is None:
        return [[] for _ in texts]
    batch = []
    for i, t in enumerate(texts):
        d = docs[i] if docs is not None else None
        if d is None or (len(d) and d[-1].idx + len(d[-1]) > len(t)):
            d = nlp.make_doc(t)
        batch.append(d)
    spans = model.char_spans(batch)  # one call per batch: faster
    return [[s for s in found if s[2] in MODEL_LABELS] for found in spans]


def vet_spans(rules, text: str, spans: list[tuple[int, int, str]], kind: str,
              tokens: list[tuple[int, int]] | None = None, bounds: set[int] | None = None,
              places: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Return the candidates the model's ``spans`` of one sentence give, vetted and repaired.

    ``tokens`` and ``bounds`` (the words and their boundaries, when known) let the rules
    judge spans inside words; ``places`` are the gazetteer's hits in the sentence; ``kind``
    is the sentence's kind (a headline's ORG must end like one).
    """
    places = places or []
    out: list[Candidate] = []
    singles = {s for s, e, label in spans if e - s == 1 and label in ("GPE", "LOC")}
    words = set(tokens) if tokens and singles else None
    for s, e, label in spans:
        span = text[s:e]
        if not _NAME_CHAR.search(span):
            continue  # "11." is not a name
        if label == "PERSON" and _DIGIT.search(span):
            continue  # 174.2万
        if label == "PERSON" and river_not_person(rules, text, s, e):
            label = "LOC"  # 贡江为赣江东源: a river the model read as a name (issue 15)
        if label == "PERSON" and e - s > 2 and _SURNAME_XING.fullmatch(span[:2]):
            e = s + 2  # 林姓 + 男子: the person word stays out (issue 15)
        if label == "PERSON" and e - s == 3 and span[1] == "某":
            e = s + 2 + _given_name(rules, text, s, tokens)  # 喻某 + 提出: the verb stays out
        e = _cut_at_open_quote(text, s, e, label)
        if e - s == 1 and label in ("GPE", "LOC") and not abbreviation_in_context(
                rules, text, s, singles, words):
            continue  # 以日计算, 很美, 盛京: a day, "beautiful", a name; 中美, 华人 stay
        if not _well_formed(rules, text, s, e, label):
            continue
        if label == "ORG":
            e = _vet_org(rules, text, s, e, kind, bounds, places)
        elif label in ("GPE", "LOC"):
            was_loc = label == "LOC"
            if was_loc:
                e = _site_after(rules, text, e)  # before the split: 青岛 + 黄岛口岸
            if label == "LOC" and _RANGE_IN.match(text, e - 1) and rules.loc_re.fullmatch(text, s, e - 1):
                e -= 1  # 秦岭 + 山中: the range is named without the 山 of 山中
            s, label = _vet_place(rules, text, s, e, label, places, out)
            if s is not None and label == "GPE":
                k = rules.country_at_start(text, s, e)
                if k > s:  # 菲律宾 | 宿务省: the country is a GPE of its own
                    out.append(Candidate(s, k, "GPE", None, "model", MODEL, text[max(s, k - 3):k]))
                    s = k
                e = rules.foreign_level_end(text, s, e)  # 菲律宾 + 宿务 + 省
            town = _TOWN_AFTER.match(text, e) if was_loc and label == "LOC" else None
            if s is not None and town and e - s >= 2 and not any(ps == e for ps, _ in places):
                e, label = town.end(), "GPE"  # 簇桥 + 街道: a town named without its county
        if e is None or s is None:
            continue
        out.append(Candidate(s, e, label, None, "model", MODEL, text[max(s, e - 3):e]))
    return out


def _given_name(rules, text: str, s: int, tokens: list[tuple[int, int]] | None) -> int:
    """Return 1 when the model's 喻某X keeps its third character as a given name (邹某虎), 0 when
    X starts the sentence's verb (喻某 + 提出上诉: a verb of the lexicon, see ``given_name_after``)."""
    word_end = next((b for a, b in tokens or () if a == s + 2), None)
    return given_name_after(text, s, s + 2, word_end, rules.verbs_after_mou, rules.not_given_words)


# What after a name ending in 江/河/湖/溪 makes it the water (贡江 + 为赣江东源, 石亭江 + 水位).
_WATER_AFTER = re.compile("为.{0,4}[东西南北]?(?:源|支流|干流)|水位|沿岸|沿线|两岸|流域|支流|干流|"
                          "[东西南北]源|发源|源头|上游|中游|下游|[江河]段|段|水域|河道|江面|河面|入[江河湖海]")


def river_not_person(rules, text: str, s: int, e: int) -> bool:
    """Return True when a model PERSON ``text[s:e]`` ending in 江/河/湖/溪 is a river or lake
    (issue 15): its first character is no surname (贡江, 濂江), or a water word follows it
    (石亭江 + 水位上涨); 李长江 + 表示 stays a person."""
    span = text[s:e]
    if not 2 <= len(span) <= 4 or span[-1] not in "江河湖溪":
        return False
    if span[0] not in rules.surnames and span[:2] not in rules.surnames:
        return True
    return bool(_WATER_AFTER.match(text, e))


def _cut_at_open_quote(text: str, s: int, e: int, label: str) -> int:
    """Return the end of a non-PERSON span cut before a quote it opens and does not close:
    肇庆公安‘局长信箱’ → 肇庆公安."""
    span = text[s:e]
    cut = _OPEN_QUOTE.search(span, 1)
    if cut and label != "PERSON" and not _CLOSE_QUOTE.search(span, cut.end()) \
            and cut.start() >= 2:
        return s + cut.start()
    return e


def _well_formed(rules, text: str, s: int, e: int, label: str) -> bool:
    """Return False for a span across a clause or out of its quotes, or inside or made of a
    campaign name (平安镇江, “平安肇庆”)."""
    span = text[s:e]
    if (_CLAUSE_PUNCT.search(span) or "”“" in span or span.count("“") != span.count("”")
            or span.count("‘") != span.count("’")):
        return False
    if s >= 2 and text[s - 2:s] in rules.campaign:
        return False
    if label in ("GPE", "LOC") and span.startswith(rules.campaign):
        return False  # 平安 on its own, 平安镇江 as one span: a campaign, not a place
    if label != "GPE" and s and text[s - 1] in "“「" and _CAMPAIGN_AFTER.match(text, e):
        return False  # “夏安”集中清查行动: a campaign's name, nothing inside it is annotated
    return True


def _vet_org(rules, text: str, s: int, e: int, kind: str, bounds: set[int] | None,
             places: list[tuple[int, int]]) -> int | None:
    """Return the end of a model ORG extended over its sub-units, or None when vetoed."""
    span = text[s:e]
    if several_units(span, rules):
        return None  # 古蔺 + 两县检察院: the organs of several counties
    if bounds is not None and (s not in bounds or e not in bounds):
        return None  # 斗争工作领导小组 out of 专项斗争: organisations start and end with words
    if span.endswith(rules.generic_heads) and not any(
            s <= ps < pe <= e for ps, pe in places) and not (s and text[s - 1] in _ORG_BEFORE):
        return None  # 综合整治领导小组, 治安巡逻大队: a unit with no place or parent
    if relative_before(rules, text, s):
        return None  # 该区 + 交管支队
    if span.endswith(_VERBS_AFTER_PLACE) and rules.gaz.pattern.fullmatch(span[:-2]):
        return None  # 常德 + 通报: a place and the verb after it (issue 15)
    if span.endswith(_VERBS_AFTER_PLACE) and span[:-2].endswith(rules.org_heads) and e - s > 4:
        e, span = e - 2, span[:-2]  # 赣州中院 + 通报: the verb after a short organ name stays out
    if span.endswith("集团") and span[:-2].endswith(rules.gang_words):
        return None  # 人头帐户 + 集团, 车手集团: a gang, no organisation (issue 15)
    if span in rules.not_org or span.strip("“”\"「」") in rules.not_org:
        return None  # 公安机关, 警方
    if span.endswith(("警方", "公安机关", "检察机关", "交警", "海警")) and not span.endswith(
            ("公安交警", "中国海警")):
        return None  # 南浔警方, 济南交警, 北海海警: the place is a GPE of its own (issue 15)
    lead = next((w for w in rules.relative_before if len(w) >= 2 and span.startswith(w)
                 and (span[len(w):len(w) + 1] in "市区县省州"
                      or _whole_org(rules, span[len(w):]))), None)
    if lead:
        return None  # 联合 + 市公安局, 會同 + 刑事警察局: the rule has the organ, the verb stays out
    if rules.org_relative.match(span) and (text.startswith("机关", e)
                                            or not rules.org_candidates(span)):
        return None  # 市公安局机关: the bureau's staff; 该局
    e = rules.extend_org(text, e)
    # A headline is not an organisation: the model sometimes takes half of one.
    if kind in _HEADLINES and e - s > 0.6 * len(text.strip()) \
            and not text[s:e].endswith(rules.org_heads):
        return None
    return e


def _whole_org(rules, span: str) -> bool:
    """Return True when the rules read all of ``span`` as one ORG (刑事警察局, 南平市公安局)."""
    return any(c.start == 0 and c.end == len(span) for c in rules.org_candidates(span))


def _vet_place(rules, text: str, s: int, e: int, label: str, places: list[tuple[int, int]],
               out: list[Candidate]) -> tuple[int | None, str]:
    """Return the start and label of a model GPE/LOC (start None when vetoed).

    A span that starts with a division and goes on is split: 端州区东门广场 → the GPE 端州区
    (appended to ``out``) and the LOC 东门广场. A place ending like a common word (烦心事,
    普惠性) is dropped; a LOC the gazetteer knows is a GPE.
    """
    head = next((pe for ps, pe in places if ps == s and e - pe >= 2
                 and text[pe - 1] in _ADMIN_END), None)
    if head is not None and _NAME_CHAR.match(text, head):
        out.append(Candidate(s, head, "GPE", None, "model", MODEL, text[s:head]))
        s, label = head, "LOC"
    if e - s >= 4 and text[s] in _PREPOSITIONS and text.endswith(("镇", "乡", "街道"), s, e):
        s += 1  # 至 + 章镇镇, 在 + 茅台镇: a preposition is no part of a town's name
    span = text[s:e]
    if water_mouth(text, s, span):
        return None, label  # 入 + 湖口: the mouth, not the county
    if _SOURCE_OF_WATER.fullmatch(span) and s and text[s - 1] in "江河水溪":
        return None, label  # 赣江 + 东源: the river's eastern source, not the county 东源
    if span[-1] in rules.not_place_final or span in rules.not_loc:
        return None, label  # 烦心事; 海域, 水域: no name
    if _COUNTED_UNITS.search(span) and not rules.gaz.divisions(span):
        return None, label  # 从江 + 三县, 五县市: a count of units, no name (二七区 stays)
    if label == "GPE" and _COMPANY_AFTER.match(text, e) and not rules.gaz.pattern.fullmatch(span) \
            and span not in rules.gaz.countries:
        return None, label  # 野村 + 证券: the name of a company, no place
    if label == "GPE" and len(span) >= 2 and _PEOPLE_AFTER.match(text, e) \
            and not rules.gaz.pattern.fullmatch(span) \
            and span[-1] not in _ADMIN_END:
        if span[-1] in "亚欧美非洲":
            return s, "LOC"  # 东亚国家, 拉美国家: a region (LOC)
        return None, label  # 阿拉伯国家, 申根协定: an adjective, not a place
    if label == "LOC" and (rules.gaz.divisions(span) or _model_town(span)
                           or _division_before_organ(rules, text, span, e)):
        label = "GPE"  # 朝阳洲街道: a town is an administrative unit (issue 15)
    elif label == "GPE" and len(span) >= 4 and span.endswith(_SCENIC_END):
        label = "LOC"  # 白河游览区: a scenic area, not a district (区)
    elif label == "GPE" and len(span) >= 2 and span[-1] in _SITE_FINAL \
            and not rules.gaz.pattern.fullmatch(span) and not (len(span) == 2 and span[-1] in rules.abbr) \
            and not _division_before_organ(rules, text, span, e):
        label = "LOC"  # 高升桥, 运河: a site, not an administrative unit
    if label == "LOC":
        s = _split_city_before_site(rules, text, s, e, places, out)
        s = _split_town_before_site(text, s, e, out)
    return s, label


def _division_before_organ(rules, text: str, span: str, e: int) -> bool:
    """Return True when a model LOC is a county or district written without its level word
    before an organ (issue 15, ``X警方``): 青山 + 警方 (青山区), 白云 + 公安; a mountain has no police."""
    return len(span) >= 2 and text.startswith(ORGANS_AFTER_COUNTY, e) and any(
        rules.gaz.divisions(span + level) for level in "区县市旗")


def _site_after(rules, text: str, e: int) -> int:
    """Return the end of a model LOC with the site word right after it (issue 15: the site's
    own name + 景区/收费站/口岸 is one LOC): 茶卡盐湖 + 景区, 珠江 + 大桥, 雷州湾 + 海域, 关累港 + 码头; not before an organ
    or a company (…景区 + 管委会)."""
    m = rules.site_after_place_re.match(text, e)
    if m is None and text[e - 1] in WATER_FINAL:
        m = DIRECT_AREA.match(text, e)  # 雷州湾 + 海域: a water's area is one LOC with it
    if m is None and text[e - 1] == "港":
        m = PORT_PIER.match(text, e)  # 关累港 + 码头: the port's pier, one LOC
    if m is None or LOC_NOT_BEFORE.match(text, m.end()):
        return e
    return m.end()


def _model_town(span: str) -> bool:
    """Return True when a model LOC names a town (朝阳洲街道, 茅台镇), not an old town or a
    common word (西塘古镇, 乡镇, 城乡)."""
    return len(span) >= 3 and span.endswith(("街道", "镇", "乡")) and \
        not span.endswith(("古镇", "小镇", "城镇", "乡镇", "城乡", "家乡", "故乡", "老乡"))


def _split_town_before_site(text: str, s: int, e: int, out: list[Candidate]) -> int | None:
    """Return the start of a model LOC after the town it begins with, appending the town as a
    GPE to ``out`` (issue 15): 城东街道星湖大道 → 城东街道 + 星湖大道, 城厢街道 + 临园路; None
    when what is left is a river before 河畔 (湄江街道湄江河畔: the river is 湄江)."""
    m = _TOWN_BEFORE_SITE.match(text, s, e)
    if m is None or e - m.end() < 2:
        return s
    out.append(Candidate(s, m.end(), "GPE", None, "model", MODEL, text[max(s, m.end() - 3):m.end()]))
    if text.startswith("河畔", e - 1) and text[e - 2] in "江河湖溪":
        return None  # 湄江街道 + 湄江河畔: the river is 湄江 (the water rule's)
    return m.end()


# How an island, lake, river or mountain ends (靖江 + 马洲岛 is a county and the island).
_NATURE_FINAL = "岛湖山江河湾峡溪"


def _split_city_before_site(rules, text: str, s: int, e: int, places: list[tuple[int, int]],
                            out: list[Candidate]) -> int:
    """Return the start of a model LOC after the city or province it begins with, appending
    that place as a GPE to ``out`` (issue 15): 泉州东湖公园 → 泉州 + 东湖公园. A county's short
    form (滨江公园, 古城清真寺: often an everyday word) and a bare site word after the place
    (北京东路) keep the span whole."""
    m = rules.gaz.pattern.match(text, s)
    if m is None or e - m.end() < 3:
        return s
    name = m.group()
    if name not in rules.gaz.by_name and name not in rules.gaz.high_short and not (
            name in rules.gaz.county_short and text[e - 1] in _NATURE_FINAL):
        return s  # but 靖江 + 马洲岛: a county before an island, lake or mountain of its own
    if rules.loc_suffix_re.match(text, m.end()) or not any(
            x.end() == e for x in rules.loc_suffix_re.finditer(text, m.end() + 2, e)):
        return s
    out.append(Candidate(s, m.end(), "GPE", None, "model", MODEL, name))
    return m.end()


def abbreviation_in_context(rules, text: str, at: int, singles: set[int],
                            tokens: set[tuple[int, int]] | None) -> bool:
    """Return True when a one-character place the model found reads as one (中美, 中、美两国)."""
    if text[at] not in rules.abbr or _LINE_AFTER_ABBR.match(text, at + 1):
        return False  # 京 + 广高铁: the two ends that name a railway or a highway
    if tokens is None:
        return True
    if (at, at + 1) not in tokens:  # inside a word: 中美, 港台 and 华人, 访华 yes; 盛京 no
        word = next(((s, e) for s, e in tokens if s <= at < e), None)
        if word is None or all(c in rules.abbr for c in text[word[0]:word[1]]):
            return True  # 中美, 港澳台
        if word == (at, at + 2) and text[at + 1] in _ABBR_PEOPLE:
            return True  # 华人, 港人, 美方, 台商
    if (at - 2) in singles or (at + 2) in singles or (at - 1) in singles or (at + 1) in singles:
        return True  # 中、美; 欧、美
    if at and text[at - 1] in _ABBR_VERBS:
        return True  # 赴港, 来京, 驻港, 与美
    return bool(rules.abbr_after_re.match(text, at + 1))


def relative_before(rules, text: str, start: int) -> bool:
    """Return True when the ORG at ``start`` follows a place-less prefix (该区, 市, 自治区)."""
    for prefix in rules.relative_prefixes:
        if text.endswith(prefix, 0, start):
            if len(prefix) > 1 or not any(rules.gaz.divisions(text[k:start])
                                          for k in range(max(0, start - 9), start - 1)):
                return True
    return False
