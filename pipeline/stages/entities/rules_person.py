"""PERSON rules: anonymised people and names after a title.

张某某, 吴先生, 李大妈 (surname + honorific), 主任李志泉 + 介绍 (title + name + a verb of
speech); ``title_before`` reads the chain of titles before a name (镇江市委常委、政法委书记).
Word lists: ``entity_surnames.txt``, ``entity_person_*``, ``entity_not_names.txt``,
``entity_not_person_after_mou.txt``, ``entity_not_given_words.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_list, read_words, trie_pattern
from .candidate import CJK, CLAUSE_BREAKS, SOFT, Candidate

# Words before a surname that do not belong to a name: 向某公司, 和张某.
NOT_NAME_BEFORE = "向于和与从对将把被给为以及同"
# Characters after 张某 that are not a given name but the sentence going on: 王某因, 张某在,
# 陈某借, 李某等 (王某明, 陈某华, 邹某虎 keep their third character).
NOT_GIVEN_NAME = set(
    "因在被将等与和的称于已系涉到驾持向对以伙纠多也家是为说表所及把给让从自由经曾先后又再均都"
    "还则即便就才并却而或遭受其之供交指承认带帮找打用拿拒逃离去来回骑开乘坐请叫要欲想欠借租买"
    "卖偷盗抢骗杀砍刺捅拉推踢殴辱威恐冒假谎窃私非违收送获落入出进上下前后里外内中人们男女父母"
    "子妻夫儿兄弟姐妹哥嫂叔姨舅侄孙爷奶婆公岳老小大某年月日时分岁名个位次元万一二三四五六七八"
    "九十两几每该这那此各有无没不未只仅曾正已作做任当赶抓"
)
# Credit lines of web pages and bylines that end in 报道 (issue 15): 责任编辑：沈某音,
# 校对：刘威, （潇湘晨报记者欧阳一凡报道） → the name only.
CREDIT = re.compile(f"(?:责任编辑|值班编辑|编辑|校对|审核|审校|作者|撰稿|监制)[：:][ 　]*([{CJK}]{{2,4}})"
                    f"(?=[ 　\n（(）)]|$)|记者[ 　]*([{CJK}]{{2,4}}?)[ 　]*报道")
# 于 is a preposition too (于某日), so 于某 is a person only after a word for one
# (犯罪嫌疑人于某光); the surname list (also the model's feature) leaves 于 out.
YU_MOU = re.compile("(?:(?<=嫌疑人|被告人|被害人|受害人|当事人)|(?<=男子|女子|村民|司机|老人|妻子|丈夫))于某")
# A surname outside the list (陇, 禤, 睢) is still a person's after a word for one or a kinship
# word (男子陇某强, 其堂弟陇某, 被告人禤某) (issue 15); not a determiner (该某, 这某).
RARE_MOU = re.compile("(?:(?<=嫌疑人|被告人|被害人|受害人|当事人)|(?<=男子|女子|村民|司机|老人|"
                      "妻子|丈夫|儿子|女儿|堂弟|堂兄|堂妹|堂姐|表弟|表哥|表妹|表姐|侄子|侄女|外甥|"
                      "弟弟|哥哥|姐姐|妹妹|父亲|母亲|同伙))"
                      f"(?![该这那此每各某一其本])[{CJK}]某")
# 于某 is also a person where a preposition cannot stand: at the start of a clause or a list
# (，于某海驾驶渔船…, 、于某某), after a kinship word (其表弟于某) or a verb whose object is a
# person (判处于某海) (issue 15); not before a time or place word (于某日, 于某地:
# entity_not_person_after_mou.txt).
YU_MOU_OPEN = re.compile("(?:^|(?<=[，。、；：！？（(“”\n 　有和与及同])|(?<=儿子|女儿|表弟|表哥|堂弟|堂兄|侄子|外甥|丈夫|妻子|判处|抓获|拘留|逮捕|起诉|传唤))于某")
# Taiwan-style anonymisation (issue 15): 林姓 + 男子, 张姓 + 妇人 → the PERSON is 林姓.
XING_AFTER = ("男子", "女子", "妇人", "妇女", "男童", "女童", "少年", "少女", "老翁", "老妇", "主嫌",
              "嫌犯", "嫌疑人", "司机", "网友", "学生", "员工", "老板", "商人", "被告", "负责人", "男", "女")
# What opens a title chain but is not part of it: 据办案民警 → 办案民警.
TITLE_LEAD = r"^(?:据悉|据|经|由|在|向|对|记者从|从)"


class PersonRules:
    """The PERSON half of ``Rules`` (a mixin)."""

    def _compile_person(self, data_dir: Path) -> None:
        """Compile the anonymised-person and titled-name patterns."""
        surnames = read_words(data_dir / "entity_surnames.txt")
        self.surnames = set(surnames)
        honorifics = read_list(data_dir / "entity_person_honorifics.txt")
        not_after = read_words(data_dir / "entity_not_person_after_mou.txt")
        self.verbs_after_mou = frozenset(read_words(data_dir / "entity_verbs_after_mou.txt"))
        self.not_given_words = tuple(read_words(data_dir / "entity_not_given_words.txt"))
        self.anon_re = re.compile(
            f"(?:{trie_pattern(surnames)})(?:{trie_pattern(r[0] for r in honorifics)})"
            f"(?!{trie_pattern(not_after)})"
        )
        self.yu_not_after_re = re.compile(trie_pattern(not_after + list("日年月天时次")))
        titles = read_words(data_dir / "entity_person_titles.txt")
        self.title_end_re = re.compile(f"(?:{trie_pattern(titles)})$")
        self.title_re = re.compile(trie_pattern(titles))
        followers = read_words(data_dir / "entity_person_followers.txt")
        self.not_names = set(read_words(data_dir / "entity_not_names.txt"))
        self.xing_re = re.compile(f"(?:{trie_pattern(surnames)})姓(?={trie_pattern(XING_AFTER)})")
        self.titled_name_re = re.compile(
            f"(?:{trie_pattern(titles)})"
            f"((?:{trie_pattern(surnames)})[{CJK}]{{1,2}}?)(?={trie_pattern(followers)})"
        )

    def person_candidates(self, text: str, tokens: list[tuple[int, int]] | None = None) -> list[Candidate]:
        """Return anonymised people (张某某, 吴先生) and names after a title (主任李志泉介绍);
        ``tokens`` tell a given name from the verb after 某 (喻某 + 提起)."""
        out = []
        words = {s: e for s, e in tokens} if tokens and "某" in text else {}
        for m in self.anon_re.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if before in self.surnames and before not in NOT_NAME_BEFORE:
                continue  # 鲍林先生: the surname is the end of a longer name
            if self.title_end_re.search(text[max(0, m.start() - 3):m.start() + 1]):
                continue  # 主席先生
            end = m.end() + given_name_after(text, m.start(), m.end(), words.get(m.end()), self.verbs_after_mou,
                                                  self.not_given_words)
            out.append(Candidate(m.start(), end, "PERSON", "anonymised", "rule:anonymised", SOFT))
        for m in CREDIT.finditer(text):
            g = 1 if m.group(1) else 2
            role = "reporter" if g == 2 else None
            out.append(Candidate(m.start(g), m.end(g), "PERSON", role, "rule:credit", SOFT))
        if "于某" in text:
            out += self._yu_mou(text, words)
        for m in RARE_MOU.finditer(text) if "某" in text else ():
            if text[m.start()] not in self.surnames and text[m.start()] != "于":
                end = m.end() + given_name_after(text, m.start(), m.end(), words.get(m.end()),
                                                 self.verbs_after_mou, self.not_given_words)
                out.append(Candidate(m.start(), end, "PERSON", "anonymised", "rule:anonymised", SOFT))
        for m in self.xing_re.finditer(text) if "姓" in text else ():
            if not (m.start() and text[m.start() - 1] in self.surnames):  # 同姓, 百姓 stay words
                out.append(Candidate(m.start(), m.end(), "PERSON", "anonymised", "rule:anonymised", SOFT))
        for m in self.titled_name_re.finditer(text):
            s, e = m.span(1)
            if m.group(1) in self.not_names:
                continue
            out.append(Candidate(s, e, "PERSON", self.title_before(text, s), "rule:titled", SOFT))
        return out

    def _yu_mou(self, text: str, words: dict[int, int]) -> list[Candidate]:
        """Return the people 于某, 于某某, 于某海 (于 is a preposition too: 于某日 is no one)."""
        out = []
        starts = {m.start() for m in YU_MOU.finditer(text)}
        for m in YU_MOU_OPEN.finditer(text):
            if not self.yu_not_after_re.match(text, m.end()):
                starts.add(m.start())
        for s in sorted(starts):
            end = s + 2
            if text.startswith("某", end):
                end += 1  # 于某某
            end += given_name_after(text, s, end, words.get(end), self.verbs_after_mou,
                                        self.not_given_words)
            out.append(Candidate(s, end, "PERSON", "anonymised", "rule:anonymised", SOFT))
        return out

    def title_before(self, text: str, start: int) -> str | None:
        """Return the chain of titles written right before ``start`` (镇江市委常委、政法委书记)."""
        if not self.title_end_re.search(text[max(0, start - 12):start]):
            return None
        begin = start
        while begin > 0 and text[begin - 1] not in CLAUSE_BREAKS and start - begin < 60:
            begin -= 1
        title = text[begin:start].strip()
        title = re.sub(TITLE_LEAD, "", title)  # 据办案民警 → 办案民警
        return title or None


def given_name_after(text: str, start: int, end: int, word_end: int | None = None,
                     verbs: frozenset[str] = frozenset(), not_words: tuple[str, ...] = ()) -> int:
    """Return 1 when the anonymised name ``text[start:end]`` (张某) goes on with a given-name
    character (王某明, 陈某华, 邹某虎), else 0 (王某因…, 张某发现…, 张某某).

    ``word_end`` is the end of the segmenter's word that starts right after 某: when that word
    is one of ``verbs`` (``entity_verbs_after_mou.txt``) it is the sentence's verb, not a name
    (喻某 + 提起, 黄某 + 提出, 赵某 + 销赃); the segmenter alone is no signal (王某 + 明持木棍).
    ``not_words`` (``entity_not_given_words.txt``) go on the sentence: 张某 + 发现."""
    if text[start:end][-1] != "某" or end - start != 2 or end >= len(text):
        return 0
    if word_end is not None and word_end - end >= 2 and text[end:word_end] in verbs:
        return 0
    nxt = text[end]
    if not ("\u4e00" <= nxt <= "\u9fff") or nxt in NOT_GIVEN_NAME:
        return 0
    if text.startswith(not_words, end):
        return 0
    return 1
