"""Who acted (``subject``) and where (``place``), read from the entity stage's spans only.

呼伦贝尔市公安局 -> subject 呼伦贝尔市公安局, place 内蒙古自治区呼伦贝尔市 (the gazetteer's full
name); a figure without a place of its own takes its paragraph's, then its article's. Never a
substring: a place or organ the entity stage did not tag is not read here.
"""

from __future__ import annotations

import re
from ...document import Document
from ...places import NATION, TOWNSHIP_ENDS, ZONE_PATTERN
from .place_rules import (Place, bank_not_district, far_bare_district,
                          heads_quoted_name, heads_shop_name, joint_verb, names_a_trip, leads_counted_list, organ_named_before,
                          read_under, region_organs, runs_into_word, untagged_places)
from .place_links import activity_sites, event_sites, foreign_ends, not_the_figures, scattered_sites, untagged_in_lists
from .place_lists import NEXT_CLAUSE, each_place, joint_places
from .change import statutory
from .scopes import PART_PLACE, SCOPE_SPREAD
from .townships import bare_township_organs, township_of_organ
from .words import clause_start

_DATELINE_AFTER = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:专?电|讯)")  # 新华社北京|1月5日电
_DATELINE_BEFORE = re.compile(r"(?:新华社|中新社|本报)$")
# 〔記者周某／台中報導〕, [记者 王某/高雄报导]: a reporter's dateline (where it was filed)
_BYLINE_CITY_BEFORE = re.compile(r"[／/]\s*$")
_BYLINE_CITY_AFTER = re.compile(r"\s*(?:報導|报导|報道|报道|電|电)\s*[〕\]）)】]")
_ZONE = re.compile(ZONE_PATTERN)
# 在川汇区、鹿邑县等地同步收网, 在两地抓获: a list of the sites where suspects were caught
_CAUGHT_AT = re.compile(r"(?:等地|等处|两地|三地|多地|一带)?[^，,。；;]{0,10}?(?:同步收网|收网|抓获|抓捕|缉拿|落网)")
# 西安市公安局雁塔分局, 示例市公安局交通警察支队丰泽大队, 高雄市警察局苓雅分局: a city's branch named by its district
_BRANCH = re.compile(r"(?:公安局|警察局)([\u4e00-\u9fff]{1,4}?)(?:区?分局)|(?:支队|交警)([\u4e00-\u9fff]{2,3}?)大队$")
# 批准赴澳门定居, 批准去香港、澳门, 源源不断地运往香港, 转运至甲县、乙县等地销售: where people or
# goods went (the whole list after the verb)
_DESTINATION = re.compile(r"(?:赴|去|前往|飞往|来自|出境到|运往|输往|发往|销往|逃往|潜逃(?:至|到)|运(?:至|到))"
                          r"(?:[\u4e00-\u9fff]{2,8}[、和及])?[、]?$")
