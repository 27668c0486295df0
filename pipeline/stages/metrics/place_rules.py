"""More place rules of ``who_where``: organs named by a bare place name the entity stage left
untagged, areas named jointly (深港两地, 北京、上海两地), river banks that share a district's
name (南岸一带) and a district read under the place written right before it (重庆市江北区).

They return names and spans; ``who_where`` makes the ``Place`` of each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...document import Document
from ...places import NATION

@dataclass
class Place:
    """A place named in a sentence (clean document coordinates) and its full name."""

    start: int
    end: int
    name: str  # the gazetteer's full name (江苏省镇江市), 全国, a country, else the text
    source: str = "sentence"  # sentence (a place named) or organ (the organ that acted)
    parts: tuple[str, ...] = ()  # a joint list's places in order (甲区、乙区), its name their smallest division
    site: str | None = None  # the acting organ's area when this place is only where it acted (在…街道)
    site_source: str = "organ"  # where ``site`` was read: the organ, or the article (a case's site abroad)


# 江北一带, 长江南岸, 沿江南岸: the bank of a river, not the district 南岸区 or 江北区
_WATER_BEFORE = re.compile(r"[江河湖溪沿]$")
_BANK_AFTER = re.compile(r"(?:一带|附近|沿岸|岸边|沿线|水域|江边|河边|边)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LEVEL_CHARS = "省市县区州盟旗"  # the last character of a division's name written in full


def bank_not_district(lex, clean: str, start: int, end: int) -> bool:
    """Return True for a bare bank word tagged as a district (``bank_words``: 南岸, 江北, 河东)
    that names a river bank: 长江南岸, 南岸一带 (not 南岸区, 南岸警方)."""
    if clean[start:end] not in lex.bank_words:
        return False
    return bool(_WATER_BEFORE.search(clean, max(0, start - 1), start) or _BANK_AFTER.match(clean, end))


def read_under(gaz, text: str, normalized: str | None, parent: str | None) -> str | None:
    """Return the division ``text`` names under ``parent``, the place written right before it,
    when its own reading lies elsewhere: 重庆市江北区 -> 重庆市江北区, not 浙江省宁波市江北区.
    None when there is nothing to correct."""
    if not parent or not normalized or normalized.startswith(parent):
        return None
    code = gaz.code_and_level(parent)[0]
    if code is None or code == "100000":
        return None
    found = gaz.normalize(text, {code[:2], code[:4]})
    return found if found and found.startswith(parent) and found != parent else None


_STATION = ("派出所", "警署", "法庭", "司法所")


def organ_named_before(text: str, entity, article: int, found: Place | None, organs: dict) -> Place | None:
    """Return the Place of an organ named again by the end of its name, or of the area of a station
    named after it: 道里区尚志派出所 … 尚志派出所, 尚志地区 -> 道里区 (not 尚志市); remember an
    organ named in full (``organs``: article -> name -> place)."""
    organs = organs.setdefault(article, {})  # the organs of the entity's article
    if entity.label == "ORG" and len(text) >= 4 and text[0] not in "省市县区镇乡":  # 县供电局: scope_mentions
        for full, name in organs.items():
            if full != text and full.endswith(text):
                return Place(entity.start, entity.end, name, "organ")
    elif entity.label == "GPE":
        for full, name in organs.items():
            if any(text + word in full[1:] for word in _STATION) and not name.endswith(text):
                return Place(entity.start, entity.end, name, found.source if found else "sentence")
    if found is not None and entity.label == "ORG":
        organs.setdefault(text, found.name)
    return found


def organ_word_places(lex, gaz, clean: str, start: int, end: int, context: set[str],
                      taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Return (start, end, full name) of the places that head a police or court word in
    ``clean[start:end]`` and no entity covers: 吴中水警 -> 江苏省苏州市吴中区, 昆山交警 ->
    江苏省苏州市昆山市 (a short name read in the document's provinces and cities; the name must
    start a word: 苏州吴中水警, not a character cut from one)."""
    out = []
    for hit in lex.place_organ_re.finditer(clean, start, end):
        at = hit.start()
        if any(s <= at - 1 < e for s, e in taken):
            continue
        for size in (4, 3, 2):
            first, name = at - size, clean[at - size:at]
            if first < start or name in gaz.needs_parent or not gaz.divisions(name) \
                    or any(s < at and first < e for s, e in taken):
                continue
            before = clean[first - 1:first]
            if _CJK.match(before) and before not in _LEVEL_CHARS and not any(e == first for _, e in taken):
                continue  # 不通公安: no name starts there
            full = gaz.normalize(name, context)
            code = gaz.code_and_level(full)[0] or "" if full else ""
            if name not in gaz.by_name and name not in gaz.high_short and not {code[:2], code[:4]} & context:
                continue  # 会同公安、检察部门: a county's short form only in its province's or city's news
            if full:
                out.append((at - size, at, full))
                break
    return out


