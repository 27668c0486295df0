"""Place rules that read a place against the organ that acted (issue 12, twentieth and twenty-first
blind sets): where suspects were brought back from, an organ that only helps (会同), the places of the
people a case touched, a site outside the acting organ's area and names left untagged inside a list
(a headline figure that restates a body figure takes its place in ``restated.py``).

    汇川分局会同市公安局…，在广东、福建等地抓获46名   ->  汇川区 (the leading organ, not the site)
    伊犁州公安局从柬埔寨押解回国13名                  ->  伊犁州 (where they came from is no place)
    雷山、台江、从江三县分别破获9起、7起、12起          ->  each county (从江 untagged after 、)
"""

from __future__ import annotations

import re

from ...places import NATION, TOWNSHIP_ENDS
from .place_rules import Place

# 从柬埔寨押解回国, 从缅甸、柬埔寨等国押解、劝返, 从缅甸妙瓦底等地被押解回国: where suspects were
# brought back from, not whose figure it is
_FROM_BEFORE = re.compile(r"从(?:[\u4e00-\u9fff]{1,8}[、和及])*$")
_BROUGHT_BACK = re.compile(r"[^，,。；;]{0,10}?(?:押解|遣返|劝返|引渡|押回|带回|接回|回国)")
# 向吉家庄乡等地农户销售: the people a case touched live there
_PEOPLE_THERE = re.compile(r"(?:等地|多地|各地)的?(?:农户|群众|居民|市民|村民|受害人|被害人|消费者|投资人|老人|商户)")
# 甲局会同乙局: the second organ only helps
_HELPER = re.compile(r"(?:会同|协同)\s*$")
# the words of a case: a site rule holds in the report of a case, not in a travel or cultural story
_CASE = re.compile(r"团伙|窝点|犯罪|嫌疑人|诈骗|作案|涉案|案件|抓获|破获|缴获|查获"
                   r"|團夥|窩點|嫌疑|詐騙|詐欺|诈欺|涉案|逮捕|查扣|嫌犯|主嫌|機房|机房")  # (a Taiwan report's words)
# 汇川分局, 刑事警察局, 湖北警方, 全市公安机关, 公安部: an organ of the state that acts (not 雪印株式会社)
_ACTING_ORGAN = re.compile(r"(?:局|厅|院|署|队|所|部|办|委|警方|警|公安|检察|法院|海关|边检|边防|机关)$|^全")
# 芝罘警方, 莱山公安: an organ named by its place and a police or court word after it
_ORGAN_AFTER = re.compile(r"(?:警方|公安|民警|警察|交警|特警|法院|检察院?)")
_LEVEL_ENDS = "区县市旗"
# 再转交缅甸…园区, 偷渡至泰国, 运往老挝: where the accounts, people or goods of a case went
_HANDED_TO = re.compile(r"(?:转交|交给|交由|转给|转卖给|卖给|出售给|送往|送至|送到|运至|运到|转运至|转移至|转至|带往|"
                        r"带到|输送至|输送到|偷渡(?:至|到|去|往|出境至)?|偷越至|偷运至|贩卖至|卖到|卖往|骗至|骗到|骗往|拐卖至|拐卖到|"
                        r"汇往|汇至|藏匿于|逃至|逃到)$")
# 缅甸妙瓦底的诈骗园区, 柬埔寨诈骗窝点, 缅北的电诈园区: the other end of a case abroad (the site it was run from)
_CASE_SITE = re.compile(r"(?:[\u4e00-\u9fff]{1,5}的|[东南西北中]{1,2}部)?(?:诈骗|电诈|网诈|赌博|犯罪|涉诈)?"
                        r"(?:园区|窝点|据点|集团|团伙|赌场)")
