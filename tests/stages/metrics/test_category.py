"""The category taxonomy."""

from __future__ import annotations

import pytest

from .helpers import attribute, figures, make_article


def test_category_and_period(extractor):
    from datetime import date

    doc = extractor(make_article(["今年以来，呼伦贝尔市公安局共破获案件760起。"],
                                 published=date(2021, 11, 2)))
    figure = doc.metrics[0].fields
    assert figure["category"] == "cases_solved"
    assert figure["period"] == "今年以来"
    assert (figure["period_start"], figure["period_end"]) == (date(2021, 1, 1), date(2021, 11, 2))
    assert figure["subject"] == "呼伦贝尔市公安局"
    assert figure["place"] == "内蒙古自治区呼伦贝尔市"


@pytest.mark.parametrize("sentence, span, category", [
    ("发动村干部、网格员等与民警、辅警组建5支10人一队的护农队。", "5支", "deployment"),
    # A count without an object is read on its own clause: 干部 earlier is not what it counts.
    ("发动村干部参与巡逻，共5支。", "5支", "other"),
    ("查处党员干部违纪问题，处理干部12人。", "12人", "officials_punished"),
    # A change without a noun of its own is read on its sentence.
    ("其中出口1827亿美元，增长20.9%。", "20.9%", "economy"),
    # A suspended term with no verb of its own is still a sentence (or_objects).
    ("以贪污罪判处樊某有期徒刑3年，缓刑5年，没收财产1万元。", "5年", "sentences_imposed"),
])
def test_category(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


def test_every_category_is_in_the_taxonomy(extractor):
    names = [c["name"] for c in extractor.categories]
    assert names[-1] == "other"  # a category may have several rules, tried in order
    for rule in extractor.categories:
        assert rule["description"] and set(rule) <= {
            "name", "description", "examples", "actions", "or_objects", "objects", "words",
            "sentence_words",
            "not_words", "not_units", "units", "kinds", "change"}, rule
    for required in ("cases_solved", "suspects_arrested", "gangs_dismantled", "assets_seized",
                     "officials_punished", "losses_recovered", "fraud_warnings",
                     "social", "incidents_change", "cases_filed", "arrests_approved", "prosecuted",
                     "adjudicated", "money_involved", "police_service", "deployment"):
        assert required in names


@pytest.mark.parametrize("sentences", [
    ["今年以来共破获诈骗案件1487起，其中跨境诈骗案件210起，冒充客服类诈骗案件340起。"],
    ["今年以来共破获诈骗案件1487起。其中，跨境诈骗案件210起，冒充客服类诈骗案件340起。"],
])
def test_a_subtotal_after_qizhong_takes_the_category_of_its_total(extractor, sentences):
    """破获诈骗案件1487起。其中，跨境诈骗案件210起: the parts were solved too (not cases_filed),
    in the same sentence or in the next one that 其中 opens."""
    doc = extractor(make_article(sentences))
    categories = {doc.clean[m.start:m.end]: m.fields["category"] for m in doc.metrics}
    assert categories == {"1487起": "cases_solved", "210起": "cases_solved",
                          "340起": "cases_solved"}


def test_a_traditional_script_page_is_read_through_its_simplified_view(extractor):
    """廣州市反詐中心發出預警勸阻14.5萬人次 reads as 预警劝阻: fraud_warnings, as its simplified twin."""
    simplified = figures(extractor, "今年以来，广州市反诈中心发出预警劝阻14.5万人次，避免群众损失3.2亿元。")
    traditional = figures(extractor, "今年以來，廣州市反詐中心發出預警勸阻14.5萬人次，避免羣衆損失3.2億元。")
    assert [f["category"] for f in traditional] == [f["category"] for f in simplified]
    assert traditional[0]["category"] == "fraud_warnings"


@pytest.mark.parametrize("title, paragraph, span, category", [
    # A sentence naming no organ takes the stage of the organ its headline names.
    ("某区人民检察院工作报告", "全年办理电信网络诈骗犯罪案件318件。", "318件", "prosecuted"),
    ("某县人民法院关于集中执行工作的通报", "春节期间，我院共执结案件126件。", "126件", "adjudicated"),
    # A sentence naming its own organ keeps it: the police file the cases they handle.
    ("某区人民检察院工作报告", "区公安分局全年办理刑事案件318件。", "318件", "cases_filed"),
])
def test_a_sentence_without_organ_takes_the_headline_organs_stage(extractor, title, paragraph,
                                                                   span, category):
    doc = make_article([paragraph], title)
    assert attribute(extractor, doc, span, "category") == category


@pytest.mark.parametrize("sentence, span, category", [
    # 拦截 of money saves it for the victims; of calls it is a warning.
    ("全区公安机关平均每天劝阻群众860余人次，拦截涉诈资金28.6亿元。", "28.6亿元", "losses_recovered"),
    ("各地公安机关累计拦截诈骗电话18.6亿次、诈骗短信21.2亿条。", "21.2亿条", "fraud_warnings"),
    # money a court's enforcement brings in is recovered, not money involved
    ("共执结案件126件，执行到位金额860万元。", "860万元", "losses_recovered"),
    # a conviction rate is the court's stage
    ("法院已判决的案件中，有罪判决率100%。", "100%", "adjudicated"),
])
def test_stage_of_intercepted_money_enforcement_and_conviction_rates(extractor, sentence, span,
                                                                    category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # In a discipline report the people transferred to the judiciary are officials punished.
    ("有154人受到党纪政纪处分，移送司法机关7人。", "7人", "officials_punished"),
    ("查处失职渎职案件395件、涉案人员1183人。", "1183人", "officials_punished"),
    # Outside one they are prosecuted.
    ("海关向检察机关移送起诉走私犯罪嫌疑人263名。", "263名", "prosecuted"),
])
def test_officials_in_discipline_reports(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # a court's 受理 records cases; what it concluded and its 结案率 are adjudicated
    ("今年上半年，某县法院共受理各类案件5210件，审结4870件，结案率93.5%。", "5210件", "cases_filed"),
    ("今年上半年，某县法院共受理各类案件5210件，审结4870件，结案率93.5%。", "93.5%", "adjudicated"),
    # drug users caught are dealt with administratively, and so are the parts after 其中
    ("三月以来，某区公安分局查获吸毒人员52名，其中强制隔离戒毒11名。", "52名", "violations_handled"),
    ("三月以来，某区公安分局查获吸毒人员52名，其中强制隔离戒毒11名。", "11名", "violations_handled"),
    # the verb after the figure decides when the words before name no stage
    ("检察机关已对其中7人批准逮捕，另有3人已被提起公诉。", "7人", "arrests_approved"),
    ("检察机关已对其中7人批准逮捕，另有3人已被提起公诉。", "3人", "prosecuted"),
    ("某区检察院以涉嫌销售假冒注册商标的商品罪对王某等6人提起公诉。", "6人", "prosecuted"),
    ("某区法院对8起帮信案件集中宣判，15名被告人分别获刑。", "8起", "adjudicated"),
    ("某区法院当日有15名被告人分别获刑。", "15名", "adjudicated"),
    # 提请批准逮捕 is the police asking, never the approval
    ("派出所对其中5人提请批准逮捕。", "5人", "suspects_arrested"),
    # victims and the money raised from them, not social figures
    ("该公司以高息为诱饵，向860余名群众非法吸收存款9000万元。", "860余名", "casualties"),
    ("该公司以高息为诱饵，向860余名群众非法吸收存款9000万元。", "9000万元", "money_involved"),
    ("犯罪团伙诱骗多地群众310余人签订虚假合同。", "310余人", "casualties"),
    # the sales of counterfeit goods are the money and goods of the offence, not economy
    ("李某通过网店销售假冒名酒1500余瓶，销售金额达98万元。", "1500余瓶", "money_involved"),
    ("李某通过网店销售假冒名酒1500余瓶，销售金额达98万元。", "98万元", "money_involved"),
    ("全市社会消费品零售总额增长8.1%，销售额达320亿元。", "320亿元", "economy"),
    # an item of a list of seized goods shares the list's verb, in any unit
    ("共缴获毒品2.3吨，其中海洛因510公斤、麻古68万粒。", "68万粒", "assets_seized"),
    ("查扣现金320万元及手机46部。", "46部", "assets_seized"),
])
def test_stage_of_the_blind_writers_classes(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # what an organ sets up or sends out is put in, whatever the campaign is about
    ("在车站和商场设立反诈宣传点45个。", "45个", "deployment"),
    ("水上分局迅速出动救援船艇4艘。", "4艘", "deployment"),
    # ... but sorties counted in 次 are services rendered
    ("全年消防队伍出动灭火救援三千多次。", "三千多次", "police_service"),
    # money saved from a fraud is a loss averted
    ("经民警上门劝阻，为事主保住存款26万元。", "26万元", "losses_recovered"),
    # money moved by the offenders is the money of the case
    ("该团伙平均每天转移资金约80万元。", "约80万元", "money_involved"),
    # people suspected of offences dealt with are the police stage
    ("今年以来查处涉卡违法犯罪人员930名。", "930名", "suspects_arrested"),
    # studios of a fraud ring broken up are gangs dismantled
    ("打掉为诈骗团伙引流的工作室18个。", "18个", "gangs_dismantled"),
    # tourists a town receives are a social figure, not a police service
    ("国庆期间，古镇累计接待游客52.3万人次。", "52.3万人次", "social"),
])
def test_resources_savings_and_visitors(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # the single case of 破获一起…案 is a case solved, whatever follows it
    ("近日，某市公安局破获一起网络投资理财诈骗案。", "一起", "cases_solved"),
    # a discipline organ's cases counted in 件 are recorded cases, its people are punished
    ("前三季度，某市纪检监察机关共立案审查调查540件，处分党员干部510人。", "540件", "cases_filed"),
    ("前三季度，某市纪检监察机关共立案审查调查540件，处分党员干部510人。", "510人", "officials_punished"),
    # 黄赌毒 cases are mostly administrative
    ("抓获违法犯罪嫌疑人900余名，查处黄赌毒案件210起。", "210起", "violations_handled"),
])
def test_single_cases_discipline_cases_and_vice(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # goods stolen, mined or sold illegally are the goods of the offence, not cases or people
    ("两人在城区盗窃电动车35辆。", "35辆", "money_involved"),
    ("曾某在江段盗采江砂1.2万吨。", "1.2万吨", "money_involved"),
    ("二人非法出售公民个人信息2.3万条。", "2.3万条", "money_involved"),
    # a lawful sale is no offence
    ("累计出售公有住房12.5万套。", "12.5万套", "other"),
    ("某县今年发生盗窃案件35起。", "35起", "cases_filed"),
])
def test_goods_of_the_offence(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # Hong Kong and Macao police wording: 录得…案 is recorded; 移送检察院 charged; 验放旅客 a service
    ("今年首季，全港共录得盗窃案4100宗。", "4100宗", "cases_filed"),
    ("去年警方共将900名嫌犯移送检察院侦办。", "900名", "prosecuted"),
    ("口岸全年验放旅客约800万人次。", "约800万人次", "police_service"),
    # the market value of seized goods restates the seizure
    ("海关在机场检获毒品约20公斤，估计市值约900万港元。", "约900万港元", "assets_seized"),
    # cases intercepted are solved; people intercepted or sent back at a border are violations; 涉款 is at stake
    ("海关在机场先后截获两宗走私象牙案件。", "两宗", "cases_solved"),
    ("去年在各口岸截获非法入境者300名。", "300名", "violations_handled"),
    ("电讯诈骗案涉款约1.2亿澳门元。", "约1.2亿澳门元", "money_involved"),
    # fire statistics: fires received or that broke out are recorded cases; the area burnt is harm
    ("春节期间，全市共接报火灾23起。", "23起", "cases_filed"),
    ("城东区、城西区分别发生火灾5起、3起。", "5起", "cases_filed"),
    ("一处林地起火，过火面积约500平方米。", "约500平方米", "casualties"),
])
def test_category_of_regional_police_and_fire_wording(extractor, sentence, span, category):
    """录得…案, 移送检察院, 验放旅客, 市值, 接报火灾, 发生火灾, 过火面积, 截获…案, 非法入境者, 涉款 (issue 12)."""
    found = [f for f in figures(extractor, sentence) if f["text"] == span]
    assert found and found[0]["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # The goods of an offence in a case paragraph are what the case involves.
    ("男子王某驾车从邻省运输冰毒520克至本市，在收费站被民警查获。", "520克", "money_involved"),
    ("李某在自家菜地里偷偷种植罂粟860株。", "860株", "money_involved"),
    ("赵某多次在禁渔区使用电鱼工具捕捞鱼类共计85公斤。", "85公斤", "money_involved"),
    ("张某买入电子烟油12支，转卖给他人，获利3400元。", "3400元", "money_involved"),
    # Not goods without an offence: a firm's transport is no case.
    ("该公司去年运输煤炭8万吨。", "8万吨", "other"),
    # Money saved or paid back.
    ("民警赶到时她正准备转账，避免损失12万元。", "12万元", "losses_recovered"),
    ("两名被告人退缴违法所得32万元。", "32万元", "losses_recovered"),
    ("银行网点成功劝阻可疑汇款27笔，涉及金额158万元。", "158万元", "losses_recovered"),
    # Without a dissuasion the amount is what the case involves.
    ("警方破获诈骗案件27起，涉及金额158万元。", "158万元", "money_involved"),
    # Costs a judgment orders paid are part of the sentence.
    ("法院判处二人有期徒刑一年，并判令其承担生态修复费用2.6万元。", "2.6万元", "sentences_imposed"),
    ("分局在江边设卡6处，累计盘查过往车辆2.4万辆次。", "2.4万辆次", "violations_handled"),
    ("派出所开展反诈宣讲120场，覆盖群众3.1万人次。", "3.1万人次", "fraud_warnings"),
    ("经核查，这些嫌疑人涉及本省受害人报案的案件96起。", "96起", "cases_filed"),
    ("全年共执结案件530件，对45名失信被执行人采取司法拘留措施。", "45名", "suspects_arrested"),
    ("交警查处酒后驾驶58起，对9名涉嫌危险驾驶人员依法刑事拘留。", "9名", "suspects_arrested"),
    # 未成年 is no negation: the court's act still follows the count.
    ("法院审结涉少案件40件，对6名未成年被告人依法适用缓刑。", "6名", "adjudicated"),
    ("派出所开展夜查，劝离在水库边游泳的群众460余人次。", "460余人次", "police_service"),
    ("今年已督促退还群众集资款530万元。", "530万元", "losses_recovered"),
    # Shops and premises dealt with are enforcement, not goods seized.
    ("专项整治中查处无证经营网吧23家。", "23家", "violations_handled"),
    ("依法关停非法经营场所11家。", "11家", "violations_handled"),
    # A government closing firms in a crisis is no enforcement against offenders.
    ("该国政府关停资不抵债的金融公司12家。", "12家", "other"),
    ("警方在仓库查获假冒化妆品300余箱。", "300余箱", "assets_seized"),
    # Approvals of an exit-entry office, broken down by purpose.
    ("去年共批准公民因私出境12万人次，其中探亲3.2万人次，旅游6万人次。", "6万人次", "police_service"),
    ("景区国庆期间接待游客6万人次。", "6万人次", "social"),
    ("全市精简会议210个，节约会议经费840万元。", "840万元", "economy"),
    # Criminal cases the police 查处 are cases it dealt with (solved), not cases recorded.
    ("行动以来，全市警方共查处各类违法犯罪案件520起。", "520起", "cases_solved"),
    ("检察机关去年查办职务犯罪案件30件。", "30件", "cases_filed"),
    # A headline's last clause after a space has its own verb.
    ("警方捣破贩毒集团 拘捕7人", "7人", "suspects_arrested"),
    ("警方捣破贩毒集团3个 另有", "3个", "gangs_dismantled"),
    # ... also when its verb is its own: not the verb of the clause before the space
    ("示例省挽回经济损失12.8亿元 查扣涉案资产约21亿元", "约21亿元", "assets_seized"),
])
def test_stage_of_case_paragraphs_and_headline_clauses(extractor, sentence, span, category):
    """Goods and gains of an offence (运输冰毒520克, 获利3400元) -> money_involved; 避免损失,
    退缴, 劝阻…涉及金额 -> losses_recovered; 判令…费用 -> sentences_imposed; 盘查车辆 ->
    violations_handled; 反诈宣讲…覆盖群众 -> fraud_warnings; 涉及…案件 -> cases_filed;
    对…失信被执行人采取司法拘留 -> suspects_arrested; 集团 拘捕7人 (a headline) -> suspects_arrested."""
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # police call handling is a service (接处警)
    ("国庆假期，全县公安机关共接处警860起。", "860起", "police_service"),
    # border checks of travellers are a service, not violations found
    ("口岸日均查验出入境人员3.2万人次。", "3.2万人次", "police_service"),
    # people caught in a fraud ring's roles are suspects, not goods seized
    ("全年查获取款车手640人。", "640人", "suspects_arrested"),
    # 醉驾 alone is a crime (cases_solved); 酒驾 is a violation
    ("交警夜查中查处酒驾52起、醉驾9起。", "9起", "cases_solved"),
    ("交警夜查中查处酒驾52起、醉驾9起。", "52起", "violations_handled"),
    # ... also as a part of 酒驾醉驾 counted together (the whole stays violations_handled)
    ("查处酒驾醉驾违法行为150起，其中醉驾31起。", "31起", "cases_solved"),
    ("查处酒驾醉驾违法行为150起，其中醉驾31起。", "150起", "violations_handled"),
    # court quality rates are the court's stage
    ("二审审结刑事案件210件，改判发回率4.3%。", "4.3%", "adjudicated"),
    # money an illegal scheme took in, and the people it took it from
    ("以高息为诱饵吸收36名村民资金1500余万元。", "36名", "casualties"),
    ("以高息为诱饵吸收36名村民资金1500余万元。", "1500余万元", "money_involved"),
    ("警方拘捕9人，涉及款项约6000万元。", "约6000万元", "money_involved"),
    # suspects brought back from abroad
    ("市公安局将21名在境外从事网络赌博的犯罪嫌疑人押解回国。", "21名", "suspects_arrested"),
    ("执法合作中，已有900名涉诈犯罪嫌疑人从境外多地被押解回国。", "900名", "suspects_arrested"),
])
def test_stage_of_services_border_checks_and_schemes(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentences, span, category", [
    # a part whose own verb follows it takes that verb's stage, not the total's
    (["已向检察机关移送起诉40人，法院已对其中12人作出判决。"], "12人", "adjudicated"),
    # a bound or a maximum after 其中 is not a part of the seized total
    (["冻结涉案资金5600万元。其中，涉案金额500万元以上的案件7起，单案最高涉案金额达9000万元。"],
     "9000万元", "money_involved"),
    (["冻结涉案资金5600万元。其中，涉案金额500万元以上的案件7起。"], "500万元以上", "money_involved"),
    # a part of the non-approvals is no part of the approvals before them (不批准逮捕 -> other)
    (["区检察院批准逮捕36人，不批准逮捕9人，其中因无逮捕必要不批准逮捕5人。"], "5人", "other"),
    (["区检察院批准逮捕36人，不批准逮捕9人，其中因无逮捕必要不批准逮捕5人。"], "36人", "arrests_approved"),
    # mediation of disputes is a service, not a violation handled (排查化解矛盾纠纷, 处理事故纠纷)
    (["今年以来，全区排查化解矛盾纠纷856件。"], "856件", "police_service"),
    (["交警部门共处理轻微交通事故纠纷61起。"], "61起", "police_service"),
    # the growth of traffic flow is no change of incidents (social); its level stays other (pages8 gold)
    (["国庆假期，全省高速公路日均车流量达8.2万辆次，同比增长4.1%。"], "4.1%", "social"),
    # 交通违例 (the Hong Kong and Macao word for 交通违法) is a violation handled
    (["上半年共检控交通违例约3.4万宗。"], "约3.4万宗", "violations_handled"),
    # members defrauded are victims; their money is the offence's money, not a harm
    (["该团伙骗取1500余名会员资金共计6000万元。"], "1500余名", "casualties"),
    (["该团伙骗取1500余名会员资金共计6000万元。"], "6000万元", "money_involved"),
])
def test_parts_with_their_own_stage_or_bound(extractor, sentences, span, category):
    doc = extractor(make_article(sentences))
    found = [m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span]
    assert found and found[0]["category"] == category


