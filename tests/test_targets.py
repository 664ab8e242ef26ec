import pytest

from tracker.targets import check_target, extract_deadline, extract_targets, own_figures, report_figures, wider_areas


def summary(text):
    return [(t.metric, t.op, t.value, t.unit) for t in extract_targets(text)]


def test_rates_with_shared_value_give_one_target_each():
    assert summary("确保按时办结率、回访率达到100%。") == [("按时办结率", ">=", 100.0, "%"), ("回访率", ">=", 100.0, "%")]


def test_rate_and_count_targets():
    assert summary("年内出庭应诉率达到98%。") == [("出庭应诉率", ">=", 98.0, "%")]
    assert summary("确保每人接受不少于60学时的业务知识和法律法规培训。") == [("业务知识和法律法规培训", ">=", 60.0, "学时")]
    assert summary("每年至少举办2期领导干部法治专题讲座。") == [("领导干部法治专题讲座", ">=", 2.0, "期")]


def test_count_whose_metric_comes_before_it():
    assert summary("执法人员每人每年培训不少于60学时。") == [("执法人员培训", ">=", 60.0, "学时")]
    assert summary("开展行政执法案卷评查，每年不少于2次。") == [("行政执法案卷评查", ">=", 2.0, "次")]


def test_full_coverage_targets():
    assert summary("实现普法责任清单全覆盖、持续加强以案释法。") == [("普法责任清单", "=", None, "全覆盖")]
    assert summary("年底前基本建成市旗苏木镇三级全覆盖的行政执法协调监督工作体系。") == [
        ("行政执法协调监督工作体系", "=", None, "全覆盖")]


def test_text_without_targets():
    assert summary("规范性文件有效期届满前6个月，开展实施情况评估。") == []


def test_deadlines():
    assert extract_deadline("（牵头单位：旗司法局；完成时限：2025年9月底前）") == "2025年9月底前"
    assert extract_deadline("年底前基本建成工作体系。") == "年底前"
    assert extract_deadline("3月1日之前报告。4月1日之前公开。") == "3月1日之前；4月1日之前"
    assert extract_deadline("2022年年底前一体化政务服务平台与全国平台对接") == "2022年年底前"
    assert extract_deadline("规范性文件有效期届满前6个月开展评估") == ""


@pytest.mark.parametrize("target, sentence, expected", [
    # Another metric in the same sentence is not this target's figure.
    ("人民调解成功率达到98%以上", "全年调处矛盾纠纷412件，调解成功率96.3%，自动履行率99.1%。", ("not_met", "调解成功率96.3%")),
    # Last year's figure beside this year's: only this year's counts.
    ("负责人出庭应诉率达到100%", "负责人出庭应诉率由上年的92%提升至97%。", ("not_met", "负责人出庭应诉率提升至97%")),
    ("负责人出庭应诉率达到100%", "2024年出庭应诉率为92%，2025年提升至100%。", ("met", "年出庭应诉率提升至100%")),
    ("负责人出庭应诉率达到100%", "负责人出庭应诉率100%（上年为92%）。", ("met", "负责人出庭应诉率100%")),
    ("办件超期率控制在1%以下", "全年办件超期率0.6%。", ("met", "全年办件超期率0.6%")),
    # A count stands in the clause of what it counts, or a clause that counts the unit itself.
    ("执法人员培训时长不少于60学时", "组织执法人员培训3期，人均学时达到48学时，覆盖率100%。", "not_met"),
    ("执法人员培训时长不少于60学时", "组织执法人员培训3期，共60人，全年举办讲座12学时。", ("unknown", "")),
    # Hours per head are the training's hours, whatever the clause calls it (衡山县文旅局, tests/corpus).
    ("执法人员年度培训不少于60学时", "组织执法人员参加全省网络培训和县级集中轮训，人均参训48学时（2024年人均参训64学时）；",
     ("not_met", "和县级集中轮训，人均参训48学时")),
])
def test_a_figure_counts_only_for_its_own_metric_and_year(target, sentence, expected):
    [parsed] = extract_targets(target)
    result = check_target(parsed, report_figures([sentence]))
    assert (result[0] if isinstance(expected, str) else result) == expected