# 会同缅甸等国执法部门, 联合老挝警方: a foreign partner of the organ, not where the figure is
_PARTNER = re.compile(r"(?:会同|联合|协同|配合|携手|与|同|和)(?:[\u4e00-\u9fff]{1,6}[、和及])*$")  # 会同缅甸、泰国
_PARTNER_ORGAN = re.compile(r"(?:[、和及][\u4e00-\u9fff]{1,6}?)*(?:等国|等国家)?的?(?:警方|警察|执法|司法|边防|禁毒|有关部门|相关部门)")
# 与曲靖交界, 同邻省接壤: a neighbouring place (not 尚义县和张北县交界处, a place between two)
_BORDER = re.compile(r"(?:市|县|区|省)?(?:交界|接壤|毗邻|相邻|边界)")
# 窑埠古镇, 特色小镇: a site, not a township
_SITE_TOWNS = ("古镇", "小镇")
_STREET = re.compile(r"[东西南北中]?(?:路|街|大街|大道|巷)")  # 南京东路, 北京路
# 遍布全国, 分布在全国12个省市, 涉及全国28个省份, 来自全国各地 after a local organ: the reach of a
# case (victims, suspects, goods), not the scope of the organ that acted
_SPREAD = re.compile(r"(?:遍布|遍及|分布(?:在|于)?|散布(?:在|于)?|涉及|来自|波及|流窜(?:于|到|至)?|销往)$")
# 全国21个省份, 全国各地: the provinces a case reached (after a spread verb, even with no organ in
# the sentence: 案件涉及全国21个省份的受害人)
_PROVINCES = re.compile(r"(?:[\d０-９一二三四五六七八九十两]+(?:多|余)?个?(?:省份|省区市|省市区|省市|省区|省)|各地|各省)")
# 依照《中华人民共和国刑法》, 根据《刑法》第…条: a national law (not an ordinance, 《…條例》)
_NATIONAL_LAW = re.compile(r"《(?:中华人民共和国)?[\u4e00-\u9fff]{0,12}法》")
_OWN_LAWS = ("香港", "澳门", "台湾")  # regions with their own laws
# 全国20多个省份的600余名群众: the people a case reached (not 覆盖全国31个省的35个城市, a national figure)
_VICTIMS_AFTER = re.compile(r"的?[^，,。；;]{0,12}?(?:群众|受害人|被害人|受害者|买家|消费者|投资人|网民|用户|老人|学生)")
# 云南红塔集团: a firm's brand after its province is no county (红塔区; 介休纺织厂 is 介休's)
# 龙门港派出所: a short form, one more character, then a station: the station's own place name
_STATION_NAME = re.compile(r"[\u4e00-\u9fff](?:边防)?(?:派出所|警务站|警务室|边防所)")
_COMPANY = re.compile(r"(?:公司|集团|厂|商行|商店|店|酒店|宾馆|商场|超市|银行|合作社)$")


def place_mentions(lex, gaz, doc: Document) -> list[list[Place]]:
    """Return the place mentions of every sentence, in text order: GPE entities, the places
    that name an ORG (呼伦贝尔市公安局 -> 内蒙古自治区呼伦贝尔市, 胶州公安 -> 山东省青岛市胶州市)
    and national organs (公安部, 全国公安机关 -> 全国), each with its full name."""
    context = named_codes(gaz, doc, doc.entities)
    by_article: dict[int, list] = {}
    for entity in doc.entities:
        if 0 <= entity.sentence < len(doc.sentences):
            by_article.setdefault(doc.sentences[entity.sentence].article, []).append(entity)
    article_context = {article: named_codes(gaz, doc, found) or context for article, found in by_article.items()}
    mentions: list[list[Place]] = [[] for _ in doc.sentences]
    county = None  # the last county named: 黄粱梦镇 after 邯郸县 is a township of it
    organs: dict[int, dict[str, str]] = {}  # the place of each organ named in full, per article
    for entity in sorted(doc.entities, key=lambda e: e.start):
        if not 0 <= entity.sentence < len(mentions):
            continue
        own_context = article_context[doc.sentences[entity.sentence].article]
        found = entity_place(lex, gaz, doc, entity, own_context, county)
        if found and entity.label == "GPE" and far_bare_district(gaz, doc.clean[entity.start:entity.end], found.name,
                                                                 own_context):
            found = None  # 钟楼 in a 西安 report: a site
        if entity.label in ("ORG", "GPE"):
            found = organ_named_before(doc.clean[entity.start:entity.end], entity,
                                       doc.sentences[entity.sentence].article, found, organs)
        if found:
            own = mentions[entity.sentence]
            if own and own[-1].end == entity.start:  # 重庆市江北区: the district of that city
                found.name = read_under(gaz, doc.clean[entity.start:entity.end], found.name, own[-1].name) or found.name
            own.append(found)
            if gaz.code_and_level(found.name)[1] == "county":
                county = found.name
    untagged_places(lex, gaz, doc, mentions, context)
    region_organs(lex, gaz, doc, mentions, context)
    bare_township_organs(gaz, doc, mentions)
    local = any(p.name != NATION for found in mentions for p in found)  # a report of a local organ
    for index, sentence in enumerate(doc.sentences):
        text = doc.clean[sentence.start:sentence.end]
        taken = [(p.start, p.end) for p in mentions[index]]
        for hit in lex.national_re.finditer(text):
            start, end = sentence.start + hit.start(), sentence.start + hit.end()
            if in_quotes(text, hit.start()):
                continue  # 推广安装“国家反诈中心”应用程序: a name
            if (_SPREAD.search(text, max(0, hit.start() - 6), hit.start()) or SCOPE_SPREAD.match(text, hit.start() + 2)) and (
                    any(p.end <= start and p.name != NATION for p in mentions[index])
                    or (_PROVINCES.match(text, hit.end()) and local)):
                continue  # 嘉兴市公安局…受害人遍布全国20多个省份, 骗取全国各地买家: how far the case reached
            if not any(s < end and start < e for s, e in taken):
                source = "sentence" if hit.group(0) in lex.country_names else "organ"
                mentions[index].append(Place(start, end, NATION, source))
        mentions[index].sort(key=lambda p: p.start)
    for index, found in enumerate(mentions):
        sentence = doc.sentences[index]
        found = untagged_in_lists(gaz, doc.clean, sentence.start, sentence.end, found) if found else found
        mentions[index] = joint_places(gaz, doc.clean, found)
        activity_sites(gaz, doc.clean, doc.sentences[index].start, mentions[index])
        event_sites(doc.clean, mentions[index])
        scattered_sites(gaz, doc.clean, doc.sentences[index].start, mentions[index])
    foreign_ends(gaz, doc.clean, mentions)
    return mentions


