"""The 将/把 construction: the figure is the object fronted before its verb.

民警成功将3名犯罪嫌疑人抓获归案 -> action 抓获, object 犯罪嫌疑人; 警方已将2.3亿元涉案资金依法冻结
-> 冻结. The verb after the noun decides what was done to the figure, not a verb before 将.
"""

from __future__ import annotations

import re

from .words import Clause

# 将3名, 将涉案的12名; not the future 将 (将被合并的四家银行)
_FRONTED = re.compile(r"(?:将|把)(?:[^被要会可在于是有\W\d][\u4e00-\u9fff]{0,5}的)?$")
_NOUN = re.compile(r"[^了的中是为在给到（(“”]{0,14}")  # a short noun: not 钱放进了我们设在街头
_ADVERBS = re.compile(r"(?:依法|全部|成功|分别|一并|逐一|先后|已|均|全数|顺利|悉数)+$")
_NOT_THE_VERB = frozenset({"涉案"})  # 涉案资金: a modifier inside the noun


def action_of_fronted_object(c: Clause) -> None:
    """The rule of ``attributes.RULES``: after 将/把 + figure, the first governing verb before
    the clause ends is the action and the words between are the object (共将3.2万名犯罪嫌疑人
    押解回国 -> 押解, 犯罪嫌疑人)."""
    text, start, end = c.text, c.start, c.end
    if not _FRONTED.search(text, max(c.clause, start - 9), start):
        return
    stop = re.search(r"[，,。；;！？：:（(]", text[end:])
    limit = end + stop.start() if stop else len(text)
    for verb in c.lex.actions_re.finditer(text, end, limit):
        if verb.group(0) in _NOT_THE_VERB or verb.start() == end or text[verb.end():verb.end() + 1] == "的":
            continue  # 把两个文明建设的课题: a verb before 的 modifies a noun
        noun = _ADVERBS.sub("", text[end:verb.start()]).rstrip("的")
        if not _NOUN.fullmatch(noun):
            return
        c.action, c.action_end = verb.group(0), verb.end()
        if noun:
            c.obj = noun
        return