@pytest.mark.parametrize("text, expected", [
    ("群众满意度90%以上", ("群众满意度", ">=", 90.0, "%")),
    ("错案率2%以下", ("错案率", "<=", 2.0, "%")),
    ("办件超期率控制在1%以下", ("办件超期率", "<=", 1.0, "%")),
    ("投诉处理时间控制在5个工作日以内", ("投诉处理时间", "<=", 5.0, "个工作日")),
    ("行政复议案件按期办结率不低于98%", ("行政复议案件按期办结率", ">=", 98.0, "%")),
    ("行政执法案卷评查优良率≥90%", ("行政执法案卷评查优良率", ">=", 90.0, "%")),
    ("执法人员年度培训≥60学时", ("执法人员年度培训", ">=", 60.0, "学时")),
    ("投诉办结时限≤5个工作日", ("投诉办结时限", "<=", 5.0, "个工作日")),
    ("备案审查率均达到100%", ("备案审查率", ">=", 100.0, "%")),
    # A bound after the figure alone (苍岩旗, tests/corpus/unseen-canyan-2025), with 达到 and the date left out.
    ("全年举办行政执法人员专题培训班6期以上", ("行政执法人员专题培训班", ">=", 6.0, "期")),
    ("全年评查案卷达到300件以上", ("评查案卷", ">=", 300.0, "件")),
    ("2025年底前全乡法律明白人培养总数达到200名以上", ("全乡法律明白人培养总数", ">=", 200.0, "名")),
    ("2025年全年办理法律援助案件不少于800件", ("办理法律援助案件", ">=", 800.0, "件")),
    ("全年查处违法行为100件以上", ("查处违法行为", ">=", 100.0, "件")),
])
def test_every_way_of_bounding_a_target(text, expected):
    assert summary(text) == [expected]


def test_a_figure_that_qualifies_what_is_counted_is_no_target():
    assert extract_targets("对职工50人以上的企业开展法治体检") == []
    assert extract_targets("全年办理行政复议案件3件") == []


def test_a_degree_and_a_time_limit_are_checked_against_the_report():
    [satisfaction] = extract_targets("群众满意度90%以上")
    assert check_target(satisfaction, report_figures(["群众满意度达到93.5%。"]))[0] == "met"
    [limit] = extract_targets("投诉处理时间控制在5个工作日以内")
    assert check_target(limit, report_figures(["投诉平均处理时间3个工作日。"]))[0] == "met"
    assert check_target(limit, report_figures(["投诉平均处理时间7个工作日。"]))[0] == "not_met"


def test_an_outline_label_is_no_part_of_a_metric():
    assert summary("5.1.3执法人员年度法治培训不少于40学时。") == [("执法人员年度法治培训", ">=", 40.0, "学时")]


def test_the_rate_that_names_the_metric_most_fully_decides():
    target = extract_targets("热线诉求按时办结率达到98%以上。")[0]
    sentences = ["全年承办人大代表建议112件、政协委员提案158件，办结率100%。",
                 "全年热线共受理诉求91.8万件，群众满意率达到98.4%，诉求按时办结率为96.7%。"]
    assert check_target(target, report_figures(sentences))[0] == "not_met"


