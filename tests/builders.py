"""Build Word, PDF, Excel and re-encoded copies of the seed documents for tests."""

from __future__ import annotations

from pathlib import Path


def write_docx_paragraphs(lines: list[str], path: Path) -> Path:
    """A Word file with one paragraph per line, as a PDF-to-Word conversion often gives."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_docx_table(tasks: list[dict], path: Path, title: str = "") -> Path:
    """A Word plan laid out as one table (序号/工作任务/具体措施/牵头单位/责任单位), sections as merged rows."""
    import docx

    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=1, cols=6)
    header = ["序号", "工作任务", "具体措施", "牵头单位", "责任单位", "完成时限"]
    for cell, name in zip(table.rows[0].cells, header, strict=True):
        cell.text = name
    section = None
    for task in tasks:
        if task["section"] != section:
            section = task["section"]
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            merged.text = section
        row = table.add_row().cells
        measures = task["text"][len(task["title"]):].lstrip("。")
        values = [task["no"], task["title"], measures, "、".join(task["lead_units"]), "、".join(task["units"]),
                  task["deadline"]]
        for cell, value in zip(row, values, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def write_pdf(lines: list[str], path: Path, per_line: int = 34, header: str = "") -> Path:
    """A PDF with a real text layer: lines hard-wrapped, a running header and page numbers on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    page, y = 1, height - 80

    def start_page():
        pdf.setFont("STSong-Light", 11)
        if header:
            pdf.drawString(60, height - 45, header)

    def finish_page():
        pdf.drawCentredString(width / 2, 30, f"- {page} -")
        pdf.showPage()

    start_page()
    for line in lines:
        rest = line.strip()
        if not rest:
            continue
        first = True
        while rest:
            if y < 60:
                finish_page()
                page += 1
                y = height - 80
                start_page()
            # The first line of a paragraph is indented by two characters, as in printed documents.
            take = per_line - 2 if first else per_line
            chunk, rest = rest[:take], rest[take:]
            pdf.drawString(60 + (22 if first else 0), y, chunk)
            first = False
            y -= 17
    finish_page()
    pdf.save()
    return path


def write_blank_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF without a text layer, like a scan: only drawn shapes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(pages):
        pdf.rect(100, 100, 300, 500, fill=1)
        pdf.showPage()
    pdf.save()
    return path


def write_docx_auto_numbered(paragraphs: list[str], path: Path) -> Path:
    """A Word file whose task numbers come from Word's automatic list numbering (style List Number).

    Paragraphs starting with 1. 2. … lose their typed number and get the numbered-list style instead.
    """
    import re

    import docx

    document = docx.Document()
    for text in paragraphs:
        match = re.match(r"\s*\d+\.\s*", text)
        if match:
            document.add_paragraph(text[match.end():], style="List Number")
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path
