"""What was done and what is counted: action and object (fast cases and, slow, the rules
that need the whole pipeline)."""

from __future__ import annotations

import pytest

from .helpers import figures


@pytest.mark.parametrize("sentence, span, action, obj", [
    ("共破获案件760起。", "760起", "破获", "案件"),
    ("查扣涉案资产13亿元。", "13亿元", "查扣", "涉案资产"),
    ("打掉涉黑涉恶组织35个。", "35个", "打掉", "涉黑涉恶组织"),
    ("查处“保护伞”270人。", "270人", "查处", "保护伞"),
    ("帮助群众解决困难11件。", "11件", "解决", "困难"),
    ("依法拆除违章建筑和20多个违章建筑门面。", "20多个", "拆除", "违章建筑门面"),
    ("肇庆市公安局共受理信件234件，回复率100%。", "100%", None, "回复率"),
    ("涉案金额50万元以上电诈案件实现100%破获。", "100%", "破获", "电诈案件"),
    ("打掉洗钱窝点、跑分平台51个，GOIP窝点两个。", "两个", "打掉", "GOIP窝点"),
    # The verb of the last predicate: 发动 governs the people, 组建 the teams.
    ("发动村干部、网格员等与民警、辅警组建5支护农队。", "5支", "组建", "护农队"),
    # Coordinated verbs stay together; a verb-like modifier (涉案) is not a second verb.
    ("查扣、冻结涉案资产13亿元。", "13亿元", "查扣、冻结", "涉案资产"),
    ("破获诈骗案件30起。", "30起", "破获", "诈骗案件"),
    # 对…进行/实施 X: the act is the noun after the light verb, what is counted before it.
    ("对6个大中型企业实施了兼并。", "6个", "兼并", "大中型企业"),
    ("对448名严重违法违纪人员进行立案调查。", "448名", "立案调查", "严重违法违纪人员"),
    ("对6起典型案例进行公开通报。", "6起", "通报", "典型案例"),
    # A verb inside the 对-phrase is not the act: 查处 describes the cases, 复查 is done to them.
    ("对查处的30起案件进行复查。", "30起", "复查", "案件"),
    # Per-unit words, 之一 and the aspect of 占了 are not part of what is counted.
    ("到2015年，全球的石油需求量将达日均1.062亿桶。", "1.062亿桶", None, "全球的石油需求量"),
    ("广东美雅集团是国家重点扶持的300家企业之一。", "300家", "扶持", "企业"),
    ("占了全省财税收入的近30%。", "近30%", None, "占全省财税收入"),
    # Where the counted went is not what is counted.
    ("经查，该局移送司法机关13人。", "13人", "移送", None),
    # A conjunction or adverb after the noun ends it; a share names what it is of, or the
    # thing before 占 when nothing follows it; a compared figure measures the same thing.
    ("小麦、玉米各3吨。", "3吨", None, "小麦、玉米"),
    ("外资约占其资金总需求的1/4。", "1/4", None, "占资金总需求"),
    ("新办法中县里占60%，乡里占40%。", "40%", None, "乡里"),
    ("批发市场120个、占55%。", "55%", None, "批发市场"),
    ("全县旅游收入达9亿元，比前年的7亿元增加了2亿元。", "7亿元", None, "旅游收入"),
    ("全县旅游收入达9亿元，比前年的7亿元增加了2亿元。", "2亿元", None, "旅游收入"),
])
def test_action_and_object(extractor, sentence, span, action, obj):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert (figure["action"], figure["object"]) == (action, obj)


@pytest.mark.parametrize("sentence, span, action", [
    # A verb before a predicate of the figure (a share, a change) belongs to the subject ...
    ("彩电销售已占到彩电销量的1/3。", "1/3", None),
    ("VCD的销售比上年同期增长了8倍。", "8倍", None),
    # ... but not one inside a name in quotation marks.
    ("推出“我为群众办实事”便民利民措施68项。", "68项", "推出"),
    # A figure that names the kind of what the next figure counts has no verb; the next has.
    ("全县已建成千万元利税企业4家、500万元利税企业4家。", "500万元", None),
    ("完成了湛江50万吨浆厂等6个大中型项目。", "50万吨", None),
    ("完成了湛江50万吨浆厂等6个大中型项目。", "6个", "完成"),
])
def test_verbs_inside_the_subject_are_not_actions(extractor, sentence, span, action):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["action"] == action


@pytest.mark.parametrize("sentence, span, obj", [
    # A window counts nothing: no object from the words around it ...
    ("短短8年，公司发展迅速。", "8年", None),
    ("10年来业务发展很快。", "10年", None),
    # ... unless it is the length of a named thing.
    ("在这次为期13天的访问中，双方签署协议。", "13天", "访问"),
])
def test_objects_of_durations(extractor, sentence, span, obj):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["object"] == obj


def test_change_figure_names_the_noun_like_action_of_its_level(extractor):
    got = figures(extractor, "其中出口900亿美元，增长20%；进口800亿美元，增长3%。")
    assert [(f["action"], f["object"]) for f in got] == [
        ("出口", None), (None, "出口"), ("进口", None), (None, "进口")]


def test_change_figure_takes_the_object_of_its_level(extractor):
    got = figures(extractor, "来华旅游人数达５２３６万人次，国际旅游收入达１１０．８亿美元，"
                             "分别较上年同期增长１２．３％和１８．７％。")
    assert [f["object"] for f in got] == ["来华旅游人数", "国际旅游收入", "来华旅游人数", "国际旅游收入"]


