"""Reading documents, and the one clear Chinese line each kind of bad input gets."""

from pathlib import Path

import pytest
from builders import write_blank_pdf, write_docx_paragraphs, write_pdf

from tracker.cli import cli
from tracker.errors import InputError
from tracker.ingest import read_document


def test_reads_utf8_bom_and_gbk_text(tmp_path):
    text = "一、总体要求\n（一）加强领导。建立机制。\n"
    for encoding in ("utf-8-sig", "gbk", "gb18030"):
        path = tmp_path / f"plan-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        assert read_document(path).blocks == ("一、总体要求", "（一）加强领导。建立机制。")


def test_reads_markdown(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text("# 工作要点\n\n## 一、总体要求\n\n**（一）加强领导。**建立机制。\n", encoding="utf-8")
    assert read_document(path).blocks == ("工作要点", "一、总体要求", "（一）加强领导。建立机制。")


def test_to_do_marks_and_quote_marks_are_markup(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("## 一、主要工作\n\n- [x] 全年调解纠纷322件\n- [ ] 决策程序规定尚未印发（推进中）\n\n> 责任科室：司法所\n",
                    encoding="utf-8")
    expected = ("一、主要工作", "全年调解纠纷322件", "决策程序规定尚未印发（推进中）", "责任科室：司法所")
    assert read_document(path).blocks == expected


def test_a_line_break_in_a_markdown_table_cell_is_a_line_break(tmp_path):
    # 平安镇 (tests/corpus/unseen-pingan-zhen-2025): a task table exported from an OA system writes <br> in cells.
    path = tmp_path / "plan.md"
    path.write_text("| 序号 | 工作任务 | 具体措施 |\n|---|---|---|\n"
                    "| 1 | 推进学法用法 | 落实会前学法制度；<br>组织年度法律知识考试；<BR/>旁听庭审 |\n", encoding="utf-8")
    table = read_document(path).blocks[0]
    assert table.rows[1][2] == "落实会前学法制度；\n组织年度法律知识考试；\n旁听庭审"


def test_reads_pdf_text_layer_without_page_furniture(seeds_dir, tmp_path):
    lines = (seeds_dir / "wulatezhong-2024-report.txt").read_text(encoding="utf-8").splitlines()
    document = read_document(write_pdf(lines, tmp_path / "report.pdf", header="乌拉特中旗人民政府"))
    assert document.blocks[0] == "2024年乌拉特中旗法治政府建设工作报告"
    assert not any(block.startswith("- ") or block == "乌拉特中旗人民政府" for block in document.blocks)
    assert any("行政机关负责人出庭应诉率100%" in block for block in document.blocks)


def test_reads_docx_paragraphs(seeds_dir, tmp_path):
    lines = (seeds_dir / "wulatezhong-2024-report.txt").read_text(encoding="utf-8").splitlines()
    document = read_document(write_docx_paragraphs(lines, tmp_path / "report.docx"))
    assert document.format == "docx"
    assert document.blocks[1] == "现将我旗2024年度法治政府建设工作情况报告如下："


def _write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


BAD_INPUTS = {
    "missing": (lambda tmp: tmp / "不存在.txt", "找不到文件"),
    "unknown extension": (lambda tmp: _write(tmp, "plan.png", b"\x89PNG...."), "不支持"),
    "empty": (lambda tmp: _write(tmp, "plan.txt", b""), "空文件"),
    "empty odt": (lambda tmp: _write(tmp, "plan.odt", b""), "空文件"),  # not "re-save it as .docx"
    "blank text": (lambda tmp: _write(tmp, "plan.txt", b"   \n\n  \n"), "没有可读的文字"),
    "old doc": (lambda tmp: _write(tmp, "plan.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100), "另存为” .docx"),
    "corrupt docx": (lambda tmp: _write(tmp, "plan.docx", b"PK\x03\x04 not really a zip"), "已损坏"),
    "corrupt xlsx": (lambda tmp: _write(tmp, "plan.xlsx", b"this is not a workbook"), "已损坏"),
    "corrupt pdf": (lambda tmp: _write(tmp, "plan.pdf", b"%PDF-1.4\n garbage"), "PDF"),
    "scanned pdf": (lambda tmp: write_blank_pdf(tmp / "plan.pdf"), "扫描件"),
    "binary as txt": (lambda tmp: _write(tmp, "plan.txt", b"\x00\x01\x02\x03" * 50), "不是文本文件"),
    "no tasks": (lambda tmp: _write(tmp, "plan.txt", "这是一篇随笔。今天天气很好。".encode()), "没有找到编号的工作任务"),
    "folder": (lambda tmp: tmp, "文件夹"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_gets_one_chinese_line_exit_2_and_no_output(tmp_path, runner, case):
    make, expected = BAD_INPUTS[case]
    source = make(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["parse", str(source), "-o", str(out / "tasks.xlsx"), "--json", str(out / "t.json")])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误：") and expected in lines[0]
    assert source.name in lines[0] or case == "missing" and "不存在.txt" in lines[0]
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_unreadable_input_raises_input_error(tmp_path):
    with pytest.raises(InputError):
        read_document(tmp_path / "nothing.pdf")


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_old_files_are_read_through_libreoffice_one_start_per_format(tmp_path, monkeypatch):
    # Old Word and Excel plans read as their .docx/.xlsx twins. Read together (an audit folder of .doc reports)
    # they take one start (about a second) per target format, not one each; a damaged file among them still gets
    # its own error, which names it.
    import subprocess

    import tracker.ingest
    from tracker.classify import load_plan
    from tracker.ingest import converted_together

    corpus = Path(__file__).parent / "corpus"
    old = [corpus / "linze-2025" / "linze-2025-plan.doc", corpus / "xiping-2025" / "xiping-2025-plan.xls",
           corpus / "donghu-jd-2025" / "donghu-jd-2025-plan.doc"]
    damaged = tmp_path / "损坏.doc"
    damaged.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    starts = []
    run = subprocess.run
    monkeypatch.setattr(tracker.ingest.subprocess, "run", lambda args, **kw: starts.append(args) or run(args, **kw))
    with converted_together([*old, damaged]) as ready:
        assert len(starts) == 2  # one for the Word files, one for the workbook
        plans = [load_plan(path, ready.get(path)) for path in old]
        with pytest.raises(InputError, match="损坏.doc"):
            read_document(damaged, ready.get(damaged))
    for path, plan in zip(old, plans, strict=True):
        twin = load_plan(path.with_suffix(".docx" if path.suffix == ".doc" else ".xlsx"))
        assert plan.format == path.suffix[1:] and plan.title == twin.title
        assert [(t.title, t.lead_units, t.units) for t in plan.tasks] == [(t.title, t.lead_units, t.units)
                                                                           for t in twin.tasks]


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_opendocument_files_read_as_their_sources():
    # 凤仪县 (tests/corpus/unseen-fengyi-2025): offices on LibreOffice send .ods plans and .odt reports.
    from tracker.classify import load_plan, load_report

    folder = Path(__file__).parent / "corpus" / "unseen-fengyi-2025"
    plan, source = (load_plan(folder / f"unseen-fengyi-2025-plan{tail}") for tail in (".ods", "-source.xlsx"))
    assert plan.format == "ods" and len(plan.tasks) == 13
    assert [(t.title, t.lead_units, t.targets) for t in plan.tasks] == [(t.title, t.lead_units, t.targets)
                                                                       for t in source.tasks]
    report, twin = (load_report(folder / f"unseen-fengyi-2025-report{tail}") for tail in (".odt", "-source.docx"))
    assert [p.text for p in report.passages] == [p.text for p in twin.passages]


def test_opendocument_without_libreoffice_gets_advice(monkeypatch):
    import tracker.ingest

    monkeypatch.setattr(tracker.ingest, "office_converter", lambda: None)  # a machine without LibreOffice
    report = Path(__file__).parent / "corpus" / "unseen-fengyi-2025" / "unseen-fengyi-2025-report.odt"
    with pytest.raises(InputError, match="OpenDocument.*另存为” .docx"):
        read_document(report)


@pytest.mark.skipif(not __import__("shutil").which("soffice"), reason="LibreOffice is not installed")
def test_a_web_page_saved_as_word_is_read_and_a_text_file_named_doc_is_not(tmp_path):
    # OA systems and Word's 另存为网页 write HTML under a .doc name; LibreOffice reads it as a web page.
    page = tmp_path / "报告.doc"
    page.write_text('<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"></head><body>'
                    "<p>某县2025年法治政府建设情况报告</p><p>一、主要工作</p>"
                    "<p>全年受理行政复议案件61件，审结58件。</p></body></html>", encoding="utf-8")
    assert read_document(page).paragraphs()[-1] == "全年受理行政复议案件61件，审结58件。"
    renamed = tmp_path / "笔记.doc"
    renamed.write_text("这不是 Word 文件。", encoding="utf-8")
    with pytest.raises(InputError, match="内容与扩展名不符"):
        read_document(renamed)


def test_a_text_box_beside_the_text_is_read_once_after_its_paragraph(tmp_path):
    # Word writes a 专栏 box twice, as a drawing and as its VML fallback; its figures may be a task's only evidence.
    import docx
    from docx.oxml import parse_xml

    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    inner = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
                    for t in ("专栏：“一件事一次办”改革成效", "全年推出“一件事一次办”事项42项，办件1.2万件。"))
    document = docx.Document()
    document.add_paragraph("（二）持续优化营商环境。")._p.append(parse_xml(
        f"<w:r {ns}><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>{inner}"
        f"</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"))
    document.add_paragraph("二、存在的问题")
    document.save(tmp_path / "报告.docx")
    assert read_document(tmp_path / "报告.docx").paragraphs() == [
        "（二）持续优化营商环境。", "专栏：“一件事一次办”改革成效", "全年推出“一件事一次办”事项42项，办件1.2万件。",
        "二、存在的问题"]


def test_a_pdf_set_in_two_columns_reads_column_by_column():
    # A 简报 whose body is set in two columns under a full-width masthead: a line of text is not read across both.
    text = "\n".join(read_document(Path(__file__).parent / "corpus" / "fenghe-2025" / "fenghe-2025-report.pdf")
                     .paragraphs())
    assert "安排14名县直部门主要负责人现场述法，委员会成员逐一点评打分，述法评议结果在全县范围内通报。" in text
    assert text.index("（一）抓实学法用法") < text.index("（二）深化政务服务改革")


def test_text_inside_block_level_content_controls_is_read():
    # An OA template wraps the filled-in body in w:sdt content controls directly under w:body.
    paragraphs = read_document(Path(__file__).parent / "corpus" / "qingshi-2025" / "qingshi-2025-report.docx").paragraphs()
    assert len(paragraphs) > 20 and any(p.startswith("二、存在的问题") for p in paragraphs)


def test_a_word_file_with_tracked_changes_reads_as_accepted(tmp_path):
    # Inserted text counts, deleted text does not (python-docx alone drops the runs inside w:ins).
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    paragraph = document.add_paragraph("全年行政机关负责人出庭应诉率")
    paragraph._p.append(parse_xml(f'<w:del {w} w:id="1" w:author="区司法局"><w:r><w:delText>92%</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {w} w:id="2" w:author="区司法局"><w:r><w:t>97%</w:t></w:r></w:ins>'))
    deleted = "建成县乡两级行政执法协调监督工作体系。"
    document.add_paragraph("")._p.append(parse_xml(
        f'<w:del {w} w:id="3" w:author="a"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0]._p.append(parse_xml(f'<w:ins {w} w:id="4" w:author="a"><w:r><w:t>审结58件</w:t></w:r></w:ins>'))
    path = tmp_path / "修订稿.docx"
    document.save(path)
    read = read_document(path)
    text = "\n".join(read.paragraphs())
    assert "出庭应诉率97%" in text and "92%" not in text and "协调监督" not in text
    assert "审结58件" in text


def test_a_report_saved_from_a_website_keeps_its_article_and_drops_the_page_around_it():
    # 另存为网页: navigation, breadcrumb, a <style> and <script>, the article in <div class="article-content">
    # with an indicator <table>, then the footer (版权所有, ICP备案) and a share bar (青龙县).
    from tracker.classify import load_report
    from tracker.models import Table

    path = Path(__file__).parent / "corpus" / "qinglong-2025" / "qinglong-2025-report.html"
    document = read_document(path)
    text = "\n".join(document.paragraphs())
    assert "首页" not in text and "版权所有" not in text and "function" not in text
    assert any(isinstance(b, Table) and "2025年" in b.rows[0] for b in document.blocks)
    report = load_report(path)
    assert report.title == "青龙县人民政府关于2025年法治政府建设情况的报告" and report.year == 2025
    assert any("出庭应诉率" in p.text and p.kind == "achievement" for p in report.passages)


def test_a_small_web_page_is_read_whole(tmp_path):
    # The page's title heads the text it gives; scripts are never read.
    path = tmp_path / "report.htm"
    path.write_text("<html><head><title>某县司法局2025年工作总结</title><script>var a = 1;</script></head><body>"
                    "<p>一、主要工作</p><p>全年办理行政复议案件65件。</p><p>二、存在问题</p><p>力量不足。</p></body></html>",
                    encoding="gb18030")
    assert read_document(path).paragraphs() == ["某县司法局2025年工作总结", "一、主要工作", "全年办理行政复议案件65件。",
                                                "二、存在问题", "力量不足。"]


def test_dates_in_a_workbook_read_as_a_plan_writes_them():
    from tracker.classify import load_plan

    plan = load_plan(Path(__file__).parent / "corpus" / "fuxing-jd-2025" / "fuxing-jd-2025-plan.xlsx")
    assert plan.tasks[3].deadline == "2025年9月30日" and plan.tasks[0].no == "1"


def test_a_footnote_is_read_after_the_paragraph_that_refers_to_it():
    # 同乐县 (tests/corpus/unseen-tongle-2025): …出庭应诉率进一步提升³, the rate itself only in footnote 3.
    path = Path(__file__).parent / "corpus" / "unseen-tongle-2025" / "unseen-tongle-2025-report.docx"
    blocks = [b for b in read_document(path).blocks if isinstance(b, str)]
    referring = next(i for i, b in enumerate(blocks) if "出庭应诉率进一步提升" in b)
    assert "出庭应诉率为95.7%" in blocks[referring + 1]


def test_a_web_page_tables_spanning_cells_cover_every_cell(tmp_path):
    # 青林区 (tests/corpus/unseen-qinglin-qu-2025): 领域 with rowspan="2"; the second row's cells had moved one column
    # to the left, its 牵头区领导 read as its task.
    page = tmp_path / "清单.html"
    page.write_text("<html><body><div><p>青林区2025年法治政府建设重点任务清单</p><table>"
                    "<tr><th>序号</th><th>领域</th><th>重点任务</th><th>牵头单位</th></tr>"
                    "<tr><td>1</td><td rowspan=\"2\">党的领导</td><td>压实第一责任人职责</td><td>区政府办公室</td></tr>"
                    "<tr><td>2</td><td>健全学法用法制度</td><td>区司法局</td></tr>"
                    "<tr><td colspan=\"4\">二、政府职能</td></tr></table></div></body></html>", encoding="utf-8")
    [table] = [b for b in read_document(page).blocks if not isinstance(b, str)]
    assert table.rows[2] == ("2", "党的领导", "健全学法用法制度", "区司法局")
    assert table.rows[3] == ("二、政府职能",) * 4
