"""Hostile inputs and output faults: nothing the user gave is lost, nothing in a workbook executes, every
limit is one Chinese line with exit 2 and no output. The bombs are built here, each a few hundred KB on disk."""

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from builders import write_docx_paragraphs

from tracker.cli import cli

PLAN = "wulatezhong-2024-plan.txt"
REPORT = "wulatezhong-2024-report.txt"
MB = 1024 * 1024


def run(runner, *args):
    return runner.invoke(cli, [str(a) for a in args])


def one_chinese_line(result) -> str:
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), result.output
    return lines[0]


@pytest.fixture
def pair(seeds_dir):
    return seeds_dir / PLAN, seeds_dir / REPORT


@pytest.fixture
def folder(seeds_dir, tmp_path):
    """An audit folder with one real department report cut from a seed report."""
    lines = [line for line in (seeds_dir / REPORT).read_text(encoding="utf-8").splitlines() if line.strip()]
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "旗司法局报告.txt").write_text("\n".join(["乌拉特中旗司法局2024年法治政府建设工作报告", *lines[5:10]]),
                                          encoding="utf-8")
    return reports


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".tracker-"))


# ---------------------------------------------------------------- 1. inputs are never destroyed

def test_json_over_the_review_workbook_is_refused(runner, pair, tmp_path):
    review = tmp_path / "r.xlsx"
    assert run(runner, "match", *pair, "-o", review).exit_code == 0
    before = review.read_bytes()
    result = run(runner, "match", *pair, "--review", review, "-o", tmp_path / "new.xlsx", "--json", review)
    assert result.exit_code == 2 and "不能覆盖输入" in one_chinese_line(result)
    assert review.read_bytes() == before and not (tmp_path / "new.xlsx").exists()


def test_outputs_into_a_department_report_are_refused(runner, seeds_dir, folder, tmp_path):
    report = folder / "旗司法局报告.txt"
    before = report.read_bytes()
    for option in ("--json", "-o"):
        result = run(runner, "audit", seeds_dir / PLAN, folder, option, report)
        assert result.exit_code == 2, result.output
        one_chinese_line(result)
    assert report.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["旗司法局报告.txt"]


def test_an_input_under_another_name_is_still_an_input(runner, pair, tmp_path):
    link = tmp_path / "same.json"
    copy = tmp_path / "plan.txt"
    copy.write_bytes(pair[0].read_bytes())
    os.link(copy, link)  # one file, two names
    result = run(runner, "parse", copy, "--json", link)
    assert result.exit_code == 2 and link.read_bytes() == copy.read_bytes()


def test_workbook_and_json_may_not_be_one_file(runner, pair, tmp_path):
    target = tmp_path / "s.xlsx"
    result = run(runner, "match", *pair, "-o", target, "--json", target)
    assert result.exit_code == 2 and "同一个文件" in one_chinese_line(result)
    assert not target.exists()