# 以柬埔寨西哈努克港为窝点, 以缅北为据点: the den abroad a gang worked from (its victims are at home)
_DEN_BEFORE = re.compile(r"以$")
_DEN_AFTER = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:为|作为|為|作為)(?:窝点|窩點|据点|據點|基地|大本营)")
# 经泰国及越南的空壳公司转移, 通过老挝转账: a country money passed through, a route (not 难民经意大利进入欧洲)
_VIA = re.compile(r"(?:经由|經由|经过|經過|经|經|通过|通過|透过|透過|途经|途經)(?:[\u4e00-\u9fff]{1,6}?[、和及與与])*$")
_VIA_MOVED = re.compile(r"[^，,；;。]{0,16}?(?:转移|轉移|转入|轉入|转出|轉出|转账|轉賬|流转|流轉|清洗|洗白|汇出|匯出|汇入|匯入)")
_FOREIGN_ORGAN = re.compile(r"(?:政府|当局|警方|方面|方)")  # 交给蒙古政府: the country as a party, not a case's end
# 在汕头港、南澳县云澳码头一带, 在万州区高笋塘、沙河街道一带: a phrase of several sites after 在
_SITE_SPREAD = re.compile(r"[^，,；;。在]{0,12}?(?:一带|等地|附近|周边|沿线|沿岸)")
# 南澳县、…; 南澳县云澳码头、…: the place is itself one site of the list
_SITE_THEN_MORE = re.compile(r"(?:[\u4e00-\u9fff]{0,6}?(?:港|码头|口岸|渡口|机场|车站|火车站|海域|水域))?[、和]")
# 棉北街道一烧烤店, 某镇一带: a township named as where an incident happened
_EVENT_SITE = re.compile(r"(?:一(?!带)[\u4e00-\u9fff]|某|一带|附近)")
# 示例公交公司, 示例卷烟厂: a firm, named after the place it is in
_FIRM = re.compile(r"(?:公司|集团|厂|商行|商店|酒店|宾馆|商场|超市|合作社)$")
_AT_SITE = re.compile(r"在(?![的地])[^，,；;。：:在]*$")  # 分局在…街道等地: where the organ acted
# 区公安分局在…街道 (not 所在的村)
_ORGAN_AT = re.compile(r"(?:局|院|所|队|办|委|庭|警方|民警)在(?![的地])[^，,；;。：:在]*$")
# 家住朝天区的王某, 住在城关镇的村民: where a person lives, not where the figure belongs
_HOME_BEFORE = re.compile(r"(?:家住|住在|居住在|居住于|现住|暂住|家在|户籍(?:地|所在地)?(?:在|为|是))$")
# 张某，男，朝天区人，; 王某（湖南籍）: a person's home in the person's description
_HOME_AFTER = re.compile(r"(?:[区县市镇乡村]|自治[区州县])?(?:人|籍)[，,、）)；;]")


def not_the_figures(clean: str, start: int, end: int) -> bool:
    """Return True for a place that only says where suspects were brought back from (从柬埔寨押解回国
    13名), where the people a case touched live (向吉家庄乡等地农户销售) or a person's home
    (家住朝天区的王某): not the figure's place."""
    if _FROM_BEFORE.search(clean, max(0, start - 12), start) and _BROUGHT_BACK.match(clean, end):
        return True
    return bool(_PEOPLE_THERE.match(clean, end)) or persons_home(clean, start, end)


def persons_home(clean: str, start: int, end: int) -> bool:
    """Return True for a place that only says where a person lives or comes from: 家住朝天区的
    王某修车花去2000元 (a person's home, not the figure's place: the story's city is), 张某，男，
    朝天区人，."""
    return bool(_HOME_BEFORE.search(clean, max(0, start - 6), start) or _HOME_AFTER.match(clean, end))


def drop_helpers(clean: str, found: list[Place]) -> list[Place]:
    """Drop an organ named right after 会同/协同: it helps the organ before it, whose figure it is
    (遵义市公安局汇川分局会同市公安局刑侦支队…抓获46名 -> 汇川区, not 遵义市), and a firm's wider place
    after a narrower one (``wider_firm``)."""
    kept = [p for p in found if not (p.source == "organ" and _HELPER.search(clean, max(0, p.start - 3), p.start))]
    return [p for k, p in enumerate(kept) if not wider_firm(clean, p, kept[:k])]


def wider_firm(clean: str, place: Place, before: list[Place]) -> bool:
    """Return True for a firm whose place holds a place named before it in the sentence: the firm
    is where the case was, not a new area (某区检察院…选择本区的示例市公交公司作为突破口，查获…8起 ->
    the district, not the city of the firm's name)."""
    return place.source == "organ" and bool(_FIRM.search(clean, place.start, place.end)) and any(
        p.name != place.name and p.name.startswith(place.name) for p in before)