def test_a_rate_named_for_its_sentences_subject_is_the_targets():
    # 苇塘县司法局: the 满意度 of 受援群众 in a sentence on 法律援助 cases is the target's 法律援助案件满意度.
    [target] = extract_targets("法律援助案件满意度不低于95%。")
    sentence = "县法律援助中心全年办结法律援助案件386件，其中农民工讨薪案件112件，坚持结案回访，受援群众满意度为93.6%。"
    assert check_target(target, report_figures([sentence])) == ("not_met", "受援群众满意度为93.6%")
    # The same rate noun in a sentence on something else is another metric.
    other = "12345热线受理群众诉求2.3万件，群众满意度为93.6%。"
    assert check_target(target, report_figures([other]))[0] == "unknown"
    # 金塘县公安局: 年度 says when, like 全年; the 考评合格率 of a sentence on 执法质量考评 is the target's.
    [annual] = extract_targets("年度执法质量考评合格率达到100%。")
    sentence = "在县局季度执法质量考评中，本所考评合格率由上年的96%提升至100%。"
    assert check_target(annual, report_figures([sentence], 2025)) == ("met", "本所考评合格率提升至100%")


def test_a_part_of_the_year_gives_no_figure_of_the_year():
    # 福山县自然资源局: 一季度 100% beside the whole year's 97.3% had met a target of 100%.
    [rate] = extract_targets("卫片执法图斑按期核查率达到100%")
    sentence = ("对国家下发的2025年度卫片执法图斑实行“县局统筹、大队督导”，一季度下发图斑按期核查率达到100%，"
                "前三季度累计核查图斑812个，全年共核查图斑1046个，按期核查率为97.3%。")
    assert check_target(rate, report_figures([sentence], 2025)) == ("not_met", "按期核查率为97.3%")
    # Alone, a half-year's figure says nothing of the year.
    [mediation] = extract_targets("知识产权侵权纠纷调解成功率≥85%")
    assert check_target(mediation, report_figures(["上半年知识产权侵权纠纷调解成功率为88.9%。"], 2025))[0] == "unknown"


def test_figures_in_full_width_digits_are_read():
    # Pasted from an old system: 评查优良率为８７．５％.
    [rate] = extract_targets("行政执法案卷评查优良率≥90%")
    assert check_target(rate, report_figures(["抽评案卷３２０卷，评查优良率为８７．５％。"]))[0] == "not_met"


def test_last_years_hours_beside_this_years_do_not_meet_a_target():
    [hours] = extract_targets("行政执法人员参加法律知识培训不少于40学时")
    assert check_target(hours, report_figures(["全县行政执法人员人均参训36学时（2024年为41学时）。"]))[0] == "not_met"
    # 学时 tell what is counted: whose hours they are (行政执法人员) is enough beside them.
    assert check_target(hours, report_figures(["全县行政执法人员人均参训52学时，2024年人均参训62学时。"]))[0] == "met"


def test_last_years_figure_in_brackets_leaves_this_years_beside_it_in_a_sentence_naming_this_year():
    # 富溪县应急局 (tests/corpus/unseen-fuxi-yjj-2025): 《2025年度…计划》 names this year; the bracket names 2024 only to
    # compare, so 342家次 is this year's figure.
    [checks] = extract_targets("二是全年执法检查不少于300家次")
    assert checks.metric == "执法检查"  # the item's 二是 is no part of it
    sentence = "制定《2025年度安全生产执法检查计划》，全年执法检查生产经营单位342家次（2024年为276家次），立案查处38起。"
    assert check_target(checks, report_figures([sentence], 2025)) == ("met", "全年执法检查生产经营单位342家次")


def test_a_wider_areas_figure_quoted_by_a_district_is_not_the_districts_own():
    # 东江区 (tests/corpus/unseen-qingjiang-2025) quotes the city's rate beside its own, which misses the target.
    [rate] = extract_targets("政务服务事项全程网办率达到90%以上")
    sentence = "据市政务服务中心通报，全市政务服务事项全程网办率达到93.2%，我区政务服务事项全程网办率为86.5%。"
    assert check_target(rate, report_figures([own_figures(sentence, wider_areas("东江区"))]))[0] == "not_met"
    assert check_target(rate, report_figures([sentence]))[0] == "met"  # read as if both were the district's
    # In a city's own report 全市 is its own area.
    assert own_figures("全市全程网办率达到93.2%。", wider_areas("清江市")) == "全市全程网办率达到93.2%。"


