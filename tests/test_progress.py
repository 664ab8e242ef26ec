"""Progress tables (重点任务完成情况统计表) read as reports: each row's 完成情况 is evidence for its own task,
the unit's own claim is shown and never evidence, and a claim of 已完成 the text does not bear out is flagged."""

from pathlib import Path

import openpyxl
import pytest

from tracker.assess import assess_plan
from tracker.classify import is_plan, load_plan, load_report
from tracker.cli import cli
from tracker.ingest import read_document
from tracker.models import Table
from tracker.progress import claims_done, owner, progress_columns, progress_rows

CORPUS = Path(__file__).parent / "corpus" / "hongshan-sfj-2025"
PLAN = "wulatezhong-2024-plan.txt"
HEADER = ("序号", "工作任务", "牵头单位", "完成情况", "完成进度", "佐证材料")


def write_progress(path: Path, rows: list[tuple[str, ...]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["乌拉特中旗2024年法治政府建设重点任务完成情况统计表"])
    sheet.merge_cells("A1:F1")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


ROWS = [
    ("1", "推进政府机构职能优化协同高效", "旗委编办", "完成。", "已完成", "—"),
    ("2", "提升政务服务水平", "旗政数局",
     "全旗1260项政务服务事项全部进驻政务服务中心，“一网通办”率达到96%，新增“跨省通办”事项48项。", "已完成", "办件统计表"),
    ("3", "加快推进政府诚信建设", "旗发改委", "正在梳理政府失信问题线索。", "推进中", ""),
]


def test_a_progress_table_is_a_report_not_a_plan(tmp_path):
    document = read_document(write_progress(tmp_path / "进度表.xlsx", ROWS))
    assert not is_plan(document)


def test_a_rows_problems_and_next_steps_are_read_as_problems_and_plans():
    # tests/reports/forms-r/r5.docx: 序号 | 工作任务 | 完成情况 | 存在问题 | 下步措施; the two last columns were dropped,
    # so a task named only among them seemed never mentioned.
    from tracker.models import ACHIEVEMENT, PLAN, PROBLEM, Document
    from tracker.segment import split_report

    table = Table(rows=(("序号", "工作任务", "完成情况", "存在问题", "下步措施"),
                        ("1", "加强执法队伍建设", "开展农业综合执法人员专题培训3期，全局56名执法人员均完成年度培训。",
                         "案例教学和实操演练偏少。", "每季度组织一次执法案例研讨。"),
                        ("2", "推进政务服务提质增效", "19项审批事项全部进驻县政务服务中心，全年办件1136件。", "无", "—")))
    passages = split_report(Document("r.docx", "docx", ("梧岭县农业农村局2025年法治政府建设工作推进情况", table))).passages
    kinds = {p.text: (p.kind, p.row_task) for p in passages}
    assert kinds["案例教学和实操演练偏少。"] == (PROBLEM, "1 加强执法队伍建设")
    assert kinds["每季度组织一次执法案例研讨。"] == (PLAN, "1 加强执法队伍建设")
    assert kinds["19项审批事项全部进驻县政务服务中心，全年办件1136件。"][0] == ACHIEVEMENT
    assert "无" not in kinds and "—" not in kinds


def test_a_rows_remarks_are_the_rest_of_its_sentence():
    # 云台县 report: 任务 | 完成情况 | 备注; the remarks held what was done (6月印发并公布) and why a row is undone
    # (顺延至2026年上半年), and were dropped, leaving 已完成 alone as the row's evidence.
    from tracker.models import ACHIEVEMENT, PROBLEM, Document
    from tracker.segment import split_report

    table = Table(rows=(("任务", "完成情况", "备注"),
                        ("行政处罚裁量权基准修订", "已完成", "6月印发并公布"),
                        ("乡镇赋权事项评估调整", "未完成", "因部分乡镇机构职能调整，评估工作顺延至2026年上半年"),
                        ("高频事项全流程线上办理", "已完成", "/")))
    passages = split_report(Document("r.docx", "docx", ("云台县2025年法治政府建设重点任务推进情况", table))).passages
    kinds = {p.text: p.kind for p in passages}
    assert kinds["已完成，6月印发并公布"] == ACHIEVEMENT
    assert kinds["未完成，因部分乡镇机构职能调整，评估工作顺延至2026年上半年"] == PROBLEM
    assert kinds["已完成"] == ACHIEVEMENT


def test_a_task_card_is_a_progress_row_on_its_side():
    # 晓园街道 report: one small table a task, 任务名称 | … / 落实情况 | … / 佐证材料 | …; each cell had been read as a
    # heading or a sentence, so the work stood under the heading 落实情况 and the list of papers counted as work.
    from tracker.models import ACHIEVEMENT, Document
    from tracker.segment import split_report

    card = Table(rows=(("任务卡片2", "任务卡片2"),
                       ("任务名称", "压实法治建设第一责任"),
                       ("落实情况", "街道党工委会、主任办公会先后5次专题研究法治建设工作；"
                                    "街道主要负责人在区委全面依法治区委员会会议上现场述法。"),
                       ("佐证材料", "党工委会会议纪要；《晓园街道主要负责人2025年度述法报告》")))
    passages = split_report(Document("r.docx", "docx", ("晓园街道2025年法治政府建设工作总结", card))).passages
    work = [p for p in passages if p.kind == ACHIEVEMENT and not p.heading]
    assert [p.text for p in work] == ["街道党工委会、主任办公会先后5次专题研究法治建设工作；",
                                      "街道主要负责人在区委全面依法治区委员会会议上现场述法。"]
    assert {p.row_task for p in work} == {"压实法治建设第一责任"}


def test_a_plan_table_with_an_empty_progress_column_stays_a_plan():
    table = Table(rows=(HEADER, ("1", "提升政务服务水平", "旗政数局", "", "", ""),
                        ("2", "加快推进政府诚信建设", "旗发改委", "", "", "")))
    assert progress_columns(table) is None


def test_each_row_is_evidence_for_its_own_task_and_the_claim_is_not_evidence(seeds_dir, tmp_path):
    plan = load_plan(seeds_dir / PLAN)
    report = load_report(write_progress(tmp_path / "进度表.xlsx", ROWS))
    results = {r.task.seq: r for r in assess_plan(plan, [report]).tasks}
    # Row 2 gives figures for 政务服务: its quotes name row 4 of the sheet (title row, header row, rows 1-2).
    assert results[2].status != "missing"
    assert all(e.location.startswith("表格第4行") for e in results[2].evidence)
    assert not any(e.location.startswith("表格第4行") for r in results.values() if r.task.seq != 2 for e in r.evidence)
    # Row 1 claims 已完成 and says only 完成: the claim is kept and flagged, never counted.
    assert results[1].claim == "已完成" and results[1].status == "missing"
    assert "自报已完成，佐证不足" in results[1].explanation
    assert results[3].claim == "推进中" and "自报已完成" not in results[3].explanation


def test_a_row_named_in_the_units_own_words_is_matched_like_any_sentence(seeds_dir, tmp_path):
    # 政务服务上台阶 is close to no task title: its row still proves task 2 (提升政务服务水平) by its content.
    rows = [("1", "政务服务上台阶", "旗政数局",
             "全旗1260项政务服务事项全部进驻政务服务中心，“一网通办”率达到96%，新增“跨省通办”事项48项。", "已完成", "")]
    plan = load_plan(seeds_dir / PLAN)
    assert owner("1 政务服务上台阶", plan.tasks) is None
    report = load_report(write_progress(tmp_path / "进度表.xlsx", rows))
    results = {r.task.seq: r for r in assess_plan(plan, [report]).tasks}
    assert results[2].status != "missing"
    assert results[2].evidence[0].text.startswith("全旗1260项政务服务事项")


def test_a_row_numbered_like_the_plan_reports_on_that_task():
    # A ledger numbered with the plan's own 3-3 (part and task) names its rows in short words of its own.
    plan = load_plan(CORPUS.parent / "taoyuan-2025" / "taoyuan-2025-plan.xlsx")
    task = next(t for t in plan.tasks if t.no == "3-3")
    assert owner("3-3 执法人员培训", plan.tasks) == task.seq
    assert owner("9-9 执法人员培训", plan.tasks) is None


def test_claims_and_owners():
    assert claims_done("已完成") and claims_done("完成") and claims_done("100%")
    assert not claims_done("未完成") and not claims_done("推进中") and not claims_done("部分完成")
    # A 是否完成 column (桥南街道's 自查表, tests/corpus/unseen-qiaonan-jd-2025) ticks or answers 是.
    assert claims_done("√") and claims_done("是") and not claims_done("×") and not claims_done("部分")
    plan = load_plan(CORPUS / "hongshan-sfj-2025-plan.docx")
    assert owner("20 做好防汛抗旱物资储备", plan.tasks) is None
    titled = plan.tasks[8]
    assert owner(f"{titled.seq} {titled.title[:8]}", plan.tasks) == titled.seq


@pytest.mark.parametrize("form", ["xlsx", "docx"])
def test_the_corpus_progress_table_in_excel_and_word(form):
    plan = load_plan(CORPUS / "hongshan-sfj-2025-plan.docx")
    report = load_report(CORPUS / f"hongshan-sfj-2025-progress.{form}")
    assert len(report.claims) == 17
    results = assess_plan(plan, [report]).tasks
    flagged = {r.task.seq for r in results if "自报已完成，佐证不足" in r.explanation}
    # The labels: rows 1, 6, 7, 11, 12 and 15 claim 已完成 and show less.
    assert {1, 6, 7, 11, 12, 15} <= flagged
    assert all(r.claim for r in results)


def test_the_ledger_shows_the_claims_beside_the_judgement(tmp_path, runner):
    out = tmp_path / "台账.xlsx"
    result = runner.invoke(cli, ["match", str(CORPUS / "hongshan-sfj-2025-plan.docx"),
                                 str(CORPUS / "hongshan-sfj-2025-progress.xlsx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out)["任务落实情况"]
    header = [c.value for c in sheet[2]]
    column = header.index("单位自报")
    assert header[column + 1] == "系统判定"
    claims = [row[column] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]]
    assert sum(1 for c in claims if c and "自报已完成，佐证不足" in c) >= 6


def test_a_row_naming_two_tasks_by_their_numbers_reports_on_both():
    # 红柳旗's 汇总表: 序号 （三）（四）, 任务 规范涉企行政检查；深化“高效办成一件事”改革 — one row for two tasks.
    from tracker.progress import owners

    plan = load_plan(Path(__file__).parent / "corpus" / "hongliu-2025" / "hongliu-2025-plan.docx")
    assert owners("（三）（四） 规范涉企行政检查；深化“高效办成一件事”改革", plan.tasks) == {3, 4}
    assert owners("规范涉企行政检查；深化“高效办成一件事”改革", plan.tasks) == {3, 4}
    assert owners("（一） 压实法治建设第一责任人职责", plan.tasks) == {1}
    assert owners("（八） 党政机关外聘律师和公职律师管理", plan.tasks) == set()  # its own words: matched as text
    # 白马镇 (tests/corpus/unseen-baima-zhen-2025): a row naming its task and other work beside it in a clause of its
    # own covers more than that task; its text is matched as text.
    assert owners("压实法治建设第一责任人职责，抓好领导干部学法和全镇普法", plan.tasks) == set()


def test_a_self_assessment_sheet_reads_its_explanations_not_its_scheme():
    # 安和区司法局 (tests/corpus/unseen-anhe-sfj-2025): 评分标准 echoes the tasks, 自评分 is a claim, and only 自评说明
    # shows work; a 扣分 reason admits what was not done.
    table = Table(rows=(("序号", "评分项目", "评分标准", "分值", "自评分", "自评说明（佐证材料）"),
                        ("1", "学习贯彻习近平法治思想", "纳入中心组学习计划得3分；举办法治专题讲座得3分。", "6", "3",
                         "局党组理论学习中心组开展专题学习5次；年内未组织全区领导干部法治专题讲座，扣3分。"),
                        ("2", "法治督察", "开展年度法治督察并通报得6分。", "6", "6", "")))
    columns = progress_columns(table)
    assert (columns.task, columns.progress, columns.claim) == (1, 5, 4)
    from tracker.models import Document
    from tracker.segment import split_report

    report = split_report(Document("自查评分表.xlsx", "xlsx", ("安和区司法局2025年度法治政府建设自查评分表", table)))
    rows = [(p.kind, p.text) for p in report.passages if p.row_task]
    assert rows == [("achievement", "局党组理论学习中心组开展专题学习5次；"),
                    ("problem", "年内未组织全区领导干部法治专题讲座，扣3分。")]
    assert [c.text for c in report.claims] == ["3"]  # a full score with nothing said shows nothing


def test_a_ledger_by_quarter_reads_every_quarter_and_its_notes_on_problems_and_plans_by_their_kind(tmp_path):
    # 石岳区 (tests/corpus/unseen-shiyue-2025): 一季度进展 … 四季度进展 | 全年完成情况, the figures often in a later
    # quarter; a second sheet 类别 | 序号 | 内容 whose rows are 存在问题 or 2026年工作计划.
    from tracker.segment import split_report

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["石岳区2025年法治政府建设重点任务推进台账"])
    sheet.append(["序号", "重点任务", "一季度进展", "二季度进展", "三季度进展", "四季度进展", "全年完成情况", "备注"])
    sheet.append(["1", "行政规范性文件管理", "制定方案", "审核规范性文件5件", "", "全年审核17件，纠正2件", "已完成", ""])
    sheet.append(["2", "公平竞争审查", "已部署", "正在推进", "", "", "", "结转下年度"])
    notes = workbook.create_sheet("问题与计划")
    notes.append(["类别", "序号", "内容"])
    notes.append(["存在问题", "1", "政府法律顾问参与涉法信访化解的作用发挥不充分，部分部门尚未设立公职律师岗位。"])
    notes.append(["2026年工作计划", "1", "全面开展存量涉企政策措施公平竞争审查清理，引入第三方评估机构开展抽查。"])
    path = tmp_path / "台账.xlsx"
    workbook.save(path)
    passages = split_report(read_document(path)).passages
    row = [p.text for p in passages if p.section == "表格第3行"]
    assert row == ["制定方案。", "审核规范性文件5件。", "全年审核17件，纠正2件"]  # 已完成 is the unit's claim
    kinds = {p.text: p.kind for p in passages}
    assert kinds["政府法律顾问参与涉法信访化解的作用发挥不充分，部分部门尚未设立公职律师岗位。"] == "problem"
    assert kinds["全面开展存量涉企政策措施公平竞争审查清理，引入第三方评估机构开展抽查。"] == "plan"


def test_a_ledger_by_quarter_tells_the_work_in_its_quarter_columns_and_claims_in_its_status_column():
    # 文昌街道's 推进台账 (tests/corpus/unseen-wenchang-jd-2025): 工作任务 | 一季度 | … | 四季度 | 年度完成情况, the last
    # holding only 已完成 / 基本完成 / 未完成 — the unit's claim, whatever the column is called.
    table = Table(rows=(("序号", "工作任务", "一季度", "二季度", "三季度", "四季度", "年度完成情况"),
                        ("3", "开展网格员法治培训", "", "原定法治专题培训未能举办。", "", "尚未开展。", "基本完成"),
                        ("10", "加强矛盾纠纷排查化解", "每月开展排查", "调处纠纷52件", "", "调解成功率98.9%", "已完成")))
    columns = progress_columns(table)
    assert columns is not None and columns.claim == 6 and (columns.progress, *columns.later) == (2, 3, 4, 5)
    [_, row] = progress_rows(table, columns)
    assert row.claim == "已完成" and row.progress == "每月开展排查。调处纠纷52件。调解成功率98.9%"
