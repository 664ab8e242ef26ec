"""Small unit tests of the assessment rule, the lexicon, reviews and safe output, on real snippets."""

import json
from pathlib import Path

import openpyxl
import pytest

from tracker.assess import (
    CONCRETE,
    ELSEWHERE,
    GENERAL,
    NONE,
    Features,
    Ruling,
    banded_score,
    confidence,
    decision,
)
from tracker.errors import OutputError
from tracker.excel import KEY_COLUMNS, NOTE_COLUMN, REVIEW_COLUMN, TASKS
from tracker.lexicon import lexicon
from tracker.models import MET, NOT_MET, Plan, Results, Target, TargetResult, Task, TaskResult
from tracker.output import guard_outputs, write_json, write_safely
from tracker.review import apply_reviews, read_reviews

RATE = Target("出庭应诉率达到98%", "出庭应诉率", ">=", 98.0, "%")


def features(levels, score, concrete, support=0, section=0, full=None, owned=0, clear=0, margin=0.0):
    return Features(tuple(levels), (None,) * len(levels), score, concrete, support, section,
                    concrete if full is None else full, owned, clear, margin)


# ---------------------------------------------------------------- assess

def test_the_status_rule():
    # 行政复议 sentences with figures cover the core and every measure, three of them the report's own on this task.
    plain = features([CONCRETE, CONCRETE, CONCRETE], 0.9, 3, support=3, owned=3, clear=2, margin=0.5)
    assert decision(plain, ()).status == "done"
    # … unless a reported figure misses the target (出庭应诉率 92% against 98%): the rubric's limit, whatever the model.
    assert decision(plain, (TargetResult(RATE, NOT_MET, "92%"),)).status == "partial"
    # Nothing found among the achievements: missing, with nothing to quote.
    assert decision(features([NONE, NONE], 0.0, 0), ()).status == "missing"
    assert decision(features([ELSEWHERE, NONE, NONE], 0.0, 0), ()).status == "missing"
    # Matches without a sentence of facts are never done, however many measures they touch.
    assert decision(features([GENERAL] * 4, 0.4, 0, owned=0), ()).status != "done"
    # A few general words, no sentence of the report's own on the task: not done.
    assert decision(features([GENERAL, NONE, NONE], 0.2, 0), ()).status != "done"


def test_more_evidence_never_lowers_the_status():
    # The model is monotone in every feature that measures evidence (assess.MONOTONE): a task's status can only
    # rise as the report shows more of it, step by step from nothing to everything.
    steps = [features([NONE, NONE, NONE, NONE], 0.0, 0),
             features([NONE, GENERAL, NONE, NONE], 0.1, 0),
             features([NONE, CONCRETE, NONE, NONE], 0.25, 1, owned=1, margin=0.2),
             features([CONCRETE, CONCRETE, NONE, NONE], 0.5, 2, support=1, owned=2, clear=1, margin=0.3),
             features([CONCRETE, CONCRETE, CONCRETE, NONE], 0.75, 3, support=2, owned=3, clear=2, margin=0.4),
             features([CONCRETE] * 4, 1.0, 4, support=4, owned=4, clear=4, margin=0.6)]
    order = {"missing": 0, "partial": 1, "done": 2}
    ranks = [order[decision(step, ()).status] for step in steps]
    assert ranks == sorted(ranks) and ranks[0] == 0 and ranks[-1] == 2, ranks


def test_the_reason_names_what_decided():
    assert "没有任何措施" in decision(features([NONE, NONE], 0.0, 0), ()).reason
    plain = features([CONCRETE, CONCRETE, CONCRETE], 0.9, 3, support=3, owned=3, clear=2, margin=0.5)
    done = decision(plain, ())
    assert "任务核心有具体佐证" in done.reason and done.reason.endswith("判定为已落实。")
    assert "量化目标未达到" in decision(plain, (TargetResult(RATE, NOT_MET, "92%"),)).reason


def test_score_stays_in_its_status_band():
    assert banded_score("missing", 0.9) <= 0.25 <= banded_score("partial", 0.0) <= banded_score("partial", 1) <= 0.6
    assert banded_score("done", 0.0) >= 0.6