def test_an_existing_json_is_kept_as_a_dated_backup(runner, pair, tmp_path):
    target = tmp_path / "结果.json"
    target.write_text('{"old": true}', encoding="utf-8")
    assert run(runner, "match", *pair, "--json", target).exit_code == 0
    backups = list(tmp_path.glob("结果.备份-*.json"))
    assert len(backups) == 1 and json.loads(backups[0].read_text(encoding="utf-8")) == {"old": True}
    assert "tasks" in json.loads(target.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- 2. text is text

OWN_FORMULAS = re.compile(r'^=(?:IF\(|COUNTIF\(|SUMPRODUCT\(|SUM\([A-Z]+\d+:[A-Z]+\d+\)$|RANK\(|"(?:牵头|责任)"&IF\()')


def formula_cells(path: Path) -> list[str]:
    """The formula cells that are not tracker's own counting formulas, or that carry a document's text."""
    workbook = openpyxl.load_workbook(path)
    return [f"{sheet.title}!{cell.coordinate}={cell.value}" for sheet in workbook.worksheets for row in sheet.iter_rows()
            for cell in row if cell.data_type == "f" and (not OWN_FORMULAS.match(str(cell.value))
                                                         or re.search(r"1\+1|HYPERLINK|@SUM", str(cell.value)))]


def test_document_registry_and_file_name_text_is_never_a_formula(runner, seeds_dir, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text("序号,工作任务,牵头单位,责任单位\n1,=1+1,=HYPERLINK(\"http://x\"),旗司法局\n"
                    "2,加强行政复议工作,旗司法局,@SUM(A1)\n", encoding="utf-8")
    registry = tmp_path / "units.csv"
    registry.write_text('单位名称,别名,类型,所属群组\n"=HYPERLINK(""http://x"",""y"")",,部门,\n旗司法局,司法局,部门,\n',
                        encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (seeds_dir / REPORT).read_text(encoding="utf-8")
    (folder / "=1+1.txt").write_text(text, encoding="utf-8")
    (folder / "旗司法局报告.txt").write_text(text, encoding="utf-8")
    for args in (["parse", plan, "-o", tmp_path / "tasks.xlsx"],
                 ["match", plan, folder / "=1+1.txt", "-o", tmp_path / "match.xlsx"],
                 ["audit", plan, folder, "--units", registry, "-o", tmp_path / "audit.xlsx"]):
        result = run(runner, *args)
        assert result.exit_code == 0, result.output
        assert formula_cells(args[-1]) == [], args[0]
    workbook = openpyxl.load_workbook(tmp_path / "match.xlsx")
    texts = {str(c.value) for s in workbook.worksheets for row in s.iter_rows() for c in row if c.value}
    assert "=1+1" in texts and any("=1+1.txt" in t for t in texts)  # the title and the file name, as text


# ---------------------------------------------------------------- 3. limits before unpacking

def zip_with(path: Path, parts: dict[str, bytes | int]) -> Path:
    """A zip whose parts are given as bytes, or as a number of zero bytes streamed in (a bomb)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            if isinstance(data, int):
                with archive.open(name, "w", force_zip64=True) as member:
                    chunk = b" " * MB
                    for _ in range(data // MB):
                        member.write(chunk)
            else:
                archive.writestr(name, data)
    return path


def docx_parts(tmp_path: Path) -> dict[str, bytes]:
    source = write_docx_paragraphs(["旗司法局2024年工作总结", "一、主要工作", "办理行政复议案件12件。"], tmp_path / "base.docx")
    with zipfile.ZipFile(source) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_docx_that_inflates_to_gigabytes_is_refused_at_once(runner, pair, tmp_path):
    parts = docx_parts(tmp_path)
    parts["word/document.xml"] = 260 * MB
    bomb = zip_with(tmp_path / "bomb.docx", parts)
    assert bomb.stat().st_size < 3 * MB
    result = run(runner, "match", pair[0], bomb, "-o", tmp_path / "out.xlsx")
    assert result.exit_code == 2 and "超出读取限制" in one_chinese_line(result)
    assert not (tmp_path / "out.xlsx").exists()


def test_an_unused_huge_image_part_is_never_inflated(runner, pair, tmp_path):
    parts = docx_parts(tmp_path)
    parts["word/media/image1.png"] = 300 * MB
    document = zip_with(tmp_path / "图片.docx", parts)
    result = run(runner, "parse", document)
    # Read (as a document without tasks), not inflated: the message is about tasks, not about limits.
    assert "超出读取限制" not in result.output


def test_a_table_cell_spanning_millions_of_columns_is_refused(runner, pair, tmp_path):
    parts = docx_parts(tmp_path)
    table = (b'<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:gridSpan w:val="200000000"/>'
             b'</w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:sectPr", table + b"<w:sectPr", 1)
    result = run(runner, "parse", zip_with(tmp_path / "span.docx", parts))
    assert result.exit_code == 2 and "横跨 200000000 列" in one_chinese_line(result)


def sheet_xml(cells: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            f'2006/main"><sheetData>{cells}</sheetData></worksheet>').encode()


def xlsx_with_sheet(tmp_path: Path, name: str, xml: bytes | int) -> Path:
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "工作任务", "牵头单位"])
    base = tmp_path / f"base-{name}"
    workbook.save(base)
    with zipfile.ZipFile(base) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = xml
    return zip_with(tmp_path / name, parts)


def test_a_sheet_reaching_the_last_cell_is_refused(runner, tmp_path):
    far = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>'
                    '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    result = run(runner, "parse", xlsx_with_sheet(tmp_path, "far.xlsx", far))
    assert result.exit_code == 2 and "超出读取限制" in one_chinese_line(result)


def test_a_sheet_with_millions_of_rows_is_refused(runner, tmp_path):
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 30001))
    result = run(runner, "parse", xlsx_with_sheet(tmp_path, "rows.xlsx", sheet_xml(rows)))
    assert result.exit_code == 2 and "行的上限" in one_chinese_line(result)


def test_styled_empty_cells_far_away_do_not_count(runner, tmp_path):
    cells = ('<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>工作任务</t></is>'
             '</c><c r="C1" t="inlineStr"><is><t>牵头单位</t></is></c></row>'
             '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>加强行政复议工作</t></is></c>'
             '<c r="C2" t="inlineStr"><is><t>旗司法局</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576" s="0"/></row>')
    result = run(runner, "parse", xlsx_with_sheet(tmp_path, "styled.xlsx", sheet_xml(cells)))
    assert result.exit_code == 0 and "加强行政复议工作" in result.output


BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
from tracker.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_bombs_stay_within_memory_and_time(pair, tmp_path):
    parts = docx_parts(tmp_path)
    parts["word/document.xml"] = 260 * MB
    bomb = zip_with(tmp_path / "bomb.docx", parts)
    done = subprocess.run([sys.executable, "-c", BOUNDED, "match", str(pair[0]), str(bomb)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "超出读取限制" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- 4. output failures are the user's to fix

def test_unwritable_places_get_one_chinese_line(runner, pair, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    cases = [
        ["parse", pair[0], "-o", blocker / "tasks.xlsx"],  # a file where a folder should be
        ["parse", pair[0], "-o", tmp_path / ("长" * 200 + ".xlsx")],  # a name too long
        ["run", "--out", blocker],
    ]
    if Path("/proc").is_dir():
        cases.append(["parse", pair[0], "--json", "/proc/tracker.json"])
    for args in cases:
        result = run(runner, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "无法写入" in one_chinese_line(result), args
    result = run(runner, "parse", pair[0], "--json", tmp_path)  # a folder where a file should be
    assert result.exit_code == 2 and "是文件夹" in result.output.splitlines()[0]
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_no_temporary_file(runner, pair, tmp_path, monkeypatch):
    import tracker.excel

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tracker.excel, "fit_rows", broken)
    result = run(runner, "parse", pair[0], "-o", tmp_path / "tasks.xlsx")
    assert result.exit_code == 2 and "磁盘空间已满" in one_chinese_line(result)
    assert leftovers(tmp_path) == [] and not (tmp_path / "tasks.xlsx").exists()


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(runner, pair, tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".tracker-{dead.stdout.strip()}-abc.tmp"
    stale.write_bytes(b"half a workbook")
    running = tmp_path / f".tracker-{os.getppid()}-def.tmp"  # a live process's file stays
    running.write_bytes(b"in progress")
    assert run(runner, "parse", pair[0], "-o", tmp_path / "tasks.xlsx").exit_code == 0
    assert leftovers(tmp_path) == [running.name]


# ---------------------------------------------------------------- 5. the audit folder

def test_the_audit_folder_lists_what_it_does_not_read_and_never_leaves(runner, seeds_dir, folder, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("乌拉特中旗审计局2024年法治政府建设工作报告\n审计项目12个。", encoding="utf-8")
    (folder / "旗审计局报告.txt").symlink_to(secret)
    (folder / "零.txt").symlink_to("/dev/zero")
    (folder / "环.txt").symlink_to(folder / "环.txt")
    os.mkfifo(folder / "管道.txt")
    out = tmp_path / "audit.json"
    result = run(runner, "audit", seeds_dir / PLAN, folder, "--json", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped_files"]}
    assert set(skipped) == {"旗审计局报告.txt", "零.txt", "环.txt", "管道.txt"}
    assert "文件夹以外" in skipped["旗审计局报告.txt"] and "不是普通文件" in skipped["管道.txt"]
    assert all("审计局" not in u["unit"] or not u["reports"] for u in data["units"])


def test_a_device_given_as_a_plan_is_refused(runner, tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / "plan.txt"
    link.symlink_to("/dev/zero")
    result = run(runner, "parse", link)
    assert result.exit_code == 2 and "不是普通文件" in one_chinese_line(result)


# ---------------------------------------------------------------- 6. messages

def test_a_broken_pdf_gets_no_english_from_the_library(tmp_path, pair):
    broken = tmp_path / "报告.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    done = subprocess.run([sys.executable, "-m", "tracker.cli", "match", str(pair[0]), str(broken)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("错误：") and "EOF" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_a_file_name_with_a_newline_stays_on_one_line(runner, tmp_path):
    odd = tmp_path / "计划\n第二行.txt"
    odd.write_text("", encoding="utf-8")
    result = run(runner, "parse", odd)
    assert result.exit_code == 2 and "计划\\n第二行.txt" in one_chinese_line(result)


def test_usage_errors_are_chinese(runner):
    for args in (["nosuch"], ["parse", "--bogus"], ["audit", "a", "b", "--fail-under", "abc"]):
        result = run(runner, *args)
        assert result.exit_code == 2
        first = result.output.splitlines()[0]
        assert first.startswith("错误：") and not any(w in first for w in ("No such", "Invalid", "is not")), first


def test_a_formula_review_is_reported_not_dropped_silently(runner, pair, tmp_path):
    ledger = tmp_path / "台账.xlsx"
    assert run(runner, "match", *pair, "-o", ledger).exit_code == 0
    workbook = openpyxl.load_workbook(ledger)
    sheet = workbook["任务落实情况"]
    header = [c.value for c in sheet[2]]
    sheet.cell(row=3, column=header.index("复核结论") + 1).value = '=IF(1,"已落实","")'
    workbook.save(ledger)
    result = run(runner, "match", *pair, "-o", ledger)
    assert result.exit_code == 0 and "是公式" in result.output


def test_an_office_copy_of_the_status_model_that_is_broken_is_one_chinese_line(pair, tmp_path, runner, monkeypatch):
    # An office keeps its own templates (TRACKER_TEMPLATES); a status_model.json cut short in an editor must not
    # end in a traceback or a half-written ledger.
    from tracker.verdict import status_model

    office = tmp_path / "templates"
    office.mkdir()
    monkeypatch.setenv("TRACKER_TEMPLATES", str(office))
    builtin = json.loads((Path(__file__).parents[1] / "templates" / "status_model.json").read_text(encoding="utf-8"))
    # Cut short in an editor; or left from another version of tracker, whose model reads other features.
    for text, words in (('{"features": ["measures"', "格式有误"),
                        (json.dumps({**builtin, "features": builtin["features"][:-1]}), "特征不一致")):
        (office / "status_model.json").write_text(text, encoding="utf-8")
        status_model.cache_clear()
        try:
            out = tmp_path / "台账.xlsx"
            result = run(runner, "match", *pair, "-o", out)
            assert result.exit_code == 2
            assert "status_model.json" in one_chinese_line(result) and words in result.output
            assert not out.exists()
        finally:
            status_model.cache_clear()


def test_an_office_copy_of_the_paraphrase_table_that_is_broken_is_one_chinese_line(pair, tmp_path, runner,
                                                                                    monkeypatch):
    from tracker.paraphrase import paraphrases

    office = tmp_path / "templates"
    office.mkdir()
    monkeypatch.setenv("TRACKER_TEMPLATES", str(office))
    (office / "paraphrases.tsv").write_text("告知承诺制\t保证\t三点零\n", encoding="utf-8")
    paraphrases.cache_clear()
    try:
        out = tmp_path / "台账.xlsx"
        result = run(runner, "match", *pair, "-o", out)
        assert result.exit_code == 2
        assert "paraphrases.tsv" in one_chinese_line(result) and "第 1 行" in result.output
        assert not out.exists()
    finally:
        paraphrases.cache_clear()


def test_a_plan_and_report_given_the_wrong_way_round_stop_with_the_right_order(runner, pair, tmp_path):
    # When the "plan" reads as a report and the "report" as a plan, a ledger of one would mislead: stop, and
    # say which order to use.
    plan, report = pair
    result = run(runner, "match", report, plan, "-o", tmp_path / "out.xlsx")
    line = one_chinese_line(result)
    assert result.exit_code == 2 and "顺序可能写反" in line and f"tracker match “{plan.name}” “{report.name}”" in line
    assert not (tmp_path / "out.xlsx").exists()


def test_a_warning_is_in_the_workbook_as_well_as_on_screen(runner, seeds_dir, tmp_path):
    # Whoever receives only the workbook sees that the report is of another year than the plan.
    out = tmp_path / "out.xlsx"
    result = run(runner, "match", seeds_dir / "dalate-2022-plan.txt", seeds_dir / REPORT, "-o", out)
    assert result.exit_code == 0 and "是 2024 年的，计划是 2022 年的" in result.output
    overview = openpyxl.load_workbook(out).worksheets[0]
    notes = [row[1] for row in overview.iter_rows(values_only=True) if row[0] == "说明"]
    assert notes and "是 2024 年的，计划是 2022 年的" in notes[0]


def test_the_same_report_given_twice_is_read_once(runner, pair, tmp_path):
    plan, report = pair
    copy = tmp_path / "副本.txt"
    copy.write_bytes(report.read_bytes())
    run(runner, "match", plan, report, "--json", tmp_path / "once.json")
    twice = run(runner, "match", plan, report, report, copy, "--json", tmp_path / "twice.json")
    assert twice.exit_code == 0 and "是同一份文件，只读取一次" in twice.output
    first, second = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("once.json", "twice.json"))
    assert [t["status"] for t in first["tasks"]] == [t["status"] for t in second["tasks"]]
    assert second["reports"] == first["reports"]