def test_figures_written_in_words_are_figures_in_plans_and_reports():
    # 泰和镇 (tests/corpus/unseen-taihe-zhen-2025): 全年不少于十二场次 against 开展普法宣传十五场次; 达到百分之百.
    [events] = extract_targets("开展普法宣传活动，全年不少于十二场次。")
    assert (events.value, events.unit) == (12.0, "场次")
    assert check_target(events, report_figures(["组织开展普法宣传十五场次，受众群众六百余人次。"]))[0] == "met"
    [rate] = extract_targets("合法性审核率达到百分之百")
    assert rate.value == 100.0
    # Numerals that name, not count, stay words: 三项制度, 一季度, 第一次.
    assert extract_targets("全面落实行政执法三项制度，一季度召开第一次会议") == []


def test_a_rate_that_fell_from_last_year_is_this_years_figure():
    [rate] = extract_targets("局负责人出庭应诉率达到100%")
    figures = report_figures(["局负责人出庭应诉率由2024年的100%下降到2025年的87.5%，8件案件中出庭7件。"])
    assert check_target(rate, figures) == ("not_met", "局负责人出庭应诉率下降到2025年的87.5%")


def test_a_count_of_visits_to_establishments_is_one_unit_and_a_quoted_name_keeps_its_quotes():
    # 家次 (establishment-visits) is not 家 followed by a metric 次 (禾丰市市场监管局).
    [checks] = extract_targets("全年开展“双随机、一公开”抽查不少于1200家次，抽查结果及时公示。")
    assert (checks.metric, checks.value, checks.unit) == ("“双随机、一公开”抽查", 1200.0, "家次")
    assert check_target(checks, report_figures(["全年开展“双随机、一公开”抽查1046家次，发现问题主体87户。"]))[0] == "not_met"


def test_a_clause_that_opens_with_last_year_gives_last_years_figure():
    # 2024年全程网办率曾达到96.0%，今年…有所回落 in a 2025 report: the 96.0% is no figure of 2025.
    [rate] = extract_targets("市县两级政务服务事项全程网办率达到95%以上")
    figures = report_figures(["2024年全程网办率曾达到96.0%，今年因新增事项较多有所回落。", "全程网办率为91.3%。"], 2025)
    assert check_target(rate, figures)[0] == "not_met"
    # A date (2025年3月) or an earlier year in the middle of the clause (对2023年出台的方案…) is no such opening.
    assert "100%" in report_figures(["2025年3月完成清理，审核率100%。"], 2025).texts[0]
    # 芦塘镇 (tests/corpus/unseen-lutang-zhen-2025): the earlier year holds for the clauses after it in the sentence,
    # until one names this year.
    [rate] = extract_targets("镇政府负责人出庭应诉率达到100%")
    figures = report_figures(["会议通报了上年度工作情况：2024年全镇共调处各类矛盾纠纷287件，镇政府涉诉行政案件2件，"
                              "镇政府负责人出庭应诉率达到100%。", "全年镇政府负责人出庭应诉4件，出庭应诉率为80%。"], 2025)
    assert check_target(rate, figures) == ("not_met", "出庭应诉率为80%")
    assert "96%" in report_figures(["2024年办结率为90%，2025年提高到96%。"], 2025).texts[0]


def test_a_metric_named_with_another_subject_or_time_is_the_same_metric():
    # 石岳区 (tests/corpus/unseen-shiyue-2025): 区政府及部门负责人出庭应诉率 in the plan, 全年行政机关负责人出庭应诉率 in
    # the ledger; 平山县公安局: 现场执法活动执法记录仪使用率 and 现场执法执法记录仪使用率 end alike for eight characters.
    [rate] = extract_targets("区政府及部门负责人出庭应诉率达到100%")
    figures = report_figures(["全年行政机关负责人出庭应诉率91.3%（2024年为100%）。"], 2025)
    assert check_target(rate, figures) == ("not_met", "全年行政机关负责人出庭应诉率91.3%")
    [use] = extract_targets("现场执法活动执法记录仪使用率达到100%")
    assert check_target(use, report_figures(["全年现场执法执法记录仪使用率为96.3%。"], 2025))[0] == "not_met"
    # Five characters alike (按时办结率) may name two metrics: a proposal's rate is no hotline's.
    [hotline] = extract_targets("热线诉求按时办结率达到98%")
    assert check_target(hotline, report_figures(["建议提案按时办结率为90%。"], 2025))[0] == "unknown"


