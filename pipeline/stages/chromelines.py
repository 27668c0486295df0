"""Chrome lines known on their own: the patterns that tell, from one line's text, that it is
page chrome and of which kind (``首页 > 法治 > 正文`` → nav, ``分享到`` → widget, ``责任编辑：…`` →
editor, ``（完）`` → end_mark, ``下转第二版`` → jump, ``本版导读`` → page_header, ``网友评论`` →
comment). The chrome stage (``chrome.py``) adds what needs the lines around: page titles,
headline lists, sites, teaser and comment blocks, mastheads.
"""

from __future__ import annotations

import re

from ..lexicon import DATA_DIR, alternation, read_words
from . import epaper

_NAV = re.compile(r"^您?(?:当前|现在|目前)?的?(?:所在)?位置[:：]|^[^。，！？]{0,30}首页[^。，！？]*(?:>|＞|»|→|\|)"
                  r"|^[^。，！？]{2,20}[ \t|｜](?:网站|返回)?首页$"  # 示例市场监管网 首页
                  r"|^[\u4e00-\u9fff]{1,10}(?:网|报|在线|新闻|频道|客户端)首页$"  # 示例网首页, glued
                  r"|^[^。，！？>＞»]{1,20}(?:[ \t]*(?:>>|[>＞»])[ \t]*[^。，！？>＞»]{1,12}){2,}$"  # 示例网 > 法治 > 正文
                  r"|^[^。，！？>＞»\s]{0,10}(?:网|报|新闻|首页|频道|在线|院|局|政府)[ \t]*(?:>>|[>＞»])[ \t]*"
                  r"[^。，！？>＞»\s]{1,8}$"  # 明报 > 港闻, a site's name and one crumb (not 收入 > 支出)
                  r"|^[^。，！？]{1,30}[ \t]*(?:[|｜/]|>>|[>＞»])[ \t]*正文$"  # 示例新闻网 | 法治 | 正文, 法治 > 正文
                  # 示例法治在线 - 首页 - 平安频道: the browser title, site and channels parted by dashes
                  r"|^(?:[^。，！？\s]{1,20}[ \t]*[-_—－][ \t]*)?(?:网站)?首页(?:[ \t]*[-_—－][ \t]*[^。，！？\s]{1,12})+$"
                  r"|^[^。，！？\s]{1,20}[ \t]*[-_—－][ \t]*(?:网站)?首页$"
                  # 示例视窗 | 首页 新闻 法治 民生 登录 注册: a site's menu, words parted by spaces
                  r"|^(?=[^。，！？]*(?:首页|登录|注册))(?:[^。，！？\s]{1,12}[ \t]*[|｜][ \t]*)?"
                  r"[\u4e00-\u9fff]{2,4}(?:[ \t]+[\u4e00-\u9fff]{2,4}){3,}$")
# 首页 / - / 消费: a crumb trail the extractor broke into lines, one crumb or separator a line.
CRUMB_START = re.compile(r"^(?:网站|返回)?首页$|^[-|｜>＞»/·•_—]{1,3}$")
_NAV_BAR = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[ \t]*[|｜][ \t]*){3,}[\u4e00-\u9fff]{2,6}$"
                      r"|^(?:[A-Z][A-Za-z]{1,11}(?:[ \t][A-Z][a-z]{1,11})?[ \t]*[|｜][ \t]*){2,}[A-Z][A-Za-z]{1,11}(?:[ \t][A-Z][a-z]{1,11})?$"  # Home | News | About Us
                      # 示例网 | 新闻 | 法治, 示例网 - 视频 - 法治: a site's name and two channels or more
                      r"|^[\u4e00-\u9fff]{1,8}(?:网|报|台|在线|客户端)(?:[ \t]*[|｜_][ \t]*[\u4e00-\u9fff]{2,6}|[ \t]+[-－—][ \t]+[\u4e00-\u9fff]{2,6}){2,}$")