def named_codes(gaz, doc: Document, entities: list) -> set[str]:
    """Return the province and city codes the places of ``entities`` name (广州市公安局 -> 4401),
    else those of the counties they name (延吉市公安局…。龙井警方… -> 龙井市 of 吉林, not 台中's
    龙井区): the context short names are read in, one article's on a page of several (鼓楼区 in a
    福州 article is 福州's even when the page's other article is about 南京)."""
    context: set[str] = set()
    counties: set[str] = set()
    for entity in entities:
        names = [doc.clean[entity.start:entity.end]] if entity.label == "GPE" else [
            hit.group(0) for hit in gaz.pattern.finditer(doc.clean, entity.start, entity.end)
            if hit.group(0) in gaz.by_name] if entity.label == "ORG" else []
        for name in names:
            context |= gaz.prefixes(name)
            if name in gaz.by_name:  # 叙州区 (not a bare 南岸, which would vouch for itself)
                counties |= gaz.context_codes(name)
    return context or counties


def in_quotes(text: str, position: int) -> bool:
    """Return True when ``position`` lies inside quotation marks: 安装“国家反诈中心”应用."""
    opened = max(text.rfind("“", 0, position), text.rfind("「", 0, position))
    return opened >= 0 and max(text.rfind("”", opened, position), text.rfind("」", opened, position)) < 0


def known_place(gaz, name: str) -> bool:
    """Return True for a name the place columns can hold: a division of the gazetteer (or a
    zone or township under one: 江苏省苏州市高新区), 全国 or a country; not 圣彼得堡 or 港."""
    return gaz.code_and_level(name) != (None, None) or bool(gaz.parents_of(name))


def foreign(gaz, name: str) -> bool:
    """Return True for a country other than China: 缅甸, 泰国 (not 香港特别行政区, 全国)."""
    return name in gaz.countries


def inside_word(doc: Document, entity) -> bool:
    """Return True when a pkuseg word starts before the entity and reaches into it:
    推广安装 (one word) holds no place 广安."""
    sentence = doc.sentences[entity.sentence]
    if sentence.doc is None:
        return False
    start = entity.start - sentence.start
    for token in sentence.doc:
        if token.idx >= start:
            return False
        if token.idx + len(token.text) > start:
            return True
    return False