def test_a_rate_written_in_chinese_numerals():
    # 出庭应诉率达到百分之九十六点五 (a formal speech's way) against 98%; 百分之百 is 100%.
    [rate] = extract_targets("行政机关负责人出庭应诉率达到98%以上")
    assert check_target(rate, report_figures(["行政机关负责人出庭应诉率达到百分之九十六点五。"], 2025))[0] == "not_met"
    [online] = extract_targets("县本级政务服务事项全程网办率达到90%以上")
    assert check_target(online, report_figures(["县本级政务服务事项全程网办率达到百分之百。"], 2025))[0] == "met"


def test_a_measures_number_is_no_part_of_its_target_and_last_years_figure_is_not_shown():
    # 西关街道 (tests/corpus/unseen-xiguan-jd-2025): measures numbered in a table cell; a talking point's fragment.
    (target,) = extract_targets("加强综合行政执法队伍建设。1.严格执法人员持证上岗和资格管理。\n"
                                "2.执法人员每人每年法律知识培训不少于40学时。")
    assert target.metric.startswith("执法人员") and (target.op, target.value, target.unit) == (">=", 40.0, "学时")
    status, figure = check_target(target, report_figures(["人均法律知识培训 52 学时（2024 年 36 学时）"], 2025))
    assert status == "met" and figure.endswith("52学时") and "某" not in figure


def test_a_count_target_is_shown_as_the_plan_writes_it():
    # 太平区应急管理局 (tests/corpus/unseen-taiping-yjj-2025): 人均 and 全年 were cut out of the text shown to staff.
    (target,) = extract_targets("组织执法人员轮训，全年执法人员人均接受法律知识和业务培训不少于60学时；定期组织案例研讨。")
    assert target.text == "全年执法人员人均接受法律知识和业务培训不少于60学时"
    assert target.metric == "执法人员接受法律知识和业务培训" and (target.value, target.unit) == (60.0, "学时")
    (target,) = extract_targets("开展案卷评查，每年不少于2次。")
    assert (target.text, target.metric) == ("开展案卷评查，每年不少于2次", "案卷评查")


def test_a_cut_by_a_share_is_checked_against_the_cut_reported():
    # 金山经济开发区 (tests/corpus/unseen-jinshan-kfq-2025): 涉企行政检查频次较上年下降30%以上; the report gives the
    # cut in a sentence that names what was cut, not always in the same clause.
    (target,) = extract_targets("2025年底前，涉企行政检查频次较上年下降30%以上。")
    assert (target.text, target.op, target.value, target.unit) == ("涉企行政检查频次较上年下降30%以上", ">=", 30.0, "%")
    missed = report_figures(["全年涉企行政检查412户次，较上年的524户次下降21.4%。"], 2025)
    assert check_target(target, missed) == ("not_met", "全年涉企行政检查412户次，较上年的524户次下降21.4%")
    met = report_figures(["涉企行政检查频次同比下降33.5%，入企检查企业满意度达到98.6%。"], 2025)
    assert check_target(target, met)[0] == "met"
    unrelated = report_figures(["全年审批时限平均压缩45%。"], 2025)
    assert check_target(target, unrelated)[0] == "unknown"