_WIDGET = re.compile(
    r"分享到|^分享(?:至|给)[:：]?|分享让更多人看到|大字体|小字体|^字号[:：]|扫一扫|打印本页|关闭窗口|【关闭】|【打印】"
    r"|^(?:(?:English|ENGLISH|EN|[简繁簡][体體](?:中文)?|中文版?|简|繁)[ \t|｜/]*){2,}$"  # English 繁體 简体
    r"|^(?:(?:播放|暂停|全屏|退出全屏|静音|重播|倍速|高清|标清|超清)[ \t|｜/]*){2,}$"  # a video player's buttons
    r"|^[大中小]?字号$|^字体$|^打印[ \t]*[|｜][ \t]*关闭|返回顶部|收藏本文|^分享[:：]?$|^【?打印】?$|上一篇|下一篇|^【?字体[:：]|字号[ \t:：]*大[ \t]*中[ \t]*小|点击图片进入"
    r"|^(?:关键词|关键字|标签)[:：]|^【?[ \t]*大[ \t]*中[ \t]*小[ \t]*】?$|^(?:点击|继续)?(?:阅读|查看|展开)全文"
    r"|^(?:点击|浏览|阅读|访问)(?:数|量|次数|人次)?[:：]?[ \t]*\d+[ \t]*次?$"  # 点击：368次
    r"|上一版|下一版|^版面导航$|^PDF版$|^返回目录$"  # e-paper page widgets
    r"|(?i:^(?:打开|下载|安装)[\u4e00-\u9fff]{0,8}(?:APP|客户端)|(?:APP|客户端)内(?:打开|阅读|查看))|阅读体验更佳"  # app banners
    r"|^#[^#\s]{1,12}#?(?:[ \t]+#[^#\s]{1,12}#?)*$"  # #火警 #油麻地: the page's hashtags
    r"|^(?:资料图|资料图片|视频加载中[.…]*|听新闻|语音播报|点击播放|播放视频)$"  # not 1, 2: a feature's section numbers
    # [图片], 【视频】, 点击查看大图: an image's placeholder and its zoom link, left by the extractor
    r"|^[\[【〔(（](?:图片|图|视频|图像|(?i:image|img|photo))[\]】〕)）]$|^(?:点击)?(?:查看|浏览)?(?:大图|原图|高清大图)$"
    r"|^(?:点击|戳)(?:上方|下方)?蓝字|^(?:\+[ \t]*)?关注(?:我们)?$|^≡"  # WeChat's 点击蓝字 关注我们, a mobile page's menu
    # 提示：点击上方“示例公安”免费关注, 长按识别二维码关注我们: a public account's follow prompt
    r"|(?:点击|戳|长按|扫描|识别)[^。，]{0,4}(?:上方|下方|右上角|文末|蓝字|二维码)[^。]{0,24}(?:关注|订阅|星标)|设为星标")
# 作者头像, 点赞 26, 点击播报本文，约: a mobile page's avatar and action bar, a public account's
# bottom bar, a portal's read-aloud button (the lists in data/chrome_widget_*.txt).
_WIDGET_WORDS = re.compile(
    rf"^(?:{alternation(read_words(DATA_DIR / 'chrome_widget_lines.txt'))})[ \t]*(?:\d+(?:\.\d+)?[万千]?)?$"
    rf"|^(?:{alternation(read_words(DATA_DIR / 'chrome_widget_starts.txt'))})"
    r"|^(?:评论|留言)[ \t]+\d+(?:\.\d+)?[万千]?$"  # 评论 12 (评论 alone is a paper's column)
    # 阅读 1.2万, 在看 86 点赞 231: a post's counters, each word with its count (阅读 alone is a column)
    r"|^(?:(?:阅读|浏览|在看|点赞|赞|转发|分享|收藏|评论|留言)(?:量|数)?[ \t:：]*\d+(?:\.\d+)?[万千wW]?\+?[ \t]*){1,6}$")
_EDITOR = re.compile(r"^[(（【\[]?[ \t]*(?:本版责编|本版编辑|本期编辑|本期责编|责任编辑|责编|编辑|校对|审核|监制|主编|值班编辑)[ \t:：]"
                     # （文：交警示例支队）, （供稿：示例县公安局　示例县检察院　示例县司法局）: a digest's credit
                     r"|^[(（][ \t]*(?:文|图|文/图|图/文|供稿|供稿单位|撰稿)[ \t]*[:：](?:[^（）()]{1,20}|[^（）()。，]{21,48})[)）]$"
                     r"|^供稿(?:单位)?[ \t]*[:：][^（）()。，！？]{2,48}$"  # 供稿：示例县检察院　示例县司法局, unbracketed
                     # （来源：新华社、示例市公安局）, (稿源：示例晚报): the sources credited under the text
                     r"|^[(（][ \t]*(?:(?:信息|文章|新闻|稿件)?来源|稿源|出处)[ \t]*[:：][^（）()。]{1,40}[)）]$"
                     r"|^[(（][ \t]*作者单位[:：][^（）()]{2,30}[)）]$")  # （作者单位：示例县人民法院）