def entity_place(lex, gaz, doc: Document, entity, context: set[str], county: str | None):
    """Return the Place an entity names, or None: not a dateline (新华社北京1月5日电), not a
    meeting's place (在京召开), 中国/我国 -> 全国, 黄粱梦镇 after a county -> that county's town."""
    text = doc.clean[entity.start:entity.end]
    if doc.sentences[entity.sentence].kind == "byline":
        return None  # 本报记者 林芝, 通讯员 白山: a name, not a place
    if entity.label in ("GPE", "ORG") and joint_verb(gaz, doc.clean, entity.start, entity.end, context):
        return None  # 该局会同县林业和草原局…: the verb 会同 and a helping organ, not 湖南省会同县
    if _DATELINE_AFTER.match(doc.clean, entity.end) or _DATELINE_BEFORE.search(
            doc.clean, max(0, entity.start - 4), entity.start):
        return None  # 新华社北京1月5日电: where it was filed, not what it is about
    if _BYLINE_CITY_BEFORE.search(doc.clean, max(0, entity.start - 2), entity.start) \
            and _BYLINE_CITY_AFTER.match(doc.clean, entity.end):
        return None  # 〔記者周某／台中報導〕: the reporter's city, not the figures'
    if entity.label == "GPE":
        if inside_word(doc, entity) or runs_into_word(gaz, doc, entity) \
                or (heads_quoted_name(doc.clean, entity.start, entity.end) and text not in lex.country_names):
            return None  # 推广安装 holds no 广安, 北海道 no 北海市, “四川长虹” no 四川省
        if heads_shop_name(doc.clean, entity.start, entity.end) or names_a_trip(gaz, doc.clean, entity.start, entity.end):
            return None  # 一家广丰副食店: a shop's name, not 广丰区; 天山旅游: the mountains, not 天山区
        if _STREET.match(doc.clean, entity.end) or bank_not_district(lex, doc.clean, entity.start, entity.end):
            return None  # 南京东路警署: a street, not 南京; 长江南岸: a bank, not 南岸区
        if _DESTINATION.search(doc.clean, max(0, entity.start - 12), entity.start):
            return None  # 批准赴澳门定居1880人: where people went, not whose figure it is
        if not_the_figures(doc.clean, entity.start, entity.end):
            return None  # 从柬埔寨押解回国, 向吉家庄乡等地农户销售: not where the figure belongs
        if lex.origin_people_re.match(doc.clean, entity.end):
            return None  # 挟持南非外交官一家5口: where the people come from, not whose figure it is
        if _BORDER.match(doc.clean, entity.end) and doc.clean[entity.start - 1:entity.start] in ("与", "同", "跟"):
            return None  # 寻甸县公安局在与曲靖交界的山区: a neighbour, not the figure's place
        if doc.clean[entity.start - 1:entity.start] == "在" and lex.meeting_re.match(doc.clean, entity.end):
            return None  # 公安部11日在京召开新闻发布会: where the meeting was
        if text in lex.country_names:
            return Place(entity.start, entity.end, NATION)
        name = entity.normalized or gaz.normalize(text, context) or text
        if _PARTNER.search(doc.clean, max(0, entity.start - 16), entity.start) and foreign(gaz, name) \
                and _PARTNER_ORGAN.match(doc.clean, entity.end):
            return None  # 公安部会同缅甸等国执法部门…押解回国3.2万名: 全国, not 缅甸
        if name == "京":
            name = "北京市"
        if gaz.country_of.get(name) == "中国":
            return Place(entity.start, entity.end, NATION)  # 中华人民共和国 -> 全国
        if county and name.endswith(TOWNSHIP_ENDS) and gaz.code_and_level(name) == (None, None) \
                and len(name) <= 6:
            name = county + name
        name = gaz.settle_zone(name)  # 西安高新区 -> 陕西省西安市
        if not known_place(gaz, name):
            return None  # 圣彼得堡, 图格里克: no division or country we can name
        organ = lex.place_organ_re.match(doc.clean, entity.end)  # 湖北警方, 吴中水警
        return Place(entity.start, entity.end, name, "organ" if organ else "sentence")
    if entity.label == "ORG" and entity.source != "rule:shop" \
            and not heads_quoted_name(doc.clean, entity.start, entity.end, whole=True):  # 宜阳老街饭庄, “四川长虹”
        name = org_place(gaz, text, context)
        if name and gaz.country_of.get(name) == "中国":
            name = NATION  # 中国人民银行对1254户企业的监测: a national organ, 全国 (not 中国)
        name = township_of_organ(gaz, text, name, county) or name
        if name:
            return Place(entity.start, entity.end, gaz.settle_zone(name), "organ")
    if entity.label == "LOC" and county and text.endswith(TOWNSHIP_ENDS) and len(text) <= 6 \
            and not text.endswith(_SITE_TOWNS):
        return Place(entity.start, entity.end, county + text)  # 朝阳洲街道 in 西湖区
    return None


