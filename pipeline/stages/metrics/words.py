"""The words a metrics rule reads: the clause context and helpers over pkuseg words.

Each figure is read in one ``Clause``: the sentence text, the figure, the figures already read
in the sentence (``previous``, with their fields), the sentence's pkuseg words (``tokens``,
``(start, end, word)`` in sentence coordinates), the lexicon actions found in it (``verbs``),
the place and person names the entity stage found in it, and where the figure's clause starts.
The rules of ``attributes`` read it and set what they decide (``action``, ``obj``, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .quantities import Figure

if TYPE_CHECKING:
    from .lexicon import MetricLexicon

Token = tuple[int, int, str]  # start, end (sentence coordinates), the word

CLAUSE_BREAK = "，,；;：:。！？!?（(）)\n"
QUOTES = "“”‘’\"'「」『』《》〈〉"
NO_QUOTES = str.maketrans("", "", QUOTES)
RATE_NOUN = re.compile(r"速度|幅度|同时|水平|比例|比重|纪录|记录")
TIME_WORD = re.compile(r"今日|今天|昨天|明天|目前|当天|近日|日前|今年|去年|明年|当年|\d{1,2}日")
OBJECT_STOP = re.compile(r"[，,；;。：:（()）!！?？…\d\n\r]")  # an object never runs over a line
# The outlet word of a dateline after a headline figure (挽回损失6千余万元 本报讯（记者…）, 缴获毒品12公斤
# 新华社电): where the story was filed, never what the figure counts
DATELINE_WORD = re.compile(r"\s*[\u4e00-\u9fff]{1,12}讯\s*|\s+[\u4e00-\u9fff]{0,12}(?:讯|电)\s*")


@dataclass
class Clause:
    """One figure in its sentence: what the rules read and what they decide."""

    lex: "MetricLexicon"
    text: str
    cand: Figure
    previous: list[tuple[Figure, dict]]
    verbs: list[re.Match]
    tokens: list[Token]
    places: set[str]
    persons: set[str]
    clause: int = 0  # where the figure's clause starts
    left: int = 0  # the last figure read in the clause bounds the object on the left ...
    verb_left: int = 0  # ... and the verb, unless it names the figure's kind
    starts: frozenset[int] = frozenset()  # where the words start (and len(text)): sentence_starts
    start: int = 0  # the figure's span in the sentence
    end: int = 0
    # decided by the rules
    action: str | None = None
    action_end: int | None = None
    obj: str | None = None
    direction: str | None = None
    basis: str | None = None
    restated: str | None = None  # the object of a sum restated in brackets
    follow_noun: str | None = None  # the noun of a 对-phrase whose act follows the figure
    modifier: re.Match | None = None  # a noun and a count after the figure: 浆厂等6个
    subject_verb: tuple[str, int] | None = None
    relative_noun: str | None = None

    def __post_init__(self) -> None:
        text, start = self.text, self.cand.start
        self.start, self.end = start, self.cand.end
        clause = clause_start(text, start)
        if clause >= 2 and text[clause - 1] in "）)" and clause == start:
            opened = max(text.rfind("（", 0, clause), text.rfind("(", 0, clause))
            if 0 < opened and clause - opened <= 24 and not re.search(r"[\d０-９]", text[opened:clause]):
                clause = clause_start(text, opened)  # 发生火灾（不含森林、草原火灾）14万余起
        left = verb_left = clause
        for other, _ in self.previous:
            if other.end <= start and other.end > left:
                left = other.end
                if not names_kind(self.lex, text[other.end:start]):
                    verb_left = other.end  # 完成了湛江50万吨浆厂等6个: 完成 governs 6个
        self.clause, self.left, self.verb_left = clause, left, verb_left
        if not self.starts:
            self.starts = sentence_starts(text, self.tokens)

    def fields(self) -> dict:
        return dict(action=self.action, object=self.obj, change_direction=self.direction,
                    change_basis=self.basis)


def sentence_starts(text: str, tokens: list[Token]) -> frozenset[int]:
    """Where the words of a sentence start, and its end: what ``Clause.starts`` holds, the same
    for every figure of the sentence."""
    return frozenset(t[0] for t in tokens) | {len(text)}


def clause_start(text: str, position: int) -> int:
    """Return where the clause holding ``position`` starts (after ，；：。 or a bracket)."""
    for i in range(position - 1, -1, -1):
        if text[i] in CLAUSE_BREAK:
            return i + 1
    return 0


def verb_clause_start(text: str, position: int) -> int:
    """Return where the clause whose verb governs ``position`` starts: as ``clause_start``, but a
    bracket of one or two characters inside a word breaks no clause (查处妨害国（边）境管理犯罪案件:
    the clause starts before 查处)."""
    i = position - 1
    while i >= 0:
        if text[i] in CLAUSE_BREAK:
            inner = _IN_WORD_BRACKET.search(text, max(0, i - 4), i + 2)
            if inner is None or inner.end() != i + 2:
                return i + 1
            i = inner.start()
        i -= 1
    return 0


_IN_WORD_BRACKET = re.compile(r"[\u4e00-\u9fff][（(][\u4e00-\u9fff]{1,2}[）)][\u4e00-\u9fff]")


def inside_quotes(text: str, position: int) -> bool:
    """Return True when ``position`` is inside “…”: a name (“带牌销售”), not a verb."""
    opened = text.rfind("“", 0, position)
    return opened != -1 and text.rfind("”", 0, position) < opened


def previous_in(previous, clause: int, start: int) -> bool:
    """Return True when a figure already read lies in text[clause:start]."""
    return any(clause <= other.start and other.end <= start for other, _ in previous)


def learn_verbs(lex, tokens: list[Token]) -> None:
    """Teach the document's lexicon the verbs of a sentence written with their result
    complement and not in the word lists: 撒开, 搬掉 (``lex`` is the copy of ``for_document``)."""
    for _, _, word in tokens:
        if word[-1] in lex.result_complements and word not in lex.verbs and with_complement(lex, word):
            lex.learn([word])


def without_places(text: str, places: set[str] | None) -> str:
    """Return ``text`` without the place names in it (江苏省南京市5家企业 -> 5家企业)."""
    for place in sorted(places or (), key=len, reverse=True):
        text = text.replace(place, "")
    return text


def names_kind(lex, between: str) -> bool:
    """Return True when ``between`` is the bare noun a figure names the kind of, counted by
    the next figure: 50万吨|浆厂等|6个, 500万元|利税企业|4家, 超50亿元|的企业集团|2家."""
    between = re.sub(r"^的", "", between)  # 超50亿元|的企业集团|2家
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,6}?等?", between)
                and not re.search(r"[的和及与、或就把将在对从向为被能会可才也都]", between)
                and not lex.actions_re.search(between))


def with_complement(lex, word: str) -> bool:
    """Return True for a verb written with its complement (撒开, 搬掉, 评选出)."""
    base = word[:-1]
    return (len(word) >= 2 and word[-1] in lex.result_complements and base in lex.verbs
            and base not in lex.not_actions and base not in lex.prepositions
            and not lex.change_word_re.fullmatch(base))


def plain_verb(lex, word: str) -> bool:
    """A general verb that can govern: not a copula, preposition, change or modifier word."""
    if word not in lex.verbs:
        if not with_complement(lex, word):  # 搬掉, 评选出: a verb with its complement
            return False
        word = word[:-1]
    return (word not in lex.not_actions and word not in lex.prepositions
            and word not in lex.modifier_verbs and word not in lex.adverbial_verbs
            and not lex.change_word_re.fullmatch(word))


def is_from_word(position: int, starts: set[int] | None, tokens) -> bool:
    """Return True when 由/从/自 at ``position`` is the preposition (由原来的, 自年至), not the
    start of a word (从业人员, 自主)."""
    if starts is None or tokens is None:
        return True
    word = next((t[2] for t in tokens if t[0] == position), None)
    return word is not None and (len(word) == 1 or bool(re.fullmatch(r"[自从由][年月今去本上]", word)))