def test_confidence_is_how_likely_the_status_is_and_says_why():
    from tracker.verdict import status_model

    high, low = status_model().high, status_model().low
    sure = confidence(Ruling("done", "", high), features([CONCRETE] * 4, 0.9, 4, support=3), ())
    assert sure[0] == "high" and "具体佐证" in sure[1]
    assert confidence(Ruling("done", "", low - 0.01), features([CONCRETE, NONE], 0.5, 1), ()) == (
        "low", "刚达到“已落实”的标准，只有部分措施有具体佐证（措施覆盖度 50%）")
    # Doubt over a task whose measures are mostly evidenced is about the sentences: few speak of it alone.
    broad = confidence(Ruling("done", "", low - 0.01), features([CONCRETE] * 4, 0.9, 4, support=2, owned=2, clear=1), ())
    assert broad[0] == "low" and "专门记述本任务" in broad[1] and "只有部分措施" not in broad[1]
    # Nothing among the achievements, a measure named only among the problems or plans: that is the reason given.
    assert confidence(Ruling("missing", "", high), features([NONE, ELSEWHERE, NONE], 0.0, 0), ()) == (
        "high", "相关内容只出现在“存在的问题”或“下一步计划”中")
    assert confidence(Ruling("missing", "", low - 0.01), features([NONE, GENERAL], 0.1, 0), ())[0] == "low"
    assert confidence(Ruling("partial", "", high), features([CONCRETE, NONE], 0.5, 1), (), claim_unsupported=True) == (
        "low", "单位自报已完成，但报告记述不足以证明")
    near = features([CONCRETE, CONCRETE, CONCRETE, CONCRETE, NONE], 0.5, 4, support=2)
    assert confidence(Ruling("partial", "", (high + low) / 2), near, ())[1].startswith("任务核心和多项措施")
    assert confidence(Ruling("partial", "", high), near, (TargetResult(RATE, NOT_MET, "92%"),)) == ("high", "量化目标未达到")
    # On a real judgement 高 follows how likely the judgement is to be right (the sureness model, fitted on the
    # held-out judgements of the corpus), 低 the chance the status model gives the status.
    plain = features([CONCRETE, CONCRETE, CONCRETE], 0.9, 3, support=3, owned=3, clear=2, margin=0.5)
    ruling = decision(plain, ())
    assert ruling.sure is not None and 0 < ruling.sure < 1
    assert confidence(ruling, plain, ())[0] == ("high" if ruling.sure >= high else "medium" if ruling.chance >= low
                                                 else "low")
    # The same evidence, sure to be right or not, by the sureness alone.
    assert confidence(Ruling("done", "", low + 0.01, high), plain, ())[0] == "high"
    assert confidence(Ruling("done", "", high, high - 0.01), plain, ())[0] == "medium"


def test_the_sureness_reads_how_much_of_the_plan_the_same_reports_show_done():
    import numpy as np

    from tracker.verdict import sure_inputs

    X = np.zeros((4, 2))
    codes, chances, paraphrase = np.array([2, 2, 0, 1]), np.full(4, 0.8), np.zeros(4)
    # One run: half the plan's tasks done. Two runs (plan × report pairs of the corpus): each its own share.
    assert sure_inputs(X, paraphrase, codes, chances)[:, -1].tolist() == [0.5] * 4
    shares = sure_inputs(X, paraphrase, codes, chances, np.array(["a", "a", "b", "b"]))[:, -1]
    assert shares.tolist() == [1.0, 1.0, 0.0, 0.0]


def test_a_measure_that_is_a_met_target_is_not_listed_as_unseen():
    # 石门乡 (tests/corpus/unseen-shimen-xiang-2025): 成功率百分之九十五点六 meets 调解成功率达到95%以上, a measure
    # of its own that no sentence of achievement repeats.
    from tracker.assess import explain, unevidenced
    from tracker.models import MeasureResult

    target = Target("矛盾纠纷调解成功率达到95%以上", "矛盾纠纷调解成功率", ">=", 95.0, "%")
    measures = [MeasureResult("推进矛盾纠纷多元化解", NONE, core=True),
                MeasureResult("每月开展一次矛盾纠纷集中排查，", CONCRETE, "每月初各村排查一次"),
                MeasureResult("实行矛盾纠纷“一站式”受理；", NONE),
                MeasureResult("矛盾纠纷调解成功率达到95%以上。", ELSEWHERE, "明年…")]
    met, missed = TargetResult(target, MET, "成功率95.6%"), TargetResult(target, NOT_MET, "成功率91.3%")
    assert unevidenced(measures, (met,)) == ["实行矛盾纠纷“一站式”受理"]
    assert unevidenced(measures, (missed,))[-1] == "矛盾纠纷调解成功率达到95%以上"
    assert "未见：实行矛盾纠纷“一站式”受理。" in explain("partial", measures, (met,))


def test_a_document_read_or_forwarded_is_no_work_on_its_matter():
    # 原平区 (tests/corpus/unseen-yuanping-2025): 转发《…工作体系建设的通知》 and a 会前学法 list of 《…意见》 are its
    # only words on two tasks; a document made (制定《…办法》) is work, and studying 《民法典》 is a study task's.
    tasks = (Task(1, "1", "", "健全行政执法协调监督工作体系", "健全行政执法协调监督工作体系。"),
             Task(2, "2", "", "健全矛盾纠纷多元化解机制", "健全矛盾纠纷多元化解机制。"),
             Task(3, "3", "", "深入学习宣传民法典", "深入学习宣传民法典。"))
    texts = ["转发《山北市人民政府办公室关于进一步加强行政执法协调监督工作体系建设的通知》，要求各部门认真贯彻。",
             "全年会前学法12次，集中学习《中华人民共和国民法典》、《关于加强新时代矛盾纠纷多元化解工作的意见》等。",
             "制定《原平区矛盾纠纷多元化解工作办法》，建成区级调解中心1个。"]
    index, model, weights = matching(tasks, texts, "原平区")
    found = {task.seq: {hit.passage for hit in index.hits(model.measures(task, weights)[0])} for task in tasks}
    assert found == {1: set(), 2: {2}, 3: {1}}
    # 宁川县 (tests/corpus/ningchuan-scjg-2025): a later title of the list may carry its edition.
    from tracker.match import _cited
    assert _cited("先后学习《中华人民共和国民营经济促进法》、新修订的《中华人民共和国反不正当竞争法》以及"
                  "《市场监督管理行政处罚程序规定》等法律法规") == [
        "中华人民共和国民营经济促进法", "中华人民共和国反不正当竞争法", "市场监督管理行政处罚程序规定"]
    assert _cited("学习《中华人民共和国行政复议法》，制定《宁川县行政复议工作办法》") == ["中华人民共和国行政复议法"]

