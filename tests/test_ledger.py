"""The ledger workbook: sheets, labels, fills, print settings, and reviews that survive re-runs."""

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tracker.cli import cli
from tracker.excel import template

PLAN, REPORT = "wulatezhong-2024-plan.txt", "wulatezhong-2024-report.txt"
SHEETS = ["总览", "任务落实情况", "单位矩阵", "单位汇总", "督办清单"]


@pytest.fixture(scope="module")
def built_ledger(seeds_dir, tmp_path_factory):
    """One match of the seed plan and report for the whole module."""
    from click.testing import CliRunner

    path = tmp_path_factory.mktemp("ledger") / "台账.xlsx"
    result = CliRunner().invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def ledger(built_ledger, tmp_path):
    """A test's own copy of the module's ledger, in its own folder: it may edit it or write beside it."""
    path = tmp_path / built_ledger.name
    shutil.copy(built_ledger, path)
    return path


def header(sheet, row=2):
    return [c.value for c in sheet[row]]


def column(sheet, name, row=2):
    return header(sheet, row).index(name) + 1


def test_sheets_title_and_overview(ledger):
    workbook = openpyxl.load_workbook(ledger)
    assert workbook.sheetnames == SHEETS
    overview = workbook["总览"]
    assert overview["A1"].value == "乌拉特中旗2024年法治政府建设工作任务落实情况"
    assert "A1:H1" in {str(r) for r in overview.merged_cells.ranges}
    texts = [str(c.value) for row in overview.iter_rows() for c in row if c.value is not None]
    assert any("wulatezhong-2024-report.txt" in t for t in texts)
    assert any(t.startswith("阅读说明") for t in texts)
    assert len(overview._charts) == 2
    # Each grouping (按部分统计, 按牵头单位统计) begins a printed page, so a chart is never parted from its title.
    headings = [c.row for c in overview["A"] if c.value in ("按部分统计", "按牵头单位统计")]
    assert [b.id for b in overview.row_breaks.brk] == [row - 1 for row in headings]


def test_task_sheet_columns_labels_fills_and_review_dropdown(ledger):
    sheet = openpyxl.load_workbook(ledger)["任务落实情况"]
    columns = template()["ledger"]["columns"]["tasks"]
    assert header(sheet)[:len(columns)] == columns
    assert sheet.max_row == 2 + 28
    status_col, final_col, review_col = column(sheet, "系统判定"), column(sheet, "最终状态"), column(sheet, "复核结论")
    labels = {"已落实": "done", "部分落实": "partial", "未体现": "missing"}
    for row in range(3, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=status_col)
        status = labels[cell.value]
        assert cell.fill.fgColor.rgb.endswith(template()["status"][status]["fill"])
        assert sheet.cell(row=row, column=final_col).value.startswith("=IF(")
    fills = {sheet.cell(row=r, column=status_col).fill.fgColor.rgb for r in range(3, sheet.max_row + 1)}
    assert len(fills) == 3  # three distinct colours
    validation = sheet.data_validations.dataValidation[0]
    assert validation.formula1 == '"已落实,部分落实,未体现,未报送"'
    assert str(validation.sqref).startswith(f"{openpyxl.utils.get_column_letter(review_col)}3")
    quotes = sheet.cell(row=3 + 4, column=column(sheet, "佐证摘录")).value  # task 5
    assert quotes.startswith("【wulatezhong-2024-report.txt · ") and "100%" in quotes


def test_every_judgement_has_a_confidence_with_its_reason(ledger):
    sheet = openpyxl.load_workbook(ledger)["任务落实情况"]
    sure = column(sheet, "可信度")
    cells = [sheet.cell(row=row, column=sure) for row in range(3, sheet.max_row + 1)]
    assert {c.value for c in cells} <= {"高", "中", "低·建议复核"} and all(c.comment for c in cells)
    assert any(c.value == "低·建议复核" for c in cells) and any(c.value != "低·建议复核" for c in cells)