@pytest.mark.parametrize("sentence, span, obj, period", [
    # The period a figure is stated for is no part of what it counts, however the months are
    # written (1—11月, 1月—11月, 1-5月).
    ("去年1—11月全国轻工系统产销率为95%。", "95%", "轻工系统产销率", "去年1—11月"),
    ("今年1—5月工业产值增长12%。", "12%", "工业产值", "今年1—5月"),
    ("全省2021年一季度的刑事案件发案数为120起。", "120起", "刑事案件发案数", "2021年一季度"),
])
def test_period_is_no_part_of_the_object(extractor, sentence, span, obj, period):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert (figure["object"], figure["period"]) == (obj, period)


@pytest.mark.slow
@pytest.mark.parametrize("text, span, action, obj", [
    # Rules that need pkuseg words: a one-character verb with its noun after the figure ...
    ("该市买了30台车，节约资金12%。", "30台", "买", "车"),
    # ... the noun after the figure ends before the next verb; 督导组 is a noun ...
    ("市局拨出200万元经费，派出5个督导组奔赴各县。", "5个", "派出", "督导组"),
    # ... a verb keeps its complement; a noun-like action after a verb is the object ...
    ("银行每年送来3万多个无主账户。", "3万多个", "送来", "无主账户"),
    ("节省投资500万元，工期缩短。", "500万元", "节省", "投资"),
    # ... a change verb with an agent is an action; a copula makes the verb before it a noun.
    ("县政府将明年的预算削减15%。", "15%", "削减", "县政府将明年的预算"),
    ("国产产品抽样合格率为85%。", "85%", None, "国产产品抽样合格率"),
    # A total word does not make the verb before it a noun; a person is not what is counted.
    ("王某某侵吞公款总计73万余元。", "73万余元", "侵吞", "公款"),
    ("法院以贪污罪判处王某某有期徒刑10年。", "10年", "判处", "有期徒刑"),
    # A subject that names an act before the copula of its figure: the act is the verb.
    ("去年没收的赃款额为300万元。", "300万元", "没收", "赃款额"),
    ("全县粮食入库达9亿公斤。", "9亿公斤", "入库", "粮食"),
    ("机场建设的投资达100亿元。", "100亿元", None, "机场建设的投资"),
    ("被遗忘的存款总额高达2亿元。", "2亿元", None, "被遗忘的存款总额"),
    # 分别: the k-th figure measures the k-th thing of the list, a head after 的 shared.
    ("过往的旅客、货物和车辆分别占全省的70%、30%和20%。", "30%", None, "货物"),
    ("全镇牛、羊的饲养量分别达到2万头和5万只。", "5万只", None, "羊饲养量"),
    # 分别 after who acted (districts, months) and a verb with its noun: the noun is counted.
    ("甲县、乙区分别破获盗窃案件12起、9起。", "9起", "破获", "盗窃案件"),
    ("10月、11月分别抓获犯罪嫌疑人12名、15名。", "12名", "抓获", "犯罪嫌疑人"),
    # 为期 is no act; a noun-like verb before the real one names the subject; a verb inside a
    # relative clause is not the act; a pivot hands over to the verb of its object.
    ("政府承诺立即实施为期3年的改革计划。", "3年", "实施", "改革计划"),
    ("全县住房建设共完成投资4亿元。", "4亿元", "完成", "投资"),
    ("用于购买设备的资金投入500万元。", "500万元", "投入", "用于购买设备的资金"),
    ("省军区组织各级干部走遍全省80个县。", "80个", "走遍", "县"),
    ("动用检测机构近百个。", "近百个", "动用", "检测机构"),
    # A relative clause after the measure word ends in what is counted.
    ("直接处理了50多件有影响的案件，赢得了群众。", "50多件", "处理", "案件"),
    ("该所添置了20台安装最新处理器的电脑。", "20台", "添置", "电脑"),
    # Linking and comparison verbs are no acts (1美元合8.09元, 高于…约7%, 位于…20公里) and
    # no part of the object.
    ("外贸增长12%，高于全球贸易约7%。", "约7%", None, "全球贸易"),
    # A total word or a per-unit phrase before the copula is no part of what is measured.
    ("该市国内生产总值累计完成835亿元。", "835亿元", "完成", "该市国内生产总值"),
    ("全省人口密度为每平方公里600人。", "600人", None, "人口密度"),
    # A long object is not cut after a verb that is part of its last word.
    ("我院共受理个体私营企业工伤事故损害赔偿案7件。", "7件", "受理", "个体私营企业工伤事故损害赔偿案"),
    # A figure that opens its clause takes the verb after it, also one that is a noun
    # elsewhere when it ends the clause; 居民中60% opens its clause too.
    ("共有近500名平民死亡。", "近500名", "死亡", "平民"),
    ("居民中60%信奉原始宗教。", "60%", "信奉", "居民"),
    # A conjunction or an adverb after the noun ends it.
    ("他带着20万元现金和5万元支票出门。", "20万元", "带", "现金"),
    ("合同金额与50亿元的预定目标稍有差距。", "50亿元", None, "预定目标"),
    # A relative clause that ends right before the figure (or its noun) names the act;
    # adjacent verbs stay together, a verb with its complement is a verb.
    ("省工商局认定的15个著名商标中，食品企业占了6个。", "15个", "认定", "著名商标"),
    ("该厂自主研制开发的近20个新产品已投放市场。", "近20个", "研制开发", "新产品"),
    ("全市已有登记注册的私营企业3万多家。", "3万多家", "登记注册", "私营企业"),
    ("利用被拆除的8座违章建筑建起了停车场。", "8座", "拆除", "违章建筑"),
    # Hard negatives: a 以…为 frame, a duration, an evaluative 创纪录 and a later figure
    # counted with 有 are no relative acts.
    ("以社区为依托的30多个警务室已经运转。", "30多个", None, "警务室"),
    ("这类项目的建设周期一般只有2年。", "2年", None, "建设周期"),
    ("销售额比去年创纪录的500亿元略有下降。", "500亿元", None, "销售额"),
    ("省工商局认定的15个著名商标中，食品企业占了6个。", "6个", None, "食品企业"),
    # A figure inside a prepositional phrase is governed by the verb after the phrase and
    # counts the noun after its measure word, not the words before the preposition.
    ("该公司在12个省、30个地市设立了销售网点。", "12个", "设立", "省"),
    ("该公司在12个省、30个地市设立了销售网点。", "30个", "设立", "地市"),
    ("民政部门为全区3000户困难家庭建立了档案。", "3000户", "建立", "困难家庭"),
    ("研究所同20所高校建立了联系。", "20所", "建立", "高校"),
    # Hard negatives: a figure that counts a possessor (的 before the verb), things already
    # counted (在这20个…中), a level reached (由25%降到20%).
    ("代表团与5个国家的有关部门签订了协议。", "5个", None, "国家"),
    ("今年将在这20个乡镇中建立服务站。", "20个", None, "乡镇"),
    ("比例由25%降到20%。", "25%", None, "比例"),
    # A count that opens its clause takes the verb after it (死于, 获奖: extra_verbs), a run
    # after 连续 the verb that tells it; a change figure of a later clause inherits no act.
    ("全省去年有800人死于火灾，但比上年减少了30人。", "800人", "死于", None),
    ("全省去年有800人死于火灾，但比上年减少了30人。", "30人", None, None),
    ("该校有5名教师在全国比赛中获奖。", "5名", "获奖", "教师"),
    ("全县粮食连续6年丰收。", "6年", "丰收", "粮食"),
    ("该集团去年亏损2亿元。", "2亿元", "亏损", None),
    # A level started from (由/从 …) measures what the sentence spoke of last: the noun
    # before the clause, or the previous figure's object; the level reached shares it.
    ("该市出口在全省出口中所占的比重，由1995年的23%上升到去年的39%。", "23%", None, "比重"),
    ("该市出口在全省出口中所占的比重，由1995年的23%上升到去年的39%。", "39%", None, "比重"),
    ("访问人数由去年创立时的每月1400人次，上升至今年10月的12000人次。", "1400人次", None, "访问人数"),
    ("访问人数由去年创立时的每月1400人次，上升至今年10月的12000人次。", "12000人次", None, "访问人数"),
    ("原油价格下降了约4%，从每桶19美元降为每桶18美元。", "19美元", None, "原油价格"),
    # A measure word of people or bodies counts the bare noun before a 的 (the head after
    # it is whose or what of them); not money, not 只, not an adjective or a predicate.
    ("该县有5家企业的产品被评为名牌。", "5家", None, "企业"),
    ("拥有3万职工的钢铁公司实现扭亏。", "3万", "拥有", "职工"),
    ("他养殖了200多只珍贵的银狐。", "200多只", "养殖", "银狐"),
    ("政府宣布关闭16家经营不善的商业银行。", "16家", "关闭", "商业银行"),
    # A place before the figure is not what it counts.
    ("江苏省南京市5家企业组建了集团。", "5家", "组建", "企业"),
    # Coordinated acts stay together: parallel verbs after 、 (停建、缓建), two verbs that are
    # also nouns side by side (生产销售, 审查审批); a verb before a noun compound does not join.
    ("全省共停建、缓建楼堂馆所项目52个。", "52个", "停建、缓建", "楼堂馆所项目"),
    ("该厂全年生产销售轿车3万辆。", "3万辆", "生产销售", "轿车"),
    ("该局审查审批建设项目40项。", "40项", "审查审批", "建设项目"),
    ("该企业实现销售收入2亿元。", "2亿元", "实现", "销售收入"),
    ("全省动用检测机构近百个。", "近百个", "动用", "检测机构"),
    # More things listed after a figure (、, 和, or a comma and a bare noun when the figure
    # ends its clause) share its verb; a measure of what was counted does not (attribute_nouns).
    ("武警部队捐献棉被2000件（套），帐篷30顶，罐头和饼干5吨。", "30顶", "捐献", "帐篷"),
    ("武警部队捐献棉被2000件（套），帐篷30顶，罐头和饼干5吨。", "5吨", "捐献", "罐头和饼干"),
    ("新发现矿点12处，油井8口。", "8口", "发现", "油井"),
    ("他们建成1个主干网和8个局域网。", "8个", "建成", "局域网"),
    ("去年共查获走私案件500起，案值人民币3亿元。", "3亿元", None, "案值"),
    ("全市共查处违法案件316件，涉案人员182人。", "182人", None, "涉案人员"),
    # Words that end a predicate (便省了, 即可) end no noun phrase; …的有N人 names the act and
    # its noun; a verb outside a relative clause governs (获得省里颁发的6张), and a relative
    # clause alone names nothing.
    ("去年第一次搞招标，便省了6.2%。", "6.2%", None, None),
    ("这家公司去年减亏即可达2亿元。", "2亿元", None, None),
    ("全县受到党纪政纪处分的有120人。", "120人", "受到", "党纪政纪处分"),
    ("他们接连获得省里颁发的6张许可证。", "6张", "获得", "许可证"),
    ("该所接连获得省里颁发的5张生产许可证。", "5张", "获得", "生产许可证"),
    # Levels reached (扩大到, 发展到, 调高至; lexicon level_verbs and change words) and the
    # level started from take no act; an adverb before the level verb is no object.
    ("今年重点整治的市场将扩大到30个。", "30个", None, "重点整治的市场"),
    ("印花税税率从3‰调高至5‰。", "3‰", None, "印花税税率"),
    ("印花税税率从3‰调高至5‰。", "5‰", None, "印花税税率"),
    ("全县的蔬菜生产迅速发展到7万余亩。", "7万余亩", None, "蔬菜生产"),
    ("该县去年扩大蔬菜种植面积3万亩。", "3万亩", "扩大", "蔬菜种植面积"),
    # A figure that names the kind of what the next one counts (…超50亿元的企业集团2家) hands
    # its verb to that figure.
    ("到2000年形成销售收入超50亿元的企业集团2家。", "超50亿元", None, "销售收入"),
    ("到2000年形成销售收入超50亿元的企业集团2家。", "2家", "形成", "企业集团"),
    # 被 ends a noun only as a word (被子 is a noun); a batch that opens its clause takes the
    # verb after it; a short note in brackets stays with its noun; X就有N个 after a figure of
    # the same unit counts some of the same things.
    ("当天，第一批3000床被子发运到灾区。", "3000床", "发运", "被子"),
    ("全市8个县（市），产粮大县（市）就有5个。", "8个", None, "县（市）"),
    ("全市8个县（市），产粮大县（市）就有5个。", "5个", None, "产粮大县（市）"),
    ("全国12个产粮大县，河南省就有4个。", "4个", None, "产粮大县"),
    # 分别 after single-character items shares the head of the last (金、银矿产储量任务);
    # 由/从/自 and 与 cut an object only as words (从业人员, 占与美双边贸易总额 stay whole).
    ("金、银矿产储量任务分别完成全年计划的100%和241%。", "100%", "完成", "金矿产储量任务"),
    ("金、银矿产储量任务分别完成全年计划的100%和241%。", "241%", "完成", "银矿产储量任务"),
    ("本乡从业人员为5000万人，占从业人员总数的87%。", "5000万人", None, "本乡从业人员"),
    ("本乡从业人员为5000万人，占从业人员总数的87%。", "87%", None, "占从业人员总数"),
    ("经香港的转口贸易为186亿美元，占与美双边贸易总额的38%。", "38%", None, "占与美双边贸易总额"),
    ("张某某等人分别被判处有期徒刑自年至七年六个月不等。", "七年六个月", "判处", "有期徒刑"),
    # 比 compares only as a word (哥伦比亚, 评比 are no comparisons); a noun-like act that ends
    # the phrase after the measure word is its head (专项检查); a time word ends the noun.
    ("哥伦比亚波哥大股市下跌0.16%。", "0.16%", None, "哥伦比亚波哥大股市"),
    ("全省取消各类检查、评比、达标活动417次。", "417次", "取消", "检查、评比、达标活动"),
    ("共组织了1854次专项检查，查处案件11件。", "1854次", "组织", "专项检查"),
    ("首批已有5.3吨黄金今日经机场空运出口。", "5.3吨", None, "黄金"),
    # Leading fillers (新, 共, 全市 …) leave an object only as whole words.
    ("新加坡的海峡时报指数比前一天下跌3%。", "3%", None, "新加坡的海峡时报指数"),
    ("共青团员达到3000人。", "3000人", None, "共青团员"),
    # A relative clause before the noun and a copula (在, 就达, 高达) names the act and the
    # noun what is measured; not a passive one (被遗忘的存款总额高达…).
    ("去年轻工业开发的新产品在1100种以上。", "1100种以上", "开发", "新产品"),
    ("而通过拍卖等形式治理的面积就达4.45万平方公里。", "4.45万平方公里", "治理", "面积"),
    ("目前被遗忘的存款总额高达1.5亿元。", "1.5亿元", None, "被遗忘的存款总额"),
    # A count of people before 受到/得到 (receive_verbs) counts them by what they received, not
    # before another verb (死于火灾: no object); a change word before 从 is the noun measured.
    ("查处典型案件11件，62人受到党政纪处分。", "62人", "受到", "党政纪处分"),
    ("1997年的出口增长从1996年的9.3%上升到15.2%。", "9.3%", None, "出口增长"),
    ("1997年的出口增长从1996年的9.3%上升到15.2%。", "15.2%", None, "出口增长"),
    # A share followed by 的 and the subject of a predicate is a share of that subject; not a
    # rate (以36%的幅度发展) and not a noun that ends the sentence (纯度99.99%的金块).
    ("驻军部队80%以上的连队先后成为先进单位。", "80%以上", None, "连队"),
    ("那个增长13%的指标是可望而不可及的。", "13%", None, "指标"),
    ("广东外贸出口以年均增长36%的幅度迅猛发展。", "36%", None, "广东外贸出口"),
    ("纯度99.99%的金块。", "99.99%", None, "纯度"),
    # A permission (批准, 核准: permission_verbs) governs the act it permits; a lexicon act
    # written as one (批准逮捕) stays whole.
    ("出入境管理部门批准内地居民赴香港定居近5万人。", "近5万人", "批准", "内地居民赴香港定居"),
    ("今年共批准边境游6万人次。", "6万人次", "批准", "边境游"),
    ("其中批准赴国外旅游为38.8万人次，比上年增加2%。", "38.8万人次", "批准", "赴国外旅游"),
    ("其中批准赴国外旅游为38.8万人次，比上年增加2%。", "2%", None, "赴国外旅游"),
    ("全市检察机关批准逮捕犯罪嫌疑人120人。", "120人", "批准逮捕", "犯罪嫌疑人"),
    # After 其中 a general verb inside the noun names a kind of the things counted before;
    # a lexicon act (贪污, 盗卖) or a verb before a quoted name still governs.
    ("海关查获各类文物5675件，其中禁止出境文物4478件。", "4478件", None, "禁止出境文物"),
    ("其中他个人贪污170多万美元。", "170多万美元", "贪污", None),
    ("其中一起盗卖“四川长虹”1.5万股。", "1.5万股", "盗卖", "四川长虹"),
    # A verb with its result complement is a verb (撒开; not 过去, 属下); 提出 (extra_verbs);
    # a verb before a 有…的 relative clause governs; 作为 ends the noun after the figure.
    ("他们提出了30多个方案。", "30多个", "提出", "方案"),
    ("已在居民区撒开了41个连锁店。", "41个", "撒开", "连锁店"),
    ("选择有影响的18种报刊作为重点监测对象。", "18种", "选择", "报刊"),
    ("过去10年全省新建学校200所。", "10年", None, None),
    # 折合/约合 convert a sum (actions); 投资只有… is the noun; a level reached with a noun of
    # its own measures that (案值暴涨至500万元); 死刑缓期N年执行; 除…外 is no part of a noun.
    ("共收缴违禁机390台，折合人民币约300多万元。", "约300多万元", "折合", None),
    ("用于机场建设的投资只有110多亿元。", "110多亿元", None, "用于机场建设的投资"),
    ("盗窃案占经济罪案的52%，案值暴涨至500万元。", "500万元", None, "案值"),
    ("以贪污罪判处高玉林死刑缓期2年执行。", "2年", "判处", "死刑缓期执行"),
    ("政府除宣布关闭16家经营不善的私人商业银行外，没有采取措施。", "16家", "关闭", "私人商业银行"),
    # A share …是因X而V is the share that suffered V for cause X; a count that opens its
    # clause and then suffers (遭/被 V) takes that V.
    ("从传播方式看，有75%是因吸毒而感染，3%—5%系因输血而感染。", "75%", "感染", "吸毒"),
    ("从传播方式看，有75%是因吸毒而感染，3%—5%系因输血而感染。", "3%—5%", "感染", "输血"),
    ("有105尊石刻雕像遭盗割。", "105尊", "盗割", "石刻雕像"),
    # 这批X包括… lists the batch the sentence before acted on; a noun-like act before X的N%
    # is a share of the trade, not an act.
    ("民警向灾区运送年货。这批年货包括面粉5吨，罐头2吨。", "5吨", "运送", "面粉"),
    ("民警向灾区运送年货。这批年货包括面粉5吨，罐头2吨。", "2吨", "运送", "罐头"),
    ("两国对美出口贸易的43%是通过香港实现的。", "43%", None, "两国对美出口贸易"),
    # A subject …V N的为 names the act with its noun, also when V is used as a noun elsewhere.
    ("其中，在本县外乡从事劳动的为2735万人。", "2735万人", "从事劳动", None),
    # A short bracketed note between the noun and its figure is passed over (its verbs are
    # not); 栽种, 分立 are verbs; a count that opens a clause with a verb after it inherits
    # nothing from the clause before.
    ("去年，全国共发生火灾（不含森林火灾）14万余起，死2722人。", "14万余起", "发生", "火灾"),
    ("共收缴赃款500多万元人民币（含存单、债券）、4万多美元。", "4万多美元", "收缴", "赃款"),
    ("农民付秋林栽种了2.1亩莲子。", "2.1亩", "栽种", "莲子"),
    ("近1万人进行分立，20多万人、十几个行业告别了“大锅饭”。", "近1万人", "分立", None),
    ("近1万人进行分立，20多万人、十几个行业告别了“大锅饭”。", "20多万人", "告别", None),
    # A count in brackets right after a figure restates it in another unit: the same act,
    # or the word that told the figure.
    ("其中受害者死亡1件（1人），重伤3件（3人）。", "1人", "死亡", None),
    ("其中受害者死亡1件（1人），重伤3件（3人）。", "3人", "重伤", None),
    # A money figure's act reaches the things it values and their count (…和价值400多万元的8处);
    # a verb with a resultative 为 governs (缩编为16个部), a copula 为 after a noun does not.
    ("收缴价值100多万元的赃物和价值400多万元的8处房产。", "400多万元", "收缴", "赃物和价值"),
    ("收缴价值100多万元的赃物和价值400多万元的8处房产。", "8处", "收缴", "房产"),
    ("现有的23个部级机关将缩编为16个部。", "16个", "缩编", "部"),
    ("全公司职工收入为3000元。", "3000元", None, "全公司职工收入"),
    # A two-character verb before its complement in a relative clause (评选出的); a light verb
    # whose noun reaches a level (实现工商税利达到) governs, a noun-like act does not.
    ("据介绍，这次评选出的优秀提案共36件。", "36件", "评选", "优秀提案"),
    ("该省实现工商税利达到900亿元。", "900亿元", "实现", "工商税利"),
    ("这类商业服务设施年实现销售额已超700亿元。", "超700亿元", "实现", "销售额"),
    # A suspended term is named by its own noun: no act carried from the term before.
    ("以贪污罪判处樊某有期徒刑3年，缓刑5年，没收财产1万元。", "5年", None, "缓刑"),
    ("以贪污罪判处樊某有期徒刑3年，缓刑5年，没收财产1万元。", "3年", "判处", "有期徒刑"),
    # 户 after a verb makes a noun (养殖户); 挟持 is a verb (extra_verbs).
    ("这些企业联结养殖户6500多个。", "6500多个", "联结", "养殖户"),
    ("主犯持枪挟持外交官一家5口作为人质。", "5口", "挟持", "外交官一家"),
    # A change joined by 或 to one of the same unit measures the same thing (not after 分别);
    # money in several currencies listed with 、 shares its noun; 从X中V N% is a share of X.
    ("美国的经济增长率将从去年的约3.5%或3.5%以上降至2.4%。", "3.5%以上", None, "美国的经济增长率"),
    ("美国的经济增长率将从去年的约3.5%或3.5%以上降至2.4%。", "2.4%", None, "美国的经济增长率"),
    ("全县粮食产量和油料产量分别增长12.7%和13.7%。", "13.7%", None, "油料产量"),
    ("共收缴赃款500多万元人民币（含存单、债券）、4万多美元、近百万港元。", "4万多美元", "收缴", "赃款"),
    ("共收缴赃款500多万元人民币（含存单、债券）、4万多美元、近百万港元。", "近百万港元", "收缴", "赃款"),
    ("从个人所得税中提取10%、从失业保险金中提取25%。", "25%", "提取", "失业保险金"),
    # A one-character noun that is a word of its own (年产纸); a verb without a noun of its
    # own counts what the same verb took earlier in the sentence (繁殖华南虎…共繁殖38只).
    ("县造纸厂一期工程已投产，年产纸2.1万吨。", "2.1万吨", "年产", "纸"),
    # A bracketed conversion after a sum is passed over to the noun after 的, and the sum in
    # the brackets measures the same thing.
    ("这些案件共造成235亿图格里克（约合2900万美元）的经济损失。", "235亿图格里克", "造成", "经济损失"),
    ("这些案件共造成235亿图格里克（约合2900万美元）的经济损失。", "2900万美元", "约合", "经济损失"),
    ("武警捐献棉被3000件（套）。", "3000件", "捐献", "棉被"),
    # A sum that names the kind of what the next figure counts measures the noun before the
    # head (kind_heads): 500万元利税企业4家 -> 利税, the enterprises are counted.
    ("全县已建成千万元利税企业4家、500万元利税企业3家。", "500万元", None, "利税"),
    ("全县已建成千万元利税企业4家、500万元利税企业3家。", "3家", "建成", "利税企业"),
    # A measure that names the kind of what the next figure counts measures that noun
    # (湛江50万吨浆厂等6个: 浆厂), whatever stands before it.
    ("完成了湛江50万吨浆厂等6个大中型林产工业项目前期工作。", "50万吨", None, "浆厂"),
    ("中国运动员共夺得92个世界冠军，其中有6个项目17个奥运会小项的世界冠军。", "6个", None, "项目"),
    # A figure whose clause is only a copula (…，为106.5万人次) measures the noun the clause
    # before opens with, and takes its leading verb; not when that clause has a figure.
    ("1997年，批准出国旅游人员仍居因私出国人员首位，为106.5万人次，比上年增加5.6%。",
     "106.5万人次", "批准", "出国旅游人员"),
    ("1997年，批准出国旅游人员仍居因私出国人员首位，为106.5万人次，比上年增加5.6%。",
     "5.6%", None, "出国旅游人员"),
    ("去年旅游收入最多的国家仍然是美国，为750亿美元。", "750亿美元", None, "旅游收入"),
    ("深圳买27台车，节约财政支出7.1%，达70多万元。", "70多万元", None, None),
    # A window (N年来) measures nothing; a scope (全球, 世界), 其中 and 最终 before a figure are
    # no object, the noun after it is.
    ("据统计，全国公安边防部门5年来共破获贩枪案件51起。", "5年", None, None),
    ("这家公司直接挂靠全球100多个主要港口。", "100多个", "挂靠", "主要港口"),
    ("治理工程分三期实施，最终达到12.5米的水深。", "12.5米", None, "水深"),
    ("总价值超过1100万元，其中1000多万元的钱物为他所得。", "1000多万元", None, "钱物"),
    # 全村 alone is a scope (the noun after the measure word counts); a comparison by
    # 高于/低于 after a noun leaves the noun, one that opens its clause names what is measured.
    ("西村位于山上，全村613口人。", "613口", None, "人"),
    ("最大的债权银行是第一国民银行，欠款额高于汇丰的10亿—20亿港元。", "10亿—20亿港元", None, "欠款额"),
    # 控制在 keeps a level of its subject; (均)在 before a bound (以上, 左右) is a copula, not a
    # preposition; 有N组的… after N组X中 counts some of those things.
    ("城镇登记失业率已控制在1%以内。", "1%以内", "控制", "城镇登记失业率"),
    ("各旅团冬季自产新鲜蔬菜均在4万公斤以上。", "4万公斤以上", "产", "新鲜蔬菜"),
    ("目前轻工行业年销售额在20亿元以上的大集团已有20多家。", "20亿元以上", None, "轻工行业年销售额"),
    ("全县的粮食总播种面积也稳定在22万亩左右。", "22万亩左右", None, "粮食总播种面积"),
    ("发现核反应堆的53组控制棒导向管中，有7组的落棒时间超标。", "7组", None, "控制棒导向管"),
    # 共有N件 after a clause measures the head that clause opens with (after 的); a share of
    # a subject that a preposition follows; 贷款 is a noun too (noun_like_actions).
    ("该公司进行分析后，发现美国的企业兼并案最多，总共有7941件。", "7941件", None, "企业兼并案"),
    ("发菜市场已成为全国最大的发菜集散地，占全国总量80%的发菜从这里销往全国。", "80%", None, "发菜"),
    ("国际金融机构决定向印尼提供230亿美元的长期贷款。", "230亿美元", "提供", "长期贷款"),
    # The base of an exchange rate (1美元合, 兑1美元) is no part of an object; a level started
    # from with no noun before measures what the clause before opens with.
    ("按市场汇率加权平均，则1993年人民币汇率为1美元合8.09元人民币。", "8.09元人民币", None, "人民币汇率"),
    ("印尼盾连连暴跌，5天内竟从5000盾兑1美元跌至1.1万盾兑1美元。", "5000盾", None, "印尼盾"),
    ("印尼盾连连暴跌，5天内竟从5000盾兑1美元跌至1.1万盾兑1美元。", "1.1万盾", None, "印尼盾"),
    # A compared level (比…的N) and the level reached after it measure the same thing; a
    # noun-like act before a noun ending the clause is a noun (13份投资协定); money joined by
    # 和 in another currency shares its noun.
    ("1997年流入新兴市场的私人资本仅为1996亿美元，比1996年创纪录的2952亿美元有较大幅度的下降，"
     "预计今年将进一步降至1715亿美元。", "2952亿美元", None, "私人资本"),
    ("1997年流入新兴市场的私人资本仅为1996亿美元，比1996年创纪录的2952亿美元有较大幅度的下降，"
     "预计今年将进一步降至1715亿美元。", "1715亿美元", None, "私人资本"),
    ("该公司签订了117份合同、176份意向协议和13份投资协定。", "13份", "签订", "投资协定"),
    ("金额达100多亿美元和40多亿人民币。", "40多亿人民币", None, "金额"),
    # Two two-character verbs before a figure are one act as the guideline keeps it (出动灭火),
    # not with a lexicon act that is a noun too (完成投资); 到今日 is a time, no object; a model
    # number before the noun of a relative clause is passed over (的586电脑).
    ("去年全国公安消防部队共出动灭火14万余起，出动警力200万人次。", "14万余起", "出动灭火", None),
    ("全省住房建设共完成投资413亿元。", "413亿元", "完成", "投资"),
    ("爱国献金运动已近10天，到今日已有90余万人参加。", "90余万人", "参加", None),
    ("近代史所一次添置了20台设置奔腾处理器的586电脑。", "20台", "添置", "电脑"),
    # A one-character word right after a figure that opens its clause starts the noun, not
    # an act (无主户头案); a change alone in its clause measures the noun the clause before
    # ends with.
    ("政府采取这一措施是必要的，现在我们手中已有100多万个无主户头案，处理起来很麻烦。", "100多万个", None, "无主户头案"),
    ("其次是阿根廷布宜诺斯艾利斯股市，下跌3.24%。", "3.24%", None, "布宜诺斯艾利斯股市"),
    # After a figure, an adverb word (就能), 及 and a new list item end the noun; so does a
    # person counted with 一位 after 的, and the duration's own 的时间.
    ("花4000多元就能买到一台彩电。", "4000多元", "花", None),
    ("在菲律宾，旅游业为人们提供了230万个就业机会。", "230万个", "提供", "就业机会"),
    ("共收受145.5万元人民币、8万美元、3万元港币及大量贵重物品。", "3万元港币", "收受", None),
    ("在不到一年的时间里，就接连获得6张许可证。", "不到一年", None, None),
    ("他投资60万元，当年就收回成本、还赚了20万元的一位北京老知青。", "20万元", "赚", None),
    # A length in a locative phrase (…公里的干线上) measures the line; 将…N%的X， disposes of X;
    # 事隔 before a duration is no object.
    ("沿线群众共建文明线，使河西走廊境内1000多公里的干线上，连续两年杜绝了乱收费。", "1000多公里", None, "干线"),
    ("同时，将省有关部门增长13%的指标，作为第二套指标。", "13%", None, "指标"),
    ("他们讨说法，事隔半年，他们又高兴了。", "半年", None, None),
    # A distance from a place (位于…20公里) and a share that sets a record measure nothing
    # named; 了 ends a predicate, never an object.
    ("西村位于翼城县城东北20公里的山上。", "20公里", None, None),
    ("该项研究取得了每亩增产19.6%的高纪录。", "19.6%", "增产", None),
    # Hard negatives found on unannotated reports: a deadline after 在 names no subject; a
    # one-character word after no verb (经两次) is no noun; a localizer, 分别 and 相继 end the
    # noun after a figure; an adjective before 的 (问题较多的处长) leaves the head; a long object is
    # not cut inside a word.
    ("有权决定的机关应当在七日内作出是否同意的决定。", "七日", "应当", None),
    ("经两次调解达不成协议的，不再调解。", "两次", None, None),
    ("南京铁路公安处派人赶赴北京，向在426次列车上勇斗歹徒光荣负伤的民警表示慰问。", "426次", None, "列车"),
    ("首犯执行枪决，其他5个罪犯分别被判处死缓。", "5个", None, "罪犯"),
    ("股票被人分别在太原、天津和内蒙古3地的4家证券营业部相继抛售。", "4家", "抛售", "证券营业部"),
    ("10名优秀处长和4名问题较多的处长受到表扬。", "4名", None, "处长"),
    ("与会的19个阿拉伯国家代表认为，恐怖主义严重危害地区安全。", "19个", "与会", "阿拉伯国家代表"),
    ("事故一般分为全部责任、主要责任、同等责任和次要责任四种。", "四种", "分为", "主要责任、同等责任和次要责任"),
    # A price labelled by its currency (旧币, 新币) is the price of the item before it, without
    # 一+measure word; an ellipsis ends the noun after a figure.
    ("商品标出了两种价格：一盒奶旧币5200卢布，新币5.2卢布；一个面包旧币3200卢布，新币3.2卢布……我买了三盒奶。",
     "5200卢布", None, "奶"),
    ("商品标出了两种价格：一盒奶旧币5200卢布，新币5.2卢布；一个面包旧币3200卢布，新币3.2卢布……我买了三盒奶。",
     "3.2卢布", None, "面包"),
    # A rate noun (增幅) before its level is what is measured; a negated state after a count
    # (两次不合格) is kept whole.
    ("粮食入库达77亿公斤，比上年同期多收16亿公斤，增幅超过26%。", "超过26%", None, "增幅"),
    ("该厂的产品连续两次不合格。", "两次", None, "该厂的产品"),
    ("经抽查，连续两次不合格：余姚市的产品。", "两次", None, "不合格"),
    ("铁人王进喜所在的钻井队，建队44年来累计打井1346口。", "44年", "建", None),
    ("动物园打破了人工繁殖华南虎零的纪录，1988年至今共繁殖38只，成活29只，仅1996、1997两年就繁殖成活10只。",
     "38只", "繁殖", "华南虎"),
    ("动物园打破了人工繁殖华南虎零的纪录，1988年至今共繁殖38只，成活29只，仅1996、1997两年就繁殖成活10只。",
     "10只", "成活", "华南虎"),
    ("该市机场建设的投资达1000亿元。", "1000亿元", None, "该市机场建设的投资"),
])
def test_action_and_object_with_words(fazhi_pipeline, text, span, action, obj):
    from pipeline.io import document_from_text

    doc = fazhi_pipeline.process(document_from_text(text, "t"))
    got = [(m.fields["action"], m.fields["object"]) for m in doc.metrics
           if doc.clean[m.start:m.end] == span]
    assert got == [(action, obj)]