_END_MARK = re.compile(r"^(?:[(（][ \t]*完[ \t]*[)）]|完|[-—－]+[ \t]*完[ \t]*[-—－]+)$"
                       r"|^[-—－─━=＝_~～*＊·•]{4,}$")  # a rule line (———) closing an article
_CORRECTION = re.compile(r"^【(?:我要)?纠错】")
_FOOTER = re.compile(r"版权所有|版权声明|Copyright|©|备案号|ICP备|主办单位|未经授权|未经许可|转载请注明|请勿转载|禁止转载|严禁转载|本文来源[:：]|本文转载"
                     # 主办：示例县人民法院, 网站主办：…, 主 办：…: the site's organ, never the article's
                     r"|^(?:网站|本站|本网)?[ \t]*(?:主[ \t]*办|承[ \t]*办|协[ \t]*办)(?:单位)?[ \t]*[:：]"
                     # 示例县人民政府主办　示例县融媒体中心承办: the organ named before its role
                     r"|^(?:[\u4e00-\u9fff]{2,30}[ \t\u3000]*(?:主办|承办|协办)(?:[ \t\u3000]+|$)){1,3}$"
                     r"|技术支持[:：]|网站标识码|网站地图|联系我们"
                     r"|^(?:本文链接|原文链接|原文地址|文章链接|文章地址)[:：]")
_ORIGINAL = re.compile(r"^原标题[:：]")
# （编号：2024-017）, 示公通〔2024〕3号: a release's serial or document number under its title.
_DOC_NUMBER = re.compile(r"^[（(]?[ \t]*(?:通报|警情|公告|通告)?(?:编号|文号)[ \t]*[:：][^（）()。，]{1,24}[）)]?$"
                         r"|^[\u4e00-\u9fff]{1,10}[〔\[［【(（](?:19|20)\d\d[〕\]］】)）]第?\d{1,4}号$"
                         # （2026）示01执恢18号: a court's case number under a notice's title
                         r"|^[（(](?:19|20)\d\d[）)][\u4e00-\u9fff]{1,3}\d{0,4}[\u4e00-\u9fff]{1,4}\d{1,6}号$"
                         r"|^[（(][ \t]*第[ \t]*[0-9一二三四五六七八九十百]{1,4}[ \t]*号[ \t]*[）)]$")  # （第7号）
_TEASER = re.compile(r"^【?(?:新闻推荐|相关阅读|相关新闻|相关文章|相关报道|相关链接|延伸阅读|推荐阅读|热点推荐|热门推荐|编辑推荐"
                     r"|为你推荐|今日推荐|更多新闻|最新新闻|热点新闻|猜你喜欢|精彩推荐|热门文章|热门排行|阅读排行"
                     r"|热门新闻|热门资讯|热门阅读|相关推荐|往期回顾|往期推荐|更多阅读|更多精彩|精彩阅读)】?[:：]?"
                     r"(?:$|[ \t]*[·•・])")  # 【更多新闻】; 相关新闻：· 标题一　· 标题二 (the list on its line)
# 网友评论, 评论（2）, 已有3条评论, 发表评论: a comment block; the short lines under it are comments.
# (评论 alone is a newspaper's column: not read so.)
_COMMENTS = re.compile(r"^(?:网友|热门|最新|全部|精彩|读者)(?:评论|留言)(?:区|列表)?[ \t]*(?:[（(]\d+[）)]|\d+[ \t]*条)?[:：]?$"
                       r"|^(?:评论|留言)(?:区|列表)?[ \t]*(?:[（(]\d+[）)]|\d+[ \t]*条)[:：]?$|^(?:评论|留言)区$"
                       r"|^(?:我要|发表|写|查看(?:全部|更多)?)(?:评论|留言)$|^(?:已有|共有?)[ \t]*\d+[ \t]*(?:条|人)(?:评论|留言|参与)"
                       r"|^(?:暂无|还没有)(?:评论|留言)|快来抢沙发")