def test_work_that_its_own_sentence_says_is_unfinished_is_no_concrete_evidence(tmp_path):
    # 新河县 (tests/corpus/unseen-xinhe-2025): 开展集中清理，但…清理工作尚未全部完成 begins the clean-up, which the
    # same sentence says is not finished; the 合法性审核 before it stands. A shortfall in the next sentence, on
    # other work, takes nothing from it (安远县: 法制审核…。…未能组织开展执法案卷交叉评查。).
    from tracker.ingest import read_document
    from tracker.segment import split_report

    task = Task(1, "1", "", "加强行政规范性文件监督管理", "加强行政规范性文件监督管理。严格落实合法性审核制度；"
                "2025年9月底前完成现行有效行政规范性文件集中清理。")
    path = tmp_path / "report.txt"
    path.write_text("一、主要工作\n对行政规范性文件23件逐件开展合法性审核。同步部署对现行有效的行政规范性文件开展"
                    "集中清理，但截至年底清理工作尚未全部完成。全年组织执法培训3期，但案卷评查尚未开展。\n",
                    encoding="utf-8")
    passages = split_report(read_document(path)).passages
    index, model, weights = matching([task], passages)
    levels = {}
    for measure in model.measures(task, weights)[1:]:
        hit = index.hits(measure)[0]
        levels[index.passages[hit.passage].text[:4]] = index.concreteness(hit)
    assert levels["对行政规"] >= 1 and levels["同步部署"] == 0


def test_a_measure_a_shortfall_names_more_fully_than_any_work_done_is_undone():
    # 柳湾县交通运输局 (tests/corpus/unseen-liuwan-jtj-2025): the clean-up is said unfinished; a sentence on clearing
    # road signs shares 清理 with the measure, and is another matter.
    from tracker.assess import DEFAULT, ELSEWHERE, Candidate, _measure_level
    from tracker.models import Passage

    task = Task(1, "1", "", "加强行政规范性文件管理", "加强行政规范性文件管理。2025年9月底前完成清理并向社会公布清理结果。")
    done = Passage("r.txt", "一、主要工作", 1, 1, "achievement",
                   "路政执法中队开展国省干线和农村公路路域环境集中整治，清理非公路标志牌43块、占道堆物和马路市场21处。")
    undone = Passage("r.txt", "二、存在的问题", 2, 1, "problem", "清理工作未能在9月底前完成，清理结果尚未向社会公布。")
    levels = []
    for passages in ([done], [done, undone]):
        index, model, weights = matching([task], passages)
        measure = model.measures(task, weights)[1]
        levels.append(_measure_level(Candidate(measure, index.hits(measure)), index, {}, DEFAULT)[0])
    assert levels[0] != ELSEWHERE and levels[1] == ELSEWHERE


# ---------------------------------------------------------------- lexicon

def test_tokens_drop_boilerplate_and_keep_phrases_whole():
    lex = lexicon()
    assert lex.tokens("进一步加强和规范行政复议工作，推行“四张清单”制度。") == ["行政复议", "四张清单", "推行"]
    assert lex.concept_of("四张清单") == "包容审慎监管"  # other words for the same work
    assert not lex.is_content("加强") and lex.is_content("复议")


def test_a_negating_prefix_makes_a_word_of_its_own():
    # 东湖区城管局 (tests/corpus/unseen-donghu-cgj-2025): 非现场执法 had been 现场 and 执法, so that 现场执法实现音像记录
    # 全覆盖 addressed a task on 非现场执法 with all its words.
    lex = lexicon()
    assert "现场" not in lex.tokens("推进城市管理非现场执法") and "非现场" in lex.tokens("推进城市管理非现场执法")
    assert lex.tokens_many(["建设非现场执法系统"]) == [lex.tokens("建设非现场执法系统")]
    assert "非法" in lex.tokens("打击非法行医")


