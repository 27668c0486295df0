"""Find candidate metric-rich PD1998 paragraphs and draft spec lines for hand review.

Drafts are only a starting point: every line is read against the paragraph and corrected by hand.
Usage: python tests/gold/tools/candidates.py list            -> scored paragraph ids
       python tests/gold/tools/candidates.py draft ID...     -> paragraph + draft spec lines
"""
from __future__ import annotations

import re
import sys

import goldlib

D = "0-9０-９.．,，"
CN = "零〇○一二两三四五六七八九十百千万亿廿点"
UNITS = sorted("""个百分点 百分点 平方公里 平方米 立方米 万元 亿元 美元 日元 港元 马克 法郎 卢布 英镑 韩元 欧元 元 ％ % 成
人次 人 名 位 户 家 个 起 宗 件 项 次 辆 艘 架 台 套 部 座 所 条 只 头 支 处 批 吨 公斤 千克 克 斤 米 公里 千米 厘米
亩 公顷 升 年 个月 月 天 日 小时 周 分钟 倍 种 份 张 篇 本 册 场 期 届 轮 箱 盒 株 棵 间 栋 幢 层 块 枚 把 辆次 架次
万 亿 千瓦 千瓦时 度 桶 包 袋 瓶 对 副 组 队 类 门 路 所 户次 元钱 岁""".split(), key=len, reverse=True)
NUMRE = re.compile(
    rf"(?:至少|超过|大约|接近|不到|不足|近|约|超|逾|百分之)?"
    rf"(?:[{D}]+[{CN}]*|[{CN}]+)(?:余|多)?(?:[万亿])?"
    rf"(?:(?:至|到|—|－|-|~|～)(?:[{D}]+|[{CN}]+)(?:余|多)?(?:[万亿])?)?"
    rf"(?:{'|'.join(map(re.escape, UNITS))})?(?:以上|以下|左右|多)?"
)
KEY = re.compile("案|犯罪|公安|法院|检察|走私|毒品|抓获|破获|查处|判处|罚|增长|下降|亿元|万元|％|比上年|同比|投资|出口|产量|收入|国内生产总值")


def spans(text: str):
    for m in NUMRE.finditer(text):
        s = m.group(0)
        if not re.search(rf"[{D}{CN}]", s) or not re.search(rf"[0-9０-９{CN.replace('点','')}]", s):
            continue
        yield m.start(), m.end(), s


def anchor(text: str, s: int, e: int) -> str:
    for k in range(0, 12):
        for l, r in ((k, 0), (0, k), (k, k)):
            a = text[max(0, s - l):s] + "[" + text[s:e] + "]" + text[e:e + r]
            full = a.replace("[", "").replace("]", "")
            if text.count(full) == 1:
                return a
    raise ValueError


def main() -> None:
    texts = goldlib.pd_texts()
    if sys.argv[1] == "list":
        for pid, t in texts.items():
            n = sum(1 for s, e, x in spans(t) if re.search(r"[0-9０-９]", x) and not re.search("年$|月$|日$", x))
            if n >= int(sys.argv[2]) and len(t) <= int(sys.argv[3]) and KEY.search(t):
                print(pid, n, len(t))
    else:
        for pid in sys.argv[2:]:
            t = texts[pid]
            print(f"## {pid} ({len(t)} chars)\n{t}")
            for s, e, x in spans(t):
                print(f"pd1998:{pid} | {anchor(t, s, e)} | - | - | -")
            print()


if __name__ == "__main__":
    main()