def org_place(gaz, org: str, context: set[str]) -> str | None:
    """Return the full name of the most specific place an ORG's name starts with or holds.

    天津市河北区人民法院 -> 天津市河北区; 长航公安局镇江分局 -> 江苏省镇江市; a county's
    short form counts only at the head of the name (胶州公安), where it cannot be a word, and
    never after a county (道里区尚志派出所 -> 道里区).
    """
    best, chain_end, local = None, 0, set(context)
    for hit in gaz.pattern.finditer(org):
        name = hit.group(0)
        if _STREET.match(org, hit.end()):
            continue  # 南京东路派出所: a street
        at_head = hit.start() == chain_end
        if name not in gaz.by_name and name not in gaz.high_short and (
                not at_head or hit.start() > 0 and name in gaz.county_short and _COMPANY.search(org)):
            continue
        if name not in gaz.by_name and at_head and _STATION_NAME.fullmatch(org, hit.end()):
            continue  # 龙门港派出所: the station of a place 龙门港 (a town's port), not of 龙门县
        if name not in gaz.by_name and best and gaz.code_and_level(best)[1] == "county":
            continue  # 哈尔滨市道里区尚志派出所: a name after a county is its station's, not 尚志市
        if at_head:
            chain_end = hit.end()
        local |= gaz.prefixes(name)
        best = gaz.normalize(name, local) or best
        zone = _ZONE.match(org, hit.end())
        if zone and best:  # 苏州市高新区公安分局: the zone is the place, as the entity stage says
            best += zone.group(0)
            chain_end = zone.end()
    branch = _BRANCH.search(org)
    if best and branch:  # 西安市公安局雁塔分局 -> 陕西省西安市雁塔区 (鼓楼 of 徐州, not of 南京)
        short = branch.group(1) or branch.group(2)
        for div in list(gaz.short_of.get(short, ())) + list(gaz.by_name.get(short + "区", ())):
            if div.level == "county" and div.full.startswith(best):
                return div.full
    return best


def most_specific(places: list[Place]) -> list[Place]:
    """Drop the places another of the list lies in: 内蒙古自治区 + 呼伦贝尔市 -> 呼伦贝尔市.

    Sorted names put a name's extensions right after it, so one look at the next name
    decides (n log n, not every place against every other)."""
    names = sorted({p.name for p in places})
    inside = {a for a, b in zip(names, names[1:]) if b.startswith(a)}
    return [p for p in places if p.name not in inside]