def test_a_bare_figure_after_another_subject_is_not_the_rate_named_before():
    # 雨花县 (tests/corpus/unseen-yuhua-2025): 网上可办率达到93.6%，即办件占比达到97.2% misses 95%; the 97.2% is the
    # share of 即办件. A clause with no subject of its own still continues the rate (…92%，2025年提升至100%).
    (target,) = extract_targets("县级政务服务事项网上可办率达到95%以上")
    figures = report_figures(["县级政务服务事项网上可办率达到93.6%，即办件占比达到97.2%；"])
    assert check_target(target, figures) == ("not_met", "县级政务服务事项网上可办率达到93.6%")
    (rate,) = extract_targets("出庭应诉率达到100%")
    assert check_target(rate, report_figures(["行政机关负责人出庭应诉率为92%，2025年提升至100%。"]))[0] == "met"


def test_case_files_and_rounds_are_counts():
    # 青榆区 (tests/corpus/unseen-qingyu-2025): 评查案卷不少于300卷 was no target, so 268卷 did not stop 已落实;
    # 湖山区人社局: 随机抽查不少于2轮次 read 次 as its metric.
    [files] = extract_targets("（1）开展行政执法案卷评查，全年评查案卷不少于300卷；")
    assert (files.metric, files.value, files.unit) == ("评查案卷", 300.0, "卷")
    [rounds] = extract_targets("年内对辖区用人单位开展随机抽查不少于2轮次，抽查情况按规定向社会公开。")
    assert rounds.unit == "轮次" and rounds.value == 2.0


def test_a_count_of_events_is_met_in_any_unit_of_events():
    # 松树县市场监管局 (tests/corpus/unseen-songshu-scjgj-2025): 培训不少于2次 against 举办…培训班3期 stayed unknown.
    [training] = extract_targets("组织行政执法人员法律知识和业务培训不少于2次，做好新进人员执法资格考试")
    figures = report_figures(["三是举办行政执法人员能力提升培训班3期，累计培训执法人员210人次，"
                              "组织12名新进人员参加执法资格考试。"])
    assert check_target(training, figures) == ("met", "政执法人员能力提升培训班3期")
    # People counted (人次) and samples (批次) are no events.
    assert check_target(training, report_figures(["累计培训执法人员210人次。"]))[0] == "unknown"
    [samples] = extract_targets("全年食品抽检不少于500批次。")
    assert check_target(samples, report_figures(["全年开展食品抽检5次。"]))[0] == "unknown"


def test_a_count_is_bound_to_its_metric_by_words_of_content():
    # 白杨旗 (tests/corpus/unseen-baiyang-qi-2025): 至少2次专题研究法治政府建设工作 was met by …工作人员旁听庭审4场次,
    # through 工作; 沙河乡: 法治讲座不少于4场 by 专题研究法治建设工作4次, through 法治.
    [study] = extract_targets("旗政府常务会议每年至少2次专题研究法治政府建设工作；")
    hearings = report_figures(["全年办理一审行政诉讼案件32件，组织旗直部门和苏木镇工作人员旁听庭审4场次、260余人次。"])
    assert check_target(study, hearings)[0] == "unknown"
    [lectures] = extract_targets("结合“法律进乡村”活动开展法治讲座不少于4场。")
    figures = report_figures(["乡党委会专题研究法治建设工作4次。", "结合“法律进乡村”活动，全年开展法治讲座3场。"])
    assert check_target(lectures, figures) == ("not_met", "”活动，全年开展法治讲座3场")