def common_division(gaz, names: tuple[str, ...]) -> str | None:
    """Return the smallest division (county, city, province) all ``names`` lie in:
    (山东省济南市历下区, 山东省济南市槐荫区) -> 山东省济南市; None when they share none."""
    if any(gaz.code_and_level(n)[0] in (None, "100000") for n in names):
        return None
    for level in ("county", "city", "province"):
        found = {gaz.ancestor(n, level) for n in names}
        if len(found) == 1 and None not in found:
            return found.pop()
    return None


def domestic_spread(gaz, parts: tuple[str, ...]) -> str | None:
    """Return 全国 for a list of Chinese divisions in no one province (北京、上海两地; 深圳、香港):
    a figure spread over several provinces is national (the guide, 1.1); None otherwise
    (countries, 全国 itself)."""
    if len(parts) > 1 and all(gaz.code_and_level(p)[0] not in (None, "100000") for p in parts):
        return NATION
    return None


def joint_area_places(lex, gaz, clean: str, start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Return (start, end, member places) of the joint areas (``joint_areas``: 深港, 粤港澳, 京津冀,
    珠三角) named before a word of joint action or their area: 深港两地警方, 粤港澳三地海关,
    珠三角地区 (their smallest common division is the figure's place)."""
    out = []
    for hit in lex.joint_area_re.finditer(clean, start, end):
        members = tuple(gaz.normalize(name, set()) for name in lex.joint_members[hit.group("area")])
        if all(members):
            out.append((hit.start(), hit.start() + len(hit.group("area")), members))
    return out


def untagged_places(lex, gaz, doc: Document, mentions: list[list[Place]], context: set[str]) -> None:
    """Add the places the entity stage left untagged: a place heading a police word (吴中水警 ->
    吴中区, organ), a district or county written in full (；新城区破获… in a 西安 report) and a
    joint area (深港两地警方 -> 全国: 深圳 and 香港 share no province)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for entity in doc.entities:
        spans.setdefault(entity.sentence, []).append((entity.start, entity.end))
    for index, sentence in enumerate(doc.sentences):
        taken = spans.get(index, [])
        for start, end, name in organ_word_places(lex, gaz, doc.clean, sentence.start, sentence.end, context, taken):
            mentions[index].append(Place(start, end, name, "organ"))
        for start, end, name in written_divisions(gaz, doc.clean, sentence.start, sentence.end, context, taken):
            if not any(p.start < end and start < p.end for p in mentions[index]):
                mentions[index].append(Place(start, end, name, "sentence"))
        for start, end, parts in joint_area_places(lex, gaz, doc.clean, sentence.start, sentence.end):
            name = common_division(gaz, parts) or domestic_spread(gaz, parts)
            if name and not any(p.start < end and start < p.end for p in mentions[index]):
                mentions[index].append(Place(start, end, name, "sentence", parts))
        mentions[index].sort(key=lambda p: p.start)


def _county_of_named_province(gaz, name: str, context: set[str]) -> bool | None:
    """For a county-level ``name``: whether its province is one the document names
    (``context``: the province and city codes of its places); None for other names."""
    code, level = gaz.code_and_level(name)
    if not code or level != "county":
        return None
    return any(c[:2] == code[:2] for c in context)


def far_bare_district(gaz, text: str, name: str | None, context: set[str]) -> bool:
    """True for a bare name (no 区 written) that only a district of a province the document
    does not name has: 钟楼 in a 西安 report is the bell tower, not 常州市钟楼区. A district of
    another province is written in full (常州市钟楼区) when it is meant."""
    if not name or not context or text.endswith(tuple(_LEVEL_CHARS)) or not name.endswith("区"):
        return False
    return _county_of_named_province(gaz, name, context) is False


def written_divisions(gaz, clean: str, start: int, end: int, context: set[str],
                      taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, full name) of the districts and counties written in full (新城区, 蓝田县)
    between ``start`` and ``end`` that no entity covers, read in a province the document names
    (several cities have a 新城区: only the one the report's area holds)."""
    out = []
    for hit in gaz.pattern.finditer(clean, start, end):
        name = hit.group(0)
        if len(name) < 3 or not name.endswith(("区", "县")) or any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        full = gaz.normalize(name, context)
        if full and _county_of_named_province(gaz, full, context):
            out.append((hit.start(), hit.end(), full))
    return out


# 甲局会同乙局, 台湾|刑事警察局会同|台中市警察局: an organ (the rest of its name), then a word of joint action
_JOINT_ACTION = re.compile(r"(?P<organ>[\u4e00-\u9fff]{0,10}?(?:局|厅|署|院|队|所|警方|公安|海关|检察|法院))?"
                           r"\s*(?P<verb>会同|联合|协同|携手|与|和|同|及)\s*")
_ORGAN_AFTER = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:局|厅|署|院|队|警方|公安|海关|检察|法院)")


def joint_organ_place(clean: str, left: Place, right: Place) -> str | None:
    """Return the wider place of two organs acting together when one's area holds the other's:
    台湾刑事警察局会同台中市警察局…抓获120人 -> 台湾省 (a joint figure is the wider unit's). After
    会同 the first organ leads and the second helps, so the figure stays the leader's:
    示例县公安局会同示例市海事局…查获 -> 示例县. None for any other pair, and for places that are
    not two organs side by side."""
    gap = _JOINT_ACTION.fullmatch(clean, left.end, right.start)
    if gap is None or not (left.source == "organ" or gap.group("organ")) \
            or not (right.source == "organ" or _ORGAN_AFTER.match(clean, right.end)):
        return None
    if gap.group("verb") == "会同":
        return left.name if left.name != right.name and (right.name.startswith(left.name)
                                                         or left.name.startswith(right.name)) else None
    if right.name != left.name and right.name.startswith(left.name):
        return left.name
    if left.name != right.name and left.name.startswith(right.name):
        return right.name
    return None


def region_organs(lex, gaz, doc: Document, mentions: list[list[Place]], context: set[str]) -> None:
    """Add the region-wide organs and scopes named without their region (``region_wide_organs``)
    in a document that names a place of that region: 刑事警察局与台中市警察局… -> 台湾省 for the
    first organ (then the joint action is Taiwan's); 全台…发生1.1万件 -> 台湾省; 全港 -> 香港."""
    for index, sentence in enumerate(doc.sentences):
        added = False
        for hit in lex.region_organ_re.finditer(doc.clean, sentence.start, sentence.end):
            region = lex.region_of[hit.group(0)]
            code = gaz.code_and_level(region)[0]
            if code is None or not any(c[:2] == code[:2] for c in context) \
                    or any(p.start < hit.end() and hit.start() < p.end for p in mentions[index]):
                continue
            mentions[index].append(Place(hit.start(), hit.end(), region, "organ"))
            added = True
        if added:
            mentions[index].sort(key=lambda p: p.start)


# 北京市, 湖北警方, 长沙公安: what may follow a place inside one pkuseg word
_WORD_GOES_ON = re.compile(r"[省市县区州盟旗镇乡]|警方|公安|法院|检察|海关|边防")


def runs_into_word(gaz, doc: Document, entity) -> bool:
    """Return True when the pkuseg word that starts at a place name goes on past it into a
    longer word that is no division: 日本北海道 (one word 北海道) holds no 北海市, 多伦多 no 多伦县;
    北京市 or 湖北警方 as one word still name their place, and a country is no division (印尼盾)."""
    start, end = entity.start, entity.end
    sentence = doc.sentences[entity.sentence]
    if sentence.doc is None \
            or gaz.normalize(doc.clean[start:end], set()) not in gaz.by_full:
        return False  # a country keeps its currency or short form: 印尼盾 is 印度尼西亚's
    for token in sentence.doc:
        if sentence.start + token.idx == start:
            word = token.text
            rest = word[end - start:]
            return bool(rest) and _CJK.match(rest) is not None and not _WORD_GOES_ON.match(rest) \
                and gaz.normalize(word, set()) is None
    return False


# “四川长虹”, “浙江中汇”: a short quoted name (no punctuation) that starts with a place
_QUOTED_NAME = re.compile(r"[\u4e00-\u9fff\w]{0,6}[”」]")


def heads_quoted_name(clean: str, start: int, end: int, whole: bool = False) -> bool:
    """Return True when a place opens a short quoted name and the name goes on after it: the
    stock, company or product “四川长虹” or “浙江中汇” says nothing of where a figure belongs
    (“四川”, a place alone in quotes, still names 四川省). With ``whole`` (an ORG span) the
    span may be the whole quoted name: “四川长虹” tagged as one firm."""
    if clean[start - 1:start] not in ("“", "「"):
        return False
    hit = _QUOTED_NAME.match(clean, end)
    return hit is not None and (whole or hit.end() - end > 1)


# 北京市海淀区人民检察院等|20个单位, 河北省|邯郸市公安局等|120个集体: names leading a counted list
# (not 武山县人民检察院对被告人王某军等5人: the organ acted on the people of the list)
_LEADS_LIST = re.compile(r"(?:[、和及]?[\u4e00-\u9fff]{0,10}?(?:局|院|厅|所|队|部|委|办|署|处|庭|站|区|县|市|省|州|盟|旗"
                         r"|镇|乡|街道))*等")
_ORGAN_END = "局院厅所队部委办署处庭站"  # the last character of an organ's name


def leads_counted_list(clean: str, end: int, position: int) -> bool:
    """Return True when the place ending at ``end`` only opens a list of organs the figure at
    ``position`` counts: 最高人民检察院授予北京市海淀区人民检察院等20个单位“先进集体”称号 (20个 are units all
    over the country: the awarding body's 全国, not 海淀区)."""
    if clean[position - 2:position - 1] not in _ORGAN_END:
        return False  # 广东、河北、辽宁、湖北等5省: places listed, their spread (全国) is read elsewhere
    return _LEADS_LIST.fullmatch(clean, end, position) is not None  # names of places or organs, then 等


# 该局会同县林业局, 5日會同刑事警察局, 市局会同市市场监管局: 会同 as a verb (after an organ, a
# day or an adverb), then the helping organ, whose name may start with a level word (县, 市)
_JOINT_VERB = re.compile(r"(?:会同|會同)")
_VERB_BEFORE = re.compile(r"(?:[局院厅所队部委办署处站方组日并还又已先再将]|中心|支队|大队)\s*$")
_HELPER_ORGAN = re.compile(r"[县縣市区區省镇鎮乡鄉]?[\u4e00-\u9fff]{0,12}?"
                           r"(?:局|院|厅|所|队|隊|部门|部門|委员会|委|办|辦|中心|署|站|处|處|警方|公安|海关|检察|法院)")


def joint_verb(gaz, clean: str, start: int, end: int, context: set[str]) -> bool:
    """Return True when a place or organ name that starts with 会同 is the verb 会同 (to act with)
    before a helping organ: 该局会同县林业和草原局查获… (not 湖南省会同县), 5日會同刑事警察局攻堅.
    Only after an organ, a day or an adverb, and not in a report of the county's own city
    (怀化市公安局会同分局 stays 会同县's)."""
    if not _JOINT_VERB.match(clean, start) or not _VERB_BEFORE.search(clean, max(0, start - 4), start):
        return False
    if not _HELPER_ORGAN.match(clean, start + 2):
        return False
    own = {d.code[:4] for d in gaz.divisions("会同县")}
    return not own & context


# 一家广丰副食店, 某婺源土菜馆: a shop or firm named after a place (a counter or 某 before it)
_SHOP_COUNTER = re.compile(r"(?:[一这那该每]?[家间間个個座]|某|的)$")
_SHOP_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:店|超市|商行|商店|饭庄|饭馆|餐馆|菜馆|酒楼|酒店|宾馆|旅馆|"
                         r"茶楼|网吧|会所|公司|厂|作坊|批发部|门市部|诊所|药房)")