def article_places(lex, doc: Document, mentions: list[list[Place]]) -> tuple[dict[int, str], dict[int, str]]:
    """Return the main area of each article, and apart the area of articles that name a place
    only after their lead.

    The main area is the headline's place (title, kicker, subtitle), else the first place of
    the lead (the first body paragraph). A place first named further down (以深水埗一個單位作據點 in
    the third paragraph) is a weaker clue: the caller lets the page's common province go first
    (a Hong Kong paper's second story is about Hong Kong, not about the site of its raid)."""
    header: dict[int, list[Place]] = {}
    signed: dict[int, str] = {}  # the organ on a line of its own (a release's signature)
    lead: dict[int, tuple[int, list[Place]]] = {}
    first_paragraph: dict[int, int] = {}
    for index, sentence in enumerate(doc.sentences):
        if sentence.kind == "body":
            first_paragraph.setdefault(sentence.article, sentence.paragraph)
        found = [Place(p.start, p.end, part, p.source) if p.parts and p.name == NATION else p
                 for p in mentions[index] for part in (p.parts if p.parts and p.name == NATION else (p.name,))]
        # (a list spread over provinces, 香港警方与深圳警方: its places, in order, not 全国)
        if not found:
            continue
        if sentence.kind == "body":  # 其中，夷陵区查处…: a part of the lead's area, not the area
            found = [p for p in found if not PART_PLACE.search(doc.clean, max(0, p.start - 4), p.start)]
        if not found:
            continue
        if sentence.kind in ("title", "kicker", "subtitle"):
            header.setdefault(sentence.article, []).extend(found)
        elif sentence.kind == "body" and signature_organ(doc, sentence, found):
            signed[sentence.article] = found[0].name
        elif sentence.kind == "body":
            first = lead.get(sentence.article)
            if first is None:
                lead[sentence.article] = (sentence.paragraph, list(found))
            elif first[0] == sentence.paragraph:
                first[1].extend(found)
    main, late = {}, {}
    for article in set(header) | set(lead) | set(signed):
        if article in header:
            main[article] = most_specific(header[article])[-1].name
        elif article in signed and lead.get(article, (None,))[0] != first_paragraph.get(article):
            main[article] = signed[article]  # 关于一季度全区…的通报 signed 示例市公安局某某分局
        else:
            paragraph, places = lead[article]
            into = main if paragraph == first_paragraph.get(article) else late
            into[article] = most_specific(places)[0].name
    return main, late


def signature_organ(doc: Document, sentence, found: list[Place]) -> bool:
    """True for a line that is an organ's name and nothing else (a release signed 示例市公安局某某分局
    under its text): the issuer, whose area the release is about when its text names none."""
    text = doc.clean[sentence.start:sentence.end].strip()
    return (len(found) == 1 and found[0].source == "organ"
            and doc.clean[found[0].start:found[0].end] == text)


def read_place(doc: Document, index: int, position: int, mentions: list[list[Place]],
               article_places: dict[int, str]) -> tuple[str | None, str]:
    """Return the place a figure at clean ``position`` of sentence ``index`` is about and where
    it was read (place_source).

    The most specific place named before it in the sentence (the acting organ's place:
    呼伦贝尔市公安局 -> 呼伦贝尔市, organ; 公安部 -> 全国), else the last of the earlier sentences
    of the paragraph, else one named after it in its clause (not a district of the next clause:
    全市破获2300余起，其中涧西区… keeps the city), else the article's main area.
    """
    if national_law(doc, index, position, article_places):
        return NATION, "sentence"  # 依照《刑法》…，最高可判处十年以上有期徒刑: the country's law
    own = mentions[index]
    before = [p for p in own if p.end <= position and not leads_counted_list(doc.clean, p.end, position)
              and not victims_reach(doc.clean, p, position)]
    if before:  # the nearest: 南京海关……江苏全省海关共立案 -> 江苏省
        last = before[-1]
        if last.site:  # 区公安分局在…街道等地开展宣传: the organ's area
            return last.site, last.site_source
        if last.parts and caught_across(doc.clean, before):  # 专案组在川汇区、鹿邑县等地同步收网
            found = inherited(doc, index, mentions, article_places)
            if found[0] not in (None, NATION):
                return found
        if last.parts:
            sentence = doc.sentences[index]
            own_place = each_place(doc.clean[sentence.start:sentence.end], sentence.start, last, position)
            return own_place or last.name, last.source
        return last.name, last.source
    sentence = doc.sentences[index]
    found = inherited(doc, index, mentions, article_places, with_paragraph_only=True)
    if found[0]:
        return found
    text = doc.clean[sentence.start:sentence.end]
    after = [p for p in own if p.start >= position and not NEXT_CLAUSE.search(
        text, position - sentence.start, p.start - sentence.start)]
    after = most_specific(after)
    if after:
        return after[0].name, after[0].source
    return inherited(doc, index, mentions, article_places)