def activity_sites(gaz, clean: str, start: int, found: list[Place]) -> None:
    """Mark a place named after 在 as only where an organ acted, the figure the organ's: 分局在
    石楼镇、化龙镇等地开展宣传12场 -> the district; 九江市公安局水上派出所在湖口水域巡查 -> 九江市
    (a place inside the organ's own, in its clause); 区公安分局在新安街道… -> the township's county
    (an organ word right before 在). A township's own organ (石楼镇派出所) is no site."""
    for k, place in enumerate(found):
        if place.source != "sentence" or not _AT_SITE.search(clean, start, place.start):
            continue
        organs = [o for o in found[:k] if o.source == "organ"]
        if organs and place.name.startswith(organs[-1].name) and place.name != organs[-1].name \
                and _AT_SITE.search(clean, organs[-1].end, place.start):
            place.site = organs[-1].name
        elif not organs and place.name.endswith(TOWNSHIP_ENDS) and _ORGAN_AT.search(clean, start, place.start):
            place.site = gaz.ancestor(place.name, "county")


def outside_sites(gaz, clean: str, start: int, found: list[Place], area: str | None) -> None:
    """Mark a place named after 在 outside the acting organ's own area as only where it acted: the
    figure is the organ's (汇川分局…在广东、福建等地抓获46名 -> 汇川区); a foreign place after 在 with no
    organ before it in a report whose main area is Chinese is where the case happened, the figure the
    article's (该团伙在柬埔寨设立窝点，诈骗群众230余人 in a 伊犁州 report -> 伊犁州)."""
    if not found or not _CASE.search(clean, start, found[-1].end + 40):
        return  # (滞留在阿富汗的难民得以遣返, 在意大利首都罗马首发: no case, no site rule)
    for k, place in enumerate(found):
        if place.source != "sentence" or place.site or clean[place.start - 1:place.start] != "在":
            continue  # (在黎南部以色列占领区: no site of its own)
        organs = [o for o in found[:k] if o.source == "organ" and not o.site
                  and (_ACTING_ORGAN.search(clean, o.start, o.end) or _ORGAN_AFTER.match(clean, o.end))]
        if organs and "被" in clean[organs[-1].end:place.start]:
            continue  # “四川长虹”…股票，被人分别在太原、天津和内蒙古3地…抛售: not the organ's act
        if organs and not place.name.startswith(organs[-1].name) and (place.name != NATION or place.parts):
            place.site = organs[-1].name
        elif not organs and place.name in gaz.countries and area and gaz.code_and_level(area)[0] \
                and area != NATION:
            place.site, place.site_source = area, "article"


def untagged_in_lists(gaz, clean: str, start: int, end: int, found: list[Place]) -> list[Place]:
    """Add the names the entity stage left untagged next to a place in a list (a short name read in
    the province of its neighbour, one division only): 雷山、台江、从江三县 -> 从江县; 在台中、高雄两地
    -> 台中市. Returns the places in text order."""
    out = sorted(found, key=lambda p: p.start)
    added = "、" in clean[start:end]
    while added:
        added = False
        for place in list(out):
            for at, forward in ((place.end, True), (place.start, False)):
                new = _neighbour(gaz, clean, at, forward, place, start, end)
                if new and not any(p.start < new.end and new.start < p.end for p in out):
                    out.append(new)
                    out.sort(key=lambda p: p.start)
                    added = True
    return out


def _neighbour(gaz, clean: str, at: int, forward: bool, place: Place, start: int, end: int) -> Place | None:
    """The untagged division joined by 、 to ``place`` on one side, in the province ``place`` is in."""
    province = gaz.ancestor(place.parts[0] if place.parts else place.name, "province")
    if province is None:
        return None
    mark = at if forward else at - 1
    if not start <= mark < end or clean[mark] != "、":
        return None
    for size in (4, 3, 2):
        first = mark + 1 if forward else mark - size
        if first < start or first + size > end:
            continue
        text = clean[first:first + size]
        names = [text] if text[-1] in _LEVEL_ENDS else [text] + [text + e for e in _LEVEL_ENDS]
        divs = {d.full for n in names for d in gaz.divisions(n) if d.full.startswith(province)
                and n not in gaz.needs_parent}
        if len(divs) == 1:
            return Place(first, first + size, divs.pop(), place.source)
    return None