def heads_shop_name(clean: str, start: int, end: int) -> bool:
    """Return True for a bare place name (no 县 or 区 written) that heads the name of a shop or firm
    after a counter: 在婺源县县城一家广丰副食店后院捣毁… (the shop's name, not 广丰区; the scene is
    婺源县's). A name written in full (一家广丰区的超市) still names its place."""
    if clean[end - 1:end] in _LEVEL_CHARS or not _SHOP_COUNTER.search(clean, max(0, start - 2), start):
        return False
    return _SHOP_AFTER.match(clean, end) is not None


# 天山旅游, 黄山一日游: a mountain, lake or sight a trip is named after, not the district of that name
_TRIP_AFTER = re.compile(r"(?:一日游|二日游|旅游|旅行|游览|观光|风景区|景区)")


def names_a_trip(gaz, clean: str, start: int, end: int) -> bool:
    """Return True for a bare county-level name (no 区 or 县 written) right before a travel word: 以组织
    天山旅游为名骗取… names the mountains, not 乌鲁木齐市天山区. A name written in full (天山区旅游市场) and a
    city or province (广州旅游) still name their place."""
    text = clean[start:end]
    if text[-1:] in _LEVEL_CHARS or not _TRIP_AFTER.match(clean, end):
        return False
    levels = {d.level for d in gaz.divisions(text)}
    return bool(levels) and levels <= {"county"}