def breakdown_whole(places: list[Place]) -> str | None:
    """Return the common division of a sentence that breaks a figure down by several places of
    one area, none of them an organ's (吉阳区、天涯区分别发生火灾6起、5起，海棠区2起 -> 海南省三亚市): a
    later sentence naming no place is about the whole, not the last part. None otherwise."""
    names = sorted({name for p in places for name in (p.parts or (p.name,))})
    if len(names) < 2 or any(p.source == "organ" or p.site for p in places) \
            or any(b.startswith(a) for a, b in zip(names, names[1:])):
        return None
    common = names[0]
    for name in names[1:]:
        while not name.startswith(common):
            common = common[:-1]
    while common and common[-1] not in "省市区县州盟旗":
        common = common[:-1]
    return common or None


def national_law(doc: Document, index: int, position: int, article_places: dict[int, str]) -> bool:
    """Return True for a penalty a national law provides, quoted in a mainland report: 依照《中华人民共和国
    刑法》有关规定，最高可判处十年以上有期徒刑 -> 全国 (not the county of the case). Not in a Hong Kong,
    Macao or Taiwan report (their own laws: 最高刑罚为…罚款500万港元 stays 香港)."""
    sentence = doc.sentences[index]
    text = doc.clean[sentence.start:position]
    if not statutory(text, len(text)) or not _NATIONAL_LAW.search(text):
        return False
    area = article_places.get(sentence.article) or ""
    return not area.startswith(_OWN_LAWS)


def victims_reach(clean: str, place: Place, position: int) -> bool:
    """Return True for 全国 that only says how far a case's victims or buyers were spread, for a
    figure after that phrase: 非法获利38万余元，全国20多个省份的600余名群众被骗 (600余名 and later figures are
    the acting organ's; 20多个 itself counts provinces of 全国)."""
    if place.name != NATION or not clean.startswith("全国", place.start):
        return False
    reach = _PROVINCES.match(clean, place.end)
    return reach is not None and reach.end() < position and _VICTIMS_AFTER.match(clean, reach.end()) is not None


def caught_across(clean: str, before: list[Place]) -> bool:
    """Return True when the last place before a figure is only a list of the sites where suspects were
    caught, with no organ before it: 专案组在川汇区、鹿邑县等地同步收网，抓获…7人 (the acting organ's
    figure, 项城市公安局's, not the two sites' common city)."""
    last = before[-1]
    return last.source == "sentence" and not any(p.source == "organ" for p in before) \
        and clean[max(0, last.start - 1):last.start] in ("在", "于") and bool(_CAUGHT_AT.match(clean, last.end))


def inherited(doc: Document, index: int, mentions: list[list[Place]], article_places: dict[int, str],
              with_paragraph_only: bool = False) -> tuple[str | None, str]:
    """Return the place a sentence takes from its paragraph (the last earlier sentence naming a
    place; organ when that place is an organ's: 市法院审理…。判处…二年), else from its article's main
    area (none with ``with_paragraph_only``)."""
    sentence = doc.sentences[index]
    earlier: list[Place] = []
    for k in range(index - 1, -1, -1):
        other = doc.sentences[k]
        if other.article != sentence.article or other.paragraph != sentence.paragraph:
            break
        whole = [p for p in mentions[k] if not PART_PLACE.search(doc.clean, max(0, p.start - 4), p.start)]
        if whole:  # 全省…，其中大连市占…46%。全年涉案金额… -> the province, not the part
            earlier = whole
            break
    if earlier:  # 市法院审理…。判处刘某有期徒刑二年: the court's, read from the paragraph (organ)
        last = earlier[-1]
        if last.parts and caught_across(doc.clean, earlier):  # 专案组在甲区、乙省等地收网…。该平台发展…2300余人
            found = inherited(doc, k, mentions, article_places)
            if found[0] not in (None, NATION):
                return found[0], "paragraph"
        whole = breakdown_whole(earlier)
        if whole:  # 吉阳区、天涯区分别发生火灾6起、5起，海棠区2起。除夕夜…起火1起 -> 三亚市
            return whole, "paragraph"
        return last.site or last.name, "organ" if last.source == "organ" and not last.site else "paragraph"
    area = None if with_paragraph_only else article_places.get(sentence.article)
    return (area, "article") if area else (None, "none")