def test_anchors_are_words_specific_to_the_measure_not_to_the_genre():
    from tracker.match import measure_shapes

    lex = lexicon()
    title = "压实法治建设第一责任人职责"
    shapes = measure_shapes(title, title + "。全面推行“扫码入企”，实现检查行为全程留痕。", lex)
    core, clause = shapes[0], shapes[1]
    # 法治建设 is a term of the domain, but one sentence in twenty of the genre uses it: it anchors nothing.
    assert "第一责任人" in core[3] and "法治建设" not in core[3]
    # 全面推行 is rare in general Chinese but usual in the genre; 留痕 is rare in both.
    assert "留痕" in clause[3] and "全面推行" not in clause[3]
    # 柳城区 (tests/corpus/liucheng-2025): 区级 says at which level, as 柳城 says where; it ties 健全区级部门与街道执法
    # 协作配合机制 to no sentence on 区级政务服务事项.
    shapes = measure_shapes("深化街道综合行政执法改革", "深化街道综合行政执法改革。健全区级部门与街道执法协作配合机制；"
                            "推动县直部门和乡镇级执法力量两级联动。", lex)
    assert not {"区级", "乡镇级", "两级"} & {t for shape in shapes for t in shape[1]}
    assert "协作" in shapes[1][1]
    # 乔山县气象局 (tests/corpus/unseen-qiaoshan-qxj-2025): 县域 says where, like 县级; 建立县域气象探测环境保护台账
    # is not served by a sentence on the maintenance of 县域内32个区域自动气象站.
    shapes = measure_shapes("强化气象探测环境保护", "强化气象探测环境保护。建立县域气象探测环境保护台账。", lex)
    assert "县域" not in shapes[1][1] and "台账" in shapes[1][1]
    # 荷塘镇 (tests/corpus/unseen-hetang-zhen-2025): 镇政府 names the government of the level, as 镇级 does; the
    # heading 加强镇政府合同管理 was matched by any sentence on what 镇政府 did.
    shapes = measure_shapes("加强镇政府合同管理", "加强镇政府合同管理。建立镇政府合同台账。", lex)
    assert "镇政府" not in shapes[0][1] and "合同" in shapes[0][1]


def test_a_clause_without_an_object_stays_with_the_measure_before_it():
    from tracker.match import measure_shapes

    measure = "选取部分已实施的重大行政决策开展决策后评估，评估结果作为调整完善决策的重要依据。"
    pieces = [shape[0] for shape in measure_shapes("严格落实重大行政决策程序", "严格落实重大行政决策程序。" + measure, lexicon())]
    assert pieces == ["严格落实重大行政决策程序", measure]


def test_a_clause_on_the_outcome_of_the_one_before_is_part_of_its_measure():
    # 凤城县 (tests/corpus/unseen-fengcheng-2025): 评价结果纳入绩效考核 alone was matched by any 评查结果纳入…考核.
    from tracker.match import measure_shapes

    title = "加强政务诚信建设"
    measure = "开展乡镇政府和县直部门政务诚信评价，评价结果纳入绩效考核。"
    pieces = [shape[0] for shape in measure_shapes(title, f"{title}。{measure}", lexicon())]
    assert pieces == [title, measure]


def test_a_title_of_several_clauses_names_several_measures():
    # 泾阳旗's tasks are one sentence each: a report on 合法性审核 alone shows one measure of three, not the task.
    from tracker.match import measure_shapes

    title = "加强行政规范性文件监督管理，落实合法性审核和备案审查制度，开展规范性文件集中清理并公布现行有效目录"
    pieces = [shape[0] for shape in measure_shapes(title, title + "。", lexicon())]
    assert pieces[0] == title and len(pieces) == 3
    assert pieces[1].endswith("落实合法性审核和备案审查制度，") and pieces[2] == "开展规范性文件集中清理并公布现行有效目录"
    assert [shape[0] for shape in measure_shapes("推进政务公开", "推进政务公开。", lexicon())] == ["推进政务公开"]


def matching(tasks, sentences, region=""):
    """What matching sees of a plan of these tasks and a report of these sentences (a text, or a Passage):
    the report's index, the plan's model and the weights of its words."""
    from tracker.match import PlanModel, ReportIndex
    from tracker.models import Passage

    lex = lexicon()
    plan = Plan("p.txt", "txt", "计划", region, 2025, (), tuple(tasks))
    passages = [s if isinstance(s, Passage) else Passage("r.txt", "一、主要成效", i + 1, 1, "achievement", s)
                for i, s in enumerate(sentences)]
    index = ReportIndex(passages, lex)
    model = PlanModel(plan, lex)
    return index, model, model.weights(index.tokens)


def hit_passages(tasks, sentences, measure=0):
    """The passages that the given measure of the first task hits, best first."""
    index, model, weights = matching(tasks, sentences)
    return [hit.passage for hit in index.hits(model.measures(tasks[0], weights)[measure])]


def test_a_heading_is_matched_through_its_domain_term():
    task = Task(1, "1", "", "“八五”普法规划全面收官", "“八五”普法规划全面收官。")
    index, model, weights = matching([task], ["2025年是《法治政府建设实施纲要（2021—2025年）》的收官之年。",
                                              "全年开展普法活动132场，覆盖群众3.6万人次。"])
    core = model.measures(task, weights)[0]
    # 收官 weighs more than 普法, but the heading's object is its term of the domain.
    assert [hit.passage for hit in index.hits(core)] == [1]