def test_units_judged_on_the_government_report_are_not_ranked(ledger):
    # The only report is the government's: no unit sent its own, so none is ranked first on it.
    summary = openpyxl.load_workbook(ledger)["单位汇总"]
    rows = [[c.value for c in row] for row in summary.iter_rows(min_row=3) if row[2].value == "单位"]
    assert rows and all(row[0] == "—" for row in rows)
    assert all(row[10] == "未单独报送，依据：wulatezhong-2024-report.txt" for row in rows)


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_workbook_recounts_a_reviewers_change(ledger, tmp_path):
    # Change one 复核结论 in a copy, let LibreOffice recalculate, and read the counts it finds.
    def recalculated(path):
        out = tmp_path / "calc"
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                       check=True, capture_output=True, timeout=180)
        return openpyxl.load_workbook(out / path.name, data_only=True)

    def counts(workbook):
        overview = {row[0]: row[1] for row in workbook["总览"].iter_rows(values_only=True) if row[0]}
        summary = {row[1]: row[5] for row in workbook["单位汇总"].iter_rows(min_row=3, values_only=True)}
        matrix = {row[0]: row[2] for row in workbook["单位矩阵"].iter_rows(min_row=4, values_only=True)}
        return overview["√ 已落实"], overview["× 未体现"], summary["旗委编办"], matrix["旗委编办"]

    before = counts(recalculated(ledger))
    copy = tmp_path / "复核后.xlsx"
    shutil.copy(ledger, copy)
    write_review(copy, 1, "已落实", "经核实已落实")  # task 1, led by 旗委编办, was 未体现
    after = counts(recalculated(copy))
    assert before[3] == "牵头×" and after[3] == "牵头√"
    assert after[0] == before[0] + 1 and after[1] == before[1] - 1 and after[2] == before[2] + 1


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_unit_matrix_follows_its_tasks_when_the_reviewer_sorts_the_task_sheet(ledger, tmp_path):
    # Sorting 任务落实情况 (by 可信度, say) moves whole rows, and each row's own formulas with them; the matrix
    # finds each task by its 序号, so every unit keeps its own tasks' marks.
    from openpyxl.formula.translate import Translator

    def matrix(path):
        out = tmp_path / f"calc-{path.stem}"
        subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                       check=True, capture_output=True, timeout=180)
        sheet = openpyxl.load_workbook(out / path.name, data_only=True)["单位矩阵"]
        return [row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]]

    workbook = openpyxl.load_workbook(ledger)
    tasks = workbook["任务落实情况"]
    first, last = 3, tasks.max_row
    rows = [[cell.value for cell in tasks[r]] for r in range(first, last + 1)]
    for offset, values in enumerate(reversed(rows)):
        target = first + offset
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and value.startswith("="):
                origin = tasks.cell(row=last - offset, column=column).coordinate
                value = Translator(value, origin=origin).translate_formula(tasks.cell(row=target, column=column).coordinate)
            tasks.cell(row=target, column=column).value = value
    sorted_copy = tmp_path / "排序后.xlsx"
    workbook.save(sorted_copy)
    assert openpyxl.load_workbook(sorted_copy)["任务落实情况"]["A3"].value == rows[-1][0]
    assert matrix(sorted_copy) == matrix(ledger)


def test_print_settings(ledger):
    workbook = openpyxl.load_workbook(ledger)
    for name in SHEETS:
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert "&P" in sheet.oddFooter.center.text, name
        assert sheet.print_title_rows, name
    tasks = workbook["任务落实情况"]
    assert tasks.freeze_panes == "D3" and tasks.auto_filter.ref.startswith("A2:")
    assert str(tasks.page_setup.paperSize) == tasks.PAPERSIZE_A3


def test_unit_matrix_summary_and_reminders(ledger):
    workbook = openpyxl.load_workbook(ledger)
    matrix = workbook["单位矩阵"]
    assert header(matrix)[:4] == ["单位", "类型", 1, 2]
    rows = {matrix.cell(row=r, column=1).value: r for r in range(4, matrix.max_row + 1)}
    # 旗司法局 leads task 5: its mark is 牵头 and the sign of task 5's final status on the task sheet, found by 序号.
    final = openpyxl.utils.get_column_letter(column(workbook["任务落实情况"], "最终状态"))
    mark = matrix.cell(row=rows["旗司法局"], column=2 + 5).value
    assert mark.startswith('="牵头"&IF(') and f"INDEX('任务落实情况'!${final}$3:${final}$30,MATCH(5," in mark
    assert matrix.cell(row=rows["旗司法局"], column=2 + 1).value is None
    assert rows["单位群组（泛指多个单位，供参考）"] < rows["旗政府各部门"]
    summary = workbook["单位汇总"]
    assert header(summary) == template()["ledger"]["columns"]["units"]
    justice = next(r for r in range(3, summary.max_row + 1) if summary.cell(row=r, column=2).value == "旗司法局")
    done = summary.cell(row=justice, column=6).value
    assert done == f"=COUNTIF('单位矩阵'!$C${rows['旗司法局']}:$AD${rows['旗司法局']},\"*√\")"
    reminders = workbook["督办清单"]
    owed = [reminders.cell(row=r, column=5).value for r in range(3, reminders.max_row + 1)]
    assert owed and not any("已落实" in v for v in owed)
    assert reminders.cell(row=3, column=8).value.startswith("请")
    prompts = [reminders.cell(row=r, column=8).value for r in range(3, reminders.max_row + 1)]
    assert any("对照任务（一）“" in p for p in prompts) and not any("（（" in p for p in prompts)


