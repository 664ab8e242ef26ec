"""The Word papers of a supervision meeting: the 督查情况通报 and the 督办通知, with the reviewer's statuses."""

import json

import docx
import pytest
from docx.shared import Pt

from tests.test_ledger import write_review
from tracker.cli import cli

PLAN, REPORT = "wulatezhong-2024-plan.txt", "wulatezhong-2024-report.txt"


def match(runner, seeds_dir, tmp_path, *extra):
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "--json",
                                 str(tmp_path / "r.json"), *map(str, extra)])
    assert result.exit_code == 0, result.output
    return result, json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def texts(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    from click.testing import CliRunner

    from tests.conftest import ROOT

    tmp_path = tmp_path_factory.mktemp("papers")
    result, data = match(CliRunner(), ROOT / "seeds", tmp_path, "--word", tmp_path / "督查通报.docx", "--notices",
                         tmp_path / "督办", "--reply-by", "2026年1月15日", "--contact", "张某 0478-1234567")
    return tmp_path, result, data


def test_the_notice_gives_the_figures_and_two_attachment_tables(papers):
    tmp_path, result, data = papers
    document = docx.Document(str(tmp_path / "督查通报.docx"))
    body = texts(document)
    summary = data["summary"]
    assert document.paragraphs[0].text == "关于《乌拉特中旗2024年法治政府建设工作计划》落实情况的督查通报"
    assert f"计划28项任务中，已落实{summary['done']}项" in body and f"未体现{summary['missing']}项" in body
    assert "于2026年1月15日前" in body and "张某 0478-1234567" in body
    assert "中共乌拉特中旗委员会全面依法治旗委员会办公室" in body and "旗县" not in body
    open_tasks, ranking = document.tables
    assert [c.text for c in open_tasks.rows[0].cells] == ["牵头单位", "序号", "任务", "状态", "尚缺内容"]
    assert len(open_tasks.rows) - 1 == summary["partial"] + summary["missing"]
    assert all(not row.cells[4].text.endswith("…") for row in open_tasks.rows[1:])
    # No unit sent a report of its own: none is ranked.
    assert {row.cells[0].text for row in ranking.rows[1:]} == {"未单独报送"}


def test_the_notice_is_laid_out_as_an_official_document(papers):
    tmp_path, _, _ = papers
    document = docx.Document(str(tmp_path / "督查通报.docx"))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16) and normal.font.name == "仿宋_GB2312"
    assert document.styles["Title"].font.name == "方正小标宋简体"
    assert "PAGE" in section.footer.paragraphs[0]._p.xml  # page numbers
    assert document.paragraphs[0].style.name == "Title"


def test_one_order_per_unit_that_owes_work(papers):
    tmp_path, result, data = papers
    owing = [u for u in data["units"] if not u["group"] and any(t["status"] != "done" for t in u["tasks"])]
    files = sorted((tmp_path / "督办").glob("督办通知-*.docx"))
    assert len(files) == len(owing) and "份督办通知" in result.output
    police = docx.Document(str(tmp_path / "督办" / "督办通知-旗公安局.docx"))
    assert police.paragraphs[1].text == "旗公安局："
    unit = next(u for u in data["units"] if u["unit"] == "旗公安局")
    [table] = police.tables
    assert len(table.rows) - 1 == sum(1 for t in unit["tasks"] if t["status"] != "done")
    assert "于2026年1月15日前" in texts(police) and "张某 0478-1234567" in texts(police)


def test_the_notice_follows_the_reviewer(runner, seeds_dir, tmp_path):
    ledger = tmp_path / "台账.xlsx"
    match(runner, seeds_dir, tmp_path, "-o", ledger)
    write_review(ledger, 1, "已落实", "经核实已落实")
    _, data = match(runner, seeds_dir, tmp_path, "-o", ledger, "--word", tmp_path / "通报.docx")
    document = docx.Document(str(tmp_path / "通报.docx"))
    assert data["tasks"][0]["status"] == "done" and data["tasks"][0]["auto_status"] != "done"
    assert f"已落实{data['summary']['done']}项" in texts(document)
    assert "1项任务的结论经人工复核确定" in texts(document)
    assert "推进政府机构职能优化协同高效" not in [row.cells[2].text for row in document.tables[0].rows]


def test_a_notice_must_be_a_docx_and_orders_stay_out_of_the_reports_folder(runner, seeds_dir, tmp_path):
    result = runner.invoke(cli, ["match", str(seeds_dir / PLAN), str(seeds_dir / REPORT), "--word",
                                 str(tmp_path / "通报.doc")])
    assert result.exit_code == 2 and "应以 .docx 结尾" in result.output
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "旗司法局.txt").write_text((seeds_dir / REPORT).read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(cli, ["audit", str(seeds_dir / PLAN), str(folder), "--notices", str(folder)])
    assert result.exit_code == 2 and "不能保存到存放报告的文件夹" in result.output


def test_a_streets_plan_reminds_its_own_offices_not_the_districts_bureaus(runner, tmp_path):
    # 东湾街道 (tests/corpus/unseen-dongwan-jd-2025): its plan names district bureaus as partners (区司法局,
    # 区委依法治区办); the street cannot order them, and its orders come from the street, not an unnamed office.
    from pathlib import Path

    import openpyxl

    family = Path(__file__).parent / "corpus" / "unseen-dongwan-jd-2025"
    result = runner.invoke(cli, ["match", str(family / "unseen-dongwan-jd-2025-plan.pdf"),
                                 str(family / "unseen-dongwan-jd-2025-report.docx"), "-o", str(tmp_path / "台账.xlsx"),
                                 "--notices", str(tmp_path / "督办")])
    assert result.exit_code == 0, result.output
    orders = sorted(p.name for p in (tmp_path / "督办").glob("*.docx"))
    assert orders and not any(name.startswith("督办通知-区") for name in orders)
    assert "督办通知-党政办.docx" in orders
    assert "报送东湾街道办事处" in texts(docx.Document(tmp_path / "督办" / "督办通知-党政办.docx"))
    reminders = openpyxl.load_workbook(tmp_path / "台账.xlsx")["督办清单"]
    assert not any(str(row[0]).startswith("区") for row in reminders.iter_rows(min_row=3, values_only=True) if row[0])