def foreign_ends(gaz, clean: str, mentions: list[list[Place]]) -> None:
    """Drop a foreign place that is only the other end of a case reported by a Chinese organ: where
    its accounts, people or goods went (收购帐户，再转交缅甸妙瓦底的诈骗园区使用，至少310名被害人受骗
    in a 台湾 report -> 台湾省, not 缅甸) or the site abroad it was run from (破缅甸诈骗园区…集团 in a
    headline, 以柬埔寨某港为窝点的诈骗集团骗取国内群众…) or a country it passed through (经泰国及越南的空壳公司转移). Only in a document that names a Chinese place too (a report from abroad keeps its
    country: 泰国警方捣毁的诈骗窝点)."""
    if not any(gaz.code_and_level(p.name)[0] not in (None, "100000")
               or (p.name == NATION and not clean.startswith("全国", p.start)) for found in mentions for p in found):
        return  # (全国 alone may be the foreign country's own: 匈牙利…去年全国)
    for index, found in enumerate(mentions):
        mentions[index] = [p for p in found if not (
            p.name in gaz.countries and gaz.country_of.get(p.name) != "中国" and not p.parts
            and (_HANDED_TO.search(clean, max(0, p.start - 6), p.start) or _CASE_SITE.match(clean, p.end)
                 or (_DEN_BEFORE.search(clean, max(0, p.start - 1), p.start) and _DEN_AFTER.match(clean, p.end))
                 or (_VIA.search(clean, max(0, p.start - 16), p.start) and _VIA_MOVED.match(clean, p.end)))
            and not _FOREIGN_ORGAN.match(clean, p.end))]  # (已交给蒙古政府的11个项目: the country's own)


def scattered_sites(gaz, clean: str, start: int, found: list[Place]) -> None:
    """Mark a place named in a phrase of several sites after 在 whose other sites are no division we
    know as one site only: the figure takes the division above it (在汕头港、南澳县云澳码头一带查获13名 ->
    汕头市, not 南澳县; 在万州区高笋塘、沙河街道一带 -> 万州区). Sites named all as divisions are a
    joint list (``joint_places``)."""
    for k, place in enumerate(found):
        at = clean.rfind("在", start, place.start)
        spread = _SITE_SPREAD.match(clean, place.end)
        if place.source != "sentence" or place.site or place.parts or at < 0 or spread is None \
                or any(c in clean[at:place.start] for c in "，,；;。"):
            continue
        gap = clean[max([at + 1] + [p.end for p in found[:k] if p.end > at]):place.start]
        if not (gap.endswith(("、", "和")) and len(gap) >= 3) and not _SITE_THEN_MORE.match(clean, place.end):
            continue  # (在石楼镇、化龙镇等地: a list of divisions, read jointly; 在越秀区北京路、…: the area of the sites)
        above = {"township": "county", "county": "city", "city": "province"}.get(gaz.code_and_level(place.name)[1] or "")
        wider = gaz.ancestor(place.name, above) if above else None
        if wider and wider != place.name:
            place.site, place.site_source = wider, "sentence"


def event_sites(clean: str, found: list[Place]) -> None:
    """Mark a township named, after an organ that holds it, as where an incident happened: the
    figure is the organ's (潮阳区公安分局接报称，棉北街道一烧烤店内发生斗殴。民警…控制涉事人员5名 ->
    潮阳区). A township with no organ before it keeps its figure (民警在光福镇…查获2套 -> 光福镇)."""
    for k, place in enumerate(found):
        if place.source != "sentence" or place.site or not _EVENT_SITE.match(clean, place.end):
            continue
        organs = [o for o in found[:k] if o.source == "organ" and not o.site]
        if organs and place.name.startswith(organs[-1].name) and place.name != organs[-1].name \
                and place.name.endswith(("镇", "乡", "街道")):
            place.site = organs[-1].name