def test_a_share_is_a_target_and_is_checked_against_the_share_reported():
    # 云香县行政审批服务局 (tests/corpus/unseen-yunxiang-xzsp-2025): 即办件占比达到60%以上 was no target (only 率 and
    # 满意度 named a percentage); reports give shares without the name before the figure.
    [share] = extract_targets("2025年12月底前即办件占比达到60%以上。")
    assert (share.metric, share.op, share.value, share.unit) == ("即办件占比", ">=", 60.0, "%")
    [ratio] = extract_targets("跨部门联合抽查比例不低于30%")
    assert ratio.metric == "跨部门联合抽查比例"
    counted = report_figures(["综合窗口全年受理各类事项12870件，其中即办件7227件，占比56.2%。"])
    assert check_target(share, counted) == ("not_met", "，其中即办件7227件，占比56.2%")
    # 松涛县信访局: 占信访事项总量的63.4% is the share of 网上信访, named earlier in the sentence.
    [online] = extract_targets("网上信访占比达到70%以上")
    assert check_target(online, report_figures(["全年网上信访1468件，占信访事项总量的63.4%。"]))[0] == "not_met"
    # A share of something else in the sentence is not this one's.
    assert check_target(online, report_figures(["全年来访1468件，占信访事项总量的63.4%。"]))[0] == "unknown"
    # A table of figures is read row by row with its header (tracker/segment.py): its total speaks for the whole.
    rows = ["社会事务类，办件量（件）41352，即办件（件）26563，占比64.2%。",
            "合计，办件量（件）72648，即办件（件）37975，占比52.3%。"]
    assert check_target(share, report_figures(rows)) == ("not_met", "即办件（件）37975，占比52.3%")


def test_a_tables_total_decides_a_rate_its_rows_give_for_parts():
    # 柳林镇 (tests/corpus/unseen-liulin-zhen-2025): one village's 调解成功率100% had met the town's target of 98%; the
    # 合计 row gives 97.0%.
    [target] = extract_targets("全年矛盾纠纷调解成功率达到98%以上。")
    rows = ["东坡村，受理纠纷（件）31，调解成功（件）30，调解成功率96.8%。",
            "西沟村，受理纠纷（件）26，调解成功（件）26，调解成功率100%。",
            "合计，受理纠纷（件）132，调解成功（件）128，调解成功率97.0%。"]
    assert check_target(target, report_figures(rows)) == ("not_met", "调解成功率97.0%")
    assert check_target(target, report_figures(rows[:2]))[0] == "met"


def test_an_estimate_for_the_year_is_no_result():
    # 翠湖县教育局 (tests/corpus/unseen-cuihu-jyj-2025): a 1—11月 summary, 覆盖率为85.7%，预计全年…将达到100%.
    [target] = extract_targets("完成全县校外培训机构年度检查，检查覆盖率达到百分之百。")
    sentence = "截至十一月底，已完成42家机构年度检查，检查覆盖率为百分之八十五点七，预计全年检查覆盖率将达到百分之百。"
    assert check_target(target, report_figures([sentence], 2025))[0] == "not_met"


def test_rates_listed_before_a_shared_figure_each_have_it():
    # 南陵区 (tests/corpus/unseen-nanling-qu-2025): 合法性审核率、备案率均为100% gave no figure to 合法性审核率, and 均为
    # was no way of reaching one.
    figures = report_figures(["全年审核行政规范性文件27件，合法性审核率、备案率均为100%；"])
    [reviewed, filed] = extract_targets("合法性审核率、备案审查率均达到100%。")
    assert check_target(reviewed, figures) == ("met", "合法性审核率、备案率均为100%")
    # 备案率 is not 备案审查率; where the report names it so, it has the figure too.
    assert check_target(filed, figures)[0] == "unknown"
    assert check_target(filed, report_figures(["合法性审核率、备案审查率均为100%。"]))[0] == "met"


def test_a_count_is_read_from_the_clause_that_names_its_metric_most_fully():
    # 双塔县生态环境分局 (tests/corpus/unseen-shuangta-sthj-2025): 集体学法 3 times against 不少于4次, beside 会前学法 11
    # times in another sentence; both share 学法, only the first is the target's metric.
    [target] = extract_targets("全年集体学法不少于4次")
    figures = report_figures(["局党组理论学习中心组全年开展集体学法3次，重点学习新修订的《行政复议法》；",
                              "坚持局务会会前学法，全年会前学法11次。"])
    assert check_target(target, figures) == ("not_met", "习中心组全年开展集体学法3次")