@pytest.mark.parametrize("sentences, span, category", [
    # a part with its own verb keeps its own stage (查获…案件 after a seized total)
    (["查获走私冻品800吨。其中，海港辖区查获海上走私案件12起。"], "12起", "cases_solved"),
    (["起诉涉黑犯罪嫌疑人60人，其中起诉“保护伞”4人。"], "4人", "officials_punished"),
    # ... but not a harm word, nor the cases of a discipline report
    (["受理损害赔偿案9件，其中受害者死亡2件。"], "2件", "cases_filed"),
    (["全县党员干部受到处分150人，其中移送检察机关审查起诉12人。"], "12人", "officials_punished"),
    # criminal cases 查处 by their offence are solved; administrative ones are violations
    (["共查处非法采砂案件23起。"], "23起", "cases_solved"),
    (["共查处治安案件230起。"], "230起", "violations_handled"),
    # a victim's loss in a fraud is the money of the offence; a bound is never a part
    (["诈骗案受害人多达120名，其中最大一宗损失达300万元。"], "300万元", "money_involved"),
    (["诈骗案受害人多达120名，其中最大一宗损失达300万元。"], "120名", "casualties"),
    # the money in accounts just frozen is seized
    (["警方冻结银行账户35个，涉及资金约600万元。"], "约600万元", "assets_seized"),
])
def test_parts_verbs_offences_and_losses(extractor, sentences, span, category):
    doc = extractor(make_article(sentences))
    found = [m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span]
    assert found and found[0]["category"] == category


