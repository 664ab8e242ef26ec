"""Per-unit audit: a folder of department reports in mixed formats and encodings, built from the seeds."""

import json

import openpyxl
import pytest
from builders import write_blank_pdf, write_docx_paragraphs, write_pdf

from tracker.cli import cli

PLAN = "wulatezhong-2024-plan.txt"


def seed_paragraphs(seeds_dir):
    text = (seeds_dir / "wulatezhong-2024-report.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def folder(seeds_dir, tmp_path_factory):
    """司法局 (.docx), 政数局 (GBK .txt, named by abbreviation), 市监局 (.pdf), 编办 (.md); a stray file and a scan.
    Built once for the module; tests only read it."""
    p = seed_paragraphs(seeds_dir)
    reports = tmp_path_factory.mktemp("audit") / "reports"
    reports.mkdir()
    write_docx_paragraphs(["乌拉特中旗司法局2024年法治政府建设工作报告", p[5], p[6], p[8], p[9]],
                          reports / "司法局2024年度报告.docx")
    (reports / "政数局报告.txt").write_bytes(
        "\n".join(["乌拉特中旗政务服务和数据管理局2024年法治政府建设情况", "一、主要工作", p[7]]).encode("gbk"))
    write_pdf(["乌拉特中旗市场监督管理局2024年度法治政府建设工作总结", "一、主要工作", p[7], p[9]],
              reports / "市场监督管理局.pdf")
    (reports / "编办.md").write_text("# 中共乌拉特中旗委员会机构编制委员会办公室2024年工作总结\n\n一、主要工作\n\n"
                                   "完成机构改革组织实施工作，调整优化12个部门职能，动态调整权责清单事项356项。\n",
                                   encoding="utf-8")
    (reports / "会议通知.txt").write_text("关于召开全旗春季植树工作会议的通知\n请各单位于3月10日参会。", encoding="utf-8")
    write_blank_pdf(reports / "扫描件.pdf")
    return reports


def run_audit(runner, seeds_dir, folder, tmp_path, *extra):
    out = tmp_path / "audit.json"
    result = runner.invoke(cli, ["audit", str(seeds_dir / PLAN), str(folder), "--json", str(out), *extra])
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
    return result, data


def text_reports(tmp_path, name: str, files: dict[str, str]):
    """A folder of text reports: file name → text."""
    reports = tmp_path / name
    reports.mkdir()
    for file, text in files.items():
        (reports / file).write_text(text, encoding="utf-8")
    return reports


@pytest.fixture(scope="module")
def audited(seeds_dir, folder, tmp_path_factory):
    """One plain audit of the folder, with its JSON and its workbook, shared by the tests that read them."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("audited")
    result, data = run_audit(CliRunner(), seeds_dir, folder, out, "-o", str(out / "audit.xlsx"))
    assert result.exit_code == 0, result.output
    return result, data, out / "audit.xlsx"


def test_reports_are_assigned_by_name_and_abbreviation(audited):
    result, data, _ = audited
    units = {u["unit"]: u for u in data["units"]}
    assert [r.split("/")[-1] for r in units["旗司法局"]["reports"]] == ["司法局2024年度报告.docx"]
    assert [r.split("/")[-1] for r in units["旗政数局"]["reports"]] == ["政数局报告.txt"]
    assert [r.split("/")[-1] for r in units["旗市监局"]["reports"]] == ["市场监督管理局.pdf"]
    assert [r.split("/")[-1] for r in units["旗委编办"]["reports"]] == ["编办.md"]
    assert [p.split("/")[-1] for p in data["unassigned_reports"]] == ["会议通知.txt"]
    assert [s["path"].split("/")[-1] for s in data["skipped_files"]] == ["扫描件.pdf"]
    assert "扫描件" in data["skipped_files"][0]["reason"]


def test_statuses_per_unit_and_missing_reports(audited):
    result, data, _ = audited
    units = {u["unit"]: u for u in data["units"]}
    justice = {t["seq"]: t for t in units["旗司法局"]["tasks"]}
    assert justice[18]["role"] == "lead" and justice[18]["status"] in ("done", "partial")
    assert any("行政复议" in e["text"] for e in justice[18]["evidence"])
    assert justice[5]["status"] == "done" and justice[5]["evidence"]  # 合法性审核率、备案审查率和清理率100%
    editing = {t["seq"]: t for t in units["旗委编办"]["tasks"]}
    assert editing[1]["status"] in ("done", "partial")  # 机构改革, 权责清单 in its own report
    police = units["旗公安局"]
    assert police["reports"] == [] and {t["status"] for t in police["tasks"]} == {"not_submitted"}
    assert police["rate"] == 0.0
    assert 0 < data["rate"] < 1
    assert "未报送报告的单位" in result.output and "旗公安局" in result.output
    assert "会议通知.txt" in result.output and "扫描件.pdf" in result.output


def test_exit_codes_follow_fail_under(runner, seeds_dir, folder, tmp_path, audited):
    assert audited[0].exit_code == 0  # --fail-under 0 by default
    result, data = run_audit(runner, seeds_dir, folder, tmp_path, "--fail-under", "95")
    assert result.exit_code == 1 and "低于要求" in result.output, result.output


def test_registry_expands_groups_and_government_report_is_secondary(runner, seeds_dir, folder, tmp_path):
    registry = seeds_dir.parent / "templates" / "units-乌拉特中旗.csv"
    result, data = run_audit(runner, seeds_dir, folder, tmp_path, "--units", str(registry),
                             "--government", str(seeds_dir / "wulatezhong-2024-report.txt"))
    assert result.exit_code == 0, result.output
    units = {u["unit"]: u for u in data["units"]}
    # 旗教育局 is in no task by name, but the registry puts it among 旗政府各部门.
    education = {t["seq"]: t for t in units["旗教育局"]["tasks"]}
    assert education[1]["role"] == "responsible" and education[1]["status"] == "not_submitted"
    # 各苏木镇政府 expands to the 苏木镇 of the registry.
    assert "海流图镇人民政府" in units
    data_office = {t["seq"]: t for t in units["旗政数局"]["tasks"]}
    secondary = [e for t in data_office.values() for e in t["evidence"] if e.get("secondary")]
    assert secondary and all(e["report"] == "wulatezhong-2024-report.txt" for e in secondary)


def test_workbook_has_unit_sheets_with_not_submitted(audited):
    workbook = openpyxl.load_workbook(audited[2])
    matrix = workbook["单位矩阵"]
    rows = {matrix.cell(row=r, column=1).value: r for r in range(4, matrix.max_row + 1)}
    assert matrix.cell(row=rows["旗公安局"], column=2 + 11).value == "牵头○"
    summary = workbook["单位汇总"]
    police = next(r for r in range(3, summary.max_row + 1) if summary.cell(row=r, column=2).value == "旗公安局")
    marks = [c.value for c in matrix[rows["旗公安局"]][2:]]
    assert sum(1 for m in marks if m and m.endswith("○")) == 7  # 未报送, counted by the summary's formula
    assert summary.cell(row=police, column=9).value.startswith(f"=COUNTIF('单位矩阵'!$C${rows['旗公安局']}:")
    # Only units that sent a report are ranked; those that did not come last, marked 未报送.
    ranks = [summary.cell(row=r, column=1).value for r in range(3, summary.max_row + 1)
             if summary.cell(row=r, column=3).value == "单位"]
    assert summary.cell(row=police, column=1).value == "未报送" and summary.cell(row=police, column=11).value == "未报送年度报告"
    numbered = [r for r in ranks if str(r).startswith("=RANK(")]  # ranks follow the rates in Excel
    assert numbered and ranks[:len(numbered)] == numbered and set(ranks[len(numbered):]) == {"未报送"}
    reminders = workbook["督办清单"]
    texts = [reminders.cell(row=r, column=8).value for r in range(3, reminders.max_row + 1)
             if reminders.cell(row=r, column=1).value == "旗公安局"]
    assert texts and all("尽快报送" in t for t in texts)


def test_bad_folders_and_plans(runner, seeds_dir, tmp_path):
    result = runner.invoke(cli, ["audit", str(seeds_dir / PLAN), str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "找不到文件夹" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["audit", str(seeds_dir / PLAN), str(empty)])
    assert result.exit_code == 2 and "没有文件" in result.output
    (empty / "坏文件.docx").write_bytes(b"broken")
    result = runner.invoke(cli, ["audit", str(seeds_dir / PLAN), str(empty)])
    assert result.exit_code == 2 and "没有可读的报告" in result.output
    assert "“坏文件.docx”" in result.output  # each file's own reason, so the office knows what to fix
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "司法局.txt").write_text("旗司法局2022年工作报告\n一、工作\n开展普法宣传12场次。", encoding="utf-8")
    result = runner.invoke(cli, ["audit", str(seeds_dir / "dalate-2022-plan.txt"), str(reports)])
    assert result.exit_code == 2 and "没有牵头单位或责任单位" in result.output


def test_an_old_word_file_in_the_folder_is_skipped_with_advice(runner, seeds_dir, tmp_path, monkeypatch):
    import tracker.ingest

    monkeypatch.setattr(tracker.ingest, "office_converter", lambda: None)  # a machine without LibreOffice
    reports = tmp_path / "old"
    reports.mkdir()
    (reports / "司法局.txt").write_text("乌拉特中旗司法局2024年法治政府建设工作报告\n一、主要工作\n"
                                      "全年受理行政复议案件42件，审结39件，成立行政复议委员会。\n", encoding="utf-8")
    (reports / "应急管理局.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    result, data = run_audit(runner, seeds_dir, reports, tmp_path)
    assert result.exit_code == 0, result.output
    [skipped] = data["skipped_files"]
    assert skipped["path"].endswith("应急管理局.doc") and "另存为” .docx" in skipped["reason"]


def test_the_sender_is_not_the_addressee_nor_a_unit_named_in_the_text(runner, seeds_dir, tmp_path):
    reports = text_reports(tmp_path, "addressed", {
        "关于报送2024年法治政府建设情况的报告（旗司法局）.txt": (
            "旗委依法治旗办：\n2024年法治政府建设工作报告\n一、主要工作\n"
            "配合旗委组织部举办领导干部法治专题培训班2期，全年受理行政复议案件42件，审结39件。\n"),
        "年度报告.txt": ("旗委依法治旗办：\n2024年法治政府建设工作总结\n一、主要工作\n"
                      "会同旗司法局开展行政执法案卷评查，评查案卷60卷。\n乌拉特中旗市场监督管理局\n2025年1月10日\n")})
    result, data = run_audit(runner, seeds_dir, reports, tmp_path)
    assert result.exit_code == 0, result.output
    units = {u["unit"]: [r.split("/")[-1] for r in u["reports"]] for u in data["units"]}
    assert units["旗司法局"] == ["关于报送2024年法治政府建设情况的报告（旗司法局）.txt"]
    assert units["旗市监局"] == ["年度报告.txt"]  # from the signature, not 旗司法局 named in the text


def test_a_report_of_uncertain_sender_is_listed_with_its_candidates(runner, seeds_dir, tmp_path):
    reports = text_reports(tmp_path, "uncertain", {
        "关于报送2024年法治政府建设情况的报告（旗司法局）.txt":
            "2024年法治政府建设工作报告\n一、主要工作\n全年受理行政复议案件42件，审结39件。\n",
        # Title and signature disagree: the report is not given to either unit.
        "年度报告.txt": ("旗财政局2024年法治政府建设工作报告\n一、主要工作\n开展行政执法案卷评查，评查案卷60卷。\n"
                      "乌拉特中旗市场监督管理局\n2025年1月10日\n"),
        # Nothing says who sent it: the units its text names are the candidates.
        "总结.txt": "2024年工作总结\n一、主要工作\n配合旗司法局开展普法宣传，会同旗司法局举办培训2期，与旗公安局联合执法3次。\n",
    })
    result, data = run_audit(runner, seeds_dir, reports, tmp_path)
    assert result.exit_code == 0, result.output
    candidates = {p.split("/")[-1]: c for p, c in data["unassigned_candidates"].items()}
    assert candidates["年度报告.txt"] == ["旗财政局", "旗市监局"]
    assert candidates["总结.txt"][0] == "旗司法局"
    assert "年度报告.txt（可能来自：旗财政局、旗市监局" in result.output


def test_a_units_report_of_another_place_is_counted_and_said_so(runner, seeds_dir, tmp_path):
    # A file named after a unit of the plan, but written by another banner's 司法局: the folder says whose it is,
    # the text says where it is from, and the office should see both, on screen and in the workbook.
    reports = text_reports(tmp_path, "other-place", {"司法局报告.txt": (
        "鄂托克前旗司法局2024年法治政府建设工作报告\n一、主要工作\n鄂托克前旗全年受理行政复议案件42件，审结39件。\n"
        "鄂托克前旗开展行政执法案卷评查，评查案卷60卷。\n")})
    result, data = run_audit(runner, seeds_dir, reports, tmp_path, "-o", str(tmp_path / "audit.xlsx"))
    assert result.exit_code == 0, result.output
    assert "写的是鄂托克前旗，计划是乌拉特中旗的" in result.output
    overview = openpyxl.load_workbook(tmp_path / "audit.xlsx").worksheets[0]
    notes = [row[1] for row in overview.iter_rows(values_only=True) if row[0] == "说明"]
    assert "写的是鄂托克前旗" in notes[0] and notes[0].startswith("收到 1 份单位报告")


def test_a_streets_audit_expects_reports_from_its_own_offices(runner, tmp_path):
    # 东湾街道 (tests/corpus/unseen-dongwan-jd-2025): the district bureaus it names as partners do not report to it.
    from pathlib import Path

    family = Path(__file__).parent / "corpus" / "unseen-dongwan-jd-2025"
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "党政办报告.docx").write_bytes((family / "unseen-dongwan-jd-2025-report.docx").read_bytes())
    out = tmp_path / "audit.json"
    result = runner.invoke(cli, ["audit", str(family / "unseen-dongwan-jd-2025-plan.pdf"), str(reports), "--json", str(out)])
    assert result.exit_code == 0, result.output
    names = [u["unit"] for u in json.loads(out.read_text(encoding="utf-8"))["units"]]
    assert "党政办" in names and "综合执法队" in names and not any(name.startswith("区") for name in names)