def test_words_of_oversight_alone_are_no_match():
    # 杏坪县 task 6 (tests/corpus/unseen-xingping-2025): 纳入 and 考核 are all that a sentence on 法治建设通报 shares
    # with 将政务履约情况纳入部门年度考核; the measure's work is the 履约, which it never names.
    title = "加强政务诚信建设"
    task = Task(1, "1", "", title, title + "。将政务履约情况纳入部门年度考核。")
    texts = ["建立法治建设季度通报机制，通报情况纳入乡镇年度综合考核，全年印发通报4期。",
             "开展政府合同履约情况专项检查，将履约情况纳入部门年度考核，清理合同126份。"]
    assert hit_passages([task], texts, 1) == [1]
    # 橙湖市城管局's 支队 (tests/corpus/unseen-chenghu-cgj-2025): its 考核机制 of enforcement teams tells the concept of
    # 绩效考核, a word of oversight too, and nothing of 法治建设.
    task = Task(1, "1", "", "压实法治建设第一责任人职责", "压实法治建设第一责任人职责。将法治建设情况纳入各科室年度绩效考核。")
    assert hit_passages([task], ["完善内部执法监督和考核机制，对各区大队执法工作实行月度通报。"], 1) == []
    # A measure of oversight words only is matched by them.
    assert hit_passages([Task(1, "1", "", "强化考核", "强化考核。纳入考核。")], texts, -1)


def test_a_plain_word_stronger_than_the_headings_terms_is_part_of_its_substance():
    # 橙湖市城管局 task 15 (tests/corpus/unseen-chenghu-cgj-2025): 执法人员 is a term of the domain, but the heading is
    # about their 证件; a sentence counting 执法人员 on patrol does not cover it fully. (执法人员 is also in the plan's
    # other tasks, and weighs less than 证件 for this one.)
    title = "加强执法人员资格和证件管理"
    task = Task(1, "1", "", title, title + "。严格执法证件申领、换发和注销管理。")
    others = [Task(2, "2", "", "加强执法培训", "加强执法培训。执法人员培训不少于60学时。"),
              Task(3, "3", "", "规范执法行为", "规范执法行为。执法人员全面使用执法记录仪。")]
    texts = ["全年支队共出动执法人员4.6万人次，拆除违法建设1.2万平方米。",
             "完成86名执法人员证件年审，注销调离人员证件4个。"]
    index, model, weights = matching([task, *others], texts)
    core = model.measures(task, weights)[0]
    coverage = {hit.passage: hit.coverage for hit in index.hits(core)}
    assert coverage[1] == 1.0 and coverage.get(0, 0.0) < 1.0


def test_a_concepts_common_word_does_not_stand_for_its_specific_phrases():
    # 平安镇 task 13 (tests/corpus/unseen-pingan-zhen-2025): 普法 (in seven times more sentences of the genre) does
    # not stand for 法律明白人, of the same concept; 以案释法, as rare, does.
    title = "培育农村“法律明白人”"
    task = Task(1, "1", "", title, title + "。以村两委成员为重点培育农村“法律明白人”。")
    texts = ["印发《平安镇2025年普法责任清单》，明确普法任务28项。",
             "组织开展以案释法活动，走进12个村举办讲座24场。"]
    assert hit_passages([task], texts) == [1]


def test_a_heading_may_name_two_objects_side_by_side():
    # 蓼滩区 task 14 (tests/corpus/unseen-liaotan-2025): 合法性审核 and 备案审查 weigh alike; a sentence on the 备案
    # of 规范性文件 speaks of the heading's second object, not of something else.
    title = "加强行政规范性文件合法性审核和备案审查"
    task = Task(1, "1", "", title, title + "。")
    texts = ["对各部门报送备案审查的行政规范性文件坚持逐件登记、逐件审查，报备率均达100%。"]
    assert hit_passages([task], texts) == [0]


def test_the_places_name_matches_nothing():
    # 红柳旗 (tests/corpus/hongliu-2025): the measure names the place's 决策事项目录; a cover sentence names the
    # place's 工作要点. They share the place's name and nothing else.
    title = "严格落实重大行政决策程序"
    task = Task(1, "1", "", title, title + "。年初编制并公开《红柳旗2025年度重大行政决策事项目录》。")
    texts = ["根据《红柳旗2025年法治政府建设工作要点》分工安排，旗司法局对各牵头单位报送的落实情况进行了汇总梳理。",
             "3月，在旗政府门户网站公布《红柳旗2025年度重大行政决策事项目录》，将4个事项纳入目录管理。"]
    index, model, weights = matching([task], texts, "红柳旗")
    measure = model.measures(task, weights)[1]
    assert "红柳" not in measure.tokens
    assert [hit.passage for hit in index.hits(measure)] == [1]


def test_a_fragment_is_matched_through_the_label_it_stands_under():
    # 重大决策事项目录：3 项…，6 月 18 日公布: the fragment names neither 决策 nor 目录; its label does.
    from tracker.models import Passage

    title = "规范重大行政决策程序"
    task = Task(1, "1", "", title, title + "。编制并公布街道年度重大行政决策事项目录。")
    passages = [Passage("r.md", "一、工作", 1, 1, "achievement", "重大决策事项目录", heading=True),
                Passage("r.md", "一、工作", 1, 2, "achievement", "3 项（老旧小区改造、农贸市场提升改造），6 月 18 日公布",
                        topic="重大决策事项目录")]
    index, model, weights = matching([task], passages, "西关街道")
    measure = model.measures(task, weights)[1]
    assert [hit.passage for hit in index.hits(measure) if index.is_evidence(hit.passage)] == [1]