@pytest.mark.parametrize("sentence, span, action, category", [
    # 将/把 fronts the figure: the verb after its noun is the action.
    ("经过连续奋战，民警成功将3名犯罪嫌疑人抓获归案。", "3名", "抓获", "suspects_arrested"),
    ("检察机关依法将涉案的12名犯罪嫌疑人移送起诉。", "12名", "移送起诉", "prosecuted"),
    ("警方已将2.3亿元涉案资金依法冻结。", "2.3亿元", "冻结", "assets_seized"),
])
def test_a_fronted_object_takes_the_verb_after_it(extractor, sentence, span, action, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert (figure["action"], figure["category"]) == (action, category)


def test_the_future_jiang_fronts_nothing(extractor):
    """将被合并的四家银行是…: 将 is 'will', no verb is read after the figure."""
    figure = next(f for f in figures(extractor, "据宣布，将被合并的四家银行是大地银行和进出口银行。")
                  if f["text"] == "四家")
    assert figure["action"] != "出口"


@pytest.mark.parametrize("paragraph", [
    # the headline glued to its dateline line: the next line's outlet word is no object
    "鼓楼警方前8个月侦破盗窃案件近600起 追回赃款3千余万元\n\n榕城晚报讯（记者 林晓）9月2日，记者获悉，"
    "今年1至8月，鼓楼分局共侦破盗窃案件612起，追回赃款3120万元。",
    # on the same line after a space: 本报讯 / 新华社电 is where the story was filed
    "鼓楼警方前8个月侦破盗窃案件近600起 追回赃款3千余万元 本报讯（记者 林晓）今年1至8月，"
    "鼓楼分局共侦破盗窃案件612起，追回赃款3120万元。",
    "鼓楼警方前8个月侦破盗窃案件近600起 追回赃款3千余万元 新华社电 今年1至8月，"
    "鼓楼分局共侦破盗窃案件612起，追回赃款3120万元。",
])
def test_a_headline_figure_never_takes_the_dateline_as_its_object(extractor, paragraph):
    """追回赃款3千余万元 / 榕城晚报讯（记者…）: no object 榕城晚报讯; the window 前8个月 after the
    organ 鼓楼警方 is the headline's (the body's 今年1至8月)."""
    from datetime import date

    from .helpers import attribute, make_article
    doc = make_article([paragraph], published=date(2026, 9, 3))
    assert attribute(extractor, doc, "3千余万元", "object") in (None, "赃款")
    assert attribute(extractor, doc, "3千余万元", "period_start") == date(2026, 1, 1)
    assert attribute(extractor, doc, "3千余万元", "period_end") == date(2026, 8, 31)


@pytest.mark.parametrize("sentence, period", [
    ("市检察院首8个月共批准逮捕犯罪嫌疑人120人。", "首8个月"),
    ("该县公安机关前两个月共破获案件35起。", "前两个月"),
])
def test_a_yearless_window_right_after_the_organ_subject(extractor, sentence, period):
    """市检察院首8个月共批准逮捕…: the window follows the organ that opens the clause."""
    from datetime import date

    from .helpers import attribute, make_article
    doc = make_article([sentence], published=date(2026, 10, 9))
    span = "120人" if "120人" in sentence else "35起"
    assert attribute(extractor, doc, span, "period") == period
