"""Build templates/notice.docx, the Word template of the 督查情况通报 and the 督办通知 (python -m tools.notice_template).

The layout follows the national standard for official documents (GB/T 9704): A4, margins 37/35/28/26 mm, title
in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 with 28.95 pt lines, first-level headings in 黑体, second-level in
楷体_GB2312, page numbers at the foot. tracker fills the template through its styles only, so an office can
restyle the template in Word (fonts, sizes, margins, the footer) and keep its own copy in templates/.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "templates" / "notice.docx"

TITLE_FONT = "方正小标宋简体"  # Word substitutes SimSun, LibreOffice Noto Serif CJK, where it is not installed
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"


def _font(style, name: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = name
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _page_number(paragraph) -> None:
    """— 1 — at the foot of each page, as a PAGE field."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text.strip() == "PAGE":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text
    paragraph.add_run(" —")


def build(target: Path = TARGET) -> Path:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    styles = document.styles

    normal = styles["Normal"]
    _font(normal, BODY_FONT, 16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28.95)
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.space_after = Pt(0)

    def paragraph_style(name: str, font: str, size: float, align=None, indent: float | None = None,
                        bold: bool = False):
        style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _font(style, font, size, bold)
        if align is not None:
            style.paragraph_format.alignment = align
        if indent is not None:
            style.paragraph_format.first_line_indent = Pt(indent)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.space_after = Pt(0)
        return style

    title = paragraph_style("Title", TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER, 0)
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(16)
    title.element.get_or_add_pPr()  # no border line under the title (python-docx's default Title has one)
    for border in title.element.pPr.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"):
        title.element.pPr.remove(border)
    paragraph_style("Heading 1", HEADING_FONT, 16, indent=32)
    paragraph_style("Heading 2", SUBHEADING_FONT, 16, indent=32)
    paragraph_style("通报-称谓", BODY_FONT, 16, indent=0)
    paragraph_style("通报-落款", BODY_FONT, 16, WD_ALIGN_PARAGRAPH.RIGHT, 0)
    paragraph_style("附件标题", HEADING_FONT, 16, indent=0)
    paragraph_style("表格标题", TITLE_FONT, 18, WD_ALIGN_PARAGRAPH.CENTER, 0)
    cell = paragraph_style("表格文字", BODY_FONT, 10.5, indent=0)
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for name in ("Heading 1", "Heading 2"):
        styles[name].paragraph_format.keep_with_next = True

    footer = section.footer.paragraphs[0]
    footer.style = styles["表格文字"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number(footer)
    document.add_paragraph("（tracker 生成通报时会清空正文，只保留本模板的页面设置、页脚和样式。）")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
    return target


if __name__ == "__main__":
    print(build())
