"""The metrics stage's lexicon: every word list and the patterns built from them, loaded once.

The lists live in ``pipeline/data``: ``metric_lexicon.json`` (units, actions, change words,
the small lists the rules read), ``metric_verbs.json`` (general verbs from the POS tags of
People's Daily 1998), ``metric_words.json`` (closed word classes the rules used to spell out in
code), ``metric_categories.json`` (the category taxonomy). ``MetricLexicon`` reads them through
``pipeline.lexicon`` and compiles the patterns; the rule modules only read it. It is never changed
while a document is read: ``for_document`` gives the per-document copy that learns verbs.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from ...lexicon import DATA_DIR, alternation, read_json, read_words
from .category import compiled
from .quantities import candidate_patterns

LEXICON_PATH = DATA_DIR / "metric_lexicon.json"
TAXONOMY_PATH = DATA_DIR / "metric_categories.json"
VERBS_PATH = DATA_DIR / "metric_verbs.json"
WORDS_PATH = DATA_DIR / "metric_words.json"


class MetricLexicon:
    """The word sets and compiled patterns of the metrics rules (attributes named as the rules
    read them: ``lex.verbs``, ``lex.actions_re``, ...)."""

    def __init__(self, lexicon_path: str | Path | None = None,
                 taxonomy_path: str | Path | None = None) -> None:
        lex = read_json(Path(lexicon_path or LEXICON_PATH))
        self.categories = read_json(Path(taxonomy_path or TAXONOMY_PATH))["categories"]
        self.category_rules = compiled(self.categories)  # the taxonomy with its lists as patterns
        self._units(lex)
        self._verbs(lex, read_json(VERBS_PATH))
        words = read_json(WORDS_PATH)
        self._closed_classes(words)
        self._objects(lex, words)
        self._changes(lex)
        self._who(words)
        self._where(words)
        self.learnt: frozenset[str] = frozenset()
        self.of_document = False

    def for_document(self) -> "MetricLexicon":
        """Return a copy whose verbs a document may extend (``learn``); self stays as loaded."""
        lexicon = copy.copy(self)
        lexicon.of_document = True
        return lexicon

    def learn(self, words) -> None:
        """Add verbs met in the document being read (撒开, 搬掉: a verb with its complement).

        Only on the copy of ``for_document``: what a document teaches is not carried to the next.
        """
        if not self.of_document:
            raise RuntimeError("the shared lexicon learns nothing: learn on lexicon.for_document()")
        new = {w for w in words if w not in self.verbs}
        if new:
            if not self.learnt:  # the first word this document teaches: its own set from now on
                self.verbs = set(self.verbs)
            self.verbs |= new
            self.learnt = self.learnt | new

    def _units(self, lex: dict) -> None:
        """Units, their kinds and currencies; the candidate patterns of ``quantities``."""
        self.unit_kind: dict[str, tuple[str, str | None]] = {}
        for kind, units in lex["units"].items():
            if isinstance(units, dict):
                for unit, currency in units.items():
                    self.unit_kind[unit] = (kind, currency)
            else:
                for unit in units:
                    self.unit_kind.setdefault(unit, (kind, None))
        money = alternation(u for u, (k, _) in self.unit_kind.items() if k == "money")
        self.decimal_only_units = set(lex["decimal_only_units"])
        self.unit_as_written = lex["unit_as_written"]
        self.arabic_only_units = set(lex["arabic_only_units"])
        self.vague_units = set(lex["small_chinese_vague_units"])
        self.unit_word_re = re.compile(alternation(lex["unit_words"]))
        self.money_units = {u for u, (k, _) in self.unit_kind.items() if k == "money"}
        self.patterns = candidate_patterns(self.unit_kind)
        self.money = money

    def _verbs(self, lex: dict, verb_data: dict) -> None:
        """The verb sets the action rules read."""
        money = self.money
        self.actions_re = re.compile(alternation(lex["actions"]))
        # The verbs the lexicon knows; a document's copy (``for_document``) adds the ones it
        # teaches (``learn``).
        self.verbs = frozenset(verb_data["verbs"]) | set(lex["actions"]) | set(lex["extra_verbs"])
        self.ambiguous_verbs = set(verb_data["ambiguous"]) | set(lex["noun_like_actions"])
        self.modifier_verbs = set(lex["modifier_verbs"])
        self.not_actions = set(lex["not_actions"])
        self.light_verbs = set(lex["light_verbs"])
        self.change_actions = set(lex["change_actions"])
        self.prepositions = set(lex["prepositions"])
        self.transfer_verbs = set(lex["transfer_verbs"])
        self.phrase_prepositions = set(lex["phrase_prepositions"])
        self.counted_units = set(lex["counted_units"])
        self.rate_base_head_re = re.compile(rf"^兑换?1(?:{money})")
        self.rate_base_tail_re = re.compile(rf"(?:为|是)?1(?:{money})(?:合|兑换?)$")
        self.kind_head_re = re.compile(rf"(?:{alternation(lex['kind_heads'])})$")
        self.receive_verbs = set(lex["receive_verbs"])
        self.permission_verbs = set(lex["permission_verbs"])

    def _objects(self, lex: dict, words: dict) -> None:
        """The patterns that cut the noun a figure counts out of its clause."""
        level_words = alternation(lex["change"]["up"] + lex["change"]["down"] + lex["level_verbs"])
        self.level_to_re = re.compile(rf"(?:{level_words})了?(?:到|至|为)(?:接近|约|近)?$")
        self.level_from_re = re.compile(rf"[^；;。]{{0,16}}?(?:{level_words})了?(?:到|至|为)")
        self.predicate_end_re = re.compile(rf"(?:{alternation(lex['predicate_ends'])})")
        self.attribute_noun_re = re.compile(rf"(?:{alternation(lex['attribute_nouns'])})$")
        # (fullmatch) a word that ends the bare noun after a figure, a year or a part of one
        self.noun_stop_re = re.compile(
            rf"{alternation(words['noun_stops'])}|\d{{4}}年|[一二三四]季度|[上下]半年")
        self.organ_end_re = re.compile(rf"(?:{alternation(words['organ_ends'])})$")
        # What makes a verb before it part of the subject (进口产品抽样合格率为10%): a change,
        # a share or a plain copula, or a rate that reaches a level; not 达/共计 after a noun,
        # which the verb governs (资助总金额达750万元).
        self.predicate_re = re.compile(
            r"(?:(?<=[率比重例])(?:达到|达)|"
            + alternation(["占", "占到", "为", "是", "有", "只有", "扩大到", "增加到", "上升到", "下降到"]
                           + lex["change"]["up"] + lex["change"]["down"]) + ")")
        self.adverbial_verbs = set(lex["adverbial_verbs"])
        self.respectively_re = re.compile(
            r"(?P<list>[^，,；;。：:]{1,30}?[、和及与][^，,；;。：:]{1,14}?)(?:就|也|都|均|则)?分别")
        self.subject_copula_re = re.compile(
            r"(?<![率重例])(?:已|就|共|均|即可|也|仍|竟|则|可)*(?:高达|达到|达|为|(?<=的)有)(?:了)?$")
        self.object_lead_re = re.compile(
            r"^(?:结果|而且|并且|但是|但|而|因此|所以|同时|改为|使得|高于|低于|目前|当前|现在|如今|近日|日前|其中|则"
            r"|到今日|到今天|到目前|至今)+"
            r"(?:\d{4}年(?:的)?)?")
        self.object_trail_re = re.compile(  # 现金和, 食盐各, 收入达 (a rate, amount or count reached)
            rf"(?:{alternation(words['object_trail_words'])}|(?<=[率额量数值])达(?:到)?)+$")
        self.share_re = re.compile(r"(?:已|约|将|则|仅|只)?占(?![地有用领据])(?:到|了)?其?")
        self.base_re = re.compile(r"(?:比|较)(?![例重率值较])[^，,]{1,12}的?$")
        self.object_tail_re = re.compile(  # 双边贸易额1991年|只有, 专业市场将|扩大到
            rf"(?:\d{{4}}年|\d{{1,2}}月份?|{alternation(words['object_tail_words'])})$")
        self.heads_clause_re = re.compile(rf"""
            (?:{alternation(words['clause_heads'])}|第[一二三四五六七八九十]批)*(?:有)?  # 其中有, 首批
            | [^，,；;]{{0,12}}?(?:共有|还有|已有|有)                                 # …还有
            | [^，,；;\d]{{1,8}}?(?<!其)中                                            # 居民中60%信奉…
        """, re.VERBOSE)
        self.new_predicate_re = re.compile(r"等(?:与|和|同)|(?:并|后|再|又|还|并且|同时)[一-鿿]{0,2}$")
        self.change_word_re = re.compile(
            rf"(?:同比|环比)?(?:{alternation(lex['change']['up'] + lex['change']['down'])})")
        self.pivot_verbs = set(lex["pivot_verbs"])
        self.noun_after_re = re.compile(alternation(lex["noun_after_verb"]))
        self.noun_after_ambiguous_re = re.compile(alternation(lex["noun_after_ambiguous"]))
        self.after_stop_re = re.compile(rf"(?:{alternation(lex['after_stops'])})")
        self.localizer_re = re.compile(rf"(?:{alternation(lex['localizers'])})$")
        self.noun_compound_re = re.compile(alternation(lex["noun_compounds"]))
        self.blockers_re = re.compile(alternation(lex["blockers"]))
        self.small_cue_re = re.compile(rf"(?:{alternation(lex['small_number_cues'])})了?$")
        self.idioms_re = re.compile(alternation(lex["idioms"]))
        self.mode_after_re = re.compile(rf"^(?:{alternation(lex['mode_after'])})")
        self.not_after = tuple(lex["not_after"])

    def _changes(self, lex: dict) -> None:
        """Change words (up, down), the basis of a change, copulas and fillers."""
        change = lex["change"]
        self.up_re = re.compile(rf"(?:{alternation(change['up'])})")
        self.down_re = re.compile(rf"(?:{alternation(change['down'])})")
        self.direction_re = re.compile(
            rf"(?P<dir>{alternation(change['up'] + change['down'])})"
            rf"(?P<tail>了?(?:约|大约)?|的?幅度(?:为|达|是)?|分别(?:为|是)?|了?(?:到|至|为|达))$")
        long_dirs = [w for w in change["up"] + change["down"] if len(w) >= 2]
        self.direction_object_re = re.compile(
            rf"(?P<dir>{alternation(long_dirs)})了?(?![到至为])[\u4e00-\u9fff]{{1,6}}$")
        self.growth_re = re.compile(r"(?:增长率|增长速度|增速|增幅|递增|年均增长|平均增长|增长幅度)[^，,；;]{0,6}$")
        self.basis = [("yoy", re.compile(alternation(change["yoy"]))),
                      ("mom", re.compile(alternation(change["mom"]))),
                      ("other", re.compile(
                          r"(?<![对无类相好])比(?![例重率值较如赛分])|较(?![大小多少高低好快为强弱长短差])"
                          r"|相比|高于|低于"))]
        filler = alternation(lex["filler_before"])
        self.filler_tail_re = re.compile(rf"(?:{filler})+$")
        self.copula_tail_re = re.compile(rf"(?:{alternation(lex['copula_tail'])})+$")
        self.copula_only_re = re.compile(rf"(?:{alternation(lex['copula_tail'])})+")
        self.copula_one_re = re.compile(rf"(?:{alternation(lex['copula_tail'])})$")
        self.filler_head_re = re.compile(rf"^(?:{filler}|{alternation(lex['object_strip_prefix'])})+")
        self.preposition_tail_re = re.compile(rf"(?:{alternation(lex['prepositions'])})$")
        basis_words = alternation(change["yoy"] + change["mom"])
        self.change_tail_re = re.compile(
            rf"(?:(?:{basis_words})?(?:{alternation(change['up'] + change['down'])})"
            rf"(?:了|为|到|至|达|幅度)?|(?:{basis_words}))$")

    def _who(self, words: dict) -> None:
        """Who acted: speech and source verbs, bylines, titles, prepositions before an ORG."""
        self.speech_re = re.compile(
            rf"[^，,。；;]{{0,4}}?(?:{alternation(words['speech_verbs'])})(?:道)?[，,：:]")
        self.source_re = re.compile(rf"[^，,。；;]{{0,4}}?(?:{alternation(words['source_verbs'])})[，,：:]?")
        self.patient_re = re.compile(r"[^，,。；;]{0,6}?被")
        # What may precede a subject in its clause: 本报讯 记者某某, 近日, 同时 (places and
        # bylines are taken out first).
        self.subject_lead_re = re.compile(
            rf"(?:{alternation(words['subject_leads'])}|[\s　])*[一-鿿]{{0,2}}")
        titles = [w for w in read_words(DATA_DIR / "entity_person_titles.txt") if len(w) >= 2]
        # 公安部消防局局长长孙介绍: an ORG that opens a person's title.
        self.title_after_re = re.compile(rf"[^，,。；;：:]{{0,12}}?(?:{alternation(titles)})")
        self.not_actors = frozenset(read_words(DATA_DIR / "entity_newspapers.txt")) | self.reporting_agencies
        self.preposition_before_re = re.compile(rf"(?:{alternation(words['prepositions_before_actor'])})$")

    def _where(self, words: dict) -> None:
        """Where: national organs (公安部 -> 全国), organs and scopes named without their place
        (全省, 该市, 市公安局 -> the article's province, city), meetings (在京召开)."""
        self.national_re = re.compile(
            rf"(?:{alternation(words['national_organs'])})(?!门)"
            r"|国家[\u4e00-\u9fff]{1,6}?(?:总局|局|委员会|办公室|署)"
            r"|全国[\u4e00-\u9fff]{0,8}?(?:机关|部门|系统|部队|法院|海关|各地|范围|共)"
            # 全国电诈案件发案数, 全国刑事警情: the country's incidents (not 全国首个, 全国文明城市, nor
            # a foreign country's 捷全国犯罪案件: only after a clause break, a date or 今年以来)
            r"|(?:^|(?<=[\s\d，,。；;：:（(年月日来后间期中内]))全国"
            r"(?:(?!首|第|先进|文明|优秀|示范|排名|百强|典型)[\u4e00-\u9fff]){0,6}?"
            r"(?:案件|警情|犯罪|发案|立案|刑事|治安|诈骗|毒品|事故|火灾|命案|嫌疑人)"
            r"|(?<![占居比])(?:全国|我国|中国)(?=[^\u4e00-\u9fff]|[共已累各])")
        heads = alternation(words["local_organ_heads"])
        self.local_scope_re = re.compile(
            rf"(?:[全该本我](?P<scope>[省市县区州])|(?<![\u4e00-\u9fff])(?P<organ>[省市县])(?={heads}))")
        self.meeting_re = re.compile(rf"[^，,。；;]{{0,8}}?(?:{alternation(words['meeting_verbs'])})")
        self.place_organ_re = re.compile(alternation(words["place_organ_words"]))
        self.origin_people_re = re.compile(alternation(words["origin_people"]))  # 南非外交官
        self.region_of = {w: line.split()[0] for line in words["region_wide_organs"] for w in line.split()[1:]}
        self.region_organ_re = re.compile(rf"(?<![省市县区])(?:{alternation(list(self.region_of))})")
        self.joint_members = {line.split()[0]: line.split()[1:] for line in words["joint_areas"]}
        self.joint_area_re = re.compile(rf"(?<![赴往去到])(?P<area>{alternation(list(self.joint_members))})"
                                        rf"(?={alternation(words['joint_area_after'])})")

    def _closed_classes(self, words: dict) -> None:
        """Closed word classes of ``metric_words.json``."""
        for name, listed in words.items():
            if not name.startswith("_"):
                setattr(self, name, frozenset(listed))
