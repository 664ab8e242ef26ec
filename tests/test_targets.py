from tracker.targets import extract_deadline, extract_targets


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