def write_review(path, seq, conclusion, note):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["任务落实情况"]
    sheet.cell(row=2 + seq, column=column(sheet, "复核结论")).value = conclusion
    sheet.cell(row=2 + seq, column=column(sheet, "复核说明")).value = note
    workbook.save(path)


def test_review_survives_a_rerun_and_old_file_is_kept(seeds_dir, tmp_path, runner, ledger):
    write_review(ledger, 1, "部分落实", "报告第二部分提到机构改革，经核实部分落实")
    out = tmp_path / "r.json"
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(ledger),
                                 "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "带入 1 条复核意见" in result.output and "备份" in result.output
    backups = list(tmp_path.glob("台账.备份-*.xlsx"))
    assert len(backups) == 1
    sheet = openpyxl.load_workbook(ledger)["任务落实情况"]
    assert sheet.cell(row=3, column=column(sheet, "复核结论")).value == "部分落实"
    assert sheet.cell(row=3, column=column(sheet, "复核说明")).value == "报告第二部分提到机构改革，经核实部分落实"
    task = json.loads(out.read_text(encoding="utf-8"))["tasks"][0]
    assert task["status"] == "partial" and task["auto_status"] == "missing" and not task["review"]["stale"]


def test_review_of_changed_task_is_kept_but_flagged(seeds_dir, tmp_path, runner, ledger):
    write_review(ledger, 2, "已落实", "核实无误")
    plan = tmp_path / "plan.txt"
    text = (seeds_dir / PLAN).read_text(encoding="utf-8")
    plan.write_text(text.replace("推动旗本级政务服务中心服务事项应进必进。", "推动旗本级政务服务中心服务事项全部进驻。"),
                    encoding="utf-8")
    out = tmp_path / "r.json"
    result = runner.invoke(cli, ["match", str(plan), str(seeds_dir / REPORT), "-o", str(ledger), "--json", str(out)])
    assert result.exit_code == 0, result.output
    task = json.loads(out.read_text(encoding="utf-8"))["tasks"][1]
    assert task["status"] == "done" and task["review"]["stale"] is True
    sheet = openpyxl.load_workbook(ledger)["任务落实情况"]
    assert sheet.cell(row=4, column=column(sheet, "复核说明")).value == "【需重新复核】核实无误"
    assert "需重新复核" in result.output


def test_reviews_from_another_workbook(seeds_dir, tmp_path, runner, ledger):
    write_review(ledger, 3, "未体现", "")
    other = tmp_path / "new.xlsx"
    out = tmp_path / "r.json"
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(other),
                                 "--review", str(ledger), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["tasks"][2]["status"] == "missing"


def test_unreadable_reviews_are_skipped_with_a_message(seeds_dir, tmp_path, runner, ledger):
    write_review(ledger, 4, "差不多", "")
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(ledger)])
    assert result.exit_code == 0 and "无法识别" in result.output
    workbook = openpyxl.load_workbook(ledger)
    del workbook["任务落实情况"]
    workbook.save(ledger)
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(ledger)])
    assert result.exit_code == 0 and "没有“任务落实情况”工作表" in result.output


@pytest.mark.parametrize("lock", ["~${name}", ".~lock.{name}#"])  # Excel's or WPS's, and LibreOffice's
def test_locked_workbook_goes_to_a_fallback_name(seeds_dir, tmp_path, runner, ledger, lock):
    (tmp_path / lock.format(name=ledger.name)).write_bytes(b"lock")  # the lock file: the workbook is open
    before = ledger.read_bytes()
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(ledger)])
    assert result.exit_code == 0, result.output
    assert "被占用" in result.output and ledger.read_bytes() == before
    fallback = [p for p in tmp_path.glob("台账-*.xlsx")]
    assert len(fallback) == 1 and openpyxl.load_workbook(fallback[0]).sheetnames == SHEETS