# ---------------------------------------------------------------- review

def results_of(*titles):
    tasks = tuple(Task(i, f"（{i}）", "", title, title + "。") for i, title in enumerate(titles, start=1))
    plan = Plan("p.txt", "txt", "计划", "", 2025, (), tasks)
    return Results(plan, (), tuple(TaskResult(t, "missing", 0.0, (), (), (), "") for t in tasks))


def review_workbook(path: Path, rows: list[list]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = TASKS
    sheet.append(["标题"])
    sheet.append(["序号", "任务名称", REVIEW_COLUMN, NOTE_COLUMN, *KEY_COLUMNS])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_reviews_are_read_and_follow_their_task(tmp_path):
    old = results_of("加强行政复议工作", "规范行政应诉")
    fingerprint = old.tasks[0].task.fingerprint
    path = review_workbook(tmp_path / "台账.xlsx", [
        [1, "加强行政复议工作", "√ 已落实", "见报告第3段", "（1）", fingerprint],
        [2, "规范行政应诉", "不知道", "", "（2）", "x"],
    ])
    imported = read_reviews(path)
    assert [r.status for r in imported.reviews] == ["done"] and imported.skipped  # 不知道 is no status
    # The plan changed: the reviewed task is now second, with the same wording.
    new = results_of("推进政务公开", "加强行政复议工作")
    applied, notes = apply_reviews(new, imported.reviews)
    assert applied.tasks[1].review.status == "done" and not applied.tasks[1].review.stale
    assert applied.tasks[1].final_status == "done" and applied.tasks[0].review is None


# ---------------------------------------------------------------- output

def test_an_existing_file_is_kept_as_a_backup(tmp_path):
    target = tmp_path / "结果.json"
    write_json(target, {"a": 1})
    written = write_json(target, {"a": 2})
    assert json.loads(target.read_text(encoding="utf-8")) == {"a": 2}
    assert written.backup and json.loads(written.backup.read_text(encoding="utf-8")) == {"a": 1}


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")

    def broken(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("disk")

    with pytest.raises(RuntimeError):
        write_safely(target, broken)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_an_output_may_not_be_an_input(tmp_path):
    plan = tmp_path / "计划.docx"
    plan.write_bytes(b"x")
    with pytest.raises(OutputError):
        guard_outputs([plan], [plan])


def test_each_clause_of_a_heading_of_several_needs_its_object():
    # 龙溪县 (tests/corpus/unseen-longxi-2025): the heading's first clause is about 行政执法协调监督; a sentence on
    # 财会监督 shares 县乡两级 and 协调…工作体系 with it, but not its object.
    title = "建立县乡两级行政执法协调监督工作体系，聘任行政执法社会监督员不少于30名"
    task = Task(1, "1", "", title, title + "。")
    texts = ["健全县乡两级财会监督、审计监督与纪检监察监督贯通协调工作体系，县审计局全年完成审计项目24个。",
             "印发《县乡两级行政执法协调监督工作体系建设方案》，12个乡镇全部明确执法监督人员。"]
    index, model, weights = matching([task], texts)
    clause = model.measures(task, weights)[1]
    assert clause.text.startswith("建立县乡两级") and clause.titled and not clause.core
    assert [hit.passage for hit in index.hits(clause)] == [1]


def judged(title, text, sentences, region=""):
    """The judgement of a one-task plan against a report of these sentences, all under one achievement heading."""
    from tracker.assess import assess_plan
    from tracker.models import Passage, Report

    plan = Plan("p.txt", "txt", "计划", region, 2025, (), (Task(1, "1", "", title, text),))
    report = Report("r.txt", "报告", region, 2025,
                    tuple(Passage("r.txt", "一、主要成效", i + 1, 1, "achievement", s) for i, s in enumerate(sentences)))
    return assess_plan(plan, [report]).tasks[0]


def test_a_generic_heading_is_no_evidence_by_itself():
    # 平原区 (tests/corpus/unseen-pingyuan-2025): 强化科技支撑 says what kind of work, its measures what work; a
    # report sentence that opens with the same slogan and goes on to the website is no evidence for the task.
    text = ("强化科技支撑。推广应用省行政执法综合管理监督平台，实现执法办案全流程网上运行；"
            "推进电子证照在政务服务和执法检查中共享互认。")
    sentences = ["强化科技支撑，完成区政府门户网站适老化和无障碍改造，全年网站访问量达到386万人次。",
                 "全年办理行政复议案件42件。"]
    assert judged("强化科技支撑", text, sentences).status == "missing"


def test_a_sentence_that_repeats_the_heading_without_facts_of_its_own_is_no_concrete_evidence():
    # 白杨旗 (tests/corpus/unseen-baiyang-qi-2025): a slogan sentence on 第一责任人 with no figures borrowed those of the
    # sentence after it (会前学法15次, another task's) and made the task done, a critical error.
    text = ("压实法治建设第一责任人职责。旗政府常务会议每年至少两次专题研究法治政府建设工作；各部门主要负责人将履行推进"
            "法治建设第一责任人职责情况列入年终述职内容。")
    slogan = ("旗政府始终把压实法治建设第一责任人职责作为推进法治政府建设的“牛鼻子”，旗长切实履行推进法治建设第一责任人"
              "职责，推动形成一级抓一级、层层抓落实的责任格局。")
    after = "旗政府常务会议坚持会前学法制度，全年组织会前学法15次。"
    from tracker.assess import assess_plan
    from tracker.models import Passage, Report

    plan = Plan("p.txt", "txt", "计划", "白杨旗", 2025, (), (Task(1, "1", "", "压实法治建设第一责任人职责", text),))
    # One paragraph: a topic sentence is concrete through the figures that follow it in its paragraph.
    report = Report("r.txt", "报告", "白杨旗", 2025, tuple(Passage("r.txt", "一、主要成效", 1, n, "achievement", sentence)
                                                           for n, sentence in enumerate((slogan, after), 1)))
    result = assess_plan(plan, [report]).tasks[0]
    assert result.measures[0].found == "general" and result.status != "done"


def test_a_heading_echo_over_words_shared_by_coincidence_is_no_evidence():
    # 岩溪县政数局 (tests/corpus/unseen-yanxi-zsj-2025): the heading repeats the task over work on self-service
    # terminals, whose sentence shares only 高频 and 事项 with a measure and none of its objects (电子证照, 免证办).
    from tracker.assess import DEFAULT, prepare
    from tracker.models import Passage, Report

    text = "推进电子证照扩大应用。加快存量证照电子化归集；推动电子证照在高频事项中互认共享；推行“免证办”服务"
    work = "在县政务服务中心布设24小时自助服务终端32台，可办理社保查询、公积金提取等高频服务事项96项。"
    section = "一、主要举措和成效"
    plan = Plan("p.txt", "txt", "计划", "", 2025, (), (Task(1, "1", "", "推进电子证照扩大应用", text),))
    found = []
    for heading in ("（三）推进电子证照扩大应用，数字赋能持续深化", "（三）便民服务持续优化"):
        report = Report("r.txt", "报告", "", 2025, (Passage("r.txt", section, 1, 1, "achievement", heading, heading=True),
                                                 Passage("r.txt", section, 2, 1, "achievement", work)))
        found.append(prepare(plan, [report]).features(DEFAULT)[1][0].found)
    # Without the echo the shared words still count as a general mention, for a reviewer to look at.
    assert found == [0, 1]


def test_measures_evidenced_by_facts_speak_for_a_heading_not_found_in_its_own_words():
    # 淮阳市发改委 (tests/corpus/huaiyang-fgw-2025): 规范政府定价行为 is never said; the 定价目录 revised and the
    # 成本监审 done are three of its four measures, which makes the task done, not partial.
    text = ("规范政府定价行为。1.修订《淮阳市定价目录》，按程序报批后向社会公布。2.对列入定价目录的城市供水、"
            "管道天然气等项目严格开展定价成本监审。3.对涉及群众切身利益的定价事项依法组织价格听证。")
    sentences = ["会同市财政局完成《淮阳市定价目录》修订，经市政府批准后于8月起施行，政府定价项目由12项精简至9项。",
                 "调价方案按程序报批后向社会公布实施。",
                 "对城市供水、管道天然气2个定价项目开展定价成本监审，核减不合理成本1268万元，核减率6.4%。",
                 "全年办理行政复议案件42件。"]
    result = judged("规范政府定价行为", text, sentences, "淮阳市")
    assert result.measures[0].found == "none" and result.status == "done"


def test_a_sentence_proves_as_many_measures_as_it_gives_facts():
    # 固原旗 (tests/corpus/unseen-guyuan-2025): 主动公开各类政府信息1846条 stands for the heading, the 主动公开 measure
    # and the 依申请公开 one; one fact is not three, so the task is partial, not done. (乌拉特中旗's 审核率…100%，制定
    # 6件，废止3件 gives three facts: it proves the three measures it touches, tests/test_match.py.)
    text = ("全面推进政务公开。加大财政预决算、重大建设项目等重点领域信息主动公开力度，做好重要政策文件解读，"
            "依法规范办理政府信息公开申请，加强政务新媒体日常监管。")
    sentences = ["依托旗政府门户网站主动公开财政预决算等各类政府信息1846条，政府信息公开申请均依法按期办理。",
                 "全年办理行政复议案件42件。"]
    result = judged("全面推进政务公开", text, sentences, "固原旗")
    assert sum(m.found == "concrete" for m in result.measures) >= 2 and result.status == "partial"


def test_shufa_is_a_word_of_the_genre():
    # 述法 (a leader's report on his rule-of-law duties) was cut out of 开展年度述法 as a plain word (柏城区,
    # tests/corpus/unseen-baicheng-2025): the task then had nothing to match but 对象 and 覆盖.
    assert "述法" in lexicon().tokens("组织各部门主要负责人开展年度述法，实现述法对象全覆盖")
    assert lexicon().concept_of("述法") == lexicon().concept_of("述职")


def test_kinds_of_unit_and_words_of_oversight_say_nothing_of_a_measures_object():
    # 临江区应急管理局 (tests/corpus/unseen-linjiang-yjj-2025): 将法治建设成效纳入科室年度考核 against a sentence on
    # 安全生产目标 分解到各科室，纳入年度目标考核. 科室 says who, 考核 and 纳入 say how it is overseen: the measure's
    # object is 法治建设, and only a sentence that has it can anchor a match.
    from tracker.match import unanchored

    tokens = tuple(lexicon().tokens("将法治建设成效纳入科室年度考核"))
    assert "科室" not in tokens and "大队" not in lexicon().tokens("综合执法大队开展检查")
    assert unanchored(tokens, lexicon()) == {"法治建设"}
    assert unanchored(("考核", "纳入"), lexicon()) == {"考核", "纳入"}  # nothing else to go by
    # 柳湾县交通运输局 (tests/corpus/unseen-liuwan-jtj-2025): a unit speaking of itself says who, too (编制公布本局
    # 年度重大行政决策事项目录 is not 建立本局法治宣传任务台账).
    assert "本局" not in lexicon().tokens("编制并公布本局年度重大行政决策事项目录")
    assert not {"我院", "本镇"} & set(lexicon().tokens("我院全年受理案件，本镇综合执法队开展巡查"))


def test_a_kind_of_audit_is_no_other_wording_of_audit_rectification():
    # 云梦县审计局 (tests/corpus/unseen-yunmeng-sjj-2025): 经济责任审计 was in one concept with 审计整改, so a sentence
    # on the 整改率 of all audits counted as 领导干部经济责任审计. It is one kind of audit, not another wording.
    assert lexicon().concept_of("审计整改") == "审计监督"
    assert lexicon().concept_of("经济责任审计") is None


def test_studying_the_law_an_exam_and_a_training_course_are_three_kinds_of_work():
    # 柏城区 (tests/corpus/unseen-baicheng-2025): 学法 grouped study, exams and courses, so a sentence on 会前学法
    # counted as the 任前法律知识考试 that the report says was never held. Each is its own work.
    lex = lexicon()
    assert lex.concept_of("集中学法") == lex.concept_of("理论中心组学习") == "学法"
    assert lex.concept_of("任前考试") == lex.concept_of("任前法律知识考试") != "学法"
    assert lex.concept_of("法治讲座") == lex.concept_of("主体班次") not in ("学法", lex.concept_of("任前考试"))
    assert lex.concept_of("应知应会") is None


def test_the_name_of_the_department_that_issued_the_plan_matches_nothing():
    # 岩溪县政数局 (tests/corpus/unseen-yanxi-zsj-2025): the bureau's own name in a document title gave
    # 《岩溪县政务服务和数据管理局2025年普法责任清单》 the 政务服务 of 推进政务服务事项标准化规范化.
    from tracker.match import PlanModel, ReportIndex
    from tracker.models import Passage

    lex = lexicon()
    task = Task(1, "1", "", "推进政务服务事项标准化规范化", "推进政务服务事项标准化规范化。动态调整县级政务服务事项基本目录。")
    plan = Plan("p.xlsx", "xlsx", "岩溪县政务服务和数据管理局2025年法治政府建设任务清单", "岩溪县", 2025, (), (task,))
    sentences = ["制定印发《岩溪县政务服务和数据管理局2025年普法责任清单》，明确普法事项18项。",
                 "全县政务服务事项全程网办率提升至92.1%。"]
    model = PlanModel(plan, lex)
    index = ReportIndex([Passage("r.docx", "一、主要举措", i + 1, 1, "achievement", s) for i, s in enumerate(sentences)],
                        lex, model.mask)
    core = model.measures(task, model.weights(index.tokens))[0]
    assert [hit.passage for hit in index.hits(core)] == [1]


def test_a_task_found_only_in_other_words_asks_the_unit_to_check_not_to_redo():
    # 岩溪县 task 2 (tests/corpus/unseen-yanxi-zsj-2025): the report tells all three measures in other words; the
    # 督办清单 listed them as unseen, asking the unit for work it had reported.
    from tracker.assess import missing_summary
    from tracker.models import MeasureResult, TaskResult

    task = Task(2, "2", "", "推进政务服务事项标准化规范化", "推进政务服务事项标准化规范化。动态调整县级政务服务事项基本目录。")
    measures = (MeasureResult("推进政务服务事项标准化规范化", NONE, core=True),
                MeasureResult("动态调整县级政务服务事项基本目录", NONE))
    told = TaskResult(task, "partial", 0.25, (), measures, (), "")
    assert missing_summary(told).startswith("报告用其他说法记述了相关工作（见佐证摘录），请对照核实")
    assert "动态调整县级政务服务事项基本目录" in missing_summary(told)
    seen = TaskResult(task, "partial", 0.4, (), (measures[0], MeasureResult("公布目录", CONCRETE)), (), "")
    assert not missing_summary(seen).startswith("报告用其他说法")