def read_subject(lex, doc: Document, index: int, text: str, offset: int, position: int,
             by_sentence: dict[int, list]) -> str | None:
    """Return the ORG or PERSON that acts before clean ``position`` in the sentence.

    The last one before the verb, except: a reporter of the byline; one after a preposition
    (按照广东省公安厅部署, 对…); the patient of a passive (张某某等人分别被判处); an ORG that
    is part of a person's title (镇江市委常委、政法委书记……许文介); a person who only
    speaks (许文介介绍，今年以来…: null; an organ that speaks is the one that acted).
    """
    best = None
    for entity in by_sentence.get(index, ()):
        if entity.end > offset + position:
            break
        if entity.label not in ("ORG", "PERSON"):
            continue
        start, end = entity.start - offset, entity.end - offset
        name = doc.clean[entity.start:entity.end]
        if entity.label == "PERSON" and entity.normalized in ("reporter", "correspondent"):
            continue
        if name in lex.not_actors:
            continue  # 新华社北京1月5日电: who reports, not who acted
        if entity.label == "ORG" and lex.title_after_re.match(text, end):
            continue  # 镇江市委常委、政法委书记许文介 / 公安部消防局局长: a title
        if lex.preposition_before_re.search(text[max(0, start - 2):start]):
            if entity.label == "ORG" and re.search(r"(?:据|从)$", text[max(0, start - 1):start]) \
                    and lex.source_re.match(text, end):
                best = name  # 据呼伦贝尔市公安局介绍，/ 记者从…获悉，: the organ that reports
            continue
        if not heads_clause(lex, by_sentence.get(index, ()), text, offset, start):
            continue  # 宣判张某某等人……: an object
        if lex.patient_re.match(text, end) and "被" in text[end:position]:
            continue
        if lex.speech_re.match(text, end):
            best = None if entity.label == "PERSON" else name
            continue
        best = name
    return best


def heads_clause(lex, entities: list, text: str, offset: int, start: int) -> bool:
    """Return True when only places, bylines and a short adverb precede ``start`` in its
    clause: 今年以来，内蒙古自治区呼伦贝尔市公安局…; 本报讯 通讯员朱勇 江苏省苏州市…."""
    clause = clause_start(text, start)
    prefix = list(text[clause:start])
    for entity in entities:
        if entity.label not in ("GPE", "PERSON", "DATE"):
            continue
        if entity.label == "PERSON" and entity.normalized not in ("reporter", "correspondent"):
            continue
        for k in range(max(entity.start - offset, clause), min(entity.end - offset, start)):
            prefix[k - clause] = " "
    return bool(lex.subject_lead_re.fullmatch("".join(prefix)))


def carried_subject(lex, doc: Document, index: int, by_sentence: dict[int, list]) -> str | None:
    """Return the subject of the sentence this one continues after a semicolon.

    呼伦贝尔市公安局……共破获案件760起……；打掉洗钱窝点……51个 -> 呼伦贝尔市公安局.
    """
    sentence = doc.sentences[index]
    k = index - 1
    while k >= 0:
        other = doc.sentences[k]
        if (other.article, other.paragraph) != (sentence.article, sentence.paragraph):
            return None
        text = doc.clean[other.start:other.end]
        if not text.rstrip().endswith(("；", ";")):
            return None
        found = read_subject(lex, doc, k, text, other.start, len(text), by_sentence)
        if found:
            return found
        k -= 1
    return None