def test_run_writes_a_ledger_per_seed_plan_and_a_task_table_where_no_report_came(tmp_path, runner):
    result = runner.invoke(cli, ["run", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert names == ["乌拉特中旗2024年法治政府建设工作任务落实情况.xlsx", "达拉特旗2022年法治政府建设工作计划任务分解表.xlsx"]
    assert "只生成任务分解表" in result.output
    dalate = openpyxl.load_workbook(tmp_path / names[1])["任务分解表"]
    assert dalate.max_row == 2 + 30


def test_missing_review_workbook_is_an_error(seeds_dir, tmp_path, runner):
    out = tmp_path / "new.xlsx"
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "-o", str(out),
                                 "--review", str(tmp_path / "none.xlsx")])
    assert result.exit_code == 2 and "找不到复核意见工作簿" in result.output and not out.exists()


def test_reminders_say_what_is_missing_and_quote_the_admitted_gap(tmp_path, runner):
    corpus = Path(__file__).parent / "corpus" / "hongshan-sfj-2025"
    out = tmp_path / "台账.xlsx"
    result = runner.invoke(cli, ["match", str(corpus / "hongshan-sfj-2025-plan.docx"),
                                 str(corpus / "hongshan-sfj-2025-report.docx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(out)["督办清单"].iter_rows(min_row=3, values_only=True))
    [target] = [r for r in rows if r[0] == "人民参与和促进法治股" and r[2] == 11]
    # The missed target comes first, with the report's figure, and the gap the report admits is quoted.
    assert target[6].startswith("量化目标“人民调解成功率达到98%以上”未达到（报告为调解成功率96.3%）")
    assert "报告在“存在的问题”中提到：“全旗人民调解成功率未达到年初确定的98%目标" in target[7]
    # Nothing is cut mid-phrase: every prompt ends a sentence, no ellipsis.
    assert all(r[7].endswith("。") and "…" not in r[7] for r in rows)


def test_a_missing_task_never_shows_a_quote_as_evidence(ledger, seeds_dir, tmp_path):
    from click.testing import CliRunner

    def rows_of(path):
        sheet = openpyxl.load_workbook(path)["任务落实情况"]
        status, quotes = column(sheet, "系统判定"), column(sheet, "佐证摘录")
        return [(sheet.cell(row=r, column=status).value, sheet.cell(row=r, column=quotes).value)
                for r in range(3, sheet.max_row + 1)]

    assert all(q for s, q in rows_of(ledger) if s != "未体现")  # every status but 未体现 is backed by a quote
    # Another banner's report speaks of a task only in near words: the quote is shown, marked as no evidence.
    other = tmp_path / "其他旗.xlsx"
    result = CliRunner().invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / "etuokeqian-2023-report.txt"),
                                      "-o", str(other)])
    assert result.exit_code == 0, result.output
    shown = [q for s, q in rows_of(other) if s == "未体现" and q]
    assert shown and all(q.startswith("（仅见相近表述，不作为落实依据）") for q in shown)


def test_a_departments_plan_names_the_ledger_after_itself_not_after_the_place():
    # 霞石县税务局 (tests/corpus/unseen-xiashi-swj-2025): 霞石县2025年法治政府建设工作任务落实情况 would name the
    # county's plan, which this is not.
    from tracker.ledger import ledger_title
    from tracker.models import Plan, Results

    def title(plan_title, region, year):
        return ledger_title(Results(Plan("p.pdf", "pdf", plan_title, region, year, (), ()), (), ()))

    assert title("国家税务总局霞石县税务局2025年法治税务建设工作要点", "霞石县", 2025) == \
        "国家税务总局霞石县税务局2025年法治税务建设工作要点落实情况"
    assert title("乌拉特中旗2024年法治政府建设工作计划", "乌拉特中旗", 2024) == "乌拉特中旗2024年法治政府建设工作任务落实情况"
    assert title("梅岭县人民政府2025年法治政府建设工作要点", "梅岭县", 2025) == "梅岭县2025年法治政府建设工作任务落实情况"
    from tracker.notice import NoticeInfo

    plan = Plan("p.pdf", "pdf", "国家税务总局霞石县税务局2025年法治税务建设工作要点", "霞石县", 2025, (), ())
    assert NoticeInfo().for_plan(Results(plan, (), ())).issuer == "国家税务总局霞石县税务局"