def test_duoda_is_a_total_not_a_maximum(extractor):
    """受害人多达120名: the whole count, said to be large (a maximum is 最高/最多/单笔最高)."""
    doc = extractor(make_article(["诈骗案受害人多达120名。"]))
    assert doc.metrics[0].fields["statistic"] == "total"


@pytest.mark.parametrize("sentence, span, category", [
    # Money handed over by a giver of bribes or gifts is what the offence moved.
    ("春节前，王某给该局长送去现金5000元。", "5000元", "money_involved"),
    ("直到那年春节，他还收了对方的拜年钱5万元。", "5万元", "money_involved"),
    # Shares stolen or sold off by a thief, counted by 股.
    ("其中一起盗卖他人账户里的股票1.5万股。", "1.5万股", "money_involved"),
    # Awards and honours are no enforcement result.
    ("会上，某检察院等17个先进集体被记集体一等功。", "17个", "other"),
    ("市民积极参与，评出模范民警10人。", "10人", "other"),
])
def test_gifts_shares_and_honours(extractor, sentence, span, category):
    """送去现金5000元 / 拜年钱5万元 -> money_involved; 盗卖股票1.5万股 -> money_involved;
    17个先进集体被记集体一等功, 评出模范民警10人 -> other."""
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # Penalties counted by 个 are the sentences imposed, not the people tried.
    ("法院作出宣判，主犯陈某被判处5个死刑、2个无期徒刑。", "2个", "sentences_imposed"),
    ("其中被判处有期徒刑的罪犯12人。", "12人", "adjudicated"),
    # The people of a discipline report's misconduct cases are officials punished.
    ("去年全省查处严重失职、渎职案件316件，涉案人员182人。", "182人", "officials_punished"),
    # Notices sent and service measures issued are internal counts, not cases or calls ...
    ("今年以来，刑事立案提醒2830起，受案回执提醒8963起。", "2830起", "other"),
    ("该市公安机关推出便民利民措施68项。", "68项", "other"),
    # ... but anti-fraud warnings stay fraud_warnings.
    ("今年以来，向群众发送预警提醒短信1.2万条。", "1.2万条", "fraud_warnings"),
])
def test_penalties_misconduct_people_and_notices(extractor, sentence, span, category):
    """被判处5个死刑、2个无期徒刑 -> sentences_imposed; 渎职案件…涉案人员182人 -> officials_punished;
    刑事立案提醒2830起, 便民利民措施68项 -> other; 预警提醒短信1.2万条 -> fraud_warnings."""
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("text, span, category", [
    # A share takes the category of the count it is a share of, in its sentence or the one before.
    ("全市今年共接获诈骗案5200宗，损失金额约3亿元；其中冒充客服骗案占三成。", "三成", "cases_filed"),
    ("全市共破获盗窃案件860起，其中入室盗窃案占41%。", "41%", "cases_solved"),
    ("今年全市检察机关提起公诉420人。起诉人数中，东城区占35.2%。", "35.2%", "prosecuted"),
    # A share of cases with no count before it is a share of the cases recorded.
    ("其中，电动车火灾占比27.5%。", "27.5%", "cases_filed"),
    ("去年当地犯罪案件增多，其中抢劫案占全部犯罪案件的18.2%。", "18.2%", "cases_filed"),
    # A share of a population stays social; a share with a verb of its own keeps it.
    ("外来人口占全镇人口的六成。", "六成", "social"),
])
def test_shares_take_the_category_of_their_whole(extractor, text, span, category):
    """其中冒充客服骗案占三成 after 接获诈骗案5200宗 -> cases_filed; 起诉人数中，东城区占35.2% after
    提起公诉420人 -> prosecuted; 电动车火灾占比27.5% -> cases_filed; 外来人口占…六成 -> social."""
    figure = next(f for f in figures(extractor, text) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("text", [
    "在侦破的案件中，盗抢类案件占比超四成，占侦破案件总数的42.6%。",
    "从类型看，在破获的案件中，传销类案件占比近两成，达19.8%。",
])
def test_one_share_stated_twice_takes_one_category(extractor, text):
    """…占比超四成，占侦破案件总数的42.6%: both statements name the cases solved (cases_solved),
    not 超四成 a count recorded and 42.6% another."""
    shares = [f for f in figures(extractor, text) if f["quantity_kind"] == "percent" or f["unit"] == "成"]
    assert len(shares) == 2
    assert {f["category"] for f in shares} == {"cases_solved"}


@pytest.mark.parametrize("text, category", [
    ("刑事案件占比近两成，占全部审结案件的18.9%。", "adjudicated"),
    ("帮信类案件占比超两成，占受理案件总数的23.1%。", "cases_filed"),
    ("未成年人占比不足一成，占起诉人数的7.2%。", "prosecuted"),
])
def test_a_share_takes_the_stage_of_the_whole_it_names(extractor, text, category):
    """占全部审结案件的18.9% names cases tried: adjudicated (审结 is never cases_solved), and the
    bare 占比近两成 right before it takes the same."""
    shares = [f for f in figures(extractor, text) if f["quantity_kind"] == "percent" or f["unit"] == "成"]
    assert [f["category"] for f in shares] == [category, category]


@pytest.mark.parametrize("text, span, category", [
    # Taiwan's words for an arrest and a suspect, read in the simplified view
    ("警方在多地搜索20处，拘提、约谈犯嫌35人。", "35人", "suspects_arrested"),
    ("共有120名被害人受骗，财损合计约2.1亿元。", "约2.1亿元", "money_involved"),
    ("民警到场处置，当场控制涉事人员4名。", "4名", "suspects_arrested"),
    ("经查，二人流窜作案15起，涉案金额6万元。", "15起", "cases_solved"),
    ("嫌疑人以投资养老项目为名，向群众吸收资金共计900万元。", "900万元", "money_involved"),
    # 组织 is the gang, not the verb that deploys
    ("专项行动打掉以李某为首的恶势力犯罪组织2个，抓获组织成员17名。", "2个", "gangs_dismantled"),
    ("专项行动打掉以李某为首的恶势力犯罪组织2个，抓获组织成员17名。", "17名", "suspects_arrested"),
    ("派出所组织巡逻120次。", "120次", "deployment"),
    # 控制 people at the scene, not a population held to a number; 抢救伤员 stays a rescue
    ("全区总人口控制在300万人。", "300万人", "social"),
    ("救灾部队已抢救伤员三千余名。", "三千余名", "police_service"),
    # a bracket inside a word breaks no clause: 查处 governs the cases
    ("全国共查处妨害国（边）境管理犯罪案件8000起。", "8000起", "cases_solved"),
])
def test_case_narrative_words(extractor, text, span, category):
    """拘提、约谈犯嫌35人 -> suspects_arrested; 财损合计 -> money_involved; 当场控制涉事人员4名 ->
    suspects_arrested; 流窜作案15起 -> cases_solved; 以…为名吸收资金 -> money_involved; 打掉…犯罪组织
    2个 -> gangs_dismantled and 抓获组织成员17名 -> suspects_arrested (组织 a noun there); 总人口控制在
    300万人 stays social."""
    figure = next(f for f in figures(extractor, text) if f["text"] == span)
    assert figure["category"] == category


def test_a_breakdown_paragraph_keeps_the_window_of_the_paragraph_before(extractor):
    """从作案手段看，入室盗窃占比28.6%: the breakdown of the figures of the paragraph before takes
    their window (上半年), though the article's lead is another day's notice."""
    from datetime import date

    doc = extractor(make_article([
        "7月2日20时许，某派出所接报一起纠纷，民警当场控制涉事人员3名。",
        "2026年上半年，全区共破获盗窃案件136起，抓获犯罪嫌疑人88名。",
        "从作案手段看，入室盗窃占比28.6%，扒窃占比19.2%。",
    ], published=date(2026, 7, 10)))
    share = next(m.fields for m in doc.metrics if m.fields["value"] == 28.6)
    assert (share["period_start"], share["period_end"]) == (date(2026, 1, 1), date(2026, 6, 30))


def test_an_undated_page_takes_its_year_from_a_date_written_with_slashes(extractor):
    """2026/03/18 09:12 on an undated page names its year: 1月10日至3月10日 -> 2026-01-10..2026-03-10
    (not a window without days)."""
    from datetime import date

    doc = extractor(make_article([
        "2026/03/18 09:12 来源：某某网",
        "1月10日至3月10日，全市公安机关共破获盗窃案件412起。",
    ]))
    solved = next(m.fields for m in doc.metrics if m.fields["value"] == 412)
    assert (solved["period_start"], solved["period_end"]) == (date(2026, 1, 10), date(2026, 3, 10))


@pytest.mark.parametrize("sentences, span, category", [
    # 醉驾 counted apart from 酒驾 is a crime whatever noun follows it
    (["今年1至5月，全市共查处醉驾违法行为380起、酒驾违法行为1200起。"], "380起", "cases_solved"),
    (["今年1至5月，全市共查处醉驾违法行为380起、酒驾违法行为1200起。"], "1200起", "violations_handled"),
    (["交警支队查处酒驾和醉驾违法行为96起。"], "96起", "violations_handled"),
    # people caught crossing a border illegally are administrative offenders, also when （边） cuts
    # the noun; those of them suspected of a crime are suspects
    (["边检站在码头一带查获偷越国（边）境人员9名。"], "9名", "violations_handled"),
    (["边境地区查获非法出入境人员700余名，其中涉嫌从事电信诈骗的260余名。"], "700余名", "violations_handled"),
    (["边境地区查获非法出入境人员700余名，其中涉嫌从事电信诈骗的260余名。"], "260余名", "suspects_arrested"),
    # the act during which (巡逻时, 检查期间) is not the act counted
    (["派出所民警在江边巡逻时查获偷越国境人员3名。"], "3名", "violations_handled"),
    # land an offender destroyed is the scale of the offence; a city's land use is not
    (["被告人违规开采石料，毁坏林地8.5亩，造成直接经济损失约20万元。"], "8.5亩", "money_involved"),
    (["被告人违规开采石料，毁坏林地8.5亩，造成直接经济损失约20万元。"], "约20万元", "casualties"),
    (["十年间，该市共占用耕地3万亩，开发复垦耕地3.2万亩。"], "3万亩", "other"),
])
def test_decided_in_the_category_pass(extractor, sentences, span, category):
    """The contradictions GUIDE_attribution.md 3 settles (issue 12): 醉驾 -> cases_solved, 偷越国（边）境人员
    -> violations_handled, 毁坏林地 -> money_involved."""
    doc = extractor(make_article(sentences))
    found = [m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span]
    assert found and found[0]["category"] == category


@pytest.mark.parametrize("sentences, span, category", [
    # one case told as an example after 其中 has its own money, not a part of the recovered total
    (["全省警方为群众挽回损失12亿元。其中，两地警方联合侦破的一起洗钱案，涉案资金达8亿元。"], "8亿元", "money_involved"),
    (["全省警方为群众挽回损失12亿元。其中，两地警方联合侦破的一起洗钱案，涉案资金达8亿元。"], "12亿元", "losses_recovered"),
    # the money in bank accounts (户口, Hong Kong and Macao) just frozen is seized
    (["警方冻结银行户口30个，户口内款项共900万港元。"], "900万港元", "assets_seized"),
    # an offender's gain said as such, with no crime word in the sentence
    (["他明知情况，仍介绍同乡3人加入，从中获利5000元。"], "5000元", "money_involved"),
    # money found and taken (查获) is seized, even when it is the case's money (涉案资金)
    (["警方捣毁窝点5个，查获涉案资金900余万元。"], "900余万元", "assets_seized"),
    (["该案涉案资金900余万元。"], "900余万元", "money_involved"),
    # fines and confiscations (罚没) are seized, not income
    (["海关去年上缴财政罚没收入12.5亿元。"], "12.5亿元", "assets_seized"),
    # a den broken up whose noun stands after a long modifier
    (["执法人员端掉城郊4个生产假冒化肥的地下工厂。"], "4个", "gangs_dismantled"),
])
def test_stage_money_of_one_case_accounts_gains_and_dens(extractor, sentences, span, category):
    """涉案 vs recovered vs seized money: 其中一起…案，涉案资金 -> money_involved; 户口内款项 and 罚没 ->
    assets_seized; 从中获利 -> money_involved; 端掉…地下工厂 -> gangs_dismantled."""
    doc = extractor(make_article(sentences))
    found = [m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span]
    assert found and found[0]["category"] == category