_COLUMN = re.compile(r"^【?[\u4e00-\u9fff]{0,4}(?:简讯|短讯|快讯|速递|速览|短波|集锦|动态|关注|播报|扫描|速读|一览|简报)】?$"
                     r"|^【?(?:图片新闻|新闻图片|图片报道|图说新闻|图说|今日图说)】?$"  # a page of photos
                     # 示例法治快讯 · 第41期, 政法简报（第3期）: a newsletter's name and issue number
                     r"|^[\u4e00-\u9fff]{2,12}[ \t]*[·•・]?[ \t]*[（(]?第[ \t]*[0-9０-９一二三四五六七八九十百]{1,4}[ \t]*期[）)]?$"
                     r"|^(?:本周|一周|每周|今日|本月|近期)?[\u4e00-\u9fff]{0,4}要闻(?:回顾|速览|摘编|集萃|汇总)?$")  # 本周政法要闻回顾
_JUMP = re.compile(r"^[(（]?(?:(?:下转|上接|转)第[0-9一二三四五六七八九十]{1,3}版|未完|未完待续|待续)[)）]?$")
_JUNK = re.compile(r"^(?=[^\u4e00-\u9fff]*$)(?=.*[a-zA-Z])(?=.*\d)[a-zA-Z0-9]{8,}$"
                   r"|^<!--.{0,80}-->$"  # <!-- 广告位 -->: an HTML comment the extractor left
                   # <div class="title">, </div>, <p><br/>: tags alone on a line, around a headline
                   r"|^(?:[ \t]*</?[A-Za-z][A-Za-z0-9]{0,9}(?:[ \t][^<>]{0,80})?/?>)+[ \t]*$"
                   # var _hmt = _hmt || [];, (function() {, })();: a script's lines
                   r"|^(?=[^\u4e00-\u9fff]*$)(?:(?:var|let|const)[ \t]+[\w$]+[ \t]*=|function[ \t]*[\w$]*[ \t]*\("
                   r"|\(function|window\.|document\.|[})\]]+[ \t]*[();]*;?$)")
_PAGE_LABEL = re.compile(r"^(?:新闻详情|文章详情|内容详情|正文|详情|阅读全文)$")
_GUIDE = re.compile(r"^(?:(?:本版|今日|本期)?导读|本版要目|本期要目)(?:$|[:：]?[ \t]*[·•・])"  # 本版导读：· 标题一　· 标题二
                    # 全省检察机关公布典型案例　▶第3版: a headline pointing to the page it is on
                    r"|^(?!.*(?:\d[月日/.-]|星期|周[一二三四五六日]))[^。，]{4,40}?(?:[ \t]*[▶►→＞>]+[ \t]*|[ \t]+|[ \t]*[(（]见?)(?:第[0-9一二三四五六七八九十]{1,3}|[A-Z]?\d{1,2})版[)）]?$")


def line_kind(text: str) -> str | None:
    """The chrome kind of one line on its own, or None (``【纠错】`` → correction)."""
    checks = ((_END_MARK, "end_mark"), (_CORRECTION, "correction"), (_EDITOR, "editor"),
              (_ORIGINAL, "original_title"), (_JUMP, "jump"), (_TEASER, "teaser"),
              (_GUIDE, "page_header"), (_JUNK, "junk"), (_COMMENTS, "comment"), (_DOC_NUMBER, "number"))
    for pattern, kind in checks:
        if pattern.search(text):
            return kind
    if epaper.guide_row(text):  # 本版导读：甲地警方破获…案　乙县法院审结…案
        return "page_header"
    if len(text) <= 60 and "。" not in text:
        if _NAV.search(text) or _NAV_BAR.match(text) or _PAGE_LABEL.match(text) or CRUMB_START.match(text):
            return "nav"
        if _WIDGET.search(text) or _WIDGET_WORDS.match(text):
            return "widget"
        if _COLUMN.match(text):
            return "column"
    if len(text) <= 120 and _FOOTER.search(text) and not text.endswith("。"):
        return "footer"
    return None
